package frontend_test

import (
	"html"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
	"net/http"
	"net/url"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"
)

// testClock is a clock the test moves by hand.
type testClock struct {
	mu  sync.Mutex
	now time.Time
}

func (c *testClock) Now() time.Time          { c.mu.Lock(); defer c.mu.Unlock(); return c.now }
func (c *testClock) Advance(d time.Duration) { c.mu.Lock(); c.now = c.now.Add(d); c.mu.Unlock() }

func (cc *consentCase) answer(token, answer string, want int) {
	cc.t.Helper()
	if res := cc.anon.Do("POST", "/consent/"+token, map[string]any{"answer": answer}, nil); res.StatusCode != want {
		cc.t.Fatalf("answer %s: %d, want %d: %s", answer, res.StatusCode, want, res.Body)
	}
}

type entryState struct {
	ID, Stage string
	Version   int64
	Steps     []struct{ From, To, Note string }
}

func (cc *consentCase) entry(i int) entryState {
	cc.t.Helper()
	var list struct{ Items []entryState }
	cc.k.Do("GET", "/api/v1/vacancies/"+cc.vacancyID+"/shortlist", nil, &list)
	for _, e := range list.Items {
		if e.ID == cc.entries[i] {
			return e
		}
	}
	cc.t.Fatalf("entry %d not on the shortlist", i)
	return entryState{}
}

func (cc *consentCase) vacancyPage() string {
	cc.t.Helper()
	res := cc.k.Do("GET", "/staff/vacancies/"+cc.vacancyID, nil, nil, "Accept", "text/html", "Accept-Language", "da")
	if res.StatusCode != http.StatusOK {
		cc.t.Fatalf("vacancy page: %d %s", res.StatusCode, res.Body)
	}
	return html.UnescapeString(string(res.Body))
}

// row is citizen i's row on the vacancy page.
func (cc *consentCase) row(page string, i int) string {
	cc.t.Helper()
	at := strings.Index(page, `<tr id="sl-`+cc.candidates[i]+`"`)
	if at < 0 {
		cc.t.Fatalf("no row for citizen %d", i)
	}
	row := page[at:]
	return row[:strings.Index(row, "</tr>")]
}

func (cc *consentCase) auditActions() []string {
	var audit struct {
		Items []struct{ Action string }
	}
	cc.env.Login("admin@demo.local").Do("GET", "/api/v1/audit?limit=200", nil, &audit)
	var out []string
	for _, a := range audit.Items {
		out = append(out, a.Action)
	}
	return out
}

// TestConsentLinkSentAgain: a citizen who lost the mail, or whose link
// expired, could not be sent another. The row offers "Send samtykkelink
// igen": a new link goes out, the old one no longer opens the page or
// takes an answer, and the resend is audited.
func TestConsentLinkSentAgain(t *testing.T) {
	clk := &testClock{now: time.Now()}
	env := systemtest.Start(t, systemtest.Options{Now: clk.Now})
	cc := newConsentCase(t, env, demo.CVR(902), "Carl Carlsen")
	first := cc.ask(0, "email", http.StatusCreated)

	// Past the deadline, unanswered: the row offers a new link.
	clk.Advance(6 * 24 * time.Hour)
	cc.k = env.Login("konsulent@demo.local") // the session ended meanwhile
	row := cc.row(cc.vacancyPage(), 0)
	if !strings.Contains(row, "Send samtykkelink igen") || !strings.Contains(row, `action="/staff/shortlist/`+cc.entries[0]+`/consent-request"`) {
		t.Fatalf("no resend on the row: %s", row)
	}
	m := regexp.MustCompile(`class="consent-resend-form"><input type="hidden" name="_csrf" value="([^"]+)"`).FindStringSubmatch(row)
	if m == nil {
		t.Fatalf("resend form without its token: %s", row)
	}
	cc.deadline = clk.Now().AddDate(0, 0, 5).Format(time.DateOnly)
	form := url.Values{"_csrf": {m[1]}, "channel": {"email"}, "deadline": {cc.deadline}}
	if res := cc.k.Do("POST", "/staff/shortlist/"+cc.entries[0]+"/consent-request", []byte(form.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html"); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("resend: %d %s", res.StatusCode, res.Body)
	}
	if n := len(cc.mails("consent_request_email")); n != 2 {
		t.Fatalf("%d consent mails, want the first and the new one", n)
	}
	second := cc.latestToken(0, "consent_request_email")
	if second == first {
		t.Fatal("the same link was sent again")
	}

	// Within the deadline too: a lost mail. The link sent second stops
	// working once a third is sent.
	third := cc.ask(0, "email", http.StatusCreated)
	for _, old := range []string{first, second} {
		res := cc.anon.Do("GET", "/consent/"+old, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != http.StatusGone || !strings.Contains(html.UnescapeString(string(res.Body)), "Linket er erstattet af et nyt eller lukket.") {
			t.Fatalf("an old link still works: %d %s", res.StatusCode, res.Body)
		}
		cc.answer(old, "yes", http.StatusGone)
	}
	cc.anon.Do("GET", "/consent/"+third, nil, nil)
	cc.answer(third, "yes", http.StatusOK)
	if e := cc.entry(0); e.Stage != "interested" {
		t.Fatalf("after the yes on the new link: %s", e.Stage)
	}
	n := 0
	for _, a := range cc.auditActions() {
		if a == "consent.resend" {
			n++
		}
	}
	if n != 2 {
		t.Fatalf("%d resends audited, want 2", n)
	}
}
