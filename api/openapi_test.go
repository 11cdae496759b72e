package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"io"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"
	"github.com/getkin/kin-openapi/routers"
	"github.com/getkin/kin-openapi/routers/gorillamux"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

func loadSpec(t *testing.T) (*openapi3.T, routers.Router) {
	t.Helper()
	b, err := api.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	loader := openapi3.NewLoader()
	doc, err := loader.LoadFromData(b)
	if err != nil {
		t.Fatalf("load OpenAPI: %v", err)
	}
	if doc.OpenAPI != "3.1.0" {
		t.Fatalf("openapi = %q, want 3.1.0", doc.OpenAPI)
	}
	if err := doc.Validate(context.Background()); err != nil {
		t.Fatalf("OpenAPI document is invalid: %v", err)
	}
	doc.Servers = openapi3.Servers{{URL: "/"}}
	r, err := gorillamux.NewRouter(doc)
	if err != nil {
		t.Fatal(err)
	}
	return doc, r
}

// checker validates real requests and responses against the document.
type checker struct {
	t      *testing.T
	env    *systemtest.Env
	router routers.Router
	// mutated holds the operations whose schema mutants were sent
	// (openapi_gen_test.go).
	mutated map[string]bool
	// undocumented holds the response fields already reported missing from
	// the document (openapi_fields_test.go), each once.
	undocumented map[string]bool
}

func (c *checker) do(client *systemtest.Client, method, path string, body any, wantStatus int, headers ...string) *systemtest.Response {
	c.t.Helper()
	if wantStatus < 300 && body != nil {
		c.sendMutants(client, method, path, body)
	}
	res := client.Do(method, path, body, nil, headers...)
	if res.StatusCode != wantStatus {
		c.t.Fatalf("%s %s: status %d, want %d: %s", method, path, res.StatusCode, wantStatus, res.Body)
	}
	var reqBody []byte
	if body != nil {
		reqBody, _ = jsonBytes(body)
	}
	req, _ := http.NewRequest(method, "http://localhost"+path, bytes.NewReader(reqBody))
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	route, params, err := c.router.FindRoute(req)
	if err != nil {
		c.t.Fatalf("%s %s is not in the OpenAPI document: %v", method, path, err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route,
		Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
	if wantStatus < 300 {
		if err := openapi3filter.ValidateRequest(context.Background(), in); err != nil {
			c.t.Fatalf("%s %s: request does not match the document: %v", method, path, err)
		}
	}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: res.StatusCode, Header: res.Header,
		Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	out.SetBodyBytes(res.Body)
	if err := openapi3filter.ValidateResponse(context.Background(), out); err != nil {
		c.t.Fatalf("%s %s: response does not match the document: %v\n%s", method, path, err, res.Body)
	}
	c.checkFields(route, res.StatusCode, res.Header.Get("Content-Type"), res.Body)
	return res
}

func TestOpenAPIDocumentMatchesResponses(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	anon := env.Client()
	body := systemtest.VacancyBody(demo.CVR(9))
	res := ck.do(anon, "POST", "/api/v1/vacancies", body, 201, "Idempotency-Key", "oa-1")
	statusPath := "/status/" + lastSegment(string(res.Body))
	ck.do(anon, "GET", statusPath, nil, 200)
	ck.do(anon, "POST", "/api/v1/requests", map[string]any{"company": body["company"], "topic": "subsidy", "channel": "web", "text": "IGU?"}, 201)
	bad := systemtest.VacancyBody("12345678")
	ck.do(anon, "POST", "/api/v1/vacancies", bad, 422)
	ck.do(anon, "GET", "/api/v1/vacancies", nil, 401)

	admin := env.Login("admin@demo.local")
	ck.do(admin, "GET", "/api/v1/vacancies?limit=5", nil, 200)
	ck.do(admin, "GET", "/api/v1/requests", nil, 200)
	ck.do(admin, "GET", "/api/v1/companies", nil, 200)
	ck.do(admin, "GET", "/api/v1/companies/"+demo.CVR(9), nil, 200)
	ck.do(admin, "GET", "/api/v1/auth/me", nil, 200)
	ck.do(admin, "GET", "/api/v1/users", nil, 200)
	ck.do(admin, "GET", "/api/v1/consultants", nil, 200)
	ck.do(admin, "PUT", "/api/v1/companies/"+demo.CVR(9)+"/consultant", map[string]string{"consultant_id": "mads@demo.local"}, 200)
	ck.do(admin, "POST", "/api/v1/users", map[string]any{"email": "ny@demo.local", "name": "Ny Bruger", "role": "hotline", "password": "hemmelig"}, 201)
	ck.do(anon, "POST", "/api/v1/auth/login", map[string]string{"email": "ny@demo.local", "password": "hemmelig"}, 200)
	ck.do(admin, "PATCH", "/api/v1/users/ny@demo.local", map[string]any{"active": false, "role": "management", "name": "Ny Brugersen", "phone": "88 72 40 11", "password": "hemmelig2"}, 200)
	ck.do(admin, "PATCH", "/api/v1/users/admin@demo.local", map[string]any{"active": false}, 422)
	ck.do(admin, "PATCH", "/api/v1/users/ingen@demo.local", map[string]any{"active": false}, 404)
	ck.do(anon, "GET", "/healthz", nil, 200)
	ck.do(anon, "GET", "/readyz", nil, 200)
}

func lastSegment(receipt string) string {
	i := strings.Index(receipt, "/status/")
	s := receipt[i+len("/status/"):]
	return s[:strings.IndexByte(s, '"')]
}

func jsonBytes(v any) ([]byte, error) {
	if b, ok := v.([]byte); ok {
		return b, nil
	}
	var buf bytes.Buffer
	err := jsonEncoder(&buf).Encode(v)
	return buf.Bytes(), err
}

var _ = io.EOF

// TestOpenAPICheckerRejectsMismatches proves the response check above can fail.
func TestOpenAPICheckerRejectsMismatches(t *testing.T) {
	_, router := loadSpec(t)
	req, _ := http.NewRequest("POST", "http://localhost/api/v1/vacancies", strings.NewReader(`{}`))
	req.Header.Set("Content-Type", "application/json")
	route, params, err := router.FindRoute(req)
	if err != nil {
		t.Fatal(err)
	}
	in := &openapi3filter.RequestValidationInput{Request: req, PathParams: params, Route: route}
	out := &openapi3filter.ResponseValidationInput{RequestValidationInput: in, Status: 201,
		Header: http.Header{"Content-Type": {"application/json"}}, Options: &openapi3filter.Options{IncludeResponseStatus: true}}
	out.SetBodyBytes([]byte(`{"id": 5}`))
	if err := openapi3filter.ValidateResponse(context.Background(), out); err == nil {
		t.Fatal("a receipt without reference and contact person passed the check")
	}
}

func TestOpenAPICandidateEndpoints(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	k := env.Login("konsulent@demo.local")
	admin := env.Login("admin@demo.local")
	var created struct{ ID string }
	res := ck.do(k, "POST", "/api/v1/candidates", cv("OA-1", "Sygeplejerske", map[string]any{"experience": []map[string]any{{"title": "sygeplejerske", "employer": "OUH", "years": 4}}, "education": []map[string]any{{"level": "bachelor", "field": "sygepleje"}}}), 201)
	if err := jsonDecode(res.Body, &created); err != nil || created.ID == "" {
		t.Fatalf("no id in %s", res.Body)
	}
	ck.do(k, "POST", "/api/v1/candidates", cv("OA-1", "Sygeplejerske", nil), 200)
	ck.do(k, "POST", "/api/v1/candidates", cv("OA-1", "Sygeplejerske", nil), 409, "If-None-Match", "*") // a create only: the case number is OA-1's
	ck.do(k, "POST", "/api/v1/candidates", cv("OA-2", "Tømrer", map[string]any{"postal_code": "12"}), 422)
	ck.do(k, "GET", "/api/v1/candidates/"+created.ID+"?why=openapi", nil, 200)
	ck.do(k, "PUT", "/api/v1/candidates/"+created.ID, cv("OA-1", "Social- og sundhedsassistent", nil), 200)
	ck.do(k, "GET", "/api/v1/candidates/search?q=sygeplejerske&near=6400&radius_km=50&sort=-updated_at&limit=5", nil, 200)
	ck.do(k, "GET", "/api/v1/candidates/search?q=arabisk+fleksjob", nil, 200)
	ck.do(k, "GET", "/api/v1/candidates/search?radius_km=9000", nil, 422)
	ck.do(k, "GET", "/api/v1/taxonomy/occupations?q=sosu", nil, 200)
	ck.do(k, "GET", "/api/v1/taxonomy/skills?q=welding&limit=3", nil, 200)
	ck.do(k, "GET", "/api/v1/taxonomy/skills?q=w", nil, 422)
	ck.do(admin, "GET", "/api/v1/audit?limit=10", nil, 200)
	ck.do(k, "GET", "/api/v1/audit", nil, 403)
	ck.do(k, "DELETE", "/api/v1/candidates/"+created.ID, nil, 204)
	ck.do(k, "GET", "/api/v1/candidates/"+created.ID, nil, 404)

	// The import answers a job; its request body is not JSON, so only the
	// response is checked here, against the job schema.
	var job struct{ ID string }
	k.Do("POST", "/api/v1/candidates/import", []byte(`{"external_ref":"OA-3","name":"Ib Ny","postal_code":"6400","target_group":"young"}`+"\n"), &job, "Content-Type", "application/x-ndjson")
	if job.ID == "" {
		t.Fatal("import answered no job")
	}
	ck.do(k, "GET", "/api/v1/jobs/"+job.ID, nil, 200)
}

func jsonDecode(b []byte, v any) error { return json.Unmarshal(b, v) }

func TestOpenAPIMatchEndpoints(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	k := env.Login("konsulent@demo.local")
	var c struct{ ID string }
	res := ck.do(k, "POST", "/api/v1/candidates", cv("OAM-1", "Tømrer", map[string]any{"skills": []string{"tagarbejde"}}), 201)
	if err := jsonDecode(res.Body, &c); err != nil {
		t.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(context.Background()); err != nil {
		t.Fatal(err)
	}
	var rec struct{ ID string }
	if err := jsonDecode(ck.do(env.Client(), "POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(31)), 201).Body, &rec); err != nil {
		t.Fatal(err)
	}
	var page struct {
		MatchRunID string `json:"match_run_id"`
		Items      []any  `json:"items"`
	}
	res = ck.do(k, "GET", "/api/v1/vacancies/"+rec.ID+"/matches?limit=10&relax=distance&w_text=0.5", nil, 200)
	if err := jsonDecode(res.Body, &page); err != nil || len(page.Items) == 0 {
		t.Fatalf("no matches: %s", res.Body)
	}
	ck.do(k, "GET", "/api/v1/vacancies/"+rec.ID+"/matches?w_text=3", nil, 422)
	ck.do(k, "GET", "/api/v1/match-runs/"+page.MatchRunID, nil, 200)
	ck.do(k, "GET", "/api/v1/vacancies/"+rec.ID+"/match-runs", nil, 200)
	ck.do(k, "GET", "/api/v1/candidates/"+c.ID+"/matches", nil, 200)
	ck.do(env.Login("hotline@demo.local"), "GET", "/api/v1/vacancies/"+rec.ID+"/matches", nil, 403)
}

func TestOpenAPIHotlineEndpoints(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	cvr := demo.CVR(41)
	hot := env.Login("hotline@demo.local")
	var rec struct{ ID string }
	body := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Spec ApS", "postal_code": "6000", "contact": map[string]any{"name": "Ib", "phone": "22334455"}},
		"topic": "retention", "channel": "phone", "text": "Sygemeldt medarbejder"}
	if err := jsonDecode(ck.do(hot, "POST", "/api/v1/requests", body, 201).Body, &rec); err != nil {
		t.Fatal(err)
	}
	ck.do(hot, "GET", "/api/v1/companies/search?q="+cvr[:4], nil, 200)
	co, _ := env.Sys.Companies.Company(context.Background(), cvr)
	k := env.Login(co.ConsultantID)
	ck.do(k, "GET", "/api/v1/worklist", nil, 200)
	today := time.Now().Format(time.DateOnly)
	ck.do(k, "POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "phone", "date": today}, 201)
	ck.do(k, "POST", "/api/v1/contacts", map[string]any{"cvr": cvr, "kind": "smoke_signal", "date": today}, 422)
	ck.do(k, "GET", "/api/v1/companies/"+cvr+"/timeline", nil, 200)
	ck.do(k, "POST", "/api/v1/requests/"+rec.ID+"/resolve", map[string]any{"resolution": "Ringet tilbage", "outcome": "full_return"}, 200)
	ck.do(k, "POST", "/api/v1/requests/"+rec.ID+"/resolve", map[string]any{"resolution": "Igen"}, 409)
	admin := env.Login("admin@demo.local")
	ck.do(admin, "GET", "/api/v1/outbox", nil, 200)
	ck.do(admin, "PUT", "/api/v1/settings/deadlines", map[string]any{"days": map[string]int{"vacancy": 2, "retention": 1, "subsidy": 3, "layoff": 1, "other": 4}}, 200)
	ck.do(admin, "PUT", "/api/v1/settings/deadlines", map[string]any{"days": map[string]int{"other": 4}}, 422)
	ck.do(k, "GET", "/api/v1/settings/deadlines", nil, 200)
	ck.do(admin, "POST", "/api/v1/companies/reassign", map[string]any{"from": co.ConsultantID, "to": "lars@demo.local", "cvrs": []string{cvr}, "reason": "Omlægning"}, 200)
	ck.do(admin, "PUT", "/api/v1/users/mads@demo.local/absence", map[string]any{"away": true, "deputy_id": "fatima@demo.local"}, 200)
}

func TestOpenAPIFollowUpEndpoints(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	anon, admin, lone := env.Client(), env.Login("admin@demo.local"), env.Login("leder@demo.local")
	var rec struct{ ID string }
	if err := jsonDecode(ck.do(anon, "POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(51)), 201).Body, &rec); err != nil {
		t.Fatal(err)
	}
	v, _ := env.Sys.Intake.Vacancy(context.Background(), rec.ID)
	k := env.Login(v.ConsultantID)
	ck.do(k, "PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "filled", "filled_by_presented": true}, 200)
	ck.do(k, "PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "closed"}, 409)
	ck.do(k, "PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "gone"}, 422)
	var box struct{ Items []struct{ Kind, Body string } }
	env.Outbox(&box)
	token := ""
	for _, m := range box.Items {
		if m.Kind == "survey_employer" {
			token = surveyLink.FindStringSubmatch(m.Body)[1]
		}
	}
	if token == "" {
		t.Fatal("no survey mailed")
	}
	ck.do(anon, "GET", "/survey/"+token, nil, 200)
	ck.do(anon, "POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 9}}, 422)
	ck.do(anon, "POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 4, "service": 5}, "comment": "fint"}, 200)
	ck.do(anon, "POST", "/survey/"+token, map[string]any{"answers": map[string]int{"labour": 4, "service": 5}}, 410)

	var c struct{ ID string }
	if err := jsonDecode(ck.do(k, "POST", "/api/v1/candidates", cv("OAF-1", "Tømrer", nil), 201).Body, &c); err != nil {
		t.Fatal(err)
	}
	ck.do(k, "POST", "/api/v1/candidates/"+c.ID+"/survey", nil, 200)
	ck.do(lone, "POST", "/api/v1/candidates/"+c.ID+"/survey", nil, 403)

	ck.do(lone, "GET", "/api/v1/targets/2026", nil, 200)
	ck.do(admin, "PUT", "/api/v1/targets/2026", map[string]any{"contacts": 2600, "citizen_satisfaction_share": 0.93}, 200)
	ck.do(admin, "PUT", "/api/v1/targets/2026", map[string]any{"contacts": -1}, 422)
	ck.do(lone, "PUT", "/api/v1/targets/2026", map[string]any{"contacts": 2600}, 403)
	ck.do(admin, "GET", "/api/v1/settings/surveys", nil, 200)
	ck.do(admin, "PUT", "/api/v1/settings/surveys", map[string]any{"employer_every_days": 60, "citizen_every_days": 120, "valid_days": 21,
		"triggers": map[string]bool{"vacancy_filled": true, "visit": false}}, 200)
	ck.do(admin, "PUT", "/api/v1/settings/surveys", map[string]any{"employer_every_days": 60, "citizen_every_days": 120, "valid_days": 0, "triggers": map[string]bool{}}, 422)

	year := strconv.Itoa(env.Sys.Env.Now().In(jobmatch.Copenhagen).Year())
	ck.do(lone, "GET", "/api/v1/kpi?year="+year, nil, 200)
	ck.do(lone, "GET", "/api/v1/kpi?year="+year+"&half=H2", nil, 200)
	ck.do(lone, "GET", "/api/v1/kpi/report?year="+year+"&half=H1", nil, 200)
	ck.do(lone, "GET", "/api/v1/kpi/export.csv?year="+year, nil, 200)
	ck.do(lone, "GET", "/api/v1/kpi/export.csv?year=x", nil, 422)
	ck.do(env.Login("hotline@demo.local"), "GET", "/api/v1/kpi?year="+year, nil, 403)
}

func TestOpenAPIShortlistEndpoints(t *testing.T) {
	_, router := loadSpec(t)
	env := systemtest.Start(t)
	ck := &checker{t: t, env: env, router: router}
	k := env.Login("konsulent@demo.local")
	var c struct{ ID string }
	if err := jsonDecode(ck.do(k, "POST", "/api/v1/candidates", cv("OAS-1", "Tømrer", nil), 201).Body, &c); err != nil {
		t.Fatal(err)
	}
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if err := jsonDecode(ck.do(env.Client(), "POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(53)), 201).Body, &rec); err != nil {
		t.Fatal(err)
	}
	var e struct {
		ID        string
		Version   int64
		ProfileID string `json:"profile_id"`
	}
	if err := jsonDecode(ck.do(k, "POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c.ID}, 201).Body, &e); err != nil {
		t.Fatal(err)
	}
	ck.do(k, "GET", "/api/v1/vacancies/"+rec.ID+"/shortlist", nil, 200)
	var ps struct {
		Items []struct {
			Entry   struct{ ID, Stage string }
			Vacancy struct{ ID, Title string }
		}
	}
	if err := jsonDecode(ck.do(k, "GET", "/api/v1/candidates/"+c.ID+"/shortlists", nil, 200).Body, &ps); err != nil || len(ps.Items) != 1 ||
		ps.Items[0].Entry.ID != e.ID || ps.Items[0].Vacancy.ID != rec.ID || ps.Items[0].Vacancy.Title == "" {
		t.Fatalf("the citizen's shortlists: %+v %v", ps, err)
	}
	ck.do(k, "GET", "/api/v1/candidates/nobody/shortlists", nil, 404)
	ck.do(k, "POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "hired", "version": e.Version}, 409)
	for _, to := range []string{"contacted", "interested"} {
		_ = jsonDecode(ck.do(k, "POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": to, "version": e.Version, "note": to}, 200).Body, &e)
	}
	_ = jsonDecode(ck.do(k, "POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "interviewed", "version": e.Version,
		"interview": map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}}, 200).Body, &e)
	ck.do(k, "POST", "/api/v1/candidates/"+c.ID+"/consents", map[string]any{"vacancy_id": rec.ID, "channel": "digital"}, 201)
	ck.do(k, "POST", "/api/v1/candidates/"+c.ID+"/consents", map[string]any{"vacancy_id": rec.ID, "channel": "pigeon"}, 422)
	_ = jsonDecode(ck.do(k, "POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "presented", "version": e.Version}, 200).Body, &e)
	status := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	ck.do(env.Client(), "POST", status+"/answers", map[string]any{"profile_id": e.ProfileID, "answer": "question", "text": "Kørekort?"}, 201)
	ck.do(env.Client(), "POST", status+"/answers", map[string]any{"profile_id": e.ProfileID, "answer": "maybe"}, 422)
	ck.do(k, "DELETE", "/api/v1/candidates/"+c.ID+"/consents/"+rec.ID, nil, 204)
	ck.do(k, "DELETE", "/api/v1/vacancies/"+rec.ID+"/status-link", nil, 204)
	ck.do(env.Client(), "POST", status+"/answers", map[string]any{"profile_id": e.ProfileID, "answer": "invite_to_interview"}, 410)
}
