package index

import (
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/blevesearch/bleve/v2"
)

func TestZZProbe(t *testing.T) {
	dir := os.Getenv("ZZ_DIR")
	if dir == "" {
		t.Skip()
	}
	b, err := bleve.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer b.Close()
	v := newVocab()
	if err := v.load(b); err != nil {
		t.Fatal(err)
	}
	for _, w := range strings.Fields(os.Getenv("ZZ_WORDS")) {
		i, ok := v.pos[w]
		d := int32(-1)
		if ok {
			d = v.words[i].docs
		}
		fmt.Printf("== %s (docs %d, skel %s)\n", w, d, Skeleton(w))
		for _, f := range v.expand(w, true) {
			fmt.Printf("   %-28s %-12s %4.1f %d\n", f.word, f.via, f.boost, f.docs)
		}
	}
}

func TestZZHeld(t *testing.T) {
	dir := os.Getenv("ZZ_DIR")
	if dir == "" {
		t.Skip()
	}
	b, _ := bleve.Open(dir)
	defer b.Close()
	v := newVocab()
	v.load(b)
	for _, w := range strings.Fields(os.Getenv("ZZ_WORDS")) {
		n := 0
		for _, o := range v.words {
			if strings.HasSuffix(o.word, w) && o.word != w {
				n++
			}
		}
		i, ok := v.pos[w]
		d := int32(-1)
		if ok {
			d = v.words[i].docs
		}
		fmt.Println(w, "docs", d, "ends", n)
	}
}
