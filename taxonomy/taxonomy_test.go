package taxonomy_test

import (
	"slices"
	"testing"
	"time"

	"jobmatch/taxonomy"
)

func TestLoad(t *testing.T) {
	start := time.Now()
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	t.Logf("loaded in %v", time.Since(start))
	if len(tx.Occupations) != 3007 || len(tx.Skills) != 13896 || len(tx.Groups) != 619 {
		t.Fatalf("counts: %d occupations, %d skills, %d groups", len(tx.Occupations), len(tx.Skills), len(tx.Groups))
	}
	o, ok := tx.Occupation(taxonomy.OccupationURIPrefix + "f2b15a0e-e65a-438a-affb-29b9d50b77d1")
	if !ok || o.LabelDA != "softwareudvikler" || o.ISCO != "2512" || len(o.Essential) == 0 {
		t.Fatalf("software developer = %+v", o)
	}
}

func TestResolveOccupation(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		title string
		want  string // preferred Danish or English label of the best match
	}{
		{"Social- og sundhedsassistent", "social- og sundhedsassistent"},
		{"SOSU-assistent", "social- og sundhedsassistent"},
		{"software developer", "software developer"},
		{"Sygeplejersker", "sygeplejerske"},
		{"Bager", "bager"},
		{"Tømrer", "tømrer"},
	}
	for _, tt := range tests {
		t.Run(tt.title, func(t *testing.T) {
			ms := tx.ResolveOccupation(tt.title, 5)
			if len(ms) == 0 {
				t.Fatal("no match")
			}
			da, en := tx.ConceptLabel(ms[0].URI, "da"), tx.ConceptLabel(ms[0].URI, "en")
			if da != tt.want && en != tt.want {
				var got []string
				for _, m := range ms {
					got = append(got, tx.ConceptLabel(m.URI, "da")+" ("+m.Form+")")
				}
				t.Fatalf("top = %q/%q; top 5 = %v", da, en, got)
			}
		})
	}
}

func TestResolveSkill(t *testing.T) {
	tx, _ := taxonomy.Default()
	ms := tx.ResolveSkill("Java", 3)
	if len(ms) == 0 || tx.ConceptLabel(ms[0].URI, "en") != "Java (computer programming)" {
		t.Fatalf("Java → %+v", ms)
	}
}

func BenchmarkResolveOccupation(b *testing.B) {
	tx, _ := taxonomy.Default()
	tx.ResolveOccupation("warmup", 1)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		tx.ResolveOccupation("Social- og sundhedsassistent", 10)
	}
}

func BenchmarkLoad(b *testing.B) {
	for i := 0; i < b.N; i++ {
		if _, err := taxonomy.Load(); err != nil {
			b.Fatal(err)
		}
	}
}

func TestShortIDsRoundTrip(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	uris := []string{tax.Occupations[0].URI, tax.Occupations[len(tax.Occupations)-1].URI, tax.Skills[0].URI, tax.Skills[len(tax.Skills)-1].URI, tax.Groups[3].URI}
	seen := map[string]bool{}
	for _, u := range uris {
		id := tax.ShortID(u)
		if id == "" || len(id) > 6 || seen[id] {
			t.Fatalf("ShortID(%s) = %q", u, id)
		}
		seen[id] = true
		if back := tax.URIOf(id); back != u {
			t.Fatalf("URIOf(%q) = %q, want %q", id, back, u)
		}
	}
	for _, bad := range []string{"", "x", "o", "s-1", "ozzzzzz", "g99999", "http://example.com/x"} {
		if u := tax.URIOf(bad); u != "" {
			t.Fatalf("URIOf(%q) = %q, want nothing", bad, u)
		}
	}
	if tax.ShortID("http://example.com/x") != "" {
		t.Fatal("unknown URI got an id")
	}
	if fp := tax.Fingerprint(); len(fp) < 8 || fp != tax.Fingerprint() {
		t.Fatalf("fingerprint %q", fp)
	}
}

// BenchmarkSuggest is the autocomplete behind the forms (target: a few
// milliseconds): prefixes of Danish titles and English skills.
func BenchmarkSuggest(b *testing.B) {
	tax, err := taxonomy.Default()
	if err != nil {
		b.Fatal(err)
	}
	occ := []string{"sy", "syge", "sosu", "tømr", "pæda", "lager", "chauf", "softw", "kok", "rengø"}
	skills := []string{"we", "weld", "custo", "java", "forkl", "patie", "clean", "accou"}
	tax.SuggestOccupations("sy", "da", 10) // build the suggesters once
	tax.SuggestSkills("we", 10)
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if i%2 == 0 {
			tax.SuggestOccupations(occ[i%len(occ)], "da", 10)
		} else {
			tax.SuggestSkills(skills[i%len(skills)], 10)
		}
	}
}

// TestNamesLoosely: a STAR title mapped to an occupation by closeMatch,
// and not one of its names, names it loosely; its own label, an exact
// STAR title, and a title of another occupation do not.
func TestNamesLoosely(t *testing.T) {
	tx, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	ssh := taxonomy.OccupationURIPrefix + "1391bdf9-bd61-4fb5-91ca-c29036ab2b60" // social- og sundhedshjælper
	for _, c := range []struct {
		uri, title string
		want       bool
	}{
		{ssh, "Handicaphjælper", true},
		{ssh, "handicaphjælper", true},
		{ssh, "Social- og sundhedshjælper", false},
		{ssh, "SOSU-hjælper", false},
		{ssh, "Lagermedarbejder", false},
		{taxonomy.OccupationURIPrefix + "f2b15a0e-e65a-438a-affb-29b9d50b77d1", "Softwareudvikler", false},
	} {
		if got := tx.NamesLoosely(c.uri, c.title); got != c.want {
			t.Errorf("NamesLoosely(%s, %q) = %v, want %v", c.uri, c.title, got, c.want)
		}
	}
}

// TestKin: the occupations of another's kind share its essential skills,
// whatever their ISCO groups, and of its minor group only those that share
// some: the køkkenchef's (3434) are the kokke (5120), not the
// scenefunktionær of its minor group 343, who shares none; the
// elevatortekniker's (7412) the elektriker (7411), not the automekaniker.
func TestKin(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	kin := func(title string) map[string]float64 {
		ms := tax.ResolveOccupation(title, 1, taxonomy.ResolveOptions{OccupationsOnly: true})
		if len(ms) == 0 {
			t.Fatalf("%s names nothing", title)
		}
		out := map[string]float64{}
		prev := 2.0
		for _, k := range tax.Kin(ms[0].URI) {
			if k.Share > prev {
				t.Errorf("%s: %s (%.2f) after %.2f, want the most shared first", title, k.Occupation.LabelDA, k.Share, prev)
			}
			prev = k.Share
			out[k.Occupation.LabelDA] = k.Share
		}
		return out
	}
	chef := kin("køkkenchef")
	if chef["kok"] < 0.4 {
		t.Errorf("køkkenchef's kin %v, want kok (0.48)", chef)
	}
	if _, ok := chef["scenefunktionær"]; ok {
		t.Errorf("køkkenchef's kin holds the scenefunktionær")
	}
	lift := kin("elevatortekniker")
	if _, ok := lift["elektriker"]; !ok {
		t.Errorf("elevatortekniker's kin %v, want the elektriker of its minor group", lift)
	}
	if _, ok := lift["automekaniker"]; ok {
		t.Errorf("elevatortekniker's kin holds the automekaniker")
	}
}

// TestKinReachesWiderForRetrieval: a sygeplejerske's eight nearest by
// essential skills are nurses of a speciality, a skeleterapeut, an
// audiolog; the social- og sundhedsassistent (0.24), whose years a
// Sygeplejerske vacancy counts, is among the 24 the matcher retrieves.
func TestKinReachesWiderForRetrieval(t *testing.T) {
	tax, err := taxonomy.Default()
	if err != nil {
		t.Fatal(err)
	}
	nurse, _, _ := tax.NormalizeOccupation("Sygeplejerske")
	ssa, _, _ := tax.NormalizeOccupation("Social- og sundhedsassistent")
	has := func(ks []taxonomy.Kinship) bool {
		return slices.ContainsFunc(ks, func(k taxonomy.Kinship) bool { return k.Occupation.URI == ssa })
	}
	if has(tax.Kin(nurse)) || !has(tax.KinN(nurse, 24)) {
		t.Errorf("social- og sundhedsassistent in Kin %v, in KinN(24) %v; want not, then yes", has(tax.Kin(nurse)), has(tax.KinN(nurse, 24)))
	}
	if k8, k24 := tax.Kin(nurse), tax.KinN(nurse, 24); len(k24) <= len(k8) || k24[0] != k8[0] {
		t.Errorf("KinN(24) %d, Kin %d: want more, the nearest first in both", len(k24), len(k8))
	}
}
