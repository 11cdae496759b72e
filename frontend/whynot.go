package frontend

import (
	"net/http"

	"github.com/labstack/echo/v4"

	"jobmatch/api"
	"jobmatch/app"
	"jobmatch/matcher"
)

func init() {
	routes = append(routes, func(f *Frontend, public, staff *echo.Group) {
		public.GET("/about/matching", f.aboutMatching)
		staff.GET("/vacancies/:id/whynot", f.whyNot, f.requireCVReader)
	})
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
	X           *app.Explanation
}

// whyNot is the "why not …?" panel: a CV's score in parts beside the last
// shortlisted candidate's, or the hard criterion that left it out.
func (f *Frontend) whyNot(c echo.Context) error {
	d := whyNotPage{VacancyID: c.Param("id"), CandidateID: c.QueryParam("candidate_id")}
	if d.CandidateID != "" && f.cfg.Matching != nil {
		x, err := f.cfg.Matching.Explain(c.Request().Context(), api.CurrentUser(c), d.VacancyID, d.CandidateID)
		if err != nil {
			return err
		}
		d.X = x
	}
	return f.render(c, http.StatusOK, "whynot", "page.whynot", d, nil)
}
