package rjdb

import (
	"regexp"
	"strings"
)

// Resume is a résumé split into its parts.
type Resume struct {
	// Name and Email come from the Personal Information section ("Name: X",
	// "**Email**: y", or bare lines); Email falls back to the first address
	// anywhere in the text.
	Name, Email string
	// Summary is a Summary/Profile/Objective section as one paragraph; the
	// RJDB résumés rarely have one.
	Summary string
	// Skills are the list items of the Skills section; skills written as a
	// sentence are split at commas.
	Skills []string
	// Experience are the jobs found in the Experience section, in order.
	Experience []Job
	// Education are the lines of the Education section.
	Education []string
	// Other holds lines outside the known sections.
	Other []string
}

// Job is one position of a résumé's experience.
type Job struct {
	// Title is the position ("Oracle Business Systems Analyst").
	Title string
	// Employer is the organisation when the line names one ("at Dice.com",
	// "Company: ABC Corp.", "…, XYZ Corp, Jan 2014 - Dec 2015").
	Employer string
	// FromYear and ToYear are the calendar years of the position, 0 when
	// unknown; "present", "current" and the like are PresentYear.
	FromYear, ToYear int
	// Years is the duration: month-exact when both ends name a month
	// ("Jan 2014 - Dec 2015" is 2), else ToYear-FromYear, 0.5 for a job
	// within one calendar year, or a stated "N years" when the line has no
	// dates.
	Years float64
}

// PresentYear is the year "present", "current" and "now" stand for: the
// RJDB texts were generated in 2023.
const PresentYear = 2023

// ParseResume splits a résumé into its sections and its experience into
// jobs. It never fails: text it cannot place ends up in Other.
func ParseResume(text string) Resume {
	var r Resume
	for _, s := range sections(text, resumeHeadings) {
		switch s.kind {
		case kPersonal:
			r.personal(s.lines)
		case kSummary:
			r.Summary = strings.TrimSpace(r.Summary + " " + joined(s.lines))
		case kSkills:
			r.Skills = append(r.Skills, items(s.lines, true)...)
		case kEducation:
			r.Education = append(r.Education, texts(s.lines)...)
		case kExperience:
			r.Experience = append(r.Experience, parseJobs(s.lines)...)
		default:
			// Text before the first heading may still carry the name.
			if s.kind == kNone {
				r.personalKV(s.lines)
			}
			r.Other = append(r.Other, texts(s.lines)...)
		}
	}
	if r.Email == "" {
		r.Email = emailRe.FindString(text)
	}
	return r
}

var (
	emailRe = regexp.MustCompile(`[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)*\.[A-Za-z]{2,}`)
	// kvRe splits "Key: value", "Key - value" and "Key – value".
	kvRe = regexp.MustCompile(`^([^:：]{1,32}?)\s*(?::|：|\s[-–—]\s)\s*(.*)$`)
	// keyJunk is what a key loses before lookup: "-*Name*", "♪ Name".
	keyJunk = regexp.MustCompile(`[^a-z ]+`)
	// nameRe accepts a plausible personal name: 1–5 words of letters.
	nameRe = regexp.MustCompile(`^[\p{L}][\p{L}.'’\-]*(?:\s+[\p{L}][\p{L}.'’\-]*){0,4}$`)
)

// keyValue splits a "Key: value" line. The key is lower-cased and keeps
// only letters and single spaces ("First, and Last Name" is "first and last
// name").
func keyValue(s string) (key, value string, ok bool) {
	m := kvRe.FindStringSubmatch(s)
	if m == nil {
		return "", "", false
	}
	key = keyJunk.ReplaceAllString(strings.ToLower(m[1]), "")
	key = strings.Join(strings.Fields(key), " ")
	if key == "" {
		return "", "", false
	}
	return key, strings.TrimSpace(strings.Trim(m[2], "*_ ")), true
}

// personalKV takes Name and Email from "Name: X" / "Email: y" lines.
func (r *Resume) personalKV(lines []line) bool {
	found := false
	var first, last string
	for _, l := range lines {
		k, v, ok := keyValue(l.text)
		if !ok || v == "" {
			continue
		}
		switch strings.ReplaceAll(k, " ", "") {
		case "firstname", "givenname":
			first = cleanTitle(v)
		case "lastname", "surname", "familyname":
			last = cleanTitle(v)
		case "name", "fullname", "candidatename", "candidate", "firstandlastname":
			if r.Name == "" {
				r.Name = cleanTitle(v)
				found = true
			}
		case "email", "emailaddress", "mail":
			if r.Email == "" {
				if e := emailRe.FindString(v); e != "" {
					r.Email = e
					found = true
				}
			}
		}
	}
	if r.Name == "" && first != "" {
		r.Name = strings.TrimSpace(first + " " + last)
		found = true
	}
	return found
}

// personal reads the Personal Information section: key-value lines first,
// then a bare e-mail address and a bare name line.
func (r *Resume) personal(lines []line) {
	r.personalKV(lines)
	for _, l := range lines {
		if r.Email == "" {
			if e := emailRe.FindString(l.text); e != "" {
				r.Email = e
				continue
			}
		}
		if r.Name == "" && !strings.Contains(l.text, "@") && !strings.ContainsAny(l.text, ":0123456789") {
			if t := cleanTitle(l.text); nameRe.MatchString(t) {
				r.Name = t
			}
		}
	}
}
