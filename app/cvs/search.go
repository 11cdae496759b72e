package cvs

import (
	"cmp"
	"context"
	"errors"
	"maps"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/index"
	"jobmatch/taxonomy"
)

// SearchParams is a consultant's CV search.
type SearchParams struct {
	Q      string
	Skills []string // skill words or concept URIs, all required when they resolve
	// SkillLabels are skills as the CVs name them, all required, each
	// exactly: values of the skills facet (skill=…).
	SkillLabels     []string
	Occupation      string // a title or concept URI
	Near            string // postal code
	Area            string // a region, landsdel or municipality (taxonomy.Area key)
	RadiusKm        float64
	AvailableBefore string
	Licences        []string
	Hours           []string // full, part: any of these
	Shifts          []string // day, evening, night, weekend: all of these
	// MinYears: at least this many years of experience in the occupation
	// the words (or Occupation) name, in all when they name none.
	MinYears int
	// NoExperience: less than a whole year of work experience in all
	// ("uden erfaring"; no_experience=true).
	NoExperience bool
	Languages    []string
	TargetGroups []string
	Eligibility  []string
	// Education: holds any of these education levels (EducationLevels)
	// or groups (index.EducationGroups: "higher", "academic").
	Education   []string
	ConsentOnly bool
	Sort        string
	// Facets asks for counts per value of the filter fields (first page only).
	Facets bool
	Limit  int
	Cursor string
	Why    string // the purpose, for the audit log (e.g. a vacancy id)
}

// SearchHit is one candidate with its score.
type SearchHit struct {
	Score     float64             `json:"score"`
	Candidate *jobmatch.Candidate `json:"candidate"`
	// ByName: found because the one word searched is the citizen's own
	// first or last name (listed first; the words of the CVs found the
	// rest: "Torben" in a former employer's "v/ Torben Knudsen").
	ByName bool `json:"by_name,omitempty"`
	// Related: found only by an occupation related to those searched
	// (the same ISCO group), named here ("tømrer" for "murer"), not by
	// the words or the occupations themselves.
	Related string `json:"related,omitempty"`
}

// SearchResult is a page of hits.
type SearchResult struct {
	Items      []SearchHit                   `json:"items"`
	NextCursor string                        `json:"next_cursor"`
	Total      int64                         `json:"total"`
	Facets     map[string][]index.FacetCount `json:"facets,omitempty"`
	// Interpreted shows the concepts the query was also read as (they add
	// CVs and raise them; the words are always searched too).
	Interpreted []Interpretation `json:"interpreted,omitempty"`
	// Tried says, per word of the query, which indexed words it reached
	// and how (word, spelling, inflection, compound, abbreviation, typo,
	// synonym), and whether every CV found holds it (required: a query
	// of several words finds the CVs that hold each of them, but for the
	// words more than a fifth of the CVs hold, which only order them).
	Tried []index.Expansion `json:"tried,omitempty"`
	// AnyWord: no CV held every word, so these hold some of them, the
	// most first.
	AnyWord bool `json:"any_word,omitempty"`
	// RequiredWords are the words every CV found holds, one list per
	// alternative ("kok eller tjener": [["kok"], ["tjener"]]);
	// CommonWords those held by more than a fifth of the CVs, which only
	// order them ("erfaring").
	RequiredWords [][]string `json:"required_words,omitempty"`
	CommonWords   []string   `json:"common_words,omitempty"`
	// Suggestions, when nobody is found, are the nearest words that do
	// find someone under the same filters, with how many.
	Suggestions []index.FacetCount `json:"suggestions,omitempty"`
	// Wider, when nobody is found near a place, says how many are found
	// further out and anywhere ("kok aarhus": nobody within 30 km).
	Wider []Wider `json:"wider,omitempty"`
	// WithoutYears, when the years of experience asked left nobody, says
	// how many the search finds without them (Q: the words without the
	// years, when they were read from the words).
	WithoutYears *Wider `json:"without_years,omitempty"`
	// Either, when a search found the CVs that hold each of its words,
	// is the same search with the words joined by "eller" ("or") and how
	// many it finds, when that is more: "bygge og anlæg" (the trade)
	// found the 6 CVs that write both words, "bygge eller anlæg" 229.
	Either *Wider `json:"either,omitempty"`
	// Related, when nobody is found or a word was found only by a part
	// ("køkkenchef" by "køkken"), are occupations a word names (in a
	// name that holds it, or ends a compound in it), the last part of a
	// compound no CV holds names, or of the same kind (its unit group,
	// the occupations that share the most essential skills, its minor
	// group), that some CV holds under the same filters: "programmør" →
	// Programmør og systemudvikler, "køkkenchef" → Kok.
	Related []Related `json:"related,omitempty"`
}

// Related is an occupation to look for instead, and how many CVs hold it
// under the same filters (the search's occupation filter, by URI).
type Related struct {
	URI   string `json:"uri"`
	Label string `json:"label"`
	Total int64  `json:"total"`
	// Name is the occupation's name that holds the word searched, when
	// it was offered for that name ("frisørelev" for "elev": Frisør).
	Name string `json:"name,omitempty"`
}

// Interpretation is a concept a search term was resolved to.
type Interpretation struct {
	Term  string `json:"term"`
	URI   string `json:"uri"`
	Label string `json:"label"`
	Via   string `json:"via"`
	// Title is the STAR/Jobnet title the text named the concept by (via
	// "star_title"): one title stands for several ESCO concepts
	// ("Ekspedient" for tøjekspedient, tekstilhandler, møbelhandler, …);
	// "native" for a language read as a mother tongue (via "language").
	Title string `json:"title,omitempty"`
	// RadiusKm is a place's radius (via "place").
	RadiusKm float64 `json:"radius_km,omitempty"`
	// rest is the text without the place and its distance (via "place").
	rest string
}

// Wider is how many CVs a search that found nobody near a place finds
// further out (RadiusKm) or anywhere (RadiusKm 0; Q is then the query
// without the place when the place was read from the words).
type Wider struct {
	RadiusKm float64 `json:"radius_km,omitempty"`
	Total    int64   `json:"total"`
	Q        string  `json:"q,omitempty"`
}

// Search finds candidates in the index and reads them from the store by id.
// Every search is audited with the candidates it returned.
func (cs *Service) Search(ctx context.Context, by *jobmatch.User, p SearchParams) (*SearchResult, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	// "håndværker" pasted with a combining ring is the word typed.
	p.Q, p.Occupation = app.RepairString(p.Q), app.RepairString(p.Occupation)
	p.Skills = slices.Clone(p.Skills)
	for i, s := range p.Skills {
		p.Skills[i] = app.RepairString(s)
	}
	p.SkillLabels = slices.Clone(p.SkillLabels)
	for i, s := range p.SkillLabels {
		p.SkillLabels[i] = app.RepairString(s)
	}
	q, interp, err := cs.buildQuery(p)
	if err != nil {
		return nil, err
	}
	if out, ok, err := cs.byRef(ctx, by, p); ok || err != nil {
		return out, err
	}
	if out, ok, err := cs.byName(ctx, by, p); ok || err != nil {
		return out, err
	}
	var names index.Result
	if len(q.Occupations) == 0 && !p.filtered() {
		// A name first only where the word is no occupation and nothing
		// narrows the search: "kok" with min_years=5 listed a citizen
		// named Kok with two years as one, before the filter.
		if names, err = cs.byFirstOrLastName(ctx, p); err != nil {
			return nil, err
		}
	}
	res, err := cs.ix.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	if res.Total == 0 && q.MinYears > 0 && len(q.YearsIn) > 0 && len(q.RelatedOccupations) > 0 && len(q.RequireOccupations) == 0 {
		// Nobody with the years in the occupations named ("ekspedient":
		// STAR's title of tøjekspedient and the like, which no CV
		// holds): the years in those of their groups, as the words find
		// their CVs. Every page decides alike (its total is the whole
		// search's), and only a search that found nobody pays for it.
		q.YearsIn = slices.Concat(q.YearsIn, q.RelatedOccupations)
		if res, err = cs.ix.Search(ctx, q); err != nil {
			return nil, err
		}
	}
	out := &SearchResult{Items: make([]SearchHit, 0, len(res.Hits)), Total: int64(res.Total), Facets: res.Facets, Interpreted: interp, Tried: heldByEvery(res.Expansions, res.Required), AnyWord: res.AnyWord, RequiredWords: res.Required, CommonWords: res.Common}
	// Words near the query's own are no help when a place read from the
	// text left nobody ("kok aarhus" would suggest "kom", "køer").
	placeRead := slices.ContainsFunc(interp, func(i Interpretation) bool { return i.Via == "place" })
	if res.Total == 0 && q.Text != "" && q.From == 0 && !placeRead {
		if out.Suggestions, err = cs.ix.Suggest(ctx, q, 5); err != nil {
			return nil, err
		}
	}
	if res.Total == 0 && q.Text != "" && q.From == 0 && !placeRead && len(out.Suggestions) == 0 {
		if out.Related, err = cs.related(ctx, q); err != nil {
			return nil, err
		}
	}
	// Found only by a part of a word ("køkkenchef": the køkkenmedhjælpere
	// by "køkken"): nobody holds what the word names, and the occupations
	// of its name or kind that CVs hold are offered beside what was found.
	if res.Total > 0 && q.From == 0 && !placeRead && slices.ContainsFunc(res.Expansions, func(e index.Expansion) bool {
		return len(e.Forms) > 0 && slices.Equal(e.Via, []string{"part"})
	}) {
		if out.Related, err = cs.related(ctx, q); err != nil {
			return nil, err
		}
		// Beside hits, an occupation one or two CVs hold is noise
		// ("lagerchef" offered the one butikschef).
		out.Related = slices.DeleteFunc(out.Related, func(r Related) bool { return r.Total < relatedBeside })
	}
	if res.Total == 0 && q.MinYears > 0 && q.From == 0 {
		alt := q
		alt.MinYears, alt.YearsIn = 0, nil
		n, err := cs.count(ctx, alt)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out.WithoutYears = &Wider{Total: n}
			for _, in := range interp {
				if in.Via == "experience" {
					out.WithoutYears.Q = strings.Join(strings.Fields(strings.Replace(p.Q, in.Term, " ", 1)), " ")
				}
			}
		}
	}
	if res.Total == 0 && q.Near != nil && q.RadiusKm > 0 && q.From == 0 {
		if out.Wider, err = cs.wider(ctx, q, interp); err != nil {
			return nil, err
		}
	}
	if res.Total == 0 && len(q.PostalCodes) > 0 && q.Near == nil && q.From == 0 {
		// Nobody in the area ("kok på fyn"): how many anywhere, as for a
		// place. The page offered occupations of the area's CVs instead
		// ("Industrislagter 4"), and the cooks elsewhere were not said.
		alt := q
		alt.PostalCodes = nil
		n, err := cs.count(ctx, alt)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			w := Wider{Total: n}
			for _, in := range interp {
				if in.Via == "area" {
					w.Q = in.rest
				}
			}
			out.Wider = append(out.Wider, w)
		}
	}
	if q.From == 0 && !res.AnyWord && len(res.Required) == 1 && len(res.Required[0]) >= 2 && len(res.Required[0]) <= maxEither && !readAsField(res.Required[0], res.Expansions) {
		if out.Either, err = cs.either(ctx, p, res.Required[0], int64(res.Total)); err != nil {
			return nil, err
		}
	}
	if next := q.From + len(res.Hits); uint64(next) < res.Total && len(res.Hits) == q.Size {
		out.NextCursor = app.EncodeOffset(next)
	}
	if len(names.Hits) > 0 {
		// The citizens of that name first, on the first page, and not
		// again among the CVs that mention it; neither "did you mean"
		// nor other occupations for a name that found its citizens.
		named := map[string]bool{}
		for _, h := range names.Hits {
			named[h.ID] = true
		}
		rest := slices.DeleteFunc(slices.Clone(res.Hits), func(h index.Hit) bool { return named[h.ID] })
		out.Total += int64(names.Total) - int64(len(res.Hits)-len(rest))
		if q.From == 0 {
			res.Hits = slices.Concat(names.Hits, rest)
		} else {
			res.Hits, names.Hits = rest, nil
		}
		out.Interpreted = append(out.Interpreted, Interpretation{Term: strings.TrimSpace(p.Q), Via: "name_first"})
		out.Suggestions, out.Related = nil, nil
	}
	// The audit line and the reads by _id go in parallel: both must be done
	// before the answer.
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	auditErr := make(chan error, 1)
	go func() {
		auditErr <- cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.search", Subjects: ids, Reason: p.Why, Query: describe(p), Count: len(ids)})
	}()
	cands, err := cs.readHits(ctx, res.Hits)
	for i, c := range cands {
		if c != nil { // nil: erased after it was indexed; the sync removes it
			out.Items = append(out.Items, SearchHit{Score: res.Hits[i].Score, Candidate: c, ByName: i < len(names.Hits),
				Related: cs.relatedAs(c, q.RelatedOccupations, res.Hits[i].Related)})
		}
	}
	err = errors.Join(err, <-auditErr)
	if q.Near != nil && q.Sort == "" && !q.SortNear {
		cs.nearerFirst(out.Items, *q.Near)
	}
	return out, err
}

// heldByEvery marks required only the words every CV found holds: of
// alternatives ("kok eller tjener", [["kok"], ["tjener"]]) or words of
// which either will do ("(kok eller tjener) aarhus", "kok/tjener"),
// none is, though each was asked for (RequiredWords says how). Both were
// "required" while the CVs found held one or the other.
func heldByEvery(exps []index.Expansion, required [][]string) []index.Expansion {
	for i, e := range exps {
		if !e.Required {
			continue
		}
		if len(required) != 1 || slices.ContainsFunc(required[0], func(w string) bool {
			return strings.Contains(w, "/") && slices.Contains(strings.Split(w, "/"), e.Word)
		}) {
			exps[i].Required = false
		}
	}
	return exps
}

// tiedScore is how far below the first of a run of hits a score may be
// for the hits to count as found alike: the analysed fields' tie-break
// tells CVs that hold the same words apart by a few thousandths (10.19,
// 10.18, 10.17 for the cleaners near Sønderborg), while a CV that wants
// the job, or holds more of the words, scores a good deal more.
const tiedScore = 0.02

// nearerFirst orders each run of hits found alike (scores within
// tiedScore of the run's first) by distance from the place searched, the
// nearest first: a consultant who names a place ("rengøring 6400",
// "rengøring i Sønderborg") wants, of those who fit as well, the ones who
// live there before those 25 km off (the first in 6400 was eighth, after
// Gråsten and Aabenraa). Relevance still decides first, as the sort
// "Relevans" says; "Afstand" sorts by distance alone. Only the page's own
// hits move, so no hit changes page.
func (cs *Service) nearerFirst(hits []SearchHit, from index.Point) {
	if cs.tax == nil || cs.tax.Places == nil {
		return
	}
	km := func(h SearchHit) float64 {
		lat, lon, ok := cs.tax.Places.Coordinates(h.Candidate.PostalCode)
		if !ok {
			return 1e9 // no known place: last of its run
		}
		return taxonomy.Haversine(from.Lat, from.Lon, lat, lon)
	}
	for i := 0; i < len(hits); {
		j := i + 1
		for j < len(hits) && hits[j].Score >= hits[i].Score*(1-tiedScore) && !hits[j].ByName {
			j++
		}
		run := hits[i:j]
		slices.SortStableFunc(run, func(a, b SearchHit) int { return cmp.Compare(km(a), km(b)) })
		i = j
	}
}

// maxRelated bounds the occupations offered when nobody is found, and
// relatedTried the occupations counted (one term filter each, only for a
// search that found nobody).
const (
	maxRelated   = 5
	relatedTried = 24
	// relatedBeside is the fewest CVs an occupation offered beside hits
	// (a word found only by a part) is held by.
	relatedBeside = 3
)

// related finds occupations to offer when q found nobody: those the
// query's words name (the concepts the text was read as, the names that
// hold a word whole, then those that end a compound in it: "programmør"
// is a databaseprogrammør's last part), those the last part of a word
// names ("pizzabager" → bager), then the rest of their unit groups; each
// with the CVs that hold it under q's filters (the page's occupation
// filter), offered when some do. When none is, those of their minor groups.
func (cs *Service) related(ctx context.Context, q index.Query) ([]Related, error) {
	if cs.tax == nil {
		return nil, nil
	}
	words := index.QueryWords(q.Text)
	if len(words) > 3 || len(q.RequireOccupations) > 0 {
		return nil, nil // a paste, or an occupation already chosen
	}
	var named []*taxonomy.Occupation
	for _, uri := range q.Occupations {
		if o, ok := cs.tax.Occupation(uri); ok {
			named = append(named, o)
		}
	}
	read := len(named) // the concepts the text was read as
	for _, w := range words {
		// As many as are counted: NamedBy lists them in the taxonomy's
		// order, and the first ten were no more the ones CVs hold
		// ("elev": Buschauffør, Lægesekretær, Frisør … by URI).
		named = append(named, cs.tax.NamedBy(w, relatedTried)...)
		named = append(named, cs.tax.LastPart(w)...)
	}
	// tier is where each concept comes from: those the text was read as
	// (0), those its words name (1), of the same STAR title (2), of the
	// same unit group (3). Those of a tier are offered by how many CVs
	// hold them, the most first.
	tier := map[string]int{}
	setTier := func(uri string, t int) {
		if _, ok := tier[uri]; !ok {
			tier[uri] = t
		}
	}
	for i, o := range named {
		if i < read {
			setTier(o.URI, 0)
		} else {
			setTier(o.URI, 1)
		}
	}
	cands := slices.Clone(named)
	// First the concepts STAR/Jobnet names by the same title as one the
	// text was read as: the same job to the consultant ("fabriksarbejder",
	// ESCO's name of the factory hand, whom nobody holds, is Jobnet's Lager-
	// og logistikmedarbejder, as the warehouse worker the CVs hold is); not
	// for those its words name, which reach too far ("jord og beton"
	// crowded out the stilladsmontører). Then the rest of their ISCO unit
	// groups only: the groups DISCO-08 adds reach further ("au pair", a
	// name of "barnepige", is also housework).
	for _, sameTitle := range []bool{true, false} {
		for i, o := range named {
			title := cs.tax.DisplayTitle(o.URI, "da")
			for _, r := range cs.tax.RelatedOccupations(o.URI) {
				if same := i < read && cs.tax.DisplayTitle(r.URI, "da") == title; same == sameTitle && (same || r.ISCO == o.ISCO) {
					cands = append(cands, r)
					setTier(r.URI, map[bool]int{true: 2, false: 3}[same])
				}
			}
		}
	}
	alt := q
	alt.Text, alt.Synonyms, alt.NamedWords, alt.Occupations, alt.RelatedOccupations = "", nil, nil, nil, nil
	alt.AllWords, alt.Facets, alt.CVs, alt.From, alt.Size, alt.SortNear, alt.Sort = false, false, false, 0, 1, false, ""
	seen := map[string]bool{} // URIs and titles
	var out []Related
	tried := 0
	for _, o := range cands {
		title := cs.tax.DisplayTitle(o.URI, "da")
		if seen[o.URI] || seen[title] {
			continue // one title stands for several concepts: the first
		}
		if len(out) >= maxRelated && tier[o.URI] > tier[out[len(out)-1].URI] {
			break // enough, and the rest of the last one's tier counted
		}
		seen[o.URI] = true
		if tried++; tried > relatedTried {
			break
		}
		alt.RequireOccupations = []string{o.URI}
		res, err := cs.ix.Search(ctx, alt)
		if err != nil {
			return nil, err
		}
		if res.Total > 0 {
			seen[title] = true
			r := Related{URI: o.URI, Label: title, Total: int64(res.Total)}
			if tier[o.URI] == 1 {
				r.Name = nameHolding(o, words, title)
			}
			out = append(out, r)
		}
	}
	slices.SortStableFunc(out, func(a, b Related) int {
		return cmp.Or(cmp.Compare(tier[a.URI], tier[b.URI]), cmp.Compare(b.Total, a.Total))
	})
	out = out[:min(len(out), maxRelated)]
	// Then those of their kind (taxonomy.Kin): the occupations that share
	// the most essential skills, whatever their groups ("køkkenchef",
	// 3434: the kokke, 5120), and those of their ISCO minor groups that
	// share some ("elevatormontør": the elektrikere, not the
	// automekanikere; "souschef" no scenograf), by how much they share,
	// that CVs hold under the same filters.
	share := map[string]float64{}
	for _, o := range named {
		for _, k := range cs.tax.Kin(o.URI) {
			share[k.Occupation.URI] = max(share[k.Occupation.URI], k.Share)
		}
	}
	near := slices.DeleteFunc(slices.Sorted(maps.Keys(share)), func(uri string) bool { return seen[uri] })
	held, err := cs.held(ctx, alt, near)
	if err != nil {
		return nil, err
	}
	// By the share, then by how many hold it (a minor group's without
	// essential skills), then by URI for a stable answer.
	slices.SortStableFunc(near, func(a, b string) int {
		return cmp.Or(cmp.Compare(share[b], share[a]), cmp.Compare(held[b], held[a]))
	})
	for _, uri := range near {
		title := cs.tax.DisplayTitle(uri, "da")
		if held[uri] == 0 || seen[title] || len(out) == maxRelated {
			continue
		}
		seen[title] = true
		out = append(out, Related{URI: uri, Label: title, Total: held[uri]})
	}
	return out, nil
}

// nameHolding is the Danish name of o (label, alternative label or
// STAR/Jobnet title) that holds one of words whole or as a compound's last
// part ("frisørelev" of Frisør for "elev"), the shortest; "" when its
// title does, or none does.
func nameHolding(o *taxonomy.Occupation, words []string, title string) string {
	holds := func(name string) bool {
		for _, nw := range strings.Fields(taxonomy.Normalize(name)) {
			for _, w := range words {
				w = taxonomy.Normalize(w)
				if first, ok := strings.CutSuffix(nw, w); ok && w != "" && (first == "" || strings.HasSuffix(first, "-") || utf8.RuneCountInString(first) >= 3) {
					return true
				}
			}
		}
		return false
	}
	if holds(title) {
		return ""
	}
	best := ""
	for _, n := range slices.Concat([]string{o.LabelDA}, o.AltDA, o.STAR) {
		if holds(n) && (best == "" || utf8.RuneCountInString(n) < utf8.RuneCountInString(best)) {
			best = n
		}
	}
	return best
}

// held counts the CVs that hold each of uris under q's filters, in one
// search of all of them whose occupation counts say which (an occupation
// beyond the facet's size counts 0).
func (cs *Service) held(ctx context.Context, q index.Query, uris []string) (map[string]int64, error) {
	if len(uris) == 0 {
		return nil, nil
	}
	q.RequireOccupations, q.Facets = uris, true
	res, err := cs.ix.Search(ctx, q)
	if err != nil {
		return nil, err
	}
	out := map[string]int64{}
	for _, f := range res.Facets["occupations"] {
		if slices.Contains(uris, f.Value) {
			out[f.Value] = int64(f.Count)
		}
	}
	return out, nil
}

// count is how many CVs q finds: one search of a single hit, no facets.
func (cs *Service) count(ctx context.Context, q index.Query) (int64, error) {
	q.Facets, q.CVs, q.From, q.Size, q.SortNear = false, false, 0, 1, false
	res, err := cs.ix.Search(ctx, q)
	return int64(res.Total), err
}

// readAsField reports whether one of words was also read as a field of the
// CVs (a target group, a language): "ung kok" asks for young cooks, and
// "ung eller kok" would be no search a consultant means.
func readAsField(words []string, exps []index.Expansion) bool {
	return slices.ContainsFunc(exps, func(e index.Expansion) bool {
		return len(e.Fields) > 0 && slices.ContainsFunc(words, func(w string) bool {
			return slices.Contains(strings.Split(w, "/"), e.Word)
		})
	})
}

// maxEither bounds the words of a search offered with "eller" between them.
const maxEither = 4

// maxExperienceIn bounds the occupations whose years order a search's
// hits (index.Query.ExperienceIn).
const maxExperienceIn = 24

// either counts the CVs p's text finds with its words joined by "eller"
// (eitherText), the words every CV found holds; nil when that is no other
// text or finds no more than found. One count, on a search's first page.
func (cs *Service) either(ctx context.Context, p SearchParams, words []string, found int64) (*Wider, error) {
	alt := eitherText(p.Q, words)
	if alt == "" {
		return nil, nil
	}
	ap := p
	ap.Q, ap.Cursor, ap.Facets = alt, "", false
	q, _, err := cs.buildQuery(ap)
	if err != nil {
		return nil, nil // the text was read before; no offer
	}
	n, err := cs.count(ctx, q)
	if err != nil || n <= found {
		return nil, err
	}
	return &Wider{Total: n, Q: alt}, nil
}

// eitherText is text with "og" ("and") between two words as "eller"
// ("or"), or, for a text that is the words every CV found holds and
// nothing else, those words joined by "eller"; "" otherwise. A word
// before "og" that ends in a hyphen ("bygge- og anlægsarbejde") shares
// the last part of the next, and is left as typed.
func eitherText(text string, words []string) string {
	toks := strings.Fields(text)
	// A sentence ("Vi søger en lagermedarbejder … truckcertifikat og
	// kørekort B") is no query of words to join otherwise.
	if len(toks) > 2*maxEither || slices.ContainsFunc(toks, orWord) || strings.ContainsAny(text, "()|") {
		return ""
	}
	joined := false
	for i, t := range toks {
		if i == 0 || i == len(toks)-1 || strings.HasSuffix(toks[i-1], "-") {
			continue
		}
		switch strings.ToLower(t) {
		case "og":
			toks[i], joined = "eller", true
		case "and":
			toks[i], joined = "or", true
		}
	}
	if joined {
		return strings.Join(toks, " ")
	}
	if len(toks) != len(words) || len(words) < 2 {
		return ""
	}
	for i, t := range toks {
		if !strings.EqualFold(t, words[i]) {
			return ""
		}
	}
	return strings.Join(toks, " eller ")
}

// widerKm are the radii tried when nobody is found near a place: twice
// the radius asked, then 100 km.
var widerKm = []float64{2, 100}

// wider counts the CVs q finds further from its place and anywhere: one
// search of a single hit each, only when q found nobody.
func (cs *Service) wider(ctx context.Context, q index.Query, interp []Interpretation) ([]Wider, error) {
	var out []Wider
	last := q.RadiusKm
	for i, km := range widerKm {
		if i == 0 {
			km *= q.RadiusKm
		}
		if km <= last || km > 500 {
			continue
		}
		last = km
		alt := q
		alt.RadiusKm = km
		n, err := cs.count(ctx, alt)
		if err != nil {
			return nil, err
		}
		if n > 0 {
			out = append(out, Wider{RadiusKm: km, Total: n})
		}
	}
	alt := q
	alt.Near, alt.RadiusKm = nil, 0
	n, err := cs.count(ctx, alt)
	if err != nil || n == 0 {
		return out, err
	}
	w := Wider{Total: n}
	for _, in := range interp {
		if in.Via == "place" {
			w.Q = in.rest
		}
	}
	return append(out, w), nil
}

// byRef answers a search whose text is a CV's case reference as typed
// ("SAG-0000348", any case) with that CV alone, whatever the filters: a
// consultant who has the reference wants that person, and the words of the
// CVs do not hold it. One read by _id; only a single word with a digit is
// tried. ok is false when the text is no reference.
// refShape is the shape of a case reference: letters, a hyphen and four
// digits or more ("SAG-0000348", "KMD-123456"), which no word searched for
// has.
var refShape = regexp.MustCompile(`^\pL{1,12}-[0-9]{4,}$`)

func (cs *Service) byRef(ctx context.Context, by *jobmatch.User, p SearchParams) (*SearchResult, bool, error) {
	ref := strings.TrimSpace(p.Q)
	if p.Cursor != "" || ref == "" || len(ref) > 64 || strings.ContainsFunc(ref, unicode.IsSpace) || !strings.ContainsFunc(ref, unicode.IsDigit) {
		return nil, false, nil
	}
	var c *jobmatch.Candidate
	var err error
	for _, r := range []string{ref, strings.ToUpper(ref)} {
		if c, err = cs.st.CandidateByRef(ctx, r); !errors.Is(err, jobmatch.ErrNotFound) {
			break
		}
	}
	if errors.Is(err, jobmatch.ErrNotFound) {
		if !refShape.MatchString(ref) {
			return nil, false, nil
		}
		// A case reference no CV has ("SAG-9999999") is that, not the
		// words of one: it found 53 of the demo's sagsbehandlere by
		// "sag" and said nothing of the reference.
		if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.search", Reason: p.Why, Query: describe(p)}); err != nil {
			return nil, false, err
		}
		return &SearchResult{Items: []SearchHit{}, Interpreted: []Interpretation{{Term: ref, Via: "external_ref_missing"}}}, true, nil
	}
	if err != nil {
		return nil, false, err
	}
	if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.search", Subjects: []string{c.ID}, Reason: p.Why, Query: describe(p), Count: 1}); err != nil {
		return nil, false, err
	}
	return &SearchResult{Items: []SearchHit{{Score: 1, Candidate: c}}, Total: 1,
		Interpreted: []Interpretation{{Term: ref, Label: c.ExternalRef, Via: "external_ref"}}}, true, nil
}

// maxByName is the most CVs a name finds: a consultant who types a name
// looks for one person, and a common name is made narrower by its other
// words.
const maxByName = 50

// byName answers a search whose text is the name of a citizen, two words
// or more ("Kirsten Rasmussen", "soren jensen"), with the CVs whose name
// holds every word, whatever the filters: the words of a name are in no
// CV's text, and the search read them as typos of other words (56 others
// for "Kirsten Rasmussen"). A text of words no name holds all of is no
// name ("social rådgiver", "Lars tømrer"): ok is false then.
func (cs *Service) byName(ctx context.Context, by *jobmatch.User, p SearchParams) (*SearchResult, bool, error) {
	text := strings.TrimSpace(p.Q)
	words := strings.FieldsFunc(text, func(r rune) bool { return unicode.IsSpace(r) || r == '-' || r == ',' })
	if p.Cursor != "" || len(words) < 2 || len(words) > 4 || len(text) > 120 ||
		strings.ContainsFunc(text, func(r rune) bool {
			return !unicode.IsLetter(r) && !unicode.IsSpace(r) && r != '-' && r != ',' && r != '.'
		}) {
		return nil, false, nil
	}
	for i, w := range words {
		words[i] = strings.TrimSuffix(w, ".")
		if utf8.RuneCountInString(words[i]) < 2 {
			return nil, false, nil // an initial ("K. Rasmussen"): the other words decide
		}
	}
	res, err := cs.ix.ByName(ctx, words, maxByName, false)
	if err == nil && res.Total == 0 {
		// "Kirsten Rasmusen": a letter off in a long word.
		res, err = cs.ix.ByName(ctx, words, maxByName, true)
	}
	if err != nil || res.Total == 0 {
		return nil, false, err
	}
	ids := make([]string, len(res.Hits))
	for i, h := range res.Hits {
		ids[i] = h.ID
	}
	if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.search", Subjects: ids, Reason: p.Why, Query: describe(p), Count: len(ids)}); err != nil {
		return nil, false, err
	}
	out := &SearchResult{Items: make([]SearchHit, 0, len(res.Hits)), Total: int64(res.Total),
		Interpreted: []Interpretation{{Term: text, Via: "name"}}}
	cands, err := cs.readHits(ctx, res.Hits)
	for _, c := range cands {
		if c != nil {
			out.Items = append(out.Items, SearchHit{Score: 1, Candidate: c})
		}
	}
	return out, true, err
}

// filtered reports whether anything beside the words narrows the search.
func (p SearchParams) filtered() bool {
	return len(p.Skills)+len(p.SkillLabels)+len(p.Licences)+len(p.Hours)+len(p.Shifts)+len(p.Languages)+
		len(p.TargetGroups)+len(p.Eligibility)+len(p.Education) > 0 ||
		p.Occupation != "" || p.Near != "" || p.Area != "" || p.AvailableBefore != "" || p.MinYears > 0 || p.NoExperience || p.ConsentOnly
}

// byFirstOrLastName finds the citizens whose name holds the one word
// searched ("Warsame", "Torben"), exactly (no typos: a word of a CV's text
// must not become a name), for Search to list first: byName takes two
// words or more, and the text search found a single name only where a CV
// mentions someone else of that name (a former employer "v/ Torben
// Knudsen"), never the citizen whose name it is.
func (cs *Service) byFirstOrLastName(ctx context.Context, p SearchParams) (index.Result, error) {
	w := strings.TrimSpace(p.Q)
	if utf8.RuneCountInString(w) < 2 || len(w) > 60 || strings.ContainsFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) {
		return index.Result{}, nil
	}
	return cs.ix.ByName(ctx, []string{w}, maxByName, false)
}

// readHits returns the CVs of a page of hits, in order, as the index
// stored them: the version each hit was found by, as fresh as the index
// (an erasure through this replica waits for the index, see Erase). A
// document without one (an index of an older version answering until its
// rebuild swaps) is read from the store by _id; nil for a CV erased since.
func (cs *Service) readHits(ctx context.Context, hits []index.Hit) ([]*jobmatch.Candidate, error) {
	out := make([]*jobmatch.Candidate, len(hits))
	var miss []string
	var at []int
	for i, h := range hits {
		if c, ok := h.Candidate(); ok {
			out[i] = c
			continue
		}
		miss, at = append(miss, h.ID), append(at, i)
	}
	if len(miss) == 0 {
		return out, nil
	}
	got, err := cs.st.CandidatesByID(ctx, miss)
	for j, c := range got {
		out[at[j]] = c
	}
	return out, err
}

func (cs *Service) buildQuery(p SearchParams) (index.Query, []Interpretation, error) {
	verr := &jobmatch.ValidationError{}
	q := index.Query{Text: strings.TrimSpace(p.Q), Everyday: true, AllWords: true, Facets: p.Facets && p.Cursor == "", ConsentOnly: p.ConsentOnly, CVs: true,
		Licences: p.Licences, Hours: p.Hours, Shifts: p.Shifts, Languages: p.Languages, TargetGroups: p.TargetGroups, Eligibility: p.Eligibility,
		Education: p.Education}
	var interp []Interpretation
	// "(kok eller tjener) aarhus": a bracket of alternatives is read by
	// the index (either of its words, beside the others), its brackets
	// apart from the words so that "aarhus)" is a place as "aarhus" is; a
	// bracket without its pair, or of no alternatives, is a space.
	q.Text = bracketsApart(q.Text)
	// "kok -deltid", "lager NOT truckcertifikat": the word marked is one
	// no CV found may hold (Query.Without), read before the words are
	// split, which drops the "-" (as a word, "-deltid" was required).
	if rest, words, terms := exclusionsIn(q.Text); len(words) > 0 {
		q.Text = rest
		q.Without = append(q.Without, words...)
		for i, t := range terms {
			interp = append(interp, Interpretation{Term: t, Label: words[i], Via: "excluded"})
		}
	}
	q.Text = withoutRequest(q.Text)
	// "kok til vores restaurant": where the job is, as the employer says
	// it, is nothing a CV must hold (with it, 8 of the demo's 47 cooks).
	if rest, terms := withoutWorkplace(q.Text); len(terms) > 0 {
		q.Text = rest
		for _, t := range terms {
			interp = append(interp, Interpretation{Term: t, Via: "workplace"})
		}
	}
	// "lager uden uddannelse", "ingen uddannelse": an ufaglært, as
	// "ufaglært" is read (not "uddannelse" left out, nor "ingen" searched);
	// "lang videregående uddannelse" an akademiker.
	q.Text = withEducation(q.Text)
	// "rengøring uden kørekort": what a CV need not have is no word to
	// look for (as a word it found those who have it, and with it no CV
	// held every word). It is left out, and the answer says so.
	// "uden erfaring", "ingen joberfaring": less than a year of work
	// experience, as the no_experience filter. As a negation with nothing
	// beside it, the words themselves were searched, and "uden" found the
	// anlægsgartnere by their "udenomsarealer".
	if len(q.Text) <= 500 {
		if rest, term, ok := noExperienceIn(q.Text); ok {
			q.Text, p.NoExperience = rest, true
			interp = append(interp, Interpretation{Term: term, Via: "no_experience"})
		}
	}
	// "uden kørekort", "lager uden kørekort", "har ikke kørekort": no car
	// licence (neither B nor one that presupposes it), the CVs "med
	// kørekort" leaves out, as a filter. It was not searched: alone, the
	// search was everyone; with words, those who have one were found too.
	if len(q.Text) <= 500 {
		if rest, term, ok := noCarLicenceIn(q.Text); ok {
			q.Text = rest
			q.LicenceNone = carLicences
			interp = append(interp, Interpretation{Term: term, Label: "B", Via: "no_licence"})
		}
	}
	// "ikke flygtning", "lager uden unge": a target group negated is
	// every other group, as the target group filter (a CV has one). As
	// a word, "flygtning" alone found exactly the refugees. What no
	// field can leave out ("uden bil": a CV says nothing of a car) is not
	// searched, and the page says so; alone, the search is everyone under
	// the filters, never those who hold it.
	if rest, terms := withoutNegated(q.Text); len(terms) > 0 {
		q.Text = rest
		for _, t := range terms {
			if g, ok := negatedGroup(t); ok {
				q.TargetGroups = withoutGroup(q.TargetGroups, g)
				interp = append(interp, Interpretation{Term: t, Label: g, Via: "not_group"})
				continue
			}
			// "kok uden weekend", "lager ikke truckcertifikat": beside
			// what is searched, a working time or a certificate
			// negated is one the CVs found must not hold, as "-weekend".
			// (Alone, it would be everyone but those; what no CV field
			// or word can leave out, "uden bil", stays unsearched.)
			if w, ok := excludedBy(t); ok && strings.TrimSpace(rest) != "" {
				q.Without = append(q.Without, w)
				interp = append(interp, Interpretation{Term: t, Label: w, Via: "excluded"})
				continue
			}
			via := "not_searched"
			if strings.TrimSpace(rest) == "" {
				via = "not_excluded"
			}
			interp = append(interp, Interpretation{Term: t, Via: via})
		}
	}
	// "ledig over 1 år", "langtidsledig": how long a citizen has been out
	// of work is nothing a CV records (no field, no date of it), and no
	// target group says it (aktivitetsparat is how far from a job, not
	// how long without one). Not searched, and said so; "over 1 år" was
	// read as a year of experience, and "langtidsledig" found nobody.
	if rest, terms := withoutUnemployedFor(q.Text); len(terms) > 0 {
		q.Text = rest
		for _, t := range terms {
			interp = append(interp, Interpretation{Term: t, Via: "unemployed_for"})
		}
	}
	// "pædagog mand", "kvindelig chauffør": a CV says no gender, and
	// gender or ethnic origin may not decide whom the jobcentre finds for
	// a job (ligebehandlingsloven, forskelsbehandlingsloven). As a word,
	// "mand" found the flyttemænd and landmænd. Left out, and said so.
	if rest, terms := withoutPersonal(q.Text); len(terms) > 0 {
		q.Text = rest
		for _, t := range terms {
			interp = append(interp, Interpretation{Term: t, Via: "personal"})
		}
	}
	// "kok 5 års erfaring", "mindst 3 års erfaring som tømrer": the years
	// of experience, as the years filter (which, when set, it leaves
	// alone); before the places, as "års" is also the town Aars. As
	// words, "5" and "erfaring" found anybody.
	var yearsRead *Interpretation
	if len(q.Text) <= 500 {
		if rest, years, term, _, ok := index.YearsOfExperience(q.Text); ok {
			q.Text = rest
			if p.MinYears == 0 {
				p.MinYears = years
			}
			yearsRead = &Interpretation{Term: term, Via: "experience"}
		}
	}
	// An area among the words ("kok på fyn", "chauffør nordjylland",
	// "lager vejle kommune") is where: its postal codes, as the area
	// filter (which, when set, it leaves alone). Before the towns: "vejle
	// kommune" is the municipality, not 30 km around Vejle.
	if p.Area == "" && p.Near == "" && cs.tax != nil && cs.tax.Places != nil && len(q.Text) <= 500 {
		if rest, a, term, ok := areaIn(q.Text); ok {
			q.Text, p.Area = rest, a.Key
			interp = append(interp, Interpretation{Term: term, Label: a.Name, Via: "area", rest: q.Text})
		}
	}
	if p.Area != "" && cs.tax != nil && cs.tax.Places != nil {
		if a, ok := taxonomy.AreaByKey(p.Area); ok {
			q.PostalCodes = cs.tax.Places.PostalCodesIn(a)
		} else {
			verr.Add("area", "invalid", "")
		}
	}
	// A town or postal code among the words ("lager vejle", "kok 8000") is
	// where, not what: it narrows the search to the CVs within the radius
	// of that place, as the near filter (which, when set, it leaves
	// alone), and the other words are searched. Of several ("i Kolding
	// eller Vejle"), alsoNear are the others.
	var alsoNear []string
	if p.Near == "" && cs.tax != nil && cs.tax.Places != nil && len(q.Text) <= 500 {
		if rest, codes, term, ok := placeIn(cs.tax, q.Text); ok {
			code := codes[0]
			q.Text, p.Near, alsoNear = rest, code, codes[1:]
			// "pædagog sønderborg 20 km": the distance typed with the
			// place is its radius, unless the form gives one.
			if km, rest, ok := radiusIn(q.Text); ok && p.RadiusKm == 0 {
				q.Text, p.RadiusKm = rest, km
			}
			km := p.RadiusKm
			if km <= 0 {
				km = 30
			}
			// The words as typed without the place (and a distance typed
			// with it): a search anywhere reads the rest again, the years
			// and the working time as before ("tømrer med 5 års erfaring
			// i aarhus" → "tømrer med 5 års erfaring", not "tømrer med").
			typed := q.Text
			if strings.Contains(p.Q, term) {
				typed = strings.Join(strings.Fields(strings.Replace(p.Q, term, " ", 1)), " ")
				if _, r, ok := radiusIn(typed); ok {
					typed = r
				}
			}
			label := code + " " + cs.tax.Places.Name(code)
			for _, c := range alsoNear {
				label += ", " + c + " " + cs.tax.Places.Name(c)
			}
			interp = append(interp, Interpretation{Term: term, Label: label, Via: "place", RadiusKm: km, rest: typed})
		}
	}
	// "flydende engelsk", "dansk på modersmålsniveau", "engelsk C1": the
	// language at that level or above, as the language filter, read
	// before the driving licences ("engelsk c1" read C1 as a licence and
	// found nobody). As words, "flydende" was a word no CV held beside
	// the language, so every CV that held either was found.
	for range maxLanguagesRead {
		if len(q.Text) > 500 {
			break
		}
		rest, spec, term, ok := danishTestIn(q.Text)
		if !ok {
			rest, spec, term, ok = languageLevelIn(q.Text)
		}
		if !ok {
			break
		}
		q.Text = rest
		if !slices.Contains(q.Languages, spec) {
			q.Languages = append(slices.Clip(q.Languages), spec)
		}
		in := Interpretation{Term: term, Label: spec, Via: "language"}
		if mother := strings.ToLower(term); strings.Contains(mother, "moders") || strings.Contains(mother, "native") {
			in.Title = "native" // a mother tongue, read as C2 or native
		}
		interp = append(interp, in)
	}
	// A driving licence among the words ("c-kørekort", "kørekort CE")
	// is a filter, not words: as words "c" found nothing, "kørekort"
	// nearly everyone.
	if len(q.Text) <= 500 {
		if rest, cat, term, ok := licenceIn(q.Text); ok {
			q.Text = rest
			if !slices.Contains(q.Licences, cat) {
				q.Licences = append(q.Licences, cat)
			}
			interp = append(interp, Interpretation{Term: term, Label: cat, Via: "licence"})
		}
	}
	// "sosu med kørekort", "har kørekort", "kørekort" alone: as Danes
	// say it, a licence to drive a car (B, or one that presupposes it:
	// C, D and their trailers). As a word, "kørekort" is in more than a
	// fifth of the CVs, so it only ordered them and someone without a
	// licence came third.
	if len(q.Text) <= 500 && !slices.ContainsFunc(interp, func(i Interpretation) bool { return i.Via == "licence" }) {
		if rest, term, ok := carLicenceIn(q.Text); ok {
			q.Text = rest
			q.LicenceAny = carLicences
			interp = append(interp, Interpretation{Term: term, Label: "B", Via: "car_licence"})
		}
	}
	// "rengøring 25 timer", "30 timer om ugen": weekly hours are part- or
	// full-time (a Danish full-time week is 37 hours), read as the word
	// for it would be ("deltid", which the CV's hours answer besides its
	// words); as words, the number and "timer" are in every CV.
	if len(q.Text) <= 500 {
		if rest, hours, term, ok := weeklyHoursIn(q.Text); ok {
			word := map[jobmatch.Hours]string{jobmatch.HoursPart: "deltid", jobmatch.HoursFull: "fuldtid"}[hours]
			q.Text = strings.TrimSpace(rest + " " + word)
			interp = append(interp, Interpretation{Term: term, Label: string(hours), Via: "hours"})
		}
	}
	// "kok ledig nu", "kan starte med det samme": available today, as the
	// form's "available by" (which, when set, it leaves alone).
	if len(q.Text) <= 500 {
		if rest, term, ok := availableNowIn(q.Text); ok {
			q.Text = rest
			today := cs.env.Now().In(jobmatch.Copenhagen).Format(time.DateOnly)
			if p.AvailableBefore == "" {
				p.AvailableBefore = today
			}
			interp = append(interp, Interpretation{Term: term, Label: p.AvailableBefore, Via: "available"})
		}
	}
	// "ledig kok", "borger til lager", "kandidater med truckkort": every
	// CV here is a job seeker's, so the word says nothing of whom to find.
	// As a word "ledig" reached "gyldigt" as a typo, and "borger" found
	// the one cook who wrote "borgere".
	if rest, terms := withoutWho(q.Text); len(terms) > 0 {
		q.Text = rest
		for _, t := range terms {
			interp = append(interp, Interpretation{Term: t, Via: "everyone"})
		}
	}
	if len(q.Text) > 500 {
		verr.Add("q", "max", "500")
	}
	for _, l := range p.SkillLabels {
		if utf8.RuneCountInString(l) > 100 {
			verr.Add("skill", "max", "100")
			break
		}
	}
	q.SkillLabels = p.SkillLabels
	// A CPR number is no way to find a CV here (none is stored), and the
	// query would be written to the audit log.
	for _, f := range []struct{ field, v string }{{"q", p.Q}, {"skills", strings.Join(p.Skills, " ")}, {"skill", strings.Join(p.SkillLabels, " ")}, {"occupation", p.Occupation}} {
		if jobmatch.ContainsCPR(f.v) {
			verr.Add(f.field, "cpr", "")
		}
	}
	if len(index.QueryWords(q.Text)) == 0 {
		// No word ("*", "-", "…"): the search without text, everyone
		// under the filters, not nobody.
		q.Text = ""
	}
	// "bygningssnedkerlærling", "dyrepasserelev": an apprentice's title
	// that names no occupation is its trade's, whose CVs (those who are,
	// or want to be, bygningssnedker) are the ones to see; as typed it
	// found nobody, and "bygningssnedkerelev" the bygningsingeniører by
	// "bygnings".
	if q.Text != "" && cs.tax != nil && len(q.Text) <= 500 {
		if rest, term, stem, ok := cs.apprenticeIn(q.Text); ok {
			q.Text = rest
			interp = append(interp, Interpretation{Term: term, Label: stem, Via: "apprentice"})
		}
	}
	// The occupations the words name by an alternative label besides
	// their own name: not searched for, but their years count.
	var yearsAlso []string
	if q.Text != "" && cs.tax != nil {
		var alt []string // concepts the text names by an alternative label
		named := false
		typed := index.QueryWords(q.Text)
		matches := cs.namedIn(q.Text)
		byName := slices.ContainsFunc(matches, func(m taxonomy.Match) bool {
			return m.Kind == "label" || m.Kind == "star_title" || m.Kind == "english_label"
		})
		for _, m := range matches {
			if m.Kind == "alt_label" && byName {
				yearsAlso = append(yearsAlso, m.URI)
				continue
			}
			q.Occupations = append(q.Occupations, m.URI)
			// "social- og sundhedshjælper" reads as "socialhjælper og
			// sundhedshjælper": "social" as typed is of the name too.
			words := slices.Concat(index.QueryWords(m.Form), beginningForms(typed, m.Form), inflectedForms(typed, m.Form))
			// "sundhedshjaelper" names it as "sundhedshjælper" does.
			for _, t := range typed {
				if v, ok := cs.tax.DanishSpelling(t); ok && slices.Contains(words, v) && !slices.Contains(words, t) {
					words = append(words, t)
				}
			}
			q.NamedWords = append(q.NamedWords, words...)
			if q.NamedBy == nil {
				q.NamedBy = map[string][]string{}
			}
			for _, w := range words {
				if !slices.Contains(q.NamedBy[w], m.URI) {
					q.NamedBy[w] = append(q.NamedBy[w], m.URI)
				}
			}
			switch m.Kind {
			case "label", "star_title", "english_label":
				// The text is a name of the concept: its other names are
				// synonyms.
				q.Synonyms = append(q.Synonyms, notFirstParts(oneWordLabels(cs.tax, m.URI), q.Text)...)
				if q.OwnNames == nil {
					q.OwnNames = map[string][]string{}
				}
				for _, w := range words {
					q.OwnNames[w] = append(q.OwnNames[w], cs.kindOf(m.URI)...)
				}
				named = true
				// The other occupations of its ISCO unit group come last:
				// an "ekspedient" (STAR's title of tøjekspedient and the
				// like) finds the butiksassistenter after every CV with
				// the word. (Not for an alternative label: "tømrer" is
				// one of bygmester, whose group would add the masons.)
				for _, r := range relatedURIs(cs, m.URI) {
					if !slices.Contains(q.RelatedOccupations, r) {
						q.RelatedOccupations = append(q.RelatedOccupations, r)
					}
					if m.Kind == "star_title" {
						// A STAR/Jobnet title names a kind of work
						// that ESCO splits finely ("Ekspedient":
						// tøjekspedient, tekstilhandler …): years in
						// its group's occupations are years in it.
						yearsAlso = append(yearsAlso, r)
					}
				}
			case "alt_label":
				alt = append(alt, m.URI)
			}
			in := Interpretation{Term: q.Text, URI: m.URI, Label: cs.tax.ConceptLabel(m.URI, "da"), Via: m.Kind}
			if m.Kind == "star_title" {
				in.Title = cs.tax.STARTitle(m.URI, m.Form)
			}
			interp = append(interp, in)
		}
		if !named {
			// An alternative label may be loose ("bogholder" is one of
			// "regnskabschef"), so it counts only when the text names no
			// concept by its own name; then the concept's STAR/Jobnet
			// titles are what the CVs write: "kassedame" and
			// "kassemedarbejder" are Kasseassistent, "rengøringsdame"
			// Rengøringsassistent.
			for _, uri := range alt {
				q.Synonyms = append(q.Synonyms, notFirstParts(starTitles(cs.tax, uri), q.Text)...)
			}
		}
		// A compound that names no occupation but ends in one's name
		// ("fritidspædagog": pædagog) is a kind of it: what its first
		// part finds, a CV of that kind holds too. "fritid" alone found
		// 66 of the demo's CVs with a "fritidsjob" (rengøringsassistenter,
		// vagter) and no pædagog. So is a word an alternative label
		// names ("skolebuschauffør", one of buschauffør's): "skole"
		// alone found 345, every CV that wrote of a school.
		for _, w := range typed {
			if _, named := q.OwnNames[w]; named || utf8.RuneCountInString(w) < 7 {
				continue
			}
			for _, o := range cs.tax.LastPart(w) {
				if !ownNameEnds(o, w) {
					// An alternative label names loosely: "hjælper" is
					// one of ledsager's, and "køkkenhjælper" found the
					// social- og sundhedshjælpere.
					continue
				}
				if q.OwnNames == nil {
					q.OwnNames = map[string][]string{}
				}
				q.OwnNames[w] = append(q.OwnNames[w], cs.kindOf(o.URI)...)
			}
		}
		// "håndværker" names no occupation but a kind of them: the
		// occupations of its DISCO groups are what it names.
		for _, w := range typed {
			c, ok := categoryOf(w)
			if !ok {
				continue
			}
			uris := cs.categoryURIs(c)
			q.Occupations = append(q.Occupations, uris...)
			q.NamedWords = append(q.NamedWords, w)
			if q.NamedBy == nil {
				q.NamedBy = map[string][]string{}
			}
			q.NamedBy[w] = append(q.NamedBy[w], uris...)
			interp = append(interp, Interpretation{Term: w, URI: "category:" + c.key, Label: c.label, Via: "category"})
		}
		// Among the CVs the words find alike, years in what they name
		// come first; a word that names no occupation ("chauffør") names
		// those whose names hold it or end in it (lastbilchauffør,
		// buschauffør).
		q.ExperienceIn = slices.Concat(q.Occupations, yearsAlso)
		if len(q.ExperienceIn) == 0 {
			for _, w := range typed {
				if utf8.RuneCountInString(w) < 4 {
					continue
				}
				for _, o := range cs.tax.NamedBy(w, maxExperienceIn) {
					q.ExperienceIn = append(q.ExperienceIn, o.URI)
				}
			}
		}
		if len(q.ExperienceIn) > maxExperienceIn {
			// A kind of work ("håndværker") names hundreds: the years of
			// each would be a clause of its own.
			q.ExperienceIn = nil
		}
	}
	for _, s := range p.Skills {
		s = strings.TrimSpace(s)
		if s == "" {
			continue
		}
		if strings.HasPrefix(s, "http://data.europa.eu/esco/skill/") {
			q.RequireSkills = append(q.RequireSkills, s)
			continue
		}
		f := index.SkillFilter{Text: s}
		if uri, _, ok := cs.tax.NormalizeSkill(s); ok {
			f.URI = uri
			interp = append(interp, Interpretation{Term: s, URI: uri, Label: cs.tax.ConceptLabel(uri, "en"), Via: "skill"})
		}
		q.SkillFilters = append(q.SkillFilters, f)
	}
	if p.Occupation != "" && !jobmatch.ContainsCPR(p.Occupation) {
		if strings.HasPrefix(p.Occupation, "http://") {
			q.RequireOccupations = []string{p.Occupation}
		} else if uri, _, ok := cs.tax.NormalizeOccupation(p.Occupation); ok {
			q.RequireOccupations = append([]string{uri}, relatedURIs(cs, uri)...)
		} else {
			verr.Add("occupation", "unknown_occupation", "")
		}
	}
	q.NoExperience = p.NoExperience
	if p.MinYears > 0 {
		// In the occupations the words name (the years a CV has in one
		// of them), or the one chosen; in all when none is.
		q.MinYears = p.MinYears
		// The years in the occupations the words name, by their own name
		// or an alternative label ("hjemmehjælper" is the social- og
		// sundhedshjælper's too); those of their groups when nobody has
		// them (Search).
		q.YearsIn = slices.Concat(q.Occupations, yearsAlso)
		// "lager 5 års erfaring", "rengøring 5 års erfaring": a word
		// that names no occupation but begins the names of a kind of
		// them (lagerarbejder, lagermedarbejder, lagerchef) asks for the
		// years in those, as "tømrer 5 års erfaring" asks for years as a
		// tømrer; in all, 2½ years on a lager and as many as a cleaner
		// passed.
		if len(q.YearsIn) == 0 && q.Text != "" && cs.tax != nil {
			for _, w := range index.QueryWords(q.Text) {
				for _, o := range cs.tax.FirstPart(w, maxExperienceIn) {
					if !slices.Contains(q.YearsIn, o.URI) {
						q.YearsIn = append(q.YearsIn, o.URI)
					}
				}
			}
		}
		// "chauffør 3 års erfaring", "montør 2 års erfaring": a word that
		// names no occupation of its own but is a word of the names of
		// several, or their last part (lastbilchauffør, buschauffør,
		// taxichauffør), asks for the years in one of those, as the
		// words find them first (ExperienceIn); in all, lagerarbejdere
		// and postbude with no year behind a wheel passed. The page
		// names the kind by the word ("som chauffør").
		kind := ""
		if len(q.YearsIn) == 0 && q.Text != "" && cs.tax != nil {
			for _, w := range index.QueryWords(q.Text) {
				if utf8.RuneCountInString(w) < 4 {
					continue
				}
				named := cs.tax.NamedBy(w, maxExperienceIn)
				for _, o := range named {
					if !slices.Contains(q.YearsIn, o.URI) {
						q.YearsIn = append(q.YearsIn, o.URI)
					}
				}
				if len(named) > 0 && kind == "" {
					kind = w
					if v, ok := cs.tax.DanishSpelling(w); ok {
						kind = v // "chauffor": chauffør
					}
				}
			}
		}
		if len(q.RequireOccupations) > 0 {
			q.YearsIn = q.RequireOccupations
		}
		if yearsRead != nil {
			yearsRead.Label = strconv.Itoa(p.MinYears)
			if len(q.YearsIn) > 0 {
				yearsRead.URI = q.YearsIn[0]
				// The name the words used: STAR's "Ekspedient", not
				// tøjekspedient, the first concept it stands for.
				for _, in := range interp {
					if in.URI == yearsRead.URI {
						yearsRead.Title = in.Title
						break
					}
				}
				if kind != "" {
					yearsRead.Title = kind
				}
			}
			interp = append(interp, *yearsRead)
		}
	}
	if p.Near != "" {
		lat, lon, ok := cs.tax.Places.Coordinates(p.Near)
		if !ok {
			verr.Add("near", "postal", "")
		}
		q.Near = &index.Point{Lat: lat, Lon: lon}
		q.RadiusKm = p.RadiusKm
		if q.RadiusKm <= 0 {
			q.RadiusKm = 30
		}
		if len(alsoNear) > 0 {
			// "lager i Kolding eller Vejle": within the radius of any of
			// the places, as the postal codes there (an area's filter,
			// and within the area when one is read too); the first
			// place still orders the nearest first.
			within := cs.postalWithinAny(slices.Concat([]string{p.Near}, alsoNear), q.RadiusKm)
			if len(q.PostalCodes) > 0 {
				within = slices.DeleteFunc(within, func(c string) bool { return !slices.Contains(q.PostalCodes, c) })
			}
			if len(within) == 0 {
				within = []string{"-"} // nothing near: nobody
			}
			q.PostalCodes, q.RadiusKm = within, 0
		}
	}
	if p.AvailableBefore != "" {
		t, err := time.Parse(time.DateOnly, p.AvailableBefore)
		if err != nil {
			verr.Add("available_before", "datetime", "")
		}
		q.AvailableBefore = t
	}
	switch p.Sort {
	case "", "relevance":
	case "distance":
		// Nearest first: from the postal code asked for.
		q.SortNear = true
		if p.Near == "" {
			verr.Add("near", "required", "")
		}
	case "available_from", "-available_from", "updated_at", "-updated_at":
		q.Sort = p.Sort
	default:
		verr.Add("sort", "oneof", "relevance distance available_from -available_from updated_at -updated_at")
	}
	for i := range interp {
		interp[i].Term, interp[i].rest = bracketsTight(interp[i].Term), bracketsTight(interp[i].rest)
	}
	validateFilters(p, verr)
	q.Size = p.Limit
	if q.Size <= 0 {
		q.Size = 25
	}
	if q.Size > app.MaxPageSize {
		verr.Add("limit", "lte", "200")
	}
	from, err := app.DecodeOffset(p.Cursor)
	if err != nil {
		verr.Add("cursor", "cursor", "")
	}
	q.From = from
	if q.From > 10000 {
		verr.Add("cursor", "cursor", "")
	}
	return q, interp, verr.Err()
}

// placeIn finds the first place in text: a postal code with a point, or
// a district's name of one or two words ("vejle", "aarhus c", "vejle
// øst"), not a word of a Danish occupation's name, three letters or more;
// also the area around a town as Danes write it ("Aarhus-området",
// "Odenseområdet", "Vejleegnen", "Kolding og omegn"), which is the town
// and its radius, as "nær Kolding" is.
// Places joined by "eller", "og" or a comma ("i Kolding eller Vejle",
// "Aarhus, Randers og Silkeborg") are each a place searched: codes holds
// them all, the first found first.
// It returns text without it, the postal codes and the words as typed.
func placeIn(tax *taxonomy.Taxonomy, text string) (rest string, codes []string, term string, ok bool) {
	words := strings.Fields(text)
	var isPlace func(w string) (string, bool)
	isPlace = func(w string) (string, bool) {
		if len(w) == 4 && strings.Trim(w, "0123456789") == "" {
			_, _, has := tax.Places.Coordinates(w)
			return w, has
		}
		if utf8.RuneCountInString(w) < 3 || strings.ContainsFunc(w, unicode.IsDigit) || tax.IsADanishWord(w) {
			return "", false
		}
		if c, ok := tax.Places.ByName(w); ok {
			return c, true
		}
		// "Aarhus-området", "Randersområdet", "Vejleegnen": the town
		// before the ending (a Danish word before it is a field of work:
		// "handicapområdet", "ældreområdet"). As typed, "området" was a
		// word searched, and found the CVs of the handicapområdet.
		if town, ok := withoutAreaEnding(w); ok && !strings.Contains(town, " ") {
			if c, ok := isPlace(town); ok {
				return c, true
			}
			if town, ok := strings.CutSuffix(town, "s"); ok {
				return isPlace(town)
			}
		}
		return "", false
	}
	for n := 2; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			t := strings.Join(words[i:i+n], " ")
			if n == 2 && tax.IsADanishWord(words[i]) {
				continue
			}
			if c, found := isPlace(strings.Trim(t, ",.;")); found {
				// "kok i aarhus", "lager omkring vejle": the word that
				// says where goes with the place, not into the words
				// searched (nor into the search without the place).
				start, end := placeStart(words, i), placeEnd(words, i+n)
				codes := []string{c}
				// The places joined to it, after it and before it; as
				// words, "vejle" in "i Kolding eller Vejle" was required
				// and reached "vejledning".
				for {
					c, next, ok := joinedPlaceAfter(words, end, isPlace)
					if !ok {
						break
					}
					if !slices.Contains(codes, c) {
						codes = append(codes, c)
					}
					end = next
				}
				for {
					c, prev, ok := joinedPlaceBefore(words, start, isPlace)
					if !ok {
						break
					}
					if !slices.Contains(codes, c) {
						codes = append(codes, c)
					}
					start = prev
				}
				t = strings.Join(words[start:end], " ")
				rest := strings.Join(append(slices.Clone(words[:start]), words[end:]...), " ")
				return rest, codes, t, true
			}
		}
	}
	return text, nil, "", false
}

// placeJoins join places: "Kolding eller Vejle", "Aarhus og Randers",
// "Odense/Svendborg" typed apart; a comma after a place joins it too.
var placeJoins = map[string]bool{"eller": true, "og": true, "or": true, "and": true, "/": true, "&": true, "+": true, "samt": true}

// joinedPlaceAfter reads a place joined to the words before end ("…
// eller Vejle", "…, i Vejle"): its postal code and where it ends.
func joinedPlaceAfter(words []string, end int, isPlace func(string) (string, bool)) (string, int, bool) {
	if end == 0 || end >= len(words) {
		return "", 0, false
	}
	i := end
	if placeJoins[strings.ToLower(words[i])] {
		i++
	} else if !strings.HasSuffix(words[end-1], ",") {
		return "", 0, false
	}
	// "i Kolding eller i Vejle": the word that says where, again.
	if i < len(words) && wordsBefore(words[i:i+1], placeWords) == 1 {
		i++
	}
	for n := 2; n >= 1; n-- {
		if i+n > len(words) {
			continue
		}
		if c, ok := isPlace(strings.Trim(strings.Join(words[i:i+n], " "), ",.;")); ok {
			return c, placeEnd(words, i+n), true
		}
	}
	return "", 0, false
}

// joinedPlaceBefore reads a place joined to the words from start ("Kolding
// eller …", "Kolding, …"): its postal code and where it begins, with the
// word that says where before it.
func joinedPlaceBefore(words []string, start int, isPlace func(string) (string, bool)) (string, int, bool) {
	end := start
	if end > 0 && placeJoins[strings.ToLower(words[end-1])] {
		end--
	} else if end == 0 || !strings.HasSuffix(words[end-1], ",") {
		return "", 0, false
	}
	for n := 2; n >= 1; n-- {
		if end-n < 0 {
			continue
		}
		if c, ok := isPlace(strings.Trim(strings.Join(words[end-n:end], " "), ",.;")); ok {
			return c, placeStart(words, end-n), true
		}
	}
	return "", 0, false
}

// postalWithinAny is the ordinary postal codes within km of one of the
// places (postal codes), in numeric order.
func (cs *Service) postalWithinAny(places []string, km float64) []string {
	var out []string
	for _, c := range cs.tax.Places.Codes() {
		lat, lon, ok := cs.tax.Places.Coordinates(c)
		if !ok {
			continue
		}
		for _, pl := range places {
			if plat, plon, ok := cs.tax.Places.Coordinates(pl); ok && taxonomy.Haversine(plat, plon, lat, lon) <= km {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// areaEndings end the name of the area around a town, in one word with
// it or after a hyphen: "Aarhus-området", "Odenseområdet", "Vejleegnen",
// "Kolding-omegnen".
var areaEndings = []string{"området", "omraadet", "omradet", "omegnen", "omegn", "egnen", "area"}

// withoutAreaEnding is w without an area's ending (and the hyphen before
// it: "Horsens-området"), and whether it had one; a genitive s
// ("Aalborgsområdet") is left to the caller, as "Randers" ends in one.
func withoutAreaEnding(w string) (string, bool) {
	lw := strings.ToLower(strings.Trim(w, ",.;:"))
	for _, e := range areaEndings {
		town, ok := strings.CutSuffix(lw, e)
		if !ok || town == "" {
			continue
		}
		if t, ok := strings.CutSuffix(town, "-"); ok {
			return t, true
		}
		if e == "area" {
			continue // English writes "the Aarhus area"
		}
		return town, true
	}
	return "", false
}

// placeAfter are the words after a town that make it the area around it:
// "Kolding og omegn", "Aarhus området" (typed apart), "Vejle og opland",
// "the Aarhus area".
var placeAfter = [][]string{
	{"og", "omegn"}, {"og", "omegnen"}, {"&", "omegn"}, {"+", "omegn"}, {"omegn"}, {"omegnen"},
	{"området"}, {"omraadet"}, {"omradet"}, {"egnen"}, {"og", "opland"}, {"og", "oplandet"},
	{"area"}, {"and", "surroundings"}, {"and", "surrounding", "area"}, {"and", "the", "surrounding", "area"},
}

// placeEnd is where the place that ends at end ends with the words after
// it that make it the area around the town (placeAfter).
func placeEnd(words []string, end int) int {
	best := 0
	for _, p := range placeAfter {
		if len(p) <= best || end+len(p) > len(words) {
			continue
		}
		if slices.EqualFunc(words[end:end+len(p)], p, func(a, b string) bool { return strings.EqualFold(strings.Trim(a, ",.;:"), b) }) {
			best = len(p)
		}
	}
	return end + best
}

// maxLanguagesRead bounds the languages with a level read from one query
// ("dansk B1 engelsk C1" is two).
const maxLanguagesRead = 4

// levelWords say how well a language is spoken, as a CEFR level: at least
// this. A mother tongue is C2 or native: CVs write C2 for it as often.
var levelWords = map[string]string{
	"flydende": "C1", "fluent": "C1", "fluently": "C1",
	"modersmål": "C2", "modersmaal": "C2", "modersmålsniveau": "C2", "native": "C2",
}

// spokenWords say how well a language is spoken as a consultant types it
// in a search ("taler godt dansk", "lidt engelsk"), as the CEFR level it
// is at least: well is B2, fluently or perfectly C1, some A2. They are
// read before the language (after it only as "taler dansk godt"): "godt
// humør", "noget med børn" are words. Not on the CV form, where "engelsk
// godt" is no level to record.
var spokenWords = map[string]string{
	"godt": "B2", "god": "B2", "gode": "B2", "good": "B2",
	"perfekt": "C1", "perfect": "C1",
	"lidt": "A2", "noget": "A2", "basalt": "A2", "basal": "A2", "some": "A2", "basic": "A2",
}

// levelIntensifiers may stand before a level: "rigtig godt dansk",
// "meget flydende engelsk" (the level is still at least that).
var levelIntensifiers = map[string]bool{"meget": true, "rigtig": true, "rigtigt": true, "virkelig": true, "very": true, "really": true}

// levelBetween are the words that may stand between a language and its
// level: "engelsk på modersmålsniveau", "dansk som modersmål", "dansk
// niveau B1".
var levelBetween = map[string]bool{"på": true, "paa": true, "som": true, "i": true, "at": true, "niveau": true, "level": true}

// cefrLevel reads a CEFR level as typed ("B1", "b2-niveau", "C1-level"),
// false for another word.
func cefrLevel(w string) (string, bool) {
	w = strings.TrimSuffix(strings.TrimSuffix(strings.ToLower(w), "-niveau"), "-level")
	switch w {
	case "a1", "a2", "b1", "b2", "c1", "c2":
		return strings.ToUpper(w), true
	}
	return "", false
}

// ParseLanguage reads a language as a consultant writes it on the CV form:
// "da:B2" (code and level), "dansk B1", "arabisk modersmål", "dansk PD3",
// "engelsk flydende" or "tigrinya" (no level). A mother tongue is C2, as
// the CVs write it; a test of Danish its level. What it cannot read comes
// back as typed, for the validation to name.
func ParseLanguage(s string) jobmatch.Language {
	s = strings.TrimSpace(s)
	if code, level, ok := strings.Cut(s, ":"); ok {
		return jobmatch.Language{Code: strings.TrimSpace(code), Level: strings.TrimSpace(level)}
	}
	words := strings.Fields(s)
	if len(words) == 0 || len(words) > 4 {
		return jobmatch.Language{Code: s}
	}
	code, ok := index.LanguageCode(words[0])
	if !ok {
		if len(words[0]) > 3 {
			return jobmatch.Language{Code: s}
		}
		code = words[0] // "da B2"
	}
	rest := strings.ToLower(strings.Join(words[1:], " "))
	rest = strings.TrimSpace(strings.TrimPrefix(strings.TrimPrefix(rest, "på "), "niveau "))
	switch {
	case rest == "":
		return jobmatch.Language{Code: code}
	case code == "da" && danishTests[strings.ReplaceAll(strings.ReplaceAll(rest, " ", ""), "-", "")] != "":
		return jobmatch.Language{Code: code, Level: danishTests[strings.ReplaceAll(strings.ReplaceAll(rest, " ", ""), "-", "")]}
	}
	if level, ok := cefrLevel(rest); ok {
		return jobmatch.Language{Code: code, Level: level}
	}
	if level, ok := levelWords[strings.TrimPrefix(rest, "som ")]; ok {
		return jobmatch.Language{Code: code, Level: level}
	}
	return jobmatch.Language{Code: code, Level: rest}
}

// danishTests are the state's tests of Danish for adults, by the letters
// the trade writes them ("pd3", "prøve i dansk 3"), each with the CEFR
// level the Ministry gives it: Prøve i Dansk 1 A2, 2 B1, 3 B2, and
// Studieprøven C1. A refugee's CV records the level; a consultant asks
// for the test.
var danishTests = map[string]string{"pd1": "A2", "pd2": "B1", "pd3": "B2",
	"studieprøven": "C1", "studieprøve": "C1", "studieproeven": "C1", "studieproeve": "C1", "studieproven": "C1"}

// danishTestIn finds a test of Danish in text ("pd3", "PD 2", "prøve i
// dansk 3", "studieprøven") and returns text without it, the language
// filter it stands for ("da:B2") and the words as typed.
func danishTestIn(text string) (rest, spec, term string, ok bool) {
	words := strings.Fields(text)
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:()")) }
	drop := func(i, j int) string { return strings.Join(append(slices.Clone(words[:i]), words[j:]...), " ") }
	found := func(i, j int, test string) (string, string, string, bool) {
		return drop(i, j), "da:" + danishTests[test], strings.Join(words[i:j], " "), true
	}
	for i := range words {
		w := clean(words[i])
		if _, ok := danishTests[strings.ReplaceAll(w, "-", "")]; ok {
			return found(i, i+1, strings.ReplaceAll(w, "-", ""))
		}
		if w == "pd" && i+1 < len(words) {
			if _, ok := danishTests["pd"+clean(words[i+1])]; ok {
				return found(i, i+2, "pd"+clean(words[i+1]))
			}
		}
		// "prøve i dansk 3", also without ø.
		if (w == "prøve" || w == "proeve" || w == "prove") && i+3 < len(words) && clean(words[i+1]) == "i" && clean(words[i+2]) == "dansk" {
			if _, ok := danishTests["pd"+clean(words[i+3])]; ok {
				return found(i, i+4, "pd"+clean(words[i+3]))
			}
		}
	}
	return text, "", "", false
}

// languageLevelIn finds a language with how well it is spoken ("flydende
// engelsk", "engelsk flydende", "dansk som modersmål", "dansk B1",
// "B2 engelsk") and returns text
// without them, the filter ("en:C1") and the words as typed.
func languageLevelIn(text string) (rest, spec, term string, ok bool) {
	words := strings.Fields(text)
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:")) }
	drop := func(i, j int) string { return strings.Join(append(slices.Clone(words[:i]), words[j:]...), " ") }
	// found is words[i:j] read as code at level, with a verb that says
	// it is spoken before them ("taler godt dansk", "speaks fluent
	// English"): as a word, "taler" was required of every CV.
	found := func(i, j int, code, level string) (string, string, string, bool) {
		if i > 0 && index.SpeakWord(clean(words[i-1])) {
			i--
		}
		return drop(i, j), code + ":" + level, strings.Join(words[i:j], " "), true
	}
	for i, w := range words {
		level, ok := levelWords[clean(w)]
		cefr, spoken := false, false
		if !ok {
			level, ok = cefrLevel(clean(w))
			cefr = ok
		}
		if !ok {
			level, ok = spokenWords[clean(w)]
			spoken = ok
		}
		if !ok {
			continue
		}
		// The level before the language: "flydende engelsk", "rigtig
		// godt dansk" (a CEFR level only when no language comes before
		// it: "dansk B1 engelsk C1" is Danish at B1).
		before := func() (string, string, string, bool) {
			if i+1 < len(words) {
				if code, ok := index.LanguageCode(clean(words[i+1])); ok {
					start := i
					if start > 0 && levelIntensifiers[clean(words[start-1])] {
						start--
					}
					return found(start, i+2, code, level)
				}
			}
			return "", "", "", false
		}
		// After it, maybe with a word between: "engelsk flydende",
		// "dansk som modersmål", "dansk på B1"; a word of everyday
		// speech only after the verb ("taler dansk godt").
		after := func() (string, string, string, bool) {
			for j := i - 1; j >= 0 && j >= i-2; j-- {
				if code, ok := index.LanguageCode(clean(words[j])); ok {
					if spoken && (j != i-1 || j == 0 || !index.SpeakWord(clean(words[j-1]))) {
						break
					}
					return found(j, i+1, code, level)
				}
				if !levelBetween[clean(words[j])] {
					break
				}
			}
			return "", "", "", false
		}
		reads := []func() (string, string, string, bool){before, after}
		if cefr {
			reads = []func() (string, string, string, bool){after, before}
		}
		for _, read := range reads {
			if rest, spec, term, ok := read(); ok {
				return rest, spec, term, true
			}
		}
	}
	return text, "", "", false
}

// placeStart is where the place that begins at words[i] begins with the
// word that says where before it ("i", "på", "tæt på"). "pa" is "på" typed
// without å only after another word: first, it is the abbreviation ("pa
// aarhus", a personlig assistent in Aarhus).
func placeStart(words []string, i int) int {
	start := i - wordsBefore(words[:i], placeWords)
	if start == 0 && start < i && strings.EqualFold(words[0], "pa") {
		return i
	}
	return start
}

// areaIn finds an area in text ("på fyn", "i region syddanmark", "vejle
// kommune"), the longest first, with the word that says where before it,
// and returns text without them.
func areaIn(text string) (rest string, a taxonomy.Area, term string, ok bool) {
	words := strings.Fields(text)
	for n := 3; n >= 1; n-- {
		for i := 0; i+n <= len(words); i++ {
			found, ok := taxonomy.AreaByName(strings.Join(words[i:i+n], " "))
			if !ok {
				continue
			}
			start := placeStart(words, i)
			term := strings.Join(words[start:i+n], " ")
			return strings.Join(append(slices.Clone(words[:start]), words[i+n:]...), " "), found, term, true
		}
	}
	return text, taxonomy.Area{}, "", false
}

// requestWords begin a request typed as a sentence: "find mig en kok",
// "vi søger nogen til lageret", "we need a welder". The verbs and who asks
// come first; "mig" elsewhere is a word ("svejser mig/mag").
var requestWords = map[string]bool{
	"find": true, "finde": true, "søg": true, "søger": true, "soeger": true, "mangler": true, "brug": true,
	"vi": true, "jeg": true, "har": true, "for": true, "mig": true, "os": true, "gerne": true, "en": true,
	"et": true, "nogen": true, "nogle": true, "til": true, "vil": true, "skal": true, "bruge": true, "have": true,
	"ansætte": true, "ansaette": true, "ny": true,
	"we": true, "i": true, "need": true, "looking": true, "me": true, "us": true, "someone": true,
	"a": true, "an": true, "some": true, "want": true, "to": true, "hire": true, "would": true, "like": true,
}

// requestVerbs are the request words a request begins with (besides who
// asks): without one, the words are searched as typed.
// "have" is no verb of its own: "have og park" is a garden; "vil" is ("vi vil
// gerne have en kok").
var requestVerbs = map[string]bool{"find": true, "finde": true, "søg": true, "søger": true, "soeger": true, "mangler": true, "brug": true,
	"bruge": true, "vil": true, "ansætte": true, "ansaette": true, "need": true, "looking": true, "want": true, "hire": true}

// withoutRequest is text without the words of a request it begins with,
// or text itself when nothing would be left or it begins with none.
func withoutRequest(text string) string {
	words := strings.Fields(text)
	n, verb := 0, false
	for n < len(words) && requestWords[strings.ToLower(words[n])] {
		verb = verb || requestVerbs[strings.ToLower(words[n])]
		n++
	}
	if n == 0 || n == len(words) || !verb {
		return text
	}
	return strings.Join(words[n:], " ")
}

// possessives say the words after them are the employer's own ("til vores
// restaurant"); workplacePreps come before them, and phraseEnds end what
// they name.
var (
	possessives    = map[string]bool{"vores": true, "vor": true, "vort": true, "vore": true, "jeres": true, "our": true}
	workplacePreps = map[string]bool{"til": true, "i": true, "på": true, "paa": true, "hos": true, "ved": true, "for": true, "in": true, "at": true, "to": true}
	phraseEnds     = map[string]bool{"til": true, "i": true, "på": true, "paa": true, "hos": true, "ved": true, "for": true, "in": true, "at": true, "to": true,
		"med": true, "som": true, "der": true, "og": true, "eller": true, "with": true, "who": true, "and": true, "or": true, "near": true, "nær": true}
)

// withoutWorkplace finds where the job is, as an employer says it ("til
// vores restaurant", "i vores nye butik", "for our shop"): a preposition,
// a possessive and the words after it up to the next preposition, "med"
// or a comma (at most three), and returns text without them. Text itself
// when nothing else would be left.
func withoutWorkplace(text string) (string, []string) {
	words := strings.Fields(text)
	var keep, terms []string
	for i := 0; i < len(words); i++ {
		w := strings.ToLower(words[i])
		if !workplacePreps[w] || i+2 >= len(words) || !possessives[strings.ToLower(words[i+1])] {
			keep = append(keep, words[i])
			continue
		}
		end := i + 2
		for end < len(words) && end < i+5 && !phraseEnds[strings.ToLower(words[end])] {
			end++
			if strings.HasSuffix(words[end-1], ",") || strings.HasSuffix(words[end-1], ".") {
				break
			}
		}
		if end == i+2 {
			keep = append(keep, words[i])
			continue
		}
		terms = append(terms, strings.TrimRight(strings.Join(words[i:end], " "), ",."))
		i = end - 1
	}
	if len(terms) == 0 || len(keep) == 0 {
		return text, nil
	}
	return strings.Join(keep, " "), terms
}

// availableNow are the ways of saying a CV is available now, longest
// first.
var availableNow = [][]string{
	{"kan", "starte", "med", "det", "samme"}, {"ledig", "med", "det", "samme"}, {"kan", "starte", "straks"},
	{"kan", "starte", "nu"}, {"kan", "begynde", "nu"}, {"can", "start", "now"}, {"available", "now"},
	{"ledig", "nu"}, {"ledige", "nu"}, {"ledig", "straks"}, {"ledige", "straks"}, {"klar", "nu"},
	{"starte", "nu"}, {"start", "now"},
}

// availableNowIn finds a way of saying "available now" among the words
// and returns text without it and the words as typed.
func availableNowIn(text string) (rest, term string, ok bool) {
	words := strings.Fields(text)
	for _, p := range availableNow {
		for i := 0; i+len(p) <= len(words); i++ {
			if slices.EqualFunc(words[i:i+len(p)], p, func(w, x string) bool { return strings.EqualFold(strings.Trim(w, ",.;:!"), x) }) {
				return strings.Join(append(slices.Clone(words[:i]), words[i+len(p):]...), " "), strings.Join(words[i:i+len(p)], " "), true
			}
		}
	}
	return text, "", false
}

// fullTimeWeek is a Danish full-time week in hours.
const fullTimeWeek = 37

// weeklyHoursIn finds hours a week among the words ("25 timer", "30 timer
// om ugen", "37 t/uge", "20-25 timer") and returns text without them,
// part-time below a full-time week and full-time from it, and the words as
// typed.
func weeklyHoursIn(text string) (rest string, hours jobmatch.Hours, term string, ok bool) {
	words := strings.Fields(text)
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:")) }
	for i := 0; i+1 < len(words); i++ {
		num := clean(words[i])
		if lo, hi, found := strings.Cut(num, "-"); found && lo != "" {
			num = hi // "20-25 timer": the most asked
		}
		n, err := strconv.Atoi(num)
		if err != nil || n < 1 || n > 60 {
			continue
		}
		unit := clean(words[i+1])
		if unit != "timer" && unit != "t" && unit != "t/uge" && unit != "timer/uge" && unit != "hours" && unit != "h" {
			continue
		}
		end := i + 2
		for _, tail := range [][]string{{"om", "ugen"}, {"i", "ugen"}, {"pr.", "uge"}, {"per", "uge"}, {"a", "week"}, {"per", "week"}, {"ugentligt"}, {"ugentlig"}} {
			if end+len(tail) <= len(words) && slices.EqualFunc(words[end:end+len(tail)], tail, func(w, x string) bool { return clean(w) == x }) {
				end += len(tail)
				break
			}
		}
		hours = jobmatch.HoursPart
		if n >= fullTimeWeek {
			hours = jobmatch.HoursFull
		}
		return strings.Join(append(slices.Clone(words[:i]), words[end:]...), " "), hours, strings.Join(words[i:end], " "), true
	}
	return text, "", "", false
}

// MaxYears is the most years of experience a search asks (min_years).
const MaxYears = index.MaxYears

// whoWords say that whom to find is a job seeker: every CV is one
// ("borger" only first, see withoutWho).
var whoWords = map[string]bool{
	"ledig": true, "ledige": true, "arbejdsløs": true, "arbejdsløse": true, "arbejdsloes": true, "borger": true, "borgere": true,
	"kandidat": true, "kandidater": true, "jobsøger": true, "jobsøgere": true, "jobsøgende": true, "jobsoeger": true, "jobsogende": true,
	"candidate": true, "candidates": true, "jobseeker": true, "jobseekers": true, "unemployed": true,
}

// withoutWho is text without the words that only say a job seeker, and
// those words as typed. Nothing is left of "ledige" alone: every CV.
func withoutWho(text string) (string, []string) {
	words := strings.Fields(text)
	var keep, terms []string
	for i, w := range words {
		lw := strings.ToLower(strings.Trim(w, ",.;:!"))
		// "borgere" says whom to find only first ("borger kok"): after
		// other words it is whom a CV worked with ("pleje af borgere").
		// "kandidat i økonomi" is a degree (cand.oecon.), not a job seeker.
		degree := strings.HasPrefix(lw, "kandidat") && i+1 < len(words) && slices.Contains([]string{"i", "fra", "in"}, strings.ToLower(words[i+1]))
		if whoWords[lw] && !degree && (i == 0 || !strings.HasPrefix(lw, "borger")) {
			terms = append(terms, w)
			continue
		}
		keep = append(keep, w)
	}
	if len(terms) == 0 {
		return text, nil
	}
	return strings.Join(keep, " "), terms
}

// negations are the words that say a CV need not have the next word.
var negations = map[string]bool{"uden": true, "ingen": true, "without": true, "ikke": true, "not": true, "no": true}

// educationPhrases are the phrases that name an education, each with the
// one word the search reads as it: "uden uddannelse", "ingen faglig
// uddannelse", "no education" say a CV has no vocational education (an
// ufaglært); "lang videregående uddannelse" is an akademiker's, "ph.d."
// (split at its dots, a word no CV holds) the word "phd". Longer phrases
// first; compared by spelling skeleton ("videregaaende").
var educationPhrases = []struct {
	words []string
	as    string
}{
	{[]string{"uden", "en", "uddannelse"}, "ufaglært"}, {[]string{"uden", "faglig", "uddannelse"}, "ufaglært"},
	{[]string{"ingen", "faglig", "uddannelse"}, "ufaglært"}, {[]string{"uden", "erhvervsuddannelse"}, "ufaglært"},
	{[]string{"ingen", "erhvervsuddannelse"}, "ufaglært"}, {[]string{"uden", "uddannelse"}, "ufaglært"},
	{[]string{"ingen", "uddannelse"}, "ufaglært"}, {[]string{"without", "education"}, "ufaglært"},
	{[]string{"no", "education"}, "ufaglært"}, {[]string{"without", "qualifications"}, "ufaglært"},
	{[]string{"no", "qualifications"}, "ufaglært"}, {[]string{"unskilled"}, "ufaglært"},
	{[]string{"lang", "videregående", "uddannelse"}, "akademiker"}, {[]string{"lang", "videregående"}, "akademiker"},
	{[]string{"mellemlang", "videregående", "uddannelse"}, "mvu"}, {[]string{"mellemlang", "videregående"}, "mvu"},
	{[]string{"kort", "videregående", "uddannelse"}, "kvu"}, {[]string{"kort", "videregående"}, "kvu"},
	{[]string{"videregående", "uddannelse"}, "højtuddannet"}, {[]string{"akademisk", "uddannelse"}, "akademiker"},
	{[]string{"universitetsuddannelse"}, "akademiker"}, {[]string{"higher", "education"}, "højtuddannet"},
	{[]string{"university", "degree"}, "akademiker"}, {[]string{"ph.d"}, "phd"}, {[]string{"ph.d.'er"}, "phd"}, {[]string{"ph.d.er"}, "phd"},
}

// withEducation is text with each of educationPhrases as its word.
func withEducation(text string) string {
	words := strings.Fields(text)
	same := func(w, x string) bool { return taxonomy.Skeleton(strings.Trim(w, ",.;:!?")) == taxonomy.Skeleton(x) }
	changed := false
	for i := 0; i < len(words); i++ {
		for _, p := range educationPhrases {
			if i+len(p.words) <= len(words) && slices.EqualFunc(words[i:i+len(p.words)], p.words, same) {
				words = slices.Concat(words[:i:i], []string{p.as}, words[i+len(p.words):])
				changed = true
				break
			}
		}
	}
	if !changed {
		return text
	}
	return strings.Join(words, " ")
}

// noExperiencePhrases say that the CV has no work experience.
var noExperiencePhrases = func() [][]string {
	var out [][]string
	for _, neg := range []string{"uden", "ingen"} {
		for _, w := range []string{"erfaring", "joberfaring", "erhvervserfaring", "arbejdserfaring", "arbejdsmarkedserfaring"} {
			out = append(out, []string{neg, w})
		}
	}
	return append(out, []string{"no", "experience"}, []string{"no", "work", "experience"}, []string{"without", "experience"},
		[]string{"without", "work", "experience"}, []string{"no", "prior", "experience"})
}()

// noExperienceIn finds a phrase of noExperiencePhrases among the words and
// returns text without it, and the phrase as typed.
func noExperienceIn(text string) (string, string, bool) {
	words := strings.Fields(text)
	same := func(w, x string) bool { return strings.ToLower(strings.Trim(w, ",.;:()")) == x }
	for i := range words {
		for _, p := range noExperiencePhrases {
			if i+len(p) <= len(words) && slices.EqualFunc(words[i:i+len(p)], p, same) {
				return strings.Join(slices.Concat(words[:i:i], words[i+len(p):]), " "), strings.Join(words[i:i+len(p)], " "), true
			}
		}
	}
	return text, "", false
}

// withoutNegated is text without each negation and the word after it
// ("uden kørekort", "without danish"), and those pairs as typed; "" when
// nothing else is left (searched, "ikke flygtning" found exactly those it
// negates).
func withoutNegated(text string) (string, []string) {
	words := strings.Fields(text)
	var keep, terms []string
	for i := 0; i < len(words); i++ {
		if negations[strings.ToLower(words[i])] && i+1 < len(words) {
			// "uden for aarhus", "ikke i vejle": the place goes with
			// the negation, or it would be read as where to look.
			n := 1
			if i+2 < len(words) && (strings.EqualFold(words[i+1], "for") || wordsBefore(words[i+1:i+2], placeWords) == 1) {
				n = 2
			}
			terms = append(terms, strings.Join(words[i:i+1+n], " "))
			i += n
			continue
		}
		keep = append(keep, words[i])
	}
	if len(terms) == 0 {
		return text, nil
	}
	return strings.Join(keep, " "), terms
}

// exclusionsIn finds the words marked to leave out: "-word" (a hyphen
// before a letter; "social- og" and "it-support" are words) and "NOT
// word" (in capitals, the search operator; "not" is read as a negation,
// withoutNegated). It returns text without them, the words, and each as
// typed.
func exclusionsIn(text string) (rest string, words, terms []string) {
	chunks := strings.Fields(text)
	var keep []string
	for i := 0; i < len(chunks); i++ {
		c := chunks[i]
		var typed, w string
		switch {
		case len(c) > 1 && c[0] == '-' && unicode.IsLetter([]rune(c[1:])[0]) && !suspendedAfter(chunks, i):
			typed, w = c, c[1:]
		case c == "NOT" && i+1 < len(chunks):
			typed, w = c+" "+chunks[i+1], chunks[i+1]
			i++
		default:
			keep = append(keep, c)
			continue
		}
		if w = strings.Trim(w, ",.;:!?()\"'«»"); len(index.QueryWords(w)) == 0 {
			keep = append(keep, typed)
			continue
		}
		words, terms = append(words, strings.ToLower(w)), append(terms, typed)
	}
	if len(words) == 0 {
		return text, nil, nil
	}
	return strings.Join(keep, " "), words, terms
}

// suspendedAfter reports whether chunks[i], "-word", ends a compound
// whose shared part an earlier word has, as Danish titles write two of
// them ("Idrætsinstruktør og -konsulent": idrætskonsulent, "tømrer
// eller -mester"): after "og", "eller", "samt", "and", "or", "&", "/" or
// "+", it is no word to leave out. STAR's title
// "Idrætsinstruktør og -konsulent" found nobody, its "-konsulent" read as
// excluding every konsulent.
func suspendedAfter(chunks []string, i int) bool {
	if i == 0 {
		return false
	}
	prev := strings.ToLower(chunks[i-1])
	switch prev {
	case "og", "eller", "samt", "and", "or", "&", "/", "+":
		return true
	}
	return false
}

// certificateEnds end the words of a certificate or a course taken, by
// spelling skeleton ("truckcertifikat", "hygiejnebevis", "kranbevis",
// "truckkort", "førstehjælpskursus").
var certificateEnds = []string{"certifikat", "certifikater", "bevis", "beviser", "kort", "kursus"}

// excludedBy reads a negation withoutNegated found ("uden weekend", "ikke
// truckcertifikat") as a word to leave out (Query.Without): a working
// time (the CV's hours or shifts answer it) or a certificate.
func excludedBy(term string) (string, bool) {
	words := strings.Fields(term)
	if len(words) != 2 {
		return "", false
	}
	w := strings.ToLower(strings.Trim(words[1], ",.;:!?"))
	if _, ok := index.WorkTime(w); ok {
		return w, true
	}
	sk := taxonomy.Skeleton(w)
	for _, end := range certificateEnds {
		if len(sk) > len(end)+2 && strings.HasSuffix(sk, end) {
			return w, true
		}
	}
	return "", false
}

// groupNames name a target group, by spelling skeleton (as the index
// reads them among the words): "ikke flygtning" is every other group.
var groupNames = map[string]jobmatch.TargetGroup{
	"flygtning": jobmatch.TargetRefugee, "flygtninge": jobmatch.TargetRefugee,
	"familiesammenfort": jobmatch.TargetRefugee, "familiesammenforte": jobmatch.TargetRefugee,
	"jobparat": jobmatch.TargetCloseToJob, "jobparate": jobmatch.TargetCloseToJob,
	"aktivitetsparat": jobmatch.TargetFurtherFromJob, "aktivitetsparate": jobmatch.TargetFurtherFromJob,
	"ung": jobmatch.TargetYoung, "unge": jobmatch.TargetYoung,
	"refugee": jobmatch.TargetRefugee, "refugees": jobmatch.TargetRefugee, "young": jobmatch.TargetYoung, "youth": jobmatch.TargetYoung,
}

// negatedGroup reads a negation withoutNegated found ("ikke flygtning",
// "uden unge") as the target group it leaves out.
func negatedGroup(term string) (string, bool) {
	words := strings.Fields(term)
	if len(words) != 2 {
		return "", false
	}
	g, ok := groupNames[taxonomy.Skeleton(strings.Trim(words[1], ",.;:!?"))]
	return string(g), ok
}

// noGroup is a target group no CV has: the filter when every group asked
// for is also negated ("target_group=young" with "ikke unge"), which finds
// nobody rather than, with no group left, everyone.
const noGroup = "-"

// withoutGroup is the target group filter groups without g: every other
// group when groups is empty (any).
func withoutGroup(groups []string, g string) []string {
	if len(groups) == 0 {
		for _, tg := range jobmatch.TargetGroups {
			groups = append(groups, string(tg))
		}
	}
	out := slices.DeleteFunc(slices.Clone(groups), func(x string) bool { return x == g })
	if len(out) == 0 {
		return []string{noGroup}
	}
	return out
}

// carLicences are the categories a car licence (B) is part of: a C or D
// licence presupposes B.
var carLicences = []string{"B", "BE", "C1", "C1E", "C", "CE", "D1", "D1E", "D", "DE"}

// notCarLicence are the words before "kørekort" that make it another
// vehicle's certificate ("kran kørekort", "truck kørekort").
var notCarLicence = map[string]bool{"truck": true, "gaffeltruck": true, "kran": true, "mobilkran": true, "traktor": true,
	"knallert": true, "båd": true, "baad": true, "lift": true, "teleskoplæsser": true, "minilæsser": true, "gravemaskine": true}

// carLicenceIn finds "kørekort" standing for a car licence ("med
// kørekort", "har kørekort", "kørekort" alone, "koerekort"), with the word
// before it that asks for it ("med", "har", "og"), and returns text without
// them and the words as typed. Not another vehicle's ("kran kørekort"),
// nor "kørekort til …", which licenceIn reads.
func carLicenceIn(text string) (rest, term string, ok bool) {
	words := strings.Fields(text)
	for i, w := range words {
		switch strings.ToLower(strings.Trim(w, ",.;:!?")) {
		case "kørekort", "koerekort", "korekort", "kørekortet":
		default:
			continue
		}
		if i > 0 && notCarLicence[strings.ToLower(strings.Trim(words[i-1], ",.;:"))] ||
			i+1 < len(words) && strings.EqualFold(words[i+1], "til") {
			continue
		}
		start := i
		if i > 0 {
			switch strings.ToLower(words[i-1]) {
			case "med", "har", "have", "og", "samt", "+", "with", "gyldigt", "eget":
				start = i - 1
			}
		}
		return strings.Join(slices.Concat(words[:start:start], words[i+1:]), " "), strings.TrimRight(strings.Join(words[start:i+1], " "), ",.;:!?"), true
	}
	return text, "", false
}

// noLicenceWords are the words that can stand between a negation and
// "kørekort" ("uden gyldigt kørekort", "without a driving licence").
var noLicenceWords = map[string]bool{"noget": true, "et": true, "gyldigt": true, "eget": true, "dansk": true, "har": true,
	"a": true, "any": true, "valid": true, "have": true}

// carLicenceWords are the words for a car licence a negation can come
// before ("uden kørekort", "ingen b-kørekort"; "driving licence" is two).
var carLicenceWords = map[string]bool{"kørekort": true, "koerekort": true, "korekort": true, "kørekortet": true,
	"b-kørekort": true, "b-koerekort": true, "bilkørekort": true, "bilkoerekort": true}

// noCarLicenceIn finds a car licence negated ("uden kørekort", "ingen
// kørekort", "har ikke kørekort", "uden kørekort til bil", "without a
// driving licence") and returns text without it and the words as typed.
// Not another vehicle's ("uden kørekort til lastbil", "uden truck
// kørekort"), which is left to withoutNegated.
func noCarLicenceIn(text string) (rest, term string, ok bool) {
	words := strings.Fields(text)
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:!?()")) }
	for i, w := range words {
		if !negations[clean(w)] {
			continue
		}
		j := i + 1
		for j < len(words) && j < i+3 && noLicenceWords[clean(words[j])] {
			j++
		}
		if j >= len(words) {
			continue
		}
		switch l := clean(words[j]); {
		case carLicenceWords[l]:
			j++
		case (l == "driving" || l == "driver's" || l == "drivers" || l == "driver’s" || l == "car") && j+1 < len(words) &&
			(clean(words[j+1]) == "licence" || clean(words[j+1]) == "license"):
			j += 2
		default:
			continue
		}
		// "uden kørekort til bil(en)", "til B": still a car's; "til
		// lastbil" is another vehicle's.
		if j+1 < len(words) && clean(words[j]) == "til" {
			switch clean(words[j+1]) {
			case "bil", "bilen", "b", "personbil":
				j += 2
			default:
				continue
			}
		}
		start := i
		if i > 0 && (clean(words[i-1]) == "har" || clean(words[i-1]) == "has") {
			start = i - 1 // "har ikke kørekort"
		}
		return strings.Join(slices.Concat(words[:start:start], words[j:]), " "), strings.TrimRight(strings.Join(words[start:j], " "), ",.;:!?"), true
	}
	return text, "", false
}

// unemployedWords are the words of being out of work, after which (or
// before which) a duration says for how long ("ledig over 1 år", "12
// måneders ledighed"); durationUnits, durationNumbers and durationLeads
// are the words of a duration.
var (
	unemployedWords = map[string]bool{"ledig": true, "ledige": true, "arbejdsløs": true, "arbejdsløse": true, "arbejdsloes": true,
		"ledighed": true, "ledigheden": true, "arbejdsløshed": true, "unemployed": true, "unemployment": true}
	durationUnits = map[string]bool{"år": true, "års": true, "aar": true, "aars": true, "måned": true, "måneder": true, "måneders": true,
		"maaned": true, "maaneder": true, "maaneders": true, "mdr": true, "mdr.": true, "uge": true, "uger": true, "ugers": true,
		"year": true, "years": true, "month": true, "months": true, "week": true, "weeks": true}
	durationNumbers = map[string]bool{"et": true, "ét": true, "en": true, "to": true, "tre": true, "fire": true, "fem": true, "seks": true,
		"halvt": true, "halvandet": true, "one": true, "two": true, "three": true, "a": true}
	durationLeads = map[string]bool{"over": true, "mere": true, "end": true, "mindst": true, "længere": true, "laengere": true, "i": true,
		"for": true, "than": true, "more": true, "at": true, "least": true, "min.": true}
)

// longUnemployed reports whether w says out of work for long
// ("langtidsledig", "langtidsledige", "langtidsarbejdsløs").
func longUnemployed(w string) bool {
	sk := taxonomy.Skeleton(w)
	return strings.HasPrefix(sk, "langtidsledig") || strings.HasPrefix(sk, "langtidsarbejdslos")
}

// durationAt is the number of words of a duration that begins at
// words[i] ("over 1 år", "i mere end 12 måneder", "siden 2023"), 0 for
// none.
func durationAt(words []string, i int) int {
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:!?")) }
	if i < len(words) && (clean(words[i]) == "siden" || clean(words[i]) == "since") {
		if i+1 < len(words) && strings.ContainsFunc(words[i+1], unicode.IsDigit) {
			return 2
		}
		return 0
	}
	j := i
	for j < len(words) && j < i+4 && durationLeads[clean(words[j])] {
		j++
	}
	if j+1 >= len(words) || !durationUnits[clean(words[j+1])] {
		return 0
	}
	n := strings.TrimSuffix(clean(words[j]), "+")
	if _, err := strconv.ParseFloat(strings.ReplaceAll(n, ",", "."), 64); err != nil && !durationNumbers[n] {
		return 0
	}
	return j + 2 - i
}

// withoutUnemployedFor is text without the phrases that say how long a
// citizen has been out of work ("ledig over 1 år", "ledige i mere end 2
// år", "over et års ledighed", "langtidsledige"), and those phrases as
// typed. "ledig" with no duration is left for withoutWho.
func withoutUnemployedFor(text string) (string, []string) {
	words := strings.Fields(text)
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:!?")) }
	var keep, terms []string
	for i := 0; i < len(words); i++ {
		w := clean(words[i])
		if !longUnemployed(w) && !unemployedWords[w] {
			keep = append(keep, words[i])
			continue
		}
		// "ledig over 1 år", "langtidsledig i over et år": the duration
		// goes with it.
		if n := durationAt(words, i+1); n > 0 || longUnemployed(w) {
			terms = append(terms, strings.Join(words[i:i+1+n], " "))
			keep = withoutVerbs(keep)
			i += n
			continue
		}
		// "over et år ledig", "12 måneders ledighed": the duration before.
		found := false
		for k := max(0, len(keep)-5); k < len(keep); k++ {
			if durationAt(keep, k) == len(keep)-k {
				terms = append(terms, strings.Join(append(slices.Clone(keep[k:]), words[i]), " "))
				keep, found = withoutVerbs(keep[:k]), true
				break
			}
		}
		if !found {
			keep = append(keep, words[i])
		}
	}
	if len(terms) == 0 {
		return text, nil
	}
	return strings.Join(keep, " "), terms
}

// withoutVerbs is words without the verbs that end them and say one has
// been ("kok der har været" ledig over et år): they go with the duration.
func withoutVerbs(words []string) []string {
	for len(words) > 0 && slices.Contains([]string{"har", "været", "vaeret", "der", "som", "has", "been", "who"}, strings.ToLower(words[len(words)-1])) {
		words = words[:len(words)-1]
	}
	return words
}

// withoutPersonal returns text without the words that say a person's
// gender or ethnic origin (jobmatch.IsPersonalWord), and those words. With nothing
// else typed, the search is for everyone under its filters.
func withoutPersonal(text string) (string, []string) {
	words := strings.Fields(text)
	var keep, terms []string
	for i := 0; i < len(words); i++ {
		if !jobmatch.IsPersonalWord(words[i]) {
			keep = append(keep, words[i])
			continue
		}
		// "etnisk dansk": the origin goes with it, or "dansk" would be
		// read as the language.
		if w := strings.ToLower(words[i]); (w == "etnisk" || w == "etniske" || w == "ethnic") && i+1 < len(words) {
			terms = append(terms, words[i]+" "+words[i+1])
			i++
			continue
		}
		terms = append(terms, words[i])
	}
	if len(terms) == 0 {
		return text, nil
	}
	return strings.Join(keep, " "), terms
}

// placeWords say where the place that follows is: "kok i aarhus", "lager
// i nærheden af vejle", "pædagog near odense".
var placeWords = append([][]string{
	{"i", "nærheden", "af"}, {"i", "naerheden", "af"}, {"tæt", "på"}, {"taet", "paa"}, {"close", "to"},
	{"i"}, {"ved"}, {"nær"}, {"naer"}, {"omkring"}, {"omkr."}, {"fra"}, {"in"}, {"near"}, {"around"},
	// "på Fyn", "på Als", "på Frederiksberg", also typed without å.
	{"på"}, {"paa"}, {"pa"}, {"on"},
	{"rundt", "om"}, {"omegnen", "af"}, {"i", "omegnen", "af"},
	{"the", "area", "around"}, {"in", "the", "area", "around"}, {"the", "area", "of"}, {"in", "the"}, {"the"},
}, slices.Concat(areaAroundWords(), directionWords())...)

// areaAroundWords are "området omkring", "i området ved", "egnen
// omkring" …: the area around a place is within its radius. As words,
// "området" was required and found the CVs of the "handicapområdet".
func areaAroundWords() [][]string {
	var out [][]string
	for _, a := range []string{"området", "omraadet", "omradet", "egnen"} {
		for _, p := range [][]string{{"omkring"}, {"ved"}, {"nær"}, {"naer"}, {"rundt", "om"}, {"kring"}} {
			out = append(out, slices.Concat([]string{a}, p), slices.Concat([]string{"i", a}, p), slices.Concat([]string{"fra", a}, p))
		}
	}
	return out
}

// directionWords are "nord for", "sydvest for", "north of" …: a direction
// from a place is near it, as "omkring" is (the radius around the place
// holds what lies north of it). As words, "nord" was required and found
// the CVs that wrote "nordlys" or "Nordfyns".
func directionWords() [][]string {
	var out [][]string
	for _, d := range []string{"nord", "syd", "øst", "oest", "ost", "vest", "nordøst", "nordoest", "nordost", "nordvest", "sydøst", "sydoest", "sydost", "sydvest"} {
		out = append(out, []string{d, "for"}, []string{"lige", d, "for"})
	}
	for _, d := range []string{"north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest"} {
		out = append(out, []string{d, "of"}, []string{"just", d, "of"})
	}
	return out
}

// wordsBefore is how many of the last words are one of phrases (the
// longest that ends them, any case), 0 for none.
func wordsBefore(words []string, phrases [][]string) int {
	best := 0
	for _, p := range phrases {
		if len(p) <= best || len(p) > len(words) {
			continue
		}
		tail := words[len(words)-len(p):]
		if slices.EqualFunc(tail, p, strings.EqualFold) {
			best = len(p)
		}
	}
	return best
}

// radiusIn finds a distance in text ("20 km", "20km", "inden for 20 km"),
// 1–500 km, and returns it with text without it.
func radiusIn(text string) (float64, string, bool) {
	words := strings.Fields(text)
	for i, w := range words {
		num, unit := w, ""
		if n, ok := strings.CutSuffix(strings.ToLower(w), "km"); ok && n != "" {
			num, unit = n, "km"
		} else if i+1 < len(words) && strings.EqualFold(strings.Trim(words[i+1], ".,"), "km") {
			unit = "km"
		}
		km, err := strconv.Atoi(num)
		if unit == "" || err != nil || km < 1 || km > 500 {
			continue
		}
		end := i + 1
		if num == w {
			end = i + 2
		}
		start := i
		if start >= 2 && strings.EqualFold(words[start-2], "inden") && strings.EqualFold(words[start-1], "for") {
			start -= 2
		}
		return float64(km), strings.Join(append(slices.Clone(words[:start]), words[end:]...), " "), true
	}
	return 0, text, false
}

// vehicleLicences are the driving licence categories of the vehicles a
// licence is named by ("lastbilkørekort", "kørekort til bus").
var vehicleLicences = map[string]string{
	"bil": "B", "bilen": "B", "personbil": "B", "lastbil": "C", "lastbilen": "C",
	"bus": "D", "bussen": "D", "motorcykel": "A", "mc": "A", "trailer": "BE",
}

// driverWord reports whether w names a driver ("chauffør",
// "lastbilchauffør", "driver"), after whom a licence's code alone is the
// licence ("chauffør c").
func driverWord(w string) bool {
	w = strings.ToLower(strings.Trim(w, ",.;:"))
	for _, d := range []string{"chauffør", "chauffor", "chaufför", "chauffoer", "driver", "lastbil", "bus"} {
		if strings.HasSuffix(w, d) {
			return true
		}
	}
	return false
}

// licenceIn finds a driving licence written among the words: "c-kørekort",
// "CE kørekort", "kørekort C", "kørekort til C", or by its vehicle:
// "lastbilkørekort", "bus-kørekort", "lastbil kørekort", "kørekort til
// bil" (any case, "koerekort" too). It returns text without it, the
// category and the words as typed. "kørekort" alone is not read (it is
// words), nor a truck's or a crane's certificate.
func licenceIn(text string) (rest, cat, term string, ok bool) {
	words := strings.Fields(taxonomy.LicenceSpellings(text))
	isLicence := func(w string) bool {
		w = strings.ToLower(strings.Trim(w, ",.;:"))
		return w == "kørekort" || w == "koerekort" || w == "korekort"
	}
	category := func(w string) (string, bool) {
		c := strings.ToUpper(strings.Trim(w, ",.;:-"))
		if v, ok := vehicleLicences[strings.ToLower(strings.Trim(w, ",.;:-"))]; ok {
			return v, true
		}
		return c, slices.Contains(Licences, c)
	}
	drop := func(i, n int) string {
		return strings.Join(append(slices.Clone(words[:i]), words[i+n:]...), " ")
	}
	for i, w := range words {
		// "c-kørekort", "ce-kørekort", "bus-kørekort"
		if c, k, found := strings.Cut(w, "-"); found && isLicence(k) {
			if cat, ok := category(c); ok {
				return drop(i, 1), cat, w, true
			}
		}
		// "lastbilkørekort", "buskørekort"
		for _, l := range []string{"kørekort", "koerekort"} {
			if v, found := strings.CutSuffix(strings.ToLower(strings.Trim(w, ",.;:")), l); found && vehicleLicences[v] != "" {
				return drop(i, 1), vehicleLicences[v], w, true
			}
		}
		// "kat. C", "kategori CE": the category named as one, with
		// or without "kørekort" before it
		if isCategoryWord(w) && i+1 < len(words) {
			if cat, ok := category(words[i+1]); ok {
				if i > 0 && isLicence(words[i-1]) {
					return drop(i-1, 3), cat, strings.Join(words[i-1:i+2], " "), true
				}
				return drop(i, 2), cat, w + " " + words[i+1], true
			}
		}
		if !isLicence(w) {
			continue
		}
		// "stort kørekort" is the lorry's (C), "lille kørekort" the car's
		if i > 0 {
			if cat, ok := sizedLicences[strings.ToLower(words[i-1])]; ok {
				return drop(i-1, 2), cat, words[i-1] + " " + w, true
			}
		}
		// "CE kørekort"
		if i > 0 {
			if cat, ok := category(words[i-1]); ok {
				return drop(i-1, 2), cat, words[i-1] + " " + w, true
			}
		}
		// "kørekort C", "kørekort til C"
		if i+1 < len(words) {
			if cat, ok := category(words[i+1]); ok {
				return drop(i, 2), cat, w + " " + words[i+1], true
			}
		}
		if i+2 < len(words) && strings.EqualFold(words[i+1], "til") {
			if cat, ok := category(words[i+2]); ok {
				return drop(i, 3), cat, strings.Join(words[i:i+3], " "), true
			}
		}
	}
	// "chauffør CE", "chauffør c", "lastbil C1E": a licence's code alone,
	// after a driver's word, or typed in capitals, or one that is no
	// Danish word ("ce", "c1e"; not "de" or "be").
	for i, w := range words {
		bare := strings.Trim(w, ",.;:-")
		code, ok := category(w)
		if !ok || vehicleLicences[strings.ToLower(bare)] != "" {
			continue
		}
		afterDriver := i > 0 && driverWord(words[i-1])
		capitals := len(bare) >= 2 && bare == strings.ToUpper(bare)
		noWord := len(bare) >= 2 && !slices.Contains([]string{"be", "de"}, strings.ToLower(bare))
		if afterDriver || capitals || noWord {
			return drop(i, 1), code, w, true
		}
	}
	return text, "", "", false
}

// isCategoryWord reports whether w says a licence category comes next
// ("kat C", "kat. CE", "kategori D").
func isCategoryWord(w string) bool {
	switch strings.ToLower(strings.TrimRight(w, ".:")) {
	case "kat", "kategori", "kategorie":
		return true
	}
	return false
}

// sizedLicences are the licences people name by size: "stort kørekort"
// is the lorry's, "lille kørekort" the car's.
var sizedLicences = map[string]string{"stort": "C", "store": "C", "lille": "B"}

// Licences are the driving licence categories a search filters on.
var Licences = []string{"A", "A1", "A2", "B", "BE", "C", "C1", "C1E", "CE", "D", "D1", "D1E", "DE"}

// validateFilters names every filter value the index would silently match
// nobody with.
func validateFilters(p SearchParams, verr *jobmatch.ValidationError) {
	for _, l := range p.Licences {
		if !slices.Contains(Licences, l) {
			verr.Add("licence", "oneof", strings.Join(Licences, " "))
			break
		}
	}
	for _, l := range p.Languages {
		code, level, hasLevel := strings.Cut(l, ":")
		if len(code) < 2 || len(code) > 3 || strings.ToLower(code) != code || strings.IndexFunc(code, func(r rune) bool { return r < 'a' || r > 'z' }) >= 0 {
			verr.Add("language", "invalid", "")
			break
		}
		if hasLevel && !slices.Contains(index.Levels, strings.ToUpper(level)) {
			verr.Add("language", "oneof", strings.Join(index.Levels, " "))
			break
		}
	}
	if !allIn(p.Hours, jobmatch.CandidateHours) {
		verr.Add("hours", "oneof", joined(jobmatch.CandidateHours))
	}
	if !allIn(p.Shifts, jobmatch.Shifts) {
		verr.Add("shift", "oneof", joined(jobmatch.Shifts))
	}
	if all := slices.Concat(EducationLevels, index.EducationGroups); !allIn(p.Education, all) {
		verr.Add("education", "oneof", strings.Join(all, " "))
	}
	for _, g := range p.TargetGroups {
		if !slices.Contains(jobmatch.TargetGroups, jobmatch.TargetGroup(g)) {
			var all []string
			for _, g := range jobmatch.TargetGroups {
				all = append(all, string(g))
			}
			verr.Add("target_group", "oneof", strings.Join(all, " "))
			break
		}
	}
	for _, e := range p.Eligibility {
		if !slices.Contains(jobmatch.Schemes, jobmatch.Scheme(e)) {
			var all []string
			for _, s := range jobmatch.Schemes {
				all = append(all, string(s))
			}
			verr.Add("eligibility", "oneof", strings.Join(all, " "))
			break
		}
	}
}

// allIn reports whether every value is one of all.
func allIn[T ~string](values []string, all []T) bool {
	for _, v := range values {
		if !slices.Contains(all, T(v)) {
			return false
		}
	}
	return true
}

// joined lists values separated by spaces, as a oneof message does.
func joined[T ~string](values []T) string {
	s := make([]string, len(values))
	for i, v := range values {
		s[i] = string(v)
	}
	return strings.Join(s, " ")
}

// oneWordLabels are an occupation's Danish labels (preferred, alternative,
// STAR/Jobnet titles) that are one word: synonyms to look for as words.
// Longer labels would add their every word ("på", "en skofabrik").
func oneWordLabels(tax *taxonomy.Taxonomy, uri string) []string {
	o, ok := tax.Occupation(uri)
	if !ok {
		return nil
	}
	return oneWords(append(append([]string{o.LabelDA}, o.AltDA...), ownTitles(tax, uri, o.STAR)...))
}

// ownTitles are the STAR titles of occupation uri that name it, not also
// an occupation of another kind (taxonomy.NamesOthersToo): "Poder" is no
// other name of the social- og sundhedshjælper.
func ownTitles(tax *taxonomy.Taxonomy, uri string, titles []string) []string {
	return slices.DeleteFunc(slices.Clone(titles), func(s string) bool { return tax.NamesOthersToo(uri, s) })
}

// starTitles are an occupation's STAR/Jobnet titles that are one word.
func starTitles(tax *taxonomy.Taxonomy, uri string) []string {
	o, ok := tax.Occupation(uri)
	if !ok {
		return nil
	}
	return oneWords(ownTitles(tax, uri, o.STAR))
}

// notFirstParts leaves out the names that begin a longer word of text: a
// Danish compound is a kind of its last part, never of its first, and a
// concept's labels can be loose ("pædagog" is one of the teaching
// assistant that STAR calls pædagogmedhjælper, and put every pædagog
// before the pædagogmedhjælpere).
func notFirstParts(names []string, text string) []string {
	words := index.Words(text)
	return slices.DeleteFunc(names, func(n string) bool {
		n = strings.ToLower(n)
		// More than a Danish ending after it: "tømrer" is a name of
		// "tømrere", "pædagog" no name of "pædagogmedhjælper".
		return slices.ContainsFunc(words, func(w string) bool {
			return strings.HasPrefix(w, n) && utf8.RuneCountInString(w)-utf8.RuneCountInString(n) > 3
		})
	})
}

// oneWords are the labels that are one word of four letters or more.
func oneWords(labels []string) []string {
	var out []string
	for _, l := range labels {
		if w := index.Words(l); len(w) == 1 && len([]rune(w[0])) >= 4 {
			out = append(out, w[0])
		}
	}
	return out
}

// namedIn resolves the occupations text names whole: the matches of score
// 0.5 or more every word of whose name is in the text ("Rengøringsassistent
// i kontor", a STAR title, is no name of what "kontor" means, and its CVs
// would come before the kontorassistenter). A name whose first parts share
// the last one's head, typed without the hyphen ("social og
// sundhedsassistent"), is read as with it when the text as typed names
// nothing.
// apprenticeSuffixes end an apprentice's title: the trade before it.
var apprenticeSuffixes = []string{"lærlinge", "lærling", "elever", "elev", "aspirant"}

// apprenticeIn finds the first word of text that is an apprentice's title
// naming no occupation itself, whose trade (the word without its ending,
// four letters or more) the taxonomy names as an occupation: the text with
// the trade in its place (searched as if typed), the word and the trade.
func (cs *Service) apprenticeIn(text string) (rest, term, stem string, ok bool) {
	fields := strings.Fields(text)
	for i, f := range fields {
		w := strings.ToLower(strings.Trim(f, ".,;:!?()\"'"))
		for _, suf := range apprenticeSuffixes {
			st, cut := strings.CutSuffix(w, suf)
			if !cut || utf8.RuneCountInString(st) < 4 || strings.ContainsAny(st, "-/") {
				continue
			}
			if len(cs.namedIn(w)) > 0 || len(cs.namedIn(st)) == 0 {
				break
			}
			fields[i] = st
			return strings.Join(fields, " "), w, st, true
		}
	}
	return text, "", "", false
}

func (cs *Service) namedIn(text string) []taxonomy.Match {
	// Alternatives each name their own ("kok eller tjener": the kok too,
	// not the three concepts "tjener" reads as; its CVs then lacked the
	// concept's score the tjener's had).
	if parts := alternativesOf(text); len(parts) > 1 {
		var out []taxonomy.Match
		for _, p := range parts {
			for _, m := range cs.namedIn(p) {
				if !slices.ContainsFunc(out, func(o taxonomy.Match) bool { return o.URI == m.URI }) {
					out = append(out, m)
				}
			}
		}
		return out
	}
	// "hjemmehjaelper", "tomrer": a name typed without æ, ø and å is the
	// name (its CVs' words were found by their spelling, but a concept no
	// CV writes, or its score, was lost).
	text = cs.respelled(text)
	read := func(t string) []taxonomy.Match {
		var out []taxonomy.Match
		for _, m := range cs.tax.ResolveOccupation(t, 3, taxonomy.ResolveOptions{OccupationsOnly: true}) {
			if m.Score < 0.5 {
				break
			}
			if namesWithin(m.Form, t) {
				out = append(out, m)
			}
		}
		return out
	}
	if ms := read(text); len(ms) > 0 {
		return ms
	}
	if h := hyphenBeforeOg(text); h != text {
		if ms := read(h); len(ms) > 0 {
			return ms
		}
	}
	return nil
}

// respelled writes the words of text that spell a word of the Danish
// occupation names without æ, ø or å with those letters
// (taxonomy.DanishSpelling); the rest as typed.
func (cs *Service) respelled(text string) string {
	return jobmatch.MapWords(text, func(w string) string {
		if v, ok := cs.tax.DanishSpelling(w); ok {
			return v
		}
		return w
	})
}

// bracketsApart writes text's brackets of alternatives apart from the
// words ("(kok eller tjener) aarhus" → "( kok eller tjener ) aarhus"),
// and "|" too; a bracket without its pair, or that holds no alternative,
// is left out (index.BracketChunks).
func bracketsApart(text string) string {
	if !strings.ContainsAny(text, "()|") {
		return text
	}
	chunks, _ := index.BracketChunks(text)
	return strings.Join(chunks, " ")
}

// bracketsTight writes the brackets of a text bracketsApart wrote as
// typed, against the words: "(kok eller tjener)".
func bracketsTight(text string) string {
	return strings.ReplaceAll(strings.ReplaceAll(text, "( ", "("), " )", ")")
}

// orWord reports whether a word of a query joins alternatives: "eller",
// "or", "|".
func orWord(w string) bool {
	return strings.EqualFold(w, "eller") || strings.EqualFold(w, "or") || w == "|"
}

// alternativesOf splits text at «eller», «or» and «|» between words, and,
// in a text with such a word, at brackets: "( kok eller tjener ) barista"
// is kok, tjener and barista (at most four alternatives read; a text of
// more is read whole).
func alternativesOf(text string) []string {
	var parts []string
	var cur []string
	fields := strings.Fields(text)
	bracketed := slices.ContainsFunc(fields, orWord)
	for _, w := range fields {
		if bracketed && (w == "(" || w == ")") {
			if len(cur) > 0 {
				parts = append(parts, strings.Join(cur, " "))
				cur = nil
			}
			continue
		}
		if orWord(w) && len(cur) > 0 {
			parts = append(parts, strings.Join(cur, " "))
			cur = nil
			continue
		}
		cur = append(cur, w)
	}
	if len(cur) > 0 {
		parts = append(parts, strings.Join(cur, " "))
	}
	if len(parts) > 4 {
		return []string{text}
	}
	return parts
}

// hyphenBeforeOg writes a word before "og" that has no hyphen with one
// ("social og sundhedsassistent" → "social- og sundhedsassistent"), as
// Danish writes the first parts of compounds that share a last part.
func hyphenBeforeOg(text string) string {
	words := strings.Fields(text)
	for i := 0; i+2 < len(words); i++ {
		if strings.EqualFold(words[i+1], "og") && !strings.HasSuffix(words[i], "-") && !strings.HasSuffix(words[i], ",") {
			words[i] += "-"
		}
	}
	return strings.Join(words, " ")
}

// namesWithin reports whether every word of the name form is a word of
// text, or begins one with at most a Danish ending more ("tømrer" of
// "tømrere"): the text holds the name whole ("sygeplejerske" in
// "sygeplejerske nat"), not a part of a longer one ("kontor" of
// "rengøringsassistent i kontor").
func namesWithin(form, text string) bool {
	words := strings.Fields(taxonomy.Normalize(text))
	fs := strings.Fields(taxonomy.Normalize(form))
	for _, f := range fs {
		if !slices.ContainsFunc(words, func(w string) bool {
			// "kokkene" is kok's definite plural: four letters more.
			return w == f || strings.HasPrefix(w, f) && len([]rune(w))-len([]rune(f)) <= 3 || inflectionOf(w, f)
		}) {
			return false
		}
	}
	return len(fs) > 0
}

// beginningForms are the words of typed that begin a word of form as the
// taxonomy normalises it (three letters or more): "social" of
// "socialhjælper", the coordinated name's first part.
func beginningForms(typed []string, form string) []string {
	var out []string
	fs := strings.Fields(taxonomy.Normalize(form))
	for _, w := range typed {
		if utf8.RuneCountInString(w) >= 3 && slices.ContainsFunc(fs, func(f string) bool { return f != w && strings.HasPrefix(f, w) }) {
			out = append(out, w)
		}
	}
	return out
}

// inflectionEndings are the endings of a Danish noun's plural and definite
// forms after its stem ("kok|ke", "gartner|e", "tømrer|ne").
var inflectionEndings = []string{"e", "en", "er", "et", "ene", "ere", "erne", "ne", "n", "r", "s", "es", "ens", "ers", "ernes"}

// inflectionOf reports whether w is f (three letters or more) with an
// inflection's ending, the last consonant doubled or not: "kokkene" of
// "kok", "gartnere" of "gartner".
func inflectionOf(w, f string) bool {
	rest, ok := strings.CutPrefix(w, f)
	if !ok || rest == "" || utf8.RuneCountInString(f) < 3 {
		return false
	}
	if last, _ := utf8.DecodeLastRuneInString(f); !strings.ContainsRune("aeiouyæøå", last) {
		if r, n := utf8.DecodeRuneInString(rest); r == last && slices.Contains(inflectionEndings, rest[n:]) {
			return true
		}
	}
	return slices.Contains(inflectionEndings, rest)
}

// inflectedForms returns the typed words that are a word of form with an
// inflection's ending, the last consonant doubled or not: "kokke" and
// "kokkene" of "kok", "gartnere" of "gartner". The taxonomy read them as
// the concept, so they are its name, not letters one typo from
// "køkken" or "partnere".
func inflectedForms(typed []string, form string) []string {
	var out []string
	fs := strings.Fields(taxonomy.Normalize(form))
	for _, w := range typed {
		if utf8.RuneCountInString(w) < 3 {
			continue
		}
		if slices.ContainsFunc(fs, func(f string) bool { return inflectionOf(w, f) }) {
			out = append(out, w)
		}
	}
	return out
}

// category is a word that names a kind of occupations, as their DISCO-08
// groups: "håndværker" is the building, metal and electrical trades and
// the joiners, as Danish uses the word (not the bakers, butchers and
// tailors of the same major group).
type category struct {
	key    string   // the interpretation's URI: "category:<key>"
	words  []string // by spelling skeleton
	label  string
	groups []string // DISCO-08/ISCO-08 code prefixes
}

var categories = []category{
	{"haandvaerkere", []string{"handvarker", "handvarkere", "handvarkeren", "handvarkerne", "craftsman", "craftsmen", "tradesman", "tradesmen"},
		"håndværkere: bygge-, metal-, maskin- og el-fag og snedkere (DISCO 71, 72, 74, 7522)", []string{"71", "72", "74", "7522"}},
	{"bygningshaandvaerkere", []string{"bygningshandvarker", "bygningshandvarkere"}, "bygningshåndværkere (DISCO 71)", []string{"71"}},
}

// categoryOf reads a query word as a category of occupations.
func categoryOf(word string) (category, bool) {
	sk := index.Skeleton(word)
	for _, c := range categories {
		if slices.Contains(c.words, sk) {
			return c, true
		}
	}
	return category{}, false
}

// categoryURIs are the occupations of a category's groups.
func (cs *Service) categoryURIs(c category) []string {
	var out []string
	for _, o := range cs.tax.Occupations {
		for _, g := range c.groups {
			if strings.HasPrefix(o.ISCO, g) {
				out = append(out, o.URI)
				break
			}
		}
	}
	return out
}

// kindOf is the occupation uri and those of its kind (taxonomy.Kin) and
// ISCO unit group.
func (cs *Service) kindOf(uri string) []string {
	out := append([]string{uri}, relatedURIs(cs, uri)...)
	for _, k := range cs.tax.Kin(uri) {
		out = append(out, k.Occupation.URI)
	}
	return out
}

// ownNameEnds reports whether w ends, after three letters or more, in
// o's own Danish name: its label or a STAR/Jobnet title of one word.
func ownNameEnds(o *taxonomy.Occupation, w string) bool {
	w = taxonomy.Normalize(w)
	for _, name := range append([]string{o.LabelDA}, o.STAR...) {
		n := taxonomy.Normalize(name)
		if first, ok := strings.CutSuffix(w, n); ok && n != "" && !strings.Contains(n, " ") && utf8.RuneCountInString(first) >= 3 {
			return true
		}
	}
	return false
}

func relatedURIs(cs *Service, uri string) []string {
	var out []string
	for _, o := range cs.tax.RelatedOccupations(uri) {
		out = append(out, o.URI)
	}
	return out
}

func describe(p SearchParams) string {
	var parts []string
	if p.Q != "" {
		parts = append(parts, "q="+p.Q)
	}
	if len(p.Skills) > 0 {
		parts = append(parts, "skills="+strings.Join(p.Skills, ","))
	}
	for _, l := range p.SkillLabels {
		parts = append(parts, "skill="+l)
	}
	if p.Occupation != "" {
		parts = append(parts, "occupation="+p.Occupation)
	}
	if p.Near != "" {
		parts = append(parts, "near="+p.Near)
	}
	if p.MinYears > 0 {
		parts = append(parts, "min_years="+strconv.Itoa(p.MinYears))
	}
	// The filters too: the log says whom a search looked for.
	for _, f := range []struct {
		name string
		vs   []string
	}{{"area", []string{p.Area}}, {"licence", p.Licences}, {"language", p.Languages}, {"hours", p.Hours}, {"shift", p.Shifts},
		{"target_group", p.TargetGroups}, {"eligibility", p.Eligibility}, {"education", p.Education}} {
		if vs := slices.DeleteFunc(slices.Clone(f.vs), func(v string) bool { return v == "" }); len(vs) > 0 {
			parts = append(parts, f.name+"="+strings.Join(vs, ","))
		}
	}
	return strings.Join(parts, " ")
}

// SkillLabels returns the words CVs use for skill concepts (the taxonomy
// names skills in English only), for a Danish page's facets.
func (cs *Service) SkillLabels(ctx context.Context, uris []string) (map[string]string, error) {
	return cs.ix.SkillLabels(ctx, uris)
}
