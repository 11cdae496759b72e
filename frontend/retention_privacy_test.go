package frontend_test

import (
	"html"
	"net/http"
	"slices"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestRetentionTextOnlyForConsultants: a request about a sick-listed
// employee carries health data about a named person, and the hotline read
// its text in full on the company's page and its timeline, with no line in
// the audit log. The hotline now sees that it came, its
// topic and status, and "Teksten vises kun for konsulenter"; a consultant
// reads the text, and the read is in the audit log as a CV read is.
func TestRetentionTextOnlyForConsultants(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(771)
	const text = "Vores lagermedarbejder Jonas Berg er sygemeldt med diskusprolaps og vil gerne tilbage på nedsat tid."
	hot := env.Login("hotline@demo.local")
	var rc struct {
		RequestID string `json:"request_id"`
	}
	call := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Tønder Lager ApS", "postal_code": "6270",
		"contact": map[string]any{"name": "Mette Lund", "phone": "24 68 10 12"}}, "topic": "retention", "channel": "phone", "text": text}
	if res := hot.Do("POST", "/api/v1/requests", call, &rc); res.StatusCode != http.StatusCreated {
		t.Fatalf("log the call: %d %s", res.StatusCode, res.Body)
	}
	type item struct {
		Kind, ID, Title, Status, Text string
		TextHidden                    bool `json:"text_hidden"`
	}
	timeline := func(c *systemtest.Client) item {
		t.Helper()
		var tl struct{ Items []item }
		if res := c.Do("GET", "/api/v1/companies/"+cvr+"/timeline", nil, &tl); res.StatusCode != http.StatusOK || len(tl.Items) != 1 {
			t.Fatalf("timeline: %d %s", res.StatusCode, res.Body)
		}
		return tl.Items[0]
	}
	page := func(c *systemtest.Client, lang string) string {
		t.Helper()
		res := c.Do("GET", "/staff/companies/"+cvr+"?lang="+lang, nil, nil, "Accept", "text/html", "Accept-Language", lang)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("company page: %d %s", res.StatusCode, res.Body)
		}
		return html.UnescapeString(string(res.Body))
	}
	reads := func() []auditRead {
		var audit struct{ Items []auditRead }
		env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=200", nil, &audit)
		var out []auditRead
		for _, a := range audit.Items {
			if a.Action == "request.read" {
				out = append(out, a)
			}
		}
		return out
	}

	// Management sees neither the page nor the timeline (figures only).
	if it := timeline(hot); it.Text != "" || !it.TextHidden || it.Title != "retention" || it.Status == "" || it.ID != rc.RequestID {
		t.Errorf("hotline: timeline item %+v, want the request without its text", it)
	}
	for lang, note := range map[string]string{"da": "Teksten vises kun for konsulenter", "en": "Only consultants see the text"} {
		p := page(hot, lang)
		if strings.Contains(p, "diskusprolaps") || strings.Contains(p, "Jonas Berg") {
			t.Errorf("hotline (%s): the company page shows the retention text", lang)
		}
		if !strings.Contains(p, note) {
			t.Errorf("hotline (%s): the company page does not say %q", lang, note)
		}
	}
	if r := reads(); len(r) != 0 {
		t.Fatalf("audited reads %+v, before anyone read the text", r)
	}

	k := env.Login("konsulent@demo.local")
	if it := timeline(k); it.Text != text || it.TextHidden {
		t.Errorf("consultant: timeline item %+v, want the text", it)
	}
	if p := page(k, "da"); !strings.Contains(p, text) || strings.Contains(p, "Teksten vises kun for konsulenter") {
		t.Errorf("consultant: the company page does not show the text")
	}
	r := reads()
	if len(r) != 2 {
		t.Fatalf("audited reads %+v, want one for the API and one for the page", r)
	}
	for _, a := range r {
		if a.Actor != "konsulent@demo.local" || !slices.Equal(a.Subjects, []string{rc.RequestID}) {
			t.Errorf("audit line %+v, want the consultant's read of %s", a, rc.RequestID)
		}
	}
}

type auditRead struct {
	Actor, Action string
	Subjects      []string
}
