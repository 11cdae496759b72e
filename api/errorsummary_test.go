package api_test

import (
	"html"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestErrorSummaryNamesTheFields: the entry form's error summary said "Skal
// udfyldes." five times, each a link to a field it did not name; each line
// now starts with its field's label, in the order of the form.
func TestErrorSummaryNamesTheFields(t *testing.T) {
	env := systemtest.Start(t)
	anon := env.Client()
	form := string(anon.Do("GET", "/", nil, nil, "Accept", "text/html").Body)
	v := url.Values{"topic": {"vacancy"}, "title": {"Kok"}, "company.cvr": {"1234"}, "positions": {"5000"}}
	for _, name := range []string{"_csrf", "_idem"} {
		m := regexp.MustCompile(`name="` + name + `" value="([^"]+)"`).FindStringSubmatch(form)
		if m == nil {
			t.Fatalf("no %s on the form", name)
		}
		v.Set(name, html.UnescapeString(m[1]))
	}
	res := anon.Do("POST", "/", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html")
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("status %d", res.StatusCode)
	}
	var lines []string
	for _, m := range regexp.MustCompile(`<li><a href="#f-[^"]+">([^<]+)</a></li>`).FindAllStringSubmatch(string(res.Body), -1) {
		lines = append(lines, html.UnescapeString(m[1]))
	}
	want := []string{"CVR-nummer: CVR-nummeret skal være 8 cifre", "Virksomhedens navn: Skal udfyldes.", "Antal stillinger: Må højst være 500."}
	at := -1
	for _, w := range want {
		i := slices.IndexFunc(lines, func(l string) bool { return strings.HasPrefix(l, w) })
		if i <= at {
			t.Fatalf("summary %q: want %q after line %d", lines, w, at)
		}
		at = i
	}
}
