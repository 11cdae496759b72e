package api

import (
	"net/http"
	"strconv"

	"github.com/labstack/echo/v4"

	"jobmatch/app"
)

// RegisterCompanySearch adds GET /api/v1/companies/search?q= for the
// hotline and consultants: CVR digits or part of the name, while typing.
func RegisterCompanySearch(s *Server, cs *app.CompanySearch) {
	s.Group().GET("/companies/search", func(c echo.Context) error {
		limit, _ := strconv.Atoi(c.QueryParam("limit"))
		p, err := cs.Search(c.Request().Context(), c.QueryParam("q"), limit)
		if err != nil {
			return err
		}
		return c.JSON(http.StatusOK, p)
	}, RequireRole(Staff...))
}
