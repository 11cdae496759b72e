package app

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/go-playground/validator/v10"

	"jobmatch"
	"jobmatch/i18n"
)

func init() {
	i18n.Register(map[string][2]string{
		"v.email_typo":   {"Tjek e-mailadressen – mente du %s?", "Check the e-mail address – did you mean %s?"},
		"v.email_domain": {"Tjek e-mailadressen: endelsen efter det sidste punktum kan ikke være rigtig (fx .dk eller .com).", "Check the e-mail address: the ending after the last full stop cannot be right (e.g. .dk or .com)."},
	})
}

// Validator checks input structs with validator v10 tags plus the domain
// checks registered as tags of their own:
//
//	cvr     8 digits passing modulus 11
//	postal  a Danish postal code that exists
//	nocpr   free text without a CPR-like number
//	dkphone a Danish phone number: 8 digits, spaces allowed, +45 or not ("" passes)
//	area    a consultant's area: a Danish postal code that exists or the
//	        start of one ("64"), or i: and an industry code's digits ("i:47")
//	oneof   as usual, for enums
//
// Field names in errors are the JSON paths ("company.cvr"), so the API and the
// form show each message next to the right field.
type Validator struct {
	v *validator.Validate
}

// PostalChecker tells whether a Danish postal code exists.
type PostalChecker interface {
	ValidPostal(code string) bool
}

// NewValidator builds the validator; postal may be nil to accept any 3–4 digit code.
func NewValidator(postal PostalChecker) *Validator {
	v := validator.New(validator.WithRequiredStructEnabled())
	v.RegisterTagNameFunc(func(f reflect.StructField) string {
		name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
		if name == "-" {
			return ""
		}
		if name == "" {
			return f.Name
		}
		return name
	})
	_ = v.RegisterValidation("cvr", func(fl validator.FieldLevel) bool {
		return jobmatch.ValidCVR(fl.Field().String())
	})
	// An employer's contact's phone number, which the consultant calls:
	// "abcdefghij" and "ring efter 12" were taken by length alone.
	_ = v.RegisterValidation("phone", func(fl validator.FieldLevel) bool {
		return jobmatch.ValidPhone(fl.Field().String())
	})
	_ = v.RegisterValidation("nocpr", func(fl validator.FieldLevel) bool {
		return !containsCPR(fl.Field())
	})
	_ = v.RegisterValidation("postal", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		if len(s) < 3 || len(s) > 4 || strings.Trim(s, "0123456789") != "" {
			return false
		}
		return postal == nil || postal.ValidPostal(s)
	})
	// A consultant's phone number is shown to employers and in mails
	// ("sendt til Ny Konsulent ()" had none): a Danish one, as people
	// write it.
	_ = v.RegisterValidation("dkphone", func(fl validator.FieldLevel) bool {
		return validPhone(fl.Field().String())
	})
	// The assignment rule matches areas as prefixes of a company's postal
	// or industry code: "abc" and "9999999" matched none, silently.
	_ = v.RegisterValidation("area", func(fl validator.FieldLevel) bool {
		return validArea(postal, fl.Field().String())
	})
	// A language by its ISO 639 code (two or three letters: "da", "prs")
	// and a CEFR level or "native" (a mother tongue), in either case:
	// "zz"/"Q7" and "<script>" were stored as a CV's and a vacancy's
	// languages.
	_ = v.RegisterValidation("langcode", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		return len(s) >= 2 && len(s) <= 3 && strings.Trim(strings.ToLower(s), "abcdefghijklmnopqrstuvwxyz") == ""
	})
	_ = v.RegisterValidation("cefr", func(fl validator.FieldLevel) bool {
		switch strings.ToUpper(fl.Field().String()) {
		case "A1", "A2", "B1", "B2", "C1", "C2", "NATIVE":
			return true
		}
		return false
	})
	// A name (a person's, a company's) is one line: "Eve\r\nBcc: …" was
	// stored as a contact person and shown over three lines on the staff
	// pages, and a user named so printed across two in the CLI. Besides
	// runes: no line break, tab or other control character (C1 and the
	// Unicode line and paragraph separators included).
	_ = v.RegisterValidation("line", func(fl validator.FieldLevel) bool {
		for _, r := range fl.Field().String() {
			if r < 0x20 || r >= 0x7f && r <= 0x9f || r == '\u2028' || r == '\u2029' {
				return false
			}
		}
		return true
	})
	// An address whose domain cannot be right ("jens@gmail.con",
	// "jens@lagerhuset.d") was taken, and the receipt with the private
	// status link went nowhere: besides the usual form, its domain is
	// checked by emailTypo.
	_ = v.RegisterValidation("email", func(fl validator.FieldLevel) bool {
		s := fl.Field().String()
		if _, typo := emailTypo(s); typo {
			return false
		}
		return baseEmail.Var(s, "email") == nil
	})
	_ = v.RegisterValidation("runes", func(fl validator.FieldLevel) bool {
		// utf8-valid and free of control characters other than newline/tab
		s := fl.Field().String()
		if !utf8.ValidString(s) {
			return false
		}
		for _, r := range s {
			if r < 0x20 && r != '\n' && r != '\r' && r != '\t' {
				return false
			}
		}
		return true
	})
	return &Validator{v: v}
}

// baseEmail is validator v10's own check of an e-mail address's form,
// which the "email" tag above adds the domain check to.
var baseEmail = validator.New()

// tldTypos are misspellings of the top-level domains Danish addresses end
// in that are no top-level domain (".co", ".cm" and ".ne" are, and are
// left alone).
var tldTypos = map[string]string{
	"con": "com", "cmo": "com", "ocm": "com", "vom": "com", "xom": "com", "cpm": "com", "comm": "com", "coom": "com",
	"dkk": "dk", "ddk": "dk", "kd": "dk",
	"nte": "net", "nett": "net", "ogr": "org", "orgg": "org",
}

// mailProviders are the providers most private addresses are at, whose
// names are mistyped (gmial, hotmal, outlok).
var mailProviders = []string{"gmail", "hotmail", "outlook", "yahoo", "icloud"}

// emailTypo reports whether the domain of the address s cannot be right,
// with the address meant when it can tell: a top-level domain of one
// letter ("lagerhuset.d": no address meant), a known misspelling of a
// common one ("gmail.con": "gmail.com"), or a provider's name with two
// letters swapped, one dropped or one doubled ("gmial.com", "hotmal.com",
// "gmaill.com": "gmail.com"). The first letter is not dropped, so real
// domains a letter from a provider ("cloud.com") pass.
func emailTypo(s string) (meant string, typo bool) {
	at := strings.LastIndexByte(s, '@')
	if at < 0 {
		return "", false
	}
	local, domain := s[:at], strings.ToLower(s[at+1:])
	labels := strings.Split(domain, ".")
	if len(labels) < 2 {
		return "", false
	}
	tld := labels[len(labels)-1]
	if utf8.RuneCountInString(tld) == 1 {
		return "", true
	}
	if right, ok := tldTypos[tld]; ok {
		labels[len(labels)-1], typo = right, true
	}
	if len(labels) == 2 {
		for _, p := range mailProviders {
			if labels[0] != p && providerTypo(labels[0], p) {
				labels[0], typo = p, true
				break
			}
		}
	}
	if !typo {
		return "", false
	}
	return local + "@" + strings.Join(labels, "."), true
}

// providerTypo reports whether name is the provider's name p with two
// neighbouring letters swapped, a letter but the first dropped, or a
// letter doubled.
func providerTypo(name, p string) bool {
	switch len(name) - len(p) {
	case 0:
		for i := 0; i+1 < len(p); i++ {
			if name[i] != p[i] {
				return name[i] == p[i+1] && name[i+1] == p[i] && name[i+2:] == p[i+2:]
			}
		}
	case -1:
		for i := 1; i < len(p); i++ {
			if p[:i]+p[i+1:] == name {
				return true
			}
		}
	case 1:
		for i := 0; i < len(p); i++ {
			if p[:i+1]+p[i:] == name {
				return true
			}
		}
	}
	return false
}

// NormalizePostal reads a postal code as people write it: the four digits
// of "8000 Aarhus C" (the town after them, as on a letter), "DK-8000" and
// "DK 8000" (the country before them), spaces around. Anything else is
// left as it is, for the postal check to refuse ("8000-8200", "80OO").
func NormalizePostal(s string) string {
	t := strings.TrimSpace(s)
	if len(t) > 2 && strings.EqualFold(t[:2], "dk") {
		t = strings.TrimLeft(t[2:], " -")
	}
	code, town := t, ""
	if i := strings.IndexFunc(t, func(r rune) bool { return r < '0' || r > '9' }); i >= 0 {
		code, town = t[:i], t[i:]
	}
	if len(code) < 3 || len(code) > 4 {
		return strings.TrimSpace(s)
	}
	if town != "" && (!strings.HasPrefix(town, " ") && !strings.HasPrefix(town, ",") || !isTownName(town)) {
		return strings.TrimSpace(s)
	}
	return code
}

// isTownName reports whether s, after a postal code, is a town's name:
// letters, with spaces, full stops and dashes between them ("Aarhus C",
// "Kbh. K", "Nr. Nebel", "Ry"), at least one letter and no digit.
func isTownName(s string) bool {
	s = strings.TrimLeft(s, " ,")
	letters := 0
	for _, r := range s {
		switch {
		case unicode.IsLetter(r):
			letters++
		case r == ' ' || r == '.' || r == '-' || r == '\'':
		default:
			return false
		}
	}
	return letters > 0
}

// validPhone reports whether s is empty or a Danish phone number, written
// as jobmatch.ValidPhone reads the phone numbers employers and the hotline
// type ("12-34-56-78", "0045 12 34 56 78"), and not a foreign one: a
// consultant's number is the one employers are told to call.
func validPhone(s string) bool {
	if s == "" {
		return true
	}
	d := strings.TrimSpace(s)
	foreign := (strings.HasPrefix(d, "+") && !strings.HasPrefix(d, "+45")) ||
		(strings.HasPrefix(d, "00") && !strings.HasPrefix(d, "0045"))
	return !foreign && jobmatch.ValidPhone(d)
}

// validArea reports whether a is an area a consultant may cover: "i:" and
// one to six digits of an industry code, or one to four digits that are a
// Danish postal code or the start of one (postal nil: any digits).
func validArea(postal PostalChecker, a string) bool {
	digits := func(s string, most int) bool {
		return s != "" && len(s) <= most && strings.Trim(s, "0123456789") == ""
	}
	if ind, ok := strings.CutPrefix(a, "i:"); ok {
		return digits(ind, 6)
	}
	if !digits(a, 4) {
		return false
	}
	if postal == nil || postal.ValidPostal(a) {
		return true
	}
	if len(a) == 4 {
		return false
	}
	// A prefix: some postal code starts with it (at most 1,000 lookups in
	// a map, for a one-digit prefix).
	rest := 4 - len(a)
	n := 1
	for range rest {
		n *= 10
	}
	for i := range n {
		if postal.ValidPostal(a + fmt.Sprintf("%0*d", rest, i)) {
			return true
		}
	}
	return false
}

func containsCPR(v reflect.Value) bool {
	switch v.Kind() {
	case reflect.String:
		return jobmatch.ContainsCPR(v.String())
	case reflect.Slice:
		for i := 0; i < v.Len(); i++ {
			if containsCPR(v.Index(i)) {
				return true
			}
		}
		if joined, ok := joinedItems(v); ok {
			return jobmatch.ContainsCPR(joined)
		}
	}
	return false
}

// joinedItems is a list of two or more texts joined by a space: a CPR
// number split across items (skills "cpr.nr 010190", "1234") is one
// there, as the items are shown side by side.
func joinedItems(v reflect.Value) (string, bool) {
	if v.Len() < 2 || v.Type().Elem().Kind() != reflect.String {
		return "", false
	}
	items := make([]string, v.Len())
	for i := range items {
		items[i] = v.Index(i).String()
	}
	return strings.Join(items, " "), true
}

// codeList reports whether a field's rule makes its items codes checked
// one by one (postal codes, CVR numbers): side by side they are no text,
// and two Copenhagen postal codes and a third read as a date and a serial
// ("1210 1970 2000").
func codeList(rule string) bool {
	_, each, ok := strings.Cut(rule, "dive,")
	if !ok {
		return false
	}
	switch r, _, _ := strings.Cut(each, ","); r {
	case "area", "postal", "cvr", "numeric":
		return true
	}
	return false
}

// Validate checks s and returns a *jobmatch.ValidationError listing every bad field.
func (val *Validator) Validate(s any) error {
	out := &jobmatch.ValidationError{}
	if err := val.v.Struct(s); err != nil {
		var verrs validator.ValidationErrors
		if !errors.As(err, &verrs) {
			return err
		}
		for _, fe := range verrs {
			tag := fe.Tag()
			switch {
			case tag == "required_without" && fe.Param() == "Phone":
				tag = "phone_or_email" // "Skal udfyldes." said at the e-mail alone
			case strings.HasPrefix(tag, "required_"):
				tag = "required"
			}
			param := fe.Param()
			if s, ok := fe.Value().(string); ok && tag == "email" {
				// A domain that cannot be right, said as such, with the
				// address meant when known: "mente du jens@gmail.com?"
				if meant, typo := emailTypo(s); typo {
					tag, param = "email_domain", ""
					if meant != "" {
						tag, param = "email_typo", meant
					}
				}
			}
			if s, ok := fe.Value().(string); ok && tag == "cvr" && len(s) == 8 && strings.Trim(s, "0123456789") == "" {
				// Eight digits, and no CVR number: said apart from a
				// number of the wrong length.
				param = "checksum"
			}
			out.Add(fieldPath(fe.Namespace()), tag, param)
			// A bound counts items of a list and is a value of a number,
			// not characters: "Må højst være 300 tegn" said a commute in km.
			switch fe.Kind() {
			case reflect.Slice, reflect.Array, reflect.Map:
				out.Fields[len(out.Fields)-1].Of = "list"
			case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
				reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Float32, reflect.Float64:
				out.Fields[len(out.Fields)-1].Of = "number"
			}
		}
	}
	// No field of any input may carry a CPR number, tagged or not, nor
	// control characters (NUL, escape sequences; tab and line breaks are
	// text) or the bidi overrides that make text display other than it
	// reads ("\u202e4321-091010" shows as a CPR number).
	// Either is what the field's answer says, before a format it fails
	// too ("B2\x00…" is no CEFR level because of the NUL).
	// A list's items are checked alone, then, when none holds one, joined
	// by a space (walkStrings).
	walkStrings(reflect.ValueOf(s), func(v string, path func() string) bool {
		switch {
		case jobmatch.ContainsCPR(v):
			setField(out, path(), "cpr")
		case strings.ContainsFunc(v, controlChar):
			setField(out, path(), "control")
		default:
			return false
		}
		return true
	})
	return out.Err()
}

// setField gives the field at path the error code, in place of the one it
// has.
func setField(e *jobmatch.ValidationError, path, code string) {
	for i, f := range e.Fields {
		if f.Field == path {
			e.Fields[i].Code, e.Fields[i].Param, e.Fields[i].Of = code, "", ""
			return
		}
	}
	e.Add(path, code, "")
}

// controlChar reports the characters no text of a form or a CV holds:
// C0 and C1 controls but tab, line feed and carriage return, DEL, and the
// bidi embeddings, overrides and isolates.
func controlChar(r rune) bool {
	switch {
	case r == '\t' || r == '\n' || r == '\r':
		return false
	case r < 0x20, r >= 0x7f && r <= 0x9f:
		return true
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return true
	}
	return false
}

// walkStrings calls fn for every string reachable in v, with a function
// that gives its JSON path ("experience[2].title"): built only when asked,
// since almost every string passes. fn reports whether it found the string
// bad; a list of texts none of which is, is given to fn once more, its
// items joined by a space, at the list's path ("skills"), unless its rule
// makes them codes (codeList).
func walkStrings(v reflect.Value, fn func(s string, path func() string) bool) {
	type seg struct {
		name string
		idx  int // an element of a list when name is ""
	}
	var segs []seg
	path := func() string {
		var b strings.Builder
		for _, sg := range segs {
			switch {
			case sg.name == "":
				fmt.Fprintf(&b, "[%d]", sg.idx)
			case b.Len() > 0:
				b.WriteString("." + sg.name)
			default:
				b.WriteString(sg.name)
			}
		}
		return b.String()
	}
	var walk func(v reflect.Value, codes bool) bool // reports whether fn found a string bad
	walk = func(v reflect.Value, codes bool) bool {
		bad := false
		switch v.Kind() {
		case reflect.Pointer, reflect.Interface:
			if !v.IsNil() {
				bad = walk(v.Elem(), codes)
			}
		case reflect.String:
			bad = fn(v.String(), path)
		case reflect.Slice, reflect.Array:
			for i := 0; i < v.Len(); i++ {
				segs = append(segs, seg{idx: i})
				bad = walk(v.Index(i), false) || bad
				segs = segs[:len(segs)-1]
			}
			if joined, ok := joinedItems(v); ok && !bad && !codes {
				bad = fn(joined, path)
			}
		case reflect.Struct:
			t := v.Type()
			for i := 0; i < t.NumField(); i++ {
				f := t.Field(i)
				if !f.IsExported() {
					continue
				}
				name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
				if name == "-" || f.Tag.Get("cpr") == "-" {
					// cpr:"-": a public number of ten digits (a
					// P-number), checked by its own rule.
					continue
				}
				if f.Anonymous {
					bad = walk(v.Field(i), false) || bad
					continue
				}
				if name == "" {
					name = f.Name
				}
				segs = append(segs, seg{name: name})
				bad = walk(v.Field(i), codeList(f.Tag.Get("validate"))) || bad
				segs = segs[:len(segs)-1]
			}
		}
		return bad
	}
	walk(v, false)
}

// fieldPath turns "VacancyInput.company.contact.email" into "company.contact.email".
func fieldPath(ns string) string {
	if _, rest, ok := strings.Cut(ns, "."); ok {
		return rest
	}
	return ns
}

// CleanList trims a validated list of words and drops blanks and repeats
// (case-insensitively), keeping the first spelling.
func CleanList(in []string) []string {
	out := make([]string, 0, len(in))
	seen := map[string]bool{}
	for _, s := range in {
		s = strings.TrimSpace(s)
		k := strings.ToLower(s)
		if s == "" || seen[k] {
			continue
		}
		seen[k] = true
		out = append(out, s)
	}
	return out
}

// MustDate parses a date the validator has already checked; "" is the zero date.
func MustDate(s string) jobmatch.Date {
	d, _ := jobmatch.ParseDate(s)
	return d
}
