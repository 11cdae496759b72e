package followup

import (
	"jobmatch"
	"jobmatch/kpi"
)

// PriorityGroupFigures are one priority group's people in the pre-screening.
type PriorityGroupFigures struct {
	Group       string `json:"group"`
	Shortlisted int64  `json:"shortlisted"`
	Presented   int64  `json:"presented"`
	Hired       int64  `json:"hired"`
}

// KPIPriorityGroups are the figures per priority group, and the share of
// the vacancies posted in the period where someone from a priority group
// was presented.
type KPIPriorityGroups struct {
	Groups                  []PriorityGroupFigures `json:"groups"`
	VacanciesPresented      int64                  `json:"vacancies_presented"`
	ShareVacanciesPresented float64                `json:"share_vacancies_presented"`
	VacanciesPostedInPeriod int64                  `json:"vacancies_posted"`
}

// KPIJobOrders are Jobnet's job-order measures over the vacancies posted in
// the period.
type KPIJobOrders struct {
	Posted int64 `json:"posted"`
	// WithPresented have at least one presented candidate.
	WithPresented      int64   `json:"with_presented"`
	ShareWithPresented float64 `json:"share_with_presented"`
	// FilledByPresented were filled by hiring a presented candidate.
	FilledByPresented      int64   `json:"filled_by_presented"`
	ShareFilledByPresented float64 `json:"share_filled_by_presented"`
	// MedianDaysToFirstPresentation is from posting to the first
	// presentation, within a day (0 when none).
	MedianDaysToFirstPresentation float64 `json:"median_days_to_first_presentation"`
}

// priorityFigures reads the priority-group and job-order figures from a
// period's counters (names without the period prefix).
func priorityFigures(c map[string]int64) (KPIPriorityGroups, KPIJobOrders) {
	pg := KPIPriorityGroups{Groups: []PriorityGroupFigures{}}
	for _, g := range jobmatch.PriorityGroups {
		pg.Groups = append(pg.Groups, PriorityGroupFigures{Group: g, Shortlisted: c["prio_"+g+"_shortlisted"],
			Presented: c["prio_"+g+"_presented"], Hired: c["prio_"+g+"_hired"]})
	}
	posted := c["vacancies_posted"]
	pg.VacanciesPostedInPeriod = posted
	pg.VacanciesPresented = c["joborder_prio_presented"]
	jo := KPIJobOrders{Posted: posted, WithPresented: c["joborder_presented"], FilledByPresented: c["joborder_filled_presented"]}
	if posted > 0 {
		pg.ShareVacanciesPresented = float64(pg.VacanciesPresented) / float64(posted)
		jo.ShareWithPresented = float64(jo.WithPresented) / float64(posted)
		jo.ShareFilledByPresented = float64(jo.FilledByPresented) / float64(posted)
	}
	days := map[string]int64{}
	for k, v := range c {
		if d, ok := cutPrefix(k, "firstpres_"); ok {
			days[d] = v
		}
	}
	if d, ok := kpi.MedianDays(days); ok {
		jo.MedianDaysToFirstPresentation = d
	}
	return pg, jo
}

func cutPrefix(s, p string) (string, bool) {
	if len(s) >= len(p) && s[:len(p)] == p {
		return s[len(p):], true
	}
	return "", false
}

// The report and the CSV carry the job-order and priority-group figures.
func init() {
	type fig = struct {
		key, unit string
		label     [2]string
		def       [2]string
		value     func(f *KPIFigures) (float64, int)
	}
	reportFigures = append(reportFigures,
		fig{"job_orders_with_presented", "share", [2]string{"Stillinger med mindst én præsenteret kandidat", "Vacancies with at least one presented candidate"},
			[2]string{"Andel af periodens nye stillinger, hvor jobcentret har præsenteret mindst én kandidat (Jobnets jobordremål).", "Share of the vacancies posted in the period where the jobcentre presented at least one candidate (Jobnet's job-order measure)."},
			func(f *KPIFigures) (float64, int) { return f.JobOrders.ShareWithPresented, 0 }},
		fig{"job_orders_filled_by_presented", "share", [2]string{"Stillinger besat med en præsenteret kandidat", "Vacancies filled by a presented candidate"},
			[2]string{"Andel af periodens nye stillinger, der er besat ved at ansætte en kandidat fra kortlisten.", "Share of the vacancies posted in the period filled by hiring a candidate from the shortlist."},
			func(f *KPIFigures) (float64, int) { return f.JobOrders.ShareFilledByPresented, 0 }},
		fig{"job_orders_days_to_presentation", "days", [2]string{"Dage til første præsentation (median)", "Days to the first presentation (median)"},
			[2]string{"Fra stillingen er oprettet til den første kandidat præsenteres, for periodens nye stillinger.", "From posting to the first presented candidate, for the vacancies posted in the period."},
			func(f *KPIFigures) (float64, int) { return f.JobOrders.MedianDaysToFirstPresentation, 0 }},
		fig{"priority_vacancies_presented", "share", [2]string{"Stillinger hvor en fra en prioriteret målgruppe er præsenteret", "Vacancies where someone from a priority group was presented"},
			[2]string{"Andel af periodens nye stillinger, hvor mindst én præsenteret kandidat var i en prioriteret målgruppe.", "Share of the vacancies posted in the period where at least one presented candidate was in a priority group."},
			func(f *KPIFigures) (float64, int) { return f.PriorityGroups.ShareVacanciesPresented, 0 }},
	)
	for i, g := range jobmatch.PriorityGroups {
		for _, what := range []struct {
			key    string
			da, en string
			pick   func(PriorityGroupFigures) int64
		}{
			{"shortlisted", "på kortliste", "shortlisted", func(p PriorityGroupFigures) int64 { return p.Shortlisted }},
			{"presented", "præsenteret", "presented", func(p PriorityGroupFigures) int64 { return p.Presented }},
			{"hired", "ansat", "hired", func(p PriorityGroupFigures) int64 { return p.Hired }},
		} {
			lbl := [2]string{jobmatch.GroupLabel(g, "da"), jobmatch.GroupLabel(g, "en")}
			reportFigures = append(reportFigures, fig{"priority_" + g + "_" + what.key, "count",
				[2]string{lbl[0] + ": " + what.da, lbl[1] + ": " + what.en},
				[2]string{"Forløb for personer fra målgruppen (efter CV'ets målgruppe, fleksjob-berettigelse og fødselsår, da de kom på kortlisten), efter datoen for trinnet; en person på flere stillingers kortliste tæller for hver.", "Processes of people in the group (by the CV's target group, flexjob eligibility and birth year when shortlisted), by the date of the step; a person on several vacancies' shortlists counts for each."},
				func(f *KPIFigures) (float64, int) { return float64(what.pick(f.PriorityGroups.Groups[i])), 0 }})
		}
	}
}
