package demo

import (
	"io"
	"testing"

	"jobmatch/taxonomy"
)

// BenchmarkGenerate measures writing CVs as NDJSON once the taxonomy is
// loaded: the per-CV cost that `jobmatch demo --candidates 150000` pays.
func BenchmarkGenerate(b *testing.B) {
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	g := NewGenerator(tax, 1)
	_ = WriteNDJSON(io.Discard, g, 2000) // warm the title memo
	b.ReportAllocs()
	b.ResetTimer()
	if err := WriteNDJSON(io.Discard, g, b.N); err != nil {
		b.Fatal(err)
	}
}
