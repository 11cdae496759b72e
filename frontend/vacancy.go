package frontend

import (
	"errors"
	"fmt"
	"net/http"
	"net/url"
	"slices"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/matching"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/matcher"
	"jobmatch/web"
)

func (f *Frontend) registerVacancy(public, staff *echo.Group) {
	staff.GET("/vacancies", f.vacancyList, f.requireCVReader)
	if f.cfg.Matching == nil {
		return
	}
	staff.GET("/vacancies/:id", f.vacancyView, f.requireCVReader)
}

type vacancyPage struct {
	Vacancy    *jobmatch.Vacancy
	Matches    *matching.MatchPage
	Params     url.Values
	Criteria   []criterionView
	Weights    []weightView
	Next       string
	Lang       string
	Components []string
	Shortlist  []shortlistRow
	// Listed are the stages of the candidates on the shortlist, by
	// candidate id: a match card says where the person is ("på
	// kortlisten: trukket tilbage"), not only that they are on it.
	Listed map[string]jobmatch.Stage
	// Busy are the ranked candidates in process on other open vacancies,
	// or hired from one.
	Busy  map[string]screening.Busy
	Today string
	// Computed is when the ranking was made (this request): the page says
	// it, not the run's internal id, which said nothing to a consultant.
	Computed time.Time
	// Cards are the ranked candidates worded for the page's language;
	// ReadAs the occupations the title was read as.
	Cards  []matchCard
	ReadAs []readAs
	// Personal are the words of the employer's text that say gender or
	// ethnic origin ("kvindelig"): the consultant takes them up with the
	// employer, and the matching does not use them.
	Personal string
	// Ended: the vacancy is filled or closed. Nobody is ranked for it
	// (each view recorded a run ranking every citizen, and the
	// shortlist's buttons all failed); the shortlist is read-only, with
	// its history, and LastRun, when there is one, the latest ranking.
	Ended   bool
	LastRun *jobmatch.MatchRun
	// TotalShown is the count of the matches in the heading, "mindst 284"
	// when retrieval stopped at its depth: the same on every page.
	TotalShown string
}

func init() {
	i18n.Register(map[string][2]string{
		"match.total_at_least": {"mindst %d", "at least %d"},
	})
}

type criterionView struct {
	Name string
	On   bool
}

type weightView struct {
	Name  string
	Value float64
}

// personalNote is the message key's sentence with the words of v's text
// that say gender or ethnic origin ("kvindelig"), or "" when it has none
// (or v is nil).
func personalNote(c echo.Context, v *jobmatch.Vacancy, key string) string {
	if v == nil {
		return ""
	}
	words := v.PersonalWords()
	if len(words) == 0 {
		return ""
	}
	return fmt.Sprintf(tr(c, key), strings.Join(words, tr(c, "cand.not_searched_sep")))
}

// vacancyView shows a vacancy with its ranked candidates: the consultant
// can require or relax each criterion and move the weights (a plain GET
// form, so it works without JavaScript and the URL can be shared).
// weightViews are the components' weights as q sets them, the defaults
// where it does not.
func weightViews(q matching.Query) []weightView {
	def := matcher.DefaultWeights()
	out := make([]weightView, 0, len(matcher.Components))
	for _, n := range matcher.Components {
		w := def[n]
		if x, ok := q.Weights[n]; ok {
			w = x
		}
		out = append(out, weightView{n, w})
	}
	return out
}

func (f *Frontend) vacancyView(c echo.Context) error {
	ctx := c.Request().Context()
	v, err := f.cfg.Intake.Vacancy(ctx, c.Param("id"))
	if err != nil {
		return err
	}
	d := vacancyPage{Vacancy: v, Params: c.QueryParams(), Lang: string(web.Lang(c)), Components: matcher.Components}
	d.Personal = personalNote(c, v, "vac.personal")
	if v.Status.Ended() {
		return f.endedVacancyView(c, d)
	}
	q, err := web.MatchQueryFrom(c)
	if err == nil && c.QueryParam("set") == "1" {
		// The form sends every criterion: checked ones are required, the
		// others relaxed.
		q.Require, q.Relax = nil, nil
		on := c.QueryParams()["require"]
		for _, n := range []string{"distance", "availability", "licence", "language", "consent", "eligibility", "hours"} {
			if slices.Contains(on, n) {
				q.Require = append(q.Require, n)
			} else {
				q.Relax = append(q.Relax, n)
			}
		}
	}
	if err == nil {
		d.Matches, err = f.cfg.Matching.VacancyMatches(ctx, web.CurrentUser(c), v.ID, q)
	}
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		// The criteria and weights as sent, the errors at their fields,
		// the shortlist as ever: the consultant corrects one number (it
		// was a page without the form's fields or the shortlist).
		on := c.QueryParams()["require"]
		for _, n := range []string{"distance", "availability", "licence", "language", "consent", "eligibility", "hours"} {
			d.Criteria = append(d.Criteria, criterionView{n, slices.Contains(on, n)})
		}
		d.Weights = weightViews(q)
		if d.Shortlist, err = f.shortlistRows(c, v.ID); err != nil {
			return err
		}
		return f.render(c, http.StatusUnprocessableEntity, "vacancy", "page.vacancy", d, fieldMessages(web.Lang(c), ve))
	}
	if err != nil {
		return err
	}
	d.TotalShown = fmt.Sprint(d.Matches.Total)
	if d.Matches.TotalAtLeast {
		d.TotalShown = fmt.Sprintf(tr(c, "match.total_at_least"), d.Matches.Total)
	}
	cr := d.Matches.Criteria
	d.Criteria = []criterionView{{"distance", cr.Distance}, {"availability", cr.Availability}, {"licence", cr.Licence},
		{"language", cr.Language}, {"consent", cr.Consent}, {"eligibility", cr.Eligibility}, {"hours", cr.Hours}}
	d.Weights = weightViews(q)
	if d.Shortlist, err = f.shortlistRows(c, v.ID); err != nil {
		return err
	}
	d.Listed = map[string]jobmatch.Stage{}
	for _, r := range d.Shortlist {
		d.Listed[r.CandidateID] = r.Stage
	}
	d.Computed = f.cfg.Env.Now()
	d.Today = d.Computed.In(jobmatch.Copenhagen).Format("2006-01-02")
	lang := web.Lang(c)
	ids := make([]string, 0, len(d.Matches.Items))
	for _, it := range d.Matches.Items {
		d.Cards = append(d.Cards, newMatchCard(lang, it))
		ids = append(ids, it.CandidateID)
	}
	if f.cfg.Screening != nil {
		if d.Busy, err = f.cfg.Screening.Elsewhere(ctx, web.CurrentUser(c), v.ID, ids); err != nil {
			return err
		}
	}
	// One line per title: "Lager- og logistikmedarbejder" stands for
	// lagerarbejder and for its industry variants; the first (the best
	// read) names the concept, or the next when the first is the title's
	// own ("Svejser (ESCO-begreb: laserstrålesvejser)": the Danish page
	// said "Svejser" alone, where the English one, with "welder" for
	// svejser, named the laser beam welder too).
	shown := map[string]int{}
	for _, o := range d.Matches.Occupations {
		r := newReadAs(lang, o)
		at, ok := shown[strings.ToLower(r.Title)]
		if !ok {
			shown[strings.ToLower(r.Title)] = len(d.ReadAs)
			d.ReadAs = append(d.ReadAs, r)
			continue
		}
		if d.ReadAs[at].Concept == "" {
			d.ReadAs[at].Concept = r.Concept
		}
	}
	if d.Matches.NextCursor != "" {
		nq := c.QueryParams()
		nq.Set("cursor", d.Matches.NextCursor)
		d.Next = "/staff/vacancies/" + v.ID + "?" + nq.Encode()
	}
	return f.render(c, http.StatusOK, "vacancy", "page.vacancy", d, nil)
}

// endedVacancyView is the page of a filled or closed vacancy: what it was,
// its shortlist read-only with each entry's history and interviews, and a
// line that nobody is ranked any more, linking the latest ranking.
func (f *Frontend) endedVacancyView(c echo.Context, d vacancyPage) error {
	ctx, by := c.Request().Context(), web.CurrentUser(c)
	d.Ended = true
	var err error
	if d.LastRun, err = f.cfg.Matching.LastRun(ctx, by, d.Vacancy.ID); err != nil {
		return err
	}
	if d.Shortlist, err = f.shortlistRows(c, d.Vacancy.ID); err != nil {
		return err
	}
	for i := range d.Shortlist {
		d.Shortlist[i].Next = nil
	}
	d.Computed = f.cfg.Env.Now()
	d.Today = d.Computed.In(jobmatch.Copenhagen).Format(time.DateOnly)
	return f.render(c, http.StatusOK, "vacancy", "page.vacancy", d, nil)
}

// HeldDay is the day the "samtale holdt" form offers for the interview
// held: the latest interview booked on the entry (not cancelled) that has
// begun by today, in Copenhagen; today when none has. It offered today
// while the interview was booked for another day, and a consultant who
// recorded it the day after recorded the wrong day. A booking still to
// come is not offered: an interview held cannot be in the future.
func (r shortlistRow) HeldDay(today string) string {
	day := ""
	for _, iv := range r.Invites {
		if iv.Status == "cancelled" {
			continue
		}
		if d := iv.Start.In(jobmatch.Copenhagen).Format(time.DateOnly); d <= today && d > day {
			day = d
		}
	}
	if day == "" {
		return today
	}
	return day
}
