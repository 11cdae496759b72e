package app

import (
	"context"
	"sort"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/store"
)

// KPIDiff is one counter whose stored value differs from the events.
type KPIDiff struct {
	Doc    string `json:"doc"` // "kpi:2026"
	Field  string `json:"field"`
	Stored int64  `json:"stored"`
	Events int64  `json:"events"`
}

// KPIRebuild is what a rebuild found: how many events it read and where
// the counters differed.
type KPIRebuild struct {
	Events  map[string]int `json:"events"` // per kind
	Docs    int            `json:"docs"`
	Diffs   []KPIDiff      `json:"diffs"`
	Written bool           `json:"written"`
}

// RebuildKPI recomputes every period counter ("kpi:<year>") from the events
// — requests received and resolved, vacancies posted and closed, contacts,
// survey answers — with the same functions the live writes use, and
// compares them with the stored counters. With write it replaces the stored
// documents by the recomputed ones. It scans the event collections: a
// maintenance job, run by `jobmatch kpi rebuild`.
func (s *Service) RebuildKPI(ctx context.Context, write bool) (*KPIRebuild, error) {
	docs := map[string]map[string]int64{}
	add := func(t time.Time, inc map[string]int64) {
		p := jobmatch.PeriodsOf(t)
		d := docs["kpi:"+p.Year]
		if d == nil {
			d = map[string]int64{}
			docs["kpi:"+p.Year] = d
		}
		for k, v := range inc {
			d["Y_"+k] += v
			d[p.Half[5:]+"_"+k] += v
			d["M"+p.Month[5:]+"_"+k] += v
		}
	}
	res := &KPIRebuild{Events: map[string]int{}}
	err := store.Each(ctx, s.st, store.ColRequests, func(r *jobmatch.Request) error {
		add(r.ReceivedAt, receiptCounters(r))
		res.Events["requests"]++
		if r.Status == jobmatch.RequestResolved && r.ResolvedAt != nil {
			add(*r.ResolvedAt, resolveCounters(r))
			res.Events["resolutions"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = store.Each(ctx, s.st, store.ColVacancies, func(v *jobmatch.Vacancy) error {
		add(v.CreatedAt, map[string]int64{"vacancies_posted": 1})
		res.Events["vacancies"]++
		if v.Status.Ended() && v.ClosedAt != nil {
			add(*v.ClosedAt, closeCounters(v))
			res.Events["vacancies_closed"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = store.Each(ctx, s.st, store.ColContacts, func(c *Contact) error {
		add(contactTime(c.Date), contactCounters(c))
		res.Events["contacts"]++
		return nil
	})
	if err != nil {
		return nil, err
	}
	err = store.Each(ctx, s.st, store.ColSurveys, func(v *Survey) error {
		if v.AnsweredAt != nil {
			add(*v.AnsweredAt, surveyCounters(v))
			res.Events["survey_answers"]++
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	if err := shortlistEvents(ctx, s.st, add, res.Events); err != nil {
		return nil, err
	}
	stored, err := s.st.CounterDocs(ctx, "kpi:")
	if err != nil {
		return nil, err
	}
	ids := map[string]bool{}
	for id := range docs {
		ids[id] = true
	}
	for id := range stored {
		ids[id] = true
	}
	for id := range ids {
		for _, f := range unionKeys(stored[id], docs[id]) {
			if a, b := stored[id][f], docs[id][f]; a != b {
				res.Diffs = append(res.Diffs, KPIDiff{Doc: id, Field: f, Stored: a, Events: b})
			}
		}
	}
	sort.Slice(res.Diffs, func(i, j int) bool {
		a, b := res.Diffs[i], res.Diffs[j]
		if a.Doc != b.Doc {
			return a.Doc < b.Doc
		}
		return a.Field < b.Field
	})
	res.Docs = len(ids)
	if write {
		for id := range ids {
			if err := s.st.ReplaceCounters(ctx, id, docs[id]); err != nil {
				return res, err
			}
		}
		res.Written = true
	}
	return res, nil
}

// contactTime is when a contact counts: noon of its date in Copenhagen.
func contactTime(d jobmatch.Date) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 12, 0, 0, 0, jobmatch.Copenhagen)
}

// unionKeys are the keys of a and b whose value is not zero in both, sorted.
func unionKeys(a, b map[string]int64) []string {
	seen := map[string]bool{}
	var out []string
	for _, m := range []map[string]int64{a, b} {
		for k, v := range m {
			if v != 0 && !seen[k] && !strings.HasPrefix(k, "_") {
				seen[k] = true
				out = append(out, k)
			}
		}
	}
	sort.Strings(out)
	return out
}
