package frontend_test

import (
	"context"
	"html"
	"net/url"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// facetEntry is one value of the search page's facets, as a consultant
// sees it.
type facetEntry struct {
	Facet, Label, URL string
	Count             int
}

var (
	facetHeadRe = regexp.MustCompile(`<h2>([^<]+)</h2><ul>(.*?)</ul>`)
	facetLiRe   = regexp.MustCompile(`<li><a href="([^"]+)"[^>]*>([^<]*)</a> <span class="badge">(\d+)</span></li>`)
	foundRe     = regexp.MustCompile(`<h2 id="res-h" tabindex="-1">(\d+) `)
)

// pageFacets reads the facets of a search page.
func pageFacets(t *testing.T, page string) []facetEntry {
	t.Helper()
	i, j := strings.Index(page, `<aside class="facets"`), strings.Index(page, `</aside>`)
	if i < 0 || j < i {
		t.Fatalf("no facets on the page:\n%s", page)
	}
	var out []facetEntry
	for _, h := range facetHeadRe.FindAllStringSubmatch(page[i:j], -1) {
		for _, li := range facetLiRe.FindAllStringSubmatch(h[2], -1) {
			n, _ := strconv.Atoi(li[3])
			out = append(out, facetEntry{Facet: html.UnescapeString(h[1]), Label: html.UnescapeString(li[2]), URL: html.UnescapeString(li[1]), Count: n})
		}
	}
	return out
}

// pageTotal is the number of CVs a search page says it found.
func pageTotal(t *testing.T, page string) int {
	t.Helper()
	m := foundRe.FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("no total on the page:\n%s", page)
	}
	n, _ := strconv.Atoi(m[1])
	return n
}

// TestEveryFacetCountIsItsHits: on a real search of demo CVs, each facet
// value's count is the number of CVs its link finds, the languages' "or
// better" levels too, and the languages read one by one, each before its
// levels, lowest first ("Dansk B1 eller bedre 293" opened 303 CVs, among
// levels of other languages).
func TestEveryFacetCountIsItsHits(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	if _, err := demo.LoadCandidates(ctx, env.Sys, 600, 3, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	k := env.Login("konsulent@demo.local")
	get := func(path string) string {
		t.Helper()
		res := k.Do("GET", path, nil, nil, "Accept", "text/html", "Accept-Language", "da")
		if res.StatusCode != 200 {
			t.Fatalf("%s: %d %s", path, res.StatusCode, res.Body)
		}
		return string(res.Body)
	}
	for _, path := range []string{"/staff/candidates?q=lager", "/staff/candidates?q=lager&language=da&language_level=B1"} {
		page := get(path)
		total := pageTotal(t, page)
		entries := pageFacets(t, page)
		if total < 30 || len(entries) < 20 {
			t.Fatalf("%s: %d CVs, %d facet values: too few to tell", path, total, len(entries))
		}
		var langs []facetEntry
		for _, e := range entries {
			if n := pageTotal(t, get(e.URL)); n != e.Count {
				t.Errorf("%s: %s «%s» says %d, its link finds %d (%s)", path, e.Facet, e.Label, e.Count, n, e.URL)
			}
			if e.Facet == "Sprog" {
				langs = append(langs, e)
			}
		}
		// Each language, then its levels or better, lowest first (each
		// level fewer CVs than the one before); the languages by count.
		levels := []string{"A1", "A2", "B1", "B2", "C1", "C2", "som modersmål"}
		lastLevel, lastLanguage, prev := -1, 1<<30, 0
		for _, e := range langs {
			at := -1
			for i, l := range levels {
				if strings.Contains(e.Label, " "+l) {
					at = i
				}
			}
			if at < 0 { // a language
				if e.Count > lastLanguage {
					t.Errorf("%s: %q after a language of fewer CVs: %v", path, e.Label, langs)
				}
				lastLanguage, lastLevel, prev = e.Count, -1, e.Count
				continue
			}
			if at <= lastLevel || e.Count > prev || (lastLevel >= 0 && e.Count == prev) || (at < len(levels)-1 && !strings.HasSuffix(e.Label, " eller bedre")) {
				t.Errorf("%s: %q out of order, or no narrower than the one before: %v", path, e.Label, langs)
			}
			lastLevel, prev = at, e.Count
		}
		if len(langs) < 4 || strings.Contains(langs[0].Label, " ") {
			t.Errorf("%s: languages %v", path, langs)
		}
	}
}

// TestSkillFacetIsTheCVsSkills: the skills facet counts every skill the
// CVs found name, with an ESCO concept or not ("truckcertifikat B",
// "håndscanner": of a "lager" search they left out what a third of the CVs
// hold), as the CVs write it most often, one skill in any case and
// spacing; its link finds exactly the CVs counted (TestEveryFacetCountIsItsHits
// follows every link).
func TestSkillFacetIsTheCVsSkills(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	if _, err := demo.LoadCandidates(ctx, env.Sys, 600, 3, nil); err != nil {
		t.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		t.Fatal(err)
	}
	k := env.Login("konsulent@demo.local")
	type hits struct {
		Items []struct {
			Candidate struct {
				Skills []struct{ Label, URI string }
			}
		}
		NextCursor string `json:"next_cursor"`
		Total      int
		Facets     map[string][]struct {
			Value, Label string
			Count        int
		}
	}
	var first hits
	if res := k.Do("GET", "/api/v1/candidates/search?q=lager&facets=true&limit=200", nil, &first); res.StatusCode != 200 {
		t.Fatalf("search: %d %s", res.StatusCode, res.Body)
	}
	// Every skill of every CV found, as the facet should count it.
	count, spellings, linked := map[string]int{}, map[string]map[string]int{}, map[string]bool{}
	page := first
	for n := 0; ; n++ {
		for _, it := range page.Items {
			seen := map[string]bool{}
			for _, s := range it.Candidate.Skills {
				v := strings.ToLower(strings.Join(strings.Fields(s.Label), " "))
				if seen[v] {
					continue
				}
				seen[v] = true
				count[v]++
				if spellings[v] == nil {
					spellings[v] = map[string]int{}
				}
				spellings[v][s.Label]++
				linked[v] = linked[v] || s.URI != ""
			}
		}
		if page.NextCursor == "" || n > 20 {
			break
		}
		cursor := page.NextCursor
		page = hits{}
		k.Do("GET", "/api/v1/candidates/search?q=lager&limit=200&cursor="+cursor, nil, &page)
	}
	facet := first.Facets["skills"]
	if len(facet) < 5 {
		t.Fatalf("skills facet %v", facet)
	}
	unlinked := 0
	for _, f := range facet {
		if f.Count != count[f.Value] {
			t.Errorf("%q: the facet counts %d, the CVs found hold it %d times", f.Value, f.Count, count[f.Value])
		}
		most := 0
		for _, n := range spellings[f.Value] {
			most = max(most, n)
		}
		if spellings[f.Value][f.Label] != most {
			t.Errorf("%q is shown as %q, not as the CVs write it most often: %v", f.Value, f.Label, spellings[f.Value])
		}
		if !linked[f.Value] {
			unlinked++
		}
	}
	// The most held skills, whichever have a concept.
	least := facet[len(facet)-1].Count
	for v, n := range count {
		if n > least && !slices.ContainsFunc(facet, func(f struct {
			Value, Label string
			Count        int
		}) bool {
			return f.Value == v
		}) {
			t.Errorf("%q, held by %d of the %d CVs found, is not in the skills facet %v", v, n, first.Total, facet)
		}
	}
	if unlinked == 0 {
		t.Errorf("no skill without an ESCO concept in the facet: %v", facet)
	}
	// One skill in any case and spacing.
	var one hits
	v := facet[0].Value
	k.Do("GET", "/api/v1/candidates/search?q=lager&skill="+url.QueryEscape("  "+strings.ToUpper(v)+" "), nil, &one)
	if one.Total != facet[0].Count {
		t.Errorf("skill=%q finds %d, the facet says %d", strings.ToUpper(v), one.Total, facet[0].Count)
	}
}
