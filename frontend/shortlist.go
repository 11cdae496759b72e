package frontend

import (
	"encoding/base64"
	"encoding/json"
	"errors"
	"net/http"
	"sort"
	"strconv"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/web"
)

func (f *Frontend) registerShortlist(public, staff *echo.Group) {
	staff.POST("/vacancies/:id/shortlist", f.shortlistAdd, f.requireCVReader)
	staff.POST("/vacancies/:id/consent", f.shortlistConsent, f.requireCVReader)
	staff.POST("/vacancies/:id/consent/withdraw", f.shortlistWithdrawConsent, f.requireCVReader)
	staff.POST("/shortlist/:entry_id/move", f.shortlistMove, f.requireCVReader)
	staff.POST("/shortlist/:entry_id/answers/:n/handled", f.answerHandled, f.requireCVReader)
}

// shortlistRow is one entry on the vacancy page's shortlist.
type shortlistRow struct {
	*screening.Entry
	Next    []jobmatch.Stage
	Consent bool
	Reveal  bool
	// Invites are the entry's interviews, earliest first.
	Invites []*jobmatch.InterviewInvite
	// Booking is the interview form a refusal kept (nil: none); Move the
	// step's form (the assessment typed, lost with a refusal before).
	Booking, Move map[string]string
	// FillsVacancy: hiring this one fills the vacancy's last position
	// (the confirmation says the vacancy will be filled).
	FillsVacancy bool
	// AskAgain: a consent link can be sent (again) from the row, where
	// the first link's own form does not offer it: the link was lost or
	// expired, the consent withdrawn, the assessment rewritten since.
	AskAgain bool
	// Unseen: the assessment is newer than the citizen's consent, so the
	// employer does not see it until the citizen says yes again.
	Unseen bool
}

func (f *Frontend) shortlistRows(c echo.Context, vacancyID string) ([]shortlistRow, error) {
	if f.cfg.Screening == nil {
		return nil, nil
	}
	ctx := c.Request().Context()
	es, invites, err := f.cfg.Screening.Page(ctx, web.CurrentUser(c), vacancyID)
	if err != nil {
		return nil, err
	}
	// Hiring one more fills the vacancy when as many are hired as it has
	// positions (one when it says none), as the service closes it.
	positions, hired := 1, 0
	if v, err := f.cfg.Intake.Vacancy(ctx, vacancyID); err == nil {
		positions = max(v.Positions, 1)
	}
	for _, e := range es {
		if e.Stage == jobmatch.StageHired {
			hired++
		}
	}
	rows := make([]shortlistRow, 0, len(es))
	for _, e := range es {
		r := shortlistRow{Entry: e, Next: screening.NextStages(e.Stage), FillsVacancy: hired+1 >= positions}
		k, err := f.cfg.Screening.Consent(ctx, e.CandidateID, vacancyID)
		if err == nil && k.Active() {
			r.Consent, r.Reveal = true, k.RevealIdentity
		}
		r.Unseen = screening.AssessmentUnseen(e, k)
		r.AskAgain = askAgain(e, screening.ConsentCovers(e, k))
		r.Invites = invites[e.ID]
		r.Booking = keptInterviewForm(c, e.ID)
		r.Move = keptForm(c, moveFormCookie, e.ID)
		rows = append(rows, r)
	}
	return rows, nil
}

// askAgain reports whether the row offers a consent link beside the first
// link's own form (which shows before any link was sent, while the
// citizen is suggested or contacted): a link sent before and not answered
// yes (lost, expired, answered no before the citizen came back on the
// list), or none sent later in the process, with no consent covering
// the profile as the employer would see it.
func askAgain(e *screening.Entry, covered bool) bool {
	if covered {
		return false
	}
	switch e.Stage {
	case jobmatch.StageSuggested, jobmatch.StageContacted:
		return e.ConsentRequest != nil
	case jobmatch.StageInterested, jobmatch.StageInterviewed, jobmatch.StagePresented:
		return true
	}
	return false
}

// moveFormFields are the step form's inputs by the service's field names.
var moveFormFields = map[string]string{"interview.date": "interview_date", "interview.by": "interview_by",
	"interview.assessment": "assessment", "interview.notes": "interview_notes"}

// moveFormCookie keeps a refused step's form for the page the browser
// lands on next (a minute).
const moveFormCookie = "jm_mvform"

// setKeptForm keeps a refused form of entry in a cookie for the page the
// browser is sent back to (the redirect answers every replica alike): as
// JSON in base64, about 4/3 of the text; a form too large for a cookie is
// not kept.
func setKeptForm(c echo.Context, name, entryID string, vals map[string]string) {
	vals["entry"] = entryID
	b, err := json.Marshal(vals)
	if err != nil {
		return
	}
	enc := base64.RawURLEncoding.EncodeToString(b)
	if len(enc) > 3800 {
		return
	}
	c.SetCookie(&http.Cookie{Name: name, Value: enc, Path: "/staff", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60})
}

// keptForm returns the form setKeptForm kept for entry (nil: none) and
// forgets it.
func keptForm(c echo.Context, name, entryID string) map[string]string {
	ck, err := c.Cookie(name)
	if err != nil {
		return nil
	}
	b, err := base64.RawURLEncoding.DecodeString(ck.Value)
	var vals map[string]string
	if err != nil || json.Unmarshal(b, &vals) != nil || vals["entry"] != entryID {
		return nil
	}
	c.SetCookie(&http.Cookie{Name: name, Path: "/staff", MaxAge: -1})
	return vals
}

// backToVacancy lands on the vacancy page at the element the message is
// shown in (without JavaScript the browser scrolls there; with it, app.js
// swaps the row in place).
func (f *Frontend) backToVacancy(c echo.Context, id, at string) error {
	return c.Redirect(http.StatusSeeOther, "/staff/vacancies/"+id+"#msg-"+at)
}

// conflictKeys name the page's message for each refusal code; the service's
// English detail is for the API and the logs only.
var conflictKeys = map[string]string{
	"transition_refused": "sl.c_transition_refused",
	"vacancy_closed":     "sl.c_vacancy_closed",
	"stale_version":      "sl.c_stale_version",
	"consent_missing":    "sl.c_consent_missing",
	"already_closed":     "sl.c_vacancy_closed",
}

// fieldLabels name the shortlist forms' fields in refusals.
var fieldLabels = map[string]string{
	"interview.date": "sl.interview_date", "interview.by": "sl.interview_by", "interview.assessment": "sl.assessment",
	"interview.notes": "sl.interview_notes", "note": "sl.note", "channel": "sl.consent_how", "to": "sl.next",
	"candidate_ids": "sl.person", "candidate_id": "sl.person",
	"start": "fw.iv_from", "end": "fw.iv_to", "mode": "fw.iv_mode", "place": "fw.iv_place", "url": "fw.iv_url",
	"deadline": "fw.deadline_label", "invite": "fw.iv_invite",
}

// refusal turns a refused step into a message the consultant can act on,
// wholly in the page's language.
func refusal(lang i18n.Lang, err error) (string, bool) {
	var ce *jobmatch.ConflictError
	var ve *jobmatch.ValidationError
	switch {
	case errors.As(err, &ce):
		key, ok := conflictKeys[ce.Code]
		if !ok {
			key = "sl.c_other"
		}
		return i18n.T(lang, "sl.refused") + ": " + i18n.T(lang, key), true
	case errors.As(err, &ve):
		msg := i18n.T(lang, "sl.invalid")
		errs := fieldMessages(lang, ve)
		keys := make([]string, 0, len(errs))
		for k := range errs {
			keys = append(keys, k)
		}
		sort.Strings(keys)
		for _, k := range keys {
			label := k
			if l, ok := fieldLabels[k]; ok {
				label = i18n.T(lang, l)
			}
			msg += " " + label + ": " + errs[k]
		}
		return msg, true
	}
	return "", false
}

// shortlistForm reads a shortlist entry's form and the entry it is posted to.
func (f *Frontend) shortlistForm(c echo.Context) (map[string]string, *jobmatch.ShortlistEntry, error) {
	v, err := formValues(c)
	if err != nil {
		return nil, nil, err
	}
	e, err := f.cfg.Screening.Entry(c.Request().Context(), c.Param("entry_id"))
	return v, e, err
}

// afterStep shows a step's outcome at the element at (the refusal, or the
// okKey message) and lands on the vacancy page there.
func (f *Frontend) afterStep(c echo.Context, vacancyID, at string, err error, okKey string, args ...any) error {
	if err != nil {
		if err := f.flashErr(c, err, at); err != nil {
			return err
		}
	} else {
		setFlashAt(c, i18n.T(web.Lang(c), okKey, args...), at, false)
	}
	return f.backToVacancy(c, vacancyID, at)
}

// flashErr shows a refused step at the given element.
func (f *Frontend) flashErr(c echo.Context, err error, at string) error {
	msg, ok := refusal(web.Lang(c), err)
	if !ok {
		return err
	}
	setFlashAt(c, msg, at, true)
	return nil
}

func (f *Frontend) shortlistAdd(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return echo.NewHTTPError(http.StatusBadRequest)
	}
	ids := form["candidate_id"]
	if one := form.Get("one"); one != "" {
		// A row's own button: that one, not the others ticked (the
		// button shares the ticked boxes' form).
		ids = []string{one}
	}
	// None ticked is no candidate left out of a form but a box not
	// ticked: said at the matches list, where the boxes are ("Ret
	// felterne: Kandidat: Skal udfyldes." named a field the page has not).
	if len(ids) == 0 {
		setFlashAt(c, i18n.T(web.Lang(c), "sl.none_ticked"), "matches", true)
		return f.backToVacancy(c, c.Param("id"), "matches")
	}
	at := "shortlist"
	if len(ids) == 1 {
		at = "sl-" + ids[0]
	}
	es, err := f.cfg.Screening.Add(c.Request().Context(), web.CurrentUser(c), c.Param("id"), ids)
	if err != nil {
		if len(ids) == 1 {
			at = "m-" + ids[0]
		}
		if err := f.flashErr(c, err, at); err != nil {
			return err
		}
	} else {
		setFlashAt(c, i18n.T(web.Lang(c), "sl.added", len(es)), at, false)
	}
	return f.backToVacancy(c, c.Param("id"), at)
}

func (f *Frontend) shortlistMove(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	vacancyID := v["vacancy_id"]
	at := "sl-" + v["candidate_id"]
	// keep brings the row's form back with what was typed, the fields
	// named marked invalid.
	keep := func(invalid ...string) {
		kept := map[string]string{}
		for _, k := range []string{"to", "note", "interview_date", "interview_by", "assessment", "interview_notes"} {
			kept[k] = v[k]
		}
		for _, name := range invalid {
			kept["invalid_"+name] = "true"
		}
		setKeptForm(c, moveFormCookie, c.Param("entry_id"), kept)
	}
	// No step chosen is no step taken: Enter in the note field sent the
	// select's first choice ("ansat" on a presented row hired the
	// person), and a note alone never moves the stage.
	if v["to"] == "" {
		keep()
		setFlashAt(c, i18n.T(web.Lang(c), "sl.pick_step"), at, true)
		return f.backToVacancy(c, vacancyID, at)
	}
	// A hire fills the vacancy and cannot be taken back here: it takes a
	// second, explicit tick.
	if v["to"] == string(jobmatch.StageHired) && v["confirm_hire"] == "" {
		keep("confirm_hire")
		setFlashAt(c, i18n.T(web.Lang(c), "sl.confirm_needed"), at, true)
		return f.backToVacancy(c, vacancyID, at)
	}
	version, _ := strconv.ParseInt(v["version"], 10, 64)
	in := screening.TransitionInput{To: v["to"], Note: v["note"], Version: version}
	if in.To == string(jobmatch.StageInterviewed) {
		in.Interview = &jobmatch.Interview{Date: v["interview_date"], By: v["interview_by"], Notes: v["interview_notes"], Assessment: v["assessment"]}
	}
	e, err := f.cfg.Screening.Move(c.Request().Context(), web.CurrentUser(c), c.Param("entry_id"), in)
	if err != nil {
		// The row's form comes back with what was typed: an assessment
		// refused for a CPR number or a date to come was wiped. The field
		// refused is marked invalid on the form that comes back and points
		// at the message (a screen reader heard nothing wrong with the
		// assessment it had to rewrite).
		var invalid []string
		var ve *jobmatch.ValidationError
		if errors.As(err, &ve) {
			for _, fe := range ve.Fields {
				if name, ok := moveFormFields[fe.Field]; ok {
					invalid = append(invalid, name)
				}
			}
		}
		keep(invalid...)
		if err := f.flashErr(c, err, at); err != nil {
			return err
		}
	} else {
		vacancyID, at = e.VacancyID, "sl-"+e.CandidateID
		setFlashAt(c, i18n.T(web.Lang(c), "sl.moved", i18n.T(web.Lang(c), "stage."+string(e.Stage))), at, false)
	}
	return f.backToVacancy(c, vacancyID, at)
}

func (f *Frontend) shortlistConsent(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	in := screening.VacancyConsentInput{VacancyID: c.Param("id"), Channel: v["channel"], RevealIdentity: v["reveal_identity"] == "on"}
	_, err = f.cfg.Screening.GiveConsent(c.Request().Context(), web.CurrentUser(c), v["candidate_id"], in)
	return f.afterStep(c, c.Param("id"), "sl-"+v["candidate_id"], err, "sl.consented")
}

// shortlistWithdrawConsent withdraws a citizen's consent to be presented
// for the vacancy, as the citizen asked their consultant to (the consent
// page and the privacy page tell them to): the employer's view no longer
// shows the person.
func (f *Frontend) shortlistWithdrawConsent(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	err = f.cfg.Screening.WithdrawConsent(c.Request().Context(), web.CurrentUser(c), v["candidate_id"], c.Param("id"))
	return f.afterStep(c, c.Param("id"), "sl-"+v["candidate_id"], err, "sl.consent_withdrawn")
}

// answerHandled marks an employer's question answered: the consultant has
// answered it by phone or mail, and it leaves the worklist. It returns to
// the page the button was on (the worklist, or the vacancy's shortlist).
func (f *Frontend) answerHandled(c echo.Context) error {
	v, err := formValues(c)
	if err != nil {
		return err
	}
	n, err := strconv.Atoi(c.Param("n"))
	if err != nil {
		return echo.NewHTTPError(http.StatusNotFound)
	}
	entryID := c.Param("entry_id")
	if err := f.cfg.Screening.AnswerHandled(c.Request().Context(), web.CurrentUser(c), entryID, n); err != nil {
		return err
	}
	if v["back"] == "vacancy" {
		e, err := f.cfg.Screening.Entry(c.Request().Context(), entryID)
		if err != nil {
			return err
		}
		setFlashAt(c, tr(c, "sl.question_handled"), "sl-"+e.CandidateID, false)
		return f.backToVacancy(c, e.VacancyID, "sl-"+e.CandidateID)
	}
	setFlash(c, tr(c, "sl.question_handled"))
	return c.Redirect(http.StatusSeeOther, "/staff#answers-h")
}
