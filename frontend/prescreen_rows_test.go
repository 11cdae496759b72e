package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// rowCase is one citizen on a vacancy's shortlist, driven through the
// API and looked at on the vacancy page.
type rowCase struct {
	env      *systemtest.Env
	k        *systemtest.Client
	vacancy  string
	cand     string
	entry    string
	version  int64
	pageLang string
}

// newRowCase shortlists a new citizen named name on a new vacancy (of
// company n) and moves the entry through the stages given.
func newRowCase(t *testing.T, env *systemtest.Env, n int, name string, stages ...string) *rowCase {
	t.Helper()
	rc := &rowCase{env: env, k: env.Login("konsulent@demo.local"), pageLang: "da"}
	var cand struct{ ID string }
	cv := map[string]any{"external_ref": "ROW-" + strconv.Itoa(n), "name": name, "email": "row" + strconv.Itoa(n) + "@example.dk",
		"postal_code": "6400", "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"}}
	if res := rc.k.Do("POST", "/api/v1/candidates", cv, &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	var vac struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(n)), &vac); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	var e struct {
		ID      string
		Version int64
	}
	if res := rc.k.Do("POST", "/api/v1/vacancies/"+vac.ID+"/shortlist", map[string]any{"candidate_id": cand.ID}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	rc.vacancy, rc.cand, rc.entry, rc.version = vac.ID, cand.ID, e.ID, e.Version
	for _, to := range stages {
		rc.apiMove(t, to)
	}
	return rc
}

// apiMove takes a step through the API (with the interview and the
// consent that interviewed and presented need).
func (rc *rowCase) apiMove(t *testing.T, to string) {
	t.Helper()
	body := map[string]any{"to": to, "version": rc.version}
	switch to {
	case "interviewed":
		body["interview"] = map[string]any{"date": "2026-03-02", "by": "Karen Konsulent", "assessment": "Erfaren med tagarbejde."}
	case "presented":
		if res := rc.k.Do("POST", "/api/v1/candidates/"+rc.cand+"/consents", map[string]any{"vacancy_id": rc.vacancy, "channel": "meeting", "reveal_identity": true}, nil); res.StatusCode >= 300 {
			t.Fatalf("consent: %d %s", res.StatusCode, res.Body)
		}
	}
	var e struct{ Version int64 }
	if res := rc.k.Do("POST", "/api/v1/shortlist/"+rc.entry+"/transitions", body, &e); res.StatusCode != http.StatusOK {
		t.Fatalf("%s: %d %s", to, res.StatusCode, res.Body)
	}
	rc.version = e.Version
}

// page is the vacancy page's HTML.
func (rc *rowCase) page(t *testing.T) string {
	t.Helper()
	res := rc.k.Do("GET", "/staff/vacancies/"+rc.vacancy+"?lang="+rc.pageLang, nil, nil, "Accept", "text/html", "Accept-Language", rc.pageLang)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("vacancy page: %d %s", res.StatusCode, res.Body)
	}
	return string(res.Body)
}

// row is the citizen's shortlist row on the page, unescaped.
func (rc *rowCase) row(t *testing.T, page string) string {
	t.Helper()
	i := strings.Index(page, `<tr id="sl-`+rc.cand+`"`)
	if i < 0 {
		t.Fatalf("no row for %s on the page", rc.cand)
	}
	j := strings.Index(page[i:], "</tr>")
	return html.UnescapeString(page[i : i+j])
}

// message is the row's message on the page ("" when none).
func (rc *rowCase) message(page string) string {
	m := regexp.MustCompile(`(?s)id="msg-sl-` + regexp.QuoteMeta(rc.cand) + `"><div class="alert-body"><p class="alert-text">(.*?)</p>`).FindStringSubmatch(page)
	if m == nil {
		return ""
	}
	return html.UnescapeString(m[1])
}

// post sends a staff form (the page's CSRF token added) and wants the
// redirect back.
func (rc *rowCase) post(t *testing.T, path string, form url.Values) {
	t.Helper()
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(rc.page(t))
	if m == nil {
		t.Fatal("no _csrf on the page")
	}
	form.Set("_csrf", html.UnescapeString(m[1]))
	if res := rc.k.Do("POST", path, []byte(form.Encode()), nil,
		"Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", rc.pageLang); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("%s: %d %s", path, res.StatusCode, res.Body)
	}
}

// move posts the row's step form with the fields given (name, value, …).
func (rc *rowCase) move(t *testing.T, fields ...string) {
	t.Helper()
	form := url.Values{"version": {strconv.FormatInt(rc.version, 10)}, "vacancy_id": {rc.vacancy}, "candidate_id": {rc.cand}}
	for i := 0; i+1 < len(fields); i += 2 {
		form.Set(fields[i], fields[i+1])
	}
	rc.post(t, "/staff/shortlist/"+rc.entry+"/move", form)
}

// stage is the entry's stage as stored.
func (rc *rowCase) stage(t *testing.T) string {
	t.Helper()
	e, err := rc.env.Sys.Screening.Entry(t.Context(), rc.entry)
	if err != nil {
		t.Fatal(err)
	}
	rc.version = e.Version
	return string(e.Stage)
}

// TestEnterInTheNoteHiresNobody: the step select had no empty choice, so
// its first ("ansat" on a presented row) was always chosen, and Enter in
// "Note (hvorfor)" hired the person and filled the vacancy. The select
// starts on "Vælg næste trin", a note alone moves nothing, and a hire
// takes a second, explicit tick that says the vacancy will be filled.
func TestEnterInTheNoteHiresNobody(t *testing.T) {
	env := systemtest.Start(t)
	rc := newRowCase(t, env, 61, "Karina Thomsen", "contacted", "interested", "interviewed", "presented")
	row := rc.row(t, rc.page(t))
	sel := regexp.MustCompile(`(?s)<select name="to"[^>]*>(.*?)</select>`).FindStringSubmatch(row)
	if sel == nil || !strings.HasPrefix(sel[1], `<option value="">Vælg næste trin</option>`) || strings.Contains(sel[1], "selected") {
		t.Fatalf("the step select of a presented row: %q", sel)
	}
	if !strings.Contains(row, `name="confirm_hire"`) || !strings.Contains(row, "stillingen bliver besat") {
		t.Fatalf("the row offers no confirmation of a hire that fills the vacancy: %s", row)
	}

	// Enter in the note: the form as the browser sends it.
	rc.move(t, "to", "", "note", "Har ringet til virksomheden")
	page := rc.page(t)
	if got := rc.stage(t); got != "presented" {
		t.Fatalf("a note alone moved the entry to %s", got)
	}
	if msg := rc.message(page); !strings.Contains(msg, "Vælg et næste trin") {
		t.Fatalf("the message after a note alone: %q", msg)
	}
	if row := rc.row(t, page); !strings.Contains(row, `value="Har ringet til virksomheden"`) {
		t.Fatalf("the note typed was lost: %s", row)
	}

	// "ansat" without the tick: not hired, the tick marked.
	rc.move(t, "to", "hired", "note", "Starter 1. marts")
	page = rc.page(t)
	if got := rc.stage(t); got != "presented" {
		t.Fatalf("hired without the confirmation: %s", got)
	}
	if msg := rc.message(page); !strings.Contains(msg, "Bekræft ansættelsen") {
		t.Fatalf("the message of an unconfirmed hire: %q", msg)
	}
	if row := rc.row(t, page); !regexp.MustCompile(`name="confirm_hire" value="1" aria-invalid="true"`).MatchString(row) {
		t.Fatalf("the confirmation is not marked: %s", row)
	}
	if v, _ := env.Sys.Intake.Vacancy(t.Context(), rc.vacancy); v.Status == "filled" {
		t.Fatal("the vacancy was filled without a confirmed hire")
	}

	// Confirmed: hired, and the vacancy filled.
	rc.move(t, "to", "hired", "confirm_hire", "1")
	if got := rc.stage(t); got != "hired" {
		t.Fatalf("a confirmed hire: %s", got)
	}
	if v, _ := env.Sys.Intake.Vacancy(t.Context(), rc.vacancy); v.Status != "filled" {
		t.Fatalf("vacancy after the confirmed hire: %s", v.Status)
	}
}

// TestRowControlsSayWhose: every row's "Næste trin", "Note (hvorfor)",
// "Gem", "Book samtale" and "Send samtykkelink", and every match's "vælg"
// and "Sæt på kortlisten", had the same accessible name twenty times
// over; each now says whose it is.
func TestRowControlsSayWhose(t *testing.T) {
	env := systemtest.Start(t)
	rc := newRowCase(t, env, 62, "Karina Thomsen", "contacted")
	var other struct{ ID string }
	cv := map[string]any{"external_ref": "ROW-62b", "name": "Bent Bagger", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"}, "consent": map[string]any{"given": true, "channel": "meeting"}}
	if res := rc.k.Do("POST", "/api/v1/candidates", cv, &other); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(t.Context()); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"da", "en"} {
		want := map[string][]string{
			"da": {`aria-label="Næste trin for Karina Thomsen"`, `aria-label="Note (hvorfor) for Karina Thomsen"`, `Gem<span class="sr-only"> for Karina Thomsen</span></button>`,
				`Book samtale<span class="sr-only"> for Karina Thomsen</span></summary>`, `Send samtykkelink<span class="sr-only"> for Karina Thomsen</span></summary>`,
				`vælg<span class="sr-only"> Bent Bagger</span></label>`, `Sæt på kortlisten<span class="sr-only">: Bent Bagger</span></button>`},
			"en": {`aria-label="Next step for Karina Thomsen"`, `aria-label="Note (why) for Karina Thomsen"`, `Save<span class="sr-only"> for Karina Thomsen</span></button>`,
				`Send consent link<span class="sr-only"> for Karina Thomsen</span></summary>`, `select<span class="sr-only"> Bent Bagger</span></label>`},
		}[lang]
		rc.pageLang = lang
		page := html.UnescapeString(rc.page(t))
		for _, w := range want {
			if !strings.Contains(page, w) {
				t.Errorf("%s: the page lacks %s", lang, w)
			}
		}
	}
}

// presentedNames are the names the employer's view shows of the
// vacancy's presented candidates ("" for one shown without), and how many
// it shows.
func (rc *rowCase) presentedNames(t *testing.T) (int, []string) {
	t.Helper()
	v, err := rc.env.Sys.Intake.Vacancy(t.Context(), rc.vacancy)
	if err != nil {
		t.Fatal(err)
	}
	ps, err := rc.env.Sys.Screening.Presented(t.Context(), v)
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, p := range ps {
		names = append(names, p.Name)
	}
	return len(ps), names
}

// TestStaffWithdrawConsent: the consent page tells the citizen to ask
// their consultant to withdraw a consent, but no staff page could; the
// row has "Træk samtykke tilbage", and the employer no longer sees the
// person.
func TestStaffWithdrawConsent(t *testing.T) {
	env := systemtest.Start(t)
	rc := newRowCase(t, env, 63, "Karina Thomsen", "contacted", "interested", "interviewed", "presented")
	if n, names := rc.presentedNames(t); n != 1 || names[0] != "Karina Thomsen" {
		t.Fatalf("the employer sees %d: %q", n, names)
	}
	row := rc.row(t, rc.page(t))
	if !strings.Contains(row, "Træk samtykke tilbage") || !strings.Contains(row, "arbejdsgiveren ser ikke længere navn og profil") {
		t.Fatalf("the row offers no withdrawal with its consequence: %s", row)
	}
	rc.post(t, "/staff/vacancies/"+rc.vacancy+"/consent/withdraw", url.Values{"candidate_id": {rc.cand}})
	page := rc.page(t)
	if msg := rc.message(page); !strings.Contains(msg, "Samtykket er trukket tilbage") {
		t.Fatalf("the message: %q", msg)
	}
	if row := rc.row(t, page); strings.Contains(row, "samtykke til præsentation") || strings.Contains(row, "må vise navn") {
		t.Fatalf("the row still says consent: %s", row)
	}
	if n, names := rc.presentedNames(t); n != 0 {
		t.Fatalf("after the withdrawal the employer sees %d: %q", n, names)
	}
}

// TestCVConsentNoWithdrawsPresentations: "Ret CV" → consent "Nej" left the
// employer's link showing the citizen by name with the whole profile, and
// the vacancy page "samtykke til præsentation · må vise navn": the CV's
// consent withdrawn withdraws the presentations' consents.
func TestCVConsentNoWithdrawsPresentations(t *testing.T) {
	env := systemtest.Start(t)
	rc := newRowCase(t, env, 64, "Karina Thomsen", "contacted", "interested", "interviewed", "presented")
	cv := map[string]any{"external_ref": "ROW-64", "name": "Karina Thomsen", "email": "row64@example.dk", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"}}
	put := func(consent bool) {
		t.Helper()
		if consent {
			cv["consent"] = map[string]any{"given": true, "channel": "meeting"}
		} else {
			delete(cv, "consent")
		}
		if res := rc.k.Do("PUT", "/api/v1/candidates/"+rc.cand, cv, nil); res.StatusCode != http.StatusOK {
			t.Fatalf("edit: %d %s", res.StatusCode, res.Body)
		}
	}
	put(true)
	if n, names := rc.presentedNames(t); n != 1 || names[0] != "Karina Thomsen" {
		t.Fatalf("with the CV's consent the employer sees %d: %q", n, names)
	}
	put(false)
	if n, names := rc.presentedNames(t); n != 0 {
		t.Fatalf("the CV's consent withdrawn, the employer still sees %d: %q", n, names)
	}
	if row := rc.row(t, rc.page(t)); strings.Contains(row, "samtykke til præsentation") {
		t.Fatalf("the row still says consent: %s", row)
	}
}
