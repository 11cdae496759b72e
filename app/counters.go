package app

import (
	"math"
	"strconv"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/kpi"
)

// The period counters each event adds. The live write and the rebuild from
// events (followup) use the same functions, so they cannot drift apart.

// ReceiptCounters are the counters a received request adds (also used by
// the rebuild); a vacancy adds vacancies_posted.
func ReceiptCounters(r *jobmatch.Request) map[string]int64 {
	return map[string]int64{"requests": 1, "requests_topic_" + string(r.Topic): 1, "requests_channel_" + string(r.Channel): 1}
}

// CancelCounters take a cancelled request's receipt back: ReceiptCounters
// negated, counted at its receipt (also used by the rebuild), so the
// figures of its period no longer count it.
func CancelCounters(r *jobmatch.Request) map[string]int64 {
	inc := ReceiptCounters(r)
	for k, v := range inc {
		inc[k] = -v
	}
	return inc
}

// ResolveCounters are the counters a resolution adds, in the period of its
// resolution (also used by the rebuild).
func ResolveCounters(r *jobmatch.Request) map[string]int64 {
	hours := r.ResolvedAt.Sub(r.ReceivedAt).Hours()
	inc := map[string]int64{"requests_resolved": 1, "resp_" + kpi.BucketKey(kpi.BucketOf(hours)): 1}
	if r.DueAt == nil || !r.ResolvedAt.After(*r.DueAt) {
		inc["requests_in_time"] = 1
	}
	if r.Topic == jobmatch.TopicRetention && r.Outcome != "" {
		inc["retention_"+r.Outcome] = 1
	}
	return inc
}

// CloseCounters are the counters a closed vacancy adds (also used by the
// rebuild from events).
func CloseCounters(v *jobmatch.Vacancy) map[string]int64 {
	inc := map[string]int64{"vacancies_" + string(v.Status): 1}
	if v.Status == jobmatch.VacancyFilled && v.ClosedAt != nil {
		days := math.Max(0, v.ClosedAt.Sub(v.CreatedAt).Hours()/24)
		inc["fill_"+kpi.DayKey(days)] = 1
		if v.FilledByPresented {
			inc["vacancies_filled_presented"] = 1
		}
	}
	return inc
}

// ContactCounters are the counters a contact adds (also used by the rebuild).
func ContactCounters(ct *jobmatch.Contact) map[string]int64 {
	return map[string]int64{"contacts": 1, "contacts_consultant_" + CounterKey(ct.ConsultantID): 1, "contacts_kind_" + ct.Kind: 1}
}

// CounterKey makes a user id (an e-mail address) usable in a counter field
// name: a dot would be read as a path.
func CounterKey(id string) string { return strings.NewReplacer(".", "_", "$", "_").Replace(id) }

// SurveyCounters are the counters an answer adds (also used by the rebuild).
func SurveyCounters(v *jobmatch.Survey) map[string]int64 {
	inc := map[string]int64{}
	for q, a := range v.Answers {
		if v.Audience == jobmatch.SurveyCitizen {
			inc["survey_citizen_"+strconv.Itoa(a)]++
		} else {
			inc["survey_employer_"+q+"_"+strconv.Itoa(a)]++
		}
	}
	return inc
}

// StepCounters are the counters one step of a shortlist entry adds at the
// step's time: people per priority group shortlisted, presented, hired,
// and every hire ("hires", in a priority group or not: the people hired
// through the jobcentre, of whom the filled vacancies saw only those that
// filled a vacancy's last position).
func StepCounters(groups []string, to jobmatch.Stage) map[string]int64 {
	var what string
	switch to {
	case jobmatch.StageSuggested:
		what = "shortlisted"
	case jobmatch.StagePresented:
		what = "presented"
	case jobmatch.StageHired:
		what = "hired"
	default:
		return nil
	}
	inc := map[string]int64{}
	if what == "hired" {
		inc["hires"] = 1
	}
	for _, g := range groups {
		inc["prio_"+g+"_"+what] = 1
	}
	return inc
}

// JobOrderCounters are the counters of a vacancy's job order, kept in the
// period the vacancy was posted in (so the shares are over the vacancies
// posted in a period): its first presentation (and how many days after
// posting), and the first presentation of someone from a priority group.
// Filled by a presented candidate is FilledJobOrderCounters.
func JobOrderCounters(kind string, posted, at time.Time) map[string]int64 {
	switch kind {
	case "presented":
		days := math.Max(0, at.Sub(posted).Hours()/24)
		return map[string]int64{"joborder_presented": 1, "firstpres_" + kpi.DayKey(days): 1}
	case "prio":
		return map[string]int64{"joborder_prio_presented": 1}
	}
	return nil
}

// FilledJobOrderCounters are the counters a vacancy closed as filled by a
// presented candidate adds to its job order, in the period it was posted
// in (count them at v.CreatedAt; none for any other vacancy). It is the
// same fact CloseCounters counts as vacancies_filled_presented in the
// period of the closing, so the two shares agree: the first hire from the
// shortlist used to count here, though a vacancy for three stays unfilled
// after one hire (25,5 % against 20,0 % for the same year).
func FilledJobOrderCounters(v *jobmatch.Vacancy) map[string]int64 {
	if v.Status != jobmatch.VacancyFilled || v.ClosedAt == nil || !v.FilledByPresented {
		return nil
	}
	return map[string]int64{"joborder_filled_presented": 1}
}

// ContactTime is when a contact counts: noon of its date in Copenhagen.
func ContactTime(d jobmatch.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, jobmatch.Copenhagen)
}
