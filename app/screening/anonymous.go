package screening

import (
	"fmt"
	"regexp"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/i18n"
	"jobmatch/taxonomy"
)

// anonymised is a text about a citizen as an employer may read it on a
// profile without the name: a consultant's assessment ("Ring til Ib på
// 22 99 44 55, han bor på Strandvejen 12") said the name, the phone number,
// the e-mail address, where the person lives and, by "han" or "hun", the
// gender, which the consent page promises the employer never sees. With
// named, the citizen said yes to their name: only the name stays. The
// jobcentre's case number and links go either way (a LinkedIn address
// names the person in its path).
func anonymised(text string, c *jobmatch.Candidate, places *taxonomy.Places, named bool) string {
	return anonymisedIn(i18n.DA, text, c, places, named)
}

// anonymisedIn is anonymised with the name said in lang: "The candidate"
// on an English page (it read "Kandidaten har 11 års erfaring").
func anonymisedIn(lang i18n.Lang, text string, c *jobmatch.Candidate, places *taxonomy.Places, named bool) string {
	if text == "" {
		return text
	}
	// Links and e-mail addresses go before the name is looked for: a name
	// replaced inside one ("linkedin.com/in/Kandidaten") left the rest of
	// the address behind.
	text = withoutContact(text, c.Phone, places)
	text = withoutRef(text, c.ExternalRef) // after the e-mail addresses: "sl-1@example.dk" is one
	if !named {
		text = scrubName(text, c.Name, false, lang)
	}
	return withoutGender(text)
}

// anonymiseProfile makes p as an employer may read it: the assessment
// anonymised; the CV's own words on it (jobs, education, skills) without
// the case number, links, phone numbers, e-mail addresses and street
// addresses ("Lager hos Ib Dahl, tlf 22994455" as a job's title) and,
// unless the citizen agreed to it, without the name ("Produktionsmedarbejder
// hos Østergaard-Jørgensen Smed" named the citizen Søren
// Østergaard-Jørgensen). A name word that is an ordinary Danish word stays
// in the CV's words when it stands alone: a job title of "Bager" is no
// citizen Bager. Pronouns are looked for in the assessment alone. What
// was taken out is said in lang: the English employer page said "(navn
// fjernet)".
func anonymiseProfile(p *Profile, c *jobmatch.Candidate, places *taxonomy.Places, named bool, lang i18n.Lang) {
	p.Interview = anonymisedIn(lang, p.Interview, c, places, named)
	cvLine := func(s string) string {
		s = withoutRef(withoutContact(s, c.Phone, places), c.ExternalRef)
		if !named {
			s = withoutNameInCV(s, c.Name)
		}
		return s
	}
	for _, list := range []*[]string{&p.Occupations, &p.Experience, &p.SkillsMatched, &p.Skills, &p.Education} {
		for i, s := range *list {
			(*list)[i] = cvLine(s)
		}
	}
	for i := range p.Years {
		p.Years[i].Title = cvLine(p.Years[i].Title)
	}
	if lang == i18n.DA {
		return
	}
	r := removedIn(lang)
	p.Interview = r.Replace(p.Interview)
	for _, list := range []*[]string{&p.Occupations, &p.Experience, &p.SkillsMatched, &p.Skills, &p.Education} {
		for i, s := range *list {
			(*list)[i] = r.Replace(s)
		}
	}
	for i := range p.Years {
		p.Years[i].Title = r.Replace(p.Years[i].Title)
	}
}

// removedKeys are the marks put where something was taken out of a text,
// in Danish as the functions below write them, and their message keys.
var removedKeys = [][2]string{
	{"(navn fjernet)", "anon.name"}, {"(sagsnummer fjernet)", "anon.ref"}, {"(link fjernet)", "anon.link"},
	{"(telefonnummer fjernet)", "anon.phone"}, {"(e-mail fjernet)", "anon.email"}, {"(adresse fjernet)", "anon.address"},
}

// removedIn replaces the Danish marks with lang's.
func removedIn(lang i18n.Lang) *strings.Replacer {
	var pairs []string
	for _, k := range removedKeys {
		pairs = append(pairs, k[0], i18n.T(lang, k[1]))
	}
	return strings.NewReplacer(pairs...)
}

var (
	// An e-mail address, also as people hide one from robots
	// ("kaj (at) firma.dk", "kaj[at]firma dot dk", "kaj @ firma.dk").
	mailRE = regexp.MustCompile(`(?i)[\p{L}\p{N}._%+-]+\s*(?:@|\(at\)|\[at\]|\s(?:at|snabel-a)\s)\s*[\p{L}\p{N}-]+(?:\.[\p{L}\p{N}-]+|\s*(?:\(dot\)|\[dot\])\s*[\p{L}\p{N}-]+|\s(?:dot|punktum)\s[\p{L}\p{N}-]+)*`)
	// A run of digits and the marks people group a phone number with
	// ("+45 22 99 44 55", "0045-2299-4455", "229 944 55", "22/99/44/55").
	digitRunRE = regexp.MustCompile(`(?:\+|00)?\d[\d ./\x{00a0}-]*\d`)
	// Two years ("2010-2018", "1998 2004") are no phone number.
	yearsRE = regexp.MustCompile(`^(19|20)\d\d[ -](19|20)\d\d$`)
	// Words after a number that make it an amount, a count or hours:
	// "3000 3500 kr.", "2500 3000 kolli".
	amountAfterRE = regexp.MustCompile(`^\s*(?i:kr\b|kroner|dkk|stk|kolli|timer|t\.|pct|%|km\b)`)
	// A street and its number ("Strandvejen 12", "Nørregade 4B, 2. tv.",
	// "Ved Stranden 4, st. tv."), with the postal code and town after
	// it; not "Danmark 12 år" (a number of years).
	streetRE = regexp.MustCompile(`(?:(?:Ved|Islands|[\p{Lu}][\p{L}.]*)\s+(?:Stranden|Brygge|Allé|Alle|Boulevard|Plads|Vej|Gade|Torv|Vænge|Stræde|Have|Park)|Ved\s+[\p{Lu}][\p{L}]*|[\p{Lu}][\p{L}]*(?:vej|vejen|gade|gaden|allé|alle|allée|vænge|vænget|stræde|strædet|plads|pladsen|boulevard|torv|torvet|have|haven|park|parken|bakke|bakken|toft|toften|sti|stien|kvarter|kvarteret|løkke|løkken|hegn|hegnet|marken|høj|højen|vang|vangen|tofte|huse|husene|brynet|stranden|engen|lunden|parkvej|gården|sletten|bjerget))\s+\d{1,4}(?:[A-Za-z]\b|\s[A-Z]\b)?(?:,?\s*(?:\d{1,2}|st)\.\s*(?:th|tv|mf|sal)?\.?)?(?:,?\s*\d{4}(?:\s+[\p{Lu}][\p{L}-]*(?:\s+[\p{Lu}][\p{L}-]*)?)?)?`)
	// A number of years, months or the like after a "street" and number:
	// no address.
	notAddressRE = regexp.MustCompile(`\d\s+(?:år|års|måneder|uger|dage|timer)\b`)
)

// withoutContact takes the ways to reach or find the person out of a
// text: e-mail addresses, links, phone numbers (the person's own in any
// grouping; others as Danish numbers are written), street addresses, and
// a postal code with its town's name (a year before a capital is no postal
// code: the town must be the code's). Times ("06.00-14.00"), ranges
// ("2500-3000 kolli"), amounts and two years stay.
func withoutContact(text, ownPhone string, places *taxonomy.Places) string {
	text = mailRE.ReplaceAllStringFunc(text, func(m string) string {
		if strings.Contains(m, "@") || strings.ContainsAny(m, "([") || strings.Contains(strings.ToLower(m), " dot ") || strings.Contains(strings.ToLower(m), " punktum ") {
			return "(e-mail fjernet)"
		}
		// "kaj at firma": " at " alone, without a dot word or mark, is
		// English prose ("good at lifting").
		return m
	})
	text = withoutLinks(text)
	own := phoneDigits(ownPhone)
	var b strings.Builder
	last := 0
	for _, loc := range digitRunRE.FindAllStringIndex(text, -1) {
		run := text[loc[0]:loc[1]]
		if loc[0] > 0 {
			if r, _ := utf8.DecodeLastRuneInString(text[:loc[0]]); unicode.IsLetter(r) || unicode.IsDigit(r) {
				continue // inside a word or a code ("A12345678")
			}
		}
		if isPhone(run, own, text[loc[1]:]) {
			b.WriteString(text[last:loc[0]])
			b.WriteString("(telefonnummer fjernet)")
			last = loc[1]
		}
	}
	b.WriteString(text[last:])
	text = b.String()
	text = streetRE.ReplaceAllStringFunc(text, func(m string) string {
		if notAddressRE.MatchString(m) {
			return m
		}
		return "(adresse fjernet)"
	})
	// A postal code and town alone stay: "arbejder gerne i 6400
	// Sønderborg" is where the person will work (the street's is taken
	// with the street).
	return text
}

// linkRE is a web address: with its scheme or "www." ("https://…",
// "www.…"), or a bare domain of the endings Danish CVs use with a path or
// without ("linkedin.com/in/soeren-oe", "ib-dahl.dk"). The endings are in
// lower case: "ASP.NET" is a skill. The character before the address
// (group 1) is kept.
var linkRE = regexp.MustCompile(`(^|[^\p{L}\p{N}@._%+/-])((?i:(?:https?|ftp)://|www\.)[^\s<>"]+|[\p{L}\p{N}][\p{L}\p{N}-]*(?:\.[\p{L}\p{N}-]+)*\.(?:dk|com|net|org|eu|de|se|info)(?:/[^\s<>"]*)?)`)

// notLinks are names of skills that look like domains.
var notLinks = map[string]bool{"asp.net": true, "vb.net": true, "ado.net": true}

// withoutLinks takes web addresses out of a text: a LinkedIn or Facebook
// address names the person in its path, a home page is the person's own.
// Marks that end a sentence after an address stay.
func withoutLinks(text string) string {
	var b strings.Builder
	last := 0
	for _, m := range linkRE.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[4], m[5]
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue // "firma.dkX" is no address
		}
		link := strings.TrimRight(text[start:end], ".,;:!?)»\"'’”")
		if notLinks[strings.ToLower(link)] {
			continue
		}
		b.WriteString(text[last:start])
		b.WriteString("(link fjernet)")
		last = start + len(link)
	}
	b.WriteString(text[last:])
	return b.String()
}

// withoutRef takes the citizen's case number at the jobcentre (the CV's
// external reference, "SAG-F-4") out of a text, however its parts are
// joined ("sag f 4", "SAG/F/4"): it is the key to the citizen's file. A
// reference of fewer than three letters and digits would take ordinary
// numbers with it and is left.
func withoutRef(text, ref string) string {
	parts := strings.FieldsFunc(ref, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	if utf8.RuneCountInString(strings.Join(parts, "")) < 3 || text == "" {
		return text
	}
	for i, p := range parts {
		parts[i] = regexp.QuoteMeta(p)
	}
	re, err := regexp.Compile(`(?i)(?:^|[^\p{L}\p{N}])(` + strings.Join(parts, `[\s./_-]*`) + `)`)
	if err != nil {
		return text
	}
	var b strings.Builder
	last := 0
	for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
		start, end := m[2], m[3]
		if r, _ := utf8.DecodeRuneInString(text[end:]); end < len(text) && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			continue // "SAG-F-40" is another case
		}
		b.WriteString(text[last:start])
		b.WriteString("(sagsnummer fjernet)")
		last = end
	}
	b.WriteString(text[last:])
	return b.String()
}

// phoneDigits is a phone number's last eight digits ("" for fewer).
func phoneDigits(s string) string {
	var d []byte
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			d = append(d, s[i])
		}
	}
	if len(d) < 8 {
		return ""
	}
	return string(d[len(d)-8:])
}

// isPhone reports whether a run of digits and marks is a phone number:
// the person's own (own, its last eight digits) however it is grouped, or
// eight digits (after +45 or 0045) written as Danish numbers are: together,
// in pairs, in fours, 3-3-2, with one kind of mark between the groups.
// after is the text after the run: "3000 3500 kr." is an amount.
func isPhone(run, own, after string) bool {
	t := strings.TrimRight(strings.ReplaceAll(run, "\u00a0", " "), " ./-")
	if strings.HasPrefix(t, "+") && !strings.HasPrefix(t, "+45") || strings.HasPrefix(t, "00") && !strings.HasPrefix(t, "0045") {
		// A foreign number with its country code ("+48 601 234 567").
		n := 0
		for _, r := range t {
			if r >= '0' && r <= '9' {
				n++
			}
		}
		return n >= 8 && n <= 15
	}
	for _, p := range []string{"+45", "0045"} {
		t = strings.TrimLeft(strings.TrimPrefix(t, p), " .-")
	}
	var digits []byte
	var groups []int
	seps := map[byte]bool{}
	n := 0
	for i := 0; i < len(t); i++ {
		if c := t[i]; c >= '0' && c <= '9' {
			digits = append(digits, c)
			n++
		} else {
			if n > 0 {
				groups = append(groups, n)
			}
			n = 0
			seps[c] = true
		}
	}
	if n > 0 {
		groups = append(groups, n)
	}
	d := string(digits)
	if len(d) == 10 && strings.HasPrefix(d, "45") && strings.HasPrefix(run, "45") {
		d = d[2:]
	}
	if own != "" && len(d) == 8 && d == own {
		return true
	}
	if len(d) != 8 || len(seps) > 1 || yearsRE.MatchString(t) || amountAfterRE.MatchString(after) {
		return false
	}
	shape := fmt.Sprint(groups)
	switch {
	case shape == "[8]":
		return true
	case shape == "[2 2 2 2]" || shape == "[4 4]" && !seps['-'] || shape == "[3 3 2]" || shape == "[2 4 2]" || shape == "[4 2 2]":
		// "2500-3000" is a range; "22-99-44-55" a number
		return !seps['.'] || shape == "[2 2 2 2]"
	}
	return false
}

// withoutGender says "vedkommende" for the Danish personal pronouns that
// tell a man from a woman: han, hun, ham, hende; hans and hendes are
// "vedkommendes". "Hans" with a capital mid-sentence is a name, kept.
func withoutGender(text string) string {
	var b strings.Builder
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		j := wordEnd(text, i)
		w := text[i:j]
		lower := strings.ToLower(w)
		capital := unicode.IsUpper(r)
		repl := ""
		switch lower {
		case "han", "hun", "ham", "hende":
			repl = "vedkommende"
		case "hans", "hendes":
			repl = "vedkommendes"
		case "she", "he", "him":
			repl = "the candidate"
		case "his", "hers":
			repl = "the candidate's"
		// Not "her": Danish for "here".
		case "herself", "himself":
			repl = "themself"
		}
		if w == "Hans" && (!sentenceStart(b.String()) || nextIsCapitalised(text[j:])) {
			repl = "" // a name ("Hans Peter", "af Hans"), not the pronoun
		}
		if repl != "" && w == strings.ToUpper(w) && len(w) > 1 {
			repl = "" // an abbreviation
		}
		switch {
		case repl == "":
			b.WriteString(w)
		case capital:
			b.WriteString(strings.ToUpper(repl[:1]) + repl[1:])
		default:
			b.WriteString(repl)
		}
		i = j
	}
	return b.String()
}

// withoutName says "kandidaten" where a text written about a citizen names
// them: a consultant's assessment ("Pia har 11 års erfaring …") shown on
// an anonymous profile named the person the profile hides. Each word of
// the name written with a capital, alone or with a genitive s ("Pias"), is
// replaced (in lower case many names are words: hans, per, smed);
// the name's words written together ("Pia Petersen") become one
// "kandidaten", capitalised at the start of a sentence. A word is the
// name's however æ, ø and å are spelt: "Soeren Oestergaard" and "Soren
// Ostergard" are Søren Østergaard. After "hos", "ved", "i", "fra" the name
// is a firm's and becomes "(navn fjernet)" (see workplaceWords).
func withoutName(text, name string) string { return scrubName(text, name, false, i18n.DA) }

// withoutNameInCV says "(navn fjernet)" where a line of the CV shown on an
// anonymous profile (a job's title, an education) names the citizen:
// "Produktionsmedarbejder hos Østergaard-Jørgensen Smed" becomes
// "Produktionsmedarbejder hos (navn fjernet) Smed", the firm's trade
// kept. A word of the name that is an ordinary Danish word ("Bager",
// "Skov", "Møller") stays when no other word of the name is next to it:
// on its own it is the job or the trade; "Lager hos Ida Bager" is the
// name.
func withoutNameInCV(text, name string) string { return scrubName(text, name, true, i18n.DA) }

// nameWords are the spelling skeletons of a name's words of two letters or
// more.
func nameWords(name string) map[string]bool {
	words := map[string]bool{}
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		if utf8.RuneCountInString(w) >= 2 {
			words[taxonomy.Skeleton(w)] = true
		}
	}
	return words
}

// nameWordAt returns the skeleton of the word beginning at i in text and
// where it ends when it is a word of the name (genitive tells "Pias"), or
// "" when it is not. A name is written with a capital; "hans", "smed",
// "per" in lower case are words ("hans erfaring", "uddannet smed").
func nameWordAt(text string, i int, words map[string]bool) (w string, j int, genitive bool) {
	j = wordEnd(text, i)
	r, _ := utf8.DecodeRuneInString(text[i:])
	if !unicode.IsUpper(r) {
		return "", j, false
	}
	w = taxonomy.Skeleton(text[i:j])
	switch {
	case words[w]:
		return w, j, false
	case strings.HasSuffix(w, "s") && words[strings.TrimSuffix(w, "s")]:
		return w, j, true
	}
	return "", j, false
}

// ordinaryWord reports whether w is a word of the Danish occupation names
// or ESCO's Danish dictionary ("bager", "skov"). Without the taxonomy no
// word is ordinary: a name is taken rather than left.
func ordinaryWord(w string) bool {
	tax, err := taxonomy.Default()
	if err != nil {
		return false
	}
	w = strings.ToLower(w)
	return tax.IsADanishWord(w) || tax.InDanishDictionary(w)
}

func scrubName(text, name string, cv bool, lang i18n.Lang) string {
	words := nameWords(name)
	if len(words) == 0 || text == "" {
		return text
	}
	var b strings.Builder
	lastEnd := -1 // where the last replacement ended in b, to join "Pia Petersen"
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			b.WriteString(text[i : i+size])
			i += size
			continue
		}
		w, j, genitive := nameWordAt(text, i, words)
		if w == "" {
			b.WriteString(text[i:j])
			i = j
			continue
		}
		joined := lastEnd >= 0 && strings.Trim(b.String()[lastEnd:], " -‐") == ""
		if cv && !joined && ordinaryWord(text[i:j]) && !nextIsName(text[j:], words) {
			b.WriteString(text[i:j]) // "Bager" alone: the trade
			i = j
			continue
		}
		if rest := text[j:]; (strings.HasPrefix(rest, "'") || strings.HasPrefix(rest, "’")) && strings.ContainsAny(w[len(w)-1:], "sxz") {
			// "Zacharias' erfaring": the genitive of a name in s.
			_, n := utf8.DecodeRuneInString(rest)
			genitive, j = true, j+n
		}
		out := b.String()
		if loc := namePrefixRE.FindStringSubmatchIndex(out); loc != nil {
			// "O'Brien", "Hr. Holm": the prefix or title goes with the
			// name.
			out = out[:loc[2]] + out[loc[3]:]
			b.Reset()
			b.WriteString(out)
			if lastEnd > len(out) {
				lastEnd = -1
			}
		}
		switch {
		case lastEnd >= 0 && strings.Trim(out[lastEnd:], " -‐") == "":
			// "Pia Petersen", "Anne-Mette": the next word of the name
			// joins the first.
			b.Reset()
			b.WriteString(out[:lastEnd])
			if genitive && !cv && !strings.HasSuffix(out[:lastEnd], "s") {
				if lang == i18n.EN {
					b.WriteString("'s")
				} else {
					b.WriteString("s")
				}
			}
		case cv || afterWorkplace(out):
			b.WriteString("(navn fjernet)")
		default:
			repl := "kandidaten"
			if genitive {
				repl = "kandidatens"
			}
			if lang == i18n.EN {
				repl = "the candidate"
				if genitive {
					repl = "the candidate's"
				}
			}
			if sentenceStart(out) {
				repl = strings.ToUpper(repl[:1]) + repl[1:]
			}
			b.WriteString(repl)
		}
		lastEnd = b.Len()
		i = j
	}
	return b.String()
}

// workplaceWords are the words before a firm's name: a name after them in
// an assessment is a firm named after the citizen ("Søren har 6 år hos
// Østergaard-Jørgensen Smed" read "hos kandidaten Smed"), said as the CV's
// lines say it, "(navn fjernet)"; elsewhere the name is the citizen,
// "kandidaten".
var workplaceWords = wordSet("hos ved i fra at")

// afterWorkplace reports whether the last word of s is one of
// workplaceWords.
func afterWorkplace(s string) bool {
	s = strings.TrimRight(s, " \u00a0")
	i := len(s)
	for i > 0 {
		r, n := utf8.DecodeLastRuneInString(s[:i])
		if !unicode.IsLetter(r) {
			break
		}
		i -= n
	}
	return i < len(s) && workplaceWords[strings.ToLower(s[i:])]
}

// nextIsName reports whether the word after s's spaces or hyphen is a word
// of the name ("Bager Ida", "Bager-Holm").
func nextIsName(s string, words map[string]bool) bool {
	t := strings.TrimLeft(s, " -‐\u00a0")
	if t == "" || len(s)-len(t) == 0 {
		return false
	}
	w, _, _ := nameWordAt(t, 0, words)
	return w != ""
}

// wordEnd is where the word of letters beginning at i in s ends.
func wordEnd(s string, i int) int {
	for i < len(s) {
		r, n := utf8.DecodeRuneInString(s[i:])
		if !unicode.IsLetter(r) {
			break
		}
		i += n
	}
	return i
}

// nextIsCapitalised reports whether the next word of s begins with a
// capital ("Hans Peter": a name).
func nextIsCapitalised(s string) bool {
	s = strings.TrimLeft(s, " \u00a0")
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r)
}

// namePrefixRE is a title or a name's prefix just before a name: "Hr. ",
// "fru ", "O'".
var namePrefixRE = regexp.MustCompile(`(?:^|[^\p{L}])((?:[Hh]r|[Ff]ru|[Ff]rk|[Hh]err|[Ff]røken|Mrs|Mr|Ms|Miss)\.?\s+|\p{Lu}['’])$`)

// sentenceStart reports whether what follows s begins a sentence.
func sentenceStart(s string) bool {
	s = strings.TrimRight(s, " \t\u00a0")
	if s == "" {
		return true
	}
	r, _ := utf8.DecodeLastRuneInString(s)
	// After a full stop, a line's start, a bullet ("- Hun", "• Han"), a
	// bracket or a quotation mark.
	return strings.ContainsRune(".!?:\n\r-–•*(\"“”»«'", r)
}

func init() {
	i18n.Register(map[string][2]string{
		"anon.name":    {"(navn fjernet)", "(name removed)"},
		"anon.ref":     {"(sagsnummer fjernet)", "(case number removed)"},
		"anon.link":    {"(link fjernet)", "(link removed)"},
		"anon.phone":   {"(telefonnummer fjernet)", "(phone number removed)"},
		"anon.email":   {"(e-mail fjernet)", "(e-mail removed)"},
		"anon.address": {"(adresse fjernet)", "(address removed)"},
		"v.private_topic": {"Skriv ikke om familie, helbred eller herkomst: »%s«. Vurderingen vises for arbejdsgiveren – skriv den om, så den handler om kravene til stillingen.",
			"Do not write about family, health or origin: “%s”. The assessment is shown to the employer – rewrite it so it is about the vacancy's requirements."},
		"v.private_age": {"Skriv ikke kandidatens alder: »%s«. Arbejdsgiveren må ikke vælge efter alder, og vurderingen vises for arbejdsgiveren – skriv om erfaringen og kravene til stillingen i stedet.",
			"Do not write the candidate's age: “%s”. An employer may not choose by age, and the assessment is shown to the employer – write about experience and the vacancy's requirements instead."},
	})
}

// privateWords are words about a citizen's family, health or origin, which
// an employer must not read in an assessment and cannot be told by the
// words' own spelling from the rest of it: "Hendes mand bor i Aabenraa"
// became "Vedkommendes mand bor i Aabenraa" and told the employer the
// gender and the family. Whole words only: "mandag", "sygeplejerske",
// "handicaphjælper" and "børnehave" (a workplace) are other words.
// Lower case; Danish and the English of assessments written in English.
// The words of health, pregnancy and religion are the vacancy check's too
// (jobmatch.HealthWords): an employer may not ask for what a consultant
// may not tell. "børnene" and "ungerne" are a citizen's own children ("skal hjem til
// børnene"); the children worked with are "børn".
var privateWords = wordSet(
	// family
	"kone konen hustru hustruen kæreste kæresten ægtefælle ægtefællen samlever nygift separeret skilsmisse enke enkemand enlig alenemor alenefar eneforsørger " +
		"mor moren moderen søn sønnen sønner datter datteren døtre barnebarn børnebørn svigermor svigerfar familiære " +
		"far faren faderen bror broren brødre søster søsteren søstre søskende svoger svigerinde mormor morfar farmor farfar bedstemor bedstefar " +
		"børnene ungerne " +
		"barsel barslen barselsorlov forældreorlov " + jobmatch.PregnancyWords + " " +
		"husband wife boyfriend girlfriend married divorced maternity father mother brother sister son daughter " +
		// health
		jobmatch.HealthWords + " " +
		// origin
		"flygtning herkomst oprindelse etnisk etnicitet religion tørklæde hijab " + jobmatch.ReligionWords + " " +
		"indvandrer indvandret efterkommer asyl asylansøger opholdstilladelse nationalitet statsborger statsborgerskab hudfarve udlænding " +
		"syrer somalier tyrker polak iraker iraner afghaner pakistaner palæstinenser kurder eritreer ukrainer rumæner bulgarer litauer russer vietnameser kineser marokkaner bosnier serber albaner araber afrikaner " +
		"refugee ethnic ethnicity immigrant nationality")

// peopleWords are words of family, health or origin that are also the
// people a citizen has worked with: "erfaring med børn", "pædagog for
// børn og unge", "bostøtte til borgere med handicap", "sprogskole for
// flygtninge", "samarbejde med forældre og familier", "har passet børn i
// SFO", "arbejder godt under stress", "håndtering af medicin", "elever med
// dysleksi". Such a word is private unless one
// of the three words before it says so (med, for, af, til, blandt, om,
// under, or a verb of the work: passe, undervise, håndtere), and always
// after a possessive ("sine børn", "med sin familie", "hendes børn").
var peopleWords = wordSet(
	"børn barn barnet unger forældre forældrene forælder familie familien familier familierne angst autisme handicap handicappede misbrug " +
		"syge sygdomme flygtninge indvandrere muslimer depression stress medicin medicinen dysleksi migræne epilepsi astma hjerneskade blodprop " +
		"children kids parents family families disability disabilities refugees immigrants")

var (
	workPrepositions = wordSet("med for af til blandt om under with of among in " +
		"passe passer passet passede undervise underviser undervist underviste håndtere håndterer håndteret håndtering")
	possessives = wordSet("sin sine sit min mine mit din dine dit hans hendes deres vores egne eget vedkommendes his her their my own")
	// originAdjectives are a country's or a people's adjective, private
	// before "baggrund" ("har syrisk baggrund"); alone they are mostly a
	// language the citizen speaks ("taler arabisk").
	originAdjectives = wordSet("syrisk somalisk tyrkisk polsk arabisk irakisk iransk afghansk pakistansk libanesisk palæstinensisk kurdisk eritreisk " +
		"ukrainsk rumænsk bulgarsk litauisk lettisk russisk vietnamesisk thailandsk filippinsk indisk kinesisk afrikansk marokkansk bosnisk serbisk " +
		"kroatisk albansk etiopisk sudanesisk dansk udenlandsk vestlig " +
		"syrian somali turkish polish arab arabic iraqi iranian afghan pakistani african foreign")
	backgroundWords = wordSet("baggrund background descent")
	// mandWords are the husband when a possessive is before them ("hendes
	// mand", "min mand") or "derhjemme" after: "manden, der får tingene
	// gjort" is the citizen.
	mandWords = wordSet("mand manden mands")
	// psykolog and psykiater are occupations ("uddannet psykolog"); "går
	// til psykolog" and "hos lægen" are the citizen's health.
	careWords = wordSet("psykolog psykologen psykiater psykiateren læge lægen terapeut")
	// originPhrases are the words before a place of origin: "er fra
	// Syrien", "kommer oprindeligt fra Polen", "født i Tyrkiet", "is from
	// Syria". "kommer fra" and "kom fra" are not among them: "kommer fra
	// Arla" is the last job; after them only a country is an origin
	// (comeVerbs).
	originPhrases = [][]string{{"er", "fra"}, {"stammer", "fra"}, {"oprindeligt", "fra"}, {"oprindelig", "fra"}, {"født", "i"}, {"opvokset", "i"},
		{"is", "from"}, {"originally", "from"}, {"born", "in"}, {"grew", "up", "in"}}
	// comeVerbs are the verbs of coming to a country: a country after
	// "fra" a few words on is the citizen's origin ("kom til Danmark fra
	// Rumænien", "flygtede i 2015 fra Syrien"), and so is "til Danmark"
	// ("kom til Danmark i 2019").
	comeVerbs = wordSet("kom kommer kommet flygtede flygtet flyttede flyttet indvandrede indvandret immigrerede immigreret " +
		"came come comes fled moved immigrated")
	// countries are countries and parts of the world in Danish and
	// English, lower case: after "kom … fra" the citizen's origin, where a
	// firm ("kommer fra Arla") is the last job.
	countries = wordSet("afghanistan albanien algeriet amerika argentina armenien australien bangladesh belgien belarus bosnien brasilien bulgarien burma " +
		"chile kina colombia cuba egypten england eritrea estland etiopien filippinerne finland frankrig færøerne gambia georgien ghana grækenland grønland " +
		"holland hviderusland indien indonesien irak iran irland island israel italien jordan kenya kosovo kroatien kurdistan letland libanon libyen " +
		"litauen makedonien marokko mexico moldova montenegro nepal nederlandene nigeria norge pakistan palæstina peru polen portugal rumænien rusland " +
		"serbien skotland slovakiet slovenien somalia spanien storbritannien sudan sverige schweiz syrien sydafrika thailand tjekkiet tunesien tyrkiet " +
		"tyskland uganda ukraine ungarn usa venezuela vietnam yemen østrig afrika asien europa mellemøsten balkan sydamerika latinamerika " +
		"syria poland romania turkey iraq ukraine bulgaria lithuania latvia germany sweden norway russia india china ethiopia philippines " +
		"africa asia europe lebanon bosnia serbia albania croatia morocco egypt hungary greece italy spain france netherlands belgium")
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// privateWord returns the first word of text, as written, about the
// citizen's family, health or origin, or "" when there is none. places
// tells a Danish town after "er fra" or "født i" ("kommer fra Sønderborg"
// says where the citizen lives, which the employer may read): any other
// capitalised word there is a country of origin. Without places every
// such word is.
func privateWord(text string, places *taxonomy.Places) string {
	type word struct {
		w          string
		start, end int
	}
	var words []word
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !unicode.IsLetter(r) {
			i += size
			continue
		}
		j := wordEnd(text, i)
		words = append(words, word{text[i:j], i, j})
		i = j
	}
	lower := make([]string, len(words))
	for i, w := range words {
		lower[i] = strings.ToLower(w.w)
	}
	before := func(i, n int) string {
		if i-n < 0 {
			return ""
		}
		return lower[i-n]
	}
	after := func(i int) string {
		if i+1 >= len(words) {
			return ""
		}
		return strings.ToLower(words[i+1].w)
	}
	for i, w := range words {
		lw := strings.ToLower(w.w)
		switch {
		case (lw == "søn" || lw == "sønner") && strings.HasPrefix(text[w.end:], "-"):
			// "søn- og helligdage": Sunday.
		case (w.w == "Søn" || w.w == "Sønner") && i > 0 && (before(i, 1) == "og" || strings.HasSuffix(strings.TrimSpace(text[:w.start]), "&")):
			// "Jensen & Søn", "Hansen og Sønner": a firm.
		case lw == "gift":
			// Married ("er gift", "gift med"); otherwise poison ("gift og
			// kemikalier").
			if b := before(i, 1); b == "er" || b == "var" || b == "blev" || b == "og" && before(i, 2) == "er" || after(i) == "med" {
				return w.w
			}
		case mandWords[lw]:
			if possessives[before(i, 1)] || after(i) == "derhjemme" {
				return w.w
			}
		case careWords[lw]:
			if b := before(i, 1); b == "til" || b == "hos" {
				return w.w
			}
		case backgroundWords[lw]:
			if originAdjectives[before(i, 1)] {
				return words[i-1].w + " " + w.w
			}
		case originAdjectives[lw] && (after(i) == "statsborger" || after(i) == "citizen"):
			// "rumænsk statsborger": a nationality.
			return w.w + " " + words[i+1].w
		case originAdjectives[lw] && (before(i, 1) == "er" || before(i, 1) == "is"):
			// "er polsk": a nationality ("taler polsk" is the language).
			return w.w
		case privateWords[lw]:
			return w.w
		case (lw == "danmark" || lw == "denmark") && (before(i, 1) == "til" || before(i, 1) == "to"):
			// "kom til Danmark i 2019", "kom i 2019 til Danmark".
			for n := 2; n <= 4 && i-n >= 0; n++ {
				if comeVerbs[before(i, n)] {
					return text[words[i-n].start:w.end]
				}
			}
		case countries[lw] && (before(i, 1) == "fra" || before(i, 1) == "from"):
			// "kom til Danmark fra Rumænien", "kommer fra Polen".
			for n := 2; n <= 5 && i-n >= 0; n++ {
				if comeVerbs[before(i, n)] {
					return w.w
				}
			}
		case peopleWords[lw]:
			if possessives[before(i, 1)] || !workPrepositions[before(i, 1)] && !workPrepositions[before(i, 2)] && !workPrepositions[before(i, 3)] {
				return w.w
			}
		}
		if origin(lower[:i]) {
			if r, _ := utf8.DecodeRuneInString(w.w); unicode.IsUpper(r) && !danishPlace(w.w, places) {
				return w.w
			}
		}
	}
	return ""
}

// origin reports whether the words before a word, in lower case, end in
// one of originPhrases.
func origin(before []string) bool {
	for _, p := range originPhrases {
		if len(before) >= len(p) && slices.Equal(before[len(before)-len(p):], p) {
			return true
		}
	}
	return false
}

// danishPlace reports whether w is the name of a Danish postal district.
func danishPlace(w string, places *taxonomy.Places) bool {
	if places == nil {
		return false
	}
	_, ok := places.ByName(w)
	return ok
}

// ageStatedRE is the citizen's age as an assessment says it: "er 24,",
// "er 24 år og", "24 år gammel", "24-årig", "født i 1990", "født i '90",
// "født 3. maj 1990", "årgang 1990", "alder: 24", "is 24 years old".
// An age is 15 to 99 and "er 24" one only when the sentence or the clause
// ends after it (or after "år"): "har 2 år på lager", "24 års erfaring",
// "arbejdet i 24 år", "er 24 timer om ugen" and "2-årig uddannelse" are
// the work.
var ageStatedRE = regexp.MustCompile(`(?i)(?:^|[^\p{L}\p{N}])(` +
	`(?:er|is)\s+(?:1[5-9]|[2-9]\d)(?:\s*år(?:\s+gammel|\s+gl\.?)?|\s+years(?:\s+old)?)?(?:\s*[.,;:!?)](?:[^\p{N}]|$)|\s+(?:og|and)\b|\s*$)` +
	`|(?:1[5-9]|[2-9]\d)\s*år\s+(?:gammel|gl\b)` +
	`|(?:1[5-9]|[2-9]\d)\s+years?\s+old` +
	`|(?:1[5-9]|[2-9]\d)\s*-?\s*årige?(?:[^\p{L}]|$)` +
	`|(?:født|born)\s+(?:i\s+|in\s+|den\s+)?(?:\d{1,2}\.?\s*(?:\p{L}+\.?\s*)?)?(?:(?:19|20)\d\d|['’]\d\d)` +
	`|årgang\s+(?:19|20)?\d\d` +
	`|(?:alder|age|aged)\s*:?\s*(?:på\s+|of\s+)?(?:1[5-9]|[2-9]\d)(?:[^\p{N}]|$)` +
	`)`)

// ageStated returns the first place text says the citizen's age, as
// written, or "".
func ageStated(text string) string {
	m := ageStatedRE.FindStringSubmatch(text)
	if m == nil {
		return ""
	}
	w := strings.TrimRightFunc(m[1], func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })
	for _, and := range []string{" og", " and"} {
		w = strings.TrimSpace(strings.TrimSuffix(w, and))
	}
	return w
}

// checkAssessment refuses an assessment that writes about the citizen's
// family, health, origin or age, naming the words (the consultant
// rewrites it; the employer reads the assessment on the profile and may
// choose by none of them: forskelsbehandlingsloven covers age as it does
// origin).
func checkAssessment(text string, places *taxonomy.Places) error {
	if w := privateWord(text, places); w != "" {
		return jobmatch.Invalid("interview.assessment", "private_topic", w)
	}
	if w := ageStated(text); w != "" {
		return jobmatch.Invalid("interview.assessment", "private_age", w)
	}
	return nil
}
