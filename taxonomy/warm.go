package taxonomy

import "sync"

// Warm builds everything the taxonomy otherwise builds on first use: the
// occupation and skill lexicons behind NormalizeOccupation, NormalizeSkill
// and the Resolve functions, the autocomplete lists and the compact concept
// ids. Built lazily, the first request after a start paid for them (5–12 s
// for the occupation lexicon on a busy machine) while the service already
// said it was ready; the service calls Warm before /readyz says so. The
// parts are independent and built concurrently. Safe to call more than once.
func (t *Taxonomy) Warm() {
	var wg sync.WaitGroup
	for _, f := range []func(){
		func() { t.occupations() },
		func() { t.skills() },
		func() { t.idsOnce.Do(t.buildIDs) },
		func() { t.SuggestOccupations("a", "da", 1) },
		func() { t.SuggestOccupations("a", "en", 1) },
		func() { t.SuggestSkills("a", 1) },
		func() { t.EndsADanishWord("") },
		func() { t.InDanishDictionary("") },
		func() { t.IsAnEnglishWord("") },
	} {
		wg.Add(1)
		go func() { defer wg.Done(); f() }()
	}
	wg.Wait()
}
