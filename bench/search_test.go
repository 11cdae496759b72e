package bench

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"slices"
	"strconv"
	"testing"
	"time"

	"jobmatch/demo"
	"jobmatch/index"
	"jobmatch/internal/memlimit"
	"jobmatch/system/systemtest"
)

// candidateEnv starts the service with CVs: BENCH_DATA_DIR reuses a data
// directory filled by `jobmatch demo --candidates 150000 --data-dir DIR`
// (the figures in docs/benchmarks.md), otherwise BENCH_CANDIDATES (default
// 10,000) demo CVs are imported into a fresh directory first.
func candidateEnv(b *testing.B) (*systemtest.Env, *systemtest.Client) {
	b.Helper()
	// The memory limit the command sets (cmd/jobmatch), so rss_MiB is the
	// product's.
	if _, err := memlimit.Apply(os.Getenv("JOBMATCH_MEMORY_LIMIT")); err != nil {
		b.Fatal(err)
	}
	env := systemtest.Start(b, systemtest.Options{DataDir: os.Getenv("BENCH_DATA_DIR")})
	if os.Getenv("BENCH_DATA_DIR") == "" {
		n := 10000
		if v, err := strconv.Atoi(os.Getenv("BENCH_CANDIDATES")); err == nil {
			n = v
		}
		if _, err := demo.LoadCandidates(context.Background(), env.Sys, n, 1, nil); err != nil {
			b.Fatal(err)
		}
	}
	if err := env.Sys.Syncer.CatchUp(context.Background()); err != nil {
		b.Fatal(err)
	}
	// The taxonomy builds its lexicons on first use: build them before the
	// first request, which on a busy machine would otherwise outlast the
	// client's timeout.
	env.Sys.Taxonomy.ResolveOccupation("lager", 1)
	env.Sys.Taxonomy.NormalizeSkill("truck")
	return env, env.Login("konsulent@demo.local")
}

// searchQueries are what consultants type: titles in Danish and English,
// synonyms, skills, and the usual filters.
var searchQueries = []string{
	"q=sygeplejerske",
	"q=social-+og+sundhedsassistent&near=8000&radius_km=30",
	"q=SOSU&consent=true",
	"q=t%C3%B8mrer&near=6400&radius_km=50&licence=B",
	"q=software+developer",
	"q=lagermedarbejder&available_before=2026-12-31",
	"q=chauff%C3%B8r&licence=C",
	"skills=customer+service&near=2100&radius_km=20",
	"q=kok&language=da:B2",
	"q=p%C3%A6dagog&target_group=close_to_job&sort=-updated_at",
	"q=elektriker&eligibility=loentilskud",
	"q=regnskab+bogholder",
}

func getJSON(client *systemtest.Client, u string, out any) error {
	req, _ := http.NewRequest("GET", u, nil)
	req.Header.Set("Authorization", "Bearer "+client.Token)
	res, err := client.HTTP.Do(req)
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != http.StatusOK {
		return fmt.Errorf("GET %s: %d", u, res.StatusCode)
	}
	return json.NewDecoder(res.Body).Decode(out)
}

// BenchmarkSearch runs typical consultant searches over HTTP, with facets,
// hits read back from the store by _id and the audit line written (target
// p95 ≤ 50 ms at 150,000 CVs). BENCH_WORKERS sets concurrent clients (1);
// BENCH_FACETS=1 asks for facet counts too, as the search page does.
func BenchmarkSearch(b *testing.B) {
	env, k := candidateEnv(b)
	workers := 1
	if v, err := strconv.Atoi(os.Getenv("BENCH_WORKERS")); err == nil && v > 0 {
		workers = v
	}
	base := env.URL + "/api/v1/candidates/search?limit=25&"
	if os.Getenv("BENCH_FACETS") != "" {
		base += "facets=true&" // as the search page asks
	}
	queries := searchQueries
	if q := os.Getenv("BENCH_QUERY"); q != "" {
		queries = []string{q}
	}
	var hits int64
	for _, q := range queries { // warm caches; make sure each query finds someone
		var r struct{ Total int64 }
		if err := getJSON(k, base+q, &r); err != nil {
			b.Fatal(err)
		}
		hits += r.Total
	}
	if hits == 0 {
		b.Fatal("the queries find nobody")
	}
	perQuery := make([]Latencies, len(queries))
	run(b, workers, func(i int) error {
		var r struct{ Total int64 }
		t0 := time.Now()
		err := getJSON(k, base+queries[i%len(queries)], &r)
		perQuery[i%len(queries)].Add(time.Since(t0))
		return err
	})
	if os.Getenv("BENCH_VERBOSE") != "" && b.N > 1 { // which queries make the tail
		for i, q := range queries {
			fmt.Fprintf(os.Stderr, "%-60s p50 %6.1f ms  p95 %6.1f ms\n", q, perQuery[i].Percentile(0.50), perQuery[i].Percentile(0.95))
		}
	}
	reportCount(b, env)
}

// BenchmarkWriteToSearchable posts a CV through the API and polls search
// until it is found: the time from the write to the index (target p95 ≤ 1 s).
func BenchmarkWriteToSearchable(b *testing.B) {
	env, k := candidateEnv(b)
	var lat Latencies
	b.ResetTimer()
	start := time.Now()
	for i := 0; i < b.N; i++ {
		word := "mærkeord" + strconv.FormatInt(time.Now().UnixNano(), 36)
		body := map[string]any{"external_ref": "BENCH-" + word, "name": "Bench Borger", "postal_code": "8000",
			"target_group": "close_to_job", "desired_occupations": []string{"lagermedarbejder"}, "skills": []string{"truckkørsel"},
			"summary": "Kodeord " + word}
		t0 := time.Now()
		res := k.Do("POST", "/api/v1/candidates", body, nil)
		if res.StatusCode != http.StatusCreated {
			b.Fatalf("create: %d %s", res.StatusCode, res.Body)
		}
		u := env.URL + "/api/v1/candidates/search?q=" + url.QueryEscape(word)
		for {
			var r struct{ Total int64 }
			if err := getJSON(k, u, &r); err != nil {
				b.Fatal(err)
			}
			if r.Total == 1 {
				break
			}
			if time.Since(t0) > 30*time.Second {
				b.Fatal("not searchable after 30 s")
			}
			time.Sleep(2 * time.Millisecond)
		}
		lat.Add(time.Since(t0))
	}
	lat.Report(b, time.Since(start))
	reportCount(b, env)
}

// reportCount adds the number of indexed CVs to the figures.
func reportCount(b *testing.B, env *systemtest.Env) {
	n, _ := env.Sys.Index.Count()
	b.ReportMetric(float64(n), "cvs")
}

// BenchmarkSearchWords compares, in the same run and interleaved query by
// query, the index's search of the typical queries' text with the everyday
// reading of words (compounds, spellings, typos; what the API does) and
// without it (the analysed fields only, as before issue 11), so a busy
// machine slows both alike. It reports p50/p95 of each in process.
func BenchmarkSearchWords(b *testing.B) {
	env, _ := candidateEnv(b)
	var texts []string
	for _, q := range searchQueries {
		v, _ := url.ParseQuery(q)
		if t := v.Get("q"); t != "" {
			texts = append(texts, t)
		}
	}
	// And as they type them: inflected, misspelt, without æ/ø/å, split.
	texts = append(texts, "tømrere", "pedagog", "lager arbejder", "sygeplejeske", "paedagog", "butiks assistent")
	var plain, words []time.Duration
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text := texts[i%len(texts)]
		for _, everyday := range []bool{i%2 == 0, i%2 != 0} {
			t0 := time.Now()
			if _, err := env.Sys.Index.Search(ctx, index.Query{Text: text, Everyday: everyday, Size: 25}); err != nil {
				b.Fatal(err)
			}
			if everyday {
				words = append(words, time.Since(t0))
			} else {
				plain = append(plain, time.Since(t0))
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(pct(plain, 0.50), "plain_p50_ms")
	b.ReportMetric(pct(plain, 0.95), "plain_p95_ms")
	b.ReportMetric(pct(words, 0.50), "words_p50_ms")
	b.ReportMetric(pct(words, 0.95), "words_p95_ms")
}

// pct is the p-th percentile of d in milliseconds (d is sorted).
func pct(d []time.Duration, p float64) float64 {
	slices.Sort(d)
	return float64(d[int(p*float64(len(d)-1))].Microseconds()) / 1000
}

// BenchmarkSearchAllWords: queries of several words as consultants type
// them, with every word asked of each CV (Query.AllWords; "kok tjener",
// which no CV holds both of, searches a second time for either) and
// without (any word), interleaved query by query. Reports both
// percentiles and their ratio.
func BenchmarkSearchAllWords(b *testing.B) {
	env, _ := candidateEnv(b)
	texts := []string{"erfaren kok", "lager arbejder", "truck lager", "rengøring ukrainsk", "pædagog med kørekort",
		"butiks assistent", "kok eller tjener", "sosu assistent", "ufaglært lager", "kok tjener", "erfaren medarbejder", "smed svejser"}
	var anyWord, all []time.Duration
	ctx := context.Background()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		text := texts[i%len(texts)]
		for _, every := range []bool{i%2 == 0, i%2 != 0} {
			t0 := time.Now()
			if _, err := env.Sys.Index.Search(ctx, index.Query{Text: text, Everyday: true, AllWords: every, Size: 25}); err != nil {
				b.Fatal(err)
			}
			if every {
				all = append(all, time.Since(t0))
			} else {
				anyWord = append(anyWord, time.Since(t0))
			}
		}
	}
	b.StopTimer()
	b.ReportMetric(pct(anyWord, 0.50), "any_p50_ms")
	b.ReportMetric(pct(anyWord, 0.95), "any_p95_ms")
	b.ReportMetric(pct(all, 0.50), "all_p50_ms")
	b.ReportMetric(pct(all, 0.95), "all_p95_ms")
	b.ReportMetric(pct(all, 0.50)/pct(anyWord, 0.50), "all/any_p50")
}
