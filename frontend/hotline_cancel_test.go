package frontend_test

import (
	"context"
	"html"
	"net/http"
	"net/url"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobmatch"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestHotlineCancelsACallLoggedByMistake: a call logged on the wrong
// company, or twice, could not be taken back: it stayed on the
// consultant's list and in management's figures. The hotline withdraws it
// from today's list now, saying why; it leaves the consultant's open
// requests and the figures (the rebuild from the records agrees), the audit
// log says who withdrew it, and it is resolved or withdrawn once: the
// consultant's resolution after it is refused, as is a withdrawal by
// someone who did not log it.
func TestHotlineCancelsACallLoggedByMistake(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	hot := env.Login("hotline@demo.local")
	admin := env.Login("admin@demo.local")
	requests := func() int64 {
		var k struct {
			Requests struct {
				Count     int64            `json:"count"`
				ByChannel map[string]int64 `json:"by_channel"`
			} `json:"requests"`
		}
		if res := admin.Do("GET", "/api/v1/kpi?year="+strconv.Itoa(time.Now().In(jobmatch.Copenhagen).Year()), nil, &k); res.StatusCode != http.StatusOK {
			t.Fatalf("kpi: %d %s", res.StatusCode, res.Body)
		}
		return k.Requests.Count
	}
	before := requests()
	var rc struct {
		RequestID string `json:"request_id"`
		Reference string `json:"reference"`
	}
	call := map[string]any{"company": map[string]any{"cvr": demo.CVR(752), "name": "Gråsten Anlæg ApS", "postal_code": "6300",
		"contact": map[string]any{"name": "Jens Holm", "phone": "23 45 67 89"}}, "topic": "subsidy", "channel": "phone", "text": "Spørger om løntilskud til en ledig."}
	if res := hot.Do("POST", "/api/v1/requests", call, &rc); res.StatusCode != http.StatusCreated {
		t.Fatalf("log the call: %d %s", res.StatusCode, res.Body)
	}
	var r struct {
		ConsultantID string `json:"consultant_id"`
	}
	hot.Do("GET", "/api/v1/requests/"+rc.RequestID, nil, &r)
	consultant := env.Login(r.ConsultantID)
	onWorklist := func() bool {
		var w struct {
			OpenRequests []struct {
				ID string `json:"id"`
			} `json:"open_requests"`
		}
		if res := consultant.Do("GET", "/api/v1/worklist", nil, &w); res.StatusCode != http.StatusOK {
			t.Fatalf("worklist: %d %s", res.StatusCode, res.Body)
		}
		for _, o := range w.OpenRequests {
			if o.ID == rc.RequestID {
				return true
			}
		}
		return false
	}
	if n := requests(); n != before+1 || !onWorklist() {
		t.Fatalf("the call logged: %d requests (before %d), on the worklist %v", n, before, onWorklist())
	}
	// The consultant did not log it: not theirs to withdraw.
	if res := consultant.Do("POST", "/api/v1/requests/"+rc.RequestID+"/cancel", map[string]any{"reason": "mistake"}, nil); res.StatusCode != http.StatusForbidden {
		t.Fatalf("cancelled by the consultant: %d %s", res.StatusCode, res.Body)
	}

	page := hotlinePage(t, hot, "/staff/hotline")
	action := "/staff/hotline/requests/" + rc.RequestID + "/cancel"
	form := regexp.MustCompile(`(?s)<form method="post" action="` + regexp.QuoteMeta(action) + `".*?</form>`).FindString(page)
	if form == "" || !strings.Contains(form, `value="mistake"`) || !strings.Contains(form, `value="duplicate"`) || !strings.Contains(form, "Annullér "+rc.Reference) {
		t.Fatalf("no cancel with a reason on today's list: %s", page)
	}
	v := hotlineFormCSRF(t, form)
	if res := hot.Do("POST", action, []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel without a reason: %d %s", res.StatusCode, res.Body)
	}
	if page := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline")); !strings.Contains(page, "Vælg, hvorfor henvendelsen annulleres.") || !onWorklist() {
		t.Fatalf("cancelled without a reason: %s", page)
	}
	v.Set("reason", "duplicate")
	if res := hot.Do("POST", action, []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("cancel: %d %s", res.StatusCode, res.Body)
	}
	page = html.UnescapeString(hotlinePage(t, hot, "/staff/hotline"))
	if !strings.Contains(page, "Henvendelsen "+rc.Reference+" på Gråsten Anlæg ApS er annulleret.") || !strings.Contains(page, "Annulleret: Dublet") || strings.Contains(page, `action="`+action+`"`) {
		t.Fatalf("the page after the cancel: %s", page)
	}
	if n := requests(); n != before || onWorklist() {
		t.Fatalf("after the cancel: %d requests (want %d), on the worklist %v", n, before, onWorklist())
	}
	rb, err := env.Sys.Followup.RebuildKPI(ctx, false)
	if err != nil || len(rb.Diffs) != 0 {
		t.Fatalf("the figures rebuilt from the records differ: %+v %v", rb, err)
	}
	if res := consultant.Do("POST", "/api/v1/requests/"+rc.RequestID+"/resolve", map[string]any{"resolution": "Ringet op"}, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("a cancelled request resolved: %d %s", res.StatusCode, res.Body)
	}
	if res := hot.Do("POST", "/api/v1/requests/"+rc.RequestID+"/cancel", map[string]any{"reason": "mistake"}, nil); res.StatusCode != http.StatusConflict {
		t.Fatalf("cancelled twice: %d %s", res.StatusCode, res.Body)
	}
	var audit struct {
		Items []struct {
			Actor    string   `json:"actor"`
			Action   string   `json:"action"`
			Subjects []string `json:"subjects"`
			Reason   string   `json:"reason"`
		} `json:"items"`
	}
	admin.Do("GET", "/api/v1/audit", nil, &audit)
	found := false
	for _, e := range audit.Items {
		if e.Action == "request.cancel" && e.Actor == "hotline@demo.local" && len(e.Subjects) == 1 && e.Subjects[0] == rc.RequestID && strings.HasPrefix(e.Reason, "duplicate") {
			found = true
		}
	}
	if !found {
		t.Errorf("no audit line of the cancel: %+v", audit.Items)
	}
}

// hotlineFormCSRF is a form's _csrf.
func hotlineFormCSRF(t *testing.T, form string) url.Values {
	t.Helper()
	m := regexp.MustCompile(`name="_csrf" value="([^"]+)"`).FindStringSubmatch(form)
	if m == nil {
		t.Fatalf("no _csrf on the form: %s", form)
	}
	return url.Values{"_csrf": {html.UnescapeString(m[1])}}
}
