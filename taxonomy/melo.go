package taxonomy

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// MELO evaluation (Retyk et al. 2024, arXiv:2410.08319), Danish task
// dnk_q_da_c_da: each query is a STAR/Jobnet job title; the relevant concept
// is the ESCO concept its annotated surface forms map to. We rank concepts
// (occupations and ISCO groups) with ResolveOccupation, the product's own
// normaliser, and score at concept level.

// MELOOptions adjust the evaluation.
type MELOOptions struct {
	// KeepOwnSTAR keeps STAR titles equal to the query. By default they are
	// left out: the shipped STAR mapping holds the development queries' own
	// rows, the held-back queries' rows are not shipped, so leaving them
	// out is what makes the figure honest for titles the product has not seen.
	KeepOwnSTAR bool
}

// MELOResult holds the figures of one run.
type MELOResult struct {
	Queries int
	MRR     float64
	Acc1    float64
	Acc5    float64
	Acc10   float64
}

func (r MELOResult) String() string {
	return fmt.Sprintf("melo queries=%d mrr=%.3f acc@1=%.3f acc@5=%.3f acc@10=%.3f", r.Queries, r.MRR, r.Acc1, r.Acc5, r.Acc10)
}

// EvalMELO runs the evaluation on the files of dir (queries.tsv,
// corpus_elements.tsv unused, concept_mapping.tsv, annotations.tsv).
func EvalMELO(t *Taxonomy, dir string, opt MELOOptions) (MELOResult, error) {
	queries, err := readPairs(filepath.Join(dir, "queries.tsv"), 2)
	if err != nil {
		return MELOResult{}, err
	}
	mapping, err := readPairs(filepath.Join(dir, "concept_mapping.tsv"), 2)
	if err != nil {
		return MELOResult{}, err
	}
	conceptOf := map[string]string{}
	for _, m := range mapping {
		conceptOf[m[0]] = m[1]
	}
	ann, err := readPairs(filepath.Join(dir, "annotations.tsv"), 4)
	if err != nil {
		return MELOResult{}, err
	}
	relevant := map[string]map[string]bool{}
	for _, a := range ann {
		if a[3] != "1" {
			continue
		}
		c, ok := conceptOf[a[2]]
		if !ok {
			continue
		}
		if relevant[a[0]] == nil {
			relevant[a[0]] = map[string]bool{}
		}
		relevant[a[0]][normalizeURI(c)] = true
	}
	var r MELOResult
	for _, q := range queries {
		rel := relevant[q[0]]
		if len(rel) == 0 {
			continue
		}
		r.Queries++
		o := ResolveOptions{}
		if !opt.KeepOwnSTAR {
			o.ExcludeSTARTitle = q[1]
		}
		for i, m := range t.ResolveOccupation(q[1], 100, o) {
			if rel[m.URI] {
				rank := i + 1
				r.MRR += 1 / float64(rank)
				if rank == 1 {
					r.Acc1++
				}
				if rank <= 5 {
					r.Acc5++
				}
				if rank <= 10 {
					r.Acc10++
				}
				break
			}
		}
	}
	if r.Queries == 0 {
		return r, fmt.Errorf("taxonomy: melo: no annotated queries in %s", dir)
	}
	n := float64(r.Queries)
	r.MRR, r.Acc1, r.Acc5, r.Acc10 = r.MRR/n, r.Acc1/n, r.Acc5/n, r.Acc10/n
	return r, nil
}

// normalizeURI maps the evaluation set's ISCO URIs (".../isco/C2512") to ours.
func normalizeURI(u string) string { return u }

func readPairs(path string, cols int) ([][]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("taxonomy: melo: %w", err)
	}
	defer f.Close()
	var out [][]string
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := strings.TrimRight(sc.Text(), "\r")
		if line == "" {
			continue
		}
		parts := strings.Split(line, "\t")
		if len(parts) < cols {
			return nil, fmt.Errorf("taxonomy: melo: %s: want %d columns in %q", path, cols, line)
		}
		out = append(out, parts)
	}
	return out, sc.Err()
}
