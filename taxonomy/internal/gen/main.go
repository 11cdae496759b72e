// Command gen builds taxonomy/data from the reference data in ../shared/data:
// compact, gzip-compressed TSV files that ship in the repository and load in a
// fraction of a second. Run from the repository root:
//
//	go run ./taxonomy/internal/gen -src ../shared/data -dst taxonomy/data
package main

import (
	"compress/gzip"
	"encoding/csv"
	"flag"
	"fmt"
	"io"
	"log"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

func main() {
	src := flag.String("src", "../shared/data", "reference data directory")
	dst := flag.String("dst", "taxonomy/data", "output directory")
	flag.Parse()
	if err := run(*src, *dst); err != nil {
		log.Fatal(err)
	}
}

func readCSV(path string, fn func(rec map[string]string) error) error {
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.LazyQuotes = true
	r.FieldsPerRecord = -1
	head, err := r.Read()
	if err != nil {
		return err
	}
	for i := range head {
		head[i] = strings.TrimPrefix(head[i], "\ufeff")
	}
	for {
		rec, err := r.Read()
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return fmt.Errorf("%s: %w", path, err)
		}
		m := make(map[string]string, len(head))
		for i, h := range head {
			if i < len(rec) {
				m[h] = rec[i]
			}
		}
		if err := fn(m); err != nil {
			return err
		}
	}
}

type tsvWriter struct {
	f  *os.File
	gz *gzip.Writer
}

func newTSV(path string, header ...string) (*tsvWriter, error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, err
	}
	gz, _ := gzip.NewWriterLevel(f, gzip.BestCompression)
	w := &tsvWriter{f: f, gz: gz}
	w.row(header...)
	return w, nil
}

func clean(s string) string {
	return strings.NewReplacer("\t", " ", "\n", " ", "\r", " ").Replace(strings.TrimSpace(s))
}

func (w *tsvWriter) row(cols ...string) {
	for i := range cols {
		cols[i] = clean(cols[i])
	}
	fmt.Fprintln(w.gz, strings.Join(cols, "\t"))
}

func (w *tsvWriter) close() error {
	if err := w.gz.Close(); err != nil {
		return err
	}
	return w.f.Close()
}

func run(src, dst string) error {
	if err := os.MkdirAll(dst, 0o755); err != nil {
		return err
	}
	// Occupations: ids are the ESCO URI suffix.
	occ, err := newTSV(filepath.Join(dst, "occupations.tsv.gz"), "id", "code", "isco", "pref_en", "alt_en", "pref_da", "alt_da", "hidden_da")
	if err != nil {
		return err
	}
	danish := map[string]bool{}
	err = readCSV(filepath.Join(src, "esco/occupations.csv"), func(r map[string]string) error {
		for _, f := range []string{"description_da", "preferredLabel_da", "altLabels_da"} {
			for _, w := range strings.FieldsFunc(strings.ToLower(r[f]), func(c rune) bool { return !unicode.IsLetter(c) }) {
				if utf8.RuneCountInString(w) >= 4 {
					danish[w] = true
				}
			}
		}
		occ.row(strings.TrimPrefix(r["uri"], "http://data.europa.eu/esco/occupation/"), r["code"], r["iscoGroup"],
			r["preferredLabel_en"], r["altLabels_en"], r["preferredLabel_da"], r["altLabels_da"], r["hiddenLabels_da"])
		return nil
	})
	if err != nil {
		return err
	}
	if err := occ.close(); err != nil {
		return err
	}
	// The words of ESCO's Danish occupation descriptions and names, four
	// letters or more, sorted: the CV search's dictionary of Danish words
	// ("tilstand", "stand"), which tells a part of a compound from
	// letters inside another word.
	ww, err := newTSV(filepath.Join(dst, "words_da.tsv.gz"), "word")
	if err != nil {
		return err
	}
	for _, w := range slices.Sorted(maps.Keys(danish)) {
		ww.row(w)
	}
	if err := ww.close(); err != nil {
		return err
	}
	// Skills: numbered in file order; relations refer to the numbers.
	sk, err := newTSV(filepath.Join(dst, "skills.tsv.gz"), "id", "type", "reuse", "pref_en", "alt_en")
	if err != nil {
		return err
	}
	skillNo := map[string]int{}
	err = readCSV(filepath.Join(src, "esco/skills.csv"), func(r map[string]string) error {
		id := strings.TrimPrefix(r["uri"], "http://data.europa.eu/esco/skill/")
		skillNo[id] = len(skillNo)
		sk.row(id, r["skillType"], r["reuseLevel"], r["preferredLabel_en"], r["altLabels_en"])
		return nil
	})
	if err != nil {
		return err
	}
	if err := sk.close(); err != nil {
		return err
	}
	// Relations: one row per occupation, skill numbers space-separated.
	type rel struct{ ess, opt []string }
	rels := map[string]*rel{}
	var order []string
	err = readCSV(filepath.Join(src, "esco/occupation_skill_relations.csv"), func(r map[string]string) error {
		o := strings.TrimPrefix(r["occupationUri"], "http://data.europa.eu/esco/occupation/")
		n, ok := skillNo[strings.TrimPrefix(r["skillUri"], "http://data.europa.eu/esco/skill/")]
		if !ok {
			return nil
		}
		x := rels[o]
		if x == nil {
			x = &rel{}
			rels[o] = x
			order = append(order, o)
		}
		if r["relationType"] == "essential" {
			x.ess = append(x.ess, fmt.Sprint(n))
		} else {
			x.opt = append(x.opt, fmt.Sprint(n))
		}
		return nil
	})
	if err != nil {
		return err
	}
	rw, err := newTSV(filepath.Join(dst, "relations.tsv.gz"), "occupation", "essential", "optional")
	if err != nil {
		return err
	}
	for _, o := range order {
		rw.row(o, strings.Join(rels[o].ess, " "), strings.Join(rels[o].opt, " "))
	}
	if err := rw.close(); err != nil {
		return err
	}
	// ISCO-08 groups (levels 1-4), Danish and English.
	iw, err := newTSV(filepath.Join(dst, "isco.tsv.gz"), "code", "level", "en", "da")
	if err != nil {
		return err
	}
	err = readCSV(filepath.Join(src, "esco/isco_groups.csv"), func(r map[string]string) error {
		iw.row(r["code"], r["level"], r["preferredLabel_en"], r["preferredLabel_da"])
		return nil
	})
	if err != nil {
		return err
	}
	if err := iw.close(); err != nil {
		return err
	}
	// DISCO-08 (Statistics Denmark), Danish titles, 5 levels.
	dw, err := newTSV(filepath.Join(dst, "disco.tsv.gz"), "code", "level", "parent", "da")
	if err != nil {
		return err
	}
	err = readCSV(filepath.Join(src, "dk_occupations/disco08.csv"), func(r map[string]string) error {
		dw.row(r["code"], r["level"], r["parent_code"], r["title_da"])
		return nil
	})
	if err != nil {
		return err
	}
	if err := dw.close(); err != nil {
		return err
	}
	// STAR/Jobnet titles mapped to ESCO (occupations or ISCO groups).
	stw, err := newTSV(filepath.Join(dst, "star.tsv.gz"), "star_code", "title_da", "target", "relation")
	if err != nil {
		return err
	}
	err = readCSV(filepath.Join(src, "dk_occupations/star_esco_occupation_mapping.csv"), func(r map[string]string) error {
		t := r["esco_uri"]
		t = strings.TrimPrefix(t, "http://data.europa.eu/esco/occupation/")
		t = strings.Replace(t, "http://data.europa.eu/esco/isco/C", "isco:", 1)
		stw.row(r["star_code"], r["star_title_da"], t, strings.TrimPrefix(r["mapping_relation"], "skos:"))
		return nil
	})
	if err != nil {
		return err
	}
	return stw.close()
}
