package frontend_test

import (
	"fmt"
	"html"
	"slices"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestConsultantOverviewFiltersSortsPages: a consultant with 25 open
// requests sees 20 on the first page and the rest on page 2, filters by
// topic and company, sorts by company both ways (the header says which),
// and every reference is a link to the request on the company's page.
func TestConsultantOverviewFiltersSortsPages(t *testing.T) {
	env := systemtest.Start(t)
	names := []string{"Sønderborg Smedie ApS", "Als Tømrer ApS", "Nordborg Bageri", "Augustenborg Auto", "Kegnæs Kro"}
	topics := []string{"subsidy", "retention", "other", "subsidy", "layoff"}
	for i := 0; i < 25; i++ {
		company := systemtest.VacancyBody(demo.CVR(600 + i%5))["company"].(map[string]any)
		company["name"] = names[i%5]
		body := map[string]any{"company": company, "topic": topics[i%5], "channel": "web", "text": fmt.Sprintf("Henvendelse nummer %d", i)}
		if res := env.Client().Do("POST", "/api/v1/requests", body, nil); res.StatusCode != 201 {
			t.Fatalf("request %d: %d %s", i, res.StatusCode, res.Body)
		}
	}
	ctx := browser.New(t)
	rows := func(sel string, out *[]string) chromedp.Action {
		return chromedp.Evaluate(`Array.from(document.querySelectorAll('table.open-requests tbody tr')).map(r => r.querySelector('`+sel+`').textContent.trim())`, out)
	}
	var page1, page2, topicCol, companies, companiesDesc, filtered []string
	var heading, sortLabel string
	var refLinks []*cdp.Node
	err := chromedp.Run(ctx,
		loginAt(env.URL+"/staff", "konsulent@demo.local"),
		chromedp.WaitVisible(`table.open-requests`),
		chromedp.Text(`#open-h`, &heading),
		rows(`td:nth-child(1)`, &page1),
		chromedp.Nodes(`table.open-requests tbody td:nth-child(1) a[href^="/staff/companies/"]`, &refLinks),
		chromedp.Click(`nav.pager a`),
		chromedp.WaitVisible(`nav.pager a[href*="page=1"]`), // on page 2, page 1 is the link
		rows(`td:nth-child(1)`, &page2),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(heading, "25") || len(page1) != 20 || len(page2) != 5 {
		t.Fatalf("heading %q, %d rows on page 1, %d on page 2; want 25 in 20 + 5", heading, len(page1), len(page2))
	}
	if len(refLinks) != 20 {
		t.Errorf("%d of 20 references are links", len(refLinks))
	}
	for _, r := range page2 {
		if slices.Contains(page1, r) {
			t.Errorf("reference %s on both pages", r)
		}
	}

	// Filter by topic (the select and the button, as a user does).
	err = chromedp.Run(ctx,
		chromedp.SetValue(`#wf-topic`, "subsidy"),
		chromedp.Click(`form.worklist-filter button[type=submit]`),
		chromedp.WaitVisible(`form.worklist-filter a[href="/staff"]`), // "clear" shows when a filter is on
		rows(`td:nth-child(3)`, &topicCol),
	)
	if err != nil {
		t.Fatal(err)
	}
	if len(topicCol) != 10 {
		t.Errorf("topic filter: %d rows, want the 10 subsidy requests", len(topicCol))
	}
	for _, c := range topicCol {
		if !strings.HasPrefix(c, "Støtteordning") {
			t.Errorf("topic filter let %q through", c)
		}
	}

	// Filter by company, then sort by company both ways.
	err = chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/staff"),
		chromedp.WaitVisible(`#wf-company`),
		chromedp.SendKeys(`#wf-company`, "als"),
		chromedp.Click(`form.worklist-filter button[type=submit]`),
		chromedp.WaitVisible(`form.worklist-filter a[href="/staff"]`),
		rows(`td:nth-child(2) > a`, &filtered),
		chromedp.Navigate(env.URL+"/staff"),
		chromedp.WaitVisible(`table.open-requests`),
		chromedp.Click(`table.open-requests th a[href*="sort=company"]`),
		chromedp.WaitVisible(`table.open-requests th[aria-sort=ascending] a[href*="sort=company"]`),
		rows(`td:nth-child(2) > a`, &companies),
		chromedp.Click(`table.open-requests th a[href*="sort=company"]`),
		chromedp.WaitVisible(`table.open-requests th[aria-sort=descending] a[href*="sort=company"]`),
		chromedp.Text(`table.open-requests th[aria-sort=descending]`, &sortLabel),
		rows(`td:nth-child(2) > a`, &companiesDesc),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "overview")
	if len(filtered) != 5 {
		t.Errorf("company filter \"als\": %d rows %q, want Als Tømrer ApS's 5", len(filtered), filtered)
	}
	for _, c := range filtered {
		if c != "Als Tømrer ApS" {
			t.Errorf("company filter let %q through", c)
		}
	}
	lower := func(s []string) []string {
		out := make([]string, len(s))
		for i, x := range s {
			out[i] = strings.ToLower(x)
		}
		return out
	}
	if len(companies) != 20 || !slices.IsSorted(lower(companies)) {
		t.Errorf("sorted by company: %q", companies)
	}
	rev := lower(companiesDesc)
	slices.Reverse(rev)
	if len(companiesDesc) != 20 || !slices.IsSorted(rev) || companiesDesc[0] != "Sønderborg Smedie ApS" {
		t.Errorf("sorted by company, descending: %q", companiesDesc)
	}
	if !strings.Contains(sortLabel, "▼") {
		t.Errorf("the sorted column's header says %q, want ▼", sortLabel)
	}
}

// TestHotlineOverviewShowsRequestsFirst: the hotline logs requests; its
// overview opened on the list of every company (40 in the demo) with the
// requests it had logged at the bottom. Now the way to log one and the
// latest requests come first; a consultant's overview keeps its order.
func TestHotlineOverviewShowsRequestsFirst(t *testing.T) {
	env := systemtest.Start(t)
	company := systemtest.VacancyBody(demo.CVR(640))["company"].(map[string]any)
	body := map[string]any{"company": company, "topic": "subsidy", "channel": "phone", "text": "Spørger til løntilskud"}
	if res := env.Login("hotline@demo.local").Do("POST", "/api/v1/requests", body, nil); res.StatusCode != 201 {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(640)), nil); res.StatusCode != 201 {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	for _, who := range []string{"hotline@demo.local", "konsulent@demo.local"} {
		page := string(env.Login(who).Do("GET", "/staff", nil, nil, "Accept", "text/html").Body)
		req, co := strings.Index(page, `id="req-h"`), strings.Index(page, `id="co-h"`)
		if req < 0 || co < 0 {
			t.Fatalf("%s: the overview lacks the requests or the companies", who)
		}
		hotline := who == "hotline@demo.local"
		if (req < co) != hotline {
			t.Errorf("%s: requests at %d, companies at %d", who, req, co)
		}
		if link := strings.Contains(page, `href="/staff/hotline">Registrer en henvendelse`); link != hotline {
			t.Errorf("%s: link to log a request shown %v", who, link)
		}
		if name := html.EscapeString(company["name"].(string)); !strings.Contains(page[req:], name) {
			t.Errorf("%s: the logged request of %s is not listed", who, name)
		}
		// The hotline reads no vacancy (its page is a CV reader's): the
		// titles are text, not hundreds of links to "no access".
		if link := strings.Contains(page, `href="/staff/vacancies/`); link == hotline {
			t.Errorf("%s: links to vacancies shown %v", who, link)
		}
	}
	for _, who := range []string{"hotline@demo.local", "konsulent@demo.local"} {
		page := string(env.Login(who).Do("GET", "/staff/companies/"+demo.CVR(640), nil, nil, "Accept", "text/html").Body)
		if !strings.Contains(page, "Tidslinje") || strings.Contains(page, `href="/staff/vacancies/`) != (who != "hotline@demo.local") {
			t.Errorf("%s: the company page's links to vacancies are wrong: %.3000s", who, page)
		}
	}
}

// TestStaffErrorPageKeepsTheNavigation: a consultant who followed a stale
// link got an error page with the header only; the staff navigation is
// there now, and an anonymous visitor's error page still has none.
func TestStaffErrorPageKeepsTheNavigation(t *testing.T) {
	env := systemtest.Start(t)
	for _, who := range []string{"konsulent@demo.local", ""} {
		c := env.Client()
		if who != "" {
			c = env.Login(who)
		}
		res := c.Do("GET", "/staff/vacancies/findes-ikke", nil, nil, "Accept", "text/html")
		page := string(res.Body)
		if res.StatusCode != 404 && who != "" {
			t.Fatalf("%q: %d, want 404", who, res.StatusCode)
		}
		nav := strings.Contains(page, `class="jm-staffnav"`) && strings.Contains(page, `href="/staff/candidates"`)
		if nav != (who != "") {
			t.Errorf("%q: staff navigation on the error page %v", who, nav)
		}
	}
}
