package api

import (
	"errors"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/intake"
	"jobmatch/app/staff"
	"jobmatch/web"
)

// foundation holds the handlers of the one entry point, staff sessions and
// the lists.
type foundation struct {
	srv *web.Server
	u   UseCases
}

// RegisterFoundation adds the one entry point, staff sessions and the lists.
func RegisterFoundation(srv *web.Server, u UseCases) {
	s := &foundation{srv: srv, u: u}
	g := srv.Group()
	pub := srv.PublicRateLimit()
	g.POST("/vacancies", s.postVacancy, pub)
	g.POST("/requests", s.postRequest, pub)
	g.POST("/auth/login", s.login, srv.PublicRateLimit())
	g.POST("/auth/logout", s.logout)
	g.GET("/auth/me", s.me, web.RequireRole(web.Staff...))
	g.GET("/openapi.json", serveOpenAPI)

	// Management reads figures only: none of these.
	ops := web.RequireRole(web.Operational...)
	g.GET("/vacancies", s.listVacancies, ops)
	g.GET("/vacancies/:id", s.getVacancy, ops)
	g.GET("/requests", s.listRequests, ops)
	g.GET("/requests/:id", s.getRequest, ops)
	g.GET("/companies", s.listCompanies, ops)
	g.GET("/companies/:cvr", s.getCompany, ops)
	g.PUT("/companies/:cvr/consultant", s.reassign, web.RequireRole(jobmatch.RoleAdmin))
	g.POST("/users", s.createUser, web.RequireRole(jobmatch.RoleAdmin))
	g.GET("/users", s.listUsers, web.RequireRole(jobmatch.RoleAdmin))
	g.PATCH("/users/:id", s.updateUser, web.RequireRole(jobmatch.RoleAdmin))
	g.GET("/consultants", s.listConsultants, ops)
}

func (s *foundation) actor(c echo.Context) *jobmatch.User { return web.CurrentUser(c) }

func (s *foundation) postVacancy(c echo.Context) error {
	var in intake.VacancyInput
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	ch := jobmatch.ChannelAPI
	key, err := web.IdempotencyKey(c)
	if err != nil {
		return err
	}
	return s.submit(c, web.IntakeSubmission{Kind: "vacancy", CVR: in.Company.CVR, Texts: in.Texts(), Email: in.Company.Contact.Email, Phone: in.Company.Contact.Phone, Key: key},
		func() (*jobmatch.Receipt, error) {
			return s.u.Intake.SubmitVacancy(c.Request().Context(), in, ch, s.actor(c), key)
		})
}

func (s *foundation) postRequest(c echo.Context) error {
	var in intake.RequestInput
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	key, err := web.IdempotencyKey(c)
	if err != nil {
		return err
	}
	// The same caller about the same topic logged by staff within
	// companies.RepeatWindow: filed (the hotline's page asks first; a
	// program may mean it), and the receipt names the one before
	// (repeat_of), as the page does.
	var repeat *jobmatch.Request
	if s.actor(c) != nil {
		repeat, _ = s.u.Companies.LoggedAlready(c.Request().Context(), in.Company.CVR, in.Topic, in.Company.Contact.Phone, in.Company.Contact.Email)
	}
	return s.submit(c, web.IntakeSubmission{Kind: "request", CVR: in.Company.CVR, Texts: in.Texts(), Email: in.Company.Contact.Email, Phone: in.Company.Contact.Phone, Key: key},
		func() (*jobmatch.Receipt, error) {
			r, err := s.u.Intake.SubmitRequest(c.Request().Context(), in, s.actor(c), key)
			if err == nil && repeat != nil && repeat.ID != r.ID {
				rc := *r
				rc.RepeatOf = repeat.ID
				return &rc, nil
			}
			return r, err
		})
}

// submit files an anonymous submission within the public entry's budgets
// (web.Server.ClaimIntake: 429 past them); the same texts for the same CVR
// number sent again the same day are answered with the earlier receipt,
// filed and mailed once. Staff are not limited.
func (s *foundation) submit(c echo.Context, sub web.IntakeSubmission, file func() (*jobmatch.Receipt, error)) error {
	claim, earlier, err := s.srv.ClaimIntake(c, sub)
	if err != nil {
		return err
	}
	if earlier != nil {
		return s.created(c, earlier)
	}
	r, err := file()
	if err != nil {
		claim.Release()
		return err
	}
	claim.Filed(r)
	return s.created(c, r)
}

func (s *foundation) created(c echo.Context, r *jobmatch.Receipt) error {
	out := *r
	if r.StatusURL != "" { // none to another sender of the same texts
		out.StatusURL = web.AbsoluteURL(c, r.StatusURL)
		c.Response().Header().Set(echo.HeaderLocation, out.StatusURL)
	}
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

func (s *foundation) login(c echo.Context) error {
	var in loginInput
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	if err := s.u.Env.Validator().Validate(in); err != nil {
		return err
	}
	token, u, err := s.srv.Login(c, in.Email, in.Password)
	if errors.Is(err, jobmatch.ErrUnauthorized) {
		return web.ErrBadCredentials
	}
	if err != nil {
		return err
	}
	web.SetSessionCookie(c, token)
	return c.JSON(http.StatusOK, loginOutput{Token: token, TokenType: "Bearer", ExpiresIn: int((12 * time.Hour).Seconds()), User: u})
}

func (s *foundation) logout(c echo.Context) error {
	if t, ok := c.Get("token").(string); ok {
		if err := s.u.Staff.Logout(c.Request().Context(), t); err != nil {
			return err
		}
	}
	web.ClearSessionCookie(c)
	return c.NoContent(http.StatusNoContent)
}

func (s *foundation) me(c echo.Context) error { return c.JSON(http.StatusOK, web.CurrentUser(c)) }

// scope reads the consultant= ("me" or an id) and cvr= filters of a list.
func scope(c echo.Context) string {
	if cvr := c.QueryParam("cvr"); cvr != "" {
		return "company:" + jobmatch.NormalizeCVR(cvr)
	}
	switch id := c.QueryParam("consultant"); id {
	case "":
		return ""
	case "me":
		return "consultant:" + web.CurrentUser(c).ID
	default:
		return "consultant:" + jobmatch.NormalizeEmail(id)
	}
}

func (s *foundation) listVacancies(c echo.Context) error {
	q, err := web.ListParams(c)
	if err != nil {
		return err
	}
	q.Scope = scope(c)
	p, err := s.u.Intake.Vacancies(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *foundation) listRequests(c echo.Context) error {
	q, err := web.ListParams(c)
	if err != nil {
		return err
	}
	q.Scope = scope(c)
	p, err := s.u.Intake.Requests(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *foundation) listCompanies(c echo.Context) error {
	q, err := web.ListParams(c)
	if err != nil {
		return err
	}
	q.Scope = scope(c)
	if strings.HasPrefix(q.Scope, "company:") {
		q.Scope = ""
	}
	p, err := s.u.Companies.Companies(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *foundation) getVacancy(c echo.Context) error {
	v, err := s.u.Intake.Vacancy(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, v)
}

func (s *foundation) getRequest(c echo.Context) error {
	r, err := s.u.Intake.Request(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, r)
}

type companyOutput struct {
	*jobmatch.Company
	ContactPerson jobmatch.ContactPerson `json:"contact_person"`
}

func (s *foundation) getCompany(c echo.Context) error {
	co, err := s.u.Companies.Company(c.Request().Context(), c.Param("cvr"))
	if err != nil {
		return err
	}
	cp, err := s.u.Companies.ContactPersonOf(c.Request().Context(), co)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, companyOutput{Company: co, ContactPerson: cp})
}

type reassignInput struct {
	ConsultantID string `json:"consultant_id" validate:"required,email"`
	Reason       string `json:"reason" validate:"max=500,runes"`
}

func (s *foundation) reassign(c echo.Context) error {
	var in reassignInput
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	if err := s.u.Env.Validator().Validate(in); err != nil {
		return err
	}
	co, moved, err := s.u.Companies.Reassign(c.Request().Context(), c.Param("cvr"), in.ConsultantID, web.CurrentUser(c).ID, in.Reason)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, reassigned{Company: co, RequestsMoved: moved.Requests, VacanciesMoved: moved.Vacancies})
}

// reassigned is the company as moved, with the open work that went with
// it (the bulk move said how much; the single one said nothing).
type reassigned struct {
	*jobmatch.Company
	RequestsMoved  int `json:"requests_moved"`
	VacanciesMoved int `json:"vacancies_moved"`
}

func (s *foundation) createUser(c echo.Context) error {
	var in staff.NewUser
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.u.Staff.CreateUser(c.Request().Context(), web.CurrentUser(c), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusCreated, u)
}

// updateUser is an admin's change of a user: deactivated (logged out at
// once), another role, name or phone, or a new password.
func (s *foundation) updateUser(c echo.Context) error {
	var in staff.UserPatch
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	u, err := s.u.Staff.UpdateUser(c.Request().Context(), web.CurrentUser(c), c.Param("id"), in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, u)
}

func (s *foundation) listUsers(c echo.Context) error {
	q, err := web.ListParams(c)
	if err != nil {
		return err
	}
	p, err := s.u.Staff.Users(c.Request().Context(), q)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, p)
}

func (s *foundation) listConsultants(c echo.Context) error {
	us, err := s.u.Staff.Consultants(c.Request().Context())
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, app.Page[*jobmatch.User]{Items: us, Total: int64(len(us))})
}
