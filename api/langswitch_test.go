package api_test

import (
	"html"
	"regexp"
	"testing"

	"jobmatch/system/systemtest"
)

// TestLanguageSwitchKeepsTheQuery: "English" on a search page opened the
// page without its search (the query escaped twice: "?near%3d6400%26q%3d…";
// the worklist's pages and sorting escaped their filter the same way).
func TestLanguageSwitchKeepsTheQuery(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	href := func(page, class string) string {
		t.Helper()
		body := string(k.Do("GET", page, nil, nil, "Accept", "text/html").Body)
		m := regexp.MustCompile(`<a class="[^"]*` + class + `[^"]*" href="([^"]+)"`).FindStringSubmatch(body)
		if m == nil {
			t.Fatalf("%s: no %s link", page, class)
		}
		return html.UnescapeString(m[1])
	}
	if got := href("/staff/candidates?q=lager&near=6400", "lang-switch"); got != "/staff/candidates?lang=en&near=6400&q=lager" {
		t.Errorf("the language switch goes to %q", got)
	}
	if got := href("/staff/candidates?q=kok+i+%C3%A5rhus&lang=en", "lang-switch"); got != "/staff/candidates?lang=da&q=kok+i+%C3%A5rhus" {
		t.Errorf("the language switch back goes to %q", got)
	}
}
