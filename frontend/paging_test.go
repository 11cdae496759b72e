package frontend_test

import (
	"context"
	"html"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestPagesBackAndForth: from the second page of a search on, "← Forrige"
// goes back a page and "Første side" to the first, each keeping the words
// and the filters, and every page says which hits it shows ("Viser 26–50
// af 130 kandidater"); page 2 had only "Flere →".
func TestPagesBackAndForth(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	if _, err := demo.LoadCandidates(ctx, env.Sys, 200, 4, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	k := env.Login("konsulent@demo.local")
	get := func(path, lang string) string {
		t.Helper()
		res := k.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", lang)
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, res.Body)
		}
		return string(res.Body)
	}
	link := func(page, class string) string {
		m := regexp.MustCompile(`<nav class="pager"[^>]*>(?s:.*?)<a href="([^"]+)"[^>]*class="` + class + `"`).FindStringSubmatch(page)
		if m == nil {
			return ""
		}
		return html.UnescapeString(m[1])
	}
	position := func(page string) string {
		m := regexp.MustCompile(`<p class="muted position">([^<]+)</p>`).FindStringSubmatch(page)
		if m == nil {
			return ""
		}
		return html.UnescapeString(m[1])
	}
	start := "/staff/candidates?licence=B&sort=-updated_at"
	p1 := get(start, "da")
	total := pageTotal(t, p1)
	if total <= 50 {
		t.Fatalf("%d CVs with licence B: too few for three pages", total)
	}
	want := func(s string) string { return strings.ReplaceAll(s, "TOTAL", strconv.Itoa(total)) }
	if got := position(p1); got != want("Viser 1–25 af TOTAL kandidater") || link(p1, "prev") != "" || link(p1, "first") != "" {
		t.Fatalf("page 1: %q, back %q", got, link(p1, "prev"))
	}
	next := link(p1, "next")
	p2 := get(next, "da")
	if got := position(p2); got != want("Viser 26–50 af TOTAL kandidater") {
		t.Fatalf("page 2: %q", got)
	}
	if back := link(p2, "prev"); !strings.Contains(back, "licence=B") || !strings.Contains(back, "sort=-updated_at") || strings.Contains(back, "cursor") || link(p2, "first") != "" {
		t.Fatalf("page 2's way back %q, first %q", back, link(p2, "first"))
	}
	p3 := get(link(p2, "next"), "da")
	if got := position(p3); got != want("Viser 51–"+strconv.Itoa(min(75, total))+" af TOTAL kandidater") {
		t.Fatalf("page 3: %q", got)
	}
	if back := get(link(p3, "prev"), "da"); position(back) != position(p2) || !strings.Contains(link(back, "next"), "licence=B") {
		t.Fatalf("back from page 3: %q", position(back))
	}
	if first := get(link(p3, "first"), "da"); position(first) != position(p1) {
		t.Fatalf("the first page from page 3: %q", position(first))
	}
	if !strings.Contains(p3, `rel="prev" class="prev">← Forrige</a>`) || !strings.Contains(p3, `class="first">Første side</a>`) {
		t.Fatalf("page 3's links:\n%s", p3[strings.Index(p3, `<nav class="pager"`):])
	}
	// In English.
	if got := position(get(next+"&lang=en", "en")); got != want("Showing 26–50 of TOTAL candidates") {
		t.Fatalf("page 2 in English: %q", got)
	}
	// A search that fits one page says nothing of pages.
	if one := get("/staff/candidates?q=lager&licence=B&licence=CE&language=pl", "da"); pageTotal(t, one) <= 25 && strings.Contains(one, `class="pager"`) {
		t.Fatalf("one page with a pager:\n%s", one)
	}
}
