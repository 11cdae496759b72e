package frontend

import (
	"errors"
	"fmt"
	"net/http"
	"net/mail"
	"slices"
	"strconv"
	"strings"

	"github.com/labstack/echo/v4"

	"jobmatch"
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
	staff.POST("/hotline/requests/:id/cancel", f.hotlineCancel)
}

type hotlinePage struct {
	Q       string
	Hits    []companies.CompanyHit
	Company *jobmatch.Company
	New     bool // the company is not known yet: created when the call is saved
	// NewCVR is a whole CVR typed that no company has: the new company's;
	// NewName and NewPostal what was typed for it when it was refused.
	NewCVR, NewName, NewPostal string
	// PhoneLike is the query when it is eight digits nobody has as CVR or
	// phone: it may be a phone number the jobcentre does not know.
	PhoneLike string
	Owner     jobmatch.ContactPerson
	// Takes is who the call goes to when not the contact person (one
	// who has left): the stand-in, as the search names it.
	Takes  *jobmatch.ContactPerson
	Values map[string]string
	Idem   string
	Topics []hotlineTopic
	// Today are the latest of the calls this user logged today, the
	// latest first: what was just typed can be checked. TodayTotal
	// counts them all, TodayMore those not shown.
	Today                 []*jobmatch.Request
	TodayTotal, TodayMore int64
	// TodayOwners names who has each of Today (by consultant id): when the
	// caller rings back, the hotline says who.
	TodayOwners map[string]string
	// Cancellable are those of Today this user may still withdraw (by
	// id): logged by them today, not yet handled.
	Cancellable map[string]bool
	// CancelReasons are the reasons a request is withdrawn for.
	CancelReasons []string
	// FocusHit: the one hit is the first stop, so Enter opens its form (a
	// name found one company and still needed Tab first).
	FocusHit bool
	// NameGiven is the name typed for a "new" company whose CVR the
	// jobcentre knows under another name: the form is the known one's,
	// said so (the typed name was dropped silently).
	NameGiven string
	// Repeat is a call from the same caller about the same topic logged
	// minutes ago: the hotline is asked before it is logged again.
	Repeat *jobmatch.Request
	// RepeatWords are the first words of Repeat's text.
	RepeatWords string
	// Callers are the company's own contact people offered as the caller
	// when the company was found by CVR or name (only a phone or e-mail
	// hit said who calls): each a button of the call's form that sends
	// what was typed with the one chosen (pick), and the form comes back
	// with the caller filled in; a link opened the form anew, and the
	// topic and text typed were gone. The one verified contact is filled
	// in at once.
	Callers []jobmatch.Person
	// FocusSave: the form came back with nothing left to type (a caller
	// picked, a repeat to confirm): the cursor is on the save button,
	// so Enter saves.
	FocusSave bool
}

// maxToday is how many of a user's calls of today are shown.
const maxToday = 10

// todaysCalls returns the latest of the requests the user by logged today,
// the latest first, and how many they logged today: the day's own list
// (the latest of all the user's calls held few of today's when calls
// received on other days had been logged after them, and the count
// stopped at 10).
func (f *Frontend) todaysCalls(c echo.Context, by *jobmatch.User) ([]*jobmatch.Request, int64, error) {
	if by == nil {
		return nil, 0, nil
	}
	page, err := f.cfg.Intake.LoggedOn(c.Request().Context(), by.ID, f.cfg.Env.Now(), maxToday)
	if err != nil {
		return nil, 0, err
	}
	return page.Items, page.Total, nil
}

var hotlineTopics = []jobmatch.Topic{jobmatch.TopicVacancy, jobmatch.TopicRetention, jobmatch.TopicSubsidy, jobmatch.TopicLayoff, jobmatch.TopicOther}

// hotlineTopicKeys are the topics as the hotline's form offers them.
var hotlineTopicKeys = numberedTopics(hotlineTopics...)

// hotlineTopic is a topic on the hotline's form with its number: its
// option reads "2 · Sygemeldt medarbejder – fastholdelse", so the key 2 on
// the topic chooses it (a select chooses the option its typed characters
// begin). The first letter did not: four of the five begin with S.
type hotlineTopic struct {
	Topic jobmatch.Topic
	Key   int
}

func numberedTopics(ts ...jobmatch.Topic) []hotlineTopic {
	out := make([]hotlineTopic, len(ts))
	for i, t := range ts {
		out[i] = hotlineTopic{t, i + 1}
	}
	return out
}

// hotline is the hotline's page: type CVR digits or part of the name, pick
// the company (Enter on its link), fill in a few fields and save with
// Enter. Plain GET forms and links, so it works from the keyboard alone and
// without JavaScript.
func (f *Frontend) hotline(c echo.Context) error {
	ctx := c.Request().Context()
	d := hotlinePage{Q: c.QueryParam("q"), Values: map[string]string{"channel": "phone"}, Idem: jobmatch.NewToken(), Topics: hotlineTopicKeys}
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
		if len(d.Hits) > 0 && (d.Hits[0].Match == "email" || d.Hits[0].Match == "domain") {
			// Found by the address a mail came from: it is a mail.
			d.Values["channel"] = string(jobmatch.ChannelEmail)
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
		d.Values["caller_name"], d.Values["caller_phone"], d.Values["caller_email"] = h.Caller.Name, h.Caller.Phone, callerEmail(*h.Caller, h.Match)
	}
	if len(d.Hits) > 0 && d.Hits[0].Match == "domain" && d.Values["caller_email"] == "" {
		// A mail from someone the jobcentre does not know yet, at a known
		// company's domain: the address it came from is the caller's (the
		// form was opened without it, and Enter said "Udfyld telefon eller
		// e-mail"). "Navn <adresse>" as a mail program shows it gives the
		// name too; a bare domain ("firma.dk") is no address.
		if a, err := mail.ParseAddress(companies.CallerQuery(d.Q)); err == nil {
			d.Values["caller_email"] = a.Address
			if d.Values["caller_name"] == "" {
				d.Values["caller_name"] = a.Name
			}
		}
	}
	if n := jobmatch.NormalizeCVR(d.Q); cvr == "" && len(n) == 8 && strings.Trim(n, "0123456789") == "" && len(d.Hits) == 0 {
		// Eight digits nobody has, as CVR or as a contact's phone: say
		// it may be a phone number, before a company is made with it.
		d.PhoneLike = d.Q
	}
	if n := jobmatch.NormalizeCVR(d.Q); cvr == "" && jobmatch.ValidCVR(n) && !phoneGrouped(d.Q) {
		// A whole CVR, as the caller says it: that company's form at
		// once (CVR, Enter, and the call is typed), or a new company
		// with that CVR ("22 33 44 09", grouped as a phone number, is
		// not offered as one).
		if slices.ContainsFunc(d.Hits, func(h companies.CompanyHit) bool { return h.CVR == n }) {
			cvr = n
		} else {
			d.NewCVR = n
		}
	}
	if cvr == "" && c.QueryParams().Has("name") {
		// "Ukendt virksomhed? Opret den" sent without a CVR number: said
		// at the CVR field, with what was typed kept (the page showed the
		// hits again, and the name and postal code were gone).
		nc := &jobmatch.Company{Name: strings.TrimSpace(c.QueryParam("name")), PostalCode: strings.TrimSpace(c.QueryParam("postal_code"))}
		errs := f.newCompanyErrors(c, nc)
		if errs == nil {
			errs = map[string]string{}
		}
		errs["new_cvr"] = tr(c, "hot.new_cvr_missing")
		d.NewName, d.NewPostal = nc.Name, nc.PostalCode
		if err := f.withToday(c, &d); err != nil {
			return err
		}
		return f.render(c, http.StatusUnprocessableEntity, "hotline", "page.hotline", d, errs)
	}
	if cvr != "" {
		co, err := f.cfg.Companies.Company(ctx, cvr)
		switch {
		case errors.Is(err, jobmatch.ErrNotFound) && c.QueryParams().Has("name"):
			// A company the jobcentre does not know: logged on a new
			// record, its CVR, name and postal code checked now (on the
			// call's form they are no longer fields to correct; Enter
			// before the name is typed says it is missing).
			nc := &jobmatch.Company{CVR: jobmatch.NormalizeCVR(cvr), Name: strings.TrimSpace(c.QueryParam("name")), PostalCode: strings.TrimSpace(c.QueryParam("postal_code"))}
			if errs := f.newCompanyErrors(c, nc); errs != nil {
				d.NewCVR, d.NewName, d.NewPostal = cvr, nc.Name, nc.PostalCode
				if err := f.withToday(c, &d); err != nil {
					return err
				}
				return f.render(c, http.StatusUnprocessableEntity, "hotline", "page.hotline", d, errs)
			}
			d.Company, d.New = nc, true
		case errors.Is(err, jobmatch.ErrNotFound) && jobmatch.ValidCVR(jobmatch.NormalizeCVR(cvr)):
			// A link to a company nobody has made yet: its form.
			d.NewCVR = jobmatch.NormalizeCVR(cvr)
		case err != nil:
			return err
		default:
			d.Company = co
			d.Owner, _ = f.cfg.Companies.ContactPersonOf(ctx, co)
			d.Takes = f.cfg.CompanySearch.Takes(ctx, co)
			if name := strings.TrimSpace(c.QueryParam("name")); name != "" && !jobmatch.SameCompanyName(name, co.Name) {
				d.NameGiven = name
			}
			d.offerCallers(co)
		}
	}
	d.FocusHit = len(d.Hits) == 1 && d.Company == nil && d.NewCVR == ""
	if err := f.withToday(c, &d); err != nil {
		return err
	}
	return f.render(c, http.StatusOK, "hotline", "page.hotline", d, nil)
}

// withToday adds the user's calls of today to a page with no search and
// no company's form, where the page lists them: a new company refused
// without a search ("?cvr=…&name=…") said "Ingen endnu" under "Dine
// registreringer i dag", the list not read.
func (f *Frontend) withToday(c echo.Context, d *hotlinePage) error {
	if d.Q != "" || d.Company != nil {
		return nil
	}
	var err error
	if d.Today, d.TodayTotal, err = f.todaysCalls(c, web.CurrentUser(c)); err != nil {
		return err
	}
	d.TodayMore = d.TodayTotal - int64(len(d.Today))
	d.TodayOwners, d.Cancellable, d.CancelReasons = map[string]string{}, map[string]bool{}, cancelReasons
	for _, r := range d.Today {
		d.Cancellable[r.ID] = f.cfg.Companies.Cancellable(web.CurrentUser(c), r)
		if _, ok := d.TodayOwners[r.ConsultantID]; !ok {
			if u, err := f.cfg.Staff.User(c.Request().Context(), r.ConsultantID); err == nil {
				d.TodayOwners[r.ConsultantID] = u.Name
			}
		}
	}
	return nil
}

// offerCallers fills in the caller from the company's own contact people
// when none is given: the one verified contact at once, or several (or an
// unverified one, not the jobcentre's word) to choose. Found by CVR or
// name, the form had empty caller fields and Enter said "Udfyld telefon
// eller e-mail" though the jobcentre knew the company's contact.
func (d *hotlinePage) offerCallers(co *jobmatch.Company) {
	if d.Values["caller_name"] != "" || d.Values["caller_phone"] != "" || d.Values["caller_email"] != "" {
		return
	}
	known := knownCallers(co)
	if len(known) == 1 && !known[0].Unverified {
		d.Values["caller_name"], d.Values["caller_phone"], d.Values["caller_email"] = known[0].Name, known[0].Phone, known[0].Email
		return
	}
	d.Callers = known
}

// knownCallers are the company's contact people who can be reached (a
// phone number or an address): those offered as the caller, in the
// company's order (pick is the place in it).
func knownCallers(co *jobmatch.Company) []jobmatch.Person {
	var known []jobmatch.Person
	for _, p := range co.Contacts {
		if p.Phone != "" || p.Email != "" {
			known = append(known, p)
		}
	}
	return known
}

// formAgain is the call's form as it was sent, for a company the
// jobcentre knows or a new one: what was typed kept, the search it came
// from with its hits, and the company's contact people to choose the
// caller from while none is given.
func (f *Frontend) formAgain(c echo.Context, co *jobmatch.Company, isNew bool, v map[string]string) hotlinePage {
	ctx := c.Request().Context()
	d := hotlinePage{Q: v["q"], Company: co, New: isNew, Values: v, Idem: v["_idem"], Topics: hotlineTopicKeys}
	if d.Q != "" {
		if p, err := f.cfg.CompanySearch.Search(ctx, d.Q, 10); err == nil {
			d.Hits = p.Items
		}
	}
	if !isNew {
		d.Owner, _ = f.cfg.Companies.ContactPersonOf(ctx, co)
		d.Takes = f.cfg.CompanySearch.Takes(ctx, co)
		if v["caller_name"] == "" && v["caller_phone"] == "" && v["caller_email"] == "" {
			d.Callers = knownCallers(co)
		}
	}
	return d
}

func init() {
	funcs["phone"] = jobmatch.GroupedPhone
	funcs["callerEmail"] = callerEmail
}

// callerEmail is the e-mail address filled in for a caller the hotline
// found (match: how the search found them, "" when chosen from the
// company's contacts): an unverified contact's (one who wrote without
// logging in, under any address they liked) only when it is the address
// the hotline searched for. A phone search filled in such a contact's
// address, which the caller never said, and the receipt with the private
// status link went there; the hotline types the address the caller gives.
func callerEmail(p jobmatch.Person, match string) string {
	if p.Unverified && match != "email" {
		return ""
	}
	return p.Email
}

// phoneGrouped reports whether q is written as a Danish phone number is
// and a CVR is not: four pairs of digits ("22 33 44 09"), or after +45.
func phoneGrouped(q string) bool {
	q = strings.TrimSpace(q)
	if strings.HasPrefix(q, "+45") || strings.HasPrefix(q, "0045") {
		return true
	}
	f := strings.FieldsFunc(q, func(r rune) bool { return r == ' ' || r == '-' || r == '.' })
	if len(f) != 4 {
		return false
	}
	for _, p := range f {
		if len(p) != 2 {
			return false
		}
	}
	return true
}

// newCompanyErrors checks a new company's CVR, name and postal code as the
// call's save will, keyed by the new-company form's fields; nil when fine.
func (f *Frontend) newCompanyErrors(c echo.Context, co *jobmatch.Company) map[string]string {
	err := f.cfg.Env.Validator().Validate(companies.CompanyInput{CVR: co.CVR, Name: co.Name, PostalCode: co.PostalCode})
	var ve *jobmatch.ValidationError
	if !errors.As(err, &ve) {
		return nil
	}
	errs := map[string]string{}
	for k, m := range map[string]string{"cvr": "new_cvr", "name": "new_name", "postal_code": "new_postal"} {
		if e, ok := fieldMessages(web.Lang(c), ve)[k]; ok {
			errs[m] = e
		}
	}
	if len(errs) == 0 {
		return nil
	}
	return errs
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
	if pick, err := strconv.Atoi(v["pick"]); err == nil && !isNew {
		// A contact chosen as the caller: the form again with them
		// filled in and what was typed kept, not saved yet.
		d := f.formAgain(c, co, false, v)
		if known := knownCallers(co); pick >= 0 && pick < len(known) {
			p := known[pick]
			v["caller_name"], v["caller_phone"], v["caller_email"] = p.Name, p.Phone, callerEmail(p, "")
			d.Callers, d.FocusSave = nil, v["topic"] != "" && v["text"] != ""
		}
		delete(v, "pick")
		return f.render(c, http.StatusOK, "hotline", "page.hotline", d, nil)
	}
	if !isNew && v["repeat_ok"] == "" {
		// The same caller about the same topic minutes ago (a colleague
		// took the call, or the form was sent again): asked first.
		prev, err := f.cfg.Companies.LoggedAlready(ctx, co.CVR, v["topic"], v["caller_phone"], v["caller_email"])
		if err != nil {
			return err
		}
		if prev != nil {
			// The cursor on the save button, so Enter logs it all the
			// same (it was on the topic, where Enter did nothing); the
			// warning says where the earlier one came from and how it
			// begins, so the hotline sees whether it is this call.
			d := f.formAgain(c, co, false, v)
			d.Repeat, d.RepeatWords, d.FocusSave = prev, firstWords(prev.Text, 12), true
			return f.render(c, http.StatusConflict, "hotline", "page.hotline", d, nil)
		}
	}
	in := intake.RequestInput{Company: companies.CompanyInput{CVR: co.CVR, Name: co.Name, PostalCode: co.PostalCode,
		Contact: companies.PersonInput{Name: v["caller_name"], Phone: v["caller_phone"], Email: v["caller_email"]}},
		Topic: v["topic"], Channel: v["channel"], Text: v["text"]}
	receipt, err := f.cfg.Intake.SubmitRequest(ctx, in, web.CurrentUser(c), v["_idem"])
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		d := f.formAgain(c, co, isNew, v)
		if isNew {
			// Its own form again, with what was sent (its errors lead there).
			d.NewCVR, d.NewName, d.NewPostal = co.CVR, co.Name, co.PostalCode
		}
		errs := fieldMessages(web.Lang(c), ve)
		if v["topic"] == "" {
			// No topic is chosen until the hotline chooses one (the
			// form's comment says why): say so plainly.
			errs["topic"] = tr(c, "hot.topic_missing")
		}
		if _, ok := errs["company.contact.email"]; ok && v["caller_phone"] == "" && v["caller_email"] == "" {
			// Neither the caller's phone nor e-mail: said at the phone
			// on a call (at the e-mail on a mail), as what to type; it
			// was said at the e-mail, and the cursor went there.
			at := "caller_phone"
			if v["channel"] == string(jobmatch.ChannelEmail) {
				at = "caller_email"
			}
			delete(errs, "company.contact.email")
			errs[at] = tr(c, "hot.caller_missing")
		}
		for k, m := range map[string]string{"company.contact.name": "caller_name", "company.contact.phone": "caller_phone", "company.contact.email": "caller_email",
			"company.cvr": "new_cvr", "company.name": "new_name", "company.postal_code": "new_postal"} {
			// Said at the form's field, under its name: kept under the
			// service's name too, the summary listed it twice, the second
			// line leading nowhere.
			if e, ok := errs[k]; ok {
				errs[m] = e
				delete(errs, k)
			}
		}
		return f.render(c, http.StatusUnprocessableEntity, "hotline", "page.hotline", d, errs)
	}
	if err != nil {
		return err
	}
	if cp := receipt.ContactPerson; cp.Deputy != nil {
		// The caller is told who answers: the deputy while the contact
		// person is away (the request is on the deputy's list).
		setFlash(c, fmt.Sprintf(tr(c, "hot.logged_deputy"), receipt.Reference, cp.Deputy.Name, cp.Deputy.Phone, cp.Name))
	} else {
		setFlash(c, fmt.Sprintf(tr(c, "hot.logged"), receipt.Reference, cp.Name, cp.Phone))
	}
	return c.Redirect(http.StatusSeeOther, "/staff/hotline")
}

// firstWords are the first n words of text, with "…" when there are more.
func firstWords(text string, n int) string {
	w := strings.Fields(text)
	if len(w) <= n {
		return strings.Join(w, " ")
	}
	return strings.Join(w[:n], " ") + " …"
}

// cancelReasons are why a call is withdrawn: logged by mistake (on the
// wrong company, say) or logged twice.
var cancelReasons = []string{"mistake", "duplicate"}

// hotlineCancel withdraws a call the hotline logged by mistake or twice,
// from today's list: it leaves the consultant's open requests and the
// figures, and the audit log says who withdrew it.
func (f *Frontend) hotlineCancel(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	r, err := f.cfg.Companies.CancelRequest(c.Request().Context(), web.CurrentUser(c), c.Param("id"), companies.CancelInput{Reason: v["reason"]})
	var ve *jobmatch.ValidationError
	switch {
	case errors.As(err, &ve):
		setFlashError(c, tr(c, "hot.cancel_reason_missing"))
	case errors.Is(err, jobmatch.ErrConflict):
		setFlashError(c, tr(c, "hot.cancel_closed"))
	case errors.Is(err, jobmatch.ErrForbidden):
		setFlashError(c, tr(c, "hot.cancel_not_yours"))
	case err != nil:
		return err
	default:
		setFlash(c, fmt.Sprintf(tr(c, "hot.cancelled"), r.Reference, r.CompanyName))
	}
	return c.Redirect(http.StatusSeeOther, "/staff/hotline")
}
