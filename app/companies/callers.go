package companies

import (
	"net/mail"
	"slices"
	"strings"
	"sync"
	"unicode"

	"jobmatch"
)

// callers finds companies by what the hotline has of a caller: the phone
// number on the display, the address a mail came from, or its domain, and
// the name the caller gives ("Det er Hanne Jensen" before the company's
// name). The keys are those of the companies' own contact
// people (Company.Contacts); one phone number or address may be several
// companies'.
type callers struct {
	mu    sync.RWMutex
	refs  map[string][]callerRef // key → the companies' contacts that have it
	byCVR map[string][]string    // cvr → its keys, to drop them on an update
}

// callerRef is a company's contact person a key belongs to.
type callerRef struct {
	cvr    string
	person jobmatch.Person
}

func newCallers() *callers {
	return &callers{refs: map[string][]callerRef{}, byCVR: map[string][]string{}}
}

// put replaces the keys of c.
func (cl *callers) put(c *jobmatch.Company) {
	cvr := jobmatch.NormalizeCVR(c.CVR)
	cl.mu.Lock()
	defer cl.mu.Unlock()
	for _, k := range cl.byCVR[cvr] {
		cl.refs[k] = slices.DeleteFunc(cl.refs[k], func(r callerRef) bool { return r.cvr == cvr })
		if len(cl.refs[k]) == 0 {
			delete(cl.refs, k)
		}
	}
	delete(cl.byCVR, cvr)
	for _, p := range c.Contacts {
		for _, k := range personKeys(p) {
			if slices.ContainsFunc(cl.refs[k], func(r callerRef) bool { return r.cvr == cvr }) {
				continue // one contact per company and key
			}
			cl.refs[k] = append(cl.refs[k], callerRef{cvr, p})
			cl.byCVR[cvr] = append(cl.byCVR[cvr], k)
		}
	}
}

// find returns the contacts the query is a key of, and how it matched:
// "phone", "email", "person" (the contact's name, first and last name at
// least) or "domain" (the companies whose contacts write from that
// domain; the person is then no caller).
func (cl *callers) find(q string) ([]callerRef, string) {
	key, how := queryKey(q)
	if key == "" {
		return nil, ""
	}
	cl.mu.RLock()
	defer cl.mu.RUnlock()
	if refs := cl.refs[key]; len(refs) > 0 || how != "email" {
		return verifiedFirst(slices.Clone(refs)), how
	}
	// An address nobody has: the companies of its domain.
	_, domain, _ := strings.Cut(key, "@")
	if publicMail[domain] {
		return nil, ""
	}
	return verifiedFirst(slices.Clone(cl.refs["d:"+domain])), "domain"
}

// verifiedFirst puts the contacts a consultant or the hotline recorded
// before those only an anonymous sender gave (Person.Unverified): anyone
// may post a request under any CVR number with their own name and phone,
// and the hotline must not take such a sender for the company's contact
// person. The page marks them.
func verifiedFirst(refs []callerRef) []callerRef {
	slices.SortStableFunc(refs, func(a, b callerRef) int {
		switch {
		case a.person.Unverified == b.person.Unverified:
			return 0
		case b.person.Unverified:
			return -1
		}
		return 1
	})
	return refs
}

// personKeys are the keys of a contact person: the phone number, the
// e-mail address, and its domain unless it is a public mail service's;
// the name, whole and as first and last name.
func personKeys(p jobmatch.Person) []string {
	var out []string
	if w := nameKeyWords(p.Name); len(w) >= 2 {
		out = append(out, "n:"+strings.Join(w, " "))
		if len(w) > 2 {
			out = append(out, "n:"+w[0]+" "+w[len(w)-1])
		}
	}
	if k := phoneKey(p.Phone); k != "" {
		out = append(out, "p:"+k)
	}
	if e := jobmatch.NormalizeEmail(p.Email); strings.Contains(e, "@") {
		out = append(out, "e:"+e)
		if _, domain, _ := strings.Cut(e, "@"); !publicMail[domain] {
			out = append(out, "d:"+domain)
		}
	}
	return out
}

// queryKey reads what the hotline typed as a key: an e-mail address
// ("Hanne Jensen <hj@firma.dk>" as a mail program shows it, too), a domain
// ("firma.dk", "www.firma.dk", "@firma.dk"), or a phone number (8 digits,
// with +45 or 0045 before them, spaces and dashes allowed); "" when it is
// none of those.
func queryKey(q string) (string, string) {
	q = strings.TrimSpace(q)
	if strings.Contains(q, "@") && !strings.HasPrefix(q, "@") {
		if a, err := mail.ParseAddress(q); err == nil {
			return "e:" + jobmatch.NormalizeEmail(a.Address), "email"
		}
		return "", ""
	}
	if d := strings.ToLower(strings.TrimPrefix(q, "@")); strings.Contains(d, ".") && !strings.ContainsAny(d, " /") {
		d = strings.TrimPrefix(d, "www.")
		if publicMail[d] || strings.Trim(d, "0123456789.") == "" {
			return "", ""
		}
		return "d:" + d, "domain"
	}
	if k := phoneKey(q); k != "" {
		return "p:" + k, "phone"
	}
	if w := nameKeyWords(q); len(w) >= 2 && !strings.ContainsFunc(q, unicode.IsDigit) {
		return "n:" + strings.Join(w, " "), "person"
	}
	return "", ""
}

// nameKeyWords are the words of a person's name as any spelling of it
// reads: lower case, æ, ø, å and their spellings ae, oe, aa as a, o, a
// ("Søren Aagaard", "soeren aagaard" and "Soren Agard" are one).
func nameKeyWords(name string) []string {
	ws := strings.FieldsFunc(strings.ToLower(name), func(r rune) bool { return !unicode.IsLetter(r) })
	for i, w := range ws {
		ws[i] = nameKeyFolds.Replace(w)
	}
	return ws
}

var nameKeyFolds = strings.NewReplacer("æ", "a", "ø", "o", "å", "a", "ae", "a", "oe", "o", "aa", "a",
	"ä", "a", "ö", "o", "ü", "u", "é", "e", "è", "e", "á", "a", "í", "i", "ó", "o", "ñ", "n", "ç", "c") // "Klaus Müller" is "klaus muller" too

// phoneKey is a phone number's digits without the Danish country code
// (+45, 0045, or 45 before the eight digits), "" when it has other
// characters than digits, spaces, dashes, dots, brackets and a plus before
// the digits, or fewer than 8 digits.
func phoneKey(s string) string {
	var b strings.Builder
	plus := false
	for _, r := range s {
		switch {
		case r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == '+' && b.Len() == 0:
			plus = true
		case r == ' ', r == '-', r == '.', r == '(', r == ')':
		default:
			return ""
		}
	}
	d := b.String()
	switch {
	case len(d) == 12 && strings.HasPrefix(d, "0045"):
		d = d[4:]
	case len(d) == 10 && strings.HasPrefix(d, "45") && (plus || strings.HasPrefix(strings.TrimSpace(s), "45 ")):
		d = d[2:]
	}
	if len(d) < 8 || len(d) > 15 {
		return ""
	}
	return d
}

// publicMail are mail services whose domain says nothing of the company.
var publicMail = map[string]bool{
	"gmail.com": true, "googlemail.com": true, "hotmail.com": true, "hotmail.dk": true, "outlook.com": true, "outlook.dk": true,
	"live.com": true, "live.dk": true, "msn.com": true, "yahoo.com": true, "yahoo.dk": true, "icloud.com": true, "me.com": true,
	"mail.dk": true, "jubii.dk": true, "sol.dk": true, "ofir.dk": true, "email.dk": true, "post.tele.dk": true, "stofanet.dk": true,
	"get2net.dk": true, "youmail.dk": true, "protonmail.com": true, "proton.me": true, "aol.com": true, "webspeed.dk": true,
	"privat.dk": true, "mail.tele.dk": true,
}
