package frontend

import (
	"net/http"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch/app/cvs"
	"jobmatch/app/matching"
	"jobmatch/matcher"
	"jobmatch/web"
)

func (f *Frontend) registerWhyNot(public, staff *echo.Group) {
	public.GET("/about/matching", f.aboutMatching)
	staff.GET("/vacancies/:id/whynot", f.whyNot, f.requireCVReader)
}

// aboutMatching states what the ranking uses and never uses, its default
// weights and evaluation figures, and that a person decides.
func (f *Frontend) aboutMatching(c echo.Context) error {
	type weight struct {
		Name  string
		Value float64
	}
	var ws []weight
	for _, n := range []string{"text", "required_skills", "occupation", "experience", "distance", "desired_skills", "availability", "languages", "licence"} {
		if v, ok := matcher.DefaultWeights()[n]; ok {
			ws = append(ws, weight{n, v})
		}
	}
	return f.render(c, http.StatusOK, "about_matching", "page.about_matching", ws, nil)
}

type whyNotPage struct {
	VacancyID   string
	CandidateID string
	Q           string
	// Found are the CVs the search for Q found, to pick one from.
	Found []cvs.SearchHit
	X     *matching.Explanation
}

// whyNot is the "why not …?" panel: the consultant searches for a CV by
// name, title or any word (the CV search, audited as such), picks one, and
// sees its score in parts beside the last shortlisted candidate's, or the
// hard criterion that left it out.
func (f *Frontend) whyNot(c echo.Context) error {
	d := whyNotPage{VacancyID: c.Param("id"), CandidateID: c.QueryParam("candidate_id"), Q: strings.TrimSpace(c.QueryParam("q"))}
	if d.Q != "" && d.CandidateID == "" && f.cfg.CVs != nil {
		res, err := f.cfg.CVs.Search(c.Request().Context(), web.CurrentUser(c), cvs.SearchParams{Q: d.Q, Limit: 10, Why: d.VacancyID})
		if err != nil {
			return err
		}
		d.Found = res.Items
	}
	if d.CandidateID != "" && f.cfg.Matching != nil {
		x, err := f.cfg.Matching.Explain(c.Request().Context(), web.CurrentUser(c), d.VacancyID, d.CandidateID)
		if err != nil {
			return err
		}
		d.X = x
	}
	return f.render(c, http.StatusOK, "whynot", "page.whynot", d, nil)
}
