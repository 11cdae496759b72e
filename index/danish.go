package index

import (
	"context"
	"math"
	"slices"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"jobmatch/taxonomy"

	"github.com/blevesearch/bleve/v2"
	"github.com/blevesearch/bleve/v2/search/query"
	"github.com/blevesearch/snowballstem"
	"github.com/blevesearch/snowballstem/danish"
)

// Danish analysis for search as consultants type it (docs/search.md).
//
// Every CV's words are indexed once more, lower-cased and unstemmed, in the
// field "words". The index keeps the vocabulary of that field in memory
// (vocab.go), each word beside its spelling skeleton: æ/ø/å folded to
// ae/oe/aa and then to a/o/a, so "pædagog", "paedagog" and "padagog" all
// read "padagog". A query word is looked up in that vocabulary by
// substring, so "lager" reaches "lagerarbejder" and "fjernlager", "truck"
// reaches "gaffeltruckfører", and the words found become term queries on
// "words". Danish compounds join their parts without a space, so a
// substring of a word is what a part of a compound is; no dictionary of
// parts can know every compound a CV holds.

// Words splits text into lower-cased words: letters and digits; everything
// else separates.
func Words(text string) []string {
	return strings.FieldsFunc(strings.ToLower(text), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	})
}

// Skeleton is a word's spelling skeleton (taxonomy.Skeleton): "paedagog",
// "padagog" and "pædagog" are one word.
func Skeleton(word string) string { return taxonomy.Skeleton(word) }

// Stem is the Danish Snowball stem of a lower-cased word
// ("sygeplejersker" → "sygeplejersk").
func Stem(word string) string {
	env := snowballstem.NewEnv(word)
	danish.Stem(env)
	return env.Current()
}

// speakWords say that a language follows ("taler arabisk", "speaks
// English").
var speakWords = map[string]bool{"taler": true, "tale": true, "talende": true, "speaks": true, "speak": true, "speaking": true}

// SpeakWord reports whether w (lower case) says that a language follows:
// "taler", "speaks".
func SpeakWord(w string) bool { return speakWords[w] }

// stopwords are Danish function words a query does not look for inside
// other words ("og" would reach half the vocabulary).
var stopwords = map[string]bool{}

func init() {
	for _, w := range strings.Fields(`og i at er en et den det de til på af med for som om
		der har kan vil skal ikke eller men fra ved hos jeg du han hun vi man sig
		sin sit sine efter over under mod også så the and of in to a an or for with job who
		vores vor vort vore jeres deres hans hendes dens dets din dit dine mit
		os jer dig ham hende dem nogen noget nogle denne dette disse
		være været var blive bliver blev hvis når hvor hvad hvem hvilke
		gerne meget mere helst kunne skulle ville selv samt
		our my your their we is are be on at by from as that this some someone`) {
		stopwords[w] = true
	}
}

// abbreviations are how the trade shortens job titles. Each expands to
// words a CV holds (looked up like any query word, so "sundhedsassistent"
// also finds "sosu-assistent"'s neighbours); the abbreviation itself is
// searched too.
var abbreviations = map[string][]string{
	"sosu": {"sundhedsassistent", "sundhedshjælper", "sosu"},
	"ssa":  {"sundhedsassistent"},
	"ssh":  {"sundhedshjælper"},
	"pæd":  {"pædagog"},
	"paed": {"pædagog"},
	"pmh":  {"pædagogmedhjælper"},
	"pau":  {"pædagogisk"},
	"spl":  {"sygeplejerske"},
	"hk":   {"kontor", "kontorassistent"},
	"kv":   {"kontor"},
	// The developers and supporters themselves: "udvikler" as a word of
	// its own reached "udvikling" and "udviklingshandicap" (socialpædagoger
	// among the IT people), "supporter" "salgssupport".
	"it":     {"it", "software", "softwareudvikler", "webudvikler", "systemudvikler", "supportmedarbejder"},
	"vvs":    {"vvs"},
	"cnc":    {"cnc"},
	"el":     {"elektriker", "el"},
	"pa":     {"handicaphjælper"}, // a personlig assistent (BPA) is a handicaphjælper on Jobnet
	"ufag":   {"ufaglært"},
	"lbf":    {"lastbil"},
	"sygepl": {"sygeplejerske"},
	// "sosu" with the title's last word (sosuWords) is that title alone.
	"sosuassistent": {"sundhedsassistent", "sosuassistent"},
	"sosuhjælper":   {"sundhedshjælper", "sosuhjælper"},
}

// otherNames are the everyday and English words for what CVs write
// otherwise: "taxa" is Danish for the taxi CVs write ("taxichauffør"),
// a "nurse" a sygeplejerske, a "forklift" a truck. Each is looked for as
// the words it names (as any query word, so "taxi" also finds the
// taxichauffører) and as itself; a word that finds people that way is no
// typo. Not the taxonomy's work: its English labels are ESCO's
// ("nurse responsible for general care"), and these are words, not an
// occupation's name ("forklift" is in the gaffeltruckfører's, lagerarbejder's
// and chauffør's CVs).
var otherNames = map[string][]string{
	"taxa": {"taxi"}, "taxachauffør": {"taxichauffør"}, "taxachauffor": {"taxichauffør"},
	"taxachauffoer": {"taxichauffør"}, "taxachauffører": {"taxichauffør"},
	"nurse": {"sygeplejerske"}, "nurses": {"sygeplejerske"},
	"cleaner": {"rengøringsassistent"}, "cleaners": {"rengøringsassistent"},
	"teacher": {"lærer"}, "teachers": {"lærer"},
	"carer": {"sundhedshjælper"}, "carers": {"sundhedshjælper"},
	"electrician": {"elektriker"}, "electricians": {"elektriker"},
	"carpenter": {"tømrer"}, "carpenters": {"tømrer"},
	"cook": {"kok"}, "cooks": {"kok"},
	"janitor": {"ejendomsservicetekniker", "pedel", "vicevært"}, "caretaker": {"ejendomsservicetekniker", "pedel", "vicevært"},
	"forklift": {"truck"}, "forklifts": {"truck"},
	"truckcertifikat": {"truckkort"}, "truckbevis": {"truckkort"},
}

// sectorWords are the words a consultant names a trade or sector by,
// each with the occupations CVs write for it: "erfaring fra byggeri" is
// the tømrer, the murer and the stilladsmontør, though few CVs write
// "byggeri" (only the boligbyggeri of a few stilladsmontører was found).
// Looked for as otherNames are, and as themselves. Not "transport": the
// CVs write it in their titles (transportarbejder, transportchef), which
// the word's compounds find.
var sectorWords = map[string][]string{
	"byggeri":      {"tømrer", "murer", "stilladsmontør", "bygningsmaler", "maler", "elektriker", "snedker", "vvs", "anlægsarbejder", "bygningsarbejder", "brolægger", "tagdækker"},
	"håndværk":     {"tømrer", "murer", "maler", "elektriker", "snedker", "vvs", "smed", "blikkenslager", "stilladsmontør"},
	"logistik":     {"lager", "chauffør", "truck", "pakkeri"},
	"ældrepleje":   {"sundhedshjælper", "sundhedsassistent", "hjemmehjælper", "plejehjem", "sosuhjælper", "sosuassistent"},
	"industri":     {"produktionsmedarbejder", "operatør", "smed", "industrioperatør", "maskinoperatør", "svejser"},
	"restauration": {"kok", "tjener", "køkkenmedhjælper", "køkken", "opvasker", "bartender"},
}

// sectorForms are the other spellings and inflections of sectorWords' words.
var sectorForms = map[string][]string{
	"byggeri":      {"byggeriet", "byggebranchen", "byggebranche", "byggesektoren", "byggefag", "byggefagene", "byggepladser", "byggeplads", "construction"},
	"håndværk":     {"håndværket", "håndværksfag", "håndværksfagene", "haandvaerk", "handvaerk", "crafts"},
	"logistik":     {"logistikken", "logistics"},
	"ældrepleje":   {"ældreplejen", "aeldrepleje", "aldrepleje", "ældresektoren", "hjemmeplejen", "hjemmepleje", "eldercare"},
	"industri":     {"industrien", "industrier", "industry"},
	"restauration": {"restaurationsbranchen", "restaurant", "restauranter", "restaurantbranchen", "hotelbranchen", "gastronomi", "hospitality"},
}

func init() {
	for w, names := range sectorWords {
		for _, f := range append([]string{w}, sectorForms[w]...) {
			if _, ok := otherNames[f]; !ok {
				otherNames[f] = names
			}
		}
	}
}

// englishPhrases are two English words that say one Danish one, read
// as a phrase before they are read as words: "forklift licence" is the
// truckkort (as words, «licence» found nobody), and a "truck driver" the
// lastbilchauffør, where the Danish "truck" (a forklift) found the
// warehouse workers with a truckcertifikat and no lorry licence first.
var englishPhrases = map[[2]string]string{
	{"forklift", "licence"}: "truckkort", {"forklift", "license"}: "truckkort",
	{"forklift", "certificate"}: "truckkort", {"truck", "licence"}: "truckkort",
	{"truck", "license"}: "truckkort", {"truck", "certificate"}: "truckkort",
	{"truck", "driver"}: "lastbilchauffør", {"truck", "drivers"}: "lastbilchauffør",
	{"lorry", "driver"}: "lastbilchauffør", {"lorry", "drivers"}: "lastbilchauffør",
	{"hgv", "driver"}: "lastbilchauffør", {"hgv", "drivers"}: "lastbilchauffør",
	{"lgv", "driver"}: "lastbilchauffør", {"lgv", "drivers"}: "lastbilchauffør",
	{"bus", "driver"}: "buschauffør", {"bus", "drivers"}: "buschauffør",
	{"taxi", "driver"}: "taxichauffør", {"taxi", "drivers"}: "taxichauffør",
	{"cab", "driver"}: "taxichauffør", {"forklift", "driver"}: "truckfører",
	{"forklift", "operator"}: "truckfører", {"forklift", "drivers"}: "truckfører",
	{"journeyman", "certificate"}: "svendebrev", {"journeyman's", "certificate"}: "svendebrev",
	{"journeymans", "certificate"}: "svendebrev", {"journeyman", "certificates"}: "svendebrev",
}

// fieldForm is a query word read as a value of a CV's field: "arabisk"
// is a language the CV lists (languages: ar), "flygtninge" its target
// group, "fleksjob" a scheme it is eligible for.
type fieldForm struct {
	field, value, via string
	boost             float64
}

// languageWords are the Danish names of the languages CVs list (ISO 639
// codes), by spelling skeleton; a name followed by "talende"
// ("arabisktalende") or another of languageSuffixes is the same.
var languageWords = map[string]string{
	"dansk": "da", "engelsk": "en", "tysk": "de", "svensk": "sv", "norsk": "no", "polsk": "pl",
	"arabisk": "ar", "ukrainsk": "uk", "rumansk": "ro", "tyrkisk": "tr", "persisk": "fa", "farsi": "fa",
	"dari": "fa", "somali": "so", "somalisk": "so", "tigrinya": "ti", "fransk": "fr", "spansk": "es",
	"italiensk": "it", "russisk": "ru", "litauisk": "lt", "lettisk": "lv", "bulgarsk": "bg", "urdu": "ur",
	"kurdisk": "ku", "vietnamesisk": "vi", "kinesisk": "zh", "portugisisk": "pt", "nederlandsk": "nl",
	"hollandsk": "nl", "islandsk": "is", "finsk": "fi", "ungarsk": "hu", "tjekkisk": "cs", "slovakisk": "sk",
	"kroatisk": "hr", "serbisk": "sr", "bosnisk": "bs", "albansk": "sq", "grask": "el", "amharisk": "am",
	"pashto": "ps", "tamil": "ta", "tagalog": "tl", "hindi": "hi", "bengali": "bn",
	// as typed in English
	"danish": "da", "english": "en", "german": "de", "swedish": "sv", "norwegian": "no", "polish": "pl",
	"arabic": "ar", "ukrainian": "uk", "romanian": "ro", "turkish": "tr", "persian": "fa", "somalian": "so",
	"french": "fr", "spanish": "es", "italian": "it", "russian": "ru", "lithuanian": "lt", "bulgarian": "bg",
	"kurdish": "ku", "vietnamese": "vi", "chinese": "zh", "portuguese": "pt", "dutch": "nl",
}

// languageSuffixes make a language's name a word that says the language
// is spoken or known: "arabisktalende", "engelskkundskaber",
// "tyskkyndig", "engelsksproget" (by spelling skeleton).
var languageSuffixes = []string{"talende", "kundskaber", "kundskab", "kendskab", "kyndig", "kyndige", "sproget", "sprogede"}

// languageOf is the ISO 639 code of the language a spelling skeleton
// names, alone or with one of languageSuffixes.
func languageOf(sk string) (string, bool) {
	if code, ok := languageWords[sk]; ok {
		return code, true
	}
	for _, suf := range languageSuffixes {
		if lang, ok := strings.CutSuffix(sk, suf); ok && languageWords[lang] != "" {
			return languageWords[lang], true
		}
	}
	return "", false
}

// LanguageCode is the ISO 639 code of a language named in Danish or
// English ("engelsk", "english", "arabisktalende", "engelskkundskaber"),
// false for another word.
func LanguageCode(word string) (string, bool) {
	return languageOf(Skeleton(word))
}

// isWorkTime reports whether w names a working time ("aften", "nat").
func isWorkTime(w string) bool {
	_, ok := workTimeWords[Skeleton(w)]
	return ok
}

// WorkTime reads a word as the working time it names ("deltid": hours
// part, "aftenvagter": shifts evening), false for another word.
func WorkTime(word string) (FieldValue, bool) {
	fv, ok := workTimeWords[Skeleton(word)]
	return fv, ok
}

// groupWords name a target group ("flygtninge" are refugees and the
// family reunified); schemeWords the schemes a CV can be eligible for.
var (
	groupWords = map[string]string{
		"flygtning": "refugee_family_reunified", "flygtninge": "refugee_family_reunified",
		"familiesammenfort": "refugee_family_reunified", "familiesammenforte": "refugee_family_reunified",
		// The target groups as the page's filter names them.
		"jobparat": "close_to_job", "jobparate": "close_to_job",
		"aktivitetsparat": "further_from_job", "aktivitetsparate": "further_from_job",
		"unge": "young", "ung": "young",
		// In English, as a consultant on the English pages asks.
		"refugee": "refugee_family_reunified", "refugees": "refugee_family_reunified",
		"young": "young", "youth": "young",
	}
	// skilledWords: an ufaglært has no vocational education or more (the
	// CV's education levels), a faglært has. A svendebrev and a
	// svendeprøve are how a trade says it ("elektriker med svendebrev",
	// "uddannet tømrer"): as a word, «svendebrev» stood in no CV and found
	// the elektrikere with only Danskuddannelse as well.
	skilledWords = map[string]string{
		"ufaglart": "no", "ufaglarte": "no", "ufag": "no", "faglart": "yes", "faglarte": "yes",
		"svendebrev": "yes", "svendebreve": "yes", "svendebrevet": "yes",
		"svendeprove": "yes", "svendeproven": "yes", "svendeprover": "yes",
		"uddannet": "yes", "uddannede": "yes", "journeyman": "yes", "journeymen": "yes",
		"skilled": "yes", "unskilled": "no",
	}
	// educationWords name an education level or group a CV holds (the
	// "education" field): an akademiker has a master's or a PhD (see
	// educationGroups), a højtuddannet a videregående uddannelse.
	educationWords = map[string]string{
		"akademiker": "academic", "akademikere": "academic", "akademikeren": "academic", "akademikerne": "academic",
		"kandidatuddannet": "academic", "kandidatuddannede": "academic", "kandidatgrad": "academic",
		"universitetsuddannet": "academic", "universitetsuddannede": "academic", "lvu": "academic",
		"academic": "academic", "academics": "academic",
		"hojtuddannet": "higher", "hojtuddannede": "higher", "graduate": "higher", "graduates": "higher",
		"bachelor": "bachelor", "bachelorer": "bachelor", "bachelorgrad": "bachelor", "bachelors": "bachelor",
		"professionsbachelor": "bachelor", "professionsbachelorer": "bachelor", "mvu": "bachelor",
		"kvu": "short_cycle", "phd": "phd", "phder": "phd",
	}
	// workTimeWords name the working time a CV wants (its hours) or will
	// work (its shifts), by spelling skeleton. Not "dag" alone, which is
	// a part of too many words a query means otherwise ("dagtilbud").
	workTimeWords = map[string]FieldValue{
		"deltid": {"hours", "part"}, "deltids": {"hours", "part"}, "deltidsjob": {"hours", "part"},
		"deltidsstilling": {"hours", "part"}, "deltidsarbejde": {"hours", "part"}, "parttime": {"hours", "part"},
		"halvtid": {"hours", "part"}, "halvtids": {"hours", "part"},
		"fuldtid": {"hours", "full"}, "fuldtids": {"hours", "full"}, "fuldtidsjob": {"hours", "full"},
		"fuldtidsstilling": {"hours", "full"}, "fuldtidsarbejde": {"hours", "full"}, "fulltime": {"hours", "full"},
		"dagvagt": {"shifts", "day"}, "dagvagter": {"shifts", "day"}, "dagarbejde": {"shifts", "day"},
		"aften": {"shifts", "evening"}, "aftener": {"shifts", "evening"}, "aftenen": {"shifts", "evening"},
		"aftenvagt": {"shifts", "evening"}, "aftenvagter": {"shifts", "evening"}, "aftenarbejde": {"shifts", "evening"},
		"evening": {"shifts", "evening"}, "evenings": {"shifts", "evening"},
		"nat": {"shifts", "night"}, "natten": {"shifts", "night"}, "natarbejde": {"shifts", "night"},
		"natvagt": {"shifts", "night"}, "natvagter": {"shifts", "night"}, "nattevagt": {"shifts", "night"},
		"nattevagter": {"shifts", "night"}, "night": {"shifts", "night"}, "nights": {"shifts", "night"},
		"weekend": {"shifts", "weekend"}, "weekender": {"shifts", "weekend"}, "weekenden": {"shifts", "weekend"},
		"weekendvagt": {"shifts", "weekend"}, "weekendvagter": {"shifts", "weekend"},
		"weekendarbejde": {"shifts", "weekend"}, "weekends": {"shifts", "weekend"},
		"daghold": {"shifts", "day"}, "dagholdet": {"shifts", "day"}, "aftenhold": {"shifts", "evening"},
		"aftenholdet": {"shifts", "evening"}, "nathold": {"shifts", "night"}, "natholdet": {"shifts", "night"},
		"nattearbejde": {"shifts", "night"}, "nightshift": {"shifts", "night"}, "nightshifts": {"shifts", "night"},
		"dayshift": {"shifts", "day"}, "dayshifts": {"shifts", "day"}, "eveningshift": {"shifts", "evening"},
		"eveningshifts": {"shifts", "evening"}, "weekendshift": {"shifts", "weekend"}, "weekendshifts": {"shifts", "weekend"},
	}
	schemeWords = map[string]string{
		"lontilskud": "loentilskud", "virksomhedspraktik": "virksomhedspraktik", "igu": "igu",
		"integrationsgrunduddannelse": "igu", "fleksjob": "fleksjob", "flexjob": "fleksjob",
		"fleksjobber": "fleksjob", "fleksjobbere": "fleksjob", "flexjobber": "fleksjob", "flexjobbere": "fleksjob",
		"fleksjobs": "fleksjob", "lontilskudsjob": "loentilskud", "lontilskudsstilling": "loentilskud",
		"lontilskudsjobs": "loentilskud",
		"voksenlarling":   "voksenlaerling", "voksenlarlinge": "voksenlaerling",
	}
)

// fieldFormsOf reads a query word as a value of a CV's fields, beside the
// words: a CV that lists Arabic among its languages is found by "arabisk"
// as one whose summary says "arabisk" is (the demo's summaries name only
// some of a CV's languages: 31 of the 57 CVs that list Arabic), at the
// score of a whole word outside the titles. A word, not a filter: "italiensk
// kok" still finds every cook, the ones who speak Italian or write it first.
func fieldFormsOf(token string) []fieldForm {
	sk := Skeleton(token)
	score := boostWord * elsewhere
	if code, ok := languageOf(sk); ok {
		return []fieldForm{{field: "languages", value: code, via: "language", boost: score}}
	}
	if g, ok := groupWords[sk]; ok {
		return []fieldForm{{field: "target_group", value: g, via: "target_group", boost: score}}
	}
	if v, ok := skilledWords[sk]; ok {
		return []fieldForm{{field: "skilled", value: v, via: "education", boost: score}}
	}
	if v, ok := educationWords[sk]; ok {
		return []fieldForm{{field: "education", value: v, via: "education", boost: score}}
	}
	if sch, ok := schemeWords[sk]; ok {
		return []fieldForm{{field: "eligibility", value: sch, via: "eligibility", boost: score}}
	}
	if fv, ok := workTimeWords[sk]; ok {
		return []fieldForm{{field: fv.Field, value: fv.Value, via: fv.Field, boost: score}}
	}
	return nil
}

// Expansion is how one query word was read: the forms looked up and how.
type Expansion struct {
	Word string `json:"word"`
	// Forms are the indexed words the query word reached, best first.
	Forms []string `json:"forms"`
	// Via names the ways used: "word", "spelling", "inflection",
	// "compound", "abbreviation", "typo", "part" (the first part of a
	// compound no CV holds), "language", "target_group", "eligibility",
	// "education" (ufaglært, faglært, akademiker, bachelor), "hours" (deltid, fuldtid),
	// "shifts" (aften, nat, weekend).
	Via []string `json:"via"`
	// Fields are the CV fields' values the word was also read as
	// ("languages" "ar" for "arabisk").
	Fields []FieldValue `json:"fields,omitempty"`
	// Required: every CV found holds the word (Query.AllWords), in one
	// of these forms or fields, or by a concept or synonym it names.
	Required bool `json:"required,omitempty"`
}

// FieldValue is a value of a CV's field a query word was read as.
type FieldValue struct {
	Field string `json:"field"`
	Value string `json:"value"`
}

// fieldWords is the field of every CV word, lower-cased and unstemmed;
// fieldTitleWords holds the words of the CV's titles (desired occupations,
// experience titles and their concepts' labels) again, and
// fieldDesiredWords those of the desired occupations alone.
const (
	fieldWords        = "words"
	fieldTitleWords   = "title_words"
	fieldDesiredWords = "desired_words"
	fieldCV           = "cv"
)

// elsewhere weighs a word found only outside the titles (summary, skills,
// education, employers) against the same word in a title. Below a half, a
// title holding the word in a compound comes before a summary holding it
// whole: for "kontor" the kontorassistent before the cleaner who did
// "kontor- og erhvervsrengøring", for "lager" the lagerarbejder before the
// haulier who drove goods "fra lager" (a Danish compound names the job;
// a word of the summary may only mention it). Within the titles, and
// within the rest, the ways stay in order (whole word, inflection,
// compound, typo). Among typos it puts the title a consultant meant
// ("tømrer" for "tømer") above a chance word in a summary ("timer").
const elsewhere = 0.45

// desiredLift weighs a word found in an occupation the CV wants against
// the same word in a title it has held. What someone looks for says who a
// consultant can call: for "lærer" the folkeskolelærer who wants to teach
// comes before the refugee who taught at home and now wants a job in a
// shop. Twice the weight puts a compound the word ends in, wanted
// (boostHead), above the whole word in a past title, with its tie-break.
const desiredLift = 2

// wordsOf returns the distinct words of texts, for the "words" field.
func wordsOf(texts ...string) []string { return moreWords(nil, texts...) }

// moreWords returns words (distinct) followed by the words of texts it does
// not hold yet; words itself is left as it is.
func moreWords(words []string, texts ...string) []string {
	seen := make(map[string]bool, len(words))
	for _, w := range words {
		seen[w] = true
	}
	out := slices.Clip(words)
	for _, t := range texts {
		for _, w := range Words(t) {
			if !seen[w] {
				seen[w] = true
				out = append(out, w)
			}
		}
	}
	return out
}

// twoWordTimes are the first words of a working time written as two
// ("fuld tid", "del tid", "halv tid"), by the one word that says it.
var twoWordTimes = map[string]string{"fuld": "fuldtid", "del": "deltid", "halv": "deltid"}

// sosuTitles are the last words of the social- og sundheds- titles, by
// spelling skeleton ("hjælper", "hjaelper" and "hjalper" alike, and
// inflected), each by the title it makes.
var sosuTitles = map[string]string{
	"assistent": "assistent", "assistenter": "assistent", "assistenten": "assistent", "assistenterne": "assistent",
	"hjalper": "hjælper", "hjalpere": "hjælper", "hjalperen": "hjælper", "hjalperne": "hjælper",
}

// sosuTitle is the title a word after "sosu" or "sundheds" makes
// ("assistent", "hjælper"), false for another word.
func sosuTitle(w string) (string, bool) {
	t, ok := sosuTitles[Skeleton(w)]
	return t, ok
}

// sosuWords reads the social- og sundheds- titles typed another way as
// the one title each is: "SOSU-assistent", "sosu assistent" and
// "sosuassistent" are the assistant (the abbreviations' "sosuassistent"),
// not "sosu" for either title beside "assistent" for every assistant
// (it found the hjælpere by "sosu", once "assistent" had reached the
// sundhedsassistent); "social og sundheds assistent" and
// "socialogsundhedsassistent" are "social- og sundhedsassistent", and
// that is the sundhedsassistent: its "social" is the title's too (as
// a word it found every hjælper and socialrådgiver). The words are
// lower-cased and distinct; the ending typed is kept ("sundheds
// assistenter": sundhedsassistenter).
func sosuWords(all []string) []string {
	// title reports whether w is a social- og sundheds- title, joined.
	title := func(w string) bool {
		for _, p := range []string{"sosu", "sundheds"} {
			if rest, ok := strings.CutPrefix(w, p); ok {
				if _, ok := sosuTitle(rest); ok {
					return true
				}
			}
		}
		return false
	}
	joined, _ := sosuJoined(all)
	var out []string
	for i, w := range joined {
		if w == "social" && (i+1 < len(joined) && title(joined[i+1]) || i+2 < len(joined) && joined[i+1] == "og" && title(joined[i+2])) {
			continue
		}
		if !slices.Contains(out, w) {
			out = append(out, w)
		}
	}
	return out
}

// sosuJoined joins the words of the social- og sundheds- titles typed
// apart or abbreviated (sosuWords); ends[j] is the index in all of the
// last word joined[j] was made of.
func sosuJoined(all []string) (joined []string, ends []int) {
	for i := 0; i < len(all); i++ {
		w := all[i]
		if rest, ok := strings.CutPrefix(w, "socialogsundheds"); ok && rest != "" {
			w = "sundheds" + rest
		}
		next := ""
		if i+1 < len(all) {
			next = all[i+1]
		}
		if rest, ok := strings.CutPrefix(w, "sosu"); ok {
			if rest == "" {
				rest = next
			} else {
				next = ""
			}
			if t, ok := sosuTitle(rest); ok {
				if next != "" {
					i++
				}
				w = "sosu" + t
			}
		} else if w == "sundheds" {
			if _, ok := sosuTitle(next); ok {
				w, i = w+next, i+1
			}
		}
		joined, ends = append(joined, w), append(ends, i)
	}
	return joined, ends
}

// queryTokens are the words of a query to look for: stop words only when
// nothing else is left.
func queryTokens(text string) []string {
	all := sosuWords(Words(text))
	var out []string
	for i := 0; i+1 < len(all); i++ {
		// "part-time", "full time": one word, as "deltid" is; "night
		// shift" as "nattevagt".
		if (all[i] == "part" || all[i] == "full") && all[i+1] == "time" ||
			slices.Contains([]string{"night", "day", "evening", "weekend"}, all[i]) && (all[i+1] == "shift" || all[i+1] == "shifts") {
			all = slices.Concat(all[:i:i], []string{all[i] + all[i+1]}, all[i+2:])
		}
		// "på fuld tid", "på del tid", "halv tid": Danish writes the
		// working time as two words as often as one; as words, "fuld"
		// found the kontorfuldmægtige and "tid" the hviletid.
		if t, ok := twoWordTimes[all[i]]; ok && i+1 < len(all) && all[i+1] == "tid" {
			all = slices.Concat(all[:i:i], []string{t}, all[i+2:])
		}
		if i+1 < len(all) {
			if t, ok := englishPhrases[[2]string{all[i], all[i+1]}]; ok {
				all = slices.Concat(all[:i:i], []string{t}, all[i+2:])
			}
		}
	}
	for i, w := range all {
		// "kok der taler engelsk": the verb says the next word is a
		// language, which the CV's languages answer; as a word it asked
		// for CVs that write "taler".
		if speakWords[w] && i+1 < len(all) && len(fieldFormsOf(all[i+1])) > 0 && fieldFormsOf(all[i+1])[0].via == "language" {
			continue
		}
		if !stopwords[w] {
			out = append(out, w)
		}
	}
	if len(out) == 0 {
		return all
	}
	return out
}

// QueryWords are the words of a query text as the everyday search reads them
// (lower case, without the Danish function words).
func QueryWords(text string) []string { return queryTokens(text) }

// Expand tells how the words of text (and the taxonomy's synonyms) are
// read against the index: the forms each reaches and the ways it got there.
func (ix *Index) Expand(text string, synonyms []string) []Expansion {
	_, exps, _ := ix.wordQueries(text, synonyms, nil, nil)
	return exps
}

// wordCover says which clauses find each query word, so that a search can
// ask for every word (Query.AllWords).
type wordCover struct {
	tokens []string
	// byToken are the clauses that find the i-th word: its own, and the
	// compounds it forms with a neighbour ("lager arbejder").
	byToken [][]query.Query
	// exp is the index in the expansions of the i-th word's own, -1
	// when it reached nothing.
	exp []int
	// top is the most CVs one form of the word itself holds (the word,
	// a spelling, an inflection): how common the word is.
	top []int32
	// reach is the CVs its forms reach (reach), counted per form.
	reach []int32
	// field: the word is also a field's value (a language, a group).
	field []bool
	// synonyms is the clause of the taxonomy's synonyms (nil: none).
	synonyms query.Query
	// group numbers the alternatives the words belong to: "kok eller
	// tjener" is two.
	group []int
	// slot numbers the words asked for: words joined by a slash share
	// one, either will do ("svejser mig/mag", "kok/tjener").
	slot []int
}

// alternatives numbers the words of text by alternative (separated by
// "eller", "or" or "|") and slot (joined by a slash), in the order of
// c.tokens (distinct, without stop words). Brackets group: the words of a
// bracket that holds an "eller" ("(kok eller tjener) aarhus", "(lager |
// chauffør)") share one slot, either will do, beside the words outside,
// as "kok/tjener" does; a bracket within it is part of it, and one
// without its pair is a space (BracketChunks).
func (c *wordCover) alternatives(text string) {
	g, slot, k := 0, 0, 0
	// The words of each chunk as the tokens hold them: a title typed
	// apart ("sosu assistent", sosuWords) is one, in the chunk of its
	// last word.
	chunks, either := BracketChunks(text)
	var flat []string
	var chunkOf []int
	for i, chunk := range chunks {
		for _, w := range Words(chunk) {
			flat, chunkOf = append(flat, w), append(chunkOf, i)
		}
	}
	words := make([][]string, len(chunks))
	joined, ends := sosuJoined(flat)
	for j, w := range joined {
		words[chunkOf[ends[j]]] = append(words[chunkOf[ends[j]]], w)
	}
	inEither := false // within a bracket of alternatives: one slot
	for i, chunk := range chunks {
		switch {
		case chunk == "(" && either[i]:
			inEither = true
			continue
		case chunk == ")" && either[i]:
			inEither = false
			slot++
			continue
		case chunk == "|" && !inEither && k > 0:
			g = c.group[k-1] + 1
			continue
		}
		slashed := inEither || strings.Contains(chunk, "/")
		if strings.HasPrefix(chunk, "/") && k > 0 {
			slot = c.slot[k-1] // "kok / tjener", "kok /tjener"
		}
		for _, w := range words[i] { // a second "eller" counts
			if k >= len(c.tokens) {
				break
			}
			switch {
			case w == c.tokens[k]:
				c.group[k], c.slot[k] = g, slot
				k++
				if !slashed {
					slot++
				}
			case (w == "eller" || w == "or") && k > 0 && !inEither:
				g = c.group[k-1] + 1
			}
		}
		if slashed && !inEither && !strings.HasSuffix(chunk, "/") {
			slot++
		}
	}
	for ; k < len(c.tokens); k++ { // not met again: each on its own
		c.group[k], c.slot[k] = g, slot
		slot++
	}
}

// BracketChunks splits text at spaces and around brackets and "|", and
// marks the brackets that open and close a bracket of alternatives: the
// outermost pair whose words hold "eller", "or" or "|" ("(kok eller
// tjener)"; "((kok | tjener) eller bartender)" is one). A bracket
// without its pair ("kok (tjener"), or one that holds no alternative
// ("(erfaren) kok"), is no chunk, a space.
func BracketChunks(text string) (chunks []string, either []bool) {
	for _, f := range strings.Fields(text) {
		start := 0
		for i, r := range f {
			if r == '(' || r == ')' || r == '|' {
				if i > start {
					chunks = append(chunks, f[start:i])
				}
				chunks = append(chunks, string(r))
				start = i + 1
			}
		}
		if start < len(f) {
			chunks = append(chunks, f[start:])
		}
	}
	either = make([]bool, len(chunks))
	pair := make([]int, len(chunks))
	var open []int
	for i, ch := range chunks {
		pair[i] = -1
		switch ch {
		case "(":
			open = append(open, i)
		case ")":
			if len(open) > 0 {
				o := open[len(open)-1]
				open = open[:len(open)-1]
				pair[o], pair[i] = i, o
			}
		}
	}
	isOr := func(ch string) bool {
		l := strings.ToLower(ch)
		return l == "eller" || l == "or" || l == "|"
	}
	keep := make([]bool, len(chunks))
	for i := 0; i < len(chunks); i++ {
		keep[i] = chunks[i] != "(" && chunks[i] != ")"
		if chunks[i] != "(" || pair[i] < 0 {
			continue
		}
		// The outermost pair: a bracket of alternatives when an "eller"
		// is within it at any depth; its inner brackets are spaces.
		end := pair[i]
		if slices.ContainsFunc(chunks[i+1:end], isOr) {
			keep[i], keep[end] = true, true
			either[i], either[end] = true, true
		}
		for j := i + 1; j < end; j++ {
			keep[j] = chunks[j] != "(" && chunks[j] != ")"
		}
		i = end
	}
	var out []string
	var outEither []bool
	for i, ch := range chunks {
		if keep[i] {
			out, outEither = append(out, ch), append(outEither, either[i])
		}
	}
	return out, outEither
}

// wordQueries are the should clauses for the words of text (named: those
// the taxonomy read as concepts, Query.NamedWords): per query word
// one clause scored by the best way it reached a CV's words (whole word,
// spelling, inflection, compound, abbreviation spelled out, typo), and one
// for the taxonomy's synonyms as whole words.
func (ix *Index) wordQueries(text string, synonyms, named []string, ownNames map[string][]string) ([]query.Query, []Expansion, *wordCover) {
	var qs []query.Query
	var exps []Expansion
	tokens := queryTokens(text)
	n := len(tokens)
	cover := &wordCover{tokens: tokens, byToken: make([][]query.Query, n), exp: make([]int, n), top: make([]int32, n),
		reach: make([]int32, n), field: make([]bool, n), group: make([]int, n), slot: make([]int, n)}
	cover.alternatives(text)
	syn := ix.synonymForms(synonyms)
	parts := 0 // words split into parts (firstPart scans the vocabulary)
	formsOf := make([][]form, len(tokens))
	fieldsOf := make([][]fieldForm, len(tokens))
	// A query with æ, ø or å, or a word of the Danish dictionary, is
	// Danish.
	danish := slices.ContainsFunc(tokens, func(t string) bool {
		return strings.ContainsAny(t, "æøå") || ix.vocab.inDict(t) && !ix.isAnEnglishWord(t)
	})
	for i, t := range tokens {
		// An abbreviation spelled out: when its words find people, the
		// letters are no typo ("sosu" is not "solutions" or "Mosul",
		// though few CVs write "sosu" itself).
		var spelled []form
		found := 0
		if full, ok := abbreviations[t]; ok {
			for _, w := range full {
				for _, f := range ix.vocab.expand(w, false) {
					f.boost *= 0.9
					f.via = "abbreviation"
					spelled = append(spelled, f)
					if f.boost >= boostPrefix*0.9 {
						found += int(f.docs)
					}
				}
			}
		}
		for _, w := range otherNames[t] {
			for _, f := range ix.vocab.expand(w, false) {
				f.boost *= 0.9
				f.via = "synonym"
				spelled = append(spelled, f)
				if f.boost >= boostPrefix*0.9 {
					found += int(f.docs)
				}
			}
		}
		// A whole word of a Danish occupation name is that word, though
		// no CV holds it: "revisor" is not a typo of "supervisor", nor
		// "pedel" of "pedersen".
		// A language, a target group or a scheme is no typo either, nor
		// a compound to split: the CVs' fields answer it.
		fieldsOf[i] = fieldFormsOf(t)
		fields := len(fieldsOf[i]) > 0
		// Nor is a word the taxonomy read as an occupation's name: "cook"
		// (the kok's English name) is not "book" of "bookkeeper".
		// Nor is an everyday or English name (otherNames), though few CVs
		// hold what it names: "carer" is the sundhedshjælper, not "lærer".
		_, otherName := otherNames[t]
		typos := found < typoBelow && !otherName && !ix.isADanishWord(t) && !ix.isARealWord(t) && !fields && !slices.Contains(named, t) && !ix.isCompoundOfAName(t)
		forms := append(ix.vocab.expand(t, typos), spelled...)
		if danish {
			// A Danish query's typo is no English word: "født" is not
			// "foot" (with "godt", 291 of the demo's CVs for "født 1990").
			forms = slices.DeleteFunc(forms, func(f form) bool { return f.via == "typo" && ix.isAnEnglishWord(f.word) })
		}
		if !fields {
			// A compound that says a working time is about the time, not
			// the word inside it: "vagt" (a guard) is not the
			// "weekendvagter" and "aftenvagter" a CV will take (the
			// demo's "vagt" found 466 of 2,000), "arbejde" not
			// "natarbejde". The CV's shifts answer those words.
			forms = slices.DeleteFunc(forms, func(f form) bool {
				_, timeWord := workTimeWords[Skeleton(f.word)]
				return timeWord && f.word != t && f.via != "word" && f.via != "spelling"
			})
		}
		if slices.Contains(named, t) {
			// A word the taxonomy read as a concept's name is that name:
			// words that hold its letters only once æ, ø and å are folded
			// are other words ("kokke", the plural of kok, found 158 of the
			// demo's CVs by "køkkenmedhjælper" and "køkken"; "kok" 47).
			forms = slices.DeleteFunc(forms, func(f form) bool {
				return (f.via == "compound" || f.via == "spelling") && onlyFolded(f.word, named)
			})
		}
		if found < typoBelow && reach(forms) < typoBelow && parts < maxParts && !fields {
			parts++
			// A compound no CV holds, whose first part some do:
			// "truckfører" is looked for as truck…, "rengøringsdame" as
			// rengøring…, below every way the whole word would have
			// counted. For a word the taxonomy read as an occupation,
			// whose CVs the concept finds, a first part that begins a
			// word in more than a fifth of the CVs (commonShare) is no
			// better guess: "hjem" of "hjemmehjælper" found 772 of the
			// demo's 2,000 CVs (hjemme, hjemmefra, hjemmesider).
			// Nor is a first part that says a working time: an
			// "aftenskolelærer" is no CV that will work evenings (583 of
			// the demo's 2,000).
			// Nor is an English word a Danish compound: "marke|ting"
			// found the shop workers' "supermarked".
			if !ix.isAnEnglishWord(t) {
				if l, part := ix.vocab.firstPart(t, ix.endsADanishWord); len(part) > 0 && !isWorkTime(l) && !(slices.Contains(named, t) && ix.beginsCommonWords(part)) {
					forms = append(forms, part...)
				}
			}
		}
		formsOf[i] = forms
	}
	for i, t := range tokens {
		forms := formsOf[i]
		// A word another query word reaches itself is that word's, not
		// also an abbreviation's spelling out: for "it-support" the
		// sales support assistants' "support" counted once as "support"
		// and once more as IT's "supporter", and came before the
		// IT-supportmedarbejdere.
		if len(tokens) > 1 && slices.ContainsFunc(forms, func(f form) bool { return f.via == "abbreviation" }) {
			forms = slices.DeleteFunc(slices.Clone(forms), func(f form) bool {
				return f.via == "abbreviation" && reachedByAnother(formsOf, i, f.word)
			})
		}
		cover.exp[i] = -1
		if q, e, ok := wordClause(t, forms, ix.vocab, fieldsOf[i]...); ok {
			if kin, own := ownNames[t]; own {
				q = ix.partOfKind(t, forms, kin, fieldsOf[i])
			}
			cover.byToken[i] = append(cover.byToken[i], q)
			cover.exp[i] = len(exps)
			cover.field[i] = len(fieldsOf[i]) > 0
			cover.reach[i] = int32(min(reach(forms), math.MaxInt32))
			for _, f := range forms {
				if f.boost >= boostInflection && f.via != "abbreviation" {
					cover.top[i] = max(cover.top[i], f.docs)
				}
			}
			exps = append(exps, e)
		} else {
			exps = append(exps, e)
		}
	}
	exps = ix.joinedQueries(tokens, exps, cover)
	// A word counts once, by the best way a CV holds it: alone or in a
	// compound with a neighbour ("butiks assistent": a CV that holds
	// "butiksassistent" and, elsewhere, "pædagogisk assistent" is no
	// better a butiksassistent than one that holds the compound alone).
	for _, cs := range cover.byToken {
		switch len(cs) {
		case 0:
		case 1:
			qs = append(qs, cs[0])
		default:
			qs = append(qs, &sumQuery{clauses: cs, max: true})
		}
	}
	var names []string // the synonyms as the answer lists them, each once
	for _, n := range synonyms {
		if !slices.ContainsFunc(names, func(x string) bool { return strings.EqualFold(x, n) }) {
			names = append(names, n)
		}
	}
	if q, e, ok := wordClause(strings.Join(names, ", "), syn, ix.vocab); ok {
		// Another name of the job is another way to hold it, not more
		// of it: a CV scores its words or its synonyms, the better. Added
		// to the words, a concept rich in one-word names outranked
		// another ("kok eller tjener": every tjener, whose concept has
		// six, before every kok, whose has none).
		switch len(qs) {
		case 0:
			qs = []query.Query{q}
		case 1:
			qs = []query.Query{&sumQuery{clauses: []query.Query{qs[0], q}, max: true}}
		default:
			qs = []query.Query{&sumQuery{clauses: []query.Query{&sumQuery{clauses: qs}, q}, max: true}}
		}
		cover.synonyms = q
		// Synonyms that are only the typed words again
		// ("produktionsmedarbejder (produktionsmedarbejder)" twice on
		// the page) are searched but not listed.
		if slices.ContainsFunc(names, func(n string) bool { return !slices.Contains(tokens, strings.ToLower(n)) }) {
			exps = append(exps, e)
		}
	}
	return qs, exps, cover
}

// beginsCommonWords reports whether more than a fifth of the CVs
// (commonShare) hold a word that a first part's forms begin, counted in
// the index (the vocabulary's counts are per word, and a CV holds many).
func (ix *Index) beginsCommonWords(part []form) bool {
	n, err := ix.Count()
	if err != nil || n == 0 {
		return false
	}
	var words []string
	for _, f := range part {
		if f.boost >= boostPrefix*boostPart {
			words = append(words, f.word)
		}
	}
	if len(words) == 0 {
		return false
	}
	req := bleve.NewSearchRequestOptions(anyTerm(fieldWords, words), 0, 0, false)
	req.Score = "none"
	res, err := ix.bleve().Search(req)
	return err == nil && float64(res.Total) > commonShare*float64(n)
}

// synonymForms are the forms of the taxonomy's synonyms as whole words
// (or inflected), each word once, at 0.3 of their score.
func (ix *Index) synonymForms(synonyms []string) []form {
	seen := map[string]bool{}
	var syn []form
	for _, s := range synonyms {
		for _, w := range queryTokens(s) {
			if seen[w] {
				continue
			}
			seen[w] = true
			// A name of the job that also says a working time is the
			// time in a CV: "nattevagt", ESCO's other name of the
			// natportier, found the demo's handicaphjælpere who will take
			// "nattevagter" (61 CVs, no receptionist among them).
			if isWorkTime(w) {
				continue
			}
			for _, f := range ix.vocab.expand(w, false) {
				if f.boost >= boostInflection {
					f.boost *= 0.3
					f.via = "synonym"
					syn = append(syn, f)
				}
			}
		}
	}
	return syn
}

// partOfKind is the clause of a word that is a concept's own name: its
// forms as wordClause scores them, but a CV its first part finds must also
// hold one of kin, the occupations of the concept's kind and group (none:
// the part finds nobody). "cykelbud" found the 196 demo CVs that write
// "cykel" (postbude, tømrere, handicaphjælpere), "skoleleder" 1,224.
func (ix *Index) partOfKind(t string, forms []form, kin []string, fields []fieldForm) query.Query {
	var own, part []form
	for _, f := range forms {
		if f.via == "part" {
			part = append(part, f)
		} else {
			own = append(own, f)
		}
	}
	var clauses []query.Query
	if q, _, ok := wordClause(t, own, ix.vocab, fields...); ok {
		clauses = append(clauses, q)
	}
	if q, _, ok := wordClause(t, part, ix.vocab); ok && len(kin) > 0 {
		clauses = append(clauses, bleve.NewConjunctionQuery(q, &constScore{inner: anyTerm("occupations", ix.shortAll(kin)), score: 0}))
	}
	switch len(clauses) {
	case 0:
		return &constScore{inner: bleve.NewMatchNoneQuery(), score: 0}
	case 1:
		return clauses[0]
	}
	return &sumQuery{clauses: clauses, max: true}
}

// onlyFolded reports whether w holds one of the names (of three letters or
// more) only once æ, ø and å are folded: "køkkenmedhjælper" holds "kokke"
// so, "pædagog" holds "paedagog" as written in ASCII, "svejsning" no name
// "svejser" at all.
func onlyFolded(w string, names []string) bool {
	folded := false
	for _, n := range names {
		if utf8.RuneCountInString(n) < 3 {
			continue
		}
		if strings.Contains(w, n) || strings.Contains(asciiSpelling(w), n) {
			return false
		}
		folded = folded || strings.Contains(Skeleton(w), Skeleton(n))
	}
	return folded
}

// reachedByAnother reports whether a query word other than the i-th
// reaches w itself (not through an abbreviation).
func reachedByAnother(formsOf [][]form, i int, w string) bool {
	for j, forms := range formsOf {
		if j != i && slices.ContainsFunc(forms, func(f form) bool { return f.word == w && f.via != "abbreviation" }) {
			return true
		}
	}
	return false
}

// endsADanishWord reports whether the taxonomy's Danish occupation names
// hold a word that is w or ends in it (false without a taxonomy).
func (ix *Index) endsADanishWord(w string) bool {
	if t, ok := ix.concepts.(interface{ EndsADanishWord(string) bool }); ok {
		return t.EndsADanishWord(w)
	}
	return false
}

// isCompoundOfAName reports whether w is a word of the Danish dictionary
// or one some CV holds (three letters or more, a linking s allowed for the
// dictionary's) and then a word of the
// Danish occupation names (four letters or more): "bud|chauffør" is a
// courier's title, not a typo of "buschauffør" (found < typoBelow: few
// CVs hold it, and many hold the title one letter away).
func (ix *Index) isCompoundOfAName(w string) bool {
	rs := []rune(w)
	for i := 3; len(rs)-i >= 4; i++ {
		head, tail := string(rs[:i]), string(rs[i:])
		if !ix.isADanishWord(tail) {
			continue
		}
		if ix.vocab.inDict(head) || ix.vocab.inDict(strings.TrimSuffix(head, "s")) && strings.HasSuffix(head, "s") && len(head) > 4 || ix.vocab.holds(head) {
			return true
		}
	}
	return false
}

// isAnEnglishWord reports whether w is a word of the taxonomy's English
// names and no Danish word (false without a taxonomy).
func (ix *Index) isAnEnglishWord(w string) bool {
	if t, ok := ix.concepts.(interface{ IsAnEnglishWord(string) bool }); ok {
		return t.IsAnEnglishWord(w)
	}
	return false
}

// isADanishWord reports whether the taxonomy's Danish occupation names
// hold w as a whole word (false without a taxonomy).
func (ix *Index) isADanishWord(w string) bool {
	if t, ok := ix.concepts.(interface{ IsADanishWord(string) bool }); ok {
		return t.IsADanishWord(w)
	}
	return false
}

// isARealWord reports whether w is a Danish word though no CV holds it:
// one the Danish dictionary knows (also typed without æ, ø or å), or the
// last part of a word of the Danish occupation names, six letters or more
// ("lærling" of "elektrikerlærling"). Such a word is never a typo: "lærling"
// found the three pædagogiske assistenter whose CVs say "læring".
func (ix *Index) isARealWord(w string) bool {
	return ix.vocab.inDict(w) || ix.vocab.inDict(danishLetters(w)) || utf8.RuneCountInString(w) >= 6 && ix.endsADanishWord(w)
}

// maxJoined bounds the pairs of neighbouring query words looked up as one
// word: a consultant's query is a few words, a pasted text is not.
const maxJoined = 8

// joinedQueries adds a clause for each two neighbouring query words that
// some CV holds as one word, joined directly or with the linking s of
// Danish compounds ("lager arbejder" → lagerarbejder, "butik assistent" →
// butiksassistent), to both words' clauses (cover.byToken): a CV with the
// compound then ranks above one that holds both words apart, or each in
// another compound (lagermedarbejder and arbejder). The compound counts as
// each of the two words, at 1.5 times the score of how it was reached.
func (ix *Index) joinedQueries(tokens []string, exps []Expansion, cover *wordCover) []Expansion {
	for i := 0; i+1 < len(tokens) && i < maxJoined; i++ {
		a, b := tokens[i], tokens[i+1]
		if utf8.RuneCountInString(a) < 2 || utf8.RuneCountInString(b) < 3 {
			continue
		}
		var forms []form
		for _, j := range []string{a + b, a + "s" + b} {
			for _, f := range ix.vocab.expand(j, false) {
				if f.boost >= boostInflection {
					f.boost *= 1.5
					forms = append(forms, f)
				}
			}
		}
		if q, e, ok := wordClause(a+" "+b, forms, ix.vocab); ok {
			exps = append(exps, e)
			cover.byToken[i] = append(cover.byToken[i], q)
			cover.byToken[i+1] = append(cover.byToken[i+1], q)
		}
	}
	return exps
}

// wordClause is one query word's clause: a constant score per boost and
// field (the occupations wanted at desiredLift × the boost, the titles at
// the full boost, every word at elsewhere × it), the best of them
// counting. v says which forms some title, and some wanted occupation,
// holds: only those are looked up in those fields.
func wordClause(word string, forms []form, v *vocab, extra ...fieldForm) (query.Query, Expansion, bool) {
	e := Expansion{Word: word, Forms: []string{}, Via: []string{}}
	sort.SliceStable(forms, func(i, j int) bool { return forms[i].boost > forms[j].boost })
	vias := map[string]bool{}
	seen := map[string]bool{}
	byBoost := map[float64][]string{}
	var boosts []float64
	for _, f := range forms {
		if seen[f.word] {
			continue // reached already, in a better way
		}
		seen[f.word] = true
		if _, ok := byBoost[f.boost]; !ok {
			boosts = append(boosts, f.boost)
		}
		byBoost[f.boost] = append(byBoost[f.boost], f.word)
		if !vias[f.via] {
			vias[f.via] = true
			e.Via = append(e.Via, f.via)
		}
		if len(e.Forms) < 12 {
			e.Forms = append(e.Forms, f.word)
		}
	}
	if len(boosts) == 0 && len(extra) == 0 {
		return nil, e, false
	}
	var classes []query.Query
	for _, x := range extra {
		classes = append(classes, &constScore{inner: term(x.field, x.value), score: x.boost})
		if !vias[x.via] {
			vias[x.via] = true
			e.Via = append(e.Via, x.via)
		}
		e.Fields = append(e.Fields, FieldValue{Field: x.field, Value: x.value})
	}
	for _, b := range boosts {
		var titled, desired []string
		for _, w := range byBoost[b] {
			if v.inTitles(w) {
				titled = append(titled, w)
			}
			if v.inDesired(w) {
				desired = append(desired, w)
			}
		}
		if len(desired) > 0 {
			classes = append(classes, &constScore{inner: anyTerm(fieldDesiredWords, desired), score: b * desiredLift})
		}
		if len(titled) > 0 {
			classes = append(classes, &constScore{inner: anyTerm(fieldTitleWords, titled), score: b})
		}
		classes = append(classes, &constScore{inner: anyTerm(fieldWords, byBoost[b]), score: b * elsewhere})
	}
	return &sumQuery{clauses: classes, max: true}, e, true
}

// Suggest returns up to n indexed words near the words of q's text, each
// with the number of CVs that q finds with that word as its text (only
// words that find someone, under q's filters): what to offer when a search
// finds nobody.
func (ix *Index) Suggest(ctx context.Context, q Query, n int) ([]FacetCount, error) {
	var out []FacetCount
	seen := map[string]bool{}
	for _, t := range queryTokens(q.Text) {
		// An occupation's name is meant as typed: a word a letter or two
		// from it is another word ("jurist" is no "turist", "tolk" no
		// "cook" or "stock"), and its related occupations were searched.
		if ix.isADanishWord(t) {
			continue
		}
		for _, w := range ix.vocab.nearest(t, n) {
			if seen[w] || w == t {
				continue
			}
			seen[w] = true
			alt := q
			alt.Text, alt.Synonyms, alt.Occupations, alt.RelatedOccupations = w, nil, nil, nil
			alt.Facets, alt.From, alt.Size = false, 0, 1
			res, err := ix.Search(ctx, alt)
			if err != nil {
				return nil, err
			}
			if res.Total > 0 {
				out = append(out, FacetCount{Value: w, Count: int(res.Total)})
			}
		}
	}
	// In the order nearest gives (closest, then title words), not by
	// count: "egen" finds more CVs than "elektriker" does.
	if len(out) > n {
		out = out[:n]
	}
	return out, nil
}

// MaxYears is the most years of experience read or asked.
const MaxYears = 50

// yearUnits are the words for years after a number; the genitive ones
// ("5 års") say experience without the word for it.
var yearUnits = map[string]bool{"år": false, "aar": false, "ar": false, "års": true, "aars": true, "ars": true,
	"years": false, "year": false, "yrs": false, "years'": true, "year's": true}

// experienceWords say that years before or after them are experience.
var experienceWords = map[string]bool{"erfaring": true, "erfaringer": true, "erfaren": true, "anciennitet": true, "experience": true, "experienced": true,
	"branchekendskab": true, "branceerfaring": true, "brancheerfaring": true}

// yearsLead are the words before years that ask at least that many.
var yearsLead = map[string]bool{"mindst": true, "min": true, "min.": true, "minimum": true, "over": true, "+": true}

// numberWords are the numbers written as words that years are asked in.
var numberWords = map[string]int{"et": 1, "ét": 1, "eet": 1, "to": 2, "tre": 3, "fire": 4, "fem": 5, "seks": 6, "syv": 7, "otte": 8, "ni": 9, "ti": 10,
	"femten": 15, "tyve": 20, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}

// YearsOfExperience finds years of experience among the words ("5 års
// erfaring", "mindst 3 år erfaring", "erfaring 2 år", "5+ års", "3-5 års
// erfaring" (at least 3), "tre års erfaring", "5 years experience",
// "5 years of experience") and returns text without them, the years and
// the words as typed, and whether a word before them asks at least that
// many ("mindst", "minimum", "at least"). Years with no word for
// experience are read only in the genitive ("kok 5 års"): "kok 20 år" may
// be anything.
func YearsOfExperience(text string) (rest string, years int, term string, lead, ok bool) {
	words := strings.Fields(text)
	clean := func(w string) string { return strings.ToLower(strings.Trim(w, ",.;:()")) }
	// number reads a count of years: digits (also Arabic-Indic, "٥"),
	// "5+", "3-5" (at least 3) or a number word; more than MaxYears is
	// MaxYears.
	number := func(w string) (int, bool) {
		w = strings.Trim(w, "+-")
		if lo, _, found := strings.Cut(w, "-"); found && lo != "" {
			w = lo // "3-5 års": at least 3
		}
		if n, found := numberWords[w]; found {
			return n, true
		}
		n := 0
		for _, r := range w {
			d := digitValue(r)
			if d < 0 {
				return 0, false
			}
			n = min(n*10+d, MaxYears*10)
		}
		return min(n, MaxYears), w != ""
	}
	for i := 0; i < len(words); i++ {
		w := clean(words[i])
		n, isNum := number(w)
		unitAt := i + 1
		genitive := false
		if !isNum {
			// "5år", "5års", "5+år": the number and the unit as one word.
			j := strings.IndexFunc(w, func(r rune) bool { return digitValue(r) < 0 && r != '+' })
			if j <= 0 {
				continue
			}
			unit, found := yearUnits[w[j:]]
			if n, isNum = number(w[:j]); !isNum || !found {
				continue
			}
			unitAt, genitive = i, unit
		} else {
			if unitAt >= len(words) {
				continue
			}
			unit, found := yearUnits[clean(words[unitAt])]
			if !found {
				continue
			}
			genitive = unit
		}
		_, word := numberWords[strings.Split(strings.Trim(w, "+-"), "-")[0]]
		start, end := i, unitAt+1
		lead = start > 0 && yearsLead[clean(words[start-1])]
		if lead {
			start--
		} else if start > 1 && clean(words[start-2]) == "at" && clean(words[start-1]) == "least" {
			start, lead = start-2, true
		} else if start > 1 && clean(words[start-2]) == "mere" && clean(words[start-1]) == "end" {
			start, lead = start-2, true
		}
		after := false
		if end < len(words) && (clean(words[end]) == "of" || clean(words[end]) == "med") && end+1 < len(words) && experienceWords[clean(words[end+1])] {
			end, after = end+2, true
		} else if end < len(words) && experienceWords[clean(words[end])] {
			end, after = end+1, true
		}
		before := !after && start > 0 && experienceWords[clean(words[start-1])]
		if before {
			start-- // "erfaring 2 år", "erfaring: 2 år"
		}
		// A number in words counts only beside a word for experience:
		// "to år" is also "two years" of anything.
		if !(after || before || ((genitive || lead) && !word)) {
			continue
		}
		rest := strings.Join(append(slices.Clone(words[:start]), words[end:]...), " ")
		return rest, n, strings.Join(words[start:end], " "), lead, true
	}
	return text, 0, "", false, false
}

// digitValue is the value of a decimal digit, -1 for any other character:
// the ASCII digits, and the Arabic-Indic and the Persian ones that an
// Arabic or a Persian keyboard types.
func digitValue(r rune) int {
	for _, zero := range []rune{'0', '\u0660', '\u06F0'} {
		if r >= zero && r <= zero+9 {
			return int(r - zero)
		}
	}
	return -1
}
