package companyindex

import (
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"sync"
	"testing"
)

// fixture is a small set of companies covering the Danish spellings, legal
// forms and CVR digit patterns the tests need.
var fixture = []Entry{
	{CVR: "12345670", Name: "Vestjysk Bilcenter A/S", PostalCode: "6900", City: "Skjern", ContactID: "u1", ContactName: "Mette Holm"},
	{CVR: "12346001", Name: "Bilcenter Vest ApS", PostalCode: "6700", City: "Esbjerg", ContactID: "u2", ContactName: "Lars Bach"},
	{CVR: "23456781", Name: "Århus Tømrer ApS", PostalCode: "8000", City: "Aarhus C", ContactID: "u1", ContactName: "Mette Holm"},
	{CVR: "34567812", Name: "Søndergård VVS I/S", PostalCode: "7400", City: "Herning", ContactID: "u3", ContactName: "Jens Lund"},
	{CVR: "45678123", Name: "Møller & Søn Transport", PostalCode: "7100", City: "Vejle", ContactID: "u2", ContactName: "Lars Bach"},
	{CVR: "56781234", Name: "Vestergaard Rengøring IVS", PostalCode: "9000", City: "Aalborg", ContactID: "u3", ContactName: "Jens Lund"},
	{CVR: "67812345", Name: "Hansens Is", PostalCode: "2100", City: "København Ø", ContactID: "u1", ContactName: "Mette Holm"},
	{CVR: "78123456", Name: "Nordjysk Consult P/S", PostalCode: "9800", City: "Hjørring", ContactID: "u2", ContactName: "Lars Bach"},
	{CVR: "81234567", Name: "Dansk Andels Slagteri a.m.b.a.", PostalCode: "8900", City: "Randers C", ContactID: "u3", ContactName: "Jens Lund"},
	{CVR: "99123400", Name: "Jensen", PostalCode: "5000", City: "Odense C", ContactID: "u1", ContactName: "Mette Holm"},
	{CVR: "99123401", Name: "Jensen Bageri", PostalCode: "5000", City: "Odense C", ContactID: "u1", ContactName: "Mette Holm"},
	{CVR: "99123402", Name: "Jensen VVS K/S", PostalCode: "5000", City: "Odense C", ContactID: "u1", ContactName: "Mette Holm"},
	{CVR: "91234500", Name: "Aalborg Rengøring", PostalCode: "9000", City: "Aalborg", ContactID: "u2", ContactName: "Lars Bach"},
	{CVR: "31234599", Name: "A.P. Møller - Mærsk A/S", PostalCode: "1098", City: "København K", ContactID: "u3", ContactName: "Jens Lund"},
	{CVR: "55555551", Name: "Kolding Maler", PostalCode: "6000", City: "Kolding", ContactID: "u2", ContactName: "Lars Bach"},
	{CVR: "55555550", Name: "Kolding Murer", PostalCode: "6000", City: "Kolding", ContactID: "u2", ContactName: "Lars Bach"},
}

func newFixture(t testing.TB) *Index {
	t.Helper()
	ix := New()
	ix.PutAll(fixture)
	if ix.Len() != len(fixture) {
		t.Fatalf("Len = %d, want %d", ix.Len(), len(fixture))
	}
	return ix
}

func cvrs(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = h.CVR
	}
	return out
}

// checkOrder verifies the invariants every result list has: scores never
// increase, and full hits come before fuzzy ones.
func checkOrder(t *testing.T, q string, hits []Hit) {
	t.Helper()
	for i := 1; i < len(hits); i++ {
		if hits[i].Score > hits[i-1].Score {
			t.Errorf("%q: hit %d (%s %.3f) scores above hit %d (%s %.3f)",
				q, i, hits[i].Name, hits[i].Score, i-1, hits[i-1].Name, hits[i-1].Score)
		}
		if hits[i-1].Match == MatchFuzzy && hits[i].Match != MatchFuzzy {
			t.Errorf("%q: %s hit %q after fuzzy hit %q", q, hits[i].Match, hits[i].Name, hits[i-1].Name)
		}
	}
}

func TestSearchCVR(t *testing.T) {
	ix := newFixture(t)
	tests := []struct {
		q          string
		wantPrefix []string // in this order, first
		wantAfter  []string // in this order, after the prefix hits
	}{
		{"1234", []string{"12345670", "12346001"},
			[]string{"31234599", "56781234", "67812345", "78123456", "81234567", "91234500", "99123400", "99123401"}},
		{"1234 56", []string{"12345670"}, []string{"78123456", "81234567"}},
		{"12 34 56", []string{"12345670"}, []string{"78123456", "81234567"}},
		{"9912340", []string{"99123400", "99123401", "99123402"}, nil},
		{"4567", []string{"45678123"}, []string{"12345670", "23456781", "34567812", "81234567"}},
		{"12345670", []string{"12345670"}, nil},
		{"DK 1234 5670", []string{"12345670"}, nil},
		{"dk12345670", []string{"12345670"}, nil},
		{"123456700", nil, nil},
		{"0000", nil, nil},
	}
	for _, tt := range tests {
		t.Run(tt.q, func(t *testing.T) {
			hits := ix.Search(tt.q, 10)
			want := append(slices.Clone(tt.wantPrefix), tt.wantAfter...)
			if got := cvrs(hits); !slices.Equal(got, want) {
				t.Fatalf("Search(%q) = %v, want %v", tt.q, got, want)
			}
			checkOrder(t, tt.q, hits)
			for i, h := range hits {
				if h.Match != MatchCVR {
					t.Errorf("hit %d Match = %q, want cvr", i, h.Match)
				}
				prefix := i < len(tt.wantPrefix)
				if prefix && h.Score < 2 || !prefix && h.Score >= 2 {
					t.Errorf("hit %d (%s) score %.3f, prefix match %v", i, h.CVR, h.Score, prefix)
				}
			}
		})
	}
	if hits := ix.Search("12345670", 1); len(hits) != 1 || hits[0].Score != 3 {
		t.Errorf("exact CVR: got %+v, want one hit scoring 3", hits)
	}
}

func TestSearchName(t *testing.T) {
	ix := newFixture(t)
	tests := []struct {
		name  string
		q     string
		first []string // the first hits, in order
		match string   // Match of the first hit
		has   []string // further CVRs that must be among the hits
		not   []string // CVRs that must not be among the hits
	}{
		// Prefixes of every token; all tokens required for a full hit.
		{"token prefixes", "vest bil", []string{"12346001", "12345670"}, MatchName, nil, nil},
		{"prefixes any order", "bil vestj", []string{"12345670"}, MatchName, nil, nil},
		{"case", "VESTJYSK bilCENTER", []string{"12345670"}, MatchName, nil, nil},
		{"one letter", "v", nil, MatchName, []string{"12345670", "12346001", "56781234", "34567812"}, nil},

		// Danish folding.
		{"aa for å", "Aarhus", []string{"23456781"}, MatchName, nil, nil},
		{"a for å", "arhus tomrer", []string{"23456781"}, MatchName, nil, nil},
		{"å as typed", "Århus", []string{"23456781"}, MatchName, nil, nil},
		{"oe aa for ø å", "sondergaard", []string{"34567812"}, MatchName, nil, nil},
		{"oe aa for ø å, capitals", "SOENDERGAARD vvs", []string{"34567812"}, MatchName, nil, nil},
		{"o a for ø å", "Sondergard", []string{"34567812"}, MatchName, nil, nil},
		{"oe for ø", "Moeller", nil, MatchName, []string{"45678123", "31234599"}, nil},
		{"o for ø", "moller", nil, MatchName, []string{"45678123", "31234599"}, nil},
		{"ae for æ", "Maersk", []string{"31234599"}, MatchName, nil, nil},
		{"aa for aa in name", "alborg reng", []string{"91234500"}, MatchName, nil, nil},
		{"ø for oe in query", "Søn", []string{"45678123"}, MatchName, nil, nil},

		// Legal forms are ignored but do not break the query.
		{"with legal form", "Vestjysk Bilcenter A/S", []string{"12345670"}, MatchName, nil, nil},
		{"other legal form", "Vestjysk Bilcenter ApS", []string{"12345670"}, MatchName, nil, nil},
		{"half-typed legal form", "Vestjysk Bilcenter A/", []string{"12345670"}, MatchName, nil, nil},
		{"bare legal form", "Vestjysk Bilcenter as", []string{"12345670"}, MatchName, nil, nil},
		{"amba", "Dansk Andels Slagteri a.m.b.a.", []string{"81234567"}, MatchName, nil, nil},
		{"word that is a legal form", "hansens is", []string{"67812345"}, MatchName, nil, nil},
		{"only a form-like word", "is", []string{"67812345"}, MatchName, nil, nil},
		{"initials", "A.P. Møller", []string{"31234599", "45678123"}, MatchName, nil, nil},

		// Ranking: whole name, then shorter name, then lower CVR.
		{"whole name first", "jensen", []string{"99123400", "99123401", "99123402"}, MatchName, nil, nil},
		{"shorter name first", "jen", []string{"99123400", "99123401", "99123402"}, MatchName, nil, nil},
		{"lower CVR on ties", "kold m", []string{"55555550", "55555551"}, MatchName, nil, nil},
		{"exact token over prefix", "jensen vvs", []string{"99123402"}, MatchName, nil, nil},

		// Typos.
		{"transposition", "sondregaard", []string{"34567812"}, MatchFuzzy, nil, nil},
		{"deletion", "Vestjysk Bilcentr", []string{"12345670"}, MatchFuzzy, nil, nil},
		{"substitution", "Mpller", nil, MatchFuzzy, []string{"45678123", "31234599"}, nil},
		{"two typos, long token", "vestjzsj", []string{"12345670"}, MatchFuzzy, nil, nil},
		{"two typos, short token", "hamsem", nil, "", nil, []string{"67812345"}},
		{"no typos under 4 letters", "vvz", nil, "", nil, []string{"34567812", "99123402"}},
		{"one token missing", "vestjysk transport", nil, MatchFuzzy, []string{"12345670", "45678123"}, nil},

		// The name as a caller says it: definite, plural definite, genitive.
		{"definite of a name's word", "transporten", []string{"45678123"}, MatchName, nil, nil},
		{"definite", "slagteriet", []string{"81234567"}, MatchName, nil, nil},
		{"genitive", "jensens bageri", []string{"99123401"}, MatchName, nil, nil},
		{"definite, two words", "vestjysk bilcenteret", []string{"12345670"}, MatchName, nil, nil},

		{"no match", "zzzz qqqq", nil, "", nil, fixtureCVRs()},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			hits := ix.Search(tt.q, 20)
			checkOrder(t, tt.q, hits)
			got := cvrs(hits)
			if len(got) < len(tt.first) || !slices.Equal(got[:len(tt.first)], tt.first) {
				t.Fatalf("Search(%q) = %v, want it to start with %v", tt.q, names(hits), tt.first)
			}
			if tt.match != "" && (len(hits) == 0 || hits[0].Match != tt.match) {
				t.Errorf("Search(%q): first hit %v, want Match %q", tt.q, hits, tt.match)
			}
			for _, c := range tt.has {
				if !slices.Contains(got, c) {
					t.Errorf("Search(%q) = %v, want %s among them", tt.q, names(hits), c)
				}
			}
			for _, c := range tt.not {
				if slices.Contains(got, c) {
					t.Errorf("Search(%q) = %v, want %s not among them", tt.q, names(hits), c)
				}
			}
		})
	}
}

func fixtureCVRs() []string {
	out := make([]string, len(fixture))
	for i, e := range fixture {
		out[i] = e.CVR
	}
	return out
}

func names(hits []Hit) []string {
	out := make([]string, len(hits))
	for i, h := range hits {
		out[i] = fmt.Sprintf("%s %q %s %.3f", h.CVR, h.Name, h.Match, h.Score)
	}
	return out
}

func TestSearchScores(t *testing.T) {
	ix := newFixture(t)
	whole := ix.Search("Vestjysk Bilcenter", 1)
	prefix := ix.Search("Vestjysk Bil", 1)
	fuzzy := ix.Search("Vestjysk Bilcentr", 1)
	if len(whole) != 1 || len(prefix) != 1 || len(fuzzy) != 1 {
		t.Fatalf("got %v, %v, %v, want one hit each", whole, prefix, fuzzy)
	}
	if !(whole[0].Score > prefix[0].Score && prefix[0].Score > fuzzy[0].Score) {
		t.Errorf("scores whole %.3f, prefix %.3f, fuzzy %.3f: want decreasing",
			whole[0].Score, prefix[0].Score, fuzzy[0].Score)
	}
	if whole[0].Match != MatchName || prefix[0].Match != MatchName || fuzzy[0].Match != MatchFuzzy {
		t.Errorf("matches %q, %q, %q", whole[0].Match, prefix[0].Match, fuzzy[0].Match)
	}
	if whole[0].ContactID != "u1" || whole[0].ContactName != "Mette Holm" || whole[0].City != "Skjern" {
		t.Errorf("hit entry = %+v, want the full entry", whole[0].Entry)
	}
}

func TestSearchEmpty(t *testing.T) {
	ix := newFixture(t)
	for _, q := range []string{"", "   ", "\t", "-", "&", "A/S", "ApS", "a.m.b.a.", "/.'"} {
		if hits := ix.Search(q, 10); len(hits) != 0 {
			t.Errorf("Search(%q) = %v, want nothing", q, names(hits))
		}
	}
	if hits := New().Search("jensen", 10); len(hits) != 0 {
		t.Errorf("empty index: got %v", hits)
	}
	if hits := New().Search("1234", 10); len(hits) != 0 {
		t.Errorf("empty index: got %v", hits)
	}
}

func TestSearchLimit(t *testing.T) {
	ix := New()
	ix.PutAll(Synthetic(2000, 1))
	tests := []struct {
		q     string
		limit int
		want  int
	}{
		{"a", 0, DefaultLimit},
		{"a", -5, DefaultLimit},
		{"a", 3, 3},
		{"a", 50, 50},
		{"1", 25, 25},
		{"2", 1, 1},
		{"vestjysk", 1000, 0}, // filled in below: every hit, whatever the count
	}
	for _, tt := range tests {
		hits := ix.Search(tt.q, tt.limit)
		if tt.want == 0 {
			if len(hits) == 0 || len(hits) == tt.limit {
				t.Errorf("Search(%q, %d): %d hits, want some but fewer than the limit", tt.q, tt.limit, len(hits))
			}
			continue
		}
		if len(hits) != tt.want {
			t.Errorf("Search(%q, %d): %d hits, want %d", tt.q, tt.limit, len(hits), tt.want)
		}
	}
	// A smaller limit returns a prefix of a larger one.
	for _, q := range []string{"jen", "vest bil", "1234", "sondergard"} {
		small, large := ix.Search(q, 5), ix.Search(q, 40)
		if len(small) > len(large) || !slices.Equal(cvrs(small), cvrs(large)[:len(small)]) {
			t.Errorf("Search(%q): limit 5 gives %v, limit 40 starts %v", q, cvrs(small), cvrs(large))
		}
	}
}

func TestPutReplace(t *testing.T) {
	ix := newFixture(t)
	if hits := ix.Search("vestjysk", 10); len(hits) == 0 || hits[0].CVR != "12345670" {
		t.Fatalf("before: %v", names(hits))
	}
	ix.Put(Entry{CVR: "12345670", Name: "Kolding Kloak ApS", ContactID: "u9"})
	if ix.Len() != len(fixture) {
		t.Errorf("Len = %d after replacing, want %d", ix.Len(), len(fixture))
	}
	for _, h := range ix.Search("vestjysk", 10) {
		if h.CVR == "12345670" {
			t.Errorf("old name still found: %v", h)
		}
	}
	hits := ix.Search("kolding kloak", 10)
	if len(hits) == 0 || hits[0].CVR != "12345670" || hits[0].ContactID != "u9" || hits[0].Score != scoreWholeName {
		t.Errorf("new name: %v", names(hits))
	}
	if e, ok := ix.Get("12345670"); !ok || e.Name != "Kolding Kloak ApS" {
		t.Errorf("Get = %+v, %v", e, ok)
	}
	if hits := ix.Search("12345670", 10); len(hits) != 1 || hits[0].Name != "Kolding Kloak ApS" {
		t.Errorf("by CVR: %v", names(hits))
	}
}

func TestPutNew(t *testing.T) {
	ix := newFixture(t)
	_ = ix.Search("jensen", 10) // build a snapshot first
	ix.Put(Entry{CVR: "4444 5555", Name: "Ærø Cykler"})
	if ix.Len() != len(fixture)+1 {
		t.Errorf("Len = %d", ix.Len())
	}
	if e, ok := ix.Get("44445555"); !ok || e.CVR != "44445555" {
		t.Errorf("Get = %+v, %v; want the CVR without spaces", e, ok)
	}
	if hits := ix.Search("aero cyk", 10); len(hits) == 0 || hits[0].CVR != "44445555" {
		t.Errorf("Search after Put: %v", names(hits))
	}
	ix.Put(Entry{Name: "No CVR"})
	if ix.Len() != len(fixture)+1 {
		t.Errorf("entry without CVR was stored")
	}
}

func TestDelete(t *testing.T) {
	ix := newFixture(t)
	ix.Delete("23456781")
	ix.Delete("00000000") // absent: no-op
	if ix.Len() != len(fixture)-1 {
		t.Errorf("Len = %d, want %d", ix.Len(), len(fixture)-1)
	}
	if _, ok := ix.Get("23456781"); ok {
		t.Error("Get finds the deleted entry")
	}
	for _, q := range []string{"aarhus", "2345 6781", "tomrer"} {
		for _, h := range ix.Search(q, 10) {
			if h.CVR == "23456781" {
				t.Errorf("Search(%q) finds the deleted entry", q)
			}
		}
	}
	ix.Delete("1234 5670")
	if _, ok := ix.Get("12345670"); ok {
		t.Error("Delete with spaces in the CVR did not delete")
	}
}

func TestGet(t *testing.T) {
	ix := newFixture(t)
	for _, want := range fixture {
		got, ok := ix.Get(want.CVR)
		if !ok || got != want {
			t.Errorf("Get(%s) = %+v, %v", want.CVR, got, ok)
		}
	}
	if _, ok := ix.Get("99999999"); ok {
		t.Error("Get of an absent CVR reports ok")
	}
}

func TestZeroIndex(t *testing.T) {
	var ix Index
	if hits := ix.Search("jensen", 10); len(hits) != 0 || ix.Len() != 0 {
		t.Fatalf("zero Index: %v, Len %d", hits, ix.Len())
	}
	ix.Delete("12345678")
	ix.Put(Entry{CVR: "12345678", Name: "Jensen Bageri"})
	if hits := ix.Search("jens bag", 10); len(hits) != 1 || hits[0].CVR != "12345678" {
		t.Errorf("zero Index after Put: %v", hits)
	}
}

func TestPutAllDuplicates(t *testing.T) {
	ix := New()
	ix.PutAll([]Entry{
		{CVR: "11111111", Name: "First"},
		{CVR: "11111111", Name: "Second"},
		{CVR: "", Name: "Nothing"},
	})
	if ix.Len() != 1 {
		t.Fatalf("Len = %d, want 1", ix.Len())
	}
	if e, _ := ix.Get("11111111"); e.Name != "Second" {
		t.Errorf("Name = %q, want the last one", e.Name)
	}
}

func TestLazyRebuild(t *testing.T) {
	ix := newFixture(t)
	s1 := ix.current()
	if s2 := ix.current(); s2 != s1 {
		t.Error("snapshot rebuilt without changes")
	}
	ix.Put(fixture[0]) // unchanged entry
	if s2 := ix.current(); s2 != s1 {
		t.Error("snapshot rebuilt after putting an unchanged entry")
	}
	ix.Put(Entry{CVR: "10000000", Name: "Ny"})
	s3 := ix.current()
	if s3 == s1 {
		t.Error("snapshot not rebuilt after Put")
	}
	if len(s3.docs) != len(fixture)+1 {
		t.Errorf("snapshot has %d docs", len(s3.docs))
	}
	ix.Delete("10000000")
	if s4 := ix.current(); s4 == s3 || len(s4.docs) != len(fixture) {
		t.Error("snapshot not rebuilt after Delete")
	}
}

func TestConcurrent(t *testing.T) {
	es := Synthetic(3000, 7)
	ix := New()
	ix.PutAll(es[:2000])
	var wg sync.WaitGroup
	for w := range 4 {
		wg.Go(func() {
			rng := rand.New(rand.NewPCG(uint64(w), 1))
			for i := range 200 {
				e := es[rng.IntN(len(es))]
				switch i % 3 {
				case 0:
					ix.Delete(e.CVR)
				default:
					e.Name += " Nord"
					ix.Put(e)
				}
			}
		})
	}
	queries := []string{"jen", "vest bil", "1234", "sondergard", "aarhus tom", "kolding", "ve"}
	for r := range 4 {
		wg.Go(func() {
			for i := range 200 {
				q := queries[(i+r)%len(queries)]
				checkOrder(t, q, ix.Search(q, 10))
				_ = ix.Len()
			}
		})
	}
	// A writer's own Put is visible to its next Search.
	wg.Go(func() {
		for i := range 50 {
			cvr := fmt.Sprintf("9900%04d", i)
			name := fmt.Sprintf("Zyxkompagniet %d", i)
			ix.Put(Entry{CVR: cvr, Name: name})
			hits := ix.Search(cvr, 1)
			if len(hits) != 1 || hits[0].Name != name {
				t.Errorf("Search(%s) after Put = %v", cvr, hits)
			}
		}
	})
	wg.Wait()
}

func TestNormalize(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Søndergård VVS I/S", "sondergard vvs"},
		{"Soendergaard VVS", "sondergard vvs"},
		{"Århus Tømrer ApS", "arhus tomrer"},
		{"Aarhus Tømrer", "arhus tomrer"},
		{"Møller", "moller"},
		{"MOELLER", "moller"},
		{"Bækgaard", "baekgard"},
		{"Jensen's Bageri ApS.", "jensens bageri"},
		{"A.P. Møller - Mærsk A/S", "a p moller maersk"},
		{"Hansens Is", "hansens is"},
		{"Dansk Andels Slagteri a.m.b.a.", "dansk andels slagteri"},
		{"Nordjysk Consult P/S", "nordjysk consult"},
		{"Vest K/S", "vest"},
		{"Jensen & Søn IVS", "jensen son"},
		{"Café Noir", "cafe noir"},
		{"Müller Straße", "muller strasse"},
		{"El-service 2000", "el service 2000"},
		{"  ", ""},
	}
	for _, tt := range tests {
		if got := Normalize(tt.name); got != tt.want {
			t.Errorf("Normalize(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestParseQuery(t *testing.T) {
	tests := []struct {
		q    string
		want string // tokens, optional ones with a "?"
	}{
		{"vest bil", "vest bil"},
		{"Vestjysk Bilcenter A/S", "vestjysk bilcenter"},
		{"Vestjysk Bilcenter A/", "vestjysk bilcenter a?"},
		{"Vestjysk Bilcenter aps", "vestjysk bilcenter"},
		{"Vestjysk as", "vestjysk as?"},
		{"Hansens Is", "hansens is?"},
		{"is", "is"},
		{"A/S", ""},
		{"A.P. Møller", "a? p? moller"},
	}
	for _, tt := range tests {
		var parts []string
		for _, tok := range parseQuery(tt.q) {
			s := tok.text
			if tok.optional {
				s += "?"
			}
			parts = append(parts, s)
		}
		if got := strings.Join(parts, " "); got != tt.want {
			t.Errorf("parseQuery(%q) = %q, want %q", tt.q, got, tt.want)
		}
	}
}

func TestCVRQuery(t *testing.T) {
	tests := []struct {
		q, want string
		ok      bool
	}{
		{"1234", "1234", true},
		{" 1234 56 ", "123456", true},
		{"DK12345678", "12345678", true},
		{"dk 1234", "1234", true},
		{"DK-10316766", "10316766", true},
		{"10-31-67-66", "10316766", true},
		{"10.31.67.66", "10316766", true},
		{"CVR 10316766", "10316766", true},
		{"CVR-nr. 10316766", "10316766", true},
		{"cvr:10316766", "10316766", true},
		{"Cvr nr 1031 6766", "10316766", true},
		{"cvr", "", false},
		{"+45 29 62 65 58", "", false},
		{"3F", "", false},
		{"1234a", "", false},
		{"DK", "", false},
		{"", "", false},
	}
	for _, tt := range tests {
		got, ok := cvrQuery(tt.q)
		if got != tt.want || ok != tt.ok {
			t.Errorf("cvrQuery(%q) = %q, %v; want %q, %v", tt.q, got, ok, tt.want, tt.ok)
		}
	}
}

// TestFuzzyTerms compares the trie walk with a brute-force prefix edit
// distance over a realistic dictionary.
func TestFuzzyTerms(t *testing.T) {
	s := build(records(Synthetic(3000, 3)))
	rng := rand.New(rand.NewPCG(5, 5))
	queries := []string{"vest", "sondregard", "mpller", "bilcentr", "aarhus", "xxxx", "jnsen", "tomer"}
	for range 200 {
		queries = append(queries, mutate(rng, s.terms[rng.IntN(len(s.terms))]))
	}
	for _, q := range queries {
		k := maxTypos(q)
		if k == 0 {
			continue
		}
		ids, dist := fuzzyTerms(s.terms, q, k, s.maxTerm)
		if !slices.IsSorted(ids) {
			t.Errorf("%q: ids not sorted", q)
		}
		for id, term := range s.terms {
			want := prefixDistance(q, term)
			d, ok := int(dist[id])-1, dist[id] > 0
			if ok != slices.Contains(ids, int32(id)) {
				t.Errorf("%q vs %q: ids and distances disagree", q, term)
			}
			switch {
			case want <= k && (!ok || d != want):
				t.Errorf("%q vs %q: got %d (found %v), want %d", q, term, d, ok, want)
			case want > k && ok:
				t.Errorf("%q vs %q: found at %d, want distance %d > %d", q, term, d, want, k)
			}
		}
	}
}

func records(es []Entry) []*record {
	rs := make([]*record, len(es))
	for i, e := range es {
		rs[i] = newRecord(e)
	}
	return rs
}

// mutate applies one or two random edits to s.
func mutate(rng *rand.Rand, s string) string {
	b := []byte(s)
	for range 1 + rng.IntN(2) {
		if len(b) < 2 {
			break
		}
		i := rng.IntN(len(b) - 1)
		switch rng.IntN(4) {
		case 0:
			b[i] = byte('a' + rng.IntN(26))
		case 1:
			b = append(b[:i], b[i+1:]...)
		case 2:
			b = slices.Insert(b, i, byte('a'+rng.IntN(26)))
		default:
			b[i], b[i+1] = b[i+1], b[i]
		}
	}
	return string(b)
}

// prefixDistance is the least optimal-string-alignment distance between q
// and a prefix of t, computed naively.
func prefixDistance(q, t string) int {
	best := len(q)
	for n := 1; n <= len(t); n++ {
		best = min(best, osa(q, t[:n]))
	}
	return best
}

func osa(a, b string) int {
	d := make([][]int, len(a)+1)
	for i := range d {
		d[i] = make([]int, len(b)+1)
		d[i][0] = i
	}
	for j := range d[0] {
		d[0][j] = j
	}
	for i := 1; i <= len(a); i++ {
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			d[i][j] = min(d[i-1][j]+1, d[i][j-1]+1, d[i-1][j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				d[i][j] = min(d[i][j], d[i-2][j-2]+1)
			}
		}
	}
	return d[len(a)][len(b)]
}

func TestSynthetic(t *testing.T) {
	a, b := Synthetic(1000, 42), Synthetic(1000, 42)
	if !slices.Equal(a, b) {
		t.Fatal("same seed, different entries")
	}
	if c := Synthetic(1000, 43); slices.Equal(a, c) {
		t.Error("different seeds, same entries")
	}
	seen := make(map[string]bool)
	for _, e := range a {
		if !validCVR(e.CVR) {
			t.Errorf("invalid CVR %q", e.CVR)
		}
		if seen[e.CVR] {
			t.Errorf("duplicate CVR %s", e.CVR)
		}
		seen[e.CVR] = true
		if e.Name == "" || e.PostalCode == "" || e.City == "" || e.ContactID == "" || e.ContactName == "" {
			t.Errorf("incomplete entry %+v", e)
		}
	}
	if len(Synthetic(0, 1)) != 0 {
		t.Error("Synthetic(0) not empty")
	}
}

func validCVR(s string) bool {
	if len(s) != 8 || s[0] == '0' {
		return false
	}
	sum := 0
	for i := range 8 {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
		sum += int(s[i]-'0') * cvrWeights[i]
	}
	return sum%11 == 0
}

func TestSortByKey(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 9))
	v := make([]uint64, 5000)
	for i := range v {
		v[i] = rng.Uint64()>>4<<32 | uint64(i)
	}
	sortByKey(v)
	for i := 1; i < len(v); i++ {
		if a, b := v[i-1]>>32, v[i]>>32; a > b || a == b && uint32(v[i-1]) > uint32(v[i]) {
			t.Fatalf("not sorted (stably) at %d: %x, %x", i, v[i-1], v[i])
		}
	}
}

// TestDanishStems: a doubled consonant before the ending is single in the
// word ("maskinfabrikken", "hotellet"); short words keep their letters.
func TestDanishStems(t *testing.T) {
	for w, want := range map[string]string{"maskinfabrikken": "maskinfabrik", "hotellet": "hotel", "slagteriet": "slagteri", "tomrerne": "tomrer", "jensens": "jensen"} {
		if got := danishStems(w); !slices.Contains(got, want) {
			t.Errorf("danishStems(%q) = %v, want %q among them", w, got, want)
		}
	}
	if got := danishStems("isen"); len(got) != 0 {
		t.Errorf("danishStems(isen) = %v, want none (under four letters)", got)
	}
}
