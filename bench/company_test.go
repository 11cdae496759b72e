package bench

import (
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
	if env.Sys.Companies.Len() < 20000 {
		b.Fatalf("only %d companies indexed", env.Sys.Companies.Len())
	}
}
