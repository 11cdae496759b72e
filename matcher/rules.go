package matcher

import (
	"slices"

	"jobmatch"
)

// Eligibility for the subsidy schemes a vacancy can be posted under. The
// rules are simplified from the Danish legislation and are documented with
// their sources in docs/matching.md. The municipality records a citizen's
// approvals as eligibility flags on the CV (a fleksjob approval, for
// example); a flag always makes the citizen eligible. Age is never used,
// even where the law has an age limit (IGU 18–40, voksenlærling 25+): the
// consultant checks it, because age must not enter the ranking.

// Rule says who may be employed under a scheme.
type Rule struct {
	Scheme jobmatch.Scheme
	// Groups are the target groups that are eligible without a flag.
	Groups []jobmatch.TargetGroup
	// AnyGroup: every target group is eligible.
	AnyGroup bool
	Source   string
}

// Rules by employment type; types without a rule (ordinary, småjob, elev)
// limit nobody.
var Rules = map[jobmatch.EmploymentType]Rule{
	jobmatch.EmploymentIGU: {Scheme: jobmatch.SchemeIGU, Groups: []jobmatch.TargetGroup{jobmatch.TargetRefugee},
		Source: "Lov om integrationsgrunduddannelse (IGU) § 2: refugees and family-reunified persons"},
	jobmatch.EmploymentFlexjob: {Scheme: jobmatch.SchemeFlexjob,
		Source: "Lov om en aktiv beskæftigelsesindsats kap. 13: only citizens the municipality has approved for fleksjob"},
	jobmatch.EmploymentWageSubsidy: {Scheme: jobmatch.SchemeWageSubsidy, Groups: []jobmatch.TargetGroup{jobmatch.TargetFurtherFromJob, jobmatch.TargetRefugee},
		Source: "Lov om en aktiv beskæftigelsesindsats kap. 12: groups on cash benefit from the first day; others once the municipality has flagged them (e.g. after 6 months of unemployment)"},
	jobmatch.EmploymentPractice: {Scheme: jobmatch.SchemePractice, AnyGroup: true,
		Source: "Lov om en aktiv beskæftigelsesindsats kap. 11: every unemployed target group"},
	jobmatch.EmploymentAdultApprentice: {Scheme: jobmatch.SchemeAdultApprentice,
		Source: "Voksenlærlingeordningen (bekendtgørelse om voksenlærlinge): the jobcenter approves the citizen"},
}

// Eligible reports whether f may be employed under the vacancy's
// employment type, and why ("flag", "group", "any", or "" when not).
func Eligible(t jobmatch.EmploymentType, f *Features) (ok bool, why string) {
	r, limited := Rules[t]
	if !limited {
		return true, ""
	}
	switch {
	case slices.Contains(f.Eligibility, r.Scheme):
		return true, "flag"
	case r.AnyGroup:
		return true, "any"
	case slices.Contains(r.Groups, f.TargetGroup):
		return true, "group"
	}
	return false, ""
}

// licenceImplies lists the categories that include another: a C licence
// presupposes B, so a vacancy asking for B is met by C.
var licenceImplies = map[string][]string{
	"B":  {"B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"},
	"BE": {"BE", "C1E", "CE", "D1E", "DE"},
	"C1": {"C1", "C1E", "C", "CE"},
	"C":  {"C", "CE"},
	"D1": {"D1", "D1E", "D", "DE"},
	"D":  {"D", "DE"},
}

func hasLicence(have []string, want string) bool {
	ok := licenceImplies[want]
	if ok == nil {
		ok = []string{want}
	}
	for _, h := range have {
		if slices.Contains(ok, h) {
			return true
		}
	}
	return false
}

// levelRank orders language levels; native is above C2.
func levelRank(l string) int {
	switch l {
	case "A1", "a1":
		return 1
	case "A2", "a2":
		return 2
	case "B1", "b1":
		return 3
	case "B2", "b2":
		return 4
	case "C1", "c1":
		return 5
	case "C2", "c2":
		return 6
	case "native", "NATIVE", "Native":
		return 7
	}
	return 0
}
