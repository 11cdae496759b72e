package api_test

import (
	"errors"
	"fmt"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/system/systemtest"
)

func cv(ref, occupation string, extra map[string]any) map[string]any {
	m := map[string]any{
		"external_ref": ref, "name": "Borger " + ref, "email": strings.ToLower(ref) + "@example.dk", "postal_code": "6400",
		"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{occupation},
		"skills": []string{"personal care", "medication management"}, "languages": []map[string]string{{"code": "da", "level": "C2"}},
		"driving_licences": []string{"B"}, "available_from": "2026-01-15", "summary": "Erfaren og stabil.",
		"consent": map[string]any{"given": true, "channel": "meeting"},
	}
	for k, v := range extra {
		m[k] = v
	}
	return m
}

type searchResult struct {
	Items []struct {
		Score     float64 `json:"score"`
		Candidate struct {
			ID          string `json:"id"`
			ExternalRef string `json:"external_ref"`
		} `json:"candidate"`
	} `json:"items"`
	Total  int `json:"total"`
	Facets map[string][]struct {
		Value string `json:"value"`
		Count int    `json:"count"`
	} `json:"facets"`
}

func (r searchResult) refs() []string {
	var out []string
	for _, it := range r.Items {
		out = append(out, it.Candidate.ExternalRef)
	}
	return out
}

// waitSearch polls until the search returns want hits or a timeout passes:
// the index follows the store asynchronously (well within a second).
func waitSearch(t *testing.T, c *systemtest.Client, query string, want int) searchResult {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for {
		var r searchResult
		res := c.Do("GET", "/api/v1/candidates/search?"+query, nil, &r)
		if res.StatusCode != 200 {
			t.Fatalf("search %s: %d %s", query, res.StatusCode, res.Body)
		}
		if r.Total == want || time.Now().After(deadline) {
			return r
		}
		time.Sleep(50 * time.Millisecond)
	}
}

func TestCandidatesWriteSearchErase(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var created struct {
		ID                 string                        `json:"id"`
		DesiredOccupations []struct{ Label, URI string } `json:"desired_occupations"`
		Skills             []struct{ Label, URI string } `json:"skills"`
	}
	res := k.Do("POST", "/api/v1/candidates", cv("SAG-1", "Sygeplejerske", nil), &created)
	if res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	if created.DesiredOccupations[0].URI == "" || created.Skills[0].URI == "" {
		t.Fatalf("not normalised to concepts: %s", res.Body)
	}
	k.Do("POST", "/api/v1/candidates", cv("SAG-2", "Garderobeassistent", map[string]any{"postal_code": "1050", "consent": map[string]any{"given": false}}), nil)
	k.Do("POST", "/api/v1/candidates", cv("SAG-3", "tømrer", map[string]any{"skills": []string{"tagarbejde"}, "target_group": "refugee_family_reunified", "available_from": "2026-09-01", "driving_licences": []string{}}), nil)

	// Danish stemming: the plural finds the singular.
	r := waitSearch(t, k, "q=sygeplejersker", 1)
	if r.Total != 1 || r.refs()[0] != "SAG-1" {
		t.Fatalf("sygeplejersker → %v", r.refs())
	}
	// Taxonomy synonyms: the ESCO label finds the STAR title and vice versa.
	if r := waitSearch(t, k, "q=garderobepasser", 1); r.Total != 1 || r.refs()[0] != "SAG-2" {
		t.Fatalf("garderobepasser → %v", r.refs())
	}
	k.Do("POST", "/api/v1/candidates", cv("SAG-4", "garderobepasser", map[string]any{"postal_code": "8000"}), nil)
	if r := waitSearch(t, k, "q=Garderobeassistent", 2); r.Total != 2 {
		t.Fatalf("Garderobeassistent → %v", r.refs())
	}
	// Filters.
	for _, tt := range []struct {
		query string
		want  []string
	}{
		{"near=6400&radius_km=20", []string{"SAG-1", "SAG-3"}},
		{"near=1050&radius_km=10", []string{"SAG-2"}},
		{"available_before=2026-06-01", []string{"SAG-1", "SAG-2", "SAG-4"}},
		{"licence=B&consent=true", []string{"SAG-1", "SAG-4"}},
		{"target_group=refugee_family_reunified", []string{"SAG-3"}},
		{"language=da:C2&near=6400", []string{"SAG-1", "SAG-3"}},
		{"skills=personal+care&q=sygeplejerske", []string{"SAG-1"}},
	} {
		t.Run(tt.query, func(t *testing.T) {
			var r searchResult
			res := k.Do("GET", "/api/v1/candidates/search?limit=50&"+tt.query, nil, &r)
			if res.StatusCode != 200 {
				t.Fatalf("%d %s", res.StatusCode, res.Body)
			}
			got := r.refs()
			if fmt.Sprint(sorted(got)) != fmt.Sprint(tt.want) {
				t.Fatalf("got %v, want %v", got, tt.want)
			}
		})
	}
	var all searchResult
	k.Do("GET", "/api/v1/candidates/search?facets=true", nil, &all)
	counts := map[string]int{}
	for _, f := range all.Facets["target_group"] {
		counts[f.Value] = f.Count
	}
	if all.Total != 4 || counts["close_to_job"] != 3 || counts["refugee_family_reunified"] != 1 {
		t.Fatalf("facets %v total %d", all.Facets["target_group"], all.Total)
	}
	// Bad search input is a problem with the field named.
	res = k.Do("GET", "/api/v1/candidates/search?near=9999", nil, nil)
	if code, _ := res.Problem(t).Field("near"); res.StatusCode != 422 || code != "postal" {
		t.Fatalf("bad near: %d %s", res.StatusCode, res.Body)
	}

	// Only consultants and admins read CVs; the hotline does not.
	hot := env.Login("hotline@demo.local")
	if res := hot.Do("GET", "/api/v1/candidates/"+created.ID, nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline read a CV: %d", res.StatusCode)
	}
	if res := hot.Do("GET", "/api/v1/candidates/search?q=x", nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("hotline searched CVs: %d", res.StatusCode)
	}
	if res := k.Do("GET", "/api/v1/candidates/"+created.ID+"?why=test", nil, nil); res.StatusCode != 200 {
		t.Fatalf("read: %d", res.StatusCode)
	}
	// Erasure removes the person from store and index.
	if res := k.Do("DELETE", "/api/v1/candidates/"+created.ID, nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("erase: %d", res.StatusCode)
	}
	if res := k.Do("GET", "/api/v1/candidates/"+created.ID, nil, nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("read after erase: %d", res.StatusCode)
	}
	if r := waitSearch(t, k, "q=sygeplejerske", 0); r.Total != 0 {
		t.Fatalf("erased candidate still found: %v", r.refs())
	}
	// Every read, search and erasure is in the audit log (admin only).
	if res := k.Do("GET", "/api/v1/audit", nil, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("consultant read the audit log: %d", res.StatusCode)
	}
	var audit struct {
		Items []struct {
			Actor, Action string
			Subjects      []string
		} `json:"items"`
		Total int `json:"total"`
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=200", nil, &audit)
	actions := map[string]int{}
	for _, e := range audit.Items {
		actions[e.Action]++
		if e.Action == "cv.read" && (e.Actor != "konsulent@demo.local" || e.Subjects[0] != created.ID) {
			t.Fatalf("audit line %+v", e)
		}
	}
	if actions["cv.read"] < 1 || actions["cv.search"] < 5 || actions["cv.erase"] != 1 || actions["cv.write"] != 4 {
		t.Fatalf("audit actions %v", actions)
	}
	res = env.Login("admin@demo.local").Do("GET", "/api/v1/audit?format=csv", nil, nil)
	if !strings.HasPrefix(string(res.Body), "id,at,actor,action") || !strings.Contains(string(res.Body), "cv.erase") {
		t.Fatalf("audit CSV: %.300s", res.Body)
	}
}

func sorted(xs []string) []string {
	out := append([]string(nil), xs...)
	for i := range out {
		for j := i + 1; j < len(out); j++ {
			if out[j] < out[i] {
				out[i], out[j] = out[j], out[i]
			}
		}
	}
	return out
}

func TestCandidateValidation(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	for _, tt := range []struct {
		name  string
		extra map[string]any
		field string
		code  string
	}{
		{"cpr as external ref", map[string]any{"external_ref": "010190-1234"}, "external_ref", "cpr"},
		{"cpr in summary", map[string]any{"summary": "CPR 0101901234"}, "summary", "cpr"},
		{"cpr in an experience's employer, Danish text around it", map[string]any{"experience": []map[string]any{
			{"title": "Kok", "employer": "Køkkenet på Ærø", "years": 2},
			{"title": "Kok", "employer": "Fødselsdato 010190–1234, bedes ændret", "years": 1}}}, "experience[1].employer", "cpr"},
		// A CPR number split across a list's items is one: the items are
		// checked joined by a space too, and the list is named.
		{"cpr split across skills", map[string]any{"skills": []string{"cpr.nr 010190", "1234"}}, "skills", "cpr"},
		{"cpr split across three skills", map[string]any{"skills": []string{"svejsning", "0101", "1990", "1234"}}, "skills", "cpr"},
		{"cpr split across occupations", map[string]any{"desired_occupations": []string{"kok 01.01.90", "12 34"}}, "desired_occupations", "cpr"},
		{"bad target group", map[string]any{"target_group": "x"}, "target_group", "oneof"},
		{"bad postal", map[string]any{"postal_code": "0000"}, "postal_code", "postal"},
		{"bad licence", map[string]any{"driving_licences": []string{"Z"}}, "driving_licences[0]", "oneof"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			res := k.Do("POST", "/api/v1/candidates", cv("SAG-9", "kok", tt.extra), nil)
			if res.StatusCode != 422 {
				t.Fatalf("%d %s", res.StatusCode, res.Body)
			}
			if code, _ := res.Problem(t).Field(tt.field); code != tt.code {
				t.Fatalf("field %s: %s", tt.field, res.Body)
			}
		})
	}
}

func TestImportCandidatesJob(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var b strings.Builder
	for i := 1; i <= 30; i++ {
		fmt.Fprintf(&b, `{"external_ref":"IMP-%d","name":"Borger %d","postal_code":"6400","target_group":"young","desired_occupations":["lagerarbejder"],"skills":["forklift"],"consent":{"given":true,"channel":"meeting"}}`+"\n", i, i)
	}
	b.WriteString(`{"external_ref":"IMP-BAD","name":"X","postal_code":"6400","target_group":"young"}` + "\n")                               // row 31: name too short
	b.WriteString(`{"external_ref":"IMP-CPR","name":"Ole","postal_code":"6400","target_group":"young","summary":"010190-1234"}` + "\n")     // row 32
	b.WriteString("{not json\n")                                                                                                            // row 33
	b.WriteString("{\"external_ref\":\"IMP-LATIN1\",\"name\":\"Jens J\xf8rgensen\",\"postal_code\":\"6400\",\"target_group\":\"young\"}\n") // row 34: Latin-1
	body := []byte(b.String())
	run := func() map[string]any { return importJob(t, k, body, 20*time.Second) }
	j := run()
	p := j["progress"].(map[string]any)
	if j["status"] != "done" || p["rows"].(float64) != 34 || p["created"].(float64) != 30 || p["failed"].(float64) != 4 {
		t.Fatalf("job = %v", j)
	}
	rows, messages := map[float64]string{}, map[float64]string{}
	for _, e := range p["errors"].([]any) {
		m := e.(map[string]any)
		rows[m["row"].(float64)] = m["field"].(string) + ":" + m["code"].(string)
		messages[m["row"].(float64)], _ = m["message"].(string)
	}
	if rows[31] != "name:min" || rows[32] != "summary:cpr" || rows[33] != ":json" || rows[34] != ":utf8" {
		t.Fatalf("row errors %v", rows)
	}
	// Each says what is wrong, in the reader's language, as a request's
	// field error would (the code alone said "min" of what).
	if messages[31] != "Skal være mindst 2 tegn." || !strings.Contains(messages[32], "CPR") || messages[33] != "Ugyldig JSON." || !strings.Contains(messages[34], "UTF-8") {
		t.Fatalf("row messages %v", messages)
	}
	if r := waitSearch(t, k, "q=lagerarbejder&limit=50", 30); r.Total != 30 {
		t.Fatalf("imported CVs searchable: %d", r.Total)
	}
	// Re-running the same file changes nothing (consent given without a
	// time keeps the time of the first import).
	j = run()
	p = j["progress"].(map[string]any)
	if p["created"].(float64) != 0 || p["updated"].(float64) != 0 || p["unchanged"].(float64) != 30 {
		t.Fatalf("second run = %v", p)
	}
	// CSV with the documented columns.
	csvBody := "external_ref,name,postal_code,target_group,desired_occupations,skills,languages,experience,consent\n" +
		"CSV-1,Ayse Yilmaz,6300,refugee_family_reunified,køkkenmedhjælper;kok,food safety,da:A2;tr:C2,kok|Restaurant Als|2.5,yes\n" +
		"CSV-2,Bo,6300,young,,,,,maybe\n" +
		// Languages as a consultant writes them; a made-up one fails.
		"CSV-3,Aziz Rahimi,6300,refugee_family_reunified,lagermedarbejder,,dansk PD2;dari modersmål,,no\n" +
		"CSV-4,Lena,6300,young,kok,,zz:Q7,,no\n"
	var job struct{ ID string }
	k.Do("POST", "/api/v1/candidates/import", []byte(csvBody), &job, "Content-Type", "text/csv")
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var j map[string]any
		k.Do("GET", "/api/v1/jobs/"+job.ID, nil, &j)
		if j["status"] == "done" {
			p := j["progress"].(map[string]any)
			if p["created"].(float64) != 2 || p["failed"].(float64) != 2 {
				t.Fatalf("csv import %v", j)
			}
			return
		}
	}
	t.Fatal("csv import did not finish")
}

func TestTaxonomyAutocomplete(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	var r struct {
		Items []struct{ URI, Label string } `json:"items"`
	}
	hot.Do("GET", "/api/v1/taxonomy/occupations?q=sygepl", nil, &r)
	if len(r.Items) == 0 || !strings.HasPrefix(strings.ToLower(r.Items[0].Label), "sygepl") {
		t.Fatalf("occupations sygepl → %+v", r.Items)
	}
	hot.Do("GET", "/api/v1/taxonomy/skills?q=java", nil, &r)
	if len(r.Items) == 0 || !strings.Contains(strings.ToLower(r.Items[0].Label), "java") {
		t.Fatalf("skills java → %+v", r.Items)
	}
}

// TestScheduledPurgeErasesInactiveCVs: with a retention period, the
// scheduled job erases CVs nobody has touched for longer, from the store
// and the search index, and audits it.
func TestScheduledPurgeErasesInactiveCVs(t *testing.T) {
	now := time.Now()
	clock := &struct{ t atomic.Int64 }{}
	clock.t.Store(now.UnixNano())
	env := systemtest.Start(t, systemtest.Options{Now: func() time.Time { return time.Unix(0, clock.t.Load()) },
		RetentionDays: 365, PurgeEvery: 50 * time.Millisecond})
	k := env.Login("konsulent@demo.local")
	clock.t.Store(now.AddDate(-3, 0, 0).UnixNano()) // the CV was last touched three years ago
	var old struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("OLD-1", "Bager", nil), &old)
	clock.t.Store(now.UnixNano())
	var fresh struct{ ID string }
	k.Do("POST", "/api/v1/candidates", cv("NEW-1", "Bager", nil), &fresh)
	deadline := time.Now().Add(20 * time.Second)
	for {
		res := k.Do("GET", "/api/v1/candidates/"+old.ID, nil, nil)
		if res.StatusCode == http.StatusNotFound {
			break
		}
		if time.Now().After(deadline) {
			t.Fatal("the inactive CV was not purged")
		}
		time.Sleep(100 * time.Millisecond)
	}
	if res := k.Do("GET", "/api/v1/candidates/"+fresh.ID, nil, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("the active CV was purged: %d", res.StatusCode)
	}
	// The search shows the CVs its index stored: the purged one leaves it
	// (the index follows the store's changes in order: the two creations,
	// then the erasure; a search between them sees OLD-1 alone).
	for deadline := time.Now().Add(10 * time.Second); ; time.Sleep(50 * time.Millisecond) {
		r := waitSearch(t, k, "q=bager", 1)
		if r.Total == 1 && len(r.Items) == 1 && r.Items[0].Candidate.ID == fresh.ID {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("search after the purge: %d hits %v", r.Total, r.refs())
		}
	}
}

// TestImportLargerThanAForm: an import file is larger than the server-wide
// body limit (1 MB), which the import route leaves to its own; any other
// route still refuses such a body.
func TestImportLargerThanAForm(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var b strings.Builder
	summary := strings.Repeat("Erfaren lagermedarbejder med truckcertifikat og styr på pluk og pak. ", 12)
	n := 0
	for b.Len() < 2<<20 {
		n++
		fmt.Fprintf(&b, `{"external_ref":"BIG-%d","name":"Borger %d","postal_code":"6400","target_group":"close_to_job","desired_occupations":["lagerarbejder"],"summary":%q}`+"\n", n, n, summary)
	}
	body := []byte(b.String())
	if res := k.Do("POST", "/api/v1/candidates", body, nil); res.StatusCode != http.StatusRequestEntityTooLarge {
		t.Fatalf("2 MB to a form route: %d, want 413", res.StatusCode)
	}
	j := importJob(t, k, body, 60*time.Second)
	if p := j["progress"].(map[string]any); j["status"] != "done" || p["created"].(float64) != float64(n) {
		t.Fatalf("job %v, rows %v created %v failed %v; want %d created", j["status"], p["rows"], p["created"], p["failed"], n)
	}
}

// importJob posts body (NDJSON) to the import and waits for its job to
// end; it returns the job as the API gives it.
func importJob(t *testing.T, k *systemtest.Client, body []byte, wait time.Duration) map[string]any {
	t.Helper()
	var job struct{ ID string }
	if res := k.Do("POST", "/api/v1/candidates/import", body, &job, "Content-Type", "application/x-ndjson"); res.StatusCode != http.StatusAccepted {
		t.Fatalf("import: %d %s", res.StatusCode, res.Body)
	}
	for deadline := time.Now().Add(wait); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var j map[string]any
		k.Do("GET", "/api/v1/jobs/"+job.ID, nil, &j)
		if j["status"] != "running" {
			return j
		}
	}
	t.Fatal("import job did not finish")
	return nil
}

// TestEditOnTopOfAnotherIsRefused: two consultants edit one CV from the
// same version (through the API or the CV form): the first save wins, the
// second gets 409 stale_version and its text back, where it silently
// overwrote the first (a phone number changed was lost, both got 200). A
// form left open while the CV was erased does not bring the person back.
func TestEditOnTopOfAnotherIsRefused(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var c struct {
		ID      string
		Version int64
	}
	if res := k.Do("POST", "/api/v1/candidates", cv("ED-1", "Tømrer", nil), &c); res.StatusCode != http.StatusCreated {
		t.Fatalf("create: %d %s", res.StatusCode, res.Body)
	}
	var phoneEdit struct {
		Version int64
		Phone   string
	}
	if res := k.Do("PUT", "/api/v1/candidates/"+c.ID, cv("ED-1", "Tømrer", map[string]any{"phone": "99887766", "version": c.Version}), &phoneEdit); res.StatusCode != http.StatusOK || phoneEdit.Version != c.Version+1 {
		t.Fatalf("the first edit: %d %s", res.StatusCode, res.Body)
	}
	res := k.Do("PUT", "/api/v1/candidates/"+c.ID, cv("ED-1", "Tømrer", map[string]any{"summary": "Ny tekst.", "version": c.Version}), nil)
	if code := res.Problem(t).Code; res.StatusCode != http.StatusConflict || code != "stale_version" {
		t.Fatalf("an edit from the version before the first: %d %s", res.StatusCode, res.Body)
	}
	var now struct{ Phone, Summary string }
	k.Do("GET", "/api/v1/candidates/"+c.ID, nil, &now)
	if now.Phone != "99887766" || now.Summary == "Ny tekst." {
		t.Fatalf("after the refused edit: %+v", now)
	}

	// The CV form carries its version: a save from an old form is
	// refused with the text kept on the page.
	page := string(k.Do("GET", "/staff/candidates/"+c.ID+"/edit", nil, nil).Body)
	var csrf string
	if _, rest, ok := strings.Cut(page, `name="_csrf" value="`); ok {
		csrf, _, _ = strings.Cut(rest, `"`)
		csrf = html.UnescapeString(csrf)
	}
	if !strings.Contains(page, `name="version" value="`+strconv.FormatInt(phoneEdit.Version, 10)+`"`) || csrf == "" {
		t.Fatalf("the edit form has no version: %s", page)
	}
	form := url.Values{"_csrf": {csrf}, "id": {c.ID}, "version": {strconv.FormatInt(c.Version, 10)}, "external_ref": {"ED-1"}, "name": {"Borger ED-1"},
		"postal_code": {"6400"}, "max_commute_km": {"30"}, "target_group": {"close_to_job"}, "desired_occupations": {"Tømrer"}, "summary": {"Min rettelse."}}
	res = k.Do("POST", "/staff/candidates/new", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if body := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusConflict || !strings.Contains(body, "Nogen har gemt CV'et, mens du rettede det") || !strings.Contains(body, "Min rettelse.") {
		t.Fatalf("a save from an old form: %d\n%s", res.StatusCode, body)
	}
	form.Set("version", strconv.FormatInt(phoneEdit.Version, 10))
	if res := k.Do("POST", "/staff/candidates/new", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("a save from the latest: %d %s", res.StatusCode, res.Body)
	}

	// Erased while the form was open: nothing saved, nobody created.
	if res := k.Do("DELETE", "/api/v1/candidates/"+c.ID+"?why=GDPR", nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("erase: %d", res.StatusCode)
	}
	form.Set("version", strconv.FormatInt(phoneEdit.Version+1, 10))
	res = k.Do("POST", "/staff/candidates/new", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if body := html.UnescapeString(string(res.Body)); res.StatusCode != http.StatusGone || !strings.Contains(body, "CV'et er slettet, mens du rettede det") || strings.Contains(body, "Min rettelse.") {
		t.Fatalf("a save of an erased CV: %d\n%s", res.StatusCode, body)
	}
	if res := k.Do("PUT", "/api/v1/candidates/"+c.ID, cv("ED-1", "Tømrer", map[string]any{"version": phoneEdit.Version + 1}), nil); res.StatusCode != http.StatusNotFound {
		t.Fatalf("an API edit of an erased CV: %d %s", res.StatusCode, res.Body)
	}
	if _, err := env.Sys.Store.CandidateByRef(t.Context(), "ED-1"); !errors.Is(err, jobmatch.ErrNotFound) {
		t.Fatalf("the erased person is back: %v", err)
	}
}
