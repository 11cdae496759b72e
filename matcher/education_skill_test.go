package matcher

import (
	"strings"
	"testing"

	"jobmatch"
)

// TestSkillHeldAsAnEducation: a certificate or a skill a CV names as an
// education or a course is held, as a skill of the skills list is: a Kok
// with "Hygiejnebevis (fødevarehygiejne)" under education was told
// "hygiejnebevis (delvis)", the words read as a sentence of the summary.
func TestSkillHeldAsAnEducation(t *testing.T) {
	tax := testTax(t)
	for _, c := range []struct {
		title, skill string
		edu          jobmatch.Education
	}{
		{"Kok", "hygiejnebevis", jobmatch.Education{Level: "other", Field: "Hygiejnebevis (fødevarehygiejne)"}},
		{"Lagermedarbejder", "truckcertifikat", jobmatch.Education{Level: "other", Field: "Truckcertifikat B"}},
		{"Social- og sundhedshjælper", "førstehjælp", jobmatch.Education{Level: "other", Field: "Førstehjælp, 12 timer"}},
	} {
		f := cvOf(tax, jobmatch.Candidate{Experience: []jobmatch.Experience{{Title: c.title, Years: 3}},
			Education: []jobmatch.Education{c.edu}, Summary: "Jeg er stabil og mødes til tiden."})
		for _, p := range []Part{
			scoreRequiredSkills(scorerFor(tax, jobmatch.Vacancy{Title: c.title, SkillsRequired: []string{c.skill}}, Criteria{}, nil), f),
			scoreDesiredSkills(scorerFor(tax, jobmatch.Vacancy{Title: c.title, SkillsDesired: []string{c.skill}}, Criteria{}, nil), f),
		} {
			if p.Value != 1 || strings.Contains(texts(p), "delvis") {
				t.Errorf("%s asks %q, the CV's education %q: value %.2f, %q; want 1, held", c.title, c.skill, c.edu.Field, p.Value, texts(p))
			}
		}
	}
}
