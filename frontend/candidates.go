package frontend

import (
	"cmp"
	"errors"
	"fmt"
	"html"
	"html/template"
	"math"
	"net/http"
	"net/url"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"
	"golang.org/x/text/collate"
	"golang.org/x/text/language"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/cvs"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/index"
	"jobmatch/taxonomy"
	"jobmatch/web"
)

func (f *Frontend) registerCandidates(public, staff *echo.Group) {
	if f.cfg.CVs == nil {
		return
	}
	cv := f.requireCVReader
	staff.GET("/candidates", f.candidateSearch, cv)
	staff.GET("/candidates/new", f.candidateForm, cv)
	staff.POST("/candidates/new", f.candidateSubmit, cv)
	staff.GET("/candidates/:id", f.candidateView, cv)
	staff.GET("/candidates/:id/edit", f.candidateEdit, cv)
	if f.cfg.Matching != nil {
		staff.GET("/candidates/:id/vacancies", f.candidateVacancies, cv)
	}
	staff.POST("/candidates/:id/survey", f.candidateSurvey, cv)
}

func (f *Frontend) requireCVReader(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if !web.CurrentUser(c).CanReadCVs() {
			return jobmatch.ErrForbidden
		}
		return next(c)
	}
}

type facetView struct {
	Name   string
	Values []facetValue
}

type facetValue struct {
	Label, URL string
	Count      int
	Active     bool
}

type searchPage struct {
	Params url.Values
	Result *cvs.SearchResult
	Facets []facetView
	// Next, Prev and First page through the hits, the query and filters
	// kept (Prev and First from the second page on, First from the
	// third); Position says which hits the page shows ("Viser 26–47 af 47
	// kandidater") when they are more than a page.
	Next, Prev, First string
	Position          string
	Licence           []string
	Groups            []jobmatch.TargetGroup
	// The filter choices.
	Schemes   []jobmatch.Scheme
	Languages []string
	Levels    []string
	// Educations are the education filter's values, each with its
	// message key, lowest first and each group before its levels.
	Educations [][2]string
	// Areas are the area filter's choices: the regions and landsdele, then
	// the municipalities by name.
	Areas, Municipalities []taxonomy.Area
	// Language and Level are the language filter's two halves.
	Language, Level string
	// Suggestions are searches that find someone when this one did not.
	Suggestions []facetValue
	// Related are occupations the words name or are of the kind of, which
	// CVs hold, when nobody holds the words (the occupation filter), or
	// when a word was found only by a part: PartOnly says which words.
	Related  []facetValue
	PartOnly string
	// Wider: links to the same search further out and anywhere, when
	// nobody was found near the place.
	Wider []facetValue
	// ReadAs are the titles of the occupations the text was also read
	// as; ByRef says the text was a case reference, found as such.
	// ReadInstead says the words no CV holds that were searched as those
	// occupations ("pedel").
	ReadAs []string
	// ReadAsConcepts are, on the Danish page, the ESCO concepts a title
	// of ReadAs stood for by their Danish labels, where not the title.
	ReadAsConcepts map[string][]string
	ReadInstead    string
	ByRef          bool
	// ByName: the words were a citizen's name, and these are the CVs of
	// that name.
	ByName bool
	// RefMissing says no CV has the case reference the text was.
	RefMissing string
	// Place is the town or postal code the text named, read as distance
	// ("højst 30 km fra 7100 Vejle").
	Place string
	// Licence says which driving licence the words were read as.
	LicenceRead string
	// LanguageRead says which language and level the words were read as.
	LanguageRead string
	// CategoryRead says which kind of occupations a word was read as.
	CategoryRead string
	// HoursRead says which hours weekly hours were read as.
	HoursRead string
	// Everyone says which words were not searched as they only say a job
	// seeker, which every CV is.
	Everyone string
	everyone []string
	// YearsRead says which years of experience the words were read as.
	YearsRead string
	// WithoutYears links to the search without the years of experience,
	// when they left nobody.
	WithoutYears *facetValue
	// AvailableRead says how "ledig nu" was read.
	AvailableRead string
	// NotSearched says which words a negation left out ("uden kørekort").
	NotSearched string
	notSearched []string
	// NotExcluded says which negations stood alone and could not be
	// searched ("uden kørekort": the search has no filter for a CV
	// without a licence), so the page lists everyone under the filters.
	NotExcluded string
	notExcluded []string
	// NotGroup says which target groups a negation left out ("ikke
	// flygtning": every other group), and which words the CVs found do
	// not hold ("-deltid", "uden weekend": excluded).
	NotGroup []string
	// UnemployedFor says which words asked how long a citizen has been
	// out of work, which no CV records ("ledig over 1 år").
	UnemployedFor string
	unemployedFor []string
	// Personal says which words that say gender or ethnic origin were
	// left out, and why.
	Personal string
	personal []string
	// Workplace: the employer's words for where the job is ("til vores
	// restaurant"), not searched.
	Workplace string
	workplace []string
	// FieldsRead say which words were also read as a language, a target
	// group or a scheme the CVs list.
	FieldsRead []string
	// Required says which words every CV found holds; Common which
	// words only order them; AnyWord that nobody held every word.
	// Tried are the words that reached CVs, how; NotFound names the
	// words no CV holds in any form ("kok haccp": «haccp»), which the
	// search left out.
	Tried    []index.Expansion
	NotFound string
	// OrHint: say how to find either word; Either links to the search
	// with "eller" between them, when it finds more.
	Required, Common string
	OrHint           bool
	Either           *facetValue
	// Facts are each hit's experience, start and licences in a line, by
	// CV id: what a consultant scans a list for (HTML: the CV's own
	// words are marked Danish on an English page, hitFacts).
	Facts map[string]template.HTML
	// Busy marks a hit in process on an open vacancy, or hired through
	// the jobcentre, before the consultant calls (as the vacancy page).
	Busy map[string]screening.Busy
}

// educationChoices are the education filter's values, lowest first and
// each group before its levels: every value the education facet links to
// (every level a CV holds but "other", and the groups), so that the filter
// a facet set shows in the form and is kept by its next search ("Grundskole"
// was not one: the page filtered by it and the form said "Alle").
var educationChoices = []string{"primary", "upper_secondary", "vocational", "higher", "short_cycle", "bachelor", "academic", "master", "phd"}

// searchLanguages are the languages the filter offers (ISO 639-1), the
// ones jobcentre CVs hold most.
var searchLanguages = []string{"da", "en", "de", "sv", "no", "pl", "uk", "ro", "lt", "ar", "tr", "fa", "so", "ti", "ur", "es", "fr"}

// areaChoices are the area filter's choices: the regions and landsdele in
// their order, the municipalities in Danish alphabetical order (Æ, Ø, Å
// last).
var areaChoices = sync.OnceValues(func() (areas, municipalities []taxonomy.Area) {
	for _, k := range taxonomy.AreaKeys() {
		a, _ := taxonomy.AreaByKey(k)
		if strings.HasPrefix(k, "kommune-") {
			municipalities = append(municipalities, a)
		} else {
			areas = append(areas, a)
		}
	}
	da := collate.New(language.Danish)
	slices.SortFunc(municipalities, func(a, b taxonomy.Area) int { return da.CompareString(a.Name, b.Name) })
	return areas, municipalities
})

func (f *Frontend) candidateSearch(c echo.Context) error {
	vals := c.QueryParams()
	d := searchPage{Params: vals, Groups: jobmatch.TargetGroups, Licence: cvs.Licences,
		Schemes: jobmatch.Schemes, Languages: searchLanguages, Levels: index.Levels}
	for _, v := range educationChoices {
		d.Educations = append(d.Educations, [2]string{v, educationKey(v)})
	}
	d.Areas, d.Municipalities = areaChoices()
	// The form gives the language and its level apart; the API takes "da:B2".
	d.Language, d.Level, _ = strings.Cut(vals.Get("language"), ":")
	if lvl := vals.Get("language_level"); lvl != "" {
		d.Level = lvl
		if d.Language != "" {
			// Only the form's level: the facets' links give each language
			// its level, and more than one language ("da:B1", "en").
			vals = cloneValues(vals)
			vals.Set("language", d.Language+":"+d.Level)
		}
	}
	vals.Del("language_level")
	p, err := web.SearchParamsFromValues(vals)
	p.Facets = true // the page shows them beside the hits
	var ve *jobmatch.ValidationError
	if err == nil {
		d.Result, err = f.cfg.CVs.Search(c.Request().Context(), web.CurrentUser(c), p)
	}
	if errors.As(err, &ve) {
		return f.render(c, http.StatusUnprocessableEntity, "candidates", "page.candidates", d, fieldMessages(web.Lang(c), ve))
	}
	if err != nil {
		return err
	}
	tax := f.cfg.CVs.Taxonomy()
	lang := string(web.Lang(c))
	// Several ESCO concepts may share the STAR title people use ("Lager-
	// og logistikmedarbejder"): such titles say which concept in brackets.
	titles := map[string]int{}
	for _, v := range d.Result.Facets["occupations"] {
		titles[tax.DisplayTitle(v.Value, lang)]++
	}
	for _, name := range []string{"target_group", "occupations", "skills", "licences", "languages", "education", "hours", "shifts", "consent"} {
		fv := facetView{Name: name}
		param := map[string]string{"target_group": "target_group", "licences": "licence", "languages": "language", "consent": "consent", "occupations": "occupation", "skills": "skill",
			"hours": "hours", "shifts": "shift", "education": "education"}[name]
		for _, v := range d.Result.Facets[name] {
			label := v.Value
			if name == "skills" {
				// As the CVs write it, in either language: the CVs' own
				// words, not the taxonomy's English.
				label = cmp.Or(v.Label, v.Value)
			} else if name == "occupations" {
				label = tax.DisplayTitle(v.Value, lang)
				if own := tax.ConceptLabel(v.Value, lang); titles[label] > 1 && !strings.EqualFold(own, label) {
					label += " (" + own + ")"
				}
			} else if strings.HasPrefix(v.Value, "http") {
				label = tax.ConceptLabel(v.Value, lang)
			} else if name == "languages" {
				// "da:C2" → "Dansk C2", "da" → "Dansk"
				code, level, _ := strings.Cut(v.Value, ":")
				shown := level
				if strings.ToUpper(level) == "NATIVE" {
					shown = tr(c, "cand.as_native") // "Dansk som modersmål", not "Dansk NATIVE"
				}
				if k := "lang." + code; i18n.Has(k) {
					label = strings.TrimSpace(i18n.T(web.Lang(c), k) + " " + shown)
				}
				if level != "" && level != index.Levels[len(index.Levels)-1] {
					label = fmt.Sprintf(tr(c, "cand.level_or_better"), label)
				}
			} else if name == "target_group" {
				label = tr(c, "tg."+v.Value)
			} else if name == "hours" || name == "shifts" {
				label = tr(c, map[string]string{"hours": "hours.", "shifts": "shift."}[name]+v.Value)
			} else if name == "education" {
				if v.Value == "other" {
					continue // "Anden uddannelse": a course, a Danish module
				}
				label = tr(c, educationKey(v.Value))
			}
			q := cloneValues(c.QueryParams())
			q.Del("cursor")
			active := q.Get(param) == v.Value
			switch name {
			case "consent":
				if v.Value != "yes" {
					continue
				}
				label = tr(c, "cand.consent")
				q.Set(param, "true")
			case "licences", "skills":
				// Every licence and skill asked for is required, and the
				// counts are of the CVs that hold those: the value joins
				// them (one in their place found CVs the count left out).
				active = slices.Contains(q[param], v.Value)
				if !active {
					q.Add(param, v.Value)
				}
			case "languages":
				var in bool
				q[param], in = withLanguage(vals[param], v.Value)
				active = in
				// The value holds its level: a level from the form's own
				// select would replace it.
				q.Del("language_level")
			default:
				q.Set(param, v.Value)
			}
			fv.Values = append(fv.Values, facetValue{Label: label, URL: "/staff/candidates?" + q.Encode(), Count: v.Count, Active: active})
		}
		if len(fv.Values) > 0 {
			d.Facets = append(d.Facets, fv)
		}
	}
	var occupationTerms []string // the words read as an occupation
	for _, in := range d.Result.Interpreted {
		switch in.Via {
		case "external_ref":
			d.ByRef = true
		case "name":
			d.ByName = true
		case "external_ref_missing":
			d.RefMissing = fmt.Sprintf(tr(c, "cand.ref_missing"), in.Term)
		case "skill":
		case "place":
			d.Place = fmt.Sprintf(tr(c, "cand.place"), in.Term, int(in.RadiusKm), in.Label)
		case "area":
			d.Place = fmt.Sprintf(tr(c, "cand.area"), in.Term, in.Label)
		case "licence":
			d.LicenceRead = fmt.Sprintf(tr(c, "cand.licence"), in.Term, in.Label)
		case "language":
			code, level, _ := strings.Cut(in.Label, ":")
			if in.Title == "native" {
				d.LanguageRead = fmt.Sprintf(tr(c, "cand.language_native_read"), in.Term, i18n.Language(web.Lang(c), code))
			} else {
				d.LanguageRead = fmt.Sprintf(tr(c, "cand.language_read"), in.Term, i18n.Language(web.Lang(c), code), level)
			}
		case "available":
			d.AvailableRead = fmt.Sprintf(tr(c, "cand.available_read"), in.Term, dateIn(web.Lang(c), in.Label))
		case "not_searched":
			d.notSearched = append(d.notSearched, in.Term)
		case "not_excluded":
			d.notExcluded = append(d.notExcluded, in.Term)
		case "not_group":
			d.NotGroup = append(d.NotGroup, fmt.Sprintf(tr(c, "cand.not_group"), in.Term, inSentence(tr(c, "tg."+in.Label))))
		case "excluded":
			d.NotGroup = append(d.NotGroup, fmt.Sprintf(tr(c, "cand.excluded"), in.Term, in.Label))
		case "unemployed_for":
			d.unemployedFor = append(d.unemployedFor, in.Term)
		case "car_licence":
			d.LicenceRead = fmt.Sprintf(tr(c, "cand.car_licence"), in.Term)
		case "no_licence":
			d.LicenceRead = fmt.Sprintf(tr(c, "cand.no_licence"), in.Term)
		case "personal":
			d.personal = append(d.personal, in.Term)
		case "workplace":
			d.workplace = append(d.workplace, in.Term)
		case "everyone":
			d.everyone = append(d.everyone, in.Term)
		case "experience":
			years, _ := strconv.Atoi(in.Label)
			if in.URI != "" {
				title := in.Title
				if title == "" || lang != "da" {
					title = tax.DisplayTitle(in.URI, lang)
				}
				d.YearsRead = fmt.Sprintf(tr(c, "cand.years_read"), in.Term, years, inSentence(title))
			} else {
				d.YearsRead = fmt.Sprintf(tr(c, "cand.years_read_all"), in.Term, years)
			}
		case "no_experience":
			d.YearsRead = fmt.Sprintf(tr(c, "cand.no_experience_read"), in.Term)
		case "hours":
			d.HoursRead = fmt.Sprintf(tr(c, "cand.hours_read"), in.Term, strings.ToLower(tr(c, "hours."+in.Label)))
		case "apprentice":
			d.FieldsRead = append(d.FieldsRead, fmt.Sprintf(tr(c, "cand.apprentice_read"), in.Term, in.Label))
		case "category":
			label := in.Label
			if k := strings.Replace(in.URI, "category:", "cat.", 1); i18n.Has(k) {
				label = tr(c, k)
			}
			d.CategoryRead = fmt.Sprintf(tr(c, "cand.category_read"), in.Term, label)
		default:
			// One STAR title stands for several ESCO concepts: the title
			// the words named, once ("Ekspedient", not tøjekspedient,
			// tekstilhandler and våbenhandler).
			t := in.Title
			if t == "" || lang != "da" {
				t = tax.DisplayTitle(in.URI, lang)
			}
			if t != "" && !slices.Contains(d.ReadAs, t) {
				d.ReadAs = append(d.ReadAs, t)
			}
			// The Danish page names each concept the title stood for
			// beside it, as the English page names them all: «Lager- og
			// logistikmedarbejder» (ESCO-begreb: lagerarbejder,
			// lagerarbejder på en lædervarefabrik).
			if own := tax.ConceptLabel(in.URI, "da"); lang == "da" && t != "" && own != "" && !strings.EqualFold(own, t) {
				if d.ReadAsConcepts == nil {
					d.ReadAsConcepts = map[string][]string{}
				}
				if !slices.Contains(d.ReadAsConcepts[t], own) {
					d.ReadAsConcepts[t] = append(d.ReadAsConcepts[t], own)
				}
			}
			occupationTerms = append(occupationTerms, in.Term)
		}
	}
	if len(d.everyone) > 0 {
		d.Everyone = fmt.Sprintf(tr(c, "cand.everyone"), quotedList(c, d.everyone, "cand.and"))
	}
	if len(d.workplace) > 0 {
		d.Workplace = fmt.Sprintf(tr(c, "cand.workplace"), strings.Join(d.workplace, tr(c, "cand.not_searched_sep")))
	}
	if len(d.personal) > 0 {
		d.Personal = fmt.Sprintf(tr(c, "cand.personal"), strings.Join(d.personal, tr(c, "cand.not_searched_sep")))
	}
	if len(d.notSearched) > 0 {
		d.NotSearched = fmt.Sprintf(tr(c, "cand.not_searched"), strings.Join(d.notSearched, tr(c, "cand.not_searched_sep")))
	}
	if len(d.notExcluded) > 0 {
		d.NotExcluded = fmt.Sprintf(tr(c, "cand.not_excluded"), strings.Join(d.notExcluded, tr(c, "cand.not_searched_sep")))
	}
	if len(d.unemployedFor) > 0 {
		d.UnemployedFor = fmt.Sprintf(tr(c, "cand.unemployed_for"), strings.Join(d.unemployedFor, tr(c, "cand.not_searched_sep")))
	}
	var missing []string
	typed := map[string]bool{} // the forms the typed words reached
	for _, x := range d.Result.Tried {
		if !slices.Contains(x.Via, "synonym") {
			for _, f := range x.Forms {
				typed[f] = true
			}
		}
	}
	for _, x := range d.Result.Tried {
		switch {
		case len(x.Forms) == 0 && len(x.Fields) == 0:
			missing = append(missing, x.Word)
		case slices.Contains(x.Via, "synonym") && !slices.ContainsFunc(x.Forms, func(f string) bool { return !typed[f] }):
			// A concept's other names that reached only what the typed
			// words did ("rengøringsassistent, sanitør, toiletpasser, …"
			// for "rengøringsassistent"): nothing more was searched.
		case len(x.Forms) > 0: // a word read only as a field is said below
			d.Tried = append(d.Tried, x)
		}
	}
	// A word no CV holds that names an occupation ("pedel", STAR's title
	// of the vicevært) was searched as that occupation: the page says
	// that, once, not that it was left out and, on the next line, that it
	// was also searched as a title.
	var instead []string
	missing = slices.DeleteFunc(missing, func(w string) bool {
		// The occupation's term is the word itself: "kok qwxz" is read
		// as the kok by its whole text, and «qwxz» was left out.
		if slices.ContainsFunc(occupationTerms, func(t string) bool { return slices.Equal(index.QueryWords(t), []string{strings.ToLower(w)}) }) {
			instead = append(instead, w)
			return true
		}
		return false
	})
	if len(instead) > 0 && len(d.ReadAs) > 0 {
		d.ReadInstead = fmt.Sprintf(tr(c, "cand.read_instead"), quotedList(c, instead, "cand.and"), quotedList(c, d.ReadAs, "cand.and"))
	}
	if len(missing) > 0 {
		d.NotFound = fmt.Sprintf(tr(c, "cand.not_found"), quotedList(c, missing, "cand.and"))
	}
	showEducation := vals.Get("education") != ""
	for _, x := range d.Result.Tried {
		for _, f := range x.Fields {
			showEducation = showEducation || f.Field == "education" || f.Field == "skilled"
			key := map[string]string{"languages": "lang.", "target_group": "tg.", "eligibility": "elig.", "skilled": "skilled.", "hours": "hours.", "shifts": "shift."}[f.Field] + f.Value
			if f.Field == "education" {
				key = educationKey(f.Value)
			}
			what := map[string]string{"languages": "cand.read_language", "target_group": "cand.read_group", "eligibility": "cand.read_scheme", "skilled": "cand.read_education",
				"education": "cand.read_education", "hours": "cand.read_hours", "shifts": "cand.read_shift"}[f.Field]
			if what != "" && i18n.Has(key) {
				d.FieldsRead = append(d.FieldsRead, fmt.Sprintf(tr(c, what), x.Word, tr(c, key)))
			}
		}
	}
	if r := d.Result.RequiredWords; len(r) > 0 {
		alts := make([]string, len(r))
		for i, words := range r {
			alts[i] = quotedList(c, words, "cand.and")
		}
		d.Required = fmt.Sprintf(tr(c, "cand.required"), strings.Join(alts, " "+tr(c, "cand.or")+" "))
		d.OrHint = len(r) == 1 && len(r[0]) > 1
	}
	if len(d.Result.CommonWords) > 0 {
		d.Common = fmt.Sprintf(tr(c, "cand.common"), quotedList(c, d.Result.CommonWords, "cand.and"))
	}
	d.Facts = map[string]template.HTML{}
	today := time.Now().In(jobmatch.Copenhagen).Format(time.DateOnly)
	ids := make([]string, 0, len(d.Result.Items))
	for _, h := range d.Result.Items {
		ids = append(ids, h.Candidate.ID)
	}
	if f.cfg.Screening != nil && len(ids) > 0 {
		if d.Busy, err = f.cfg.Screening.Elsewhere(c.Request().Context(), web.CurrentUser(c), "", ids); err != nil {
			return err
		}
	}
	for _, h := range d.Result.Items {
		// Hired through the jobcentre, a citizen is not "ledig nu"
		// whatever the CV still says: the mark says the hire.
		d.Facts[h.Candidate.ID] = template.HTML(hitFacts(web.Lang(c), h.Candidate, today, showEducation, d.Busy[h.Candidate.ID].Hired))
	}
	for _, sg := range d.Result.Suggestions {
		q := cloneValues(c.QueryParams())
		q.Del("cursor")
		q.Set("q", sg.Value)
		d.Suggestions = append(d.Suggestions, facetValue{Label: sg.Value, URL: "/staff/candidates?" + q.Encode(), Count: sg.Count})
	}
	var parts []string
	for _, x := range d.Result.Tried {
		if len(x.Forms) > 0 && slices.Equal(x.Via, []string{"part"}) {
			parts = append(parts, x.Word)
		}
	}
	if len(parts) > 0 && len(d.Result.Related) > 0 && d.Result.Total > 0 {
		d.PartOnly = fmt.Sprintf(tr(c, "cand.part_related"), quotedList(c, parts, "cand.and"))
	}
	for _, r := range d.Result.Related {
		q := cloneValues(c.QueryParams())
		q.Del("cursor")
		q.Del("q")
		q.Set("occupation", r.URI)
		label := tax.DisplayTitle(r.URI, lang)
		if r.Name != "" {
			// Why it is offered: "Frisør (frisørelev)" for "elev", the name
			// as the taxonomy writes it in Danish, as the word was typed.
			label += " (" + inSentence(r.Name) + ")"
		}
		d.Related = append(d.Related, facetValue{Label: label, URL: "/staff/candidates?" + q.Encode(), Count: int(r.Total)})
	}
	if w := d.Result.WithoutYears; w != nil {
		q := cloneValues(c.QueryParams())
		q.Del("cursor")
		q.Del("min_years")
		if w.Q != "" {
			q.Set("q", w.Q)
		}
		d.WithoutYears = &facetValue{Label: tr(c, "cand.without_years"), URL: "/staff/candidates?" + q.Encode(), Count: int(w.Total)}
	}
	if w := d.Result.Either; w != nil {
		q := cloneValues(c.QueryParams())
		q.Del("cursor")
		if web.Lang(c) == i18n.EN {
			// The search reads "or" as it reads "eller": the offer is in
			// the page's language.
			w.Q = strings.ReplaceAll(w.Q, " eller ", " or ")
		}
		q.Set("q", w.Q)
		d.Either = &facetValue{Label: fmt.Sprintf(tr(c, "cand.either"), w.Q), URL: "/staff/candidates?" + q.Encode(), Count: int(w.Total)}
	}
	for _, w := range d.Result.Wider {
		q := cloneValues(c.QueryParams())
		q.Del("cursor")
		label := tr(c, "cand.wider_anywhere")
		if w.RadiusKm > 0 {
			q.Set("radius_km", strconv.Itoa(int(w.RadiusKm)))
			label = fmt.Sprintf(tr(c, "cand.wider_km"), int(w.RadiusKm))
		} else {
			q.Del("near")
			q.Del("radius_km")
			q.Del("area")
			if w.Q != "" {
				q.Set("q", w.Q)
			}
		}
		d.Wider = append(d.Wider, facetValue{Label: label, URL: "/staff/candidates?" + q.Encode(), Count: int(w.Total)})
	}
	d.pages(c, p)
	return f.render(c, http.StatusOK, "candidates", "page.candidates", d, nil)
}

// pages sets the page's links to the next and the earlier pages of hits
// and the line that says which hits it shows. Each link is the search's
// own, its cursor the first hit of that page.
func (d *searchPage) pages(c echo.Context, p cvs.SearchParams) {
	link := func(cursor string) string {
		q := cloneValues(c.QueryParams())
		q.Del("cursor")
		if cursor != "" {
			q.Set("cursor", cursor)
		}
		return "/staff/candidates?" + q.Encode()
	}
	if d.Result.NextCursor != "" {
		d.Next = link(d.Result.NextCursor)
	}
	from, err := app.DecodeOffset(p.Cursor)
	if err != nil || len(d.Result.Items) == 0 {
		return
	}
	size := p.Limit
	if size <= 0 {
		size = defaultPageSize
	}
	if from > 0 {
		prev := ""
		if from > size {
			prev = app.EncodeOffset(from - size)
			d.First = link("")
		}
		d.Prev = link(prev)
	}
	if shown := len(d.Result.Items); from > 0 || int64(shown) < d.Result.Total {
		d.Position = fmt.Sprintf(tr(c, "cand.position"), from+1, from+shown, d.Result.Total)
	}
}

// defaultPageSize is the hits of a page when the search names no limit
// (cvs.Service.Search).
const defaultPageSize = 25

// inSentence writes a title as a word inside a sentence: "Kok" → "kok",
// and "IT-supporter" as it is.
func inSentence(title string) string {
	first, n := utf8.DecodeRuneInString(title)
	second, _ := utf8.DecodeRuneInString(title[n:])
	if unicode.IsUpper(first) && !unicode.IsUpper(second) {
		return string(unicode.ToLower(first)) + title[n:]
	}
	return title
}

// quotedList quotes words in the page's language and joins them, the last
// two by the word conj names: «kok», «tjener» og «bager».
func quotedList(c echo.Context, words []string, conj string) string {
	q := make([]string, len(words))
	for i, w := range words {
		if web.Lang(c) == "da" {
			q[i] = "«" + w + "»"
		} else {
			q[i] = "“" + w + "”"
		}
	}
	if len(q) == 1 {
		return q[0]
	}
	return strings.Join(q[:len(q)-1], ", ") + " " + tr(c, conj) + " " + q[len(q)-1]
}

// withLanguage is the language filter's values (each "da" or "da:B2",
// comma-separated as the form and the API send them) with lang asked for
// too: every language asked for is required, as the facet counted it, and
// of one language the narrower level stays (the counts of "Dansk" under a
// filter on "Dansk B1 eller bedre" are of those at B1 or better). in: lang
// asks nothing the values do not already.
func withLanguage(values []string, lang string) (out []string, in bool) {
	code, level, _ := strings.Cut(lang, ":")
	rank := func(level string) int { return slices.Index(index.Levels, strings.ToUpper(level)) } // -1: any level
	added := false
	for _, v := range values {
		for _, l := range strings.Split(v, ",") {
			if l = strings.TrimSpace(l); l == "" {
				continue
			}
			c, lv, _ := strings.Cut(l, ":")
			if c == code && !added {
				added = true
				in = rank(lv) >= rank(level)
				if !in {
					l = lang
				}
			}
			out = append(out, l)
		}
	}
	if !added {
		out = append(out, lang)
	}
	return out, in
}

func cloneValues(v url.Values) url.Values {
	out := url.Values{}
	for k, vs := range v {
		out[k] = append([]string(nil), vs...)
	}
	return out
}

type candidateFormData struct {
	Values map[string]string
	Groups []jobmatch.TargetGroup
	// Edit is the id of the CV being edited (saved by its case id).
	Edit string
	// Stale: someone saved the CV while this form was open (nothing was
	// saved); Erased: the CV was erased meanwhile (the form is not shown
	// again: sending it would bring the person back).
	Stale, Erased bool
	// Notice says why nothing was saved (no field is wrong).
	Notice string
	// Taken is the id of the CV that has the case number a new CV was
	// given (nothing was saved): the form links to it.
	Taken string
}

// candidateEdit is the CV form filled with the CV: saving it updates the
// CV with the same case id.
func (f *Frontend) candidateEdit(c echo.Context) error {
	cand, err := f.cfg.CVs.Get(c.Request().Context(), web.CurrentUser(c), c.Param("id"), "edit")
	if err != nil {
		return err
	}
	labels := func(cs []jobmatch.Concept) string {
		var out []string
		for _, x := range cs {
			out = append(out, x.Label)
		}
		return strings.Join(out, "\n")
	}
	var langs []string
	for _, l := range cand.Languages {
		langs = append(langs, l.Code+":"+l.Level)
	}
	v := map[string]string{"external_ref": cand.ExternalRef, "name": cand.Name, "email": cand.Email, "phone": cand.Phone,
		"postal_code": cand.PostalCode, "max_commute_km": strconv.Itoa(cand.MaxCommuteKm), "target_group": string(cand.TargetGroup),
		"desired_occupations": labels(cand.DesiredOccupations), "skills": labels(cand.Skills), "languages": strings.Join(langs, ", "),
		"driving_licences": strings.Join(cand.DrivingLicences, ", "), "summary": cand.Summary, "consent_channel": cand.Consent.Channel,
		"hours": joinValues(cand.Hours), "shifts": joinValues(cand.Shifts)}
	if !cand.AvailableFrom.IsZero() {
		v["available_from"] = cand.AvailableFrom.Format(time.DateOnly)
	}
	var el []string
	for _, e := range cand.Eligibility {
		el = append(el, string(e))
	}
	v["eligibility"] = strings.Join(el, ", ")
	if cand.Consent.Given {
		v["consent"] = "on"
	}
	// Every field of the CV is on the form, so saving it keeps what the
	// form does not show changed (the experience and education were lost).
	var lines []string
	for _, e := range cand.Experience {
		lines = append(lines, e.Title+"; "+e.Employer+"; "+i18n.Trimmed(web.Lang(c), e.Years, 1))
	}
	v["experience"] = strings.Join(lines, "\n")
	lines = nil
	for _, e := range cand.Education {
		l := i18n.T(web.Lang(c), "edu."+e.Level)
		if e.Field != "" {
			l += "; " + e.Field
		}
		lines = append(lines, l)
	}
	v["education"] = strings.Join(lines, "\n")
	if cand.BirthYear > 0 {
		v["birth_year"] = strconv.Itoa(cand.BirthYear)
	}
	v["gender"], v["nationality"] = cand.Gender, cand.Nationality
	// The CV and the version the form shows: a save on top of someone
	// else's since, or of a CV erased meanwhile, is refused.
	v["id"], v["version"] = cand.ID, strconv.FormatInt(cand.Version, 10)
	return f.render(c, http.StatusOK, "candidate_form", "page.candidate_edit", candidateFormData{Values: v, Groups: jobmatch.TargetGroups, Edit: cand.ID}, nil)
}

func (f *Frontend) candidateForm(c echo.Context) error {
	return f.render(c, http.StatusOK, "candidate_form", "page.candidate_new",
		candidateFormData{Values: map[string]string{"max_commute_km": "30", "target_group": "close_to_job"}, Groups: jobmatch.TargetGroups}, nil)
}

func (f *Frontend) candidateSubmit(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	in := cvs.CandidateInput{ExternalRef: v["external_ref"], Name: v["name"], Email: v["email"], Phone: v["phone"],
		PostalCode: v["postal_code"], TargetGroup: v["target_group"], DesiredOccupations: splitList(v["desired_occupations"]),
		Skills: splitList(v["skills"]), DrivingLicences: splitList(v["driving_licences"]), AvailableFrom: v["available_from"],
		Summary: v["summary"], Eligibility: splitList(v["eligibility"]), Hours: splitList(v["hours"]), Shifts: splitList(v["shifts"])}
	pre := &jobmatch.ValidationError{}
	if n, err := strconv.Atoi(v["max_commute_km"]); err == nil {
		in.MaxCommuteKm = n
	} else if v["max_commute_km"] != "" {
		pre.Add("max_commute_km", "number", "")
	}
	if n, err := strconv.Atoi(strings.TrimSpace(v["birth_year"])); err == nil {
		in.BirthYear = n
	} else if strings.TrimSpace(v["birth_year"]) != "" {
		pre.Add("birth_year", "number", "")
	}
	in.Gender, in.Nationality = v["gender"], strings.TrimSpace(v["nationality"])
	var ok bool
	if in.Experience, ok = experienceLines(v["experience"]); !ok {
		pre.Add("experience", "number", "")
	}
	in.Education = educationLines(v["education"])
	for _, l := range splitList(v["languages"]) {
		in.Languages = append(in.Languages, cvs.ParseLanguage(l))
	}
	if v["consent"] == "on" {
		in.Consent = &cvs.ConsentInput{Given: true, Channel: v["consent_channel"]}
	}
	edit := v["id"]
	version, verr := strconv.ParseInt(v["version"], 10, 64)
	if edit != "" && (verr != nil || version < 1) {
		return jobmatch.Invalid("version", "invalid", "")
	}
	var cand *jobmatch.Candidate
	switch {
	case pre.Err() != nil:
		err = pre
	case edit != "":
		cand, err = f.cfg.CVs.Edit(c.Request().Context(), web.CurrentUser(c), edit, version, in)
	default:
		cand, err = f.cfg.CVs.Create(c.Request().Context(), web.CurrentUser(c), in)
	}
	title := "page.candidate_new"
	if edit != "" {
		title = "page.candidate_edit"
	}
	var ve *jobmatch.ValidationError
	var ce *jobmatch.ConflictError
	switch {
	case errors.As(err, &ve):
		return f.render(c, http.StatusUnprocessableEntity, "candidate_form", title,
			candidateFormData{Values: v, Groups: jobmatch.TargetGroups, Edit: edit}, fieldMessages(web.Lang(c), ve))
	case edit == "" && errors.As(err, &ce) && ce.Code == "ref_taken" && len(ce.Fields) > 0:
		// The case number is another CV's: nothing was saved, the field
		// says so and the form links to that CV.
		return f.render(c, http.StatusConflict, "candidate_form", title,
			candidateFormData{Values: v, Groups: jobmatch.TargetGroups, Taken: ce.Fields[0].Param},
			fieldMessages(web.Lang(c), &jobmatch.ValidationError{Fields: ce.Fields}))
	case edit != "" && errors.As(err, &ce) && ce.Code == "stale_version":
		// What was typed stays on the form; nothing was saved.
		return f.render(c, http.StatusConflict, "candidate_form", title,
			candidateFormData{Values: v, Groups: jobmatch.TargetGroups, Edit: edit, Stale: true, Notice: tr(c, "cand.stale")}, nil)
	case edit != "" && errors.Is(err, jobmatch.ErrNotFound):
		return f.render(c, http.StatusGone, "candidate_form", title,
			candidateFormData{Values: v, Groups: jobmatch.TargetGroups, Erased: true, Notice: tr(c, "cand.erased")}, nil)
	case err != nil:
		return err
	}
	setFlash(c, tr(c, "cand.saved"))
	return c.Redirect(http.StatusSeeOther, "/staff/candidates/"+cand.ID)
}

// candidatePage is a CV with where the citizen is in process.
type candidatePage struct {
	*jobmatch.Candidate
	// Processes are the vacancies the citizen is shortlisted for, the
	// latest moved first.
	Processes []screening.Process
	// Hired says the latest hire through the jobcentre, "" when none: the
	// CV may no longer say what the citizen is now.
	Hired string
}

func (f *Frontend) candidateView(c echo.Context) error {
	ctx, by := c.Request().Context(), web.CurrentUser(c)
	// Why the CV is read, for the audit line: where it was opened from
	// (the matches or the shortlist of a vacancy, the search), "page" when
	// the link says nothing.
	why := c.QueryParam("why")
	switch why {
	case "match", "shortlist", "search":
	default:
		why = "page"
	}
	vacancy := c.QueryParam("vacancy")
	if len(vacancy) > 64 {
		vacancy = ""
	}
	cand, err := f.cfg.CVs.GetFor(ctx, by, c.Param("id"), why, vacancy)
	if err != nil {
		return err
	}
	d := candidatePage{Candidate: cand}
	if f.cfg.Screening != nil {
		if d.Processes, err = f.cfg.Screening.Processes(ctx, by, cand.ID); err != nil {
			return err
		}
		for _, p := range d.Processes {
			if p.Entry.Stage == jobmatch.StageHired {
				d.Hired = fmt.Sprintf(tr(c, "cv.hired"), inSentence(p.Vacancy.Title), p.Vacancy.CompanyName, dateIn(web.Lang(c), p.Entry.UpdatedAt))
				break
			}
		}
	}
	return f.render(c, http.StatusOK, "candidate", "page.candidate", d, nil)
}

// candidateSurvey sends the citizen their satisfaction survey (at most as
// often as the rules allow) and says what happened.
func (f *Frontend) candidateSurvey(c echo.Context) error {
	sent, err := f.cfg.Surveys.SendCitizenSurvey(c.Request().Context(), web.CurrentUser(c), c.Param("id"), "manual")
	lang := web.Lang(c)
	switch {
	case errors.Is(err, jobmatch.ErrInvalid):
		setFlashError(c, i18n.T(lang, "cand.survey_no_email"))
	case err != nil:
		return err
	case sent:
		setFlash(c, i18n.T(lang, "cand.survey_sent"))
	default:
		setFlash(c, i18n.T(lang, "cand.survey_recent"))
	}
	return c.Redirect(http.StatusSeeOther, "/staff/candidates/"+c.Param("id"))
}

// experienceLines reads the form's experience, one job a line: "title;
// employer; years" (employer and years may be left out; years with a
// decimal comma or point). false when some years are no number.
func experienceLines(text string) ([]cvs.ExperienceInput, bool) {
	var out []cvs.ExperienceInput
	ok := true
	for _, line := range strings.Split(text, "\n") {
		parts := strings.Split(line, ";")
		for i := range parts {
			parts[i] = strings.TrimSpace(parts[i])
		}
		if parts[0] == "" && len(parts) == 1 {
			continue
		}
		e := cvs.ExperienceInput{Title: parts[0]}
		if len(parts) > 1 {
			e.Employer = parts[1]
		}
		if len(parts) > 2 && parts[2] != "" {
			y, err := strconv.ParseFloat(strings.ReplaceAll(strings.TrimSuffix(strings.TrimSuffix(parts[2], "år"), " "), ",", "."), 64)
			if err != nil || math.IsNaN(y) || math.IsInf(y, 0) {
				ok = false
			}
			e.Years = y
		}
		out = append(out, e)
	}
	return out, ok
}

// highestEducation is the education of the highest level among es, an
// "other" one (a course, a Danish module) only when there is no other.
func highestEducation(es []jobmatch.Education) (jobmatch.Education, bool) {
	best, rank := jobmatch.Education{}, -1
	for _, e := range es {
		r := 0 // "other": above nothing, below every level
		if e.Level != "other" {
			r = 1 + slices.Index(cvs.EducationLevels, e.Level)
		}
		if r > rank {
			best, rank = e, r
		}
	}
	return best, rank >= 0
}

// educationKey is the message key of a value of the search's education
// filter: a level's name ("edu.master") or a group's ("edugroup.academic").
func educationKey(v string) string {
	if slices.Contains(index.EducationGroups, v) {
		return "edugroup." + v
	}
	return "edu." + v
}

// educationLevels are the level codes by the names people write: the
// labels in both languages, the codes, and a few everyday words.
var educationLevels = func() map[string]string {
	m := map[string]string{"folkeskole": "primary", "gymnasium": "upper_secondary", "hf": "upper_secondary", "eud": "vocational",
		"kvu": "short_cycle", "professionsbachelor": "bachelor", "kandidat": "master", "master": "master", "phd": "phd", "anden": "other"}
	for _, code := range cvs.EducationLevels {
		m[code] = code
		for _, l := range []i18n.Lang{i18n.DA, i18n.EN} {
			m[strings.ToLower(i18n.T(l, "edu."+code))] = code
		}
	}
	return m
}()

// educationLines reads the form's education, one a line: "level;
// education", the level named as the page names it ("Erhvervsuddannelse")
// or left out (an education the level list does not name is "other").
func educationLines(text string) []cvs.EducationInput {
	var out []cvs.EducationInput
	for _, line := range strings.Split(text, "\n") {
		level, field, two := strings.Cut(line, ";")
		level, field = strings.TrimSpace(level), strings.TrimSpace(field)
		if level == "" && field == "" {
			continue
		}
		code, known := educationLevels[strings.ToLower(level)]
		switch {
		case known:
		case !two:
			code, field = "other", level
		default:
			code = level // refused by the validation, by the field
		}
		out = append(out, cvs.EducationInput{Level: code, Field: field})
	}
	return out
}

// joinValues writes a CV's list of values as the form sends them, one a line.
func joinValues[T ~string](vs []T) string {
	s := make([]string, len(vs))
	for i, v := range vs {
		s[i] = string(v)
	}
	return strings.Join(s, "\n")
}

// hitFacts is a hit's line of facts: its two longest jobs with their years
// (one title's years added up),
// when it can start, and its driving licences ("Erfaring: Lagermedarbejder
// 6 år, Pakkerimedarbejder 2 år · Ledig nu · Kørekort B, C"), as HTML:
// the CV's own words (a job's title, a field of education) are Danish
// and marked so, or a screen reader reads them with English sounds on
// an English page (WCAG 3.1.2).
func hitFacts(lang i18n.Lang, c *jobmatch.Candidate, today string, education, hired bool) string {
	esc := html.EscapeString
	da := func(s string) string { return `<span lang="da">` + esc(s) + `</span>` }
	var parts []string
	if len(c.Experience) > 0 {
		// One occupation is one line of its years, under the title the
		// CV gives most of them: "Lagermedarbejder 10,5 år" for 8 years
		// so titled and 2,5 as "Lagerarbejder" (the line said 8, where
		// the search read "10 års erfaring" of the occupation). A title
		// without an occupation is its own, at any employer.
		type job struct {
			key    string
			years  float64
			titles map[string]float64
		}
		var jobs0 []*job
		for _, e := range c.Experience {
			key := "title:" + strings.ToLower(strings.TrimSpace(e.Title))
			if e.Occupation != "" {
				key = e.Occupation
			}
			i := slices.IndexFunc(jobs0, func(j *job) bool { return j.key == key })
			if i < 0 {
				i = len(jobs0)
				jobs0 = append(jobs0, &job{key: key, titles: map[string]float64{}})
			}
			jobs0[i].years += e.Years
			jobs0[i].titles[e.Title] += e.Years
		}
		var exp []jobmatch.Experience
		for _, j := range jobs0 {
			best, most := "", -1.0
			for _, e := range c.Experience { // in the CV's order, the first of equal years
				if y, ok := j.titles[e.Title]; ok && y > most {
					best, most = e.Title, y
				}
			}
			exp = append(exp, jobmatch.Experience{Title: best, Years: j.years})
		}
		slices.SortStableFunc(exp, func(a, b jobmatch.Experience) int { return cmp.Compare(b.Years, a.Years) })
		var jobs []string
		for _, e := range exp[:min(2, len(exp))] {
			jobs = append(jobs, da(e.Title)+" "+esc(i18n.Trimmed(lang, e.Years, 1)+" "+yearsWord(lang, e.Years)))
		}
		parts = append(parts, esc(i18n.T(lang, "cand.experience"))+": "+strings.Join(jobs, ", "))
	}
	// When the search asked for an education ("akademiker", "ufaglært",
	// the filter), the highest one the CV names says why it was found.
	if e, ok := highestEducation(c.Education); education && ok {
		what := da(e.Field)
		if e.Field == "" {
			what = esc(i18n.T(lang, "edu."+e.Level))
		}
		parts = append(parts, esc(i18n.T(lang, "cand.education"))+": "+what)
	} else if education {
		parts = append(parts, esc(i18n.T(lang, "cand.no_education")))
	}
	switch {
	case hired:
	case c.AvailableFrom.IsZero() || c.AvailableFrom.Format(time.DateOnly) <= today:
		parts = append(parts, esc(i18n.T(lang, "emp.available_now")))
	default:
		parts = append(parts, esc(i18n.T(lang, "cv.can_start")+" "+dateIn(lang, c.AvailableFrom)))
	}
	if len(c.DrivingLicences) > 0 {
		// One licence is "Driving licence B" ("Kørekort" either way).
		word := "cand.licences"
		if len(c.DrivingLicences) == 1 {
			word = "cand.licence_one"
		}
		parts = append(parts, esc(i18n.T(lang, word)+" "+strings.Join(c.DrivingLicences, ", ")))
	}
	// Part-time only is worth a consultant's glance; full-time is the rule.
	if slices.Equal(c.Hours, []jobmatch.Hours{jobmatch.HoursPart}) {
		parts = append(parts, esc(i18n.T(lang, "cand.wants_part")))
	}
	return strings.Join(parts, " · ")
}
