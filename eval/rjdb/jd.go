package rjdb

import (
	"regexp"
	"strconv"
	"strings"
)

// JD is a job description split into its parts.
type JD struct {
	// Title is the job title ("Oracle Business Systems Analyst").
	Title string
	// Summary is the job summary as one paragraph.
	Summary string
	// RequiredSkills, RequiredExperience and Responsibilities are the list
	// items of those sections, without list markers. Skills written as one
	// sentence ("Java, SQL, and Python") are split at commas.
	RequiredSkills     []string
	RequiredExperience []string
	Responsibilities   []string
	// Other holds lines outside the known sections (text before the first
	// heading, "## Benefits", extra title lines).
	Other []string
	// MinYears is the largest "N years" / "N+ years" figure in the required
	// experience section (the lower bound of a range such as "3-5 years"),
	// 0 if none. Years mentioned elsewhere (summary) do not count.
	MinYears int
}

// ParseJD splits a job description into its sections. It never fails: text
// it cannot place ends up in Other.
func ParseJD(text string) JD {
	var jd JD
	var expLines []string // all lines, lead-ins too, for MinYears
	for _, s := range sections(text, jdHeadings) {
		switch s.kind {
		case kTitle:
			if jd.Title == "" && len(s.lines) > 0 {
				jd.Title = cleanTitle(s.lines[0].text)
				jd.Other = append(jd.Other, texts(s.lines[1:])...)
			} else {
				jd.Other = append(jd.Other, texts(s.lines)...)
			}
		case kSummary:
			jd.Summary = strings.TrimSpace(jd.Summary + " " + joined(s.lines))
		case kSkills:
			jd.RequiredSkills = append(jd.RequiredSkills, items(s.lines, true)...)
		case kExperience:
			jd.RequiredExperience = append(jd.RequiredExperience, items(s.lines, false)...)
			expLines = append(expLines, texts(s.lines)...)
		case kResponsibilities:
			jd.Responsibilities = append(jd.Responsibilities, items(s.lines, false)...)
		default:
			jd.Other = append(jd.Other, texts(s.lines)...)
		}
	}
	if jd.Title == "" && len(jd.Other) > 0 && len(strings.Fields(jd.Other[0])) <= 12 {
		// No title heading: a short first line is the title.
		jd.Title = cleanTitle(jd.Other[0])
		jd.Other = jd.Other[1:]
	}
	if len(jd.Other) == 0 {
		jd.Other = nil
	}
	jd.MinYears = maxYears(expLines)
	return jd
}

// cleanTitle drops quotes and trailing punctuation around a title.
func cleanTitle(s string) string {
	s = strings.TrimSpace(s)
	s = strings.Trim(s, "\"'“”‘’`*_ ")
	s = strings.TrimRight(s, ".,;: ")
	return strings.Join(strings.Fields(s), " ")
}

// numberWords are the spelled-out counts used for years.
var numberWords = map[string]int{
	"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"fifteen": 15, "twenty": 20,
}

// yearsRe matches "3 years", "3+ years", "3 + yrs", "3-5 years", "three (3)
// years", "1 year", "1-year", "4 preceding years"; group 1 is the (lower)
// count.
var yearsRe = regexp.MustCompile(`(?i)\b(\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty)\s*(?:\(\d{1,2}\)\s*)?(?:\+|plus\b)?\s*(?:(?:-|–|to)\s*\d{1,2}\s*\+?\s*)?-?\s*(?:(?:or\s+more|preceding|additional|full|consecutive|prior|previous|relevant|professional|solid|proven)\s+)?(?:years?|yrs?)\b`)

// parseCount reads a digit or number word.
func parseCount(s string) (int, bool) {
	if n, err := strconv.Atoi(s); err == nil {
		return n, true
	}
	n, ok := numberWords[strings.ToLower(s)]
	return n, ok
}

// maxYears is the largest year count mentioned in any of the lines.
func maxYears(lines []string) int {
	best := 0
	for _, l := range lines {
		for _, m := range yearsRe.FindAllStringSubmatch(l, -1) {
			if n, ok := parseCount(m[1]); ok && n <= 50 && n > best {
				best = n
			}
		}
	}
	return best
}
