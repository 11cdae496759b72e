package bench

import (
	"context"
	"fmt"
	"math/rand/v2"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/store"
	"jobmatch/system/systemtest"
)

// seedFiveYears writes five years of follow-up events straight into the
// collections (12,500 contacts, 50,000 requests, 10,000 answered surveys,
// 6,000 vacancies) and computes the period counters from them with the
// rebuild, as `jobmatch kpi rebuild` does. Writing them one by one through
// the service would take the benchmark ten minutes; the dashboard reads the
// same counter documents either way, and the events are there so a hidden
// scan would show.
func seedFiveYears(b *testing.B, env *systemtest.Env) {
	ctx := context.Background()
	st := env.Sys.Store
	r := rand.New(rand.NewPCG(5, 2026))
	from := time.Date(2022, 1, 1, 0, 0, 0, 0, jobmatch.Copenhagen)
	until := time.Date(2026, 12, 31, 0, 0, 0, 0, jobmatch.Copenhagen)
	when := func() time.Time {
		return from.Add(time.Duration(r.Int64N(int64(until.Sub(from))))).UTC().Truncate(time.Millisecond)
	}
	consultants := []string{"konsulent@demo.local", "mads@demo.local", "fatima@demo.local", "lars@demo.local"}
	topics := []jobmatch.Topic{jobmatch.TopicVacancy, jobmatch.TopicSubsidy, jobmatch.TopicRetention, jobmatch.TopicOther, jobmatch.TopicLayoff}
	channels := []jobmatch.Channel{jobmatch.ChannelWeb, jobmatch.ChannelPhone, jobmatch.ChannelEmail, jobmatch.ChannelVisit, jobmatch.ChannelAPI}
	outcomes := []string{"partial_return", "full_return", "no_return"}
	insert := func(col string, n int, gen func(i int) any) {
		batch := make([]any, 0, 1000)
		for i := range n {
			batch = append(batch, gen(i))
			if len(batch) == cap(batch) || i == n-1 {
				if _, err := st.C(col).InsertMany(ctx, batch); err != nil {
					b.Fatal(err)
				}
				batch = batch[:0]
			}
		}
	}
	insert(store.ColRequests, 50000, func(i int) any {
		at := when()
		due := at.Add(48 * time.Hour)
		res := at.Add(time.Duration(1+r.IntN(96)) * time.Hour)
		rq := &jobmatch.Request{ID: jobmatch.NewID(), CVR: demo.CVR(i % 2000), CompanyName: "Firma", Topic: topics[r.IntN(len(topics))],
			Channel: channels[r.IntN(len(channels))], ConsultantID: consultants[r.IntN(len(consultants))], Status: jobmatch.RequestResolved,
			ReceivedAt: at, DueAt: &due, ResolvedAt: &res, Resolution: "ok", Period: jobmatch.PeriodsOf(at), Version: 2}
		if rq.Topic == jobmatch.TopicRetention {
			rq.Outcome = outcomes[r.IntN(len(outcomes))]
		}
		return rq
	})
	insert(store.ColContacts, 12500, func(i int) any {
		at := when().In(jobmatch.Copenhagen)
		d, _ := jobmatch.ParseDate(at.Format(time.DateOnly))
		return &jobmatch.Contact{ID: jobmatch.NewID(), CVR: demo.CVR(i % 2000), CompanyName: "Firma", Kind: companies.ContactKinds[r.IntN(len(companies.ContactKinds))],
			Date: d, ConsultantID: consultants[r.IntN(len(consultants))], LoggedAt: at.UTC(), Period: jobmatch.PeriodsOf(at)}
	})
	insert(store.ColSurveys, 10000, func(i int) any {
		at := when()
		p := jobmatch.PeriodsOf(at)
		v := &jobmatch.Survey{ID: fmt.Sprintf("bench-%d", i), Audience: jobmatch.SurveyEmployer, Trigger: "vacancy_filled", CreatedAt: at.Add(-48 * time.Hour),
			ExpiresAt: at.Add(30 * 24 * time.Hour), AnsweredAt: &at, Period: &p, Lang: "da",
			Answers: map[string]int{"labour": 1 + r.IntN(5), "service": 2 + r.IntN(4)}}
		if i%3 == 0 {
			v.Audience, v.Answers = jobmatch.SurveyCitizen, map[string]int{"service": 3 + r.IntN(3)}
		}
		return v
	})
	insert(store.ColVacancies, 6000, func(i int) any {
		at := when()
		closed := at.Add(time.Duration(5+r.IntN(60)) * 24 * time.Hour)
		return &jobmatch.Vacancy{ID: jobmatch.NewID(), CVR: demo.CVR(i % 2000), Title: "Stilling", Status: jobmatch.VacancyFilled,
			CreatedAt: at, UpdatedAt: closed, ClosedAt: &closed, FilledByPresented: r.IntN(2) == 0, Version: 2}
	})
	t0 := time.Now()
	res, err := env.Sys.Followup.RebuildKPI(ctx, true)
	if err != nil {
		b.Fatal(err)
	}
	if res.Events["requests"] != 50000 || res.Events["contacts"] != 12500 || res.Events["survey_answers"] != 10000 {
		b.Fatalf("seeded %v", res.Events)
	}
	b.Logf("kpi rebuild from %v events: %s", res.Events, time.Since(t0).Round(time.Millisecond))
}

// BenchmarkDashboard renders the management dashboard (GET /dashboard, HTML
// with its SVG charts) for a random year and half of five years of events,
// two clients (target p95 ≤ 200 ms).
func BenchmarkDashboard(b *testing.B) {
	env := systemtest.Start(b)
	seedFiveYears(b, env)
	lone := env.Login("leder@demo.local")
	run(b, 2, func(i int) error {
		year := 2022 + i%5
		half := []string{"", "H1", "H2"}[i%3]
		res := lone.Do("GET", fmt.Sprintf("/dashboard?year=%d&half=%s", year, half), nil, nil)
		if res.StatusCode != 200 || len(res.Body) < 5000 {
			return fmt.Errorf("dashboard %d %s: %d (%d bytes)", year, half, res.StatusCode, len(res.Body))
		}
		return nil
	})
}

// BenchmarkKPIExport is the CSV export of a half-year against the previous
// one over the same five years.
func BenchmarkKPIExport(b *testing.B) {
	env := systemtest.Start(b)
	seedFiveYears(b, env)
	lone := env.Login("leder@demo.local")
	run(b, 2, func(i int) error {
		res := lone.Do("GET", fmt.Sprintf("/api/v1/kpi/export.csv?year=%d&half=H%d", 2022+i%5, 1+i%2), nil, nil)
		if res.StatusCode != 200 {
			return fmt.Errorf("export: %d", res.StatusCode)
		}
		return nil
	})
}
