package rjdb

import (
	"regexp"
	"strconv"
	"strings"
)

// This file turns the lines of a résumé's Experience section into jobs. The
// generator wrote them in many shapes; among those seen in the file:
//
//	- Oracle Business Systems Analyst (2013 - 2017)
//	- Release Coordinator / Release Manager (2015 - 2017): Implemented …
//	Worked as a Postsecondary Law Teacher from 2020 to 2022 leading classes …
//	• Lead MDM Consultant, XYZ Corp, Jan 2014 - Dec 2015
//	* 2013 - 2017 as a Lead Mobile Application Developer. Guided …
//	- 2013 - 2016 at Dice.com as a Software Development Engineer, my main …
//	1. JavaScript Software Engineer:      January 2016 - December 2019
//	Data Architect / System Administrator⏎2019 – 2021
//	Company: XYZ Ltd.⏎Role: Mobile Application Solution Architect⏎Experience: 2021 - 2022
//	- 5 years as a Passenger vehicle driver
//
// Lines that are only description (most of them sentences) yield no job.

const (
	monthPat  = `jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?`
	seasonPat = `spring|summer|fall|autumn|winter|early|mid|late`
	yearPat   = `(?:(` + monthPat + `|` + seasonPat + `)\.?,?\s+)?((?:19|20)\d{2})`
	nowPat    = `present|current(?:ly)?|now|today|ongoing|(?:till|to)\s+date|date`
	connPat   = `\s*(?:-|–|—|−|~|to|till|until|up\s+to|through|thru)\s*`
)

var (
	// rangeRe matches "2013 - 2017", "Jan 2014 to Dec 2015", "2015-Present";
	// groups: 1 from month, 2 from year, 3 to month, 4 to year, 5 "present".
	rangeRe = regexp.MustCompile(`(?i)\b` + yearPat + connPat + `(?:` + yearPat + `|(` + nowPat + `))\b`)
	// singleYearRe matches one year, with an optional month or season.
	singleYearRe = regexp.MustCompile(`(?i)\b` + yearPat + `\b`)
	// statedYearsRe matches "5 years as a X" / "three years of experience as X";
	// group 1 the count, group 2 the title.
	statedYearsRe = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s*\+?\s*(?:years?|yrs?)\b(?:\s+of(?:\s+\w+)?\s+experience)?(?:\s+(?:working|serving|employed))?\s+(?:as|in the role of)\s+(.+)$`)
	// forYearsRe matches "Architecture teacher for 3 years where …"; group 1
	// the title, group 2 the count.
	forYearsRe = regexp.MustCompile(`(?i)^(.{3,80}?)\s+for\s+(?:a\s+period\s+of\s+|about\s+|over\s+)?(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\s*\+?\s*(?:years?|yrs?)\b`)
	// leadInRe strips "Worked as a", "Served as an", "Held", "Employed as".
	leadInRe = regexp.MustCompile(`(?i)^(?:(?:have\s+)?(?:worked|served|acted|operated|employed|engaged|performed|functioned|held|catered|was|been|working|serving)\b\s*(?:as\s+)?)?(?:on\s+|for\s+)?(?:an?\s+|the\s+)?`)
	// asRe finds the " as a " that introduces a title in a sentence.
	asRe = regexp.MustCompile(`(?i)(?:^|\s)as\s+(?:an?\s+|the\s+)?`)
	// atRe splits "Title at Employer".
	atRe = regexp.MustCompile(`(?i)(?:^|\s+)(?:at|@)\s+`)
	// descRe finds where a title ends and its description begins.
	descRe = regexp.MustCompile(`(?i)(?:\s*[:;]\s|\s*:$|,\s+(?:where|my|i|which|while|with|who|responsible|focus|in\s+which|helping|oversee|overseeing|operated|ensured|offered|built|led|managed|providing|handling)\b|\s+(?:where|while|responsible\s+for|focusing|with\s+a\s+focus|involving|helping|leading|managing|dealing|overseeing|showcasing|building|working\s+on|in\s+my\s+tenure)\b|\s+[–—]\s*$|\s+[–—-]\s+(?:[A-Z][a-z]+ed|Led|Having|Familiar)\b|,\s+(?:main|[a-z]+ing|[a-z]+ed)\b)`)
	// orgRe recognises an organisation after a comma.
	orgRe = regexp.MustCompile(`(?i)\b(?:corp(?:oration)?|inc|ltd|llc|llp|plc|gmbh|co|company|companies|group|university|college|school|institute|hospital|clinic|center|centre|agency|industries|associates|enterprises|airlines|bank|systems|solutions|technologies|labs?|partners|services|consulting)\b\.?|(?-i:^[A-Z]{2,}(?:\s|$))`)
	// titleEndRe drops "role"/"position" at the end ("Held Senior Analyst role").
	titleEndRe = regexp.MustCompile(`(?i)\s+(?:role|position)$`)
	// roleOfRe drops "the position of", "job title of".
	roleOfRe = regexp.MustCompile(`(?i)^(?:the\s+)?(?:job\s+title|position|role|post)\s+of\s+(?:an?\s+)?`)
	// periodRe drops a stated duration before the dates: "for a period of 1 year".
	periodRe = regexp.MustCompile(`(?i)\s+(?:for|over)\s+(?:a\s+(?:period|total|span)\s+of\s+)?(?:about\s+|around\s+|nearly\s+|over\s+)?(?:\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|a)\+?\s+(?:years?|yrs?|months?)$`)
	// trailingRe drops words that lead into a date: "from", "between", "in the year of".
	trailingRe = regexp.MustCompile(`(?i)(?:\s*[(\[,;:|–—-]|\s+(?:from|between|during|since|in|for|of|the|year|years|starting|started|period|timeframe|dates?))+\s*$`)
)

// jobKeys classifies the keys of "Key: value" lines inside Experience.
var jobKeys = map[string]string{
	"role": "title", "position": "title", "title": "title", "job title": "title",
	"designation": "title", "work position": "title", "job position": "title",
	"current position": "title", "position held": "title", "job role": "title", "occupation": "title",
	"company": "employer", "organization": "employer", "organisation": "employer",
	"employer": "employer", "company name": "employer", "firm": "employer",
	"experience": "dates", "duration": "dates", "years": "dates", "years of service": "dates",
	"period": "dates", "dates": "dates", "date": "dates", "tenure": "dates",
	"time period": "dates", "timeline": "dates", "year": "dates",
	"responsibilities": "desc", "key responsibilities": "desc", "job detail": "desc",
	"job details": "desc", "description": "desc", "duties": "desc", "achievements": "desc",
	"job description": "desc", "key achievements": "desc", "note": "desc",
}

// span is where dates were found in a line.
type span struct {
	start, end int
	from, to   int     // years
	years      float64 // duration
}

// findDates locates a year range, else single years, in s.
func findDates(s string) (span, bool) {
	if m := rangeRe.FindStringSubmatchIndex(s); m != nil {
		get := func(i int) string {
			if m[2*i] < 0 {
				return ""
			}
			return s[m[2*i]:m[2*i+1]]
		}
		from, _ := strconv.Atoi(get(2))
		to := PresentYear
		toMonth := get(3)
		if get(4) != "" {
			to, _ = strconv.Atoi(get(4))
		}
		if to < from || to > PresentYear+1 {
			return span{}, false
		}
		return span{start: m[0], end: m[1], from: from, to: to,
			years: duration(from, month(get(1)), to, month(toMonth))}, true
	}
	ms := singleYearRe.FindAllStringSubmatchIndex(s, -1)
	if ms == nil {
		return span{}, false
	}
	lo, hi := 0, 0
	for _, m := range ms {
		y, _ := strconv.Atoi(s[m[4]:m[5]])
		if lo == 0 || y < lo {
			lo = y
		}
		if y > hi {
			hi = y
		}
	}
	return span{start: ms[0][0], end: ms[0][1], from: lo, to: hi, years: duration(lo, 0, hi, 0)}, true
}

// month is 1–12 for a month name, 0 otherwise (seasons, none).
func month(s string) int {
	s = strings.ToLower(s)
	for i, p := range []string{"jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"} {
		if strings.HasPrefix(s, p) {
			return i + 1
		}
	}
	return 0
}

// duration is the length of a job in years: month-exact when both months are
// known, else whole years, and half a year within one calendar year.
func duration(from, fromMonth, to, toMonth int) float64 {
	if fromMonth > 0 && toMonth > 0 {
		months := (to-from)*12 + toMonth - fromMonth + 1
		if months > 0 {
			return float64(months) / 12
		}
	}
	if to == from {
		return 0.5
	}
	return float64(to - from)
}

// jobBuilder accumulates jobs while walking the lines.
type jobBuilder struct {
	jobs  []Job
	dated []bool // jobs[i] has dates or a stated duration
	// candidate: the last job came from the line just before, an undated
	// title-like line that a following date-only line may complete.
	candidate bool
	// prev is the line just before when it had no dates and is not a job
	// yet: a long title such as "Senior Systems Engineer (Security
	// Clearance …) (ID#002)" followed by "(2014 - 2015)".
	prev string
	// kv: the last job is being built from "Key: value" lines.
	kv bool
}

func (b *jobBuilder) add(j Job, dated bool) {
	b.jobs = append(b.jobs, j)
	b.dated = append(b.dated, dated)
}

func (b *jobBuilder) last() *Job {
	if len(b.jobs) == 0 {
		return nil
	}
	return &b.jobs[len(b.jobs)-1]
}

// setDates puts the dates of sp on the last job.
func (b *jobBuilder) setDates(sp span) {
	j := b.last()
	j.FromYear, j.ToYear, j.Years = sp.from, sp.to, sp.years
	b.dated[len(b.dated)-1] = true
}

// parseJobs extracts the jobs from an Experience section.
func parseJobs(lines []line) []Job {
	var b jobBuilder
	for _, l := range lines {
		b.line(l.text)
	}
	// Undated title-like lines are kept only when no line had dates: then
	// they are the job list ("- Project Manager"); otherwise they are
	// description bullets under a dated job.
	anyDated := false
	for _, d := range b.dated {
		anyDated = anyDated || d
	}
	var out []Job
	for i, j := range b.jobs {
		if b.dated[i] || !anyDated {
			out = append(out, j)
		}
	}
	return out
}

// line folds one line of the Experience section into the jobs.
func (b *jobBuilder) line(t string) {
	wasCandidate, prev := b.candidate, b.prev
	b.candidate, b.prev = false, ""

	if k, v, ok := keyValue(t); ok {
		if role, ok := jobKeys[k]; ok {
			b.keyValue(role, v, wasCandidate)
			return
		}
	}
	b.kv = false

	if sp, ok := findDates(t); ok {
		title, employer := titleAround(t, sp)
		switch {
		case title != "":
			b.add(Job{Title: title, Employer: employer, FromYear: sp.from, ToYear: sp.to, Years: sp.years}, true)
		case hasLetter(t) && !isDateOnly(t):
			// a dated description line: no job
		case wasCandidate && !b.dated[len(b.dated)-1]:
			// "Data Architect⏎2019 – 2021": dates for the line before.
			b.setDates(sp)
		case prev != "":
			if title, employer := splitTitle(prev); title != "" {
				b.add(Job{Title: title, Employer: employer}, false)
				b.setDates(sp)
			}
		}
		return
	}
	if m := statedYearsRe.FindStringSubmatch(t); m != nil {
		n, _ := parseCount(m[1])
		if title, employer := splitTitle(m[2]); title != "" && n > 0 {
			b.add(Job{Title: title, Employer: employer, Years: float64(n)}, true)
			return
		}
	}
	if m := forYearsRe.FindStringSubmatch(t); m != nil && !isDescription(m[1]) {
		n, _ := parseCount(m[2])
		if title, employer := splitTitle(m[1]); title != "" && n > 0 {
			b.add(Job{Title: title, Employer: employer, Years: float64(n)}, true)
			return
		}
	}
	if looksLikeTitle(t) {
		if title, employer := splitTitle(t); title != "" {
			b.add(Job{Title: title, Employer: employer}, false)
			b.candidate = true
			return
		}
	}
	if !isDescription(t) && len(strings.Fields(t)) <= 16 {
		b.prev = t
	}
}

// isDateOnly reports whether s is only dates: "2019 – 2021", "(Jan 2019 - Present)".
func isDateOnly(s string) bool {
	sp, ok := findDates(s)
	if !ok {
		return false
	}
	return !hasLetter(s[:sp.start]) && !hasLetter(s[sp.end:])
}

// keyValue folds a "Role: X" / "Company: Y" / "Duration: 2014 - 2016" line
// into the job being built, starting a new one when the field is taken.
// continues says the last job came from the line before (an undated title
// line), which a "Duration:" line completes.
func (b *jobBuilder) keyValue(role, v string, continues bool) {
	if role == "desc" || v == "" {
		return
	}
	if role == "employer" && isDateOnly(v) {
		// "Company: (2017 - 2021)"
		role = "dates"
	}
	j := b.last()
	fresh := j == nil || !(b.kv || continues)
	switch role {
	case "title":
		sp, dated := findDates(v)
		title := ""
		if dated {
			title, _ = titleAround(v, sp)
		} else {
			title, _ = splitTitle(v)
		}
		if fresh || j.Title != "" {
			b.add(Job{}, false)
			j = b.last()
		}
		j.Title = title
		if dated {
			b.setDates(sp)
		}
	case "employer":
		if fresh || j.Employer != "" {
			b.add(Job{}, false)
			j = b.last()
		}
		j.Employer = cutEmployer(v)
	case "dates":
		sp, ok := findDates(v)
		if !ok {
			if m := yearsRe.FindStringSubmatch(v); m != nil && !fresh {
				n, _ := parseCount(m[1])
				j.Years = float64(n)
				b.dated[len(b.dated)-1] = true
			}
			break
		}
		if fresh || b.dated[len(b.dated)-1] {
			b.add(Job{}, false)
		}
		b.setDates(sp)
	}
	b.kv = true
}

// titleAround finds the title (and employer) in a line around its dates.
func titleAround(s string, sp span) (title, employer string) {
	before := trimBefore(s[:sp.start])
	after := strings.TrimLeft(s[sp.end:], " )]}.,:;|–—-\t")
	var src string
	switch {
	case startsWithAs(after) || startsWithAt(after) && !hasLetter(before):
		// "2013 - 2017 as a Lead Developer", "5 years (2016 - 2021) as a …",
		// "2013 - 2016 at Dice.com as a …"
		src = after
	case hasLetter(before) && !(prepRe.MatchString(before) && !asRe.MatchString(before) && asRe.MatchString(firstWords(after, 8))):
		// "In the timeframe from 2017 to 2018, engaged as a …" takes the
		// title from after the dates.
		src = before
	default:
		src = after
	}
	if !asRe.MatchString(src) && isDescription(src) {
		// "Implemented the 2012 migration …" is description, not a job.
		return "", ""
	}
	title, employer = splitTitle(src)
	if employer == "" && src == before && startsWithAt(after) {
		// "Designer (2013 - 2018) at CoZin Designs"
		employer = cutEmployer(after[3:])
	}
	return title, employer
}

// cutEmployer ends an employer name at the first comma, semicolon,
// parenthesis or description.
func cutEmployer(s string) string {
	s = cutDesc(s)
	if i := strings.IndexAny(s, ",;("); i > 0 {
		s = s[:i]
	}
	return cleanTitle(s)
}

// trimBefore drops what leads into the dates: "(", "from", "between", "–".
func trimBefore(s string) string {
	s = strings.TrimSpace(s)
	for {
		t := trailingRe.ReplaceAllString(s, "")
		t = strings.TrimSpace(periodRe.ReplaceAllString(t, ""))
		if t == s {
			return s
		}
		s = t
	}
}

func startsWithAs(s string) bool {
	return strings.HasPrefix(strings.ToLower(s), "as ")
}

func startsWithAt(s string) bool {
	return strings.HasPrefix(strings.ToLower(s), "at ")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if r >= 'A' && r <= 'Z' || r >= 'a' && r <= 'z' || r > 127 {
			return true
		}
	}
	return false
}

// firstWords returns the first n words of s.
func firstWords(s string, n int) string {
	f := strings.Fields(s)
	if len(f) > n {
		f = f[:n]
	}
	return strings.Join(f, " ")
}

// splitTitle cuts a title out of a phrase: text after "as a", up to where a
// description starts, with "at Employer" or ", Employer Inc" split off.
func splitTitle(s string) (title, employer string) {
	s = strings.TrimSpace(s)
	if m := asRe.FindStringIndex(s); m != nil && m[0] <= 80 {
		// "at Dice.com as a Software Engineer": employer before the "as".
		if at := atRe.FindStringIndex(s[:m[0]]); at != nil {
			employer = cutDesc(s[at[1]:m[0]])
		}
		s = s[m[1]:]
	}
	s = cutDesc(s)
	s = leadInRe.ReplaceAllString(s, "")
	if at := atRe.FindStringIndex(s); at != nil && at[0] > 0 {
		employer = cutEmployer(s[at[1]:])
		s = s[:at[0]]
	} else if i := strings.Index(s, ", "); i > 0 {
		rest := s[i+2:]
		org := rest
		if j := strings.Index(rest, ", "); j > 0 {
			org = rest[:j]
		}
		if orgRe.MatchString(org) {
			employer = org
			s = s[:i]
		}
	}
	s = roleOfRe.ReplaceAllString(s, "")
	title = titleEndRe.ReplaceAllString(cleanTitle(s), "")
	title = balance(strings.TrimRight(title, " -–—,"))
	if !hasLetter(title) {
		title = ""
	}
	return title, cleanTitle(employer)
}

// cutDesc ends a title where its description starts: at ": ", "; ", a
// sentence end (not "Sr. "), ", where …", " responsible for …".
func cutDesc(s string) string {
	if m := descRe.FindStringIndex(s); m != nil && m[0] > 0 {
		s = s[:m[0]]
	}
	for i := strings.Index(s, ". "); i >= 0; {
		w := s[:i]
		if j := strings.LastIndexAny(w, " ("); j >= 0 {
			w = w[j+1:]
		}
		if !abbrev[strings.ToLower(w)] {
			return strings.TrimSpace(s[:i])
		}
		next := strings.Index(s[i+2:], ". ")
		if next < 0 {
			break
		}
		i += 2 + next
	}
	return strings.TrimSpace(s)
}

var abbrev = map[string]bool{"sr": true, "jr": true, "mr": true, "ms": true, "dr": true,
	"st": true, "inc": true, "co": true, "ltd": true, "corp": true, "no": true, "vs": true, "e.g": true, "i.e": true}

// balance closes or drops an unbalanced "(" left by cutting at the dates:
// "Software Developer Engineer (SDE" becomes "… (SDE)".
func balance(s string) string {
	if strings.Count(s, "(") > strings.Count(s, ")") {
		return s + ")"
	}
	if strings.Count(s, ")") > strings.Count(s, "(") {
		return strings.TrimSpace(strings.TrimSuffix(s, ")"))
	}
	return s
}

var (
	// pastVerbRe spots a description line: it starts with a past-tense verb.
	pastVerbRe = regexp.MustCompile(`^(?i:[a-z]+ed|led|ran|built|oversaw|taught|drove|wrote|made|gave|took|won|began|undertook|sold|kept|brought|spent|met|set|put)\b`)
	// titleAdjRe are "-ed" words that start real titles.
	titleAdjRe = regexp.MustCompile(`^(?i:licensed|certified|registered|advanced|embedded|experienced|seasoned|qualified|skilled|specialized|specialised|talented|dedicated|automated|integrated|distributed|unified|applied|detailed|red)\b`)
	// prepRe spots a lead-in before the dates: "In the timeframe from 2017 …".
	prepRe = regexp.MustCompile(`^(?i:in|during|for|with|from|between|since|over|prior|after|before|throughout|within)\b`)
)

// isDescription reports whether s reads as a description sentence: it starts
// with a past-tense verb ("Implemented …", "Led …").
func isDescription(s string) bool {
	s = strings.TrimSpace(s)
	return pastVerbRe.MatchString(s) && !titleAdjRe.MatchString(s)
}

// looksLikeTitle reports whether an undated line could be a job title: short,
// not a sentence, not starting with a verb.
func looksLikeTitle(s string) bool {
	s = strings.TrimSpace(s)
	n := len(strings.Fields(s))
	if n == 0 || n > 9 {
		return false
	}
	if strings.HasSuffix(s, ".") || strings.Contains(s, ". ") || strings.HasSuffix(s, ":") {
		return false
	}
	return !isDescription(s)
}
