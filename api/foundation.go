package api

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
)

// registerFoundation adds the one entry point, staff sessions and the lists.
func (s *Server) registerFoundation() {
	g := s.Group()
	pub := s.PublicRateLimit()
	g.POST("/vacancies", s.postVacancy, pub)
	g.POST("/requests", s.postRequest, pub)
	g.POST("/auth/login", s.login, s.PublicRateLimit())
	g.POST("/auth/logout", s.logout)
	g.GET("/auth/me", s.me, RequireRole(Staff...))
	g.GET("/openapi.json", s.openapi)

	// Management reads figures only: none of these.
	ops := RequireRole(Operational...)
	g.GET("/vacancies", s.listVacancies, ops)
	g.GET("/vacancies/:id", s.getVacancy, ops)
	g.GET("/requests", s.listRequests, ops)
	g.GET("/requests/:id", s.getRequest, ops)
	g.GET("/companies", s.listCompanies, ops)
	g.GET("/companies/:cvr", s.getCompany, ops)
	g.PUT("/companies/:cvr/consultant", s.reassign, RequireRole(jobmatch.RoleAdmin))
	g.POST("/users", s.createUser, RequireRole(jobmatch.RoleAdmin))
	g.GET("/users", s.listUsers, RequireRole(jobmatch.RoleAdmin))
	g.GET("/consultants", s.listConsultants, ops)
}

// AbsoluteURL makes a path absolute on the public URL (--public-url),
// never from the request's Host header.
func AbsoluteURL(c echo.Context, path string) string { return PublicURL(c, path) }

func (s *Server) actor(c echo.Context) app.Actor { return CurrentUser(c) }

func (s *Server) postVacancy(c echo.Context) error {
	var in app.VacancyInput
	if err := DecodeJSON(c, &in); err != nil {
		return err
	}
	ch := jobmatch.ChannelAPI
	key, err := IdempotencyKey(c)
	if err != nil {
		return err
	}
	r, err := s.svc.SubmitVacancy(c.Request().Context(), in, ch, s.actor(c), key)
	if err != nil {
		return err
	}
	return s.created(c, r)
}

func (s *Server) postRequest(c echo.Context) error {
	var in app.RequestInput
	if err := DecodeJSON(c, &in); err != nil {
		return err
	}
	key, err := IdempotencyKey(c)
	if err != nil {
		return err
	}
	r, err := s.svc.SubmitRequest(c.Request().Context(), in, s.actor(c), key)
	if err != nil {
		return err
	}
	return s.created(c, r)
}

func (s *Server) created(c echo.Context, r *app.Receipt) error {
	out := *r
	out.StatusURL = AbsoluteURL(c, r.StatusURL)
	c.Response().Header().Set(echo.HeaderLocation, out.StatusURL)
	return c.JSON(http.StatusCreated, out)
}

type loginInput struct {
	Email    string `json:"email" validate:"required,email,max=200"`
	Password string `json:"password" validate:"required,max=200"`
}

type loginOutput struct {
	Token     string         `json:"token"`
	TokenType string         `json:"token_type"`
	ExpiresIn int            `json:"expires_in"`
	User      *jobmatch.User `json:"user"`
}

func (s *Server) login(c echo.Context) error {
	var in loginInput
	if err := DecodeJSON(c, &in); err != nil {
		return err
	}
	if err := s.svc.Validator().Validate(in); err != nil {
		return err
	}
	token, u, err := s.Login(c, in.Email, in.Password)
	if err != nil {
		return err
	}
	SetSessionCookie(c, token)
	return c.JSON(http.StatusOK, loginOutput{Token: token, TokenType: "Bearer", ExpiresIn: int((12 * time.Hour).Seconds()), User: u})
}

// SetSessionCookie sets the staff session cookie: HttpOnly, SameSite=Lax,
// Secure when the connection is https (TLS, an https public URL, or a
// trusted proxy's X-Forwarded-Proto).
func SetSessionCookie(c echo.Context, token string) {
	c.SetCookie(&http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: IsSecure(c), MaxAge: int((12 * time.Hour).Seconds()),
	})
}

// ClearSessionCookie removes the session cookie.
func ClearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

func (s *Server) logout(c echo.Context) error {
	if t, ok := c.Get("token").(string); ok {
		if err := s.svc.Logout(c.Request().Context(), t); err != nil {
			return err
		}
	}
	ClearSessionCookie(c)
	return c.NoContent(http.StatusNoContent)
}

func (s *Server) me(c echo.Context) error { return c.JSON(http.StatusOK, CurrentUser(c)) }

// ListParams reads limit and cursor, with field errors for bad values.
func ListParams(c echo.Context) (app.ListQuery, error) {
	q := app.ListQuery{Cursor: c.QueryParam("cursor"), Limit: 25}
	if l := c.QueryParam("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > app.MaxPageSize {
			return q, jobmatch.Invalid("limit", "lte", strconv.Itoa(app.MaxPageSize))
		}
		q.Limit = n
	}
	if len(q.Cursor) > 20 {
		return q, jobmatch.Invalid("cursor", "cursor", "")
	}
	return q, nil
}

// scope reads the consultant= ("me" or an id) and cvr= filters of a list.
func scope(c echo.Context) string {
	if cvr := c.QueryParam("cvr"); cvr != "" {
		return "company:" + jobmatch.NormalizeCVR(cvr)
	}
	switch id := c.QueryParam("consultant"); id {
	case "":
		return ""
	case "me":
		return "consultant:" + CurrentUser(c).ID
	default:
		return "consultant:" + jobmatch.NormalizeEmail(id)
	}
}

func (s *Server) listVacancies(c echo.Context) error {
	q, err := ListParams(c)
	if err != nil {
		return err
	}
	q.Scope = scope(c)
	p, err := s.svc.Vacancies(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *Server) listRequests(c echo.Context) error {
	q, err := ListParams(c)
	if err != nil {
		return err
	}
	q.Scope = scope(c)
	p, err := s.svc.Requests(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *Server) listCompanies(c echo.Context) error {
	q, err := ListParams(c)
	if err != nil {
		return err
	}
	q.Scope = scope(c)
	if strings.HasPrefix(q.Scope, "company:") {
		q.Scope = ""
	}
	p, err := s.svc.Companies(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *Server) getVacancy(c echo.Context) error {
	v, err := s.svc.Vacancy(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

func (s *Server) getRequest(c echo.Context) error {
	r, err := s.svc.Request(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

type companyOutput struct {
	*jobmatch.Company
	ContactPerson jobmatch.ContactPerson `json:"contact_person"`
}

func (s *Server) getCompany(c echo.Context) error {
	co, err := s.svc.Company(c.Request().Context(), c.Param("cvr"))
	if err != nil {
		return err
	}
	cp, err := s.svc.ContactPersonOf(c.Request().Context(), co)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, companyOutput{Company: co, ContactPerson: cp})
}

type reassignInput struct {
	ConsultantID string `json:"consultant_id" validate:"required,email"`
	Reason       string `json:"reason" validate:"max=500,runes"`
}

func (s *Server) reassign(c echo.Context) error {
	var in reassignInput
	if err := DecodeJSON(c, &in); err != nil {
		return err
	}
	if err := s.svc.Validator().Validate(in); err != nil {
		return err
	}
	co, err := s.svc.Reassign(c.Request().Context(), c.Param("cvr"), in.ConsultantID, CurrentUser(c).ID, in.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, co)
}

func (s *Server) createUser(c echo.Context) error {
	var in app.NewUser
	if err := DecodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.svc.CreateUser(c.Request().Context(), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, u)
}

func (s *Server) listUsers(c echo.Context) error {
	q, err := ListParams(c)
	if err != nil {
		return err
	}
	p, err := s.svc.Users(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *Server) listConsultants(c echo.Context) error {
	us, err := s.svc.Consultants(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, app.Page[*jobmatch.User]{Items: us, Total: int64(len(us))})
}
