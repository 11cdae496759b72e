package taxonomy

import (
	"bufio"
	"cmp"
	"compress/gzip"
	"embed"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"
)

//go:embed data/*.tsv.gz
var dataFS embed.FS

// URI prefixes of ESCO concepts.
const (
	OccupationURIPrefix = "http://data.europa.eu/esco/occupation/"
	SkillURIPrefix      = "http://data.europa.eu/esco/skill/"
	ISCOURIPrefix       = "http://data.europa.eu/esco/isco/C"
)

// Occupation is an ESCO occupation.
type Occupation struct {
	URI      string
	Code     string // ESCO code, e.g. "2512.4"
	ISCO     string // ISCO-08 unit group, e.g. "2512"
	LabelEN  string
	LabelDA  string
	AltEN    []string
	AltDA    []string
	HiddenDA []string
	// STAR holds the Danish STAR/Jobnet titles mapped to this occupation.
	STAR []string
	// DISCO are the other unit groups Denmark's DISCO-08 puts it in: the
	// first four digits of a STAR title's code that maps to it, where they
	// differ from ISCO ("Ejendomsserviceteknikerelev", 5153.1.99, is ESCO's
	// handyman, 9622: a vicevært's group).
	DISCO     []string
	Essential []int32 // skill indices
	Optional  []int32
}

// Label returns the preferred label in lang ("da" falls back to English).
func (o *Occupation) Label(lang string) string {
	if lang == "da" && o.LabelDA != "" {
		return o.LabelDA
	}
	return o.LabelEN
}

// Skill is an ESCO skill (English labels only; ESCO's Danish skill labels
// are not in the shipped data).
type Skill struct {
	URI     string
	Type    string // "skill/competence" or "knowledge"
	Reuse   string // transversal, cross-sector, sector-specific, occupation-specific
	LabelEN string
	AltEN   []string
}

// ISCOGroup is an ISCO-08 group (levels 1–4); DISCO-08 uses the same codes and Danish labels.
type ISCOGroup struct {
	URI     string
	Code    string
	Level   int
	LabelEN string
	LabelDA string
	// DISCO holds Statistics Denmark's level-5 titles under a unit group.
	DISCO []string
}

// Taxonomy is the loaded reference data. It is immutable and safe for concurrent use.
type Taxonomy struct {
	Places      *Places
	Occupations []*Occupation
	Skills      []*Skill
	Groups      []*ISCOGroup

	words danishWords  // see EndsADanishWord
	dict  dictionary   // see InDanishDictionary
	en    englishWords // see IsAnEnglishWord

	occByURI   map[string]*Occupation
	skillByURI map[string]int32
	groupByURI map[string]*ISCOGroup
	byISCO     map[string][]*Occupation

	star []starTitle
	// loose holds uri + "\x00" + a normalised STAR title that names the
	// occupation only closely (skos:closeMatch), not as its own name.
	loose map[string]bool

	// The lexicons are built on first use: the skill one indexes ~100,000
	// labels and most processes never resolve a skill.
	occOnce    sync.Once
	occIndex   *lexicon // occupation concepts: occupations and ISCO groups
	skillOnce  sync.Once
	skillIndex *lexicon

	occMemo, skillMemo memo[memoEntry]
	kin                sync.Map // URI and neighbours → []Kinship (KinN)

	suggestOccDA, suggestOccEN, suggestSkill suggester

	resolveMemo matchMemo

	labels labelIndex

	idsOnce     sync.Once
	occIdx      map[string]int32
	fingerprint string
}

func (t *Taxonomy) occupations() *lexicon {
	t.occOnce.Do(func() { t.occIndex = t.buildOccupationLexicon(t.star) })
	return t.occIndex
}

func (t *Taxonomy) skills() *lexicon {
	t.skillOnce.Do(func() { t.skillIndex = t.buildSkillLexicon() })
	return t.skillIndex
}

var (
	defaultOnce sync.Once
	defaultTax  *Taxonomy
	defaultErr  error
)

// Default returns the shipped taxonomy, loaded once per process.
func Default() (*Taxonomy, error) {
	defaultOnce.Do(func() { defaultTax, defaultErr = Load() })
	return defaultTax, defaultErr
}

// Load parses the shipped data.
func Load() (*Taxonomy, error) {
	t := &Taxonomy{occByURI: map[string]*Occupation{}, skillByURI: map[string]int32{}, groupByURI: map[string]*ISCOGroup{}, byISCO: map[string][]*Occupation{}}
	var err error
	if t.Places, err = LoadPlaces(); err != nil {
		return nil, err
	}
	occByID := map[string]*Occupation{}
	if err := readTSV("occupations.tsv.gz", func(c []string) {
		o := &Occupation{URI: OccupationURIPrefix + c[0], Code: c[1], ISCO: c[2], LabelEN: c[3], AltEN: split(c[4]), LabelDA: c[5], AltDA: split(c[6]), HiddenDA: split(c[7])}
		t.Occupations = append(t.Occupations, o)
		occByID[c[0]] = o
		t.occByURI[o.URI] = o
		t.byISCO[o.ISCO] = append(t.byISCO[o.ISCO], o)
	}); err != nil {
		return nil, err
	}
	if err := readTSV("skills.tsv.gz", func(c []string) {
		s := &Skill{URI: SkillURIPrefix + c[0], Type: c[1], Reuse: c[2], LabelEN: c[3], AltEN: split(c[4])}
		t.skillByURI[s.URI] = int32(len(t.Skills))
		t.Skills = append(t.Skills, s)
	}); err != nil {
		return nil, err
	}
	if err := readTSV("relations.tsv.gz", func(c []string) {
		o := occByID[c[0]]
		if o == nil {
			return
		}
		o.Essential, o.Optional = ints(c[1]), ints(c[2])
	}); err != nil {
		return nil, err
	}
	if err := readTSV("isco.tsv.gz", func(c []string) {
		lvl, _ := strconv.Atoi(c[1])
		g := &ISCOGroup{URI: ISCOURIPrefix + c[0], Code: c[0], Level: lvl, LabelEN: c[2], LabelDA: c[3]}
		t.Groups = append(t.Groups, g)
		t.groupByURI[g.URI] = g
	}); err != nil {
		return nil, err
	}
	if err := readTSV("disco.tsv.gz", func(c []string) {
		if c[1] != "5" {
			return
		}
		if g := t.groupByURI[ISCOURIPrefix+c[2]]; g != nil {
			g.DISCO = append(g.DISCO, c[3])
		}
	}); err != nil {
		return nil, err
	}
	t.addEverydayTitles()
	var star []starTitle
	if err := readTSV("star.tsv.gz", func(c []string) {
		if fixed, ok := starSpelling[c[1]]; ok {
			c[1] = fixed
		}
		target := c[2]
		if code, ok := strings.CutPrefix(target, "isco:"); ok {
			target = ISCOURIPrefix + code
		} else {
			target = OccupationURIPrefix + target
			if o := t.occByURI[target]; o != nil && (c[3] == "exactMatch" || c[3] == "closeMatch") {
				o.STAR = append(o.STAR, c[1])
				if g := discoUnit(c[0]); g != "" && g != o.ISCO && !slices.Contains(o.DISCO, g) {
					o.DISCO = append(o.DISCO, g)
					t.byISCO[g] = append(t.byISCO[g], o)
				}
			}
		}
		star = append(star, starTitle{title: c[1], target: target, relation: c[3], code: c[0]})
	}); err != nil {
		return nil, err
	}
	t.star = star
	t.loose = looseTitles(t, star)
	return t, nil
}

// starSpelling corrects the spelling of STAR titles the mapping misspells
// (its 3155.5 "Flyteknikner": ESCO and the trade write flytekniker). A CV
// titled so was found by no one's "flytekniker".
var starSpelling = map[string]string{"Flyteknikner": "Flytekniker"}

// looseTitles are the STAR titles that name an occupation only closely:
// mapped to it by skos:closeMatch, and neither mapped to it exactly nor
// one of its own labels ("Handicaphjælper" is close to the social- og
// sundhedshjælper, not one).
func looseTitles(t *Taxonomy, star []starTitle) map[string]bool {
	loose := map[string]bool{}
	exact := map[string]bool{}
	for _, s := range star {
		key := s.target + "\x00" + Normalize(s.title)
		switch s.relation {
		case "exactMatch":
			exact[key] = true
		case "closeMatch":
			loose[key] = true
		}
	}
	for key := range loose {
		uri, title, _ := strings.Cut(key, "\x00")
		o := t.occByURI[uri]
		if exact[key] || o == nil {
			delete(loose, key)
			continue
		}
		for _, l := range slices.Concat([]string{o.LabelDA, o.LabelEN}, o.AltDA, o.AltEN) {
			if Normalize(l) == title {
				delete(loose, key)
				break
			}
		}
	}
	return loose
}

// NamesLoosely reports whether title, as a CV gives it for occupation uri,
// is a STAR title that names the occupation only closely (see
// looseTitles): the occupation's labels are then not the CV's words.
func (t *Taxonomy) NamesLoosely(uri, title string) bool {
	return len(t.loose) > 0 && t.loose[uri+"\x00"+Normalize(title)]
}

type starTitle struct{ title, target, relation, code string }

// discoUnit is the unit group (four digits) of a DISCO-08 code such as
// "5153.1.99", or "".
func discoUnit(code string) string {
	if len(code) < 4 || strings.IndexFunc(code[:4], func(r rune) bool { return r < '0' || r > '9' }) >= 0 {
		return ""
	}
	return code[:4]
}

func readTSV(name string, fn func(cols []string)) error {
	f, err := dataFS.Open("data/" + name)
	if err != nil {
		return fmt.Errorf("taxonomy: %s: %w", name, err)
	}
	defer f.Close()
	gz, err := gzip.NewReader(f)
	if err != nil {
		return fmt.Errorf("taxonomy: %s: %w", name, err)
	}
	sc := bufio.NewScanner(gz)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	first := true
	for sc.Scan() {
		if first {
			first = false
			continue
		}
		fn(strings.Split(sc.Text(), "\t"))
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("taxonomy: %s: %w", name, err)
	}
	return nil
}

func split(s string) []string {
	if s == "" {
		return nil
	}
	return strings.Split(s, "|")
}

func ints(s string) []int32 {
	if s == "" {
		return nil
	}
	f := strings.Fields(s)
	out := make([]int32, len(f))
	for i, x := range f {
		n, _ := strconv.Atoi(x)
		out[i] = int32(n)
	}
	return out
}

// Occupation returns an occupation by URI.
func (t *Taxonomy) Occupation(uri string) (*Occupation, bool) {
	o, ok := t.occByURI[uri]
	return o, ok
}

// Group returns an ISCO group by URI.
func (t *Taxonomy) Group(uri string) (*ISCOGroup, bool) {
	g, ok := t.groupByURI[uri]
	return g, ok
}

// Skill returns a skill by URI.
func (t *Taxonomy) Skill(uri string) (*Skill, bool) {
	i, ok := t.skillByURI[uri]
	if !ok {
		return nil, false
	}
	return t.Skills[i], true
}

// SkillAt returns the skill with index i (as in Occupation.Essential).
func (t *Taxonomy) SkillAt(i int32) *Skill { return t.Skills[i] }

// ConceptLabel returns the label of an occupation or ISCO group URI in lang.
func (t *Taxonomy) ConceptLabel(uri, lang string) string {
	if o, ok := t.occByURI[uri]; ok {
		return o.Label(lang)
	}
	if g, ok := t.groupByURI[uri]; ok {
		if lang == "da" {
			return g.LabelDA
		}
		return g.LabelEN
	}
	if i, ok := t.skillByURI[uri]; ok {
		return t.Skills[i].LabelEN
	}
	return ""
}

// RelatedOccupations returns the other occupations of its unit groups:
// its ISCO-08 group and the groups DISCO-08 puts it in (Occupation.DISCO),
// with the occupations DISCO-08 adds to them; each once, in the order of
// the groups.
func (t *Taxonomy) RelatedOccupations(uri string) []*Occupation {
	o, ok := t.occByURI[uri]
	if !ok {
		return nil
	}
	var out []*Occupation
	seen := map[*Occupation]bool{o: true}
	for _, g := range append([]string{o.ISCO}, o.DISCO...) {
		for _, r := range t.byISCO[g] {
			if !seen[r] {
				seen[r] = true
				out = append(out, r)
			}
		}
	}
	return out
}

// Kinship is an occupation of another's kind and the share of essential
// skills the two have in common (the Jaccard index: shared over either's).
type Kinship struct {
	Occupation *Occupation
	Share      float64
}

// How far Kin reaches: the KinNeighbours occupations that share the most
// of an occupation's essential skills, at least KinShare of them (a
// bartender's and a tjener's share is 0.18, a tagdækker's and a tømrer's
// 0.24, a tandlæge's and a tandplejer's 0.30), and of its ISCO minor group
// those that share at least MinorShare (a barista's and a tjener's 0.14,
// an elevatortekniker's and an elektriker's 0.13, an automekaniker's 0.02,
// a køkkenchef's and a scenefunktionær's 0).
const (
	KinNeighbours = 8
	KinShare      = 0.15
	MinorShare    = 0.05
)

// Kin returns the occupations of uri's kind beyond its own: those that
// share the most of its essential skills whatever their ISCO groups (a
// køkkenchef's, 3434, are the kokke, 5120, at 0.48), and those of its
// minor group that share some (all of them when uri or they name no
// essential skills), by the share, best first; ties keep the taxonomy's
// order. Memoised: a match run asks it for each of the vacancy's
// occupations.
func (t *Taxonomy) Kin(uri string) []Kinship { return t.KinN(uri, KinNeighbours) }

// KinN is Kin with up to n neighbours that share at least KinShare. The
// matcher's retrieval reaches wider than the search's offer: a
// sygeplejerske's eight nearest are nurses of a speciality nobody holds,
// and the social- og sundhedsassistenter, whose years the score counts,
// were not retrieved (the exhaustive scan ranked them, the matcher did
// not: a top-25 overlap of 0.31).
func (t *Taxonomy) KinN(uri string, n int) []Kinship {
	type key struct {
		uri string
		n   int
	}
	if v, ok := t.kin.Load(key{uri, n}); ok {
		return v.([]Kinship)
	}
	out := t.kinOf(uri, n)
	t.kin.Store(key{uri, n}, out)
	return out
}

func (t *Taxonomy) kinOf(uri string, neighbours int) []Kinship {
	o, ok := t.occByURI[uri]
	if !ok {
		return nil
	}
	mine := make(map[int32]bool, len(o.Essential))
	for _, s := range o.Essential {
		mine[s] = true
	}
	share := func(p *Occupation) float64 {
		shared := 0
		for _, s := range p.Essential {
			if mine[s] {
				shared++
			}
		}
		if shared == 0 {
			return 0
		}
		return float64(shared) / float64(len(mine)+len(p.Essential)-shared)
	}
	var near []Kinship
	if len(mine) > 0 {
		for _, p := range t.Occupations {
			if j := share(p); p != o && j >= KinShare {
				near = append(near, Kinship{p, j})
			}
		}
	}
	slices.SortStableFunc(near, func(a, b Kinship) int { return cmp.Compare(b.Share, a.Share) })
	out := near[:min(neighbours, len(near))]
	if len(o.ISCO) >= 3 {
		for _, p := range t.InMinorGroup(o.ISCO[:3]) {
			j := share(p)
			if p == o || slices.ContainsFunc(out, func(k Kinship) bool { return k.Occupation == p }) ||
				j < MinorShare && len(mine) > 0 && len(p.Essential) > 0 {
				continue
			}
			out = append(out, Kinship{p, j})
		}
	}
	slices.SortStableFunc(out, func(a, b Kinship) int { return cmp.Compare(b.Share, a.Share) })
	return slices.Clip(out)
}

// InMinorGroup returns the occupations of the unit groups of an ISCO minor
// group (three digits: 513, waiters and bartenders), by unit group, with
// those DISCO-08 puts there.
func (t *Taxonomy) InMinorGroup(code string) []*Occupation {
	if len(code) != 3 {
		return nil
	}
	var groups []string
	for g := range t.byISCO {
		if len(g) == 4 && strings.HasPrefix(g, code) {
			groups = append(groups, g)
		}
	}
	slices.Sort(groups)
	var out []*Occupation
	seen := map[*Occupation]bool{}
	for _, g := range groups {
		for _, o := range t.byISCO[g] {
			if !seen[o] {
				seen[o] = true
				out = append(out, o)
			}
		}
	}
	return out
}

// ISCOOf returns the ISCO unit group code of an occupation or group URI.
func (t *Taxonomy) ISCOOf(uri string) string {
	if o, ok := t.occByURI[uri]; ok {
		return o.ISCO
	}
	if g, ok := t.groupByURI[uri]; ok {
		return g.Code
	}
	return ""
}
