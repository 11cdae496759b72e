package screening

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/i18n"
)

// Consent answers a citizen can give on a consent link.
const (
	ConsentYes      = "yes"       // yes, anonymously
	ConsentYesNamed = "yes_named" // yes, and the employer may see my name
	ConsentNo       = "no"
)

// ConsentAnswers are the three answers, in the order the page shows them.
var ConsentAnswers = []string{ConsentYes, ConsentYesNamed, ConsentNo}

// ConsentRequestInput asks a citizen for consent by link.
type ConsentRequestInput struct {
	Channel  string `json:"channel" validate:"required,oneof=email sms"`
	Deadline string `json:"deadline" validate:"required,max=40"`
	Lang     string `json:"lang,omitempty" validate:"omitempty,oneof=da en"`
}

// ConsentRequestSent is the answer to a consent request: the link's state
// (the token went to the citizen only).
type ConsentRequestSent struct {
	jobmatch.ConsentRequestState
	EntryID string `json:"entry_id"`
	To      string `json:"to"`
}

func consentRequestID(token string) string {
	sum := sha256.Sum256([]byte("consent:" + token))
	return hex.EncodeToString(sum[:])
}

// parseDeadline reads a deadline as a date (the end of that day in
// Copenhagen) or an RFC 3339 time.
func parseDeadline(s string) (time.Time, bool) {
	s = strings.TrimSpace(s)
	if d, err := time.ParseInLocation(time.DateOnly, s, jobmatch.Copenhagen); err == nil {
		return d.AddDate(0, 0, 1).Add(-time.Second), true
	}
	if t, err := time.Parse(time.RFC3339, s); err == nil {
		return t, true
	}
	return time.Time{}, false
}

// RequestConsent sends the citizen of a shortlist entry a private link to
// answer whether they may be presented to this employer, by e-mail or SMS
// (both through the outbox). A suggested entry moves to contacted.
func (sl *Service) RequestConsent(ctx context.Context, by *jobmatch.User, entryID string, in ConsentRequestInput) (*ConsentRequestSent, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	now := sl.now().UTC()
	deadline, ok := parseDeadline(in.Deadline)
	switch {
	case !ok:
		return nil, jobmatch.Invalid("deadline", "datetime", "")
	case !deadline.After(now.Add(time.Hour)):
		return nil, jobmatch.Invalid("deadline", "not_past", "")
	case deadline.After(now.AddDate(0, 0, 60)):
		return nil, jobmatch.Invalid("deadline", "lte", "60 days")
	}
	defer sl.st.LockConsentAnswer(entryID)()
	e, err := sl.Entry(ctx, entryID)
	if err != nil {
		return nil, err
	}
	k, err := sl.Consent(ctx, e.CandidateID, e.VacancyID)
	if err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return nil, err
	}
	switch {
	case e.Stage == jobmatch.StageSuggested, e.Stage == jobmatch.StageContacted, e.Stage == jobmatch.StageInterested, e.Stage == jobmatch.StageInterviewed:
	case e.Stage == jobmatch.StagePresented && !ConsentCovers(e, k):
		// Presented, and the consent withdrawn since (or the assessment
		// rewritten since it was given): the citizen is asked again, and
		// the employer sees them only once they say yes.
	default:
		return nil, &jobmatch.ConflictError{Code: "stage", Detail: "a consent can be asked for before the candidate is presented; the entry is " + string(e.Stage), Args: []string{string(e.Stage)}}
	}
	v, err := sl.vacancies.Vacancy(ctx, e.VacancyID)
	if err != nil {
		return nil, err
	}
	if err := v.CanScreen(); err != nil {
		return nil, err
	}
	c, err := sl.st.Candidate(ctx, e.CandidateID)
	if err != nil {
		return nil, err
	}
	to := c.Email
	if in.Channel == "sms" {
		to = c.Phone
	}
	if to == "" {
		return nil, jobmatch.Invalid("channel", "unreachable", "")
	}
	if in.Lang == "" {
		in.Lang = "da"
	}
	// A link sent before and not answered stops working: the citizen who
	// lost the mail, or whose link expired, gets a new one, and only the
	// newest link can answer (an old one answered "ja" after the consent
	// was withdrawn).
	before, err := sl.retireLink(ctx, e)
	if err != nil {
		return nil, err
	}
	token := jobmatch.NewToken()
	r := &jobmatch.ConsentRequest{ID: consentRequestID(token), EntryID: e.ID, VacancyID: v.ID, CandidateID: c.ID, Consultant: by.ID,
		Channel: in.Channel, Deadline: deadline.UTC(), By: by.ID, CreatedAt: now, Lang: in.Lang, Previous: before}
	if err := sl.st.ConsentRequestCreated(ctx, r); err != nil {
		return nil, err
	}
	state := jobmatch.ConsentRequestState{ID: r.ID, Channel: r.Channel, Deadline: r.Deadline, SentAt: now}
	if err := sl.st.ConsentLinkSent(ctx, e.ID, state); err != nil {
		return nil, err
	}
	if err := sl.sendConsentLink(ctx, r, v, to, token, false); err != nil {
		return nil, err
	}
	action := "consent.request"
	if before != nil {
		action = "consent.resend"
	}
	if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: action, Subjects: []string{c.ID}, VacancyID: v.ID, Reason: in.Channel}); err != nil {
		return nil, err
	}
	if e.Stage == jobmatch.StageSuggested {
		if _, err := sl.move(ctx, by, by.ID, e.ID, TransitionInput{To: string(jobmatch.StageContacted), Version: e.Version, Note: "samtykkelink sendt på " + channelWords[in.Channel]}); err != nil && !errors.Is(err, jobmatch.ErrConflict) {
			return nil, err
		}
	}
	return &ConsentRequestSent{ConsentRequestState: state, EntryID: e.ID, To: to}, nil
}

// retireLink ends the entry's consent link when it is still open (not
// answered; expired or not): it is closed as answered "replaced", so it
// and the links a reminder renewed it from (which lead to it) open only
// the page saying a newer link was sent, and take no answer. It returns
// the ids of the links sent before (nil when none), for the new request
// to keep: the erasure of an old pre-screening erases them with it.
func (sl *Service) retireLink(ctx context.Context, e *Entry) ([]string, error) {
	cr := e.ConsentRequest
	if cr == nil {
		return nil, nil
	}
	r, err := sl.st.ConsentRequest(ctx, cr.ID)
	if errors.Is(err, jobmatch.ErrNotFound) {
		return []string{}, nil
	}
	if err != nil {
		return nil, err
	}
	if r.AnsweredAt == nil {
		now := sl.now().UTC()
		if err := sl.st.ConsentRequestAnswered(ctx, r.ID, AnswerReplaced, now); err != nil {
			return nil, err
		}
		// The row says the link is closed, not waiting for an answer by
		// its deadline.
		if err := sl.st.ConsentLinkAnswered(ctx, e.ID, AnswerReplaced, now); err != nil {
			return nil, err
		}
	}
	return append([]string{r.ID}, r.Previous...), nil
}

// AnswerReplaced closes a consent link that a newer one replaced (sent
// again by the consultant); it is no answer of the citizen's.
const AnswerReplaced = "replaced"

// consultantOf names the consultant who asks for a consent, as the staff
// record has them (nil when not found).
func (sl *Service) consultantOf(ctx context.Context, id string) *jobmatch.ContactPerson {
	if sl.staff == nil || id == "" {
		return nil
	}
	u, err := sl.staff.User(ctx, id)
	if err != nil {
		sl.log.Warn("consultant of a consent link", "user", id, "err", err)
		return nil
	}
	cp := u.ContactPerson()
	return &cp
}

// askedBy says in the consent mail who asks, in Danish and English: the
// citizen is asked to share their CV with an employer by a named
// consultant they can call or write to, not by "jobcentret".
func askedBy(cp *jobmatch.ContactPerson) (da, en string) {
	if cp == nil || cp.Name == "" {
		return "", ""
	}
	da = fmt.Sprintf("Det er %s, virksomhedskonsulent i jobcentret, der spørger.", cp.Name)
	en = fmt.Sprintf("%s, a company consultant at the jobcentre, is asking.", cp.Name)
	switch {
	case cp.Phone != "" && cp.Email != "":
		da += fmt.Sprintf(" Har du spørgsmål, kan du ringe på %s eller skrive til %s.", cp.Phone, cp.Email)
		en += fmt.Sprintf(" If you have any questions, call %s or write to %s.", cp.Phone, cp.Email)
	case cp.Phone != "":
		da += fmt.Sprintf(" Har du spørgsmål, kan du ringe på %s.", cp.Phone)
		en += fmt.Sprintf(" If you have any questions, call %s.", cp.Phone)
	case cp.Email != "":
		da += fmt.Sprintf(" Har du spørgsmål, kan du skrive til %s.", cp.Email)
		en += fmt.Sprintf(" If you have any questions, write to %s.", cp.Email)
	}
	return da + "\n", en + "\n"
}

// sendConsentLink puts the link in the outbox: an e-mail, or an SMS text
// (kind consent_request_sms, the phone number as the address).
func (sl *Service) sendConsentLink(ctx context.Context, r *jobmatch.ConsentRequest, v *jobmatch.Vacancy, to, token string, reminder bool) error {
	link := sl.env.URL("/consent/" + token)
	// The day as the pages write it ("14. dec. 2026 kl. 23.59"), in
	// each language's own way.
	until := i18n.DateTime(i18n.DA, r.Deadline.In(jobmatch.Copenhagen))
	untilEN := i18n.DateTime(i18n.EN, r.Deadline.In(jobmatch.Copenhagen))
	kind := "consent_request"
	if reminder {
		kind = "consent_reminder"
	}
	cp := sl.consultantOf(ctx, r.Consultant)
	if r.Channel == "sms" {
		from := "Jobcentret"
		if cp != nil && cp.Name != "" {
			from = "Jobcentret, " + cp.Name
			if cp.Phone != "" {
				from += " (tlf. " + cp.Phone + ")"
			}
		}
		pre := from + ": "
		if reminder {
			pre = "Påmindelse fra " + strings.Replace(from, "Jobcentret", "jobcentret", 1) + ": "
		}
		return sl.env.Send(ctx, &jobmatch.Mail{To: to, Kind: kind + "_sms", Ref: r.EntryID, Subject: "SMS",
			Body: fmt.Sprintf("%sMå vi vise din profil til en arbejdsgiver (%s)? Svar senest %s: %s", pre, v.Title, until, link)})
	}
	subject := "Må vi præsentere dig for en arbejdsgiver? / May we present you to an employer?"
	if reminder {
		subject = "Påmindelse: " + subject
	}
	da, en := askedBy(cp)
	return sl.env.Send(ctx, &jobmatch.Mail{To: to, Kind: kind + "_email", Ref: r.EntryID, Subject: subject,
		Body: fmt.Sprintf("Hej\n\nJobcentret vil gerne præsentere dig for en arbejdsgiver, der søger: %s.\n%sSe præcis hvad arbejdsgiveren vil se, og svar ja, ja med navn eller nej her:\n%s\n\nSvar senest %s. Linket virker kun for dig og udløber derefter.\n\n"+
			"The jobcentre would like to present you to an employer looking for: %s.\n%sSee exactly what the employer would see and answer here:\n%s\n\nPlease answer by %s.\n",
			v.Title, da, link, until, v.Title, en, link, untilEN)})
}

// ConsentPage is what a consent link shows: the vacancy (the employer's
// name only if they agreed), exactly the profile the employer would see,
// and the answers.
type ConsentPage struct {
	Vacancy    ConsentVacancy `json:"vacancy"`
	Profile    Profile        `json:"profile"`
	Fields     []string       `json:"fields"`
	NameShown  string         `json:"name_if_named"`
	Answers    []string       `json:"answers"`
	Deadline   time.Time      `json:"deadline"`
	AnsweredAt *time.Time     `json:"answered_at,omitempty"`
	Answer     string         `json:"answer,omitempty"`
	Lang       string         `json:"lang"`
	// Consultant is who asks: their name, phone and e-mail as the staff
	// record has them.
	Consultant *jobmatch.ContactPerson `json:"consultant,omitempty"`
	// AssessmentSeen stands for the assessment the page shows, for the
	// answer to say which text the citizen read (SeenMark).
	AssessmentSeen string `json:"assessment_seen"`

	// assessment is the consultant's text as the page shows it, before
	// the name is taken out: what a yes consents to.
	assessment string
}

// SeenMark stands for an assessment text in a consent answer: the
// first 16 hex digits of its hash ("none" for no assessment).
func SeenMark(assessment string) string {
	if assessment == "" {
		return "none"
	}
	sum := sha256.Sum256([]byte(assessment))
	return hex.EncodeToString(sum[:8])
}

// ConsentVacancy is the vacancy as the citizen sees it.
type ConsentVacancy struct {
	Title          string `json:"title"`
	Description    string `json:"description"`
	EmployerName   string `json:"employer_name,omitempty"`
	PostalCode     string `json:"postal_code"`
	City           string `json:"city,omitempty"`
	EmploymentType string `json:"employment_type"`
	Hours          string `json:"hours"`
	StartDate      string `json:"start_date,omitempty"`
}

// ConsentByToken returns the request behind a link; an answered or
// expired link is ErrGone (with the request, for the page).
func (sl *Service) ConsentByToken(ctx context.Context, token string) (*jobmatch.ConsentRequest, error) {
	if len(token) < 16 || len(token) > 128 {
		return nil, jobmatch.ErrNotFound
	}
	r, err := sl.st.ConsentRequest(ctx, consentRequestID(token))
	if err != nil {
		return nil, err
	}
	if r.SupersededBy != "" {
		if r, err = sl.st.ConsentRequest(ctx, r.SupersededBy); err != nil {
			return nil, err
		}
	}
	// The vacancy filled or closed meanwhile: nothing to say yes to (a
	// "ja" was recorded for a job already taken). Said first: filling it
	// withdraws the others and so closes their links too, and "the link
	// no longer works" told the citizen less than that the job is gone.
	if v, err := sl.vacancies.Vacancy(ctx, r.VacancyID); err == nil && v.Status.Ended() {
		return r, ErrVacancyEnded
	}
	if r.AnsweredAt != nil || r.Expired(sl.now()) {
		return r, jobmatch.ErrGone
	}
	return r, nil
}

// ErrVacancyEnded: a consent link of a vacancy filled or closed since (a
// jobmatch.ErrGone).
var ErrVacancyEnded = fmt.Errorf("the vacancy is filled or closed: %w", jobmatch.ErrGone)

// ConsentView builds what the link shows, in Danish.
func (sl *Service) ConsentView(ctx context.Context, r *jobmatch.ConsentRequest) (*ConsentPage, error) {
	return sl.ConsentViewIn(ctx, r, i18n.DA)
}

// ConsentViewIn is ConsentView in lang: the profile as the employer's page
// in that language shows it ("12 years", not "12 år", on the English page).
func (sl *Service) ConsentViewIn(ctx context.Context, r *jobmatch.ConsentRequest, lang i18n.Lang) (*ConsentPage, error) {
	e, err := sl.Entry(ctx, r.EntryID)
	if err != nil {
		return nil, err
	}
	v, err := sl.vacancies.Vacancy(ctx, r.VacancyID)
	if err != nil {
		return nil, err
	}
	c, err := sl.st.Candidate(ctx, r.CandidateID)
	if err != nil {
		return nil, err
	}
	pub, err := sl.vacancies.Publication(ctx, v.ID)
	if err != nil {
		return nil, err
	}
	cv := ConsentVacancy{Title: v.Title, Description: v.Description, PostalCode: v.PostalCode, EmploymentType: string(v.EmploymentType), Hours: string(v.Hours)}
	if pub.ShowName {
		cv.EmployerName = v.CompanyName
	} else {
		// The page says the name is told once the employer agrees to it,
		// so the employer's own text does not tell it either ("Rødekro IT
		// ApS søger en softwareudvikler …").
		cv.Title = intake.RedactEmployer(v.Title, i18n.T(lang, "anon.company"), v.CompanyName, v.CompanyNameGiven)
		cv.Description = intake.RedactEmployer(v.Description, i18n.T(lang, "anon.company"), v.CompanyName, v.CompanyNameGiven)
	}
	if sl.places != nil {
		cv.City = sl.places.Name(v.PostalCode)
	}
	if !v.StartDate.IsZero() {
		cv.StartDate = v.StartDate.Format(time.DateOnly)
	}
	p := sl.profile(v, e, c, lang)
	p.Answers = nil
	assessment := p.Interview
	anonymiseProfile(&p, c, sl.places, false, lang) // as the employer sees it anonymously
	return &ConsentPage{Vacancy: cv, Profile: p, Fields: profileFields(p), NameShown: c.Name, Answers: ConsentAnswers,
		Deadline: r.Deadline, AnsweredAt: r.AnsweredAt, Answer: r.Answer, Lang: r.Lang, Consultant: sl.consultantOf(ctx, r.Consultant),
		AssessmentSeen: SeenMark(assessment), assessment: assessment}, nil
}

// profileFields names the fields of a profile the employer will see.
func profileFields(p Profile) []string {
	var out []string
	add := func(name string, ok bool) {
		if ok {
			out = append(out, name)
		}
	}
	add("occupations", len(p.Occupations) > 0)
	add("experience", len(p.Experience) > 0)
	add("skills", len(p.Skills) > 0)
	add("skills_matched", len(p.SkillsMatched) > 0)
	add("education", len(p.Education) > 0)
	add("languages", len(p.Languages) > 0)
	add("available_from", p.AvailableFrom != "")
	add("hours", len(p.Hours) > 0)
	add("shifts", len(p.Shifts) > 0)
	add("distance_band", p.DistanceBand != "")
	add("interview_summary", p.Interview != "")
	return out
}

// ConsentAnswerInput is the citizen's answer.
type ConsentAnswerInput struct {
	Answer string `json:"answer" validate:"required,oneof=yes yes_named no"`
	// Seen is the page's AssessmentSeen: the assessment the citizen read
	// when answering (empty: the one the link shows now).
	Seen string `json:"seen,omitempty" validate:"max=64"`
}

// AnswerConsent records the citizen's answer once: yes records the consent
// for this vacancy (channel digital, with what was shown) and moves a
// contacted entry to interested; no moves it to not interested (or
// withdrawn, later in the pre-screening).
func (sl *Service) AnswerConsent(ctx context.Context, token string, in ConsentAnswerInput) (*ConsentPage, error) {
	if err := sl.val.Validate(in); err != nil {
		return nil, err
	}
	r, err := sl.ConsentByToken(ctx, token)
	if err != nil {
		return nil, err
	}
	defer sl.st.LockConsentAnswer(r.EntryID)()
	var page *ConsentPage
	now := sl.now().UTC()
	// The answer is claimed across replicas (one link, one answer), then
	// written; the rest follows from it.
	err = sl.env.Once(ctx, "consent:"+r.ID+":answer", jobmatch.ErrGone, func() error {
		if r, err = sl.ConsentByToken(ctx, token); err != nil {
			return err
		}
		if page, err = sl.ConsentView(ctx, r); err != nil {
			return err
		}
		return sl.st.ConsentRequestAnswered(ctx, r.ID, in.Answer, now)
	})
	if err != nil {
		return nil, err
	}
	r.AnsweredAt, r.Answer = &now, in.Answer
	if err := sl.st.ConsentLinkAnswered(ctx, r.EntryID, in.Answer, now); err != nil {
		return nil, err
	}
	const actor = "citizen"
	if in.Answer != ConsentNo {
		fields := page.Fields
		if in.Answer == ConsentYesNamed {
			fields = append(fields, "name")
		}
		// The yes is to the assessment the citizen read: one written
		// while the page stood open (the mark differs) was not read, so
		// none is consented to and the employer is shown none.
		seen := page.assessment
		if in.Seen != "" && in.Seen != SeenMark(seen) {
			seen = ""
			fields = slices.DeleteFunc(fields, func(f string) bool { return f == "interview_summary" })
		}
		k := &jobmatch.Consent{ID: consentID(r.CandidateID, r.VacancyID), CandidateID: r.CandidateID, VacancyID: r.VacancyID, Channel: "digital",
			RevealIdentity: in.Answer == ConsentYesNamed, By: actor, GivenAt: now, Assessment: &seen,
			Shown: &jobmatch.ConsentShown{Title: page.Vacancy.Title, EmployerName: page.Vacancy.EmployerName, Fields: fields, RequestID: r.ID}}
		if v, err := sl.vacancies.Vacancy(ctx, r.VacancyID); err == nil {
			k.CVR = v.CVR
		}
		if err := sl.st.ConsentRecorded(ctx, k); err != nil {
			return nil, err
		}
		if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: actor, Action: "consent.give", Subjects: []string{r.CandidateID}, VacancyID: r.VacancyID, Reason: "digital:" + in.Answer}); err != nil {
			return nil, err
		}
	} else {
		if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: actor, Action: "consent.decline", Subjects: []string{r.CandidateID}, VacancyID: r.VacancyID, Reason: "digital"}); err != nil {
			return nil, err
		}
		// A no to a link asking again ends a consent given before: the
		// newest answer is the citizen's.
		if k, err := sl.Consent(ctx, r.CandidateID, r.VacancyID); err == nil && k.Active() {
			k.WithdrawnAt = &now
			if err := sl.st.ConsentRecorded(ctx, k); err != nil {
				return nil, err
			}
			if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: actor, Action: "consent.withdraw", Subjects: []string{r.CandidateID}, VacancyID: r.VacancyID, Reason: "digital"}); err != nil {
				return nil, err
			}
		}
	}
	if e, err := sl.Entry(ctx, r.EntryID); err == nil {
		var to jobmatch.Stage
		switch {
		case in.Answer != ConsentNo && e.Stage == jobmatch.StageContacted:
			to = jobmatch.StageInterested
		case in.Answer == ConsentNo && e.Stage == jobmatch.StageContacted:
			to = jobmatch.StageNotInterested
		case in.Answer == ConsentNo && jobmatch.CanMove(e.Stage, jobmatch.StageWithdrawn) == nil:
			to = jobmatch.StageWithdrawn
		}
		if to != "" {
			moved, err := sl.move(ctx, nil, actor, e.ID, TransitionInput{To: string(to), Version: e.Version, Note: "svar på samtykkelink: " + consentAnswerWords[in.Answer][0]})
			if err != nil && !errors.Is(err, jobmatch.ErrConflict) {
				return nil, err
			}
			// A no ends the process: an interview still to come is
			// cancelled in the consultant's name, who organised it.
			if moved != nil && in.Answer == ConsentNo && sl.staff != nil {
				if u, err := sl.staff.User(ctx, r.Consultant); err == nil {
					sl.cancelComing(ctx, u, moved)
				}
			}
		}
	}
	words := consentAnswerWords[in.Answer]
	if err := sl.env.Send(ctx, &jobmatch.Mail{To: r.Consultant, Kind: "consent_answer", Ref: r.EntryID,
		Subject: "Svar på samtykke / Consent answer: " + words[0] + " / " + words[1],
		Body:    fmt.Sprintf("Borgeren har svaret %q på samtykkelinket til %s.\nThe citizen answered %q to the consent link for %s.\n", words[0], page.Vacancy.Title, words[1], page.Vacancy.Title)}); err != nil {
		sl.log.Warn("tell consultant", "entry", r.EntryID, "err", err)
	}
	page.AnsweredAt, page.Answer = r.AnsweredAt, r.Answer
	return page, nil
}

// OverdueConsent is a consent link whose deadline passed unanswered.
type OverdueConsent struct {
	EntryID     string    `json:"entry_id"`
	VacancyID   string    `json:"vacancy_id"`
	CandidateID string    `json:"candidate_id"`
	Name        string    `json:"name"`
	Channel     string    `json:"channel"`
	Deadline    time.Time `json:"deadline"`
}

// OverdueConsents are a consultant's consent links past their deadline
// without an answer, oldest deadline first.
func (sl *Service) OverdueConsents(ctx context.Context, consultantID string) ([]OverdueConsent, error) {
	ids, err := sl.st.OpenConsentRequestIDs(ctx)
	if err != nil {
		return nil, err
	}
	now := sl.now()
	out := []OverdueConsent{}
	for _, id := range ids {
		r, err := sl.st.ConsentRequest(ctx, id)
		if err != nil || r.SupersededBy != "" || r.AnsweredAt != nil || !r.Expired(now) || r.Consultant != consultantID {
			continue
		}
		o := OverdueConsent{EntryID: r.EntryID, VacancyID: r.VacancyID, CandidateID: r.CandidateID, Channel: r.Channel, Deadline: r.Deadline}
		if c, err := sl.st.Candidate(ctx, r.CandidateID); err == nil {
			o.Name = c.Name
		}
		out = append(out, o)
	}
	slices.SortFunc(out, func(a, b OverdueConsent) int { return a.Deadline.Compare(b.Deadline) })
	return out, nil
}

// RemindConsents sends each open consent link one reminder when its
// deadline is less than two days away (the daily job). The reminder is
// claimed by a unique insert, so two replicas send it once. It needs a new
// token: the old one is not stored, so the reminder carries a fresh link
// and the old request's id moves with it.
func (sl *Service) RemindConsents(ctx context.Context) (int, error) {
	ids, err := sl.st.OpenConsentRequestIDs(ctx)
	if err != nil {
		return 0, err
	}
	now := sl.now().UTC()
	n := 0
	for _, id := range ids {
		r, err := sl.st.ConsentRequest(ctx, id)
		if err != nil || r.SupersededBy != "" || r.AnsweredAt != nil || r.RemindedAt != nil || r.Expired(now) || r.Deadline.Sub(now) > 48*time.Hour {
			continue
		}
		if first, err := sl.st.ClaimConsentReminder(ctx, r.ID, now); err != nil {
			return n, err
		} else if !first {
			continue
		}
		v, err := sl.vacancies.Vacancy(ctx, r.VacancyID)
		if err != nil {
			continue
		}
		c, err := sl.st.Candidate(ctx, r.CandidateID)
		if err != nil {
			continue
		}
		to := c.Email
		if r.Channel == "sms" {
			to = c.Phone
		}
		// The token is not stored, so the reminder carries a new one: the
		// request is stored again under the new token's hash, and the old
		// link points at it (both links open the same request).
		token := jobmatch.NewToken()
		old := r.ID
		r.ID, r.RemindedAt, r.Previous = consentRequestID(token), &now, append(r.Previous, old)
		if err := sl.st.ConsentRequestRenewed(ctx, old, r); err != nil {
			return n, err
		}
		if err := sl.st.ConsentLinkRenewed(ctx, r.EntryID, r.ID, now); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
			return n, err
		}
		if to != "" {
			if err := sl.sendConsentLink(ctx, r, v, to, token, true); err != nil {
				return n, err
			}
		}
		if err := sl.audit.Record(ctx, jobmatch.AuditEvent{Actor: "system", Action: "consent.remind", Subjects: []string{r.CandidateID}, VacancyID: r.VacancyID}); err != nil {
			return n, err
		}
		n++
	}
	return n, nil
}

// consentAnswerWords say a consent link's answer in Danish and English, for
// the shortlist's history and the consultant's mail.
var consentAnswerWords = map[string][2]string{
	ConsentYes:      {"ja", "yes"},
	ConsentYesNamed: {"ja, med navn", "yes, with name"},
	ConsentNo:       {"nej", "no"},
}

// channelWords name the ways a consent link is sent, in the history's
// Danish.
var channelWords = map[string]string{"email": "e-mail", "sms": "sms"}

// Asker names the consultant who sent a consent link, for its page once
// the link no longer works (whom to contact).
func (sl *Service) Asker(ctx context.Context, r *jobmatch.ConsentRequest) *jobmatch.ContactPerson {
	return sl.consultantOf(ctx, r.Consultant)
}
