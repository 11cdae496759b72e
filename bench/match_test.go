package bench

import (
	"context"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"strings"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/matcher"
	"jobmatch/system/systemtest"
)

// benchVacancies are typical vacancies from the demo's occupations.
var benchVacancies = []map[string]any{
	{"title": "Social- og sundhedsassistent", "postal_code": "8000", "skills_required": []string{"personlig pleje", "medicinhåndtering"}},
	{"title": "SOSU-hjælper", "postal_code": "5000", "skills_required": []string{"personlig pleje"}},
	{"title": "Tømrer", "postal_code": "6400", "skills_required": []string{"tagarbejde"}, "driving_licence": "B"},
	{"title": "Lagermedarbejder", "postal_code": "7100", "skills_required": []string{"truckkørsel"}, "employment_type": "loentilskud"},
	{"title": "Software developer", "postal_code": "2100", "skills_required": []string{"Java", "SQL"}},
	{"title": "Pædagog", "postal_code": "9000", "skills_required": []string{"pædagogik"}},
	{"title": "Kok", "postal_code": "4000", "skills_required": []string{"madlavning"}, "languages": []map[string]string{{"code": "da", "level": "B1"}}},
	{"title": "Buschauffør", "postal_code": "8700", "driving_licence": "D"},
	{"title": "Rengøringsassistent", "postal_code": "2300", "employment_type": "igu"},
	{"title": "Sygeplejerske", "postal_code": "6700", "skills_required": []string{"sårpleje"}},
}

// matchEnv is candidateEnv with the match features loaded and the
// benchmark vacancies posted; it returns their ids.
func matchEnv(b *testing.B) (*systemtest.Env, *systemtest.Client, []string) {
	env, k := candidateEnv(b)
	waitForFeatures(b, env)
	return env, k, postBenchVacancies(b, env)
}

// waitForFeatures waits until the matcher's features are loaded.
func waitForFeatures(b *testing.B, env *systemtest.Env) {
	b.Helper()
	for deadline := time.Now().Add(10 * time.Minute); !env.Sys.PoolReady(); time.Sleep(100 * time.Millisecond) {
		if time.Now().After(deadline) {
			b.Fatal("match features not loaded")
		}
	}
}

// postBenchVacancies posts benchVacancies (those whose title holds
// BENCH_ONLY, when set) and returns their ids.
func postBenchVacancies(b *testing.B, env *systemtest.Env) []string {
	b.Helper()
	var ids []string
	for i, v := range benchVacancies {
		if only := os.Getenv("BENCH_ONLY"); only != "" && !strings.Contains(v["title"].(string), only) {
			continue // one vacancy, for its profile
		}
		body := systemtest.VacancyBody(demo.CVR(100 + i))
		body["company"].(map[string]any)["postal_code"] = v["postal_code"]
		body["description"] = "Vi søger en " + strings.ToLower(v["title"].(string)) + " til fast stilling."
		body["skills_desired"] = []string{}
		for k, x := range v {
			body[k] = x
		}
		var rec struct{ ID string }
		if res := env.Client().Do("POST", "/api/v1/vacancies", body, &rec); res.StatusCode != http.StatusCreated {
			b.Fatalf("post vacancy: %d %s", res.StatusCode, res.Body)
		}
		ids = append(ids, rec.ID)
	}
	return ids
}

// matchRun is one vacancy matched both ways, in process: the matcher and
// the exhaustive scan with the same scoring function.
type matchRun struct {
	p          *matcher.Profile
	o          matcher.Options
	got, want  *matcher.Page
	fast, slow time.Duration
	overlap    float64 // top-25 agreement
}

func matchBothWays(b *testing.B, env *systemtest.Env, vacancyID string) matchRun {
	b.Helper()
	ctx := context.Background()
	m := env.Sys.Matching.Matcher()
	v, err := env.Sys.Intake.Vacancy(ctx, vacancyID)
	if err != nil {
		b.Fatal(err)
	}
	r := matchRun{p: m.Profile(v)}
	r.o = matcher.Options{Criteria: matcher.DefaultCriteria(r.p), Limit: 25}
	t0 := time.Now()
	if r.got, err = m.Match(ctx, r.p, r.o); err != nil {
		b.Fatal(err)
	}
	r.fast = time.Since(t0)
	t0 = time.Now()
	if r.want, err = m.Exhaustive(ctx, r.p, r.o); err != nil {
		b.Fatal(err)
	}
	r.slow = time.Since(t0)
	r.overlap = matcher.Overlap(head(r.got.Ranked, 25), head(r.want.Ranked, 25))
	return r
}

// BenchmarkMatch asks for a vacancy's top 25 over HTTP (retrieval, scoring
// with reasons, the run record and its audit line, the people read by _id),
// for the benchmark vacancies in turn (target p95 ≤ 50 ms warm at 150,000
// CVs). BENCH_ONLY=Lager keeps the vacancies whose title holds the word (to
// profile one). It then compares, in process, the matcher against the exhaustive
// scan that scores every CV with the same function: time and top-25 overlap.
func BenchmarkMatch(b *testing.B) {
	env, k, ids := matchEnv(b)
	url := func(i int) string { return env.URL + "/api/v1/vacancies/" + ids[i%len(ids)] + "/matches?limit=25" }
	for i := range ids { // warm
		var p struct{ Total int }
		if err := getJSON(k, url(i), &p); err != nil {
			b.Fatal(err)
		}
	}
	run(b, 1, func(i int) error {
		var p struct{ Items []any }
		return getJSON(k, url(i), &p)
	})
	reportCount(b, env)

	// Retrieval against the exhaustive scan, same scoring function.
	ctx := context.Background()
	m := env.Sys.Matching.Matcher()
	var fast, slow []time.Duration
	overlap := 0.0
	for _, id := range ids {
		r := matchBothWays(b, env, id)
		fast, slow = append(fast, r.fast), append(slow, r.slow)
		if os.Getenv("BENCH_DEBUG") != "" && r.overlap < 0.5 {
			ex := matcher.NewScorer(r.p, r.o.Criteria, nil, m.Tax, m.Pool, time.Now())
			ids, _ := m.Retrieve(ctx, r.p, r.o.Criteria, 500)
			for i, id := range head(r.want.Ranked, 8) {
				f, _ := m.Pool.Get(id)
				s := ex.Score(f)
				b.Logf("  ex#%d in-retrieval=%v score=%.3f %v occ=%v", i, indexOf(ids, id), s.Score, s.Components, f.Occupations)
			}
			for i, id := range head(r.got.Ranked, 3) {
				f, _ := m.Pool.Get(id)
				s := ex.Score(f)
				b.Logf("  m#%d score=%.3f %v occ=%v", i, s.Score, s.Components, f.Occupations)
			}
		}
		overlap += r.overlap
		if os.Getenv("BENCH_VERBOSE") != "" {
			b.Logf("%-32s retrieved %5d pass %5d  match %6.1f ms  exhaustive %7.1f ms  overlap %.2f", r.p.Title, r.got.Retrieved, r.got.Total,
				ms(r.fast), ms(r.slow), r.overlap)
		}
	}
	b.ReportMetric(ms(median(fast)), "matcher_ms")
	b.ReportMetric(ms(median(slow)), "exhaustive_ms")
	b.ReportMetric(float64(median(slow))/float64(median(fast)), "speedup")
	b.ReportMetric(overlap/float64(len(ids)), "top25_overlap")
	var mem runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&mem)
	b.ReportMetric(float64(mem.HeapInuse)/(1<<20), "heap_MiB")
	b.ReportMetric(rssMiB(), "rss_MiB")
	b.ReportMetric(procStatusMiB("RssAnon:"), "rss_anon_MiB")
	b.ReportMetric(procStatusMiB("RssFile:"), "rss_file_MiB")
	b.ReportMetric(float64(mem.Sys)/(1<<20), "go_sys_MiB")
	if f := os.Getenv("BENCH_HEAPPROFILE"); f != "" {
		out, err := os.Create(f)
		if err != nil {
			b.Fatal(err)
		}
		defer out.Close()
		if err := pprof.WriteHeapProfile(out); err != nil {
			b.Fatal(err)
		}
	}
}

func head(s []string, n int) []string {
	if len(s) > n {
		return s[:n]
	}
	return s
}

func ms(d time.Duration) float64 { return float64(d.Microseconds()) / 1000 }

func median(ds []time.Duration) time.Duration {
	s := append([]time.Duration(nil), ds...)
	sort.Slice(s, func(i, j int) bool { return s[i] < s[j] })
	return s[len(s)/2]
}

// rssMiB is the resident memory of this process (service and load
// generator together).
func rssMiB() float64 { return procStatusMiB("VmRSS:") }

// procStatusMiB reads one of /proc/self/status's kB lines: VmRSS (all
// resident pages), RssAnon (the heap, sqlite's caches, stacks) or RssFile
// (pages of mapped files: bleve's segments, which the kernel can drop).
func procStatusMiB(key string) float64 {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, l := range strings.Split(string(b), "\n") {
		if f := strings.Fields(l); len(f) >= 2 && f[0] == key {
			kb, _ := strconv.ParseFloat(f[1], 64)
			return kb / 1024
		}
	}
	return 0
}

func indexOf(s []string, v string) int {
	for i, x := range s {
		if x == v {
			return i
		}
	}
	return -1
}
