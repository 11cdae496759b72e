package taxonomy

import (
	"fmt"
	"testing"
)

// TestTermsFromTheStemCache: a text's terms are the same the first time
// (stemmed) and the second (from the cache), and are the stems themselves.
func TestTermsFromTheStemCache(t *testing.T) {
	text := "Erfaren lagermedarbejder med truckcertifikat; cleaning offices and warehouses"
	first := Terms(text)
	second := Terms(text)
	if fmt.Sprint(first) != fmt.Sprint(second) {
		t.Fatalf("cached terms %v, first time %v", second, first)
	}
	want := map[string]bool{stemDA("lagermedarbejder"): true, "en:" + stemEN("warehouses"): true, stemDA("truckcertifikat"): true}
	for _, term := range second {
		delete(want, term)
	}
	if len(want) > 0 {
		t.Fatalf("terms %v lack %v", second, want)
	}
}
