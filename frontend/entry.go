package frontend

import (
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/app/intake"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/web"
)

// entryData is the one entry point's form: the values entered, kept on errors.
type entryData struct {
	Topic           string
	Values          map[string]string
	Idem            string
	EmploymentTypes []jobmatch.EmploymentType
	Subsidies       []string
	// Earlier is the receipt of what this page sent before, when it is
	// sent again changed (back in the browser, a word changed): sending
	// once more makes it a new request.
	Earlier *jobmatch.Receipt
	Resent  bool
	// Refused says why the form was not sent when the request itself was
	// fine (the entry's budgets, no consultant to receive it): the page
	// keeps what was typed, to send later or copy into a mail.
	Refused *entryRefusal
}

// entryRefusal is the notice above a form that was not sent.
type entryRefusal struct{ Heading, Text string }

var subsidies = []string{"loentilskud", "virksomhedspraktik", "igu", "fleksjob", "voksenlaerling", "other"}

func (f *Frontend) entryForm(c echo.Context) error {
	topic := c.QueryParam("topic")
	if topic == "" {
		topic = "vacancy"
	}
	d := entryData{Topic: topic, Values: map[string]string{"positions": "1", "hours": "full", "employment_type": "ordinary"},
		Idem: jobmatch.NewToken(), EmploymentTypes: jobmatch.EmploymentTypes, Subsidies: subsidies}
	return f.render(c, http.StatusOK, "entry", "page.entry", d, nil)
}

// formValues reads every submitted field, trimmed and composed
// (app.RepairString).
func formValues(c echo.Context) (map[string]string, error) {
	form, err := c.FormParams()
	if err != nil {
		return nil, echo.NewHTTPError(http.StatusBadRequest)
	}
	v := make(map[string]string, len(form))
	for k, vs := range form {
		if k == "_csrf" {
			continue
		}
		v[k] = app.RepairString(strings.TrimSpace(strings.Join(vs, "\n")))
	}
	return v, nil
}

func init() {
	i18n.Register(map[string][2]string{
		"entry.skills.hint": {"Én pr. linje. Skriver du alle på én linje, så adskil dem med komma.", "One per line. If you write them all on one line, separate them with commas."},
	})
}

// splitList reads a textarea of one item per line, as its label says: a
// line is one item, commas and all ("Excel, Word og Outlook" is one
// skill). Only a list given on one line is read as comma-separated (the
// field's hint says so). The list markers of a list pasted from Word or
// a mail go ("•\tHACCP", "- Kørekort B", "* Truck"), and the numbers of
// a numbered one ("1. Svejsning", "2) Truck") when every line has one;
// tabs are spaces.
func splitList(s string) []string {
	lines := strings.FieldsFunc(s, func(r rune) bool { return r == '\n' || r == '\r' })
	var items []string
	for _, l := range lines {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			items = append(items, l)
		}
	}
	if len(items) == 1 {
		items = strings.FieldsFunc(items[0], func(r rune) bool { return r == ',' || r == ';' })
	}
	numbered := len(items) > 1
	for _, it := range items {
		if _, ok := cutNumber(it); !ok {
			numbered = false
		}
	}
	var out []string
	for _, it := range items {
		it = strings.TrimSpace(it)
		if numbered {
			it, _ = cutNumber(it)
		}
		for {
			r, size := utf8.DecodeRuneInString(it)
			if !strings.ContainsRune(listMarks, r) || size >= len(it) || !unicode.IsSpace(rune(it[size])) && r != '•' && r != '·' && r != '▪' {
				break
			}
			it = strings.TrimSpace(it[size:])
		}
		if it != "" {
			out = append(out, it)
		}
	}
	return out
}

// listMarks are the bullets lists are written with: a dash or star only
// before a space ("-20 °C" is no bullet), the others alone too.
const listMarks = "•·▪◦‣-*–—"

// cutNumber cuts a numbered list's "1." or "2)" and the space after it.
func cutNumber(s string) (string, bool) {
	i := 0
	for i < len(s) && i < 3 && s[i] >= '0' && s[i] <= '9' {
		i++
	}
	if i == 0 || i+1 >= len(s) || s[i] != '.' && s[i] != ')' || s[i+1] != ' ' {
		return s, false
	}
	return strings.TrimSpace(s[i+1:]), true
}

func companyFromForm(v map[string]string) companies.CompanyInput {
	return companies.CompanyInput{
		CVR: jobmatch.NormalizeCVR(v["company.cvr"]), Name: v["company.name"], Address: v["company.address"],
		PostalCode: v["company.postal_code"], Industry: v["company.industry_code"],
		Contact: companies.PersonInput{Name: v["company.contact.name"], Email: v["company.contact.email"], Phone: v["company.contact.phone"]},
	}
}

func (f *Frontend) entrySubmit(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	topic := v["topic"]
	pre := &jobmatch.ValidationError{}
	var receipt *jobmatch.Receipt
	if topic == "vacancy" {
		in := intake.VacancyInput{
			Company: companyFromForm(v), Title: v["title"], Description: v["description"],
			SkillsRequired: splitList(v["skills_required"]), SkillsDesired: splitList(v["skills_desired"]),
			PostalCode: v["postal_code"], EmploymentType: v["employment_type"], Hours: v["hours"], DrivingLicence: v["driving_licence"],
			EducationLevel:     v["education_level"],
			ScreeningRequested: v["screening_requested"] == "on" || v["screening_requested"] == "true",
		}
		if in.PostalCode == "" {
			in.PostalCode = in.Company.PostalCode
		}
		if n, err := strconv.Atoi(v["positions"]); err == nil {
			in.Positions = n
		} else if v["positions"] != "" {
			pre.Add("positions", "number", "")
		}
		if y := strings.TrimSpace(v["experience_years"]); y != "" {
			if n, err := strconv.Atoi(y); err == nil {
				in.ExperienceYears = n
			} else {
				pre.Add("experience_years", "number", "")
			}
		}
		// The least Danish and English the job needs, as the API's
		// languages: a refugee's Danish is the criterion a vacancy most
		// often has and the form had no field for.
		for _, l := range []struct{ field, code string }{{"language_da", "da"}, {"language_en", "en"}} {
			switch level := strings.TrimSpace(v[l.field]); level {
			case "":
			case "A2", "B1", "B2", "C1":
				in.Languages = append(in.Languages, jobmatch.Language{Code: l.code, Level: level})
			default:
				pre.Add(l.field, "oneof", "A2 B1 B2 C1")
			}
		}
		in.StartDate, in.Deadline = v["start_date"], v["deadline"]
		if err := pre.Err(); err != nil {
			// Report the form's own errors together with the rest.
			if verr := f.cfg.Env.Validator().Validate(in); verr != nil {
				var ve *jobmatch.ValidationError
				if errors.As(verr, &ve) {
					pre.Fields = append(pre.Fields, ve.Fields...)
				}
			}
			return f.entryInvalid(c, topic, v, withoutEmptyWorkplace(v, pre))
		}
		receipt, err = f.submitVacancy(c, in, v["_idem"])
	} else {
		in := intake.RequestInput{Company: companyFromForm(v), Topic: topic, Subsidy: v["subsidy"], Channel: string(jobmatch.ChannelWeb), Text: v["text"]}
		if jobmatch.Topic(topic) == jobmatch.TopicSubsidy && in.Subsidy == "" {
			// A question about a subsidy goes to the consultant with
			// the scheme it is about ("Andet / ved ikke" when the
			// employer does not know): the empty choice was sent, and
			// the consultant had to call back to ask. Said with the
			// form's other errors.
			if verr := f.cfg.Env.Validator().Validate(in); verr != nil {
				var ve *jobmatch.ValidationError
				if errors.As(verr, &ve) {
					pre.Fields = append(pre.Fields, ve.Fields...)
				}
			}
			if in.Company.Contact.Name == "" {
				pre.Add("company.contact.name", "required", "")
			}
			pre.Add("subsidy", "choose_scheme", "")
			return f.entryInvalid(c, topic, v, pre)
		}
		receipt, err = f.submitRequest(c, in, v["_idem"])
	}
	var reused *intake.KeyReusedError
	if errors.As(err, &reused) {
		// Sent before from this page, and changed since: say so, with a
		// new key, so that sending again is a new request.
		d := entryData{Topic: topic, Values: v, Idem: jobmatch.NewToken(), EmploymentTypes: jobmatch.EmploymentTypes, Subsidies: subsidies,
			Earlier: reused.Earlier, Resent: true}
		return f.render(c, http.StatusConflict, "entry", "page.entry", d, nil)
	}
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		return f.entryInvalid(c, topic, v, withoutEmptyWorkplace(v, ve))
	}
	if status, key := web.ToStatus(err); err != nil && (status == http.StatusTooManyRequests && strings.HasPrefix(key, "p.intake_limited") || key == "p.no_consultant") {
		// Not sent, through no fault of the text: the form again with
		// every word typed, not an error page that loses them.
		lang := web.Lang(c)
		heading := "error.h429_intake"
		if key == "p.no_consultant" {
			heading = "entry.refused_h"
			f.cfg.Env.Logger().Error("entry: no active consultant to receive a request (create one with `jobmatch user add --role consultant`)")
		}
		d := entryData{Topic: topic, Values: v, Idem: v["_idem"], EmploymentTypes: jobmatch.EmploymentTypes, Subsidies: subsidies,
			Refused: &entryRefusal{Heading: i18n.T(lang, heading), Text: i18n.T(lang, key) + " " + i18n.T(lang, "entry.refused_kept")}}
		if d.Idem == "" {
			d.Idem = jobmatch.NewToken()
		}
		return f.render(c, status, "entry", "page.entry", d, nil)
	}
	if err != nil {
		return err
	}
	if !receipt.ReceiptMailed && v["company.contact.email"] != "" {
		// The address had its receipts for the day: the page says none
		// was mailed.
		return c.Redirect(http.StatusSeeOther, receipt.StatusURL+"?new=1&mailed=0")
	}
	return c.Redirect(http.StatusSeeOther, receipt.StatusURL+"?new=1")
}

// withoutEmptyWorkplace drops the workplace postal code's errors when the
// field was left empty: it is the company's then, and its error is the
// company's field's, said there (with the form's own errors too: "Postnummeret
// findes ikke" stood at a field the user had not filled in).
func withoutEmptyWorkplace(v map[string]string, ve *jobmatch.ValidationError) *jobmatch.ValidationError {
	if v["postal_code"] == "" {
		ve.Fields = slices.DeleteFunc(ve.Fields, func(fe jobmatch.FieldError) bool { return fe.Field == "postal_code" })
	}
	return ve
}

func (f *Frontend) entryInvalid(c echo.Context, topic string, v map[string]string, ve *jobmatch.ValidationError) error {
	errs := fieldMessages(web.Lang(c), ve)
	d := entryData{Topic: topic, Values: v, Idem: v["_idem"], EmploymentTypes: jobmatch.EmploymentTypes, Subsidies: subsidies}
	if d.Idem == "" {
		d.Idem = jobmatch.NewToken()
	}
	return f.render(c, http.StatusUnprocessableEntity, "entry", "page.entry", d, errs)
}

// fieldMessages maps field errors to form field names: list items
// ("skills_required[2]") show on their list.
func fieldMessages(lang i18n.Lang, ve *jobmatch.ValidationError) map[string]string {
	errs := map[string]string{}
	for _, fe := range ve.Fields {
		name := fe.Field
		if i := strings.IndexByte(name, '['); i >= 0 {
			name = name[:i]
		}
		if _, ok := errs[name]; !ok {
			errs[name] = i18n.FieldMessage(lang, fe)
		}
	}
	return errs
}

func (f *Frontend) status(c echo.Context) error {
	if head, _ := c.Get(web.HeadRequest).(bool); head {
		// A link checker's or mail scanner's HEAD: the link's status,
		// no profile shown, so no viewing audited.
		if _, err := f.cfg.Intake.Status(c.Request().Context(), c.Param("token")); err != nil {
			return err
		}
		return c.NoContent(http.StatusOK)
	}
	return f.statusPage(c, nil)
}

// failedAnswer is an employer's answer the service did not take: the page
// is shown again with the answer's form open, what was typed kept and the
// error at its field.
type failedAnswer struct {
	screening.AnswerInput
	Errors map[string]string
}

// statusPage renders the status link's page, with failed (when not nil)
// shown at its candidate.
func (f *Frontend) statusPage(c echo.Context, failed *failedAnswer) error {
	view, err := f.cfg.Intake.Status(c.Request().Context(), c.Param("token"))
	if errors.Is(err, jobmatch.ErrGone) && !strings.Contains(c.Request().Header.Get(echo.HeaderAccept), "application/json") {
		// A link closed (30 days after its vacancy closed, or by the
		// consultant): no candidates and no details, but whom to ask,
		// not a bare "Fejl 410".
		cp, cerr := f.cfg.Intake.ContactOfClosedLink(c.Request().Context(), c.Param("token"))
		if cerr != nil {
			return err
		}
		c.Response().Header().Set("Referrer-Policy", "no-referrer")
		c.Response().Header().Set("X-Robots-Tag", "noindex")
		return f.render(c, http.StatusGone, "statusgone", "page.status", cp, nil)
	}
	if err != nil {
		return err
	}
	// The presented candidates (vacancies): each view is audited.
	presented, err := f.presented(c, view)
	if err != nil {
		return err
	}
	if strings.Contains(c.Request().Header.Get(echo.HeaderAccept), "application/json") {
		out := f.statusJSON(c, view)
		if view.Kind == "vacancy" {
			if presented == nil {
				presented = []screening.Profile{}
			}
			if lang := web.Lang(c); lang != i18n.DA {
				// The jobs in the language asked, as the page writes
				// them ("Tømrer, 12 years (2 jobs)"), not in Danish.
				for i := range presented {
					p := &presented[i]
					p.Experience = make([]string, 0, len(p.Years))
					for _, j := range p.Years {
						text := j.Title + ", " + i18n.Trimmed(lang, j.Years, 1) + " " + yearsWord(lang, j.Years)
						if j.Jobs > 1 {
							text += fmt.Sprintf(" (%d %s)", j.Jobs, i18n.T(lang, "cand.jobs"))
						}
						p.Experience = append(p.Experience, text)
					}
				}
			}
			out["presented"] = presented
		}
		return c.JSON(http.StatusOK, out)
	}
	c.Response().Header().Set("Referrer-Policy", "no-referrer")
	c.Response().Header().Set("X-Robots-Tag", "noindex")
	code := http.StatusOK
	if failed != nil {
		code = http.StatusUnprocessableEntity
	}
	email := ""
	if view.Vacancy != nil {
		email = view.Vacancy.Contact.Email
	} else if view.Request != nil {
		email = view.Request.Contact.Email
	}
	emailGiven := email != ""
	return f.render(c, code, "status", "page.status", struct {
		*intake.StatusView
		New       bool
		URL       string
		Token     string
		Presented []screening.Profile
		Reasons   []string
		Today     string
		// Personal tells the company that the words of its vacancy that
		// say gender or ethnic origin decide nothing.
		Personal string
		Failed   *failedAnswer
		// Mailed: the sender gave an e-mail address, so the receipt
		// went there (a sender by phone alone was told it had).
		Mailed bool
		// NotMailed: an e-mail address was given, and the receipt was
		// not mailed (the address had its receipts for the day).
		NotMailed bool
		// Email is the address the receipt went to, said on the page
		// ("… til jens@lagerhuset.dk"), so a typo in it is seen while
		// the private link is still on the screen.
		Email string
		// Levels are each profile's languages in words (languageLevels).
		Levels map[string][]string
	}{view, justReceived(c, view, presented), web.AbsoluteURL(c, "/status/"+c.Param("token")), c.Param("token"), presented, answerReasons,
		f.cfg.Env.Now().In(jobmatch.Copenhagen).Format(time.DateOnly), personalNote(c, view.Vacancy, "status.personal"), failed,
		emailGiven && c.QueryParam("mailed") != "0", emailGiven && c.QueryParam("mailed") == "0", email, languageLevels(web.Lang(c), presented)}, nil)
}

// justReceived reports whether the page is the receipt: the address the
// form sends the sender to (?new=1), while the request is still just
// received. That address is what a phone user keeps, and opened after
// candidates were presented it still headed "Tak – vi har modtaget din
// henvendelse."; from then on it is the status page.
func justReceived(c echo.Context, view *intake.StatusView, presented []screening.Profile) bool {
	return c.QueryParam("new") == "1" && view.Status == "open" && len(presented) == 0
}

// statusExtensions lets later capabilities add fields to the status JSON
// (for example the presented candidates).
var statusExtensions []func(f *Frontend, c echo.Context, view *intake.StatusView, out map[string]any)

func (f *Frontend) statusJSON(c echo.Context, view *intake.StatusView) map[string]any {
	out := map[string]any{
		"kind": view.Kind, "reference": view.Reference, "status": view.Status, "company": view.Company,
		"title": view.Title, "topic": view.Topic, "received_at": view.ReceivedAt, "contact_person": view.ContactPerson,
		"answer_by": view.AnswerBy,
	}
	// What the sender sent, as the page shows it: the scheme asked
	// about, or what the vacancy posted (the page said only "Emne").
	if r := view.Request; r != nil && r.Subsidy != "" {
		out["subsidy"] = r.Subsidy
	}
	if v := view.Vacancy; v != nil {
		out["positions"], out["employment_type"] = v.Positions, v.EmploymentType
		if !v.StartDate.IsZero() {
			out["start_date"] = v.StartDate
		}
		if !v.Deadline.IsZero() {
			out["deadline"] = v.Deadline
		}
	}
	for _, ext := range statusExtensions {
		ext(f, c, view, out)
	}
	return out
}
