// Package bench holds the end-to-end benchmarks: real HTTP against the whole
// service on the embedded FerretDB, with realistic volumes stored first so a
// hidden collection scan shows in the figures. Run:
//
//	go test ./bench -run XXX -bench . -benchtime 3000x
//
// Figures go to docs/benchmarks.md.
package bench

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"net/http"
	"os"
	"runtime"
	"runtime/pprof"
	"sort"
	"strconv"
	"sync"
	"testing"
	"time"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// seedCompanies stores n companies through the import path.
func seedCompanies(b *testing.B, env *systemtest.Env, n int) []companies.CompanyInput {
	b.Helper()
	r := rand.New(rand.NewPCG(7, 7))
	cs := demo.Companies(n, r)
	ctx := context.Background()
	for i := 0; i < len(cs); i += 500 {
		end := min(i+500, len(cs))
		rows := make([]companies.CompanyRow, 0, end-i)
		for _, c := range cs[i:end] {
			rows = append(rows, companies.CompanyRow{CVR: c.CVR, Name: c.Name, Address: c.Address, PostalCode: c.PostalCode, Industry: c.Industry})
		}
		if _, _, err := env.Sys.Companies.ImportCompanies(ctx, rows); err != nil {
			b.Fatal(err)
		}
	}
	return cs
}

// Latencies collects request durations and reports percentiles.
type Latencies struct {
	mu sync.Mutex
	d  []time.Duration
}

func (l *Latencies) Add(d time.Duration) { l.mu.Lock(); l.d = append(l.d, d); l.mu.Unlock() }

// Percentile is the p-th percentile (0..1) of the durations in ms.
func (l *Latencies) Percentile(p float64) float64 {
	l.mu.Lock()
	defer l.mu.Unlock()
	sort.Slice(l.d, func(i, j int) bool { return l.d[i] < l.d[j] })
	if len(l.d) == 0 {
		return 0
	}
	return float64(l.d[int(p*float64(len(l.d)-1))].Microseconds()) / 1000
}

// Report adds p50/p95/p99 in ms and requests/s to the benchmark.
func (l *Latencies) Report(b *testing.B, elapsed time.Duration) {
	b.ReportMetric(l.Percentile(0.50), "p50_ms")
	b.ReportMetric(l.Percentile(0.95), "p95_ms")
	b.ReportMetric(l.Percentile(0.99), "p99_ms")
	b.ReportMetric(float64(len(l.d))/elapsed.Seconds(), "req/s")
}

// run sends b.N requests from workers goroutines.
func run(b *testing.B, workers int, do func(i int) error) *Latencies {
	var lat Latencies
	var wg sync.WaitGroup
	next := make(chan int)
	errs := make(chan error, workers)
	if p := os.Getenv("BENCH_CPUPROFILE"); p != "" {
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		_ = pprof.StartCPUProfile(f)
		defer func() { pprof.StopCPUProfile(); f.Close() }()
	}
	// BENCH_MEMPROFILE=P writes the heap profile before the loop (P.before)
	// and after it (P): `go tool pprof -sample_index=alloc_space
	// -diff_base P.before P` shows what the measured requests allocated.
	if p := os.Getenv("BENCH_MEMPROFILE"); p != "" {
		writeHeap(b, p+".before")
		defer writeHeap(b, p)
	}
	b.ResetTimer()
	start := time.Now()
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				t0 := time.Now()
				if err := do(i); err != nil {
					errs <- err
					return
				}
				lat.Add(time.Since(t0))
			}
		}()
	}
	for i := 0; i < b.N; i++ {
		select {
		case next <- i:
		case err := <-errs:
			close(next)
			b.Fatal(err)
		}
	}
	close(next)
	wg.Wait()
	elapsed := time.Since(start)
	b.StopTimer()
	select {
	case err := <-errs:
		b.Fatal(err)
	default:
	}
	lat.Report(b, elapsed)
	return &lat
}

// postJSON posts body, wants the status want and decodes the answer into
// out when it is not nil.
func postJSON(client *http.Client, url string, body any, want int, out any) error {
	data, _ := json.Marshal(body)
	res, err := client.Post(url, "application/json", bytes.NewReader(data))
	if err != nil {
		return err
	}
	defer res.Body.Close()
	if res.StatusCode != want {
		return fmt.Errorf("POST %s: %d", url, res.StatusCode)
	}
	if out == nil {
		return nil
	}
	return json.NewDecoder(res.Body).Decode(out)
}

// BenchmarkPostVacancy posts vacancies from 16 concurrent clients with
// 20,000 companies already stored (target ≥ 300/s, p99 ≤ 100 ms).
func BenchmarkPostVacancy(b *testing.B) {
	env := systemtest.Start(b)
	cs := seedCompanies(b, env, 20000)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	url := env.URL + "/api/v1/vacancies"
	bodies := make([]map[string]any, 256)
	for i := range bodies {
		c := cs[(i*7919)%len(cs)]
		v := systemtest.VacancyBody(c.CVR)
		v["company"].(map[string]any)["postal_code"] = c.PostalCode
		v["title"] = fmt.Sprintf("Medarbejder %d", i)
		bodies[i] = v
	}
	run(b, workers(), func(i int) error { return postJSON(client, url, bodies[i%len(bodies)], http.StatusCreated, nil) })
}

// workers is the number of concurrent clients: BENCH_WORKERS, default 8.
func workers() int {
	if n, err := strconv.Atoi(os.Getenv("BENCH_WORKERS")); err == nil && n > 0 {
		return n
	}
	return 8
}

func writeHeap(b *testing.B, path string) {
	runtime.GC() // the profile's counts are as of the last collection
	f, err := os.Create(path)
	if err != nil {
		b.Fatal(err)
	}
	defer f.Close()
	if err := pprof.WriteHeapProfile(f); err != nil {
		b.Fatal(err)
	}
}
