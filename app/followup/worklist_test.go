package followup_test

import (
	"context"
	"errors"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/followup"
	"jobmatch/app/screening"
	"jobmatch/store/storetest"
)

// The worklist's parts, as small fakes of the interfaces followup declares:
// the use case is tested on its own, over a real store for the counters.
type staff struct {
	n int
	// others are the users besides the n consultants (admins, former
	// consultants), listed by Users only.
	others []*jobmatch.User
}

func (s staff) Consultants(context.Context) ([]*jobmatch.User, error) {
	us := make([]*jobmatch.User, s.n)
	for i := range us {
		us[i] = &jobmatch.User{ID: "k" + string(rune('a'+i)) + "@x.dk", Role: jobmatch.RoleConsultant, Active: true}
	}
	return us, nil
}

func (s staff) Users(ctx context.Context, _ app.ListQuery) (app.Page[*jobmatch.User], error) {
	us, _ := s.Consultants(ctx)
	return app.Page[*jobmatch.User]{Items: append(us, s.others...)}, nil
}

type requests struct {
	open      []*jobmatch.Request
	vacancies []*jobmatch.Vacancy
}

func (r requests) OpenRequests(context.Context, string) ([]*jobmatch.Request, error) {
	return append([]*jobmatch.Request(nil), r.open...), nil
}

func (r requests) Vacancies(context.Context, app.ListQuery) (app.Page[*jobmatch.Vacancy], error) {
	return app.Page[*jobmatch.Vacancy]{Items: r.vacancies}, nil
}

type companies struct{}

func (companies) Companies(context.Context, app.ListQuery) (app.Page[*jobmatch.Company], error) {
	return app.Page[*jobmatch.Company]{Items: []*jobmatch.Company{{CVR: "12345674"}}}, nil
}

type screen struct {
	answers []screening.Answered
	err     error
}

func (s screen) OverdueConsents(context.Context, string) ([]screening.OverdueConsent, error) {
	return []screening.OverdueConsent{}, nil
}

func (s screen) UpcomingInterviews(context.Context, string) ([]*jobmatch.InterviewInvite, error) {
	return nil, nil
}

func (s screen) EmployerAnswers(context.Context, string, int) ([]screening.Answered, error) {
	return s.answers, s.err
}

// TestWorklist: overdue requests first and counted, oldest first within
// each part; ended vacancies left out; the consultant's contacts this year
// against their share of the target (the year's target divided among the
// consultants, rounded up), and no share of a default nobody set ("291 /
// 834 (min andel af målet 2.500)" beside the dashboard's "Intet mål sat");
// employers' answers as screening gives them, and an empty list when it
// cannot.
func TestWorklist(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 12, 10, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	at := func(h int) time.Time { return now.Add(time.Duration(h) * time.Hour) }
	due := func(h int) *time.Time { d := at(h); return &d }
	open := []*jobmatch.Request{
		{ID: "new", ReceivedAt: at(-2), DueAt: due(48)},
		{ID: "late-newer", ReceivedAt: at(-30), DueAt: due(-1)},
		{ID: "old", ReceivedAt: at(-40), DueAt: due(10)},
		{ID: "late-older", ReceivedAt: at(-90), DueAt: due(-20)},
		{ID: "no-deadline", ReceivedAt: at(-5)},
	}
	vacancies := []*jobmatch.Vacancy{{ID: "v-open", Status: jobmatch.VacancyScreening}, {ID: "v-filled", Status: jobmatch.VacancyFilled}}
	u := &jobmatch.User{ID: "konsulent@x.dk", Role: jobmatch.RoleConsultant}
	if err := env.CountPeriods(ctx, now, map[string]int64{"contacts_consultant_" + app.CounterKey(u.ID): 4, "contacts": 9}); err != nil {
		t.Fatal(err)
	}
	answers := []screening.Answered{{EntryID: "v-open:c1", VacancyID: "v-open", CandidateID: "c1", Name: "Mette"}}
	s := followup.New(env, followup.Config{Staff: staff{n: 3}, Requests: requests{open: open, vacancies: vacancies}, Companies: companies{},
		Screening: screen{answers: answers}})

	w, err := s.Worklist(ctx, u)
	if err != nil {
		t.Fatal(err)
	}
	if c := w.Contacts; c.Year != "2026" || c.Count != 4 || !c.TargetDefault || c.Target != 2500 || c.TargetShare != 834 {
		t.Errorf("contacts %+v, want 2026: 4 against a share of the default target (nobody set one)", c)
	}
	if _, err := s.SetTargets(ctx, &jobmatch.User{ID: "admin@x.dk", Role: jobmatch.RoleAdmin}, 2026, followup.Targets{Contacts: 2500}); err != nil {
		t.Fatal(err)
	}
	if w, err = s.Worklist(ctx, u); err != nil {
		t.Fatal(err)
	}
	var order []string
	for _, r := range w.OpenRequests {
		order = append(order, r.ID)
	}
	want := []string{"late-older", "late-newer", "old", "no-deadline", "new"}
	if len(order) != len(want) {
		t.Fatalf("open requests %v, want %v", order, want)
	}
	for i := range want {
		if order[i] != want[i] {
			t.Fatalf("open requests %v, want %v", order, want)
		}
	}
	if w.Overdue != 2 {
		t.Errorf("overdue %d, want 2", w.Overdue)
	}
	if len(w.Vacancies) != 1 || w.Vacancies[0].ID != "v-open" {
		t.Errorf("vacancies %v, want only the open one", w.Vacancies)
	}
	// 2026's target is set, 2,500; three consultants share it.
	if c := w.Contacts; c.Year != "2026" || c.Count != 4 || c.TargetDefault || c.Target != 2500 || c.TargetShare != 834 {
		t.Errorf("contacts %+v, want 2026: 4 of a share of 834 (2,500 / 3 rounded up)", c)
	}
	if len(w.EmployerAnswers) != 1 || w.EmployerAnswers[0].Name != "Mette" || len(w.Companies.Items) != 1 {
		t.Errorf("answers %+v, companies %+v", w.EmployerAnswers, w.Companies)
	}

	s = followup.New(env, followup.Config{Staff: staff{n: 3}, Requests: requests{}, Companies: companies{},
		Screening: screen{err: errors.New("store down")}})
	if w, err = s.Worklist(ctx, u); err != nil || w.EmployerAnswers == nil || len(w.EmployerAnswers) != 0 {
		t.Fatalf("answers that cannot be read: %+v, %v; want an empty list and the rest", w, err)
	}
	if _, err := s.Worklist(ctx, nil); !errors.Is(err, jobmatch.ErrForbidden) {
		t.Fatalf("no user: %v, want forbidden", err)
	}
}

// TestWorklistLeavesOutWithdrawnRequests: a request the hotline withdrew
// (logged on the wrong company, or twice) is not the consultant's to do,
// nor one resolved meanwhile, when the open requests still hold it (a
// replica killed between the request and the list, or a read in between).
func TestWorklistLeavesOutWithdrawnRequests(t *testing.T) {
	ctx := context.Background()
	st := storetest.Open(t)
	now := time.Date(2026, 5, 12, 10, 0, 0, 0, time.UTC)
	env := app.New(app.Config{Store: st, Now: func() time.Time { return now }})
	open := []*jobmatch.Request{
		{ID: "open", Status: jobmatch.RequestOpen, ReceivedAt: now.Add(-time.Hour)},
		{ID: "cancelled", Status: jobmatch.RequestCancelled, ReceivedAt: now.Add(-2 * time.Hour), DueAt: &now},
		{ID: "resolved", Status: jobmatch.RequestResolved, ReceivedAt: now.Add(-3 * time.Hour)},
	}
	s := followup.New(env, followup.Config{Staff: staff{n: 1}, Requests: requests{open: open}, Companies: companies{}, Screening: screen{}})
	w, err := s.Worklist(ctx, &jobmatch.User{ID: "konsulent@x.dk", Role: jobmatch.RoleConsultant})
	if err != nil {
		t.Fatal(err)
	}
	if len(w.OpenRequests) != 1 || w.OpenRequests[0].ID != "open" || w.Overdue != 0 {
		t.Fatalf("open requests %+v, overdue %d: want the open one only", w.OpenRequests, w.Overdue)
	}
}
