package screening

import (
	"context"
	"maps"
	"time"

	"jobmatch"
)

// CitizenExport is everything jobmatch holds about one citizen (GDPR art.
// 15): the CV, consents, shortlist entries with the employers' answers,
// consent links, interviews, the match runs that ranked them, and every
// audit line that names them — who read their CV and when.
type CitizenExport struct {
	GeneratedAt      time.Time                  `json:"generated_at"`
	GeneratedBy      string                     `json:"generated_by"`
	Candidate        *jobmatch.Candidate        `json:"candidate"`
	Consents         []jobmatch.Consent         `json:"consents"`
	ShortlistEntries []Entry                    `json:"shortlist_entries"`
	EmployerAnswers  []ExportAnswer             `json:"employer_answers"`
	ConsentRequests  []jobmatch.ConsentRequest  `json:"consent_requests"`
	Interviews       []jobmatch.InterviewInvite `json:"interviews"`
	MatchRuns        []ExportMatchRun           `json:"match_runs"`
	Audit            []jobmatch.AuditEvent      `json:"audit"`
	// VacancyTitles and StaffNames name the vacancies and the staff the
	// records refer to by id (an erased vacancy or user is left out), so
	// the citizen reads "Tømrer" and "Mette Jensen", not two ids.
	VacancyTitles map[string]string `json:"vacancy_titles"`
	StaffNames    map[string]string `json:"staff_names"`
}

// ExportAnswer is an employer's answer about the citizen.
type ExportAnswer struct {
	VacancyID string `json:"vacancy_id"`
	jobmatch.EmployerAnswer
}

// ExportMatchRun is a match run that ranked the citizen: when, for which
// vacancy, and where they stood (no other person's id).
type ExportMatchRun struct {
	ID        string    `json:"id"`
	At        time.Time `json:"at"`
	By        string    `json:"by"`
	VacancyID string    `json:"vacancy_id,omitempty"`
	Rank      int       `json:"rank,omitempty"` // 1 = first; 0 = the run was about the citizen's CV
	Total     int       `json:"total"`
}

// Export gathers a citizen's data. The store reads every record that names
// the citizen (scans on the embedded backend: a rare request, not a page);
// the export is audited itself.
func (sl *Service) Export(ctx context.Context, by *jobmatch.User, candidateID string) (*CitizenExport, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	st := sl.st
	c, err := st.Candidate(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	rec, err := st.CitizenRecords(ctx, candidateID)
	if err != nil {
		return nil, err
	}
	x := &CitizenExport{GeneratedAt: sl.now().UTC(), GeneratedBy: by.ID, Candidate: c, EmployerAnswers: []ExportAnswer{}, MatchRuns: []ExportMatchRun{},
		Consents: rec.Consents, ShortlistEntries: rec.ShortlistEntries, ConsentRequests: rec.ConsentRequests, Interviews: rec.Interviews}
	for _, e := range x.ShortlistEntries {
		for _, a := range e.Answers {
			x.EmployerAnswers = append(x.EmployerAnswers, ExportAnswer{VacancyID: e.VacancyID, EmployerAnswer: a})
		}
	}
	for _, r := range rec.MatchRuns {
		m := ExportMatchRun{ID: r.ID, At: r.At, By: r.By, VacancyID: r.VacancyID, Total: r.Total}
		for i, id := range r.Ranked {
			if id == candidateID {
				m.Rank = r.Offset + i + 1
			}
		}
		x.MatchRuns = append(x.MatchRuns, m)
	}
	if x.Audit, err = st.AuditAbout(ctx, candidateID); err != nil {
		return nil, err
	}
	// Only the citizen's own id in each line.
	for i := range x.Audit {
		x.Audit[i].Subjects = []string{candidateID}
	}
	x.VacancyTitles, x.StaffNames = sl.exportNames(ctx, x, by)
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.export", Subjects: []string{candidateID}, Reason: "GDPR art. 15"}); err != nil {
		return nil, err
	}
	return x, nil
}

// exportNames looks up the title of each vacancy and the name of each staff
// member the export refers to, once each.
func (sl *Service) exportNames(ctx context.Context, x *CitizenExport, by *jobmatch.User) (titles, names map[string]string) {
	titles, names = map[string]string{}, map[string]string{by.ID: by.Name}
	vac := func(id string) {
		if _, ok := titles[id]; ok || id == "" {
			return
		}
		titles[id] = ""
		if v, err := sl.vacancies.Vacancy(ctx, id); err == nil {
			titles[id] = v.Title
		}
	}
	user := func(id string) {
		if _, ok := names[id]; ok || id == "" || sl.staff == nil {
			return
		}
		names[id] = ""
		if u, err := sl.staff.User(ctx, id); err == nil {
			names[id] = u.Name
		}
	}
	for _, k := range x.Consents {
		vac(k.VacancyID)
		user(k.By)
	}
	for _, e := range x.ShortlistEntries {
		vac(e.VacancyID)
	}
	for _, iv := range x.Interviews {
		vac(iv.VacancyID)
	}
	for _, r := range x.MatchRuns {
		vac(r.VacancyID)
		user(r.By)
	}
	for _, a := range x.Audit {
		vac(a.VacancyID)
		user(a.Actor)
	}
	for _, m := range []map[string]string{titles, names} {
		maps.DeleteFunc(m, func(_, v string) bool { return v == "" })
	}
	return titles, names
}
