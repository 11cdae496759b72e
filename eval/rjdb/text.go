package rjdb

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// This file holds the line-level helpers shared by the JD and résumé
// parsers: heading recognition, bullet stripping and list splitting.

// kind is the section a line belongs to.
type kind int

const (
	kNone kind = iota // before the first heading
	kTitle
	kSummary
	kSkills
	kExperience
	kResponsibilities
	kPersonal
	kEducation
	kOther // a heading we do not model (Certifications, Notes, …)
)

// jdHeadings and resumeHeadings map normalised heading text to its section.
var jdHeadings = map[string]kind{
	"job title": kTitle, "title": kTitle, "position": kTitle, "position title": kTitle,
	"job position": kTitle, "job role": kTitle, "role": kTitle,

	"job summary": kSummary, "summary": kSummary, "job description": kSummary,
	"description": kSummary, "overview": kSummary, "job overview": kSummary,
	"position summary": kSummary, "role summary": kSummary, "about the role": kSummary,

	"required skills": kSkills, "skills": kSkills, "job skills": kSkills, "skills required": kSkills,
	"required skill": kSkills, "key skills": kSkills, "required skills and qualifications": kSkills,
	"skills and qualifications": kSkills, "qualifications": kSkills, "requirements": kSkills,

	"required experience": kExperience, "experience": kExperience, "job experience": kExperience,
	"experience required": kExperience, "work experience": kExperience,
	"required work experience": kExperience, "experience requirements": kExperience,

	"responsibilities": kResponsibilities, "job responsibilities": kResponsibilities,
	"key responsibilities": kResponsibilities, "duties": kResponsibilities,
	"duties and responsibilities": kResponsibilities, "responsibilities and duties": kResponsibilities,
	"roles and responsibilities": kResponsibilities,

	"benefits": kOther, "location": kOther, "about us": kOther, "company": kOther,
	"salary": kOther, "note": kOther, "notes": kOther, "education": kOther,
	"preferred skills": kOther, "nice to have": kOther,
}

var resumeHeadings = map[string]kind{
	"personal information": kPersonal, "personal info": kPersonal, "personal details": kPersonal,
	"contact": kPersonal, "contact information": kPersonal, "contact details": kPersonal,

	"summary": kSummary, "professional summary": kSummary, "profile": kSummary,
	"professional profile": kSummary, "objective": kSummary, "career objective": kSummary,
	"about me": kSummary, "career summary": kSummary,

	"education": kEducation, "educational background": kEducation,
	"education background": kEducation, "academic background": kEducation,
	"education and training": kEducation, "qualifications": kEducation,

	"skills": kSkills, "skill": kSkills, "key skills": kSkills, "technical skills": kSkills,
	"core skills": kSkills, "skills and expertise": kSkills, "skills & expertise": kSkills,
	"skill set": kSkills, "skillset": kSkills, "competencies": kSkills,
	"core competencies": kSkills, "skills and abilities": kSkills,

	"experience": kExperience, "work experience": kExperience,
	"professional experience": kExperience, "employment history": kExperience,
	"work history": kExperience, "career history": kExperience, "employment": kExperience,
	"relevant experience": kExperience,

	"certifications": kOther, "certification": kOther, "certificates": kOther,
	"achievements": kOther, "awards": kOther, "projects": kOther, "languages": kOther,
	"references": kOther, "interests": kOther, "hobbies": kOther, "note": kOther,
	"notes": kOther, "additional information": kOther, "volunteer experience": kOther,
}

// heading reports whether line is a section heading of table, returning the
// section and any text that follows it on the same line ("Job Title: X").
//
// Headings come as "## Required Skills", "Required Skills", "Required
// Skills:", "**Required Skills**", "**Job title**: X", "##### Skills" and
// with typos ("Requiredd Experience", "Responsibilites"); a small edit
// distance is allowed for long names. A bullet line is never a heading, nor is
// "#ADO - …" (a '#' glued to an unknown word). Markdown headings ("## X") with
// an unknown name are reported as kOther. marked says the heading had '#' or
// '**' markup.
func heading(line string, table map[string]kind) (k kind, rest string, marked, ok bool) {
	s := strings.TrimSpace(line)
	if s == "" || isBullet(s) {
		return 0, "", false, false
	}
	marked = strings.HasPrefix(s, "#") || strings.HasPrefix(s, "**")
	hashes := 0
	for hashes < len(s) && s[hashes] == '#' {
		hashes++
	}
	markdown := hashes > 0
	gluedHash := markdown && hashes < len(s) && s[hashes] != ' ' && s[hashes] != '\t'
	s = strings.TrimLeft(s, "#*_ \t")
	if s == "" {
		return 0, "", false, false
	}
	name, rest := s, ""
	if i := strings.IndexAny(s, ":："); i >= 0 {
		name = s[:i]
		_, w := utf8.DecodeRuneInString(s[i:])
		rest = strings.TrimSpace(strings.Trim(s[i+w:], "*_ \t"))
	}
	key := normHeading(name)
	if key == "" {
		return 0, "", false, false
	}
	k, ok = table[key]
	if !ok && len(key) >= 8 {
		// The closest name within distance 2; ties go to the smaller name so
		// the answer does not depend on map order.
		best, bestName := 3, ""
		for name, kn := range table {
			if len(name) < 8 {
				continue
			}
			if d := editDistance(key, name); d < best || d == best && name < bestName {
				best, bestName, k, ok = d, name, kn, true
			}
		}
	}
	if ok {
		if k == kOther && rest != "" {
			// "Note: …" is a remark, not a section.
			return 0, "", false, false
		}
		return k, rest, marked, true
	}
	// "## Something else" starts a section we do not model.
	if markdown && !gluedHash && rest == "" && len(key) <= 40 {
		return kOther, "", true, true
	}
	return 0, "", false, false
}

// normHeading lower-cases a heading name and drops markup and punctuation
// at its ends.
func normHeading(s string) string {
	s = strings.ToLower(strings.Trim(s, "*_#:.- \t"))
	return strings.Join(strings.Fields(s), " ")
}

// editDistance is the Levenshtein distance of two short ASCII-ish strings.
func editDistance(a, b string) int {
	ra, rb := []rune(a), []rune(b)
	prev := make([]int, len(rb)+1)
	cur := make([]int, len(rb)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(ra); i++ {
		cur[0] = i
		for j := 1; j <= len(rb); j++ {
			cost := 1
			if ra[i-1] == rb[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(rb)]
}

// bulletRe matches a list marker: "-", "*", "•", "●", "▪", "◦", "–", "+",
// "1.", "1)", "(1)", "a)" and a following space (or tab). "-Word" and
// "*Word" without a space count too, as the generator wrote both.
var bulletRe = regexp.MustCompile(`^(?:[-*•●▪◦○■□►➢✓–—+·]+\s*|\(?\d{1,2}[.)]\s+|\(?[a-z][)]\s+)`)

// isBullet reports whether the trimmed line starts with a list marker. Bold
// text ("**X**") is not a bullet.
func isBullet(s string) bool {
	if strings.HasPrefix(s, "**") || strings.HasPrefix(s, "***") {
		return false
	}
	if strings.HasPrefix(s, "--") || isRule(s) {
		return false
	}
	return bulletRe.MatchString(s)
}

// isRule reports whether s is only markup: "#", "####", "---", "***", ":".
func isRule(s string) bool {
	s = strings.TrimSpace(s)
	if s == "" {
		return true
	}
	for _, r := range s {
		if !strings.ContainsRune("#*-_=~:.|` \t", r) {
			return false
		}
	}
	return true
}

// clean strips a list marker and Markdown emphasis from a line and collapses
// its white space.
func clean(s string) string {
	s = strings.TrimSpace(s)
	if isBullet(s) {
		s = bulletRe.ReplaceAllString(s, "")
	}
	s = strings.TrimLeft(s, "#")
	s = strings.ReplaceAll(s, "**", "")
	s = strings.ReplaceAll(s, "__", "")
	s = strings.Join(strings.Fields(s), " ")
	s = strings.Trim(s, "*_ ")
	if isRule(s) {
		return ""
	}
	return s
}

// line is one non-empty content line of a section.
type line struct {
	text   string // cleaned
	bullet bool   // the raw line started with a list marker
}

// sections splits text into its headed parts, in order. Lines before the
// first heading belong to kNone. Inline heading text ("Title: X") becomes the
// first line of the section. A line that names the section it is already in
// together with a value ("Experience: 2017 - 2021" inside Experience) is
// content, not a new heading, and so is a plain "Achievements:" inside
// Experience.
func sections(text string, table map[string]kind) []section {
	var out []section
	cur := section{kind: kNone}
	for _, raw := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n") {
		trimmed := strings.TrimSpace(raw)
		k, rest, marked, ok := heading(trimmed, table)
		switch {
		case !ok:
		case k == cur.kind && rest != "":
			// "Experience: 2017 - 2021" inside Experience
			ok = false
		case k == kOther && !marked && cur.kind == kExperience:
			// "Achievements:" under a job
			ok = false
		}
		if ok {
			if cur.kind != kNone || len(cur.lines) > 0 {
				out = append(out, cur)
			}
			cur = section{kind: k}
			if rest != "" {
				cur.lines = append(cur.lines, line{text: clean(rest)})
			}
			continue
		}
		t := clean(trimmed)
		if t == "" {
			continue
		}
		cur.lines = append(cur.lines, line{text: t, bullet: isBullet(trimmed)})
	}
	if cur.kind != kNone || len(cur.lines) > 0 {
		out = append(out, cur)
	}
	return out
}

// section is a heading's kind and its content lines.
type section struct {
	kind  kind
	lines []line
}

// items turns a section's lines into list items. A non-bullet line that
// starts in lower case continues the previous item; a lead-in ending in ':'
// ("Candidates should have at least:") is dropped; a non-bullet line with two
// or more commas or semicolons is split into its parts when split is set
// (skills given as a sentence).
func items(lines []line, split bool) []string {
	var out []string
	for i, l := range lines {
		t := l.text
		if strings.HasSuffix(t, ":") && !l.bullet {
			continue
		}
		if !l.bullet && i > 0 && len(out) > 0 && startsLower(t) && lines[i-1].bullet {
			out[len(out)-1] += " " + t
			continue
		}
		if split && !l.bullet && strings.Count(t, ",")+strings.Count(t, ";") >= 2 {
			out = append(out, splitList(t)...)
			continue
		}
		out = append(out, t)
	}
	return out
}

var listSep = regexp.MustCompile(`\s*[;,]\s*(?:and\s+|or\s+)?`)

// splitList splits "A, B, and C." into A, B, C.
func splitList(s string) []string {
	var out []string
	for _, p := range listSep.Split(strings.TrimRight(s, ". "), -1) {
		p = strings.TrimSpace(p)
		p = strings.TrimPrefix(p, "and ")
		if p != "" {
			out = append(out, p)
		}
	}
	return out
}

func startsLower(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsLower(r)
}

// texts returns the cleaned text of lines.
func texts(lines []line) []string {
	out := make([]string, 0, len(lines))
	for _, l := range lines {
		out = append(out, l.text)
	}
	return out
}

// joined returns the lines as one space-separated paragraph.
func joined(lines []line) string {
	return strings.Join(texts(lines), " ")
}
