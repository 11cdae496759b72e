package frontend_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// listPage is a page of /staff/vacancies: the page, its rows' vacancy ids
// in order, and its links.
type listPage struct {
	html       string
	ids        []string
	prev, next string
}

func vacancyListPage(t *testing.T, k *systemtest.Client, query, lang string) listPage {
	t.Helper()
	res := k.Do("GET", "/staff/vacancies?"+query+"&lang="+lang, nil, nil, "Accept", "text/html", "Accept-Language", lang)
	if res.StatusCode != http.StatusOK {
		t.Fatalf("/staff/vacancies?%s: %d %s", query, res.StatusCode, res.Body)
	}
	p := listPage{html: html.UnescapeString(string(res.Body))}
	for _, m := range regexp.MustCompile(`<tr id="v-([^"]+)"`).FindAllStringSubmatch(p.html, -1) {
		p.ids = append(p.ids, m[1])
	}
	if m := regexp.MustCompile(`<a href="(/staff/vacancies\?[^"]+)" rel="prev"`).FindStringSubmatch(p.html); m != nil {
		p.prev = strings.TrimPrefix(m[1], "/staff/vacancies?")
	}
	if m := regexp.MustCompile(`<a href="(/staff/vacancies\?[^"]+)" rel="next"`).FindStringSubmatch(p.html); m != nil {
		p.next = strings.TrimPrefix(m[1], "/staff/vacancies?")
	}
	return p
}

// row is the vacancy's row on the page.
func (p listPage) row(id string) string {
	i := strings.Index(p.html, `<tr id="v-`+id+`"`)
	if i < 0 {
		return ""
	}
	return p.html[i : i+strings.Index(p.html[i:], "</tr>")]
}

// TestVacancyListFiltersSortsPages: /staff/vacancies was "Siden findes
// ikke" and the menu had no "Stillinger"; the only list was the one on
// /staff, every status mixed, newest first. Now a consultant's list shows
// their own open vacancies by default, sorted by deadline (none last) then
// newest, 25 a page with "Viser 1–25 af N" and previous/next, filtered by
// status, whose and text, each row with positions filled and the deadline,
// one past it marked.
func TestVacancyListFiltersSortsPages(t *testing.T) {
	var mu sync.Mutex
	now := time.Now()
	clock := func() time.Time { mu.Lock(); defer mu.Unlock(); return now }
	env := systemtest.Start(t, systemtest.Options{Now: clock})
	ctx := t.Context()
	post := func(cvr, postal, title string, deadlineDays int) *jobmatch.Vacancy {
		t.Helper()
		mu.Lock()
		now = now.Add(time.Minute) // each newer than the last
		mu.Unlock()
		b := systemtest.VacancyBody(cvr)
		b["title"], b["postal_code"] = title, postal
		b["company"].(map[string]any)["postal_code"] = postal
		if deadlineDays == 0 {
			delete(b, "deadline")
		} else {
			b["deadline"] = clock().AddDate(0, 0, deadlineDays).Format(time.DateOnly)
		}
		var rec struct{ ID string }
		if res := env.Client().Do("POST", "/api/v1/vacancies", b, &rec); res.StatusCode != http.StatusCreated {
			t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
		}
		v, err := env.Sys.Intake.Vacancy(ctx, rec.ID)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	// 28 of one company at Als (Karen's): deadlines 2..29 days on, given
	// in an order that is not theirs, two without one; one is "Smed".
	var mine []*jobmatch.Vacancy
	for i := range 28 {
		days := 2 + (i*11)%28
		if i == 5 || i == 17 {
			days = 0
		}
		title := "Tømrer"
		if i == 9 {
			title = "Smed til stålkonstruktioner"
		}
		mine = append(mine, post(demo.CVR(71), "6400", title, days))
	}
	karen := mine[0].ConsultantID
	other := post(demo.CVR(72), "6300", "Tømrer", 10)
	if other.ConsultantID == karen {
		t.Fatalf("set-up: the vacancy at 6300 is Karen's too")
	}
	k := env.Login("konsulent@demo.local")
	if res := k.Do("PATCH", "/api/v1/vacancies/"+mine[1].ID, map[string]any{"status": "filled"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("fill: %d %s", res.StatusCode, res.Body)
	}
	if res := k.Do("PATCH", "/api/v1/vacancies/"+mine[2].ID, map[string]any{"status": "closed"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("close: %d %s", res.StatusCode, res.Body)
	}
	// Three days on, the vacancies with a deadline 2 days on are past it.
	mu.Lock()
	now = now.AddDate(0, 0, 3)
	mu.Unlock()
	k = env.Login("konsulent@demo.local")

	// Karen's open ones: 25 on page 1, the rest on page 2.
	var open []*jobmatch.Vacancy
	for _, v := range mine {
		if v.ID != mine[1].ID && v.ID != mine[2].ID {
			open = append(open, v)
		}
	}
	slices.SortStableFunc(open, func(a, b *jobmatch.Vacancy) int {
		if a.Deadline.IsZero() != b.Deadline.IsZero() {
			if a.Deadline.IsZero() {
				return 1
			}
			return -1
		}
		if c := a.Deadline.Compare(b.Deadline.Time); c != 0 {
			return c
		}
		return b.CreatedAt.Compare(a.CreatedAt)
	})
	var want []string
	for _, v := range open {
		want = append(want, v.ID)
	}
	p1 := vacancyListPage(t, k, "", "da")
	if !strings.Contains(p1.html, "Viser 1–25 af 26 stillinger") {
		t.Errorf("page 1 does not say where it is: %s", regexp.MustCompile(`Viser[^<]*`).FindString(p1.html))
	}
	if !slices.Equal(p1.ids, want[:25]) || p1.prev != "" || p1.next == "" {
		t.Fatalf("page 1: %v (prev %q, next %q), want %v", p1.ids, p1.prev, p1.next, want[:25])
	}
	p2 := vacancyListPage(t, k, p1.next, "da")
	if !slices.Equal(p2.ids, want[25:]) || p2.next != "" || p2.prev == "" || !strings.Contains(p2.html, "Viser 26–26 af 26 stillinger") {
		t.Errorf("page 2: %v (prev %q, next %q), want %v", p2.ids, p2.prev, p2.next, want[25:])
	}
	if back := vacancyListPage(t, k, p2.prev, "da"); !slices.Equal(back.ids, p1.ids) {
		t.Errorf("back from page 2: %v", back.ids)
	}
	// The first is past its deadline, the one without a deadline says so.
	if r := p1.row(want[0]); !strings.Contains(r, "Over fristen") || !strings.Contains(r, "0 af 1") || !strings.Contains(r, mine[0].Reference) {
		t.Errorf("the first row: %s", r)
	}
	if r := p2.row(want[25]); !strings.Contains(r, "Ingen frist") || strings.Contains(r, "Over fristen") {
		t.Errorf("the row without a deadline: %s", r)
	}
	if p1.row(other.ID) != "" {
		t.Error("Mads' vacancy is on Karen's own list")
	}
	// Filled, closed, everyone's, text.
	if p := vacancyListPage(t, k, "status=filled", "da"); !slices.Equal(p.ids, []string{mine[1].ID}) || !strings.Contains(p.row(mine[1].ID), "1 af 1") {
		t.Errorf("filled: %v %s", p.ids, p.row(mine[1].ID))
	}
	if p := vacancyListPage(t, k, "status=closed", "da"); !slices.Equal(p.ids, []string{mine[2].ID}) {
		t.Errorf("closed: %v", p.ids)
	}
	if p := vacancyListPage(t, k, "status=all", "da"); !strings.Contains(p.html, "af 28 stillinger") {
		t.Errorf("all statuses: %s", regexp.MustCompile(`Viser[^<]*`).FindString(p.html))
	}
	if p := vacancyListPage(t, k, "whose=all", "da"); !strings.Contains(p.html, "af 27 stillinger") || !slices.Contains(append(p.ids, vacancyListPage(t, k, p.next, "da").ids...), other.ID) {
		t.Errorf("everyone's: %s", regexp.MustCompile(`Viser[^<]*`).FindString(p.html))
	}
	if p := vacancyListPage(t, k, "q=SMED", "da"); !slices.Equal(p.ids, []string{mine[9].ID}) {
		t.Errorf("text smed: %v", p.ids)
	}
	if p := vacancyListPage(t, k, "q="+mine[4].Reference, "da"); !slices.Equal(p.ids, []string{mine[4].ID}) {
		t.Errorf("reference %s: %v", mine[4].Reference, p.ids)
	}
	if p := vacancyListPage(t, k, "status=all&q="+url.QueryEscape(strings.ToUpper(mine[0].CompanyName)), "da"); len(p.ids) != 25 || !strings.Contains(p.html, "af 28 stillinger") {
		t.Errorf("company name: %d rows", len(p.ids))
	}
	// In English; the admin sees everyone's by default.
	if p := vacancyListPage(t, env.Login("admin@demo.local"), "", "en"); !strings.Contains(p.html, "Showing 1–25 of 27 vacancies") || !strings.Contains(p.html, "Past the deadline") {
		t.Errorf("the admin's list in English: %s", regexp.MustCompile(`Showing[^<]*`).FindString(p.html))
	}
	// The menu has it for those who can open a vacancy, not the hotline.
	res := k.Do("GET", "/staff", nil, nil, "Accept", "text/html", "Accept-Language", "da")
	if !strings.Contains(string(res.Body), `<a href="/staff/vacancies">Stillinger</a>`) {
		t.Error("the consultant's menu has no Stillinger")
	}
	h := env.Login("hotline@demo.local")
	if res := h.Do("GET", "/staff", nil, nil, "Accept", "text/html"); strings.Contains(string(res.Body), `href="/staff/vacancies"`) {
		t.Error("the hotline's menu links the vacancy list")
	}
}
