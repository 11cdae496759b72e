package api_test

import (
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
	"testing"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/api"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestRoleRouteMatrix asks every route of the router as anonymous, hotline,
// consultant, management and admin, and compares who is admitted with
// api.RoutePolicy. A route without a declared policy fails with the line to
// add to api/policy.go.
func TestRoleRouteMatrix(t *testing.T) {
	env := systemtest.Start(t)
	logins := map[jobmatch.Role]string{api.Hotline: "hotline@demo.local", api.Consultant: "konsulent@demo.local",
		api.Management: "leder@demo.local", api.Admin: "admin@demo.local"}
	clients := map[jobmatch.Role]*systemtest.Client{}
	login := func(r jobmatch.Role) {
		if r == api.Anonymous {
			clients[r] = env.Client()
		} else {
			clients[r] = env.Login(logins[r])
		}
		// A CSRF cookie for the pages' forms.
		clients[r].Do("GET", "/login", nil, nil)
	}
	for _, r := range api.Callers {
		login(r)
	}

	var routes []string
	for _, rt := range env.Sys.API.Echo().Routes() {
		if rt.Method != echo.RouteNotFound {
			routes = append(routes, rt.Method+" "+rt.Path)
		}
	}
	sort.Strings(routes)
	routes = slices.Compact(routes)

	docs := documented(t)
	var missing, wrong, undocumented []string
	for _, route := range routes {
		want, declared := api.RoutePolicy[route]
		method, path, _ := strings.Cut(route, " ")
		codes, inDoc := docs[route]
		if !inDoc && strings.HasPrefix(path, "/api/") {
			undocumented = append(undocumented, route+" is not in the OpenAPI document")
		}
		var got []jobmatch.Role
		for _, r := range api.Callers {
			ok, status := admitted(t, env, clients[r], method, path)
			if ok {
				got = append(got, r)
			}
			if inDoc && !codes[strconv.Itoa(status)] {
				undocumented = append(undocumented, fmt.Sprintf("%s answers %s %d, which the OpenAPI document does not list", route, r, status))
			}
			if strings.HasSuffix(path, "/logout") && r != api.Anonymous {
				login(r) // the session just ended
			}
		}
		switch {
		case !declared:
			missing = append(missing, fmt.Sprintf("\t%q: Admits(%s), // admitted now", route, goRoles(got)))
		case !slices.Equal(got, want):
			wrong = append(wrong, fmt.Sprintf("%s admits %s; api.RoutePolicy says %s", route, roleList(got), roleList(want)))
		}
	}
	for route := range api.RoutePolicy {
		if !slices.Contains(routes, route) {
			wrong = append(wrong, fmt.Sprintf("api.RoutePolicy names %q, which the router does not have", route))
		}
	}
	if len(missing) > 0 {
		t.Errorf("routes without a declared policy: add each to api.RoutePolicy in api/policy.go with the roles it should admit "+
			"(and make the route enforce them, e.g. web.RequireRole):\n%s", strings.Join(missing, "\n"))
	}
	if len(undocumented) > 0 {
		t.Errorf("statuses missing from api/openapi/*.json:\n%s", strings.Join(slices.Compact(undocumented), "\n"))
	}
	if len(wrong) > 0 {
		t.Errorf("routes whose access differs from api.RoutePolicy (fix the route's checks or, if intended, the table):\n%s", strings.Join(wrong, "\n"))
	}
}

// goRoles spells roles as api/policy.go does.
func goRoles(rs []jobmatch.Role) string {
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = strings.ToUpper(string(r[:1])) + string(r[1:])
	}
	return strings.Join(s, ", ")
}

func roleList(rs []jobmatch.Role) string {
	if len(rs) == 0 {
		return "nobody"
	}
	s := make([]string, len(rs))
	for i, r := range rs {
		s[i] = string(r)
	}
	return strings.Join(s, ", ")
}

// admitted asks one route as one caller: path parameters become made-up
// ids, bodies are empty ({} for the API, the CSRF token alone for forms).
// Admitted is anything but 401/403 or a bounce to the login page (or, for
// management, from /staff to the dashboard).
func admitted(t *testing.T, env *systemtest.Env, c *systemtest.Client, method, path string) (bool, int) {
	t.Helper()
	segs := strings.Split(path, "/")
	for i, s := range segs {
		switch {
		case s == "*":
			segs[i] = "app.css"
		case s == ":cvr":
			segs[i] = demo.CVR(1)
		case s == ":year":
			segs[i] = "2026"
		case strings.HasPrefix(s, ":"):
			segs[i] = "matrix-x"
		}
	}
	u := env.URL + strings.Join(segs, "/")
	if strings.Contains(u, "?") {
		panic(u)
	}
	if strings.HasPrefix(path, "/api/v1/kpi") {
		u += "?year=2026"
	}
	var body io.Reader
	api := strings.HasPrefix(path, "/api/")
	ct := ""
	if method != "GET" && method != "HEAD" && method != "DELETE" {
		if api {
			body, ct = strings.NewReader("{}"), "application/json"
		} else {
			v := url.Values{}
			base, _ := url.Parse(env.URL)
			for _, ck := range c.HTTP.Jar.Cookies(base) {
				if ck.Name == "jm_csrf" {
					v.Set("_csrf", ck.Value)
				}
			}
			body, ct = strings.NewReader(v.Encode()), "application/x-www-form-urlencoded"
		}
	}
	req, err := http.NewRequest(method, u, body)
	if err != nil {
		t.Fatal(err)
	}
	if ct != "" {
		req.Header.Set("Content-Type", ct)
	}
	if api {
		req.Header.Set("Accept", "application/json")
	}
	if c.Token != "" {
		req.Header.Set("Authorization", "Bearer "+c.Token)
	}
	res, err := c.HTTP.Do(req)
	if err != nil {
		t.Fatalf("%s %s: %v", method, u, err)
	}
	_, _ = io.Copy(io.Discard, res.Body)
	res.Body.Close()
	loc := res.Header.Get("Location")
	switch {
	case res.StatusCode == http.StatusUnauthorized && api, res.StatusCode == http.StatusForbidden:
		return false, res.StatusCode
	case res.StatusCode >= 300 && res.StatusCode < 400 && (strings.HasPrefix(loc, "/login") || (path == "/staff" && loc == "/dashboard")):
		return false, res.StatusCode
	}
	return true, res.StatusCode
}

// documented reads the OpenAPI document's statuses per "METHOD /echo/:path".
func documented(t *testing.T) map[string]map[string]bool {
	b, err := api.OpenAPI()
	if err != nil {
		t.Fatal(err)
	}
	var doc struct {
		Paths map[string]map[string]json.RawMessage `json:"paths"`
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		t.Fatal(err)
	}
	out := map[string]map[string]bool{}
	for p, ops := range doc.Paths {
		route := p
		for strings.Contains(route, "{") {
			i, j := strings.Index(route, "{"), strings.Index(route, "}")
			route = route[:i] + ":" + route[i+1:j] + route[j+1:]
		}
		for m, raw := range ops {
			var op struct {
				Responses map[string]json.RawMessage `json:"responses"`
			}
			if json.Unmarshal(raw, &op) != nil || op.Responses == nil {
				continue
			}
			codes := map[string]bool{}
			for c := range op.Responses {
				codes[c] = true
			}
			out[strings.ToUpper(m)+" "+route] = codes
		}
	}
	return out
}

// TestNavLinksAreAllowed: every link of a staff member's menu opens a
// page they may see. Management's menu offered "Mit overblik" and
// "Hotline", which answered 403 (management sees figures only).
func TestNavLinksAreAllowed(t *testing.T) {
	env := systemtest.Start(t)
	nav := regexp.MustCompile(`<ul class="jm-navlist">(.*?)</ul>`)
	href := regexp.MustCompile(`href="([^"]+)"`)
	for _, who := range []string{"hotline@demo.local", "konsulent@demo.local", "leder@demo.local", "admin@demo.local"} {
		c := env.Login(who)
		get := func(path string) *systemtest.Response {
			res := c.Do("GET", path, nil, nil, "Accept", "text/html")
			if res.StatusCode == http.StatusSeeOther || res.StatusCode == http.StatusFound {
				res = c.Do("GET", res.Header.Get("Location"), nil, nil, "Accept", "text/html")
			}
			return res
		}
		m := nav.FindStringSubmatch(string(get("/staff").Body))
		if m == nil {
			t.Fatalf("%s: no menu on the landing page", who)
		}
		links := href.FindAllStringSubmatch(m[1], -1)
		if len(links) == 0 {
			t.Fatalf("%s: an empty menu", who)
		}
		for _, l := range links {
			if res := get(l[1]); res.StatusCode != http.StatusOK {
				t.Errorf("%s: the menu's %s answers %d", who, l[1], res.StatusCode)
			}
		}
	}
}
