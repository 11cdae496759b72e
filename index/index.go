// Package index owns the bleve search index of candidates (citizens' CVs):
// its versioned mapping with Danish and English analysis, searching with
// filters and facets, and the sync that keeps it in step with the store by
// itself. The index returns ids and scores; records come from MongoDB.
package index

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"maps"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"time"
	"unicode"

	bolterrors "go.etcd.io/bbolt/errors"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/custom"
	"github.com/blevesearch/bleve/v2/analysis/analyzer/keyword"
	"github.com/blevesearch/bleve/v2/analysis/lang/da"
	"github.com/blevesearch/bleve/v2/analysis/lang/en"
	"github.com/blevesearch/bleve/v2/analysis/token/lowercase"
	"github.com/blevesearch/bleve/v2/analysis/tokenizer/whitespace"
	"github.com/blevesearch/bleve/v2/index/scorch"
	"github.com/blevesearch/bleve/v2/index/scorch/mergeplan"
	"github.com/blevesearch/bleve/v2/mapping"
	index "github.com/blevesearch/bleve_index_api"

	"jobmatch"
)

// MappingVersion changes whenever the mapping or the document shape does; a
// new version is built from the store in the background and swapped in.
const MappingVersion = 17

// Geocoder gives a postal code's point.
type Geocoder interface {
	Coordinates(postal string) (lat, lon float64, ok bool)
}

// Index is the candidate index. The bleve index behind it can be swapped
// atomically by a rebuild while searches go on.
type Index struct {
	dir      string
	geo      Geocoder
	concepts Concepts
	cur      atomic.Pointer[bleve.Index]
	vocab    *vocab // words of the "words" field (vocab.go)
	skills   skillLabels
	// standIn: an empty index answers until a rebuild fills one (no
	// usable index was found); false when the index holds every CV, also
	// an older mapping version's, which the sync keeps current.
	standIn atomic.Bool
	mu      sync.Mutex // serialises batches and swaps
	closed  bool       // under mu
}

// Labels gives the labels of a concept a CV names by title, which the
// index holds as the CV's words too ("SOSU" is found by "social- og
// sundhedsassistent"); none when the title names the concept only
// loosely.
type Labels func(uri, title string) []string

// Doc is what the index stores per candidate: only what search needs.
type Doc struct {
	Occupations []string `json:"occupations"` // concept URIs
	// Wanted holds the occupations the CV wants (of Occupations, which
	// also holds those it held): a concept search ranks who wants the
	// job before who once held it (v14).
	Wanted         []string `json:"wanted"`
	OccupationText string   `json:"occupation_text"` // titles, Danish analysis
	OccupationEN   string   `json:"occupation_en"`   // titles, English analysis
	Skills         []string `json:"skills"`          // concept URIs
	// SkillLabels are the CV's skills as it names them (SkillLabel), each
	// once, those without a concept too: the skills facet counts them,
	// and a click on one filters on it (v17).
	SkillLabels   []string  `json:"skill_labels"`
	SkillText     string    `json:"skill_text"`
	SkillEN       string    `json:"skill_en"`
	Text          string    `json:"text"` // summary + experience, Danish analysis
	TextEN        string    `json:"text_en"`
	Words         string    `json:"words"`              // every distinct word above, lower-cased (danish.go)
	TitleWords    string    `json:"title_words"`        // the distinct words of OccupationText
	DesiredWords  string    `json:"desired_words"`      // those of the occupations wanted (v9)
	Location      []float64 `json:"location,omitempty"` // [lon, lat]
	AvailableFrom time.Time `json:"available_from"`
	UpdatedAt     time.Time `json:"updated_at"`
	Licences      []string  `json:"licences"`
	Hours         []string  `json:"hours"`  // full, part (v11)
	Shifts        []string  `json:"shifts"` // day, evening, night, weekend (v11)
	// Experience holds the CV's whole years of experience, in all and per
	// occupation, as yearsTerm gives them (v12).
	Experience  []string `json:"experience"`
	Languages   []string `json:"languages"` // "da", "da:B2"
	TargetGroup string   `json:"target_group"`
	Eligibility []string `json:"eligibility"`
	Consent     string   `json:"consent"` // "yes" | "no"
	// Skilled is "yes" for a CV with a vocational education or higher,
	// else "no": a faglært or an ufaglært, as the trade says (mapping v8).
	Skilled string `json:"skilled"`
	// Education holds the CV's education levels ("master") and the
	// groups they are in, "higher" (a videregående uddannelse: short
	// cycle or more) and "academic" (an akademiker: a master or a PhD),
	// as educationGroups gives them (v13).
	Education  []string `json:"education"`
	PostalCode string   `json:"postal_code"`
	Cells      []string `json:"cells,omitempty"` // grid cells of Location, one per level (cells.go)
	// Name holds the words of the citizen's name, folded (nameFold), for
	// a consultant who looks a person up by name (v16).
	Name string `json:"name"`
	// CV is the candidate as JSON, stored and not indexed, so a search page
	// shows its hits without reading them from the store (see Query.CVs).
	CV string `json:"cv"`
}

// yearsAll stands for every occupation in a yearsTerm: the years in all.
const yearsAll = "*"

// maxYears is the most years a yearsTerm tells apart: more count as that.
const maxYears = 50

// yearsTerm is the "experience" term of whole years in an occupation (its
// short id, or yearsAll): "o123:07". Two digits, so the terms of at least
// some years are one range of the term dictionary.
func yearsTerm(occupation string, years float64) string {
	return fmt.Sprintf("%s:%02d", occupation, min(int(years), maxYears))
}

// wordsAnalyzer splits the "words" field, already a list of lower-cased
// words, at spaces.
const wordsAnalyzer = "jobmatch_words"

// NewMapping returns the index mapping: dynamic mapping off, so stray fields
// are not indexed, and nothing stored that search does not need.
func NewMapping() mapping.IndexMapping {
	text := func(analyzer string) *mapping.FieldMapping {
		f := bleve.NewTextFieldMapping()
		f.Analyzer = analyzer
		f.Store = false
		f.IncludeInAll = false
		f.IncludeTermVectors = false
		// No doc values: nothing sorts or counts facets on analysed text,
		// and writing every token of eight text fields a second time, as
		// a document's column, was a fifth of building a segment.
		f.DocValues = false
		return f
	}
	kw := func() *mapping.FieldMapping {
		f := bleve.NewKeywordFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		f.DocValues = true
		return f
	}
	dt := func() *mapping.FieldMapping {
		f := bleve.NewDateTimeFieldMapping()
		f.Store = false
		f.IncludeInAll = false
		return f
	}
	doc := bleve.NewDocumentStaticMapping()
	doc.AddFieldMappingsAt("occupations", kw())
	wanted := kw()
	wanted.DocValues = false // only searched
	doc.AddFieldMappingsAt("wanted", wanted)
	doc.AddFieldMappingsAt("occupation_text", text(da.AnalyzerName))
	doc.AddFieldMappingsAt("occupation_en", text(en.AnalyzerName))
	doc.AddFieldMappingsAt("skills", kw())
	doc.AddFieldMappingsAt("skill_labels", kw()) // faceted and filtered on
	doc.AddFieldMappingsAt("skill_text", text(da.AnalyzerName))
	doc.AddFieldMappingsAt("skill_en", text(en.AnalyzerName))
	doc.AddFieldMappingsAt("text", text(da.AnalyzerName))
	doc.AddFieldMappingsAt("text_en", text(en.AnalyzerName))
	words := text(wordsAnalyzer)
	words.IncludeInAll = false
	doc.AddFieldMappingsAt(fieldWords, words)
	doc.AddFieldMappingsAt(fieldTitleWords, words)
	doc.AddFieldMappingsAt(fieldDesiredWords, words)
	geo := bleve.NewGeoPointFieldMapping()
	geo.Store = false
	geo.IncludeInAll = false
	doc.AddFieldMappingsAt("location", geo)
	doc.AddFieldMappingsAt("available_from", dt())
	doc.AddFieldMappingsAt("updated_at", dt())
	for _, k := range []string{"licences", "hours", "shifts", "languages", "target_group", "eligibility", "consent", "postal_code"} {
		doc.AddFieldMappingsAt(k, kw())
	}
	name := text(wordsAnalyzer)
	name.IncludeInAll, name.DocValues = false, false
	doc.AddFieldMappingsAt("name", name)
	cells := kw()
	cells.DocValues = false // only filtered on, never sorted or faceted
	doc.AddFieldMappingsAt("cells", cells)
	skilled := kw()
	skilled.DocValues = false
	doc.AddFieldMappingsAt("skilled", skilled)
	doc.AddFieldMappingsAt("education", kw()) // filtered on and faceted
	experience := kw()
	experience.DocValues = false // only filtered on
	doc.AddFieldMappingsAt("experience", experience)
	// The CV itself: stored (zap compresses each document's stored fields),
	// not indexed, one keyword token so nothing analyses it.
	cv := bleve.NewTextFieldMapping()
	cv.Analyzer = keyword.Name
	cv.Index = false
	cv.Store = true
	cv.IncludeInAll = false
	cv.IncludeTermVectors = false
	cv.DocValues = false
	doc.AddFieldMappingsAt(fieldCV, cv)
	// No "_all" field: every query names its fields, and the empty
	// composite bleve otherwise adds to each document still walked every
	// token of every field at each segment build.
	doc.AddSubDocumentMapping("_all", bleve.NewDocumentDisabledMapping())
	m := bleve.NewIndexMapping()
	if err := m.AddCustomAnalyzer(wordsAnalyzer, map[string]any{
		"type": custom.Name, "tokenizer": whitespace.Name, "token_filters": []any{lowercase.Name},
	}); err != nil {
		panic(err) // a constant definition
	}
	m.DefaultMapping = doc
	m.DefaultAnalyzer = keyword.Name
	m.StoreDynamic = false
	m.IndexDynamic = false
	m.DocValuesDynamic = false
	return m
}

// Concepts gives taxonomy concepts compact ids for the index: a URI is
// some 70 bytes, and the concept fields are read for every matching
// document when facets are counted, so short ids make broad searches several
// times cheaper. The fingerprint changes when the numbering does, and an
// index built with another fingerprint is rebuilt.
type Concepts interface {
	ShortID(uri string) string
	URIOf(id string) string
	Fingerprint() string
}

// ErrInUse: the index is open in another process.
var ErrInUse = errors.New("index: in use by another process")

// lockWait is how long opening the index waits for another process to
// let go of it (one that is shutting down takes a moment).
var lockWait = 10 * time.Second

// Open opens (or creates) the current index under dir. It reports whether
// the caller must rebuild it from the store: the index is new, or of
// another mapping version (which answers until the rebuild swaps).
func Open(dir string, geo Geocoder) (*Index, bool, error) { return OpenWith(dir, geo, nil) }

// OpenWith is Open with compact concept ids (concepts may be nil: URIs are
// indexed as they are).
func OpenWith(dir string, geo Geocoder, concepts Concepts) (*Index, bool, error) {
	if err := os.MkdirAll(dir, 0o750); err != nil {
		return nil, false, fmt.Errorf("index: %w", err)
	}
	ix := &Index{dir: dir, geo: geo, concepts: concepts, vocab: newVocab()}
	if t, ok := concepts.(interface{ InDanishDictionary(string) bool }); ok {
		ix.vocab.dict = t.InDanishDictionary
	}
	if p, ok := geo.(interface{ PlaceWords() []string }); ok {
		ix.vocab.places = map[string]bool{}
		for _, w := range p.PlaceWords() {
			ix.vocab.places[w] = true
		}
	}
	name, err := os.ReadFile(filepath.Join(dir, "current"))
	if cur := strings.TrimSpace(string(name)); err == nil && strings.HasPrefix(cur, "candidates-v") {
		b, err := bleve.OpenUsing(filepath.Join(dir, cur), map[string]any{"bolt_timeout": lockWait.String()})
		if errors.Is(err, bolterrors.ErrTimeout) {
			// Another process has the index open: a second serve or a
			// command on the same data directory. It waited for the lock
			// without a word, and with a stand-in it would have taken
			// the index over.
			return nil, false, fmt.Errorf("%w: %s (stop the other jobmatch process, or give this one another --data-dir)", ErrInUse, dir)
		}
		if err == nil {
			fp, _ := b.GetInternal([]byte(keyConcepts))
			if string(fp) == ix.fingerprint() {
				if err := ix.vocab.load(b); err != nil {
					b.Close()
					return nil, false, err
				}
				ix.cur.Store(&b)
				// What a process killed during a rebuild left beside it:
				// its lock is ours, so no other process is at work here.
				ix.removeOthers(cur)
				// An index of another mapping version keeps answering, and
				// the sync keeps it current (fields it does not map are
				// left out), while the caller's rebuild fills one of this
				// version beside it and swaps it in: after an upgrade every
				// CV is found at once, and the rebuild's scan is the only
				// work (an empty stand-in would have its sync re-read every
				// CV of the log besides).
				return ix, !strings.HasPrefix(cur, fmt.Sprintf("candidates-v%d-", MappingVersion)), nil
			}
			b.Close() // numbered with other concept ids: build anew
		}
	}
	// No usable index: start an empty one now, so search answers at once,
	// and let the caller rebuild it from the store.
	b, path, err := ix.create()
	if err != nil {
		return nil, false, err
	}
	if err := ix.point(path); err != nil {
		b.Close()
		return nil, false, err
	}
	ix.cur.Store(&b)
	ix.standIn.Store(true)
	return ix, true, nil
}

// StandIn reports whether an empty index answers while a rebuild fills one
// from the store: searches then miss CVs. An older mapping version's index,
// being rebuilt beside, is no stand-in: it finds every CV.
func (ix *Index) StandIn() bool { return ix.standIn.Load() }

func (ix *Index) create() (bleve.Index, string, error) {
	name := fmt.Sprintf("candidates-v%d-%d", MappingVersion, time.Now().UnixNano())
	path := filepath.Join(ix.dir, name)
	b, err := bleve.New(path, NewMapping())
	if err != nil {
		return nil, "", fmt.Errorf("index: create %s: %w", name, err)
	}
	if err := b.SetInternal([]byte(keyConcepts), []byte(ix.fingerprint())); err != nil {
		b.Close()
		return nil, "", fmt.Errorf("index: create %s: %w", name, err)
	}
	return b, name, nil
}

func (ix *Index) fingerprint() string {
	if ix.concepts == nil {
		return "uri"
	}
	return ix.concepts.Fingerprint()
}

// short returns the indexed id of a concept URI.
func (ix *Index) short(uri string) string {
	if ix.concepts == nil {
		return uri
	}
	if id := ix.concepts.ShortID(uri); id != "" {
		return id
	}
	return uri
}

func (ix *Index) shortAll(uris []string) []string {
	out := make([]string, len(uris))
	for i, u := range uris {
		out[i] = ix.short(u)
	}
	return out
}

// long returns the concept URI of an indexed id.
func (ix *Index) long(id string) string {
	if ix.concepts == nil {
		return id
	}
	if u := ix.concepts.URIOf(id); u != "" {
		return u
	}
	return id
}

// point makes name the current index atomically (write + rename).
func (ix *Index) point(name string) error {
	tmp := filepath.Join(ix.dir, "current.tmp")
	if err := os.WriteFile(tmp, []byte(name), 0o640); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	if err := os.Rename(tmp, filepath.Join(ix.dir, "current")); err != nil {
		return fmt.Errorf("index: %w", err)
	}
	return nil
}

func (ix *Index) bleve() bleve.Index { return *ix.cur.Load() }

// Merge merges the index's segments into one and waits for it, as bleve's
// own merges do over time: what a long-running index reads back from disk
// after a restart is then what the caller reads (the evaluation does this
// before its restart).
func (ix *Index) Merge(ctx context.Context) error { return forceMerge(ctx, ix.bleve()) }

func forceMerge(ctx context.Context, b bleve.Index) error {
	adv, err := b.Advanced()
	if err != nil {
		return fmt.Errorf("index: merge: %w", err)
	}
	s, ok := adv.(*scorch.Scorch)
	if !ok {
		return fmt.Errorf("index: merge: not a scorch index")
	}
	if err := s.ForceMerge(ctx, &mergeplan.SingleSegmentMergePlanOptions); err != nil {
		return fmt.Errorf("index: merge: %w", err)
	}
	return nil
}

// Segments is the number of segments a search reads. A bulk import or
// a rebuild leaves as many as its merges had reached when it ended (12
// for 30,000 demo CVs), and a search's cost grows with them: merged into
// one, the everyday search at 30,000 CVs took 1.13–1.16 ms at the median
// against 1.81–2.0 (docs/benchmarks.md).
func (ix *Index) Segments() int {
	st, _ := ix.bleve().StatsMap()["index"].(map[string]any)
	n := 0
	for _, k := range []string{"num_root_filesegments", "num_root_memorysegments"} {
		if v, ok := st[k].(uint64); ok {
			n += int(v)
		}
	}
	return n
}

// manySegments is the count above which MergeIfMany merges (a variable
// for the test, whose small batches bleve merges as they come).
var manySegments = 4

// MergeIfMany merges the index into one segment when it has more than
// manySegments: after a bulk import, at the next start, in the background.
// Bleve's own merges keep the count low under everyday writes. It reports
// the count before.
func (ix *Index) MergeIfMany(ctx context.Context) (int, bool, error) {
	n := ix.Segments()
	if n <= manySegments {
		return n, false, nil
	}
	return n, true, ix.Merge(ctx)
}

// Close closes the index.
func (ix *Index) Close() error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return nil
	}
	ix.closed = true
	if p := ix.cur.Load(); p != nil {
		return (*p).Close()
	}
	return nil
}

// Count returns the number of indexed candidates.
func (ix *Index) Count() (uint64, error) { return ix.bleve().DocCount() }

// DocOf builds the index document of a candidate.
func (ix *Index) DocOf(c *jobmatch.Candidate, labels Labels) Doc {
	d := Doc{TargetGroup: string(c.TargetGroup), PostalCode: c.PostalCode,
		AvailableFrom: c.AvailableFrom.Time, UpdatedAt: c.UpdatedAt, Consent: "no"}
	if c.Consent.Given {
		d.Consent = "yes"
	}
	var occ, skills, text []string
	for _, o := range c.DesiredOccupations {
		occ = append(occ, o.Label)
		if o.URI != "" {
			d.Occupations = append(d.Occupations, ix.short(o.URI))
			d.Wanted = append(d.Wanted, ix.short(o.URI))
			if labels != nil {
				occ = append(occ, labels(o.URI, o.Label)...)
			}
		}
	}
	desired := wordsOf(occ...)
	var years float64
	var yearsIn map[string]float64
	for _, e := range c.Experience {
		occ = append(occ, e.Title)
		text = append(text, e.Title, e.Employer)
		years += max(e.Years, 0)
		if e.Occupation != "" {
			id := ix.short(e.Occupation)
			d.Occupations = append(d.Occupations, id)
			if yearsIn == nil {
				yearsIn = map[string]float64{}
			}
			yearsIn[id] += max(e.Years, 0)
		}
	}
	if years >= 1 {
		d.Experience = append(d.Experience, yearsTerm(yearsAll, years))
	}
	for id, y := range yearsIn {
		if y >= 1 {
			d.Experience = append(d.Experience, yearsTerm(id, y))
		}
	}
	slices.Sort(d.Experience)
	for _, s := range c.Skills {
		skills = append(skills, s.Label)
		if l := SkillLabel(s.Label); l != "" && !slices.Contains(d.SkillLabels, l) {
			d.SkillLabels = append(d.SkillLabels, l)
		}
		if s.URI != "" {
			d.Skills = append(d.Skills, ix.short(s.URI))
			if labels != nil {
				skills = append(skills, labels(s.URI, s.Label)...)
			}
		}
	}
	d.Skilled = "no"
	for _, e := range c.Education {
		// The basic school nearly everyone has ("Folkeskolens
		// afgangsprøve") says nothing of the work a person can do, and
		// its level is a filter of its own: its words would make
		// "skole", and a compound read by that first part
		// ("skoleassistent"), find every other CV.
		if e.Level != "primary" {
			text = append(text, e.Field)
		}
		if skilledLevels[e.Level] {
			d.Skilled = "yes"
		}
		d.Education = append(d.Education, e.Level)
		d.Education = append(d.Education, educationGroups[e.Level]...)
	}
	slices.Sort(d.Education)
	d.Education = slices.Compact(d.Education)
	text = append(text, c.Summary)
	d.OccupationText = strings.Join(occ, " . ")
	d.OccupationEN = d.OccupationText
	d.SkillText = strings.Join(skills, " . ")
	d.SkillEN = d.SkillText
	d.Text = strings.Join(text, " . ")
	d.TextEN = d.Text
	titles := wordsOf(d.OccupationText)
	words := moreWords(titles, d.SkillText, d.Text) // the titles' words first
	d.Words, d.TitleWords = strings.Join(words, " "), strings.Join(titles, " ")
	d.DesiredWords = strings.Join(desired, " ")
	d.Licences = append(d.Licences, c.DrivingLicences...)
	for _, h := range c.Hours {
		d.Hours = append(d.Hours, string(h))
	}
	for _, s := range c.Shifts {
		d.Shifts = append(d.Shifts, string(s))
	}
	for _, l := range c.Languages {
		d.Languages = append(d.Languages, l.Code, l.Code+":"+strings.ToUpper(l.Level))
	}
	for _, s := range c.Eligibility {
		d.Eligibility = append(d.Eligibility, string(s))
	}
	if ix.geo != nil {
		if lat, lon, ok := ix.geo.Coordinates(c.PostalCode); ok {
			d.Location = []float64{lon, lat}
			d.Cells = cellsOf(lat, lon)
		}
	}
	d.Name = nameWords(c.Name)
	if cv, err := json.Marshal(c); err == nil { // a Candidate always marshals
		d.CV = string(cv)
	}
	return d
}

// SkillLabel is a skill as the "skill_labels" field holds it: the CV's
// label in lower case, its spaces one apart ("Truckcertifikat  B" and
// "truckcertifikat b" are one skill). Most skills CVs name have no ESCO
// concept ("truckcertifikat B", "håndscanner", "palleløfter"): by the
// concepts alone, the skills facet of "lager" left out what 100 of 313 CVs
// hold.
func SkillLabel(label string) string {
	return strings.ToLower(strings.Join(strings.Fields(label), " "))
}

// nameWords are the words of a name, folded (nameFold), joined by spaces
// for the "name" field.
func nameWords(name string) string {
	var out []string
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return !unicode.IsLetter(r) }) {
		out = append(out, nameFold(w))
	}
	return strings.Join(out, " ")
}

// nameFold is a word of a name as any spelling of it reads: lower case,
// æ, ø, å and their spellings ae, oe, aa as a, o, a ("Ørbæk", "Oerbaek"
// and "orbaek" are all "orbak").
func nameFold(w string) string {
	return nameFolds.Replace(strings.ToLower(w))
}

var nameFolds = strings.NewReplacer("æ", "a", "ø", "o", "å", "a", "ae", "a", "oe", "o", "aa", "a")

// skilledLevels are the education levels that make a faglært: a
// vocational education or more. Primary and upper secondary school alone
// (or no education on the CV) is an ufaglært, as Danish labour-market
// statistics count them.
var skilledLevels = map[string]bool{"vocational": true, "short_cycle": true, "bachelor": true, "master": true, "phd": true}

// educationGroups are the groups an education level is in, as the
// "education" field holds them beside the level: a videregående
// uddannelse ("higher") is a short cycle one or more; an akademiker
// ("academic") has a long one, a master's (kandidat) or a PhD. A
// bachelor is not one: the level holds the professionsbachelor (the
// pædagog, the sygeplejerske), whom nobody calls an akademiker, with the
// university's.
var educationGroups = map[string][]string{
	"short_cycle": {"higher"}, "bachelor": {"higher"}, "master": {"higher", "academic"}, "phd": {"higher", "academic"},
}

// EducationGroups are the values of the "education" field that are not a
// level of their own.
var EducationGroups = []string{"higher", "academic"}

// ErrClosed is returned after Close.
var ErrClosed = errors.New("index: closed")

// internal keys
const (
	keyHWM      = "hwm"
	keyConcepts = "concepts"
)

// batch applies upserts and deletes in one bleve batch, together with the
// new high-water mark and the syncer's unsettled numbers below it, so the
// mark never runs ahead of what is indexed or remembered (see unsettled.go).
//
// The vocabulary counts each word's CVs as the index holds them: the
// words of the documents replaced or deleted are counted down (labels
// makes them again from their stored CVs, as DocOf made them), the new
// documents' words up.
func (ix *Index) batch(upserts map[string]Doc, deletes []string, hwm int64, open unsettled, labels Labels) error {
	ix.mu.Lock()
	defer ix.mu.Unlock()
	if ix.closed {
		return ErrClosed
	}
	b := ix.bleve()
	batch := b.NewBatch()
	ids := slices.Clone(deletes) // of the documents replaced or deleted
	for id, d := range upserts {
		if err := batch.Index(id, d); err != nil {
			return fmt.Errorf("index: batch: %w", err)
		}
		ids = append(ids, id)
	}
	for _, id := range deletes {
		batch.Delete(id)
	}
	if hwm > 0 {
		batch.SetInternal([]byte(keyHWM), []byte(fmt.Sprint(hwm)))
		batch.SetInternal([]byte(keyUnsettled), open.encode())
	}
	gone, err := ix.held(b, ids, labels)
	if err != nil {
		return fmt.Errorf("index: batch: %w", err)
	}
	// Counted before the documents answer, so that a search which finds
	// them reads its words by counts that hold them; taken back if the
	// batch fails.
	count := func(sign int32) {
		for _, d := range gone {
			ix.vocab.countDoc(-sign, d)
		}
		for _, d := range upserts {
			ix.vocab.countDoc(sign, d)
		}
	}
	count(1)
	if err := b.Batch(batch); err != nil {
		count(-1)
		return fmt.Errorf("index: batch: %w", err)
	}
	return nil
}

// countDoc counts d's words in the vocabulary (count): its distinct
// words, the words of its titles and those of the occupations it wants.
func (v *vocab) countDoc(n int32, d Doc) {
	v.count(n, strings.Fields(d.Words), strings.Fields(d.TitleWords), strings.Fields(d.DesiredWords))
}

// held returns the documents of ids that b holds now, made again from
// their stored CVs with labels (as DocOf made them when they were
// indexed): what the vocabulary counts down before they are replaced or
// deleted. An id b does not hold (a new CV) costs one lookup. A document
// without a readable stored CV (an index of an older version may hold
// none) is left out: its words stay counted, and the batch goes on.
func (ix *Index) held(b bleve.Index, ids []string, labels Labels) ([]Doc, error) {
	var out []Doc
	for _, id := range ids {
		doc, err := b.Document(id)
		if err != nil {
			return nil, err
		}
		if doc == nil {
			continue
		}
		var cv []byte
		doc.VisitFields(func(f index.Field) {
			if f.Name() == fieldCV {
				cv = f.Value()
			}
		})
		var c jobmatch.Candidate
		if json.Unmarshal(cv, &c) != nil {
			continue
		}
		out = append(out, ix.DocOf(&c, labels))
	}
	return out, nil
}

// HighWaterMark returns the last change-log sequence the index has applied.
func (ix *Index) HighWaterMark() int64 {
	v, err := ix.bleve().GetInternal([]byte(keyHWM))
	if err != nil || len(v) == 0 {
		return 0
	}
	var n int64
	fmt.Sscan(string(v), &n)
	return n
}

var _ = context.Background

// AllSource streams every candidate, for a rebuild.
type AllSource interface {
	Source
	EachCandidate(ctx context.Context, fn func(*jobmatch.Candidate) error) error
}

// Rebuild builds a fresh index from the store into a new directory and swaps
// it in atomically; searches keep using the old index until the swap. The
// high-water mark is the change-log position read before the scan, so
// changes made during the rebuild are applied again afterwards (idempotent).
func (ix *Index) Rebuild(ctx context.Context, src AllSource, labels Labels) (int, error) {
	// The new index starts from the live index's mark and unsettled numbers:
	// everything at or below that mark was written before the scan starts,
	// so the scan sees it, and what the live index applies later is replayed
	// below. Only an empty live index (a first start, a new mapping version)
	// starts from the current end of the sequence; its live syncer reads the
	// log from the start meanwhile and passes on what is still open.
	hwm := ix.HighWaterMark()
	open := ix.unsettledNow()
	if hwm == 0 {
		cur, err := src.CurrentSeq(ctx, SeqName)
		if err != nil {
			return 0, err
		}
		hwm = cur
	}
	b, name, err := ix.create()
	if err != nil {
		return 0, err
	}
	n := 0
	batch := b.NewBatch()
	err = src.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		if err := batch.Index(c.ID, ix.DocOf(c, labels)); err != nil {
			return err
		}
		n++
		if batch.Size() >= 1000 {
			if err := b.Batch(batch); err != nil {
				return err
			}
			batch = b.NewBatch()
		}
		return nil
	})
	if err == nil {
		batch.SetInternal([]byte(keyHWM), []byte(fmt.Sprint(hwm)))
		err = b.Batch(batch)
	}
	if err != nil {
		b.Close()
		os.RemoveAll(filepath.Join(ix.dir, name))
		return 0, fmt.Errorf("index: rebuild: %w", err)
	}
	// One segment before it answers: a rebuild's batches leave many,
	// and each search reads every one (the live index answers meanwhile).
	if err := forceMerge(ctx, b); err != nil && ctx.Err() == nil {
		b.Close()
		os.RemoveAll(filepath.Join(ix.dir, name))
		return 0, fmt.Errorf("index: rebuild: %w", err)
	}
	// The new index's vocabulary, counted from its postings as a restart
	// counts it: the live one counted what the live index holds, a
	// stand-in's or an older version's.
	voc := ix.vocab.fresh()
	if err := voc.load(b); err != nil {
		b.Close()
		os.RemoveAll(filepath.Join(ix.dir, name))
		return 0, fmt.Errorf("index: rebuild: %w", err)
	}
	// Bring the new index up to the live one before the swap, so a CV the
	// live index already finds is never missing afterwards: replay the
	// changes the sync applied during the scan, then swap under the lock
	// that the sync's writes take, once nothing more has arrived.
	at := hwm
	for {
		live := ix.HighWaterMark()
		if live > at {
			if err := replay(ctx, b, voc, ix, src, labels, at, live); err != nil {
				b.Close()
				os.RemoveAll(filepath.Join(ix.dir, name))
				return 0, fmt.Errorf("index: rebuild: %w", err)
			}
			at = live
		}
		ix.mu.Lock()
		if ix.closed || ix.HighWaterMark() <= at {
			break // holding ix.mu
		}
		ix.mu.Unlock()
	}
	defer ix.mu.Unlock()
	if ix.closed {
		b.Close()
		os.RemoveAll(filepath.Join(ix.dir, name))
		return 0, ErrClosed
	}
	// What the live index still has open (and had when the scan began) is
	// open in the new one too, so a restart right after the swap re-checks it.
	open.merge(ix.unsettledNow())
	if err := b.SetInternal([]byte(keyUnsettled), open.encode()); err != nil {
		b.Close()
		return 0, fmt.Errorf("index: rebuild: %w", err)
	}
	if err := ix.point(name); err != nil {
		b.Close()
		return 0, err
	}
	old := ix.cur.Swap(&b)
	ix.vocab.replaceWith(voc)
	ix.standIn.Store(false)
	if old != nil {
		oldName := filepath.Base((*old).Name())
		(*old).Close()
		if oldName != name && strings.HasPrefix(oldName, "candidates-") {
			os.RemoveAll(filepath.Join(ix.dir, oldName))
		}
	}
	ix.removeOthers(name)
	return n, nil
}

// removeOthers deletes every index but the current one, keep: one of an
// older mapping version, built beside which the new one was, and one a
// rebuild left half-built when the process was killed (kill -9 during an
// upgrade left a partial copy of the whole index behind for good). Only
// this process builds indexes in its data directory (the lock of the one
// it has open keeps a second out).
func (ix *Index) removeOthers(keep string) {
	entries, err := os.ReadDir(ix.dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if n := e.Name(); e.IsDir() && strings.HasPrefix(n, "candidates-") && n != keep {
			os.RemoveAll(filepath.Join(ix.dir, n))
		}
	}
}

// replay applies the change-log entries in (from, to] to b by re-reading
// each candidate's current state, and records to as b's high-water mark;
// voc counts b's words as batch counts the live index's.
func replay(ctx context.Context, b bleve.Index, voc *vocab, ix *Index, src Source, labels Labels, from, to int64) error {
	latest := map[string]bool{} // id → erased
	for at := from; at < to; {
		changes, err := src.ChangesAfter(ctx, at, 1000)
		if err != nil {
			return err
		}
		if len(changes) == 0 {
			break
		}
		for _, c := range changes {
			if c.Seq > to {
				break
			}
			latest[c.CandidateID] = c.Delete
			at = c.Seq
		}
		if changes[len(changes)-1].Seq > to {
			break
		}
	}
	batch := b.NewBatch()
	var docs []Doc
	for id := range latest {
		c, err := src.Candidate(ctx, id)
		switch {
		case errors.Is(err, jobmatch.ErrNotFound):
			batch.Delete(id)
		case err != nil:
			return err
		default:
			d := ix.DocOf(c, labels)
			if err := batch.Index(id, d); err != nil {
				return err
			}
			docs = append(docs, d)
		}
	}
	batch.SetInternal([]byte(keyHWM), []byte(fmt.Sprint(to)))
	gone, err := ix.held(b, slices.Collect(maps.Keys(latest)), labels)
	if err != nil {
		return err
	}
	if err := b.Batch(batch); err != nil {
		return err
	}
	for _, d := range gone {
		voc.countDoc(-1, d)
	}
	for _, d := range docs {
		voc.countDoc(1, d)
	}
	return nil
}
