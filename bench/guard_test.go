package bench

import (
	"bytes"
	"context"
	"fmt"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"runtime/pprof"
	"strconv"
	"sync"
	"testing"
	"time"

	"github.com/blevesearch/bleve/v2"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/system"
	"jobmatch/system/systemtest"
)

// BenchmarkGuard is the regression guard (issue 15 point 4): at small sizes,
// in one process and one run, it measures each headline figure beside its
// floor or exhaustive counterpart on the same store and index, and prints
// their ratio. Absolute times on shared machines move by 2× from day to day;
// a ratio to a floor measured a moment earlier does not, so a change that
// makes something slower shows as a larger ratio. Run:
//
//	go test ./bench -run XXX -bench Guard -benchtime 1x
//
// BENCH_GUARD_CVS (5,000) and BENCH_GUARD_COMPANIES (2,000) set the sizes;
// BENCH_GUARD_ONLY=import stops after the import's two lines.
// Each figure is one line (docs/benchmarks.md, "Regression guard"):
//
//	guard <figure> <product> <unit> | floor <floor> <unit> (<what the floor is>) | ratio <x>
//
// and a benchmark metric <figure>_x with the ratio (lower is better; 1.00
// is the floor itself), plus match_overlap (higher is better).
func BenchmarkGuard(b *testing.B) {
	cvs := envInt("BENCH_GUARD_CVS", 5000)
	companies := envInt("BENCH_GUARD_COMPANIES", 2000)
	ctx := context.Background()
	env := systemtest.Start(b)
	st := env.Sys.Store

	// Import: the product's path (parse, validate, normalise, store with
	// change-log entries, index, match features) against InsertMany of the
	// same documents and as many change-log entries into scratch collections.
	var ndjson bytes.Buffer
	if err := demo.WriteNDJSON(&ndjson, demo.NewGenerator(env.Sys.Taxonomy, 1), cvs); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if p := os.Getenv("BENCH_CPUPROFILE"); p != "" { // the import's profile
		f, err := os.Create(p)
		if err != nil {
			b.Fatal(err)
		}
		_ = pprof.StartCPUProfile(f)
		defer f.Close()
	}
	t0 := time.Now()
	if _, err := env.Sys.CVs.ImportCandidates(ctx, nil, bytes.NewReader(ndjson.Bytes()), "ndjson", nil); err != nil {
		b.Fatal(err)
	}
	if err := env.Sys.Syncer.CatchUp(ctx); err != nil {
		b.Fatal(err)
	}
	imported := time.Since(t0)
	pprof.StopCPUProfile()
	var docs []any
	var floorIDs []string
	var indexDocs []index.Doc
	labels := system.ConceptLabels(env.Sys.Taxonomy) // as the product's sync labels concepts
	if err := st.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		indexDocs = append(indexDocs, env.Sys.Index.DocOf(c, labels))
		c.ID = "floor-" + c.ID
		docs = append(docs, store.CandidateDocument(c)) // as the store writes it
		floorIDs = append(floorIDs, c.ID)
		return nil
	}); err != nil {
		b.Fatal(err)
	}
	if len(docs) != cvs {
		b.Fatalf("%d CVs stored, want %d", len(docs), cvs)
	}
	t0 = time.Now()
	for i := 0; i < len(docs); i += 1000 {
		part := docs[i:min(i+1000, len(docs))]
		entries := make([]any, len(part))
		for k := range part {
			entries[k] = map[string]any{"_id": int64(i + k + 1), "candidate_id": floorIDs[i+k], "op": "upsert", "at": time.Now()}
		}
		if _, err := st.C("guard_floor_candidates").InsertMany(ctx, part); err != nil {
			b.Fatal(err)
		}
		if _, err := st.C("guard_floor_changes").InsertMany(ctx, entries); err != nil {
			b.Fatal(err)
		}
	}
	floor := time.Since(t0)
	guardLine(b, "import", float64(cvs)/imported.Seconds(), float64(cvs)/floor.Seconds(), "CV/s", "InsertMany of the same documents and change entries", true)
	// The index's own floor: the same documents into a fresh bleve index of
	// the product's mapping, 1,000 per batch, nothing else running. The
	// import does both parts at once on the same cores, so against their
	// sum it shows how much of its time is neither part.
	bi, err := bleve.New(filepath.Join(b.TempDir(), "floor.bleve"), index.NewMapping())
	if err != nil {
		b.Fatal(err)
	}
	t0 = time.Now()
	for i := 0; i < len(indexDocs); i += 1000 {
		batch := bi.NewBatch()
		for k, d := range indexDocs[i:min(i+1000, len(indexDocs))] {
			if err := batch.Index(floorIDs[i+k], d); err != nil {
				b.Fatal(err)
			}
		}
		if err := bi.Batch(batch); err != nil {
			b.Fatal(err)
		}
	}
	indexFloor := time.Since(t0)
	_ = bi.Close()
	guardLine(b, "import_parts", float64(cvs)/imported.Seconds(), float64(cvs)/(floor+indexFloor).Seconds(), "CV/s",
		fmt.Sprintf("the store's floor, then bleve alone indexing the same CVs: %.1f s + %.1f s", floor.Seconds(), indexFloor.Seconds()), true)
	if os.Getenv("BENCH_GUARD_ONLY") == "import" {
		return // the import's figure alone, for comparing changes to it
	}

	// Intake: posting vacancies over HTTP, 8 clients, against one InsertOne
	// per vacancy of the stored document from 8 goroutines.
	cs := seedCompanies(b, env, companies)
	client := &http.Client{Transport: &http.Transport{MaxIdleConnsPerHost: 64}}
	posts := 400
	var ids []string
	var mu sync.Mutex
	t0 = time.Now()
	parallel(b, 8, posts, func(i int) error {
		c := cs[(i*7919)%len(cs)]
		v := systemtest.VacancyBody(c.CVR)
		v["company"].(map[string]any)["postal_code"] = c.PostalCode
		v["title"] = fmt.Sprintf("Lagermedarbejder %d", i)
		var rec struct{ ID string }
		if err := postJSON(client, env.URL+"/api/v1/vacancies", v, http.StatusCreated, &rec); err != nil {
			return err
		}
		mu.Lock()
		ids = append(ids, rec.ID)
		mu.Unlock()
		return nil
	})
	intake := time.Since(t0)
	v, err := env.Sys.Intake.Vacancy(ctx, ids[0])
	if err != nil {
		b.Fatal(err)
	}
	t0 = time.Now()
	parallel(b, 8, posts, func(i int) error {
		cp := *v
		cp.ID = fmt.Sprintf("floor-%d", i)
		_, err := st.C("guard_floor_vacancies").InsertOne(ctx, &cp)
		return err
	})
	floor = time.Since(t0)
	guardLine(b, "intake", float64(posts)/intake.Seconds(), float64(posts)/floor.Seconds(), "vacancies/s", "one InsertOne per vacancy, 8 writers", true)

	// Search: over HTTP (the query read, the index, the CVs read by _id,
	// the audit line, JSON) against the index's search alone.
	k := env.Login("konsulent@demo.local")
	queries := []string{"sygeplejerske", "SOSU", "lager", "paedagog", "software developer", "regnskab bogholder", "rengøring", "chauffør"}
	var viaHTTP, ixOnly []time.Duration
	for round := 0; round < 10; round++ {
		for _, q := range queries {
			t0 = time.Now()
			var r struct{ Total int64 }
			if err := getJSON(k, env.URL+"/api/v1/candidates/search?limit=25&q="+url.QueryEscape(q), &r); err != nil {
				b.Fatal(err)
			}
			viaHTTP = append(viaHTTP, time.Since(t0))
			t0 = time.Now()
			if _, err := env.Sys.Index.Search(ctx, index.Query{Text: q, Everyday: true, Size: 25}); err != nil {
				b.Fatal(err)
			}
			ixOnly = append(ixOnly, time.Since(t0))
		}
	}
	guardLine(b, "search", ms(median(viaHTTP)), ms(median(ixOnly)), "ms (median)", "the index's search alone", false)

	// Company lookup while typing: over HTTP against the in-memory search.
	hot := env.Login("hotline@demo.local")
	var chttp, cmem []time.Duration
	for i := 0; i < 80; i++ {
		c := cs[(i*7919)%len(cs)]
		q := []string{c.CVR[:4], string([]rune(c.Name)[:3]), c.Name}[i%3]
		t0 = time.Now()
		var p struct{ Items []any }
		if err := getJSON(hot, env.URL+"/api/v1/companies/search?q="+url.QueryEscape(q), &p); err != nil {
			b.Fatal(err)
		}
		chttp = append(chttp, time.Since(t0))
		t0 = time.Now()
		if _, err := env.Sys.CompanySearch.Search(ctx, q, 10); err != nil {
			b.Fatal(err)
		}
		cmem = append(cmem, time.Since(t0))
	}
	guardLine(b, "company_search", ms(median(chttp)), ms(median(cmem)), "ms (median)", "the in-memory company search alone", false)

	// Matching: the matcher against the exhaustive scan with the same
	// scoring function, and their top-25 agreement.
	waitForFeatures(b, env)
	var fast, slow []time.Duration
	overlap := 0.0
	matched := postBenchVacancies(b, env)
	for _, id := range matched {
		r := matchBothWays(b, env, id)
		fast, slow = append(fast, r.fast), append(slow, r.slow)
		overlap += r.overlap
	}
	guardLine(b, "match", ms(median(fast)), ms(median(slow)), "ms (median)", "the exhaustive scan, same scoring", false)
	overlap /= float64(len(matched))
	fmt.Printf("guard %-15s %10.3f %-12s | floor %10.3f %-12s (%s)\n", "match_overlap", overlap, "top-25", 1.0, "top-25", "the exhaustive scan's own top 25")
	b.ReportMetric(overlap, "match_overlap")
}

// guardLine prints one figure and reports its ratio as <name>_x. For a rate
// (higherBetter) the ratio is floor/product, for a time product/floor: in
// both, how many times the floor's cost the product pays.
func guardLine(b *testing.B, name string, product, floor float64, unit, what string, higherBetter bool) {
	ratio := product / floor
	if higherBetter {
		ratio = floor / product
	}
	fmt.Printf("guard %-15s %10.3f %-12s | floor %10.3f %-12s (%s) | ratio %.2f\n", name, product, unit, floor, unit, what, ratio)
	b.ReportMetric(ratio, name+"_x")
}

// parallel runs do(0..n-1) from workers goroutines and fails on an error.
func parallel(b *testing.B, workers, n int, do func(i int) error) {
	next := make(chan int)
	var wg sync.WaitGroup
	var once sync.Once
	var first error
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := range next {
				if err := do(i); err != nil {
					once.Do(func() { first = err })
				}
			}
		}()
	}
	for i := 0; i < n; i++ {
		next <- i
	}
	close(next)
	wg.Wait()
	if first != nil {
		b.Fatal(first)
	}
}

func envInt(name string, def int) int {
	if v, err := strconv.Atoi(os.Getenv(name)); err == nil && v > 0 {
		return v
	}
	return def
}
