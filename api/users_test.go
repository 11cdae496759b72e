package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// login signs in with a password, returning the client and the status.
func loginWith(env *systemtest.Env, email, password string) (*systemtest.Client, int) {
	c := env.Client()
	var out struct {
		Token string `json:"token"`
	}
	res := c.Do("POST", "/api/v1/auth/login", map[string]string{"email": email, "password": password}, &out)
	c.Token = out.Token
	return c, res.StatusCode
}

// auditOf returns the audit events of an action, newest first.
func auditOf(t *testing.T, env *systemtest.Env, action string) []*jobmatch.AuditEvent {
	t.Helper()
	p, err := env.Sys.Audit.List(context.Background(), app.ListQuery{Limit: 200})
	if err != nil {
		t.Fatal(err)
	}
	var out []*jobmatch.AuditEvent
	for _, e := range p.Items {
		if e.Action == action {
			out = append(out, e)
		}
	}
	return out
}

// TestAdminDeactivatesAUser: a consultant who leaves is deactivated by an
// admin; their session ends at once (the token they hold answers 401), they
// cannot log in, and the answer says how many companies still have them as
// contact person. The change is audited without the password.
func TestAdminDeactivatesAUser(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	if res := admin.Do("POST", "/api/v1/users", map[string]any{"email": "gaar@kommune.dk", "name": "Gitte Går", "role": "consultant",
		"phone": "88 72 41 09", "password": "hemmelig1"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(3)), nil)
	if res := admin.Do("PUT", "/api/v1/companies/"+demo.CVR(3)+"/consultant", map[string]any{"consultant_id": "gaar@kommune.dk"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("assign: %d %s", res.StatusCode, res.Body)
	}
	gitte, status := loginWith(env, "gaar@kommune.dk", "hemmelig1")
	if status != http.StatusOK {
		t.Fatalf("login: %d", status)
	}
	// Creating a user and their absence are audited: who, whom, what.
	if res := gitte.Do("PUT", "/api/v1/users/gaar@kommune.dk/absence", map[string]any{"away": true, "deputy_id": "konsulent@demo.local"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("absence: %d %s", res.StatusCode, res.Body)
	}
	if es := auditOf(t, env, "user.create"); len(es) != 1 || es[0].Actor != "admin@demo.local" || len(es[0].Subjects) != 1 ||
		es[0].Subjects[0] != "gaar@kommune.dk" || es[0].Reason != "role: consultant" {
		t.Fatalf("user.create audited as %+v", es)
	}
	if es := auditOf(t, env, "user.absence"); len(es) != 1 || es[0].Actor != "gaar@kommune.dk" || len(es[0].Subjects) != 1 ||
		es[0].Subjects[0] != "gaar@kommune.dk" || es[0].Reason != "away, deputy: konsulent@demo.local" {
		t.Fatalf("user.absence audited as %+v", es)
	}
	if res := gitte.Do("GET", "/api/v1/auth/me", nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("me before: %d", res.StatusCode)
	}

	var out struct {
		Active          bool `json:"active"`
		SessionsEnded   int  `json:"sessions_ended"`
		CompaniesToMove int  `json:"companies_to_move"`
	}
	res := admin.Do("PATCH", "/api/v1/users/Gaar@Kommune.dk", map[string]any{"active": false}, &out)
	if res.StatusCode != http.StatusOK || out.Active || out.SessionsEnded != 1 || out.CompaniesToMove != 1 {
		t.Fatalf("deactivate: %d %s", res.StatusCode, res.Body)
	}
	if res := gitte.Do("GET", "/api/v1/auth/me", nil, nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("the deactivated user's token: %d", res.StatusCode)
	}
	if _, status := loginWith(env, "gaar@kommune.dk", "hemmelig1"); status != http.StatusUnauthorized {
		t.Fatalf("a deactivated user logs in: %d", status)
	}
	var cs struct{ Items []jobmatch.User }
	admin.Do("GET", "/api/v1/consultants", nil, &cs)
	for _, u := range cs.Items {
		if u.ID == "gaar@kommune.dk" {
			t.Fatal("a deactivated consultant is among the consultants")
		}
	}

	es := auditOf(t, env, "user.update")
	if len(es) != 1 || es[0].Actor != "admin@demo.local" || len(es[0].Subjects) != 1 || es[0].Subjects[0] != "gaar@kommune.dk" ||
		es[0].Reason != "active: true → false" {
		t.Fatalf("audited %+v", es)
	}

	// Back with a new password: the old one is refused, the new one works,
	// and the session it opened ends when the password changes again.
	if res := admin.Do("PATCH", "/api/v1/users/gaar@kommune.dk", map[string]any{"active": true, "password": "nyt-kodeord"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("reactivate: %d %s", res.StatusCode, res.Body)
	}
	if _, status := loginWith(env, "gaar@kommune.dk", "hemmelig1"); status != http.StatusUnauthorized {
		t.Fatalf("the old password: %d", status)
	}
	gitte, status = loginWith(env, "gaar@kommune.dk", "nyt-kodeord")
	if status != http.StatusOK {
		t.Fatalf("the new password: %d", status)
	}
	if res := admin.Do("PATCH", "/api/v1/users/gaar@kommune.dk", map[string]any{"password": "tredje-kodeord"}, &out); res.StatusCode != http.StatusOK || out.SessionsEnded != 1 {
		t.Fatalf("new password: %d %s", res.StatusCode, res.Body)
	}
	if res := gitte.Do("GET", "/api/v1/auth/me", nil, nil); res.StatusCode != http.StatusUnauthorized {
		t.Fatalf("a session after a new password: %d", res.StatusCode)
	}
	for _, e := range auditOf(t, env, "user.update") {
		if strings.Contains(e.Reason, "kodeord") || e.Reason == "" {
			t.Fatalf("the audit log holds %q", e.Reason)
		}
	}

	// Another role: out of the consultants; the name and phone change.
	res = admin.Do("PATCH", "/api/v1/users/gaar@kommune.dk", map[string]any{"role": "hotline", "name": "Gitte Hansen", "phone": "88 72 40 19"}, &out)
	if res.StatusCode != http.StatusOK || out.CompaniesToMove != 1 || !strings.Contains(string(res.Body), `"name":"Gitte Hansen"`) {
		t.Fatalf("role: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PATCH", "/api/v1/users/nobody@kommune.dk", map[string]any{"active": false}, nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("an unknown user: %d", res.StatusCode)
	}
	if res := env.Login("konsulent@demo.local").Do("PATCH", "/api/v1/users/gaar@kommune.dk", map[string]any{"active": false}, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("a consultant deactivates: %d", res.StatusCode)
	}
}

// TestAdminsStay: an admin cannot deactivate themselves, and the last
// active admin can be neither deactivated nor given another role; the
// refusals name the field, in Danish or English.
func TestAdminsStay(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	res := admin.Do("PATCH", "/api/v1/users/admin@demo.local", map[string]any{"active": false}, nil)
	if code, msg := res.Problem(t).Field("active"); res.StatusCode != http.StatusUnprocessableEntity || code != "self" || !strings.Contains(msg, "dig selv") {
		t.Fatalf("deactivating oneself: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/admin@demo.local", map[string]any{"role": "consultant"}, nil, "Accept-Language", "en")
	if code, msg := res.Problem(t).Field("role"); res.StatusCode != http.StatusUnprocessableEntity || code != "last_admin" || !strings.Contains(msg, "at least one active admin") {
		t.Fatalf("the last admin a consultant: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/admin@demo.local", map[string]any{"role": "boss", "password": "kort"}, nil)
	if p := res.Problem(t); res.StatusCode != http.StatusUnprocessableEntity || p.Errors == nil {
		t.Fatalf("bad role and password: %d %s", res.StatusCode, res.Body)
	} else if code, _ := p.Field("role"); code != "oneof" {
		t.Fatalf("bad role: %s", res.Body)
	} else if code, _ := p.Field("password"); code != "min" {
		t.Fatalf("short password: %s", res.Body)
	}

	// With a second admin, the first may step down; the second then is
	// the last one and cannot be deactivated by anyone.
	if res := admin.Do("POST", "/api/v1/users", map[string]any{"email": "admin2@kommune.dk", "name": "Anden Admin", "role": "admin", "password": "hemmelig2"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("second admin: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PATCH", "/api/v1/users/admin@demo.local", map[string]any{"role": "management"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("stepping down: %d %s", res.StatusCode, res.Body)
	}
	second, status := loginWith(env, "admin2@kommune.dk", "hemmelig2")
	if status != http.StatusOK {
		t.Fatalf("second admin login: %d", status)
	}
	if res := second.Do("PATCH", "/api/v1/users/admin@demo.local", map[string]any{"active": false}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("deactivating a former admin: %d %s", res.StatusCode, res.Body)
	}
	res = second.Do("PATCH", "/api/v1/users/admin2@kommune.dk", map[string]any{"role": "hotline"}, nil)
	if code, _ := res.Problem(t).Field("role"); res.StatusCode != http.StatusUnprocessableEntity || code != "last_admin" {
		t.Fatalf("the last admin: %d %s", res.StatusCode, res.Body)
	}
}

// TestConsultantsHaveAPhoneAndRealAreas: a consultant without a phone
// number showed as "sendt til Ny Konsulent ()" and an empty "Telefon:" on
// the employer's status page; areas "abc" and "9999999" were stored. A
// consultant's phone is a Danish number of 8 digits; an area is a postal
// code that exists, the start of one, or i: and an industry code.
func TestConsultantsHaveAPhoneAndRealAreas(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	user := func(phone string, areas ...string) map[string]any {
		return map[string]any{"email": "ny@kommune.dk", "name": "Ny Konsulent", "role": "consultant", "phone": phone, "areas": areas, "password": "hemmelig1"}
	}
	res := admin.Do("POST", "/api/v1/users", user("", "abc", "9999999", "9999", "64", "6400", "i:47"), nil)
	p := res.Problem(t)
	if res.StatusCode != http.StatusUnprocessableEntity || len(p.Errors) != 4 {
		t.Fatalf("no phone, bad areas: %d %s", res.StatusCode, res.Body)
	}
	if code, msg := p.Field("phone"); code != "required" || msg != "Skal udfyldes." {
		t.Fatalf("no phone: %s", res.Body)
	}
	for _, f := range []string{"areas[0]", "areas[1]", "areas[2]"} {
		if code, msg := p.Field(f); code != "area" || !strings.Contains(msg, "postnummer") {
			t.Fatalf("%s: %s", f, res.Body)
		}
	}
	for _, phone := range []string{"1234", "88 72 41 0x", "+46 88 72 41 01"} {
		res := admin.Do("POST", "/api/v1/users", user(phone), nil, "Accept-Language", "en")
		if code, msg := res.Problem(t).Field("phone"); res.StatusCode != http.StatusUnprocessableEntity || code != "dkphone" || !strings.Contains(msg, "8 digits") {
			t.Fatalf("phone %q: %d %s", phone, res.StatusCode, res.Body)
		}
	}
	if res := admin.Do("POST", "/api/v1/users", user("+45 88 72 41 09", "64", "6400", "i:47"), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("a good consultant: %d %s", res.StatusCode, res.Body)
	}
	// Others need no phone; a consultant keeps theirs, and a user made a
	// consultant must have one.
	if res := admin.Do("POST", "/api/v1/users", map[string]any{"email": "hot@kommune.dk", "name": "Hot Line", "role": "hotline", "password": "hemmelig1"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("hotline without phone: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/hot@kommune.dk", map[string]any{"role": "consultant"}, nil)
	if code, _ := res.Problem(t).Field("phone"); res.StatusCode != http.StatusUnprocessableEntity || code != "required" {
		t.Fatalf("a consultant made without phone: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/ny@kommune.dk", map[string]any{"phone": ""}, nil)
	if code, _ := res.Problem(t).Field("phone"); res.StatusCode != http.StatusUnprocessableEntity || code != "required" {
		t.Fatalf("a consultant's phone removed: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PATCH", "/api/v1/users/hot@kommune.dk", map[string]any{"role": "consultant", "phone": "88724110"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("made a consultant with a phone: %d %s", res.StatusCode, res.Body)
	}
}

// TestReassignMovesOpenWork: companies moved to another consultant left
// their open requests and vacancies on the old one's worklist, while the
// employer's status page and the hotline named the new one. They move
// with the companies, and the answer says how many; a company not moved
// keeps its work. A wrong "to" is named "to". The move is audited.
func TestReassignMovesOpenWork(t *testing.T) {
	env := systemtest.Start(t)
	anon, admin := env.Client(), env.Login("admin@demo.local")
	moved, kept := demo.CVR(61), demo.CVR(62)
	for _, cvr := range []string{moved, kept} {
		if res := anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
		}
	}
	body := systemtest.VacancyBody(moved)
	if res := anon.Do("POST", "/api/v1/requests", map[string]any{"company": body["company"], "topic": "subsidy", "channel": "web", "text": "Løntilskud?"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	co, err := env.Sys.Companies.Company(context.Background(), moved)
	if err != nil {
		t.Fatal(err)
	}
	from, to := co.ConsultantID, "mads@demo.local"
	type owned struct {
		CVR          string `json:"cvr"`
		ConsultantID string `json:"consultant_id"`
	}
	type worklist struct {
		OpenRequests []owned `json:"open_requests"`
		Vacancies    []owned `json:"vacancies"`
	}
	work := func(email string) (requests, vacancies map[string]int) {
		var w worklist
		if res := env.Login(email).Do("GET", "/api/v1/worklist", nil, &w); res.StatusCode != http.StatusOK {
			t.Fatalf("worklist: %d %s", res.StatusCode, res.Body)
		}
		requests, vacancies = map[string]int{}, map[string]int{}
		for _, r := range w.OpenRequests {
			if r.ConsultantID != email {
				t.Fatalf("%s's worklist holds a request of %s", email, r.ConsultantID)
			}
			requests[r.CVR]++
		}
		for _, v := range w.Vacancies {
			if v.ConsultantID != email {
				t.Fatalf("%s's worklist holds a vacancy of %s", email, v.ConsultantID)
			}
			vacancies[v.CVR]++
		}
		return requests, vacancies
	}
	if rs, vs := work(from); rs[moved] != 2 || vs[moved] != 1 || rs[kept] != 1 || vs[kept] != 1 {
		t.Fatalf("before: requests %v, vacancies %v", rs, vs)
	}

	res := admin.Do("POST", "/api/v1/companies/reassign", map[string]any{"from": from, "to": "hotline@demo.local", "cvrs": []string{moved}, "reason": "Barsel"}, nil)
	if code, _ := res.Problem(t).Field("to"); res.StatusCode != http.StatusUnprocessableEntity || code != "consultant" {
		t.Fatalf("to the hotline: %d %s", res.StatusCode, res.Body)
	}
	var out struct {
		Moved          int `json:"moved"`
		RequestsMoved  int `json:"requests_moved"`
		VacanciesMoved int `json:"vacancies_moved"`
	}
	res = admin.Do("POST", "/api/v1/companies/reassign", map[string]any{"from": from, "to": to, "cvrs": []string{moved}, "reason": "Barsel"}, &out)
	if res.StatusCode != http.StatusOK || out.Moved != 1 || out.RequestsMoved != 2 || out.VacanciesMoved != 1 {
		t.Fatalf("reassign: %d %s", res.StatusCode, res.Body)
	}
	if rs, vs := work(from); rs[moved] != 0 || vs[moved] != 0 || rs[kept] != 1 || vs[kept] != 1 {
		t.Fatalf("the old consultant after: requests %v, vacancies %v", rs, vs)
	}
	if rs, vs := work(to); rs[moved] != 2 || vs[moved] != 1 {
		t.Fatalf("the new consultant after: requests %v, vacancies %v", rs, vs)
	}
	es := auditOf(t, env, "companies.reassign")
	if len(es) != 1 || es[0].Actor != "admin@demo.local" || len(es[0].Subjects) != 1 || es[0].Subjects[0] != moved || es[0].Count != 1 ||
		!strings.Contains(es[0].Reason, from+" → "+to) || !strings.Contains(es[0].Reason, "Barsel") {
		t.Fatalf("audited %+v", es)
	}

	// One company back by hand: its work comes back too, and the answer
	// says how much beside the company (it said nothing of the work).
	var back struct {
		CVR            string `json:"cvr"`
		ConsultantID   string `json:"consultant_id"`
		RequestsMoved  *int   `json:"requests_moved"`
		VacanciesMoved *int   `json:"vacancies_moved"`
	}
	if res := admin.Do("PUT", "/api/v1/companies/"+moved+"/consultant", map[string]any{"consultant_id": from, "reason": "Tilbage"}, &back); res.StatusCode != http.StatusOK ||
		back.CVR != moved || back.ConsultantID != from || back.RequestsMoved == nil || *back.RequestsMoved != 2 || back.VacanciesMoved == nil || *back.VacanciesMoved != 1 {
		t.Fatalf("back: %d %s", res.StatusCode, res.Body)
	}
	if rs, vs := work(from); rs[moved] != 2 || vs[moved] != 1 {
		t.Fatalf("back: requests %v, vacancies %v", rs, vs)
	}
	if es := auditOf(t, env, "companies.reassign"); len(es) != 2 || es[0].Subjects[0] != moved || !strings.Contains(es[0].Reason, to+" → "+from) {
		t.Fatalf("audited %+v", es)
	}
}

// TestNoRequestsForALeaver: a deactivated consultant was still handed new
// requests of his companies, and the employer's receipt named him; he was
// accepted as a deputy too. His company's requests go to an active
// consultant by the assignment rule (the same one each time), the receipt
// names that one, the company keeps him until an admin moves it, and a
// deputy who has left is refused by name of the field.
func TestNoRequestsForALeaver(t *testing.T) {
	env := systemtest.Start(t)
	anon, admin := env.Client(), env.Login("admin@demo.local")
	cvr, leaver := demo.CVR(64), "mads@demo.local"
	if res := anon.Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PUT", "/api/v1/companies/"+cvr+"/consultant", map[string]any{"consultant_id": leaver}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("assign: %d %s", res.StatusCode, res.Body)
	}
	if res := admin.Do("PATCH", "/api/v1/users/"+leaver, map[string]any{"active": false}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("deactivate: %d %s", res.StatusCode, res.Body)
	}
	body := systemtest.VacancyBody(cvr)
	var handler string
	for i := range 2 {
		var rec struct {
			RequestID     string                 `json:"request_id"`
			StatusURL     string                 `json:"status_url"`
			ContactPerson struct{ Email string } `json:"contact_person"`
		}
		if res := anon.Do("POST", "/api/v1/requests", map[string]any{"company": body["company"], "topic": "subsidy", "channel": "web",
			"text": "Løntilskud, spørgsmål " + string(rune('A'+i))}, &rec); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
		r, err := env.Sys.Intake.Request(context.Background(), rec.RequestID)
		if err != nil {
			t.Fatal(err)
		}
		if r.ConsultantID == leaver || rec.ContactPerson.Email != r.ConsultantID {
			t.Fatalf("request %d went to %s, the receipt names %s", i, r.ConsultantID, rec.ContactPerson.Email)
		}
		if handler != "" && r.ConsultantID != handler {
			t.Fatalf("the company's requests go to %s and %s", handler, r.ConsultantID)
		}
		handler = r.ConsultantID
		// The status page names the same one.
		var st struct {
			ContactPerson struct{ Email string } `json:"contact_person"`
		}
		anon.Do("GET", rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):], nil, &st, "Accept", "application/json")
		if st.ContactPerson.Email != handler {
			t.Fatalf("the status page names %q, the request went to %s", st.ContactPerson.Email, handler)
		}
	}
	if co, err := env.Sys.Companies.Company(context.Background(), cvr); err != nil || co.ConsultantID != leaver {
		t.Fatalf("the company's contact changed without an admin: %+v %v", co, err)
	}

	res := admin.Do("PUT", "/api/v1/users/fatima@demo.local/absence", map[string]any{"away": true, "deputy_id": leaver}, nil)
	if code, _ := res.Problem(t).Field("deputy_id"); res.StatusCode != http.StatusUnprocessableEntity || code != "consultant" {
		t.Fatalf("a deputy who has left: %d %s", res.StatusCode, res.Body)
	}
}

// TestUserNamesPhonesAndAreas: a name of two spaces was taken (the
// validator counted them), a phone was stored as typed ("88724104" beside
// the others' "88 72 41 04"), and a consultant's areas could not be
// changed (unknown_field). Names are trimmed and must not be empty,
// phones are grouped, and the areas change as a new user's are checked,
// audited from and to.
func TestUserNamesPhonesAndAreas(t *testing.T) {
	env := systemtest.Start(t)
	admin := env.Login("admin@demo.local")
	res := admin.Do("POST", "/api/v1/users", map[string]any{"email": "tom@kommune.dk", "name": "   ", "role": "hotline", "password": "hemmelig1"}, nil)
	if code, _ := res.Problem(t).Field("name"); res.StatusCode != http.StatusUnprocessableEntity || code != "required" {
		t.Fatalf("a name of spaces: %d %s", res.StatusCode, res.Body)
	}
	var u jobmatch.User
	if res := admin.Do("POST", "/api/v1/users", map[string]any{"email": "ny@kommune.dk", "name": " Ny Konsulent ", "role": "consultant",
		"phone": "+4588724109", "areas": []string{"64"}, "password": "hemmelig1"}, &u); res.StatusCode != http.StatusCreated || u.Name != "Ny Konsulent" || u.Phone != "88 72 41 09" {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/ny@kommune.dk", map[string]any{"name": "  "}, nil)
	if code, msg := res.Problem(t).Field("name"); res.StatusCode != http.StatusUnprocessableEntity || code != "required" || msg != "Skal udfyldes." {
		t.Fatalf("a name of spaces: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/ny@kommune.dk", map[string]any{"areas": []string{"63", "9999"}}, nil)
	if code, msg := res.Problem(t).Field("areas[1]"); res.StatusCode != http.StatusUnprocessableEntity || code != "area" || !strings.Contains(msg, "postnummer") {
		t.Fatalf("a bad area: %d %s", res.StatusCode, res.Body)
	}
	res = admin.Do("PATCH", "/api/v1/users/ny@kommune.dk", map[string]any{"name": " Nina Nygaard ", "phone": "88724104", "areas": []string{"63", "i:47"}}, &u)
	if res.StatusCode != http.StatusOK || u.Name != "Nina Nygaard" || u.Phone != "88 72 41 04" || strings.Join(u.Areas, ",") != "63,i:47" {
		t.Fatalf("patch: %d %s", res.StatusCode, res.Body)
	}
	if es := auditOf(t, env, "user.update"); len(es) != 1 || !strings.Contains(es[0].Reason, "areas: 64 → 63,i:47") {
		t.Fatalf("audited %+v", es)
	}
}
