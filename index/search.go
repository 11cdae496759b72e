package index

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
	"time"
	"unicode/utf8"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search"
	"github.com/blevesearch/bleve/v2/search/query"

	"jobmatch"
)

// Query is a candidate search: free text, concept URIs that should match
// (boosted), hard filters, facets, sort and a page.
type Query struct {
	// Text is what the consultant typed: each word is looked for as a
	// word, in any spelling, inflected, inside compounds and, when that
	// finds (almost) nobody, with one typo (danish.go, vocab.go).
	Text string
	// Synonyms are words the taxonomy reads the text as (alternative
	// labels of the concepts it resolved to): looked for as whole words,
	// beside the text, never instead of it.
	Synonyms []string
	// Everyday reads Text as a consultant types it (danish.go): each word
	// also in other spellings, inflected, inside compounds, with a typo.
	// Without it (the matcher's long vacancy texts) the text is only
	// matched by the analysed fields.
	Everyday bool
	// AllWords (Everyday) asks every word of a query of several for
	// which the CVs hold something, except the common ones (held by more
	// than a fifth of the CVs: "erfaring", "kørekort"), which only order
	// what the others find: "kok med erfaring" finds the cooks, the
	// experienced first, not everyone who writes "erfaring". When no CV
	// holds them all, the search finds the CVs with any of them
	// (Result.AnyWord).
	AllWords bool
	// NamedWords are the words of Text the taxonomy read as the concepts
	// in Occupations and the Synonyms: a CV of such a concept holds
	// those words as far as AllWords goes.
	NamedWords []string
	// NamedBy are the concepts (of Occupations) each named word names:
	// "hjemmehjælper nattevagt" names the social- og sundhedshjælper by
	// its first word and the natportier by its second, and a CV of one
	// holds only that word as far as AllWords goes. Nil: every named word
	// names every concept.
	NamedBy map[string][]string
	// OwnNames are the named words that are a concept's own name (its
	// label or STAR/Jobnet title), each with the occupations of the
	// concept's kind and unit group: a CV found by such a word's first
	// part holds one of them ("køkkenchef": the køkkenassistenter by
	// "køkken"), for the part alone found other work ("sikkerhedsvagt" the
	// rengøringsassistenter who know "kemikalier og sikkerhed",
	// "cykelmekaniker" the postbude on a cykel).
	OwnNames map[string][]string
	// Occupations and Skills are concept URIs from the taxonomy; a match
	// raises the score (should clauses), it does not filter.
	Occupations     []string
	OccupationBoost float64
	// RelatedOccupations widen recall (same ISCO group), at RelatedBoost.
	RelatedOccupations []string
	RelatedBoost       float64
	Skills             []string
	SkillBoost         float64
	// SkillTexts are skill words matched in the skill labels (should).
	SkillTexts []string

	// Filters: every one that is set must hold.
	RequireSkills []string // concept URIs, all required
	// SkillLabels are skills as the CVs name them, all required, each
	// exactly (SkillLabel): a value of the skills facet.
	SkillLabels []string
	// SkillFilters are required skills given as text: each must match its
	// concept (when it resolved to one) or its words in the skill labels.
	SkillFilters       []SkillFilter
	RequireOccupations []string // any of these
	Near               *Point
	RadiusKm           float64
	// NearCoarse narrows to the grid cells that cover the radius instead of
	// the exact radius: a superset, for a caller that applies the exact
	// distance itself (the matcher does, per candidate's own commute).
	NearCoarse bool
	// PostalCodes: the CV's postal code is one of these (an area's).
	PostalCodes []string
	// shouldBeside keeps the words as a should clause beside the filters
	// (the form before the words joined them; tests compare the two).
	shouldBeside bool
	// orderOnly are words of Text that find nobody, only order (the
	// common words of the search that asked every word): the search for
	// any word when none held them all.
	orderOnly []string
	// noTieBreak leaves the analysed fields out: the words' scores alone
	// (tests measure what the tie-break adds).
	noTieBreak      bool
	AvailableBefore time.Time
	Licences        []string // all required
	Hours           []string // any of these: full, part
	Shifts          []string // all required: day, evening, night, weekend
	// MinYears: at least this many whole years of experience in one of
	// the occupations YearsIn (concept URIs), or in all when YearsIn is
	// empty.
	MinYears int
	YearsIn  []string
	// ExperienceIn (everyday): the occupations the words name (concept
	// URIs); among CVs the words find alike, more whole years in one of
	// them come first (experienceLift).
	ExperienceIn []string
	// NoExperience: less than a whole year of experience in all ("uden
	// erfaring").
	NoExperience bool
	Languages    []string // all required: "da" or "da:B2"
	TargetGroups []string // any of these
	Eligibility  []string // any of these
	// Education: holds any of these education levels or groups
	// ("vocational", "academic"; see educationGroups).
	Education   []string
	ConsentOnly bool
	// LicenceAny: holds at least one of these (a licence that includes the
	// one asked for).
	LicenceAny []string
	// LicenceNone: holds none of these ("uden kørekort": no licence that
	// is or includes a car's), as a CV with no licence at all does.
	LicenceNone []string
	// Scheme: eligible for a subsidy scheme, by flag or by target group.
	Scheme *SchemeFilter
	// Without are words no CV found may hold ("kok -deltid", "lager
	// -truckcertifikat", "kok uden weekend"): each as it is found when
	// asked for (its spellings, inflections and compounds, so that
	// "truckcertifikater" and "truckcertifikatet" go too), but never by a
	// typo or a part, which would leave out CVs of other words. A word a
	// field answers (a working time, a language) by that field only: the
	// CV's hours and shifts say what it will work; its words may tell of
	// the past ("har tidligere arbejdet på deltid").
	Without []string

	Facets bool
	// CVs returns each hit's CV as the index stored it (Hit.CV), so the
	// caller need not read the page's CVs from the store.
	CVs bool
	// Sort: "" or "relevance", "available_from", "-updated_at", …
	Sort string
	// SortNear sorts by distance from Near, nearest first.
	SortNear bool
	From     int
	Size     int
}

// SchemeFilter admits a candidate flagged for Scheme, or in one of Groups,
// or anyone when AnyGroup.
type SchemeFilter struct {
	Scheme   string
	Groups   []string
	AnyGroup bool
}

// SkillFilter is one required skill.
type SkillFilter struct{ URI, Text string }

// Point is a WGS84 coordinate.
type Point struct{ Lat, Lon float64 }

// Hit is one result.
type Hit struct {
	ID    string
	Score float64
	// CV is the candidate as indexed, as JSON (Query.CVs; nil when the
	// document has none). Read it with Candidate.
	CV []byte
	// Related (Everyday): found only by an occupation related to those
	// the words name (Query.RelatedOccupations), by neither the words nor
	// those occupations: a tømrer for "murer".
	Related bool
}

// Candidate decodes the hit's stored CV; false when it has none.
func (h Hit) Candidate() (*jobmatch.Candidate, bool) {
	if len(h.CV) == 0 {
		return nil, false
	}
	var c jobmatch.Candidate
	if err := json.Unmarshal(h.CV, &c); err != nil || c.ID != h.ID {
		return nil, false
	}
	return &c, true
}

// FacetCount is a facet value with its count.
type FacetCount struct {
	Value string `json:"value"`
	Count int    `json:"count"`
	// Label is how the CVs write a value of the skills facet most often
	// ("truckcertifikat B" for "truckcertifikat b").
	Label string `json:"label,omitempty"`
}

// Result is a page of hits with the total and facets.
type Result struct {
	Total  uint64
	Hits   []Hit
	Facets map[string][]FacetCount
	// Expansions say how an Everyday text was read, word by word.
	Expansions []Expansion
	// AnyWord: no CV held every word (Query.AllWords), so these are the
	// CVs that hold some of them, the most first.
	AnyWord bool
	// Required (Query.AllWords) are the words every CV found holds, by
	// alternative ("kok eller tjener": two); Common the words that only
	// order them.
	Required [][]string
	Common   []string
}

// Search runs q.
func (ix *Index) Search(ctx context.Context, q Query) (Result, error) {
	if q.Size <= 0 {
		q.Size = 25
	}
	bq, rd := ix.build(q)
	req := bleve.NewSearchRequestOptions(bq, q.Size, q.From, false)
	if q.CVs {
		req.Fields = []string{fieldCV}
	}
	switch {
	case q.SortNear && q.Near != nil:
		geo, err := search.NewSortGeoDistance("location", "km", q.Near.Lon, q.Near.Lat, false)
		if err != nil {
			return Result{}, fmt.Errorf("index: search: %w", err)
		}
		req.SortByCustom(search.SortOrder{geo, &search.SortScore{Desc: true}, &search.SortDocID{}})
	case (q.Sort == "" || q.Sort == "relevance") && q.Near != nil:
		// Equally good CVs nearest first: the scores are steps (the
		// way a word was reached), so ties are common, and a place
		// asked for says where the consultant looks.
		geo, err := search.NewSortGeoDistance("location", "km", q.Near.Lon, q.Near.Lat, false)
		if err != nil {
			return Result{}, fmt.Errorf("index: search: %w", err)
		}
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, geo, &search.SortDocID{}})
	case q.Sort == "" || q.Sort == "relevance":
		// Ties by id: the scores are steps, so ties are common, and in
		// the index's own order (its segments, which differ between two
		// replicas and change with every merge) a consultant who paged
		// on the other replica saw up to ten of the 25 CVs of page 1
		// again on page 2, and never saw ten others. The id is read for
		// every hit (1.2–1.3× the index's search at 30,000 CVs); a
		// field's doc values (the date a CV was updated) cost 3×.
		req.SortByCustom(search.SortOrder{&search.SortScore{Desc: true}, &search.SortDocID{}})
	default:
		req.SortBy([]string{q.Sort, "-_score", "_id"})
	}
	// Facets read the facet fields of every matching document; the hits
	// only score. Run the two side by side, so a broad search costs the
	// slower of them, not their sum.
	type facetResult struct {
		res *bleve.SearchResult
		err error
	}
	var facetCh chan facetResult
	if q.Facets {
		freq := bleve.NewSearchRequestOptions(bq, 0, 0, false)
		// Counting needs no scores: unscored, bleve skips the
		// frequencies and norms and reads disjunctions as unions.
		freq.Score = "none"
		for _, f := range facetFields {
			field := f.field
			if field == "" {
				field = f.name
			}
			freq.AddFacet(f.name, bleve.NewFacetRequest(field, f.size))
		}
		facetCh = make(chan facetResult, 1)
		go func() {
			r, err := ix.bleve().SearchInContext(ctx, freq)
			facetCh <- facetResult{r, err}
		}()
	}
	res, err := ix.bleve().SearchInContext(ctx, req)
	var fres facetResult
	if facetCh != nil {
		fres = <-facetCh
	}
	if err == nil {
		err = fres.err
	}
	if err != nil {
		return Result{}, fmt.Errorf("index: search: %w", err)
	}
	if fres.res != nil {
		res.Facets = fres.res.Facets
	}
	if res.Total == 0 && len(rd.required) > 0 {
		// Nobody holds every word: those who hold some, said so. Some of
		// the words asked, not the words that only order them
		// (rd.common): "erfaren kok Odense", with no kok near Odense,
		// found ten who wrote "erfaren", an industrislagter first, where
		// "kok Odense" found none and offered a wider search.
		q.AllWords = false
		q.orderOnly = rd.common
		out, err := ix.Search(ctx, q)
		out.AnyWord = out.Total > 0
		return out, err
	}
	out := Result{Total: res.Total, Hits: make([]Hit, len(res.Hits)), Expansions: rd.exps, Required: rd.required, Common: rd.common}
	for i, h := range res.Hits {
		out.Hits[i] = Hit{ID: h.ID, Score: h.Score}
		if cv, ok := h.Fields[fieldCV].(string); ok {
			out.Hits[i].CV = []byte(cv)
		}
	}
	if q.Everyday && len(q.RelatedOccupations) > 0 && len(out.Hits) > 0 {
		if err := ix.markRelated(ctx, q, out.Hits); err != nil {
			return Result{}, err
		}
	}
	if q.Facets {
		out.Facets = facets(res.Facets)
		if l, ok := out.Facets["languages"]; ok {
			out.Facets["languages"] = languagesAtLeast(l)
		}
		for i := range out.Facets["occupations"] {
			out.Facets["occupations"][i].Value = ix.long(out.Facets["occupations"][i].Value)
		}
		if sk := out.Facets["skills"]; len(sk) > 0 {
			values := make([]string, len(sk))
			for i, f := range sk {
				values[i] = f.Value
			}
			spelt, err := ix.skillSpellings(ctx, values)
			if err != nil {
				return Result{}, err
			}
			for i := range sk {
				sk[i].Label = spelt[sk[i].Value]
			}
		}
	}
	return out, nil
}

// facetFields are the facets a search counts, by name, each of its field
// (of its name when none).
var facetFields = []struct {
	name string
	size int
	// field: the skills facet counts the skills as the CVs name them,
	// those without an ESCO concept too (SkillLabel), and filters on one
	// exactly (Query.SkillLabels).
	field string
}{{"target_group", 8, ""}, {"licences", 10, ""}, {"languages", languageTerms, ""}, {"skills", 15, fieldSkillLabels}, {"occupations", 15, ""}, {"eligibility", 8, ""}, {"consent", 2, ""}, {"hours", 2, ""}, {"shifts", 4, ""}, {"education", 9, ""}}

// fieldSkillLabels holds Doc.SkillLabels.
const fieldSkillLabels = "skill_labels"

// languageTerms is the size of the languages facet's request: every term
// of the field, a language and each of its levels ("da", "da:B2"), a few
// hundred at most, so that a level's "or better" count adds up every
// level above it (languagesAtLeast). Counted over the top 15 terms, the
// levels outside them were missed: "Dansk B1 eller bedre 293" opened 303
// CVs. Bleve counts every term of the matching documents either way; the
// size only says how many come back.
const languageTerms = 1000

// languageFacets is how many languages the languages facet shows, the
// most held first.
const languageFacets = 5

// languagesAtLeast turns the counts of the language terms into the
// filter's: a language ("da"), then each level of it as the filter reads
// it, that level or better (LanguageAtLeast), lowest first ("da:B1" counts
// B1, B2, C1, C2 and native), so each count is the hits its value filters
// to. A level whose count is that of the level above it is left out: the
// levels or better hold one another, so it is the same CVs, and the higher
// level says more of them (two CVs at C2 are "Dansk C2 eller bedre 2",
// not A1, A2, B1, B2 and C1 "eller bedre 2" besides). The languages come
// by their counts, at most languageFacets of them.
func languagesAtLeast(terms []FacetCount) []FacetCount {
	type language struct {
		code   string
		total  int
		levels []int // by Levels
	}
	byCode := map[string]*language{}
	var langs []*language
	get := func(code string) *language {
		l := byCode[code]
		if l == nil {
			l = &language{code: code, levels: make([]int, len(Levels))}
			byCode[code] = l
			langs = append(langs, l)
		}
		return l
	}
	for _, t := range terms {
		code, level, ok := strings.Cut(t.Value, ":")
		switch i := slices.Index(Levels, level); {
		case !ok:
			get(code).total += t.Count
		case i >= 0:
			get(code).levels[i] += t.Count
		}
	}
	slices.SortStableFunc(langs, func(a, b *language) int {
		if a.total != b.total {
			return b.total - a.total
		}
		return strings.Compare(a.code, b.code)
	})
	var out []FacetCount
	for _, l := range langs[:min(len(langs), languageFacets)] {
		if l.total == 0 {
			continue
		}
		out = append(out, FacetCount{Value: l.code, Count: l.total})
		atLeast := make([]int, len(Levels)+1) // [i]: Levels[i] or better
		for i := len(Levels) - 1; i >= 0; i-- {
			atLeast[i] = atLeast[i+1] + l.levels[i]
		}
		for i, level := range Levels {
			if n := atLeast[i]; n > 0 && n != atLeast[i+1] {
				out = append(out, FacetCount{Value: l.code + ":" + level, Count: n})
			}
		}
	}
	return out
}

// tieBreakWords are the words the analysed fields break ties with: each
// query word as the CVs hold it (a typo or a spelling without æ/ø/å by the
// word it was read as, "toemrer" by "tømrer") and two words read as one
// compound ("lager arbejder") as that compound only. Typed as they were,
// they matched no analysed field, and every hit had the same score.
// A compound or a part is not the word meant: the first of the compounds
// "chauffør" begins would put lastbilchauffører above buschauffører.
func tieBreakWords(tokens []string, exps []Expansion) []string {
	meant := []string{"spelling", "typo", "inflection"}
	best := map[string]string{}
	var joined []string
	apart := map[string]bool{} // the words of a compound typed apart
	for _, e := range exps {
		if len(e.Forms) == 0 || slices.Contains(e.Via, "synonym") {
			// A synonym list ("hjemmehjælper, forsorgsmedhjælper, …") is
			// another way to find the CVs, not the word meant: its first
			// form ("handicaphjælper") as a tie-break word put those who
			// want to be handicaphjælpere above the social- og
			// sundhedshjælpere typed.
			continue
		}
		if strings.Contains(e.Word, " ") {
			joined = append(joined, e.Forms[0])
			if a, b, ok := strings.Cut(e.Word, " "); ok && neighbours(tokens, a, b) {
				apart[a], apart[b] = true, true
			}
		} else if !slices.Contains(e.Forms, e.Word) && len(e.Via) > 0 && slices.Contains(meant, e.Via[0]) {
			best[e.Word] = e.Forms[0]
		}
	}
	out := make([]string, 0, len(tokens)+len(joined))
	for _, t := range tokens {
		if apart[t] {
			// As the compound only: a butiksassistent who was also a
			// "pædagogisk assistent" is no better a "butiks assistent".
			continue
		}
		if f, ok := best[t]; ok {
			t = f
		}
		if !slices.Contains(out, t) {
			out = append(out, t)
		}
	}
	for _, j := range joined {
		if !slices.Contains(out, j) {
			out = append(out, j)
		}
	}
	return out
}

// neighbours reports whether b follows a among tokens: a compound typed
// apart (joinedQueries), not a synonym of two words.
func neighbours(tokens []string, a, b string) bool {
	for i := 0; i+1 < len(tokens); i++ {
		if tokens[i] == a && tokens[i+1] == b {
			return true
		}
	}
	return false
}

func facets(fr search.FacetResults) map[string][]FacetCount {
	out := map[string][]FacetCount{}
	for name, f := range fr {
		var fc []FacetCount
		if f.Terms != nil {
			for _, t := range f.Terms.Terms() {
				fc = append(fc, FacetCount{Value: t.Term, Count: t.Count})
			}
		}
		sort.SliceStable(fc, func(i, j int) bool { return fc[i].Count > fc[j].Count })
		out[name] = fc
	}
	return out
}

type boostedField struct {
	field string
	boost float64
	// presence: in an everyday search, each query word the field holds
	// adds boost, however often and in however long a text.
	presence bool
}

// textPresence is what a query word found in the free text adds to an
// everyday search's score: a tie-break below every step between the ways a
// word is reached.
const textPresence = 0.1

// textFields are the analysed text fields a text is matched in; with
// Everyday they only break ties among the word clauses.
var (
	textFields     = []boostedField{{"occupation_text", 2, false}, {"occupation_en", 1.5, false}, {"skill_text", 1.5, false}, {"skill_en", 1.2, false}, {"text", 1, false}, {"text_en", 0.8, false}}
	tieBreakFields = []boostedField{{"occupation_text", 0.4, false}, {"occupation_en", 0.3, false}, {"skill_text", 0.3, false}, {"skill_en", 0.25, false}, {"text", textPresence, true}, {"text_en", textPresence * 0.75, true}}
)

// allWords matches the documents whose field holds every word of text. A
// phrase query would need the term vectors the mapping leaves out (v7):
// with them gone it matched nothing, and a skill filter typed as text
// ("kundeservice", "gaffeltruck") found nobody.
func allWords(text, field string) query.Query {
	m := bleve.NewMatchQuery(text)
	m.SetField(field)
	m.SetOperator(query.MatchQueryOperatorAnd)
	return m
}

func (ix *Index) build(q Query) (query.Query, reading) {
	var rd reading
	var must, should, filters []query.Query
	// tieBreak (everyday): the analysed fields, which order the CVs the
	// word clauses find and add none of their own.
	var tieBreak []query.Query
	var exps []Expansion
	var cover *wordCover
	if q.Text != "" {
		fields, text := textFields, q.Text
		if q.Everyday {
			var words []query.Query
			words, exps, cover = ix.wordQueries(q.Text, q.Synonyms, q.NamedWords, q.OwnNames)
			if len(q.orderOnly) > 0 {
				words = cover.clausesWithout(q.orderOnly)
			}
			should = append(should, words...)
			// The analysed fields add Danish and English stemming and
			// their frequencies: they order CVs within a class above.
			fields = tieBreakFields
		}
		// Without the Danish function words: the English analyser keeps
		// "og", which nearly every CV holds (a vacancy titled "Social- og
		// sundhedsassistent" matched 149,074 of 150,000 CVs, and its
		// retrieval took four times as long as without it).
		tokens := queryTokens(text)
		if q.Everyday {
			tokens = tieBreakWords(tokens, exps)
		}
		text = strings.Join(tokens, " ")
		for _, f := range fields {
			if q.Everyday && f.presence {
				// The free text counts whether it holds a word, not how
				// often over how many words: scored by frequency and
				// length, a CV that tells more (where a refugee comes
				// from, which languages) came after every shorter CV of
				// the same class (TestTieBreakIgnoresTextLength).
				for _, t := range tokens {
					m := bleve.NewMatchQuery(t)
					m.SetField(f.field)
					tieBreak = append(tieBreak, &constScore{inner: m, score: f.boost})
				}
				continue
			}
			m := bleve.NewMatchQuery(text)
			m.SetField(f.field)
			m.SetBoost(f.boost)
			if q.Everyday {
				tieBreak = append(tieBreak, m)
			} else {
				should = append(should, m)
			}
		}
	}
	if q.Everyday {
		// Concepts the text was read as: below every way the words are
		// found, above nothing, so they add people and never push the
		// words' hits down.
		// A CV of one of those concepts and of a related one counts the
		// concept only: the best of the two, not their sum (a mover who
		// also wants warehouse work is no better a "lagerarbejder" for
		// being a mover too).
		var concepts []query.Query
		if len(q.Occupations) > 0 {
			concepts = append(concepts, ix.conceptClause(q.Occupations, boostConcept))
		}
		if len(q.RelatedOccupations) > 0 {
			concepts = append(concepts, ix.conceptClause(q.RelatedOccupations, boostRelated))
		}
		var concept query.Query
		switch len(concepts) {
		case 1:
			concept = concepts[0]
		case 2:
			concept = &sumQuery{clauses: concepts, max: true}
		}
		if concept != nil {
			should = append(should, concept)
		}
		if q.AllWords {
			var all, synonyms query.Query
			if cover != nil {
				synonyms = cover.synonyms
			}
			if all, rd.required, rd.common = ix.everyWord(cover, exps, q.NamedWords, ix.namedConcepts(q.NamedBy, concept, synonyms)); all != nil {
				filters = append(filters, all)
			}
		}
	} else {
		should = append(should, ix.boostedTerms("occupations", q.Occupations, q.OccupationBoost, 3)...)
		should = append(should, ix.boostedTerms("occupations", q.RelatedOccupations, q.RelatedBoost, 1)...)
	}
	should = append(should, ix.boostedTerms("skills", q.Skills, q.SkillBoost, 2)...)
	for _, s := range q.SkillTexts {
		for _, field := range []string{"skill_text", "skill_en"} {
			should = append(should, allWords(s, field))
		}
	}
	for _, u := range q.RequireSkills {
		filters = append(filters, term("skills", ix.short(u)))
	}
	for _, l := range q.SkillLabels {
		filters = append(filters, term(fieldSkillLabels, SkillLabel(l)))
	}
	for _, sf := range q.SkillFilters {
		var any []query.Query
		if sf.URI != "" {
			any = append(any, term("skills", ix.short(sf.URI)))
		}
		for _, field := range []string{"skill_text", "skill_en"} {
			any = append(any, allWords(sf.Text, field))
		}
		filters = append(filters, bleve.NewDisjunctionQuery(any...))
	}
	if len(q.RequireOccupations) > 0 {
		filters = append(filters, anyTerm("occupations", ix.shortAll(q.RequireOccupations)))
	}
	if q.Near != nil && q.RadiusKm > 0 && q.NearCoarse && ix.geo != nil {
		filters = append(filters, anyTerm("cells", coverCells(*q.Near, q.RadiusKm, maxCoverCells)))
	} else if q.Near != nil && q.RadiusKm > 0 {
		if codes, ok := ix.postalWithin(*q.Near, q.RadiusKm); ok {
			// A candidate's location is the centre of their postal code,
			// so the postal codes within the radius say the same as a geo
			// distance query, and a handful of term lookups is several
			// times faster than bleve's geo cells.
			filters = append(filters, anyTerm("postal_code", codes))
		} else {
			g := bleve.NewGeoDistanceQuery(q.Near.Lon, q.Near.Lat, fmt.Sprintf("%fkm", q.RadiusKm))
			g.SetField("location")
			filters = append(filters, g)
		}
	}
	if len(q.PostalCodes) > 0 {
		filters = append(filters, anyTerm("postal_code", q.PostalCodes))
	}
	if !q.AvailableBefore.IsZero() {
		inclusive := true
		d := bleve.NewDateRangeInclusiveQuery(time.Time{}, q.AvailableBefore, nil, &inclusive)
		d.SetField("available_from")
		filters = append(filters, d)
	}
	for _, l := range q.Licences {
		filters = append(filters, term("licences", l))
	}
	if len(q.Hours) > 0 {
		filters = append(filters, anyTerm("hours", q.Hours))
	}
	for _, s := range q.Shifts {
		filters = append(filters, term("shifts", s))
	}
	if q.MinYears > 0 {
		filters = append(filters, ix.yearsFilter(q.MinYears, q.YearsIn))
	}
	if q.NoExperience {
		// A CV holds a term of its years in all from one whole year.
		none := bleve.NewBooleanQuery()
		none.AddMust(bleve.NewMatchAllQuery())
		none.AddMustNot(ix.yearsFilter(1, nil))
		filters = append(filters, none)
	}
	for _, l := range q.Languages {
		filters = append(filters, anyTerm("languages", LanguageAtLeast(l)))
	}
	if len(q.TargetGroups) > 0 {
		filters = append(filters, anyTerm("target_group", q.TargetGroups))
	}
	if len(q.Eligibility) > 0 {
		filters = append(filters, anyTerm("eligibility", q.Eligibility))
	}
	if len(q.Education) > 0 {
		filters = append(filters, anyTerm("education", q.Education))
	}
	if q.ConsentOnly {
		filters = append(filters, term("consent", "yes"))
	}
	if len(q.LicenceAny) > 0 {
		filters = append(filters, anyTerm("licences", q.LicenceAny))
	}
	if len(q.LicenceNone) > 0 {
		// A CV without a licence has no term in the field, so the
		// filter is everyone but those who hold one, as NoExperience.
		none := bleve.NewBooleanQuery()
		none.AddMust(bleve.NewMatchAllQuery())
		none.AddMustNot(anyTerm("licences", q.LicenceNone))
		filters = append(filters, none)
	}
	if len(q.Without) > 0 {
		// As LicenceNone: everyone but those who hold one.
		none := bleve.NewBooleanQuery()
		none.AddMust(bleve.NewMatchAllQuery())
		for _, w := range q.Without {
			if held := ix.holding(w); held != nil {
				none.AddMustNot(held)
			}
		}
		filters = append(filters, none)
	}
	if sf := q.Scheme; sf != nil && !sf.AnyGroup {
		any := []query.Query{term("eligibility", sf.Scheme)}
		for _, g := range sf.Groups {
			any = append(any, term("target_group", g))
		}
		filters = append(filters, bleve.NewDisjunctionQuery(any...))
	}
	var experience query.Query
	if q.Everyday && len(should) > 0 {
		var lifts []query.Query
		if len(q.ExperienceIn) > 0 {
			lifts = append(lifts, ix.experienceLift(q.ExperienceIn, experienceStep))
		}
		if len(q.RelatedOccupations) > 0 {
			// The years in the related occupations (the ISCO unit group)
			// order the CVs found by them, at half a step: a "vicevært"
			// no CV names is the ejendomsservicetekniker, and the one
			// with 28 years came after those with none, all at 0.50.
			lifts = append(lifts, ix.relatedExperienceLift(q.RelatedOccupations, q.ExperienceIn))
		}
		switch len(lifts) {
		case 1:
			experience = lifts[0]
		case 2:
			experience = &sumQuery{clauses: lifts}
		}
	}
	if len(should) == 0 {
		should, tieBreak = tieBreak, nil // no word was found: the analysed fields' hits
	}
	if q.noTieBreak {
		tieBreak = nil
	}
	b := bleve.NewBooleanQuery()
	if len(should) > 0 && len(filters) > 0 && !q.shouldBeside {
		// With filters, the words join them as one more required clause:
		// bleve's conjunction then leaps between the sparsest lists,
		// where a should clause beside the filters was advanced to every
		// CV the filters let through (a licence B or a 50 km radius lets
		// through most). Same hits, same scores (TestFiltersWithTheWords);
		// search p95 at 150,000 CVs 90 → 67 ms (docs/benchmarks.md).
		if q.Everyday {
			must = append(must, &sumQuery{clauses: should, scoreOnly: scoreOnly(tieBreak, experience)})
		} else {
			d := bleve.NewDisjunctionQuery(should...)
			must = append(must, d)
		}
	} else if len(should) > 0 && q.Everyday {
		b.AddShould(&sumQuery{clauses: should, scoreOnly: scoreOnly(tieBreak, experience)})
		b.SetMinShould(1)
	} else if len(should) > 0 {
		b.AddShould(should...)
		b.SetMinShould(1)
	} else {
		must = append(must, bleve.NewMatchAllQuery())
	}
	if len(must) > 0 {
		b.AddMust(must...)
	}
	if len(filters) > 0 {
		// Filters do not score: built without scoring, bleve reads a
		// filter's terms as one union of their postings ("unadorned",
		// one iterator for the 100 grid cells of a radius, where a scored
		// disjunction advanced all 100 at every step of the conjunction),
		// and the filters together as one intersection where it can. With
		// no weight they leave every hit's score as it is without them
		// (TestFiltersWithTheWords); match at 150,000 CVs in
		// docs/benchmarks.md.
		f := filters[0]
		if len(filters) > 1 {
			f = bleve.NewConjunctionQuery(filters...)
		}
		b.AddMust(&constScore{inner: f, filter: true})
	}
	rd.exps = exps
	return b, rd
}

// markRelated marks the hits found only by the related occupations: those
// the same search without them does not find (the words, the occupations
// named and every filter).
func (ix *Index) markRelated(ctx context.Context, q Query, hits []Hit) error {
	q.RelatedOccupations = nil
	direct, _ := ix.build(q)
	ids := make([]string, len(hits))
	for i, h := range hits {
		ids[i] = h.ID
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(direct, bleve.NewDocIDQuery(ids)), len(ids), 0, false)
	req.Score = "none"
	res, err := ix.bleve().SearchInContext(ctx, req)
	if err != nil {
		return fmt.Errorf("index: search: %w", err)
	}
	found := make(map[string]bool, len(res.Hits))
	for _, h := range res.Hits {
		found[h.ID] = true
	}
	for i := range hits {
		hits[i].Related = !found[hits[i].ID]
	}
	return nil
}

// scoreOnly is the clauses that order the words' hits and find none: the
// analysed fields' tie-break and the years in the occupations named.
func scoreOnly(tieBreak []query.Query, experience query.Query) []query.Query {
	out := tieBreakOf(tieBreak)
	if experience != nil {
		out = append(out, experience)
	}
	return out
}

// experienceSteps are the whole years in an occupation experienceLift
// tells apart, experienceStep the score of each step reached: at most 0.16
// in all (0.24 with the related occupations' half steps), below every step between the ways a word is found and between
// wanting and having held an occupation (1.5 and 1.2), so years order the
// CVs the words find alike and never lift one above a better match. A
// "chauffør" with 13 years as a lastbilchauffør came after one who had
// never driven, both only wanting the job, in the order of their updates.
var experienceSteps = []int{1, 3, 5, 10, 15, 20, 25, 30}

const experienceStep = 0.02

// experienceLift scores a CV by the steps of experienceSteps its years in
// one of uris reach, step for each. Its clauses have no weight: the other clauses' scores
// are as they are without it.
func (ix *Index) experienceLift(uris []string, step float64) query.Query {
	steps := make([]query.Query, len(experienceSteps))
	for i, y := range experienceSteps {
		steps[i] = &constScore{inner: ix.yearsFilter(y, uris), score: step, filter: true}
	}
	return &sumQuery{clauses: steps}
}

// relatedExperienceLift is experienceLift over the related occupations at
// half a step, for the CVs with no years in the occupations named
// (named): it orders those found only by the related ones (a "vicevært"
// no CV names, the ejendomsserviceteknikere), and it does not add a
// pædagogmedhjælper's 21 years to a pædagog's 2, which put that CV before
// one with 24 years as a pædagog for "pædagog".
func (ix *Index) relatedExperienceLift(related, named []string) query.Query {
	var held query.Query
	if len(ix.shortAll(named)) > 0 {
		held = ix.yearsFilter(0, named)
	}
	steps := make([]query.Query, len(experienceSteps))
	for i, y := range experienceSteps {
		inner := ix.yearsFilter(y, related)
		if held != nil {
			b := bleve.NewBooleanQuery()
			b.AddMust(inner)
			b.AddMustNot(held)
			inner = b
		}
		steps[i] = &constScore{inner: inner, score: experienceStep / 2, filter: true}
	}
	return &sumQuery{clauses: steps}
}

// tieBreakOf is the analysed fields' one score-only clause: their sum,
// capped (capped).
func tieBreakOf(fields []query.Query) []query.Query {
	if len(fields) == 0 {
		return nil
	}
	return []query.Query{&capped{inner: &sumQuery{clauses: fields}}}
}

// reading is how build read a query's text: the expansions, and for
// Query.AllWords the words asked of every CV (by alternative) and the
// common words that only order them.
type reading struct {
	exps     []Expansion
	required [][]string
	common   []string
}

// commonShare: a word one of whose own forms (the word, a spelling, an
// inflection) more than this share of the CVs hold is common, when it is
// also held by more than twice as many CVs as another word of its
// alternative reaches: it orders the CVs the other words find and is not
// asked of each (Query.AllWords). In the demo's CVs "erfaring", "kørekort"
// and "arbejder" are; the commonest occupation word, "rengøring", is in one
// CV of twelve. The second condition keeps the rarest word asked for, and
// in a small index, where every word is in a fifth of the CVs, every word
// that is not much commoner than the others.
const commonShare = 0.2

// isCommon reports whether the i-th word is common among n CVs
// (commonShare), or a number. A language or another field's value never
// is: it was asked for.
func (c *wordCover) isCommon(i int, n uint64) bool {
	if strings.Trim(c.tokens[i], "0123456789") == "" {
		// A number ("pædagog 30 timer", "kok 8 år") is in CVs as years,
		// hours and ages of every kind: it orders, it is not asked.
		return true
	}
	if experienceWords[c.tokens[i]] {
		// So is a word for experience ("erfaren kok", "kok med
		// erfaring"): the years in the occupation order the cooks
		// (ExperienceIn), and a CV that writes "erfaren" is no cook.
		return true
	}
	if c.field[i] || float64(c.top[i]) <= commonShare*float64(n) {
		return false
	}
	for j := range c.tokens {
		if j == i || c.group[j] != c.group[i] || c.exp[j] < 0 || c.field[j] {
			continue
		}
		held := c.top[j] // the word itself, or else its compounds
		if held == 0 {
			held = c.reach[j]
		}
		if int64(c.top[i]) > 2*int64(held) {
			return true
		}
	}
	return false
}

// clausesWithout are the clauses of the words as wordQueries combines
// them, without the words in skip (each word's clauses the best of them;
// the synonyms another way to hold the words, the better of the two).
func (c *wordCover) clausesWithout(skip []string) []query.Query {
	var qs []query.Query
	for i, cs := range c.byToken {
		switch {
		case slices.Contains(skip, c.tokens[i]) || len(cs) == 0:
		case len(cs) == 1:
			qs = append(qs, cs[0])
		default:
			qs = append(qs, &sumQuery{clauses: cs, max: true})
		}
	}
	switch {
	case c.synonyms == nil:
	case len(qs) == 0:
		qs = []query.Query{c.synonyms}
	case len(qs) == 1:
		qs = []query.Query{&sumQuery{clauses: []query.Query{qs[0], c.synonyms}, max: true}}
	default:
		qs = []query.Query{&sumQuery{clauses: []query.Query{&sumQuery{clauses: qs}, c.synonyms}, max: true}}
	}
	return qs
}

// namedConcepts gives the clauses a named word stands for: the concepts it
// names (NamedBy) at the concept's score, when the words name concepts
// apart; else every named word is all of them (concept) and their
// synonyms. (The synonyms are the query's, not a concept's: apart, a
// synonym of one name would stand for the other.)
func (ix *Index) namedConcepts(namedBy map[string][]string, concept, synonyms query.Query) func(word string) []query.Query {
	apart := false
	var first []string
	for _, uris := range namedBy {
		uris = slices.Sorted(slices.Values(uris))
		if first == nil {
			first = uris
		} else if !slices.Equal(first, uris) {
			apart = true
		}
	}
	both := func() []query.Query {
		var out []query.Query
		for _, c := range []query.Query{concept, synonyms} {
			if c != nil {
				out = append(out, c)
			}
		}
		return out
	}
	return func(word string) []query.Query {
		if !apart || concept == nil {
			return both()
		}
		uris, ok := namedBy[word]
		if !ok {
			for w, u := range namedBy { // a part of a hyphenated name ("it-supporter")
				if slices.Contains(strings.Split(w, "-"), word) {
					uris, ok = u, true
					break
				}
			}
		}
		if !ok {
			return both()
		}
		return []query.Query{&constScore{inner: anyTerm("occupations", ix.shortAll(uris)), score: boostConcept}}
	}
}

// everyWord is the filter of Query.AllWords: for each word that reached
// CVs and is not common, a CV that holds it, a compound it forms with a
// neighbour, or (a word the taxonomy read as concept or synonym) that
// concept or synonym. Words joined by "eller" ("or") are alternatives:
// "kok eller tjener" finds the CVs that hold either. It marks the words
// asked for Required and returns them by alternative, and the common
// words. Nil when fewer than two words reached CVs (one word alone is the
// search without it), for a text longer than a query, an empty index, or
// when an alternative holds only common words.
func (ix *Index) everyWord(cover *wordCover, expansions []Expansion, named []string, namedAs func(word string) []query.Query) (query.Query, [][]string, []string) {
	if cover == nil || len(cover.tokens) > maxJoined {
		return nil, nil, nil
	}
	isNamed := map[string]bool{}
	for _, w := range named {
		isNamed[w] = true
		for _, p := range strings.Split(w, "-") {
			isNamed[p] = true
		}
	}
	// A word reached CVs by its forms, or names the concept the CVs hold:
	// "hjemmehjælper", which no demo CV writes, is the social- og
	// sundhedshjælper's other name; "hjemmehjælper deltid" asks for both,
	// where it found anyone who wrote "deltid".
	byName := func(j int) bool {
		return isNamed[cover.tokens[j]] && len(namedAs(cover.tokens[j])) > 0
	}
	reached := func(j int) bool { return cover.exp[j] >= 0 || byName(j) }
	found := 0
	for j := range cover.tokens {
		if reached(j) {
			found++
		}
	}
	if found < 2 {
		return nil, nil, nil
	}
	n, err := ix.Count()
	if err != nil || n == 0 {
		return nil, nil, nil
	}
	type alternative struct {
		each  []query.Query
		words []string
		exps  []int
		found bool
	}
	var alts []*alternative
	var common []string
	done := map[int]bool{} // slots read
	for i := range cover.tokens {
		g, slot := cover.group[i], cover.slot[i]
		for len(alts) <= g {
			alts = append(alts, &alternative{})
		}
		if done[slot] {
			continue
		}
		done[slot] = true
		// The words of the slot ("mig/mag": either), those that reached
		// CVs; the slot is common when each of them is.
		var any []query.Query
		var words, slotCommon []string
		var exps []int
		for j := i; j < len(cover.tokens) && cover.slot[j] == slot; j++ {
			if !reached(j) {
				continue
			}
			if cover.exp[j] >= 0 && cover.isCommon(j, n) {
				slotCommon = append(slotCommon, cover.tokens[j])
			}
			any = append(any, cover.byToken[j]...)
			if isNamed[cover.tokens[j]] {
				any = append(any, namedAs(cover.tokens[j])...)
			}
			words = append(words, cover.tokens[j])
			if e := cover.exp[j]; e >= 0 {
				exps = append(exps, e)
			} else if e := slices.IndexFunc(expansions, func(x Expansion) bool { return x.Word == cover.tokens[j] }); e >= 0 {
				exps = append(exps, e)
			}
		}
		if len(words) == 0 {
			continue
		}
		a := alts[g]
		a.found = true
		if len(slotCommon) == len(words) {
			common = append(common, slotCommon...)
			continue
		}
		a.each = append(a.each, bleve.NewDisjunctionQuery(any...))
		a.words = append(a.words, strings.Join(words, "/"))
		a.exps = append(a.exps, exps...)
	}
	var either []query.Query
	var required [][]string
	for _, a := range alts {
		switch {
		case !a.found:
		case len(a.each) == 0:
			return nil, nil, nil // common words only: any CV that holds one
		case len(a.each) == 1:
			either = append(either, a.each[0])
		default:
			either = append(either, bleve.NewConjunctionQuery(a.each...))
		}
		if len(a.each) > 0 {
			required = append(required, a.words)
		}
	}
	if len(either) == 0 {
		return nil, nil, nil
	}
	for _, a := range alts {
		for _, e := range a.exps {
			expansions[e].Required = true
		}
	}
	if len(either) == 1 {
		return either[0], required, common
	}
	return bleve.NewDisjunctionQuery(either...), required, common
}

// holding finds the CVs that hold word as Query.Without reads it: a field's
// value by the field, another word by its own forms (the word, its
// spellings, inflections and compounds), no typo. A word typed of several
// ("part-time" is one, "it-support" two) is held when each part is. Nil
// when nothing is.
func (ix *Index) holding(word string) query.Query {
	var each []query.Query
	for _, t := range queryTokens(word) {
		if fields := fieldFormsOf(t); len(fields) > 0 {
			for _, f := range fields {
				each = append(each, term(f.field, f.value))
			}
			continue
		}
		var words []string
		for _, f := range ix.vocab.expand(t, false) {
			if f.via != "typo" && !slices.Contains(words, f.word) {
				words = append(words, f.word)
			}
		}
		if len(words) == 0 {
			return nil // no CV holds this part, so none holds the word
		}
		each = append(each, anyTerm(fieldWords, words))
	}
	switch len(each) {
	case 0:
		return nil
	case 1:
		return each[0]
	}
	return bleve.NewConjunctionQuery(each...)
}

func term(field, v string) query.Query {
	t := bleve.NewTermQuery(v)
	t.SetField(field)
	return t
}

// yearsFilter holds the CVs with at least years of experience in one of
// the occupations (URIs; in all when none): for each, the range of its
// "experience" terms from those years up.
func (ix *Index) yearsFilter(years int, occupations []string) query.Query {
	ids := ix.shortAll(occupations)
	if len(ids) == 0 {
		ids = []string{yearsAll}
	}
	inclusive := true
	any := make([]query.Query, 0, len(ids))
	for _, id := range ids {
		r := bleve.NewTermRangeInclusiveQuery(yearsTerm(id, float64(years)), yearsTerm(id, maxYears), &inclusive, &inclusive)
		r.SetField("experience")
		any = append(any, r)
	}
	return bleve.NewDisjunctionQuery(any...)
}

// heldConcept scales a concept's score for a CV that held it but does not
// want it: as for the words (desiredLift), who wants the job comes before
// who once did it. "ekspedient", STAR's title of concepts no CV holds,
// found the shop workers of their group at one score, and a
// hotelmedarbejder who had once been a sælger came before the
// butiksassistenter who want the work.
const heldConcept = 0.8

// conceptClause scores a CV of one of uris: score if it wants one of them,
// score × heldConcept if it only held one.
func (ix *Index) conceptClause(uris []string, score float64) query.Query {
	short := ix.shortAll(uris)
	return &sumQuery{max: true, clauses: []query.Query{
		&constScore{inner: anyTerm("wanted", short), score: score},
		&constScore{inner: anyTerm("occupations", short), score: score * heldConcept},
	}}
}

func anyTerm(field string, vs []string) query.Query {
	qs := make([]query.Query, len(vs))
	for i, v := range vs {
		qs[i] = term(field, v)
	}
	return bleve.NewDisjunctionQuery(qs...)
}

// PostalCodes lists every postal code a Geocoder knows (taxonomy.Places does).
type PostalCodes interface {
	Codes() []string
}

// postalWithin returns the postal codes whose centre lies within km of p.
func (ix *Index) postalWithin(p Point, km float64) ([]string, bool) {
	pc, ok := ix.geo.(PostalCodes)
	if !ok {
		return nil, false
	}
	var out []string
	for _, c := range pc.Codes() {
		if lat, lon, ok := ix.geo.Coordinates(c); ok && haversineKm(p.Lat, p.Lon, lat, lon) <= km {
			out = append(out, c)
		}
	}
	if len(out) == 0 {
		out = []string{"-"} // nothing near: match nobody
	}
	return out, true
}

func haversineKm(lat1, lon1, lat2, lon2 float64) float64 {
	const r = 6371.0
	rad := math.Pi / 180
	dlat, dlon := (lat2-lat1)*rad, (lon2-lon1)*rad
	a := math.Sin(dlat/2)*math.Sin(dlat/2) + math.Cos(lat1*rad)*math.Cos(lat2*rad)*math.Sin(dlon/2)*math.Sin(dlon/2)
	return 2 * r * math.Asin(math.Sqrt(a))
}

// Levels are the language levels from lowest to highest (CEFR, then native).
var Levels = []string{"A1", "A2", "B1", "B2", "C1", "C2", "NATIVE"}

// LanguageAtLeast expands "da:B2" into the indexed terms of that level and
// every higher one; a bare "da" is any level.
func LanguageAtLeast(spec string) []string {
	code, level, ok := strings.Cut(spec, ":")
	if !ok {
		return []string{spec}
	}
	level = strings.ToUpper(level)
	for i, l := range Levels {
		if l == level {
			out := make([]string, 0, len(Levels)-i)
			for _, h := range Levels[i:] {
				out = append(out, code+":"+h)
			}
			return out
		}
	}
	return []string{code + ":" + level}
}

// boostedTerms are should-clauses for concept URIs in field, at boost (def
// when zero).
func (ix *Index) boostedTerms(field string, uris []string, boost, def float64) []query.Query {
	if boost == 0 {
		boost = def
	}
	out := make([]query.Query, len(uris))
	for i, u := range uris {
		t := bleve.NewTermQuery(ix.short(u))
		t.SetField(field)
		t.SetBoost(boost)
		out[i] = t
	}
	return out
}

// ByName finds the CVs whose citizen's name holds every one of words (as
// typed, any case; "soren" and "soeren" find Søren), at most size, their
// stored CVs with them, in id order. With typos, a word of five letters
// or more may be one letter off ("Rasmusen").
func (ix *Index) ByName(ctx context.Context, words []string, size int, typos bool) (Result, error) {
	if len(words) == 0 {
		return Result{}, nil
	}
	qs := make([]query.Query, len(words))
	for i, w := range words {
		f := nameFold(w)
		if typos && utf8.RuneCountInString(f) >= 5 {
			fq := bleve.NewFuzzyQuery(f)
			fq.SetField("name")
			fq.SetFuzziness(1)
			fq.SetPrefix(1)
			qs[i] = fq
			continue
		}
		qs[i] = term("name", f)
	}
	req := bleve.NewSearchRequestOptions(bleve.NewConjunctionQuery(qs...), size, 0, false)
	req.Fields = []string{fieldCV}
	req.SortBy([]string{"_id"})
	res, err := ix.bleve().SearchInContext(ctx, req)
	if err != nil {
		return Result{}, fmt.Errorf("index: search by name: %w", err)
	}
	out := Result{Total: res.Total, Hits: make([]Hit, len(res.Hits))}
	for i, h := range res.Hits {
		out.Hits[i] = Hit{ID: h.ID, Score: 1}
		if cv, ok := h.Fields[fieldCV].(string); ok {
			out.Hits[i].CV = []byte(cv)
		}
	}
	return out, nil
}
