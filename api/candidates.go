package api

import (
	"encoding/csv"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/cvs"
	"jobmatch/i18n"
	"jobmatch/web"
)

// RegisterCandidates adds the CV endpoints: only consultants and admins read
// CVs (the hotline sees none), and every read and search is audited.
func RegisterCandidates(s *web.Server, cs *cvs.Service, audit *app.Audit) {
	h := &candidateHandlers{s: s, cs: cs, audit: audit}
	g := s.Group()
	cv := web.RequireRole(jobmatch.RoleConsultant, jobmatch.RoleAdmin)
	g.POST("/candidates", h.create, cv)
	g.GET("/candidates/search", h.search, cv)
	s.OwnBodyLimit(http.MethodPost, "/candidates/import", h.importFile, "2G", cv)
	g.GET("/candidates/:id", h.get, cv)
	g.PUT("/candidates/:id", h.update, cv)
	g.DELETE("/candidates/:id", h.erase, cv)
	g.GET("/jobs/:id", h.job, cv)
	g.GET("/taxonomy/occupations", h.suggestOccupations, web.RequireRole(web.Staff...))
	g.GET("/taxonomy/skills", h.suggestSkills, web.RequireRole(web.Staff...))
	g.GET("/audit", h.auditLog, web.RequireRole(jobmatch.RoleAdmin))
}

type candidateHandlers struct {
	s     *web.Server
	cs    *cvs.Service
	audit *app.Audit
}

func (h *candidateHandlers) create(c echo.Context) error {
	var in cvs.CandidateInput
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	// If-None-Match: * is a create only (RFC 9110 §13.1.2): a case
	// number another CV has is 409 ref_taken, nothing written; without it
	// the CV of that case number is updated, as documented.
	var cand *jobmatch.Candidate
	created := true
	var err error
	if strings.TrimSpace(c.Request().Header.Get("If-None-Match")) == "*" {
		cand, err = h.cs.Create(c.Request().Context(), web.CurrentUser(c), in)
	} else {
		cand, created, err = h.cs.Save(c.Request().Context(), web.CurrentUser(c), in)
	}
	if err != nil {
		return err
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	return c.JSON(status, cand)
}

func (h *candidateHandlers) update(c echo.Context) error {
	var in cvs.CandidateInput
	if err := web.DecodeJSON(c, &in); err != nil {
		return err
	}
	// An edit of the version the client read is refused when someone
	// saved the CV since (409); without a version the last save wins.
	// Either way a CV erased meanwhile is not written back (404).
	version := in.Version
	if version == 0 {
		version = -1
	}
	cand, err := h.cs.Edit(c.Request().Context(), web.CurrentUser(c), c.Param("id"), version, in)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cand)
}

func (h *candidateHandlers) get(c echo.Context) error {
	cand, err := h.cs.Get(c.Request().Context(), web.CurrentUser(c), c.Param("id"), c.QueryParam("why"))
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, cand)
}

func (h *candidateHandlers) erase(c echo.Context) error {
	if err := h.cs.Erase(c.Request().Context(), web.CurrentUser(c), c.Param("id"), c.QueryParam("why")); err != nil {
		return err
	}
	return c.NoContent(http.StatusNoContent)
}

func (h *candidateHandlers) search(c echo.Context) error {
	p, err := web.SearchParamsFrom(c)
	if err != nil {
		return err
	}
	res, err := h.cs.Search(c.Request().Context(), web.CurrentUser(c), p)
	if err != nil {
		return err
	}
	return c.JSON(http.StatusOK, res)
}

// importFile takes NDJSON or CSV as the body (by Content-Type or ?format=),
// spools it to a temporary file and answers 202 with the job to follow.
func (h *candidateHandlers) importFile(c echo.Context) error {
	format := c.QueryParam("format")
	if format == "" {
		ct := c.Request().Header.Get(echo.HeaderContentType)
		switch {
		case strings.HasPrefix(ct, "text/csv"):
			format = "csv"
		case strings.HasPrefix(ct, "application/x-ndjson"), strings.HasPrefix(ct, "application/jsonl"), strings.HasPrefix(ct, "application/json"):
			format = "ndjson"
		default:
			return jobmatch.Invalid("format", "oneof", "ndjson csv")
		}
	}
	job, err := h.cs.StartImportJob(c.Request().Context(), web.CurrentUser(c), c.Request().Body, format, spool)
	if err != nil {
		return err
	}
	c.Response().Header().Set(echo.HeaderLocation, "/api/v1/jobs/"+job.ID)
	return c.JSON(http.StatusAccepted, job)
}

// spool copies the body to a temporary file that is removed when closed.
func spool(r io.Reader) (io.ReadCloser, error) {
	f, err := os.CreateTemp("", "jobmatch-import-*")
	if err != nil {
		return nil, fmt.Errorf("api: spool import: %w", err)
	}
	if _, err := io.Copy(f, r); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, web.JSONError(err)
	}
	if _, err := f.Seek(0, io.SeekStart); err != nil {
		f.Close()
		os.Remove(f.Name())
		return nil, err
	}
	return removeOnClose{f}, nil
}

type removeOnClose struct{ *os.File }

func (r removeOnClose) Close() error {
	err := r.File.Close()
	os.Remove(r.File.Name())
	return err
}

func (h *candidateHandlers) job(c echo.Context) error {
	j, err := h.cs.Job(c.Request().Context(), c.Param("id"))
	if err != nil {
		return err
	}
	// Each rejected row says what is wrong in the reader's language, as a
	// field error of a request does ("max_commute_km max" said nothing
	// of the bound).
	for i, e := range j.Progress.Errors {
		if e.Message == "" {
			j.Progress.Errors[i].Message = i18n.FieldMessage(web.Lang(c), e.FieldError())
		}
	}
	return c.JSON(http.StatusOK, j)
}

type suggestion struct {
	URI   string  `json:"uri"`
	Label string  `json:"label"`
	Score float64 `json:"score"`
}

func (h *candidateHandlers) suggestOccupations(c echo.Context) error {
	q := c.QueryParam("q")
	if len(q) < 2 || len(q) > 100 {
		return jobmatch.Invalid("q", "min", "2")
	}
	lang := "da"
	if c.QueryParam("lang") == "en" {
		lang = "en"
	}
	tax := h.cs.Taxonomy()
	out := []suggestion{}
	for _, m := range tax.SuggestOccupations(q, lang, limitParam(c, 10)) {
		out = append(out, suggestion{URI: m.URI, Label: m.Form, Score: m.Score})
	}
	return c.JSON(http.StatusOK, map[string]any{"items": out})
}

func (h *candidateHandlers) suggestSkills(c echo.Context) error {
	q := c.QueryParam("q")
	if len(q) < 2 || len(q) > 100 {
		return jobmatch.Invalid("q", "min", "2")
	}
	out := []suggestion{}
	for _, m := range h.cs.Taxonomy().SuggestSkills(q, limitParam(c, 10)) {
		out = append(out, suggestion{URI: m.URI, Label: m.Form, Score: m.Score})
	}
	return c.JSON(http.StatusOK, map[string]any{"items": out})
}

func limitParam(c echo.Context, def int) int {
	if n, err := strconv.Atoi(c.QueryParam("limit")); err == nil && n > 0 && n <= 50 {
		return n
	}
	return def
}

func (h *candidateHandlers) auditLog(c echo.Context) error {
	q, err := web.ListParams(c)
	if err != nil {
		return err
	}
	p, err := h.audit.List(c.Request().Context(), q)
	if err != nil {
		return err
	}
	if c.QueryParam("format") == "csv" {
		c.Response().Header().Set(echo.HeaderContentType, "text/csv; charset=utf-8")
		c.Response().Header().Set("Content-Disposition", `attachment; filename="audit.csv"`)
		if p.NextCursor != "" {
			c.Response().Header().Set("X-Next-Cursor", p.NextCursor)
		}
		w := csv.NewWriter(c.Response())
		_ = w.Write([]string{"id", "at", "actor", "action", "subjects", "reason", "vacancy_id", "match_run_id", "query", "count"})
		for _, e := range p.Items {
			_ = w.Write([]string{e.ID, e.At.Format("2006-01-02T15:04:05Z07:00"), csvText(e.Actor), e.Action, strings.Join(e.Subjects, " "), csvText(e.Reason), e.VacancyID, e.MatchRunID, csvText(e.Query), strconv.Itoa(e.Count)})
		}
		w.Flush()
		return w.Error()
	}
	return c.JSON(http.StatusOK, p)
}

// csvText keeps a text a text in a spreadsheet: a cell that begins with
// = + - @ (or a tab or carriage return) is a formula to Excel and
// LibreOffice ("=HYPERLINK(…)" in a consultant's note), so it gets a
// leading apostrophe, as OWASP advises. Danish Excel opens a CSV split at
// semicolons, which the comma-separated file does not quote, so every
// part after one is kept a text the same way ("x;=cmd|…" is two cells).
func csvText(s string) string {
	parts := strings.Split(s, ";")
	for i, p := range parts {
		t := strings.TrimLeft(p, " ")
		if t != "" && strings.ContainsRune("=+-@\t\r", rune(t[0])) {
			parts[i] = p[:len(p)-len(t)] + "'" + t
		}
	}
	return strings.Join(parts, ";")
}
