package frontend_test

import (
	"context"
	_ "embed"
	"encoding/json"
	"fmt"
	"math"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// axe-core is vendored for this test only (testdata/axe, MPL-2.0).
//
//go:embed testdata/axe/axe.min.js
var axeSource string

type axeViolation struct {
	ID    string `json:"id"`
	Help  string `json:"help"`
	Nodes []struct {
		Target  []any  `json:"target"`
		Summary string `json:"failureSummary"`
	} `json:"nodes"`
}

// axeCheck injects axe-core into the current page and returns its WCAG 2.1
// AA violations.
func axeCheck(ctx context.Context) ([]axeViolation, error) {
	var raw string
	err := chromedp.Run(ctx,
		chromedp.Evaluate(axeSource, nil),
		chromedp.Evaluate(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}, resultTypes: ["violations"]}).then(r => JSON.stringify(r.violations))`, &raw,
			func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }),
	)
	if err != nil {
		return nil, err
	}
	var vs []axeViolation
	if err := json.Unmarshal([]byte(raw), &vs); err != nil {
		return nil, fmt.Errorf("axe result: %w", err)
	}
	return vs, nil
}

func describe(vs []axeViolation) string {
	var b strings.Builder
	for _, v := range vs {
		fmt.Fprintf(&b, "\n  %s: %s", v.ID, v.Help)
		for i, n := range v.Nodes {
			if i == 3 {
				fmt.Fprintf(&b, "\n    … %d more", len(v.Nodes)-3)
				break
			}
			fmt.Fprintf(&b, "\n    %v: %s", n.Target, strings.ReplaceAll(n.Summary, "\n", " "))
		}
	}
	return b.String()
}

// TestEveryPageHasNoAccessibilityViolations opens every page, public and
// staff, in Danish and in English, and runs axe-core (WCAG 2.1 AA) on each:
// public pages and the survey on a phone-size screen (390×844), staff pages
// on a desktop. Zero violations is the bar.
func TestEveryPageHasNoAccessibilityViolations(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()

	// Data for the pages: a vacancy with a presented candidate, a citizen
	// with a CV, a survey link.
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(7)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	// A few synthetic CVs first (the bulk import has no request deadline).
	if _, err := demo.LoadCandidates(ctx, env.Sys, 5, 3, nil); err != nil {
		t.Fatal(err)
	}
	var cand struct{ ID string }
	cv := map[string]any{"external_ref": "AX-1", "name": "Aske Andersen", "email": "aske@example.dk", "postal_code": "6400", "max_commute_km": 40,
		"target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}, "skills": []string{"tagarbejde"},
		"experience": []map[string]any{{"title": "Tømrer", "employer": "Byg ApS", "years": 13.5}}}
	k := env.Login("konsulent@demo.local")
	if res := k.Do("POST", "/api/v1/candidates", cv, &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	v, err := env.Sys.Intake.Vacancy(ctx, rec.ID)
	if err != nil {
		t.Fatal(err)
	}
	// The vacancy's own consultant presents the candidate.
	kv := env.Login(v.ConsultantID)
	presentCandidate(t, kv, rec.ID, cand.ID)
	// Close it as filled to get an employer survey in the outbox.
	surveyLink := closeForSurvey(t, env, kv, rec.ID)

	statusPath := rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	public := []string{"/", "/?topic=retention", "/about", "/about/privacy", "/about/accessibility", "/login", statusPath, surveyLink, "/status/no-such-token"}
	staff := []string{"/staff", "/staff/hotline", "/staff/hotline?q=" + demo.CVR(7) + "&cvr=" + demo.CVR(7), "/staff/candidates", "/staff/candidates?q=tømrer",
		"/staff/candidates/new", "/staff/candidates/" + cand.ID, "/staff/candidates/" + cand.ID + "/vacancies", "/staff/companies/" + demo.CVR(7), "/staff/vacancies/" + rec.ID,
		"/staff/vacancies", "/staff/vacancies?status=all&whose=all", "/dashboard", "/dashboard/report"}

	// One browser per round: each has its own time budget.
	check := func(b context.Context, path, lang string) {
		t.Helper()
		sep := "?"
		if strings.Contains(path, "?") {
			sep = "&"
		}
		if err := chromedp.Run(b, chromedp.Navigate(env.URL+path+sep+"lang="+lang), chromedp.WaitReady(`body`)); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		// Under the page's CSP nothing inline may be needed; every date is in
		// the one format (never "03-12-2026").
		var inline int
		var oldDate bool
		if err := chromedp.Run(b,
			chromedp.Evaluate(`document.querySelectorAll("[onclick],[onsubmit],[onchange],[oninput],[onload],[style],script:not([src])").length`, &inline),
			chromedp.Evaluate(`/\b\d{2}-\d{2}-\d{4}\b/.test(document.querySelector("main").innerText)`, &oldDate),
		); err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if inline > 0 || oldDate {
			t.Errorf("%s (%s): %d inline handlers or styles; a dd-mm-yyyy date: %v", path, lang, inline, oldDate)
		}
		vs, err := axeCheck(b)
		if err != nil {
			t.Fatalf("%s: %v", path, err)
		}
		if len(vs) > 0 {
			t.Errorf("%s (%s): %d axe violations:%s", path, lang, len(vs), describe(vs))
		} else {
			t.Logf("%s (%s): no axe violations", path, lang)
		}
	}
	// The check itself can fail: an image without a text alternative is
	// one violation.
	{
		b := browser.NewTimeout(t, 3*time.Minute)
		err := chromedp.Run(b, chromedp.Navigate(env.URL+"/about"), chromedp.WaitReady(`body`),
			chromedp.Evaluate(`document.querySelector("main").insertAdjacentHTML("beforeend", '<img src="/static/dkfds/img/logo-placeholder.png">')`, nil))
		if err != nil {
			t.Fatal(err)
		}
		if vs, err := axeCheck(b); err != nil || len(vs) != 1 || vs[0].ID != "image-alt" {
			t.Fatalf("axe on a page with an unlabelled image: %v%s", err, describe(vs))
		}
	}
	for _, lang := range []string{"da", "en"} {
		b := browser.NewTimeout(t, 6*time.Minute)
		if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(390, 844, 3, true)); err != nil {
			t.Fatal(err)
		}
		for _, p := range public {
			check(b, p, lang)
		}
		// The entry form with every error shown.
		if err := chromedp.Run(b, chromedp.Navigate(env.URL+"/?lang="+lang), chromedp.Click(`button[type=submit]`), chromedp.WaitVisible(`#errorsummary`)); err != nil {
			t.Fatal(err)
		}
		if vs, err := axeCheck(b); err != nil || len(vs) > 0 {
			t.Errorf("entry form with errors (%s): %v%s", lang, err, describe(vs))
		}
	}
	// Staff pages on a desktop, as the vacancy's consultant; the figures
	// also as management.
	b := browser.NewTimeout(t, 8*time.Minute)
	if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(1366, 900, 1, false),
		loginAt(env.URL+"/staff", v.ConsultantID), chromedp.WaitVisible(`.jm-staffnav`)); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"da", "en"} {
		for _, p := range staff {
			check(b, p, lang)
		}
	}
	// The staff pages on a phone: nothing wider than the screen (a table
	// scrolls in its own box). /staff was 1,183 px wide at 390. Measured
	// against the document's client width: with a phone's metrics,
	// window.innerWidth grows with a page wider than the screen.
	if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(390, 844, 3, true)); err != nil {
		t.Fatal(err)
	}
	for _, p := range staff {
		var wide float64
		if err := chromedp.Run(b, chromedp.Navigate(env.URL+p), chromedp.WaitReady(`body`),
			chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &wide)); err != nil {
			t.Fatalf("%s on a phone: %v", p, err)
		}
		if wide > 1 {
			// Which: every box past the edge, but inside a scrolling box
			// only those positioned against an outer one (a visually
			// hidden name in a scrolled table widened the page).
			var who string
			_ = chromedp.Run(b, chromedp.Evaluate(`(() => { const w = document.documentElement.clientWidth; let out = []; document.querySelectorAll("body *").forEach(e => { const r = e.getBoundingClientRect(); if (r.right > w + 1 && out.length < 8 && (!e.closest(".table-scroll") || getComputedStyle(e).position === "absolute")) out.push(e.tagName + "." + e.className + "#" + e.id + " " + Math.round(r.right)); }); return out.join(" | "); })()`, &who))
			t.Errorf("%s on a phone: %.0f px wider than the screen: %s", p, wide, who)
		}
	}
	// A table wider than the phone in the CV's profile scrolls in its own
	// box: the profile's one column grew to the table's width (a plain
	// 1fr), and a CV with long vacancy titles was 530 px wide at 390.
	var wideCV float64
	if err := chromedp.Run(b, chromedp.Navigate(env.URL+"/staff/candidates/"+cand.ID), chromedp.WaitVisible(`.cv-profile .table-scroll`),
		chromedp.Evaluate(`(() => { const d = document.createElement("div"); d.style.width = "700px"; d.textContent = "x";
			document.querySelector(".cv-profile .table-scroll").appendChild(d);
			return document.documentElement.scrollWidth - document.documentElement.clientWidth })()`, &wideCV)); err != nil {
		t.Fatal(err)
	}
	if wideCV > 1 {
		t.Errorf("a CV whose processes table is 700 px wide: the page is %.0f px wider than the phone", wideCV)
	}
	// The focus ring on the page's white is dark enough to see (3:1,
	// WCAG 1.4.11): gold on white was 1.6:1.
	// Tabbed to, as a keyboard user does, till the focus is in the page's
	// content.
	var ring string
	for range 40 {
		var inMain bool
		if err := chromedp.Run(b, chromedp.KeyEvent(kb.Tab), chromedp.Evaluate(`!!document.activeElement.closest("main")`, &inMain)); err != nil {
			t.Fatal(err)
		}
		if inMain {
			break
		}
	}
	if err := chromedp.Run(b, chromedp.Evaluate(`document.activeElement.closest("main") ? getComputedStyle(document.activeElement).outlineColor : ""`, &ring)); err != nil {
		t.Fatal(err)
	}
	if c := cssRGB(ring); c == nil || contrast(c, [3]float64{255, 255, 255}) < 3 {
		t.Errorf("the focus ring on white is %s, contrast below 3:1", ring)
	}
	if err := chromedp.Run(b, emulation.SetDeviceMetricsOverride(1366, 900, 1, false)); err != nil {
		t.Fatal(err)
	}

	// The first candidate is above the fold at 1366×900 (settings folded
	// away); the CV page reads as a profile with the edit form one click away.
	var firstTop float64
	var cvText, refValue string
	err = chromedp.Run(b,
		chromedp.Navigate(env.URL+"/staff/vacancies/"+rec.ID+"?lang=da"),
		chromedp.WaitVisible(`li.match`),
		chromedp.Evaluate(`document.querySelector("li.match").getBoundingClientRect().top`, &firstTop),
		chromedp.Navigate(env.URL+"/staff/candidates/"+cand.ID),
		chromedp.WaitVisible(`a.edit-cv`),
		chromedp.Text(`main`, &cvText),
		chromedp.Click(`a.edit-cv`),
		chromedp.WaitVisible(`#f-external_ref`),
		chromedp.Value(`#f-external_ref`, &refValue),
	)
	if err != nil {
		t.Fatal(err)
	}
	if firstTop <= 0 || firstTop > 900-100 {
		t.Errorf("first candidate starts at %.0f px at 1366×900", firstTop)
	}
	if strings.Contains(cvText, "én pr. linje") || strings.Contains(cvText, "close_to_job") || !strings.Contains(cvText, "Tømrer") || refValue != "AX-1" {
		t.Errorf("CV profile %q; edit form case id %q", cvText, refValue)
	}

	// Management lands on the dashboard, and Print is a button that works
	// without an inline handler.
	lone := browser.NewTimeout(t, 3*time.Minute)
	var landed string
	var printButtons int
	err = chromedp.Run(lone,
		chromedp.Navigate(env.URL+"/login"),
		chromedp.WaitVisible(`#f-email`),
		chromedp.SendKeys(`#f-email`, "leder@demo.local"),
		chromedp.SendKeys(`#f-password`, "demo"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`.kpi-cards`),
		chromedp.Location(&landed),
		chromedp.Navigate(env.URL+"/dashboard/report"),
		chromedp.WaitVisible(`table.report`),
		chromedp.Evaluate(`document.querySelectorAll("button[data-print]").length`, &printButtons),
	)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasSuffix(landed, "/dashboard") || printButtons != 1 {
		t.Errorf("management landed on %q; print buttons %d", landed, printButtons)
	}

	// An admin's dashboard holds the year's targets form: opened, it
	// passes axe too.
	ad := browser.NewTimeout(t, 3*time.Minute)
	if err := chromedp.Run(ad, emulation.SetDeviceMetricsOverride(1366, 900, 1, false),
		loginAt(env.URL+"/dashboard", "admin@demo.local"), chromedp.WaitVisible(`.kpi-cards`)); err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"da", "en"} {
		if err := chromedp.Run(ad, chromedp.Navigate(env.URL+"/dashboard?lang="+lang), chromedp.WaitVisible(`details.targets-form`),
			chromedp.Evaluate(`document.querySelector("details.targets-form").open = true`, nil)); err != nil {
			t.Fatal(err)
		}
		if vs, err := axeCheck(ad); err != nil || len(vs) > 0 {
			t.Errorf("the admin's dashboard with the targets form (%s): %v%s", lang, err, describe(vs))
		}
	}
}

var surveyRe = regexp.MustCompile(`/survey/[A-Za-z0-9_-]+`)

func closeForSurvey(t *testing.T, env *systemtest.Env, k *systemtest.Client, vid string) string {
	t.Helper()
	// The survey goes out when the vacancy closes; a second vacancy keeps
	// the first one open for its pages.
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(8)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	admin := env.Login("admin@demo.local")
	if res := admin.Do("PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "filled"}, nil); res.StatusCode >= 300 {
		t.Fatalf("close: %d %s", res.StatusCode, res.Body)
	}
	var box struct {
		Items []struct{ Kind, Body string }
	}
	env.Outbox(&box)
	for _, m := range box.Items {
		if m.Kind == "survey_employer" {
			if l := surveyRe.FindString(m.Body); l != "" {
				return l
			}
		}
	}
	t.Fatalf("no survey in the outbox")
	return ""
}

// presentCandidate walks a candidate through the pre-screening to presented.
func presentCandidate(t *testing.T, k *systemtest.Client, vid, cid string) {
	t.Helper()
	var e struct {
		ID      string
		Version int64
	}
	if res := k.Do("POST", "/api/v1/vacancies/"+vid+"/shortlist", map[string]any{"candidate_id": cid}, &e); res.StatusCode != http.StatusCreated {
		t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
	}
	step := func(body map[string]any) {
		body["version"] = e.Version
		if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", body, &e); res.StatusCode != http.StatusOK {
			t.Fatalf("transition %v: %d %s", body["to"], res.StatusCode, res.Body)
		}
	}
	step(map[string]any{"to": "contacted", "note": "Ringet op"})
	step(map[string]any{"to": "interested"})
	step(map[string]any{"to": "interviewed", "interview": map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}})
	if res := k.Do("POST", "/api/v1/candidates/"+cid+"/consents", map[string]any{"vacancy_id": vid, "channel": "digital"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent: %d %s", res.StatusCode, res.Body)
	}
	step(map[string]any{"to": "presented"})
}

// cssRGB reads a computed colour "rgb(r, g, b)" (or rgba), nil if it is
// none.
func cssRGB(s string) *[3]float64 {
	var c [3]float64
	if _, err := fmt.Sscanf(strings.TrimPrefix(strings.TrimPrefix(s, "rgba("), "rgb("), "%f, %f, %f", &c[0], &c[1], &c[2]); err != nil {
		return nil
	}
	return &c
}

// contrast is WCAG's contrast ratio of two colours.
func contrast(a *[3]float64, b [3]float64) float64 {
	lum := func(c [3]float64) float64 {
		var l [3]float64
		for i, v := range c {
			v /= 255
			if v <= 0.03928 {
				l[i] = v / 12.92
			} else {
				l[i] = math.Pow((v+0.055)/1.055, 2.4)
			}
		}
		return 0.2126*l[0] + 0.7152*l[1] + 0.0722*l[2]
	}
	x, y := lum(*a)+0.05, lum(b)+0.05
	return max(x, y) / min(x, y)
}
