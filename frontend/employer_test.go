package frontend_test

import (
	"context"
	"fmt"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// employerCase is a vacancy with candidates presented on it, and its
// employer's private link.
type employerCase struct {
	env    *systemtest.Env
	k      *systemtest.Client // the vacancy's own consultant
	id     string
	status string // "/status/…"
	cands  []string
}

// newEmployerCase posts a vacancy (body changed by edit) and presents a
// CV for each of cvs (each a CV body's fields over a minimal CV).
func newEmployerCase(t *testing.T, env *systemtest.Env, cvr int, edit func(map[string]any), cvs ...map[string]any) *employerCase {
	t.Helper()
	ctx := context.Background()
	body := systemtest.VacancyBody(demo.CVR(cvr))
	body["skills_required"], body["skills_desired"] = []string{}, []string{}
	if edit != nil {
		edit(body)
	}
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	v, err := env.Sys.Intake.Vacancy(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	ec := &employerCase{env: env, k: env.Login(v.ConsultantID), id: rec.ID, status: rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]}
	for i, extra := range cvs {
		cv := map[string]any{"external_ref": fmt.Sprintf("EMP-%d-%d", cvr, i), "name": fmt.Sprintf("Borger %d", i), "postal_code": "6400",
			"target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}}
		for k, v := range extra {
			cv[k] = v
		}
		var c struct{ ID string }
		if res := ec.k.Do("POST", "/api/v1/candidates", cv, &c); res.StatusCode != http.StatusCreated {
			t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
		}
		presentCandidate(t, ec.k, rec.ID, c.ID)
		ec.cands = append(ec.cands, c.ID)
	}
	return ec
}

// move moves candidate i's entry to stage to.
func (ec *employerCase) move(t *testing.T, i int, to string) {
	t.Helper()
	e, err := ec.env.Sys.Screening.Entry(context.Background(), ec.id+":"+ec.cands[i])
	if err != nil {
		t.Fatal(err)
	}
	if res := ec.k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": to, "version": e.Version}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("→ %s: %d %s", to, res.StatusCode, res.Body)
	}
}

// profile is a presented profile as the status JSON gives it.
type profile struct {
	ProfileID     string   `json:"profile_id"`
	Stage         string   `json:"stage"`
	Number        int      `json:"number"`
	Occupations   []string `json:"occupations"`
	Languages     []string `json:"languages"`
	Licences      []string `json:"driving_licences"`
	AvailableFrom string   `json:"available_from"`
	Interview     string   `json:"interview_summary"`
}

type employerStatus struct {
	Status          string
	PositionsFilled int `json:"positions_filled"`
	Presented       []profile
}

func (ec *employerCase) json(t *testing.T, lang string) employerStatus {
	t.Helper()
	var st employerStatus
	if res := ec.env.Client().Do("GET", ec.status, nil, &st, "Accept", "application/json", "Accept-Language", lang); res.StatusCode != http.StatusOK {
		t.Fatalf("status JSON: %d %s", res.StatusCode, res.Body)
	}
	return st
}

func (ec *employerCase) page(t *testing.T, lang string) string {
	t.Helper()
	res := ec.env.Client().Do("GET", ec.status, nil, nil, "Accept", "text/html", "Accept-Language", lang)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("status page: %d %s", res.StatusCode, res.Body)
	}
	return string(res.Body)
}

// article is the page's article of the profile with id pid.
func article(t *testing.T, page, pid string) string {
	t.Helper()
	i := strings.Index(page, `id="profile-`+pid+`"`)
	if i < 0 {
		t.Fatalf("no profile %s on the page", pid)
	}
	a := page[i:]
	return a[:strings.Index(a, "</article>")]
}

// TestHiredIsNotOpenOnTheEmployersPage: after a hire the employer's page
// still offered "Inviter til samtale / Ikke relevant" about the person
// hired, said "Ledig nu" of them and "Kandidater præsenteret" of the
// vacancy for two; "Ikke relevant" about them was taken (201), and so were
// "Inviter til samtale" then "Ikke relevant" about the other.
func TestHiredIsNotOpenOnTheEmployersPage(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 91, func(b map[string]any) { b["positions"] = 2 }, nil, nil)
	ec.move(t, 0, "hired")
	st := ec.json(t, "da")
	if st.PositionsFilled != 1 || len(st.Presented) != 2 {
		t.Fatalf("status JSON after one hire of two: %+v", st)
	}
	var hired, open profile
	for _, p := range st.Presented {
		if p.Stage == "hired" {
			hired = p
		} else {
			open = p
		}
	}
	if hired.ProfileID == "" || open.ProfileID == "" {
		t.Fatalf("profiles: %+v", st.Presented)
	}
	page := ec.page(t, "da")
	if !strings.Contains(page, `class="status-value">1 af 2 stillinger besat<`) {
		t.Error("the page does not say 1 of 2 positions filled")
	}
	a := article(t, page, hired.ProfileID)
	if strings.Contains(a, `class="answer-form"`) || strings.Contains(a, "Ledig nu") || !strings.Contains(a, `class="available">Ansat<`) {
		t.Errorf("the hired person's profile: %s", a)
	}
	if !strings.Contains(article(t, page, open.ProfileID), `class="answer-form"`) {
		t.Error("the candidate still open has no answer form")
	}
	for lang, want := range map[string]string{"da": "Kandidaten er ansat", "en": "The candidate is hired"} {
		res := env.Client().Do("POST", ec.status+"/answers", map[string]any{"profile_id": hired.ProfileID, "answer": "not_relevant", "reason": "language"}, nil, "Accept-Language", lang)
		if res.StatusCode != http.StatusConflict || res.Problem(t).Code != "profile_closed" || !strings.Contains(string(res.Body), want) {
			t.Errorf("not relevant about the hired (%s): %d %s", lang, res.StatusCode, res.Body)
		}
	}
	// One decision per candidate: the second, contrary one is refused.
	if res := env.Client().Do("POST", ec.status+"/answers", map[string]any{"profile_id": open.ProfileID, "answer": "invite_to_interview"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("invite: %d %s", res.StatusCode, res.Body)
	}
	res := env.Client().Do("POST", ec.status+"/answers", map[string]any{"profile_id": open.ProfileID, "answer": "not_relevant", "reason": "language"}, nil, "Accept-Language", "en")
	if res.StatusCode != http.StatusConflict || res.Problem(t).Code != "already_answered" || !strings.Contains(string(res.Body), "already answered") {
		t.Errorf("not relevant after an invitation: %d %s", res.StatusCode, res.Body)
	}
	if res := env.Client().Do("POST", ec.status+"/answers", map[string]any{"profile_id": open.ProfileID, "answer": "question", "text": "Kan han starte før?"}, nil); res.StatusCode != http.StatusCreated {
		t.Errorf("a question after the invitation: %d %s", res.StatusCode, res.Body)
	}
	e, _ := env.Sys.Screening.Entry(context.Background(), ec.id+":"+ec.cands[1])
	if n := len(e.Answers); n != 2 {
		t.Errorf("answers kept: %+v", e.Answers)
	}
	if a := article(t, ec.page(t, "da"), open.ProfileID); strings.Contains(a, `value="not_relevant"`) || strings.Contains(a, `value="invite_to_interview"`) {
		t.Errorf("the page offers a second decision: %s", a)
	}
	// The person withdrawn meanwhile: refused as ended, in both languages.
	ec.move(t, 1, "withdrawn")
	res = env.Client().Do("POST", ec.status+"/answers", map[string]any{"profile_id": open.ProfileID, "answer": "question", "text": "Hvornår?"}, nil, "Accept-Language", "da")
	if res.StatusCode != http.StatusConflict || res.Problem(t).Code != "profile_closed" {
		t.Errorf("an answer about the withdrawn: %d %s", res.StatusCode, res.Body)
	}
}

// TestProfileSaysWhatTheVacancyAsked: on a Sygeplejerske vacancy asking
// for licence B and Danish B1 the nurse with 7 years was headed
// «Anlægsgartnerarbejder» (the first occupation her CV wished for), and
// neither her licence B nor her Danish (a mother tongue) was on the
// profile.
func TestProfileSaysWhatTheVacancyAsked(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 92, func(b map[string]any) {
		b["title"], b["description"] = "Sygeplejerske", "Vi søger en sygeplejerske til hjemmeplejen."
		b["driving_licence"], b["languages"] = "B", []map[string]string{{"code": "da", "level": "B1"}}
	}, map[string]any{"desired_occupations": []string{"Anlægsgartnerarbejder", "Sygeplejerske"},
		"experience":       []map[string]any{{"title": "Anlægsgartner", "years": 1}, {"title": "Sygeplejerske", "years": 7}},
		"driving_licences": []string{"B"}, "languages": []map[string]string{{"code": "da", "level": "native"}, {"code": "ar", "level": "native"}}},
		map[string]any{"desired_occupations": []string{"Sygeplejerske"}, "languages": []map[string]string{{"code": "da", "level": "B2"}}})
	st := ec.json(t, "da")
	if len(st.Presented) != 2 {
		t.Fatalf("profiles: %+v", st.Presented)
	}
	nurse, other := st.Presented[0], st.Presented[1]
	var raw struct {
		Presented []map[string]any
	}
	ec.env.Client().Do("GET", ec.status, nil, &raw, "Accept", "application/json")
	if h := raw.Presented[0]["headline"]; h != "Sygeplejerske" {
		t.Errorf("headline %v, want Sygeplejerske", h)
	}
	if strings.Join(nurse.Licences, ",") != "B" || strings.Join(nurse.Languages, ",") != "da C2" {
		t.Errorf("the nurse's licences %v, languages %v (want B; da C2, no Arabic)", nurse.Licences, nurse.Languages)
	}
	if len(other.Licences) != 0 {
		t.Errorf("licences of one without: %v", other.Licences)
	}
	page := ec.page(t, "da")
	a := article(t, page, nurse.ProfileID)
	for _, want := range []string{`class="muted headline" lang="da">Sygeplejerske<`, `class="licences">B<`, `class="languages">Dansk: flydende (C2)<`} {
		if !strings.Contains(a, want) {
			t.Errorf("the nurse's profile lacks %q: %s", want, a)
		}
	}
	if a := article(t, page, other.ProfileID); !strings.Contains(a, `class="licences">Har ikke kørekort B<`) {
		t.Errorf("the profile without a licence: %s", a)
	}
}

// TestRetentionTextIsNotOnTheLink: a retention request names an employee
// and their health ("Vores svend Peter Jensen … sygemeldt …"); the status
// page showed it to whoever holds the link.
func TestRetentionTextIsNotOnTheLink(t *testing.T) {
	env := systemtest.Start(t)
	body := map[string]any{"company": systemtest.VacancyBody(demo.CVR(93))["company"], "topic": "retention", "channel": "web",
		"text": "Vores svend Peter Jensen er sygemeldt med diskusprolaps og stress."}
	var rec struct {
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/requests", body, &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("post: %d %s", res.StatusCode, res.Body)
	}
	path := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	page := string(env.Client().Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da").Body)
	if strings.Contains(page, "Peter Jensen") || strings.Contains(page, "diskusprolaps") || !strings.Contains(page, `class="request-text">Din beskrivelse er modtaget<`) {
		t.Errorf("the retention request's page: %s", page)
	}
}
