package demo

import (
	"container/heap"
	"context"
	"fmt"
	"maps"
	"math"
	"math/rand/v2"
	"regexp"
	"slices"
	"sync/atomic"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/cvs"
	"jobmatch/app/intake"
	"jobmatch/app/screening"
	"jobmatch/app/surveys"
	"jobmatch/calendar"
	"jobmatch/system"
)

// yearMarker is written before the year of events starts, so a restart
// never writes them twice (a crash midway leaves a shorter year).
const yearMarker = "demo:year"

// LoadYear writes the demo's year of follow-up events once; serve runs it
// in the background after it starts listening, so the service answers at
// once and the dashboard fills within two minutes. It returns the number of
// events written (0 when they were written before).
func LoadYear(ctx context.Context, sys *system.System) (int, error) {
	// The marker is set first: of two processes starting at once, one
	// writes the year.
	first, err := sys.Store.Mark(ctx, yearMarker, time.Now().UTC())
	if err != nil {
		return 0, err
	}
	if !first {
		// Begun before: say so when it never ended (the first start was
		// stopped within its two minutes), so nobody takes the shorter
		// year for the demo's figures.
		if running, err := sys.Store.Marked(ctx, yearRunningMarker); err == nil && running {
			sys.Env.Logger().Warn("the demo's year of events was interrupted at its first start: the dashboard shows part of the year; for the whole demo, start on a fresh database: an empty --data-dir, or with --mongodb-uri another --database")
		}
		return 0, nil
	}
	if _, err := sys.Store.Mark(ctx, yearRunningMarker, time.Now().UTC()); err != nil {
		return 0, err
	}
	n, err := loadYear(ctx, sys, rand.New(rand.NewPCG(11, 2026)))
	if err != nil {
		return n, err
	}
	return n, sys.Store.Unmark(ctx, yearRunningMarker)
}

// yearRunningMarker is set while the year of events is written.
const yearRunningMarker = "demo:year:running"

// assessments are what a consultant writes after a first interview.
var assessments = []string{
	"Opfylder kravene til stillingen og er motiveret for at starte hurtigt.",
	"God erfaring fra lignende job; skal have en kort introduktion til virksomhedens systemer.",
	"Stabil og mødestabil; har de efterspurgte certifikater.",
	"Motiveret og fleksibel med arbejdstider; dansk på et niveau, der passer til jobbet.",
	"Relevant uddannelse og praktik; mangler lidt erfaring, men lærer hurtigt.",
}

// YearOfEvents sets the size of the demo's year of follow-up events, about
// what a municipality of 75,000 inhabitants sees: company contacts near the
// 2,500 target, requests by topic and channel, vacancies filled, and the
// survey answers that come back.
var YearOfEvents = struct {
	Contacts, Requests, CitizenSurveys int
}{Contacts: 2350, Requests: 700, CitizenSurveys: 260}

// event is one back-dated action; the demo runs them in time order through
// the real service with its clock set to the event's time, so the events,
// lists, counters and outbox are exactly what live use writes.
type event struct {
	at  time.Time
	seq int
	do  func(ctx context.Context) error
}

type queue []*event

func (q queue) Len() int { return len(q) }
func (q queue) Less(i, j int) bool {
	if !q[i].at.Equal(q[j].at) {
		return q[i].at.Before(q[j].at)
	}
	return q[i].seq < q[j].seq
}
func (q queue) Swap(i, j int) { q[i], q[j] = q[j], q[i] }
func (q *queue) Push(x any)   { *q = append(*q, x.(*event)) }
func (q *queue) Pop() any {
	old := *q
	e := old[len(old)-1]
	*q = old[:len(old)-1]
	return e
}

var tokenRe = regexp.MustCompile(`/survey/([A-Za-z0-9_-]+)`)

// loadYear writes the twelve months before now of follow-up events.
func loadYear(ctx context.Context, sys *system.System, r *rand.Rand) (int, error) {
	end := sys.Env.Now()
	start := end.AddDate(-1, 0, 0)
	var clock atomic.Int64
	svc := sys.WithClock(func() time.Time { return time.Unix(0, clock.Load()) })

	var all []*jobmatch.Company
	if err := sys.Store.EachCompany(ctx, func(c *jobmatch.Company) error { all = append(all, c); return nil }); err != nil {
		return 0, err
	}
	var cands []string
	if err := sys.Store.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		if c.Email != "" && len(cands) < 2000 {
			cands = append(cands, c.ID)
		}
		return nil
	}); err != nil {
		return 0, err
	}
	if len(all) == 0 {
		return 0, nil
	}
	sys.Env.Logger().Info("demo: writing a year of follow-up events in the background (one to two minutes)",
		"contacts", YearOfEvents.Contacts, "requests", YearOfEvents.Requests, "citizen_surveys", YearOfEvents.CitizenSurveys)
	admin, err := svc.Staff.User(ctx, "admin@demo.local")
	if err != nil {
		return 0, err
	}
	hotline, err := svc.Staff.User(ctx, "hotline@demo.local")
	if err != nil {
		return 0, err
	}
	users := map[string]*jobmatch.User{}
	user := func(id string) *jobmatch.User {
		if u, ok := users[id]; ok {
			return u
		}
		u, err := svc.Staff.User(ctx, id)
		if err != nil || !u.CanReadCVs() {
			u = admin
		}
		users[id] = u
		return u
	}

	q := &queue{}
	seq := 0
	at := func(t time.Time, do func(ctx context.Context) error) {
		if t.After(end) || t.Before(start) {
			return
		}
		seq++
		heap.Push(q, &event{at: t, seq: seq, do: do})
	}
	// workTime is a random moment in office hours on a working day.
	workTime := func() time.Time {
		for {
			d := start.Add(time.Duration(r.Int64N(int64(end.Sub(start)))))
			l := d.In(jobmatch.Copenhagen)
			if l.Weekday() == time.Saturday || l.Weekday() == time.Sunday {
				continue
			}
			// Fewer contacts in the summer holidays and at Christmas.
			if (l.Month() == time.July && r.IntN(3) > 0) || (l.Month() == time.December && l.Day() > 20 && r.IntN(4) > 0) {
				continue
			}
			// Office hours on that day may lie after the end (later today):
			// draw again, so every planned event happens.
			if t := time.Date(l.Year(), l.Month(), l.Day(), 8+r.IntN(7), r.IntN(60), r.IntN(60), 0, jobmatch.Copenhagen); !t.After(end) && !t.Before(start) {
				return t
			}
		}
	}
	// office is t, or when t falls outside office hours (8 to 16 on a
	// working day, in Copenhagen) the next opening, a moment into it: a
	// consultant shortlists, calls and answers at work, not at 03.47 on a
	// Saturday. Steps taken one after another stay in order, each counted
	// from the last one's office time.
	office := func(t time.Time) time.Time {
		l := t.In(jobmatch.Copenhagen)
		if calendar.IsWorkingDay(l) && l.Hour() >= 8 && l.Hour() < 16 {
			return t
		}
		day := l
		if l.Hour() >= 16 {
			day = l.AddDate(0, 0, 1)
		}
		for day = time.Date(day.Year(), day.Month(), day.Day(), 8, 0, 0, 0, jobmatch.Copenhagen); !calendar.IsWorkingDay(day); {
			day = day.AddDate(0, 0, 1)
		}
		// Into the opening by as much as t lay past the hour, so the
		// morning's work is spread over its first hour.
		return day.Add(time.Duration(l.Minute())*time.Minute + time.Duration(l.Second())*time.Second)
	}
	pick := func(weights map[string]int) string {
		total := 0
		for _, w := range weights {
			total += w
		}
		n := r.IntN(total)
		// Deterministic order for a seeded run.
		for _, k := range slices.Sorted(maps.Keys(weights)) {
			if n < weights[k] {
				return k
			}
			n -= weights[k]
		}
		return ""
	}
	score := func(dist [5]int) int { // dist in per cent for 1..5
		n := r.IntN(100)
		for i, p := range dist {
			if n < p {
				return i + 1
			}
			n -= p
		}
		return 5
	}
	count := 0
	// answerSurveys finds the survey links the last action mailed and
	// answers some of them a few days later, as people do.
	answerSurveys := func(ctx context.Context, now time.Time) error {
		page, err := svc.Env.Mails(ctx, app.ListQuery{Limit: 3})
		if err != nil {
			return err
		}
		for _, m := range page.Items {
			if !m.At.Equal(now.UTC()) || (m.Kind != "survey_employer" && m.Kind != "survey_citizen") {
				continue
			}
			tok := tokenRe.FindStringSubmatch(m.Body)
			if tok == nil || r.IntN(100) >= 58 {
				continue
			}
			kind := m.Kind
			at(now.Add(time.Duration(2+r.IntN(120))*time.Hour), func(ctx context.Context) error {
				in := surveys.Answer{Answers: map[string]int{}}
				if kind == "survey_citizen" {
					in.Answers["service"] = score([5]int{1, 3, 5, 36, 55})
				} else {
					in.Answers["labour"] = score([5]int{3, 7, 15, 40, 35})
					in.Answers["service"] = score([5]int{2, 5, 10, 38, 45})
				}
				_, err := svc.Surveys.AnswerSurvey(ctx, tok[1], in)
				count++
				return err
			})
		}
		return nil
	}

	// move is one step of a shortlist entry, as the consultant takes it;
	// a step the entry can no longer take (the citizen withdrew) is left.
	move := func(entryID string, to jobmatch.Stage, u *jobmatch.User, iv *jobmatch.Interview) func(context.Context) error {
		return func(ctx context.Context) error {
			e, err := svc.Screening.Entry(ctx, entryID)
			if err != nil {
				return err
			}
			if jobmatch.CanMove(e.Stage, to) != nil {
				return nil
			}
			_, err = svc.Screening.Move(ctx, u, entryID, screening.TransitionInput{To: string(to), Version: e.Version, Interview: iv})
			count++
			return err
		}
	}
	// free reports whether a citizen may be shortlisted: not hired through
	// the jobcentre this year, and in no other process still running (a
	// consultant looks at the CV's page before calling).
	free := func(ctx context.Context, u *jobmatch.User, candidateID string) (bool, error) {
		ps, err := svc.Screening.Processes(ctx, u, candidateID)
		if err != nil {
			return false, err
		}
		for _, p := range ps {
			switch p.Entry.Stage {
			case jobmatch.StageHired:
				return false, nil
			case jobmatch.StageNotInterested, jobmatch.StageRejected, jobmatch.StageWithdrawn:
			default:
				if !p.Vacancy.Status.Ended() {
					return false, nil
				}
			}
		}
		return true, nil
	}
	// screen is the pre-screening of a vacancy: a CV search on its title,
	// two to four people shortlisted, each contacted, asked, interviewed
	// and, with consent, presented before the vacancy is filled or closed.
	screen := func(ctx context.Context, vacancyID, title string, now, fill time.Time) error {
		v, err := svc.Intake.Vacancy(ctx, vacancyID)
		if err != nil {
			return err
		}
		if v.CanScreen() != nil {
			return nil
		}
		u := user(v.ConsultantID)
		// Those near the workplace first (a tømrer on Bornholm is no
		// candidate for a job in Padborg), then anywhere when too few.
		res, err := sys.CVs.Search(ctx, u, cvs.SearchParams{Q: title, Limit: 10, Why: vacancyID, Near: v.PostalCode, RadiusKm: 40})
		if err != nil {
			return err
		}
		if len(res.Items) < 4 {
			more, err := sys.CVs.Search(ctx, u, cvs.SearchParams{Q: title, Limit: 10, Why: vacancyID})
			if err != nil {
				return err
			}
			res.Items = append(res.Items, more.Items...)
		}
		want := 2 + r.IntN(3)
		var ids []string
		for _, h := range res.Items {
			if len(ids) < want && !slices.Contains(ids, h.Candidate.ID) {
				if ok, err := free(ctx, u, h.Candidate.ID); err != nil {
					return err
				} else if ok {
					ids = append(ids, h.Candidate.ID)
				}
			}
		}
		// The municipality's employment strategy puts refugees and the
		// family-reunified first: for a good third of the vacancies the
		// consultant also looks among them (the same words, that target
		// group only) and shortlists the best one the first search missed.
		if len(ids) > 0 && r.IntN(100) < 35 {
			more, err := sys.CVs.Search(ctx, u, cvs.SearchParams{Q: title, Limit: 3, Why: vacancyID,
				TargetGroups: []string{string(jobmatch.TargetRefugee)}})
			if err != nil {
				return err
			}
			for _, h := range more.Items {
				if !slices.Contains(ids, h.Candidate.ID) {
					if ok, err := free(ctx, u, h.Candidate.ID); err != nil {
						return err
					} else if ok {
						ids = append(ids, h.Candidate.ID)
						break
					}
				}
			}
		}
		if len(ids) == 0 {
			return nil
		}
		entries, err := svc.Screening.Add(ctx, u, vacancyID, ids)
		count++
		if err != nil {
			return err
		}
		for _, e := range entries {
			step := now
			next := func(hours int) time.Time {
				step = office(step.Add(time.Duration(hours+r.IntN(hours+1)) * time.Hour))
				return step
			}
			before := func(t time.Time, do func(context.Context) error) bool {
				if !t.Before(fill) {
					return false
				}
				at(t, do)
				return true
			}
			if !before(next(4), move(e.ID, jobmatch.StageContacted, u, nil)) {
				continue
			}
			if r.IntN(100) < 20 {
				before(next(20), move(e.ID, jobmatch.StageNotInterested, u, nil))
				continue
			}
			if !before(next(20), move(e.ID, jobmatch.StageInterested, u, nil)) {
				continue
			}
			day := next(48)
			iv := &jobmatch.Interview{Date: day.In(jobmatch.Copenhagen).Format(time.DateOnly), By: u.Name,
				Assessment: assessments[r.IntN(len(assessments))]}
			if !before(day, move(e.ID, jobmatch.StageInterviewed, u, iv)) {
				continue
			}
			if r.IntN(100) < 15 {
				before(next(24), move(e.ID, jobmatch.StageWithdrawn, u, nil))
				continue
			}
			cid, eid, reveal := e.CandidateID, e.ID, r.IntN(100) < 70
			before(next(24), func(ctx context.Context) error {
				if _, err := svc.Screening.GiveConsent(ctx, u, cid, screening.VacancyConsentInput{VacancyID: vacancyID, Channel: "phone", RevealIdentity: reveal}); err != nil {
					return err
				}
				return move(eid, jobmatch.StagePresented, u, nil)(ctx)
			})
		}
		return nil
	}
	// closeVacancy ends a vacancy: filled by one of the presented people
	// (hired from the shortlist, which fills it; the others rejected), or
	// filled otherwise, or closed.
	closeVacancy := func(ctx context.Context, vacancyID, status string, hire bool) error {
		v, err := svc.Intake.Vacancy(ctx, vacancyID)
		if err != nil {
			return err
		}
		u := user(v.ConsultantID)
		entries, err := svc.Screening.List(ctx, u, vacancyID)
		if err != nil {
			return err
		}
		// The employer hires one of the people presented, any of them
		// (not the first shortlisted: the one the consultant added from
		// a priority group would never be).
		var presented []int
		for i, e := range entries {
			if e.Stage == jobmatch.StagePresented {
				presented = append(presented, i)
			}
		}
		pick := -1
		if hire && len(presented) > 0 {
			pick = presented[r.IntN(len(presented))]
		}
		hired := false
		for i, e := range entries {
			if e.Stage != jobmatch.StagePresented {
				continue
			}
			to := jobmatch.StageRejected
			if i == pick {
				to, hired = jobmatch.StageHired, true
			}
			if err := move(e.ID, to, u, nil)(ctx); err != nil {
				return err
			}
		}
		if hired {
			return nil
		}
		_, err = svc.Intake.CloseVacancy(ctx, u, vacancyID, intake.VacancyClose{Status: status})
		count++
		return err
	}

	for range YearOfEvents.Contacts {
		c := all[r.IntN(len(all))]
		t := workTime()
		kind := pick(map[string]int{"visit": 35, "phone": 30, "meeting": 15, "digital_meeting": 15, "network_event": 5})
		note := contactNotes[kind][r.IntN(len(contactNotes[kind]))]
		at(t, func(ctx context.Context) error {
			u := user(c.ConsultantID)
			_, err := svc.Companies.LogContact(ctx, u, companies.ContactInput{CVR: c.CVR, Kind: kind, Date: t.In(jobmatch.Copenhagen).Format(time.DateOnly), Note: note})
			count++
			if err != nil {
				return err
			}
			return answerSurveys(ctx, t)
		})
	}
	// What companies write and how consultants answer, varied by the
	// request's number (no draw of r, so the rest of the year stays as
	// it was).
	texts := map[string][][2]string{ // what the company wrote, how it was resolved
		"retention": {
			{"En af vores medarbejdere har været sygemeldt i fem uger med rygproblemer. Vi vil gerne have ham tilbage – hvad kan I hjælpe med?", "Holdt møde med medarbejder og leder; plan for gradvis tilbagevenden."},
			{"Vores lagermedarbejder er sygemeldt med stress. Kan vi lave en delvis raskmelding?", "Aftalt delvis raskmelding med 20 timer om ugen."},
			{"Medarbejder sygemeldt efter en operation. Vi vil gerne fastholde hende og høre om mulighederne for nedsat tid.", "Henvist til fastholdelseskonsulent og aftalt opfølgning om fire uger."},
			{"En medarbejder kan ikke længere løfte tungt. Kan hun fortsætte hos os med andre opgaver?", "Besøgt virksomheden; andre opgaver og hjælpemidler aftalt."},
		},
		"subsidy": {
			{"Vi overvejer at ansætte en ledig med løntilskud. Hvem kan komme i betragtning, og hvor længe?", "Gennemgået reglerne for løntilskud og sendt tre kandidater."},
			{"Kan vi tage en borger i virksomhedspraktik i fire uger i vores køkken?", "Virksomhedspraktik aftalt; borgeren starter næste mandag."},
			{"Vi vil gerne høre om IGU til en ung flygtning, vi kender fra en praktik.", "Sendt reglerne for IGU og aftalt et møde med borgeren."},
			{"Hvordan ansætter vi i fleksjob, og hvad gives der i tilskud?", "Svaret på mail med reglerne for fleksjob og aftalt et møde."},
		},
		"layoff": {
			{"Vi skal desværre afskedige 12 medarbejdere i produktionen til marts og vil gerne have hjælp til at varsle.", "Møde om varsling holdt; jobsøgningsforløb for medarbejderne aftalt."},
			{"Vi lukker en afdeling og skal afskedige flere medarbejdere. Kan jobcentret hjælpe dem videre?", "Varsling modtaget; jobcentret holder infomøde for medarbejderne."},
		},
		"other": {
			{"Vi vil gerne høre, hvordan I kan hjælpe os med at rekruttere til sæsonen.", "Ringet op og aftalt besøg."},
			{"Kan vi få besøg af vores kontaktperson og tale om vores behov for arbejdskraft næste år?", "Besøg aftalt i næste uge."},
			{"Vi har fået en henvendelse fra en borger i praktik og vil gerne tale med konsulenten.", "Besvaret på telefon."},
		},
		"vacancy": {
			{"", "Stillingen gennemgået med virksomheden; CV-søgning i gang."},
			{"", "Kravene aftalt i telefonen; kandidater præsenteres i næste uge."},
		},
	}
	n := 0
	for range YearOfEvents.Requests {
		n++
		i := n
		c := all[r.IntN(len(all))]
		t := workTime()
		topic := pick(map[string]int{"vacancy": 42, "subsidy": 24, "retention": 17, "other": 12, "layoff": 5})
		channel := pick(map[string]int{"web": 40, "phone": 35, "email": 15, "visit": 7, "api": 3})
		in := companies.CompanyInput{CVR: c.CVR, Name: c.Name, PostalCode: c.PostalCode, Industry: c.IndustryCode}
		if len(c.Contacts) > 0 {
			p := c.Contacts[0]
			in.Contact = companies.PersonInput{Name: p.Name, Email: p.Email, Phone: p.Phone}
		}
		// Response time: most within a working day, a tail over a week.
		delay := time.Duration(math.Exp(2.6+1.1*r.NormFloat64()) * float64(time.Hour))
		at(t, func(ctx context.Context) error {
			var by *jobmatch.User
			var title string
			if channel != "web" && channel != "api" {
				by = hotline
			}
			var rec *jobmatch.Receipt
			var err error
			if topic == "vacancy" {
				ch := jobmatch.ChannelWeb
				if channel == "api" {
					ch = jobmatch.ChannelAPI
				}
				vin := demoVacancy(in, r, t)
				title = vin.Title
				rec, err = svc.Intake.SubmitVacancy(ctx, vin, ch, nil, "")
			} else {
				rec, err = svc.Intake.SubmitRequest(ctx, intake.RequestInput{Company: in, Topic: topic, Channel: channel, Text: texts[topic][i%len(texts[topic])][0]}, by, "")
			}
			count++
			if err != nil {
				return err
			}
			reqID := rec.RequestID
			if reqID == "" {
				reqID = rec.ID
			}
			outcome := ""
			if topic == "retention" {
				outcome = pick(map[string]int{"partial_return": 55, "full_return": 25, "no_return": 20})
			}
			resolution := texts[topic][i%len(texts[topic])][1]
			if note, ok := retentionNotes[outcome]; ok {
				resolution = note // what happened, as the outcome says
			}
			if r.IntN(100) < 96 {
				answered := office(t.Add(delay))
				at(answered, func(ctx context.Context) error {
					req, err := svc.Intake.Request(ctx, reqID)
					if err != nil {
						return err
					}
					_, err = svc.Intake.ResolveRequest(ctx, user(req.ConsultantID), reqID, intake.ResolveInput{Resolution: resolution, Outcome: outcome})
					count++
					if err != nil {
						return err
					}
					return answerSurveys(ctx, answered.Truncate(time.Millisecond))
				})
			}
			if topic == "vacancy" {
				fill := office(t.Add(time.Duration(10+r.IntN(60)) * 24 * time.Hour))
				status := pick(map[string]int{"filled": 72, "closed": 18, "open": 10})
				// Most vacancies are pre-screened: the consultant searches
				// the CVs within a few days, and the shortlist moves on
				// until the vacancy is filled or closed.
				if status != "open" || r.IntN(2) == 0 {
					screenAt := office(t.Add(time.Duration(20+r.IntN(72)) * time.Hour))
					at(screenAt, func(ctx context.Context) error { return screen(ctx, rec.ID, title, screenAt, fill) })
				}
				if status != "open" {
					hire := status == "filled" && r.IntN(100) < 58
					at(fill, func(ctx context.Context) error {
						if err := closeVacancy(ctx, rec.ID, status, hire); err != nil {
							return err
						}
						return answerSurveys(ctx, fill.Truncate(time.Millisecond))
					})
				}
			}
			return nil
		})
	}
	for i := 0; i < YearOfEvents.CitizenSurveys && len(cands) > 0; i++ {
		id := cands[r.IntN(len(cands))]
		t := workTime()
		at(t, func(ctx context.Context) error {
			if _, err := svc.Surveys.SendCitizenSurvey(ctx, user("konsulent@demo.local"), id, "course_end"); err != nil {
				return err
			}
			return answerSurveys(ctx, t)
		})
	}
	for q.Len() > 0 {
		e := heap.Pop(q).(*event)
		clock.Store(e.at.UnixNano())
		if err := e.do(ctx); err != nil {
			return count, fmt.Errorf("demo: event at %s: %w", e.at.Format(time.RFC3339), err)
		}
	}
	// The matching follows the vacancies list by itself, and reads each
	// vacancy's status (open, filled, closed) as it does.
	return count, nil
}

// contactNotes are what a consultant writes after a company contact, by
// kind.
var contactNotes = map[string][]string{
	"visit": {
		"Rundvisning i produktionen; drøftet behovet for folk til foråret",
		"Besøg hos direktøren: to stillinger på vej, ønsker at vi screener",
		"Opfølgning på virksomhedspraktikken – går godt, overvejer løntilskud",
		"Drøftet IGU til to unge flygtninge",
		"Gennemgået mulighederne for et fleksjob",
		"Besøg hos værkføreren om oplæring af nye medarbejdere",
	},
	"phone": {
		"Ringede om status på kandidaterne",
		"Spurgte til reglerne for løntilskud",
		"Aftalt besøg i næste måned",
		"Opfølgning efter ansættelsen – tilfredse med den nye medarbejder",
		"Drøftet sæsonbehov i sommerferien",
		"Kort snak om en sygemeldt medarbejder, aftalt møde",
	},
	"meeting": {
		"Møde om rekruttering til et nyt skiftehold",
		"Møde med HR om fastholdelse af en sygemeldt medarbejder",
		"Aftalt samarbejde om jobrotation",
		"Møde om praktikpladser til voksenlærlinge",
	},
	"digital_meeting": {
		"Teams-møde om kommende stillingsopslag",
		"Online afklaring af en virksomhedspraktik",
		"Kort opfølgning på præsenterede kandidater",
	},
	"network_event": {
		"Mødt på erhvervsnetværkets morgenmøde",
		"Talt sammen ved jobmessen",
	},
}

// retentionNotes say how a request about a sick-listed employee ended,
// as its outcome does.
var retentionNotes = map[string]string{
	"full_return":    "Medarbejderen er tilbage på fuld tid efter en plan for gradvis tilbagevenden.",
	"partial_return": "Aftalt delvis raskmelding med 20 timer om ugen og opfølgning om fire uger.",
	"no_return":      "Medarbejderen kunne ikke vende tilbage; overgået til jobcentrets forløb.",
}
