package jobmatch

import (
	"slices"
	"time"
)

// Priority groups of the municipalities' employment strategies. They are
// read from the CV when a person is shortlisted and kept on the entry, so
// the figures do not move when a CV changes or is erased later.
const (
	GroupRefugee  = "refugee_family_reunified" // target group refugee_family_reunified
	GroupLongTerm = "long_term_unemployed"     // target group further_from_job
	GroupFlexjob  = "fleksjob"                 // eligible for fleksjob
	GroupUnder30  = "under_30"                 // target group young, or born less than 30 years ago
	GroupOver50   = "over_50"                  // 50 or older by birth year
)

// PriorityGroups lists the groups in display order.
var PriorityGroups = []string{GroupRefugee, GroupLongTerm, GroupFlexjob, GroupUnder30, GroupOver50}

// PriorityGroupsOf are the priority groups a CV puts its citizen in at t.
// Age comes from the birth year only, for the figures; the ranking never
// sees it.
func PriorityGroupsOf(c *Candidate, t time.Time) []string {
	if c == nil {
		return nil
	}
	var gs []string
	if c.TargetGroup == TargetRefugee {
		gs = append(gs, GroupRefugee)
	}
	if c.TargetGroup == TargetFurtherFromJob {
		gs = append(gs, GroupLongTerm)
	}
	if slices.Contains(c.Eligibility, SchemeFlexjob) {
		gs = append(gs, GroupFlexjob)
	}
	year := t.In(Copenhagen).Year()
	if c.TargetGroup == TargetYoung || (c.BirthYear > 0 && year-c.BirthYear < 30) {
		gs = append(gs, GroupUnder30)
	}
	if c.BirthYear > 0 && year-c.BirthYear >= 50 {
		gs = append(gs, GroupOver50)
	}
	return gs
}

// groupLabels name the groups. GroupLongTerm is the CV's target group
// further_from_job ("Aktivitetsparat"), not a count of the long-term
// unemployed: it is named so, while its key stays (a contract).
var groupLabels = map[string][2]string{
	GroupRefugee:  {"Flygtninge og familiesammenførte", "Refugees and family-reunified"},
	GroupLongTerm: {"Aktivitetsparate", "Further from the labour market"},
	GroupFlexjob:  {"Fleksjob", "Flexjob"},
	GroupUnder30:  {"Under 30 år", "Under 30"},
	GroupOver50:   {"50 år og derover", "50 and over"},
}

// GroupLabel is a priority group's name in Danish or English.
func GroupLabel(group, lang string) string {
	l := groupLabels[group]
	if lang == "en" {
		return l[1]
	}
	return l[0]
}
