package bench

import (
	"fmt"
	"net/url"
	"testing"

	"jobmatch/system/systemtest"
)

// BenchmarkCompanySearch looks companies up while typing, over HTTP, with
// 20,000 companies stored (target p95 ≤ 30 ms end-to-end): 4 CVR digits,
// name prefixes, a whole name, a typo.
func BenchmarkCompanySearch(b *testing.B) {
	env := systemtest.Start(b)
	cs := seedCompanies(b, env, 20000)
	hot := env.Login("hotline@demo.local")
	var qs []string
	for i := 0; i < 64; i++ {
		c := cs[(i*7919)%len(cs)]
		name := []rune(c.Name)
		switch i % 4 {
		case 0:
			qs = append(qs, c.CVR[:4])
		case 1:
			qs = append(qs, string(name[:min(3, len(name))]))
		case 2:
			qs = append(qs, c.Name)
		case 3:
			if len(name) > 6 {
				name[4] = 'x'
			}
			qs = append(qs, string(name))
		}
	}
	run(b, 1, func(i int) error {
		var p struct{ Items []any }
		return getJSON(hot, env.URL+"/api/v1/companies/search?q="+url.QueryEscape(qs[i%len(qs)]), &p)
	})
	if env.Sys.CompanySearch.Len() < 20000 {
		b.Fatalf("only %d companies indexed", env.Sys.CompanySearch.Len())
	}
}

// BenchmarkLogRequest is the hotline logging a phone call (staff POST
// /api/v1/requests, channel phone) with 20,000 companies stored, 4 clients
// (target p99 ≤ 100 ms).
func BenchmarkLogRequest(b *testing.B) {
	env := systemtest.Start(b)
	cs := seedCompanies(b, env, 20000)
	hot := env.Login("hotline@demo.local")
	topics := []string{"retention", "subsidy", "vacancy", "layoff", "other"}
	run(b, 4, func(i int) error {
		c := cs[(i*7919)%len(cs)]
		body := map[string]any{"company": map[string]any{"cvr": c.CVR, "name": c.Name, "postal_code": c.PostalCode,
			"contact": map[string]any{"name": "Opkalder", "phone": "22334455"}}, "topic": topics[i%len(topics)], "channel": "phone", "text": "Ringede om en medarbejder"}
		res := hot.Do("POST", "/api/v1/requests", body, nil)
		if res.StatusCode != 201 {
			return fmt.Errorf("log request: %d %s", res.StatusCode, res.Body)
		}
		return nil
	})
}
