package frontend

import (
	"errors"
	"net/http"
	"slices"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/intake"
	"jobmatch/web"
)

func (f *Frontend) registerHotline(public, staff *echo.Group) {
	if f.cfg.CompanySearch == nil {
		return
	}
	staff.GET("/hotline", f.hotline)
	staff.POST("/hotline", f.hotlineSubmit)
}

type hotlinePage struct {
	Q       string
	Hits    []companies.CompanyHit
	Company *jobmatch.Company
	New     bool // the company is not known yet: created when the call is saved
	// NewCVR is a whole CVR typed that no company has: the new company's.
	NewCVR string
	Owner  jobmatch.ContactPerson
	Values map[string]string
	Idem   string
	Topics []jobmatch.Topic
	// Today are the calls this user logged today, the latest first (of
	// the latest requests): what was just typed can be checked.
	Today []*jobmatch.Request
}

// todayScan is how many of the latest requests are read for a user's own
// of today; maxToday how many are shown.
const (
	todayScan = 40
	maxToday  = 10
)

// todaysCalls returns the requests the user by logged today, the latest
// first, among the latest todayScan requests (each read by _id).
func (f *Frontend) todaysCalls(c echo.Context, by *jobmatch.User) ([]*jobmatch.Request, error) {
	if by == nil {
		return nil, nil
	}
	page, err := f.cfg.Intake.Requests(c.Request().Context(), app.ListQuery{Limit: todayScan})
	if err != nil {
		return nil, err
	}
	today := f.cfg.Env.Now().In(jobmatch.Copenhagen).Format(time.DateOnly)
	var out []*jobmatch.Request
	for _, r := range page.Items {
		if r.LoggedBy == by.ID && r.ReceivedAt.In(jobmatch.Copenhagen).Format(time.DateOnly) == today && len(out) < maxToday {
			out = append(out, r)
		}
	}
	return out, nil
}

var hotlineTopics = []jobmatch.Topic{jobmatch.TopicVacancy, jobmatch.TopicRetention, jobmatch.TopicSubsidy, jobmatch.TopicLayoff, jobmatch.TopicOther}

// hotline is the hotline's page: type CVR digits or part of the name, pick
// the company (Enter on its link), fill in a few fields and save with
// Enter. Plain GET forms and links, so it works from the keyboard alone and
// without JavaScript.
func (f *Frontend) hotline(c echo.Context) error {
	ctx := c.Request().Context()
	d := hotlinePage{Q: c.QueryParam("q"), Values: map[string]string{"channel": "phone", "topic": "other"}, Idem: jobmatch.NewToken(), Topics: hotlineTopics}
	if d.Q != "" {
		p, err := f.cfg.CompanySearch.Search(ctx, d.Q, 10)
		var ve *jobmatch.ValidationError
		if errors.As(err, &ve) {
			return f.render(c, http.StatusUnprocessableEntity, "hotline", "page.hotline", d, fieldMessages(web.Lang(c), ve))
		}
		if err != nil {
			return err
		}
		d.Hits = p.Items
	}
	if d.Q == "" && c.QueryParam("cvr") == "" {
		var err error
		if d.Today, err = f.todaysCalls(c, web.CurrentUser(c)); err != nil {
			return err
		}
	}
	cvr := c.QueryParam("cvr")
	// The caller, when the company was found by their phone number or
	// address: their name, number and address are filled in.
	for _, k := range []string{"caller_name", "caller_phone", "caller_email"} {
		if v := c.QueryParam(k); v != "" {
			d.Values[k] = v
		}
	}
	if cvr == "" && len(d.Hits) > 0 && d.Hits[0].Caller != nil && (len(d.Hits) == 1 || d.Hits[1].Caller == nil) {
		// The number on the display or the address a mail came from is
		// one company's contact: its form at once, with the caller.
		h := d.Hits[0]
		cvr = h.CVR
		d.Values["caller_name"], d.Values["caller_phone"], d.Values["caller_email"] = h.Caller.Name, h.Caller.Phone, h.Caller.Email
	}
	if n := jobmatch.NormalizeCVR(d.Q); cvr == "" && jobmatch.ValidCVR(n) {
		// A whole CVR, as the caller says it: that company's form at
		// once (CVR, Enter, and the call is typed), or a new company
		// with that CVR.
		if slices.ContainsFunc(d.Hits, func(h companies.CompanyHit) bool { return h.CVR == n }) {
			cvr = n
		} else {
			d.NewCVR = n
		}
	}
	if cvr != "" {
		co, err := f.cfg.Companies.Company(ctx, cvr)
		switch {
		case errors.Is(err, jobmatch.ErrNotFound) && c.QueryParam("name") != "":
			// A company the jobcentre does not know: logged on a new
			// record (the CVR is checked when the call is saved).
			d.Company = &jobmatch.Company{CVR: jobmatch.NormalizeCVR(cvr), Name: c.QueryParam("name"), PostalCode: c.QueryParam("postal_code")}
			d.New = true
		case err != nil:
			return err
		default:
			d.Company = co
			d.Owner, _ = f.cfg.Companies.ContactPersonOf(ctx, co)
		}
	}
	return f.render(c, http.StatusOK, "hotline", "page.hotline", d, nil)
}

func (f *Frontend) hotlineSubmit(c echo.Context) error {
	ctx := c.Request().Context()
	v, err := formValues(c)
	if err != nil {
		return err
	}
	co, err := f.cfg.Companies.Company(ctx, v["cvr"])
	isNew := false
	if errors.Is(err, jobmatch.ErrNotFound) {
		co, isNew = &jobmatch.Company{CVR: v["cvr"], Name: v["name"], PostalCode: v["postal_code"]}, true
	} else if err != nil {
		return err
	}
	in := intake.RequestInput{Company: companies.CompanyInput{CVR: co.CVR, Name: co.Name, PostalCode: co.PostalCode,
		Contact: companies.PersonInput{Name: v["caller_name"], Phone: v["caller_phone"], Email: v["caller_email"]}},
		Topic: v["topic"], Channel: v["channel"], Text: v["text"]}
	receipt, err := f.cfg.Intake.SubmitRequest(ctx, in, web.CurrentUser(c), v["_idem"])
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		d := hotlinePage{Company: co, New: isNew, Values: v, Idem: v["_idem"], Topics: hotlineTopics}
		if !isNew {
			d.Owner, _ = f.cfg.Companies.ContactPersonOf(ctx, co)
		}
		errs := fieldMessages(web.Lang(c), ve)
		for k, m := range map[string]string{"company.contact.name": "caller_name", "company.contact.phone": "caller_phone", "company.contact.email": "caller_email",
			"company.cvr": "new_cvr", "company.name": "new_name", "company.postal_code": "new_postal"} {
			if e, ok := errs[k]; ok {
				errs[m] = e
			}
		}
		return f.render(c, http.StatusUnprocessableEntity, "hotline", "page.hotline", d, errs)
	}
	if err != nil {
		return err
	}
	setFlash(c, tr(c, "hot.logged")+" "+receipt.Reference+" → "+receipt.ContactPerson.Name+" ("+receipt.ContactPerson.Phone+")")
	return c.Redirect(http.StatusSeeOther, "/staff/hotline")
}
