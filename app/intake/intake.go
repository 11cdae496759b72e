package intake

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/calendar"
	"jobmatch/i18n"
	"jobmatch/store"
)

// The one entry point: a vacancy or any other request from a company, from the
// web form, the JSON API or the hotline. Each lands as a Request on the
// company, assigned to the company's contact consultant, and answers with a
// receipt naming that person.

// SubmitVacancy stores a vacancy and its Request, assigned to the company's
// contact consultant. With a non-empty idempotency key a repeat of the same
// submission returns the first receipt.
func (s *Service) SubmitVacancy(ctx context.Context, in VacancyInput, channel jobmatch.Channel, by *jobmatch.User, idemKey string) (*jobmatch.Receipt, error) {
	in.Company, in.PostalCode = normalized(in.Company), app.NormalizePostal(in.PostalCode)
	in.Company.Contact.Unverified = by == nil
	// Every field's error at once: the dates in the past too, not in a
	// second round.
	if err := joinInvalid(joinInvalid(requireContactName(s.val.Validate(in), in.Company, channel), s.checkVacancyDates(in)), checkDiscrimination(in)); err != nil {
		return nil, err
	}
	file := func(ids attemptIDs) (*jobmatch.Receipt, error) {
		c, err := s.prepareCompany(ctx, in.Company)
		if err != nil {
			return nil, err
		}
		now := s.now().UTC()
		v := newVacancy(c, in, ids.vacancy(), jobmatch.NewToken(), now)
		r := s.newRequest(ctx, c, jobmatch.TopicVacancy, channel, by, now)
		r.CompanyNameGiven = nameGiven(in.Company, c)
		r.ID = ids.request(r.ID)
		r.Text, r.Contact, r.VacancyID, r.StatusToken = v.Title, v.Contact, v.ID, v.StatusToken
		v.RequestID = r.ID
		if err := s.fileRequest(ctx, r, v, store.Link{Token: v.StatusToken, Kind: "vacancy", ID: v.ID, CreatedAt: now}); err != nil {
			return nil, err
		}
		s.notifyVacancy(ctx, v)
		rc, err := s.receipt(ctx, c, r, "vacancy", v.ID, v.StatusToken)
		if err == nil {
			rc.PersonalWords = v.PersonalWords()
		}
		return rc, err
	}
	// An attempt killed between its request and its vacancy (the request
	// is written first): the vacancy, as the request names it, and the
	// counters, which come last.
	finish := func(r *jobmatch.Request) error {
		if r.VacancyID == "" {
			return nil
		}
		if _, err := s.st.Vacancy(ctx, r.VacancyID); !errors.Is(err, jobmatch.ErrNotFound) {
			return err
		}
		c, err := s.companies.Company(ctx, r.CVR)
		if err != nil {
			return err
		}
		v := newVacancy(c, in, r.VacancyID, r.StatusToken, r.ReceivedAt)
		v.RequestID, v.Reference = r.ID, r.Reference
		inc := app.ReceiptCounters(r)
		inc["vacancies_posted"] = 1
		if err := s.st.FinishVacancy(ctx, v, inc); err != nil {
			return err
		}
		s.notifyVacancy(ctx, v)
		return nil
	}
	return s.idempotent(ctx, "vacancy", idemKey, in, file, finish)
}

// newVacancy is the vacancy of a submission, under id and token, made at now.
func newVacancy(c *jobmatch.Company, in VacancyInput, id, token string, now time.Time) *jobmatch.Vacancy {
	return &jobmatch.Vacancy{
		ID: id, CVR: c.CVR, CompanyName: c.Name, CompanyNameGiven: nameGiven(in.Company, c),
		Contact: person(in.Company.Contact), Title: strings.TrimSpace(in.Title), Description: in.Description,
		SkillsRequired: app.CleanList(in.SkillsRequired), SkillsDesired: app.CleanList(in.SkillsDesired),
		Languages: in.Languages, DrivingLicence: in.DrivingLicence, ExperienceYears: in.ExperienceYears,
		EducationLevel: in.EducationLevel,
		PostalCode:     in.PostalCode, EmploymentType: jobmatch.EmploymentType(in.EmploymentType),
		Hours: jobmatch.Hours(in.Hours), Positions: in.Positions, StartDate: app.MustDate(in.StartDate), Deadline: app.MustDate(in.Deadline),
		ScreeningRequested: in.ScreeningRequested, Status: jobmatch.VacancyOpen,
		ConsultantID: c.ConsultantID, StatusToken: token, CreatedAt: now, UpdatedAt: now, Version: 1,
	}
}

// SubmitRequest stores any other request from a company.
func (s *Service) SubmitRequest(ctx context.Context, in RequestInput, by *jobmatch.User, idemKey string) (*jobmatch.Receipt, error) {
	in.Company = normalized(in.Company)
	in.Company.Contact.Unverified = by == nil
	if err := requireContactName(s.val.Validate(in), in.Company, jobmatch.Channel(in.Channel)); err != nil {
		return nil, err
	}
	if by == nil {
		// Anonymous employers use the web form or the API; phone, e-mail and
		// visits are logged by staff.
		switch jobmatch.Channel(in.Channel) {
		case jobmatch.ChannelWeb, jobmatch.ChannelAPI:
		default:
			return nil, jobmatch.Invalid("channel", "staff_channel", "")
		}
		// A vacancy as a request would have no vacancy to match: the
		// hotline logs a call about one, an employer posts the vacancy.
		if jobmatch.Topic(in.Topic) == jobmatch.TopicVacancy {
			return nil, jobmatch.Invalid("topic", "use_vacancies", "")
		}
	}
	return s.idempotent(ctx, "request", idemKey, in, func(ids attemptIDs) (*jobmatch.Receipt, error) {
		c, err := s.prepareCompany(ctx, in.Company)
		if err != nil {
			return nil, err
		}
		now := s.now().UTC()
		r := s.newRequest(ctx, c, jobmatch.Topic(in.Topic), jobmatch.Channel(in.Channel), by, now)
		r.ID = ids.request(r.ID)
		r.Text, r.Subsidy, r.Contact, r.StatusToken = in.Text, in.Subsidy, person(in.Company.Contact), jobmatch.NewToken()
		r.CompanyNameGiven = nameGiven(in.Company, c)
		if err := s.fileRequest(ctx, r, nil, store.Link{Token: r.StatusToken, Kind: "request", ID: r.ID, CreatedAt: now}); err != nil {
			return nil, err
		}
		return s.receipt(ctx, c, r, "request", r.ID, r.StatusToken)
	}, nil)
}

// normalized is the company and its contact as a sender wrote them, read
// alike from the form and the API: the CVR number without its spaces
// ("31 70 00 43", "31700108 "), the postal code without the town or "DK-"
// ("8000 Aarhus C", "DK-8000"), and every field without the spaces
// around it (" soren@firma.dk" was no e-mail address over the API).
func normalized(c companies.CompanyInput) companies.CompanyInput {
	c.CVR, c.PostalCode = jobmatch.NormalizeCVR(c.CVR), app.NormalizePostal(c.PostalCode)
	c.Name, c.Address, c.Industry = strings.TrimSpace(c.Name), strings.TrimSpace(c.Address), strings.TrimSpace(c.Industry)
	p := &c.Contact
	p.Name, p.Email, p.Phone = strings.TrimSpace(p.Name), strings.TrimSpace(p.Email), strings.TrimSpace(p.Phone)
	return c
}

// joinInvalid puts the field errors of b after a's; any other error wins.
func joinInvalid(a, b error) error {
	var va, vb *jobmatch.ValidationError
	switch {
	case a == nil:
		return b
	case b == nil:
		return a
	case errors.As(a, &va) && errors.As(b, &vb):
		va.Fields = append(va.Fields, vb.Fields...)
		return va
	case errors.As(a, &va):
		return b
	}
	return a
}

func (s *Service) checkVacancyDates(in VacancyInput) error {
	today := s.now().In(jobmatch.Copenhagen).Format(time.DateOnly)
	verr := &jobmatch.ValidationError{}
	// A date that does not read has its format's error alone ("01-02-2027"
	// was in the past too, as text).
	isDate := func(d string) bool { _, err := time.Parse(time.DateOnly, d); return err == nil }
	if in.Deadline != "" && isDate(in.Deadline) && in.Deadline < today {
		verr.Add("deadline", "not_past", "")
	}
	if in.StartDate != "" && isDate(in.StartDate) && in.StartDate < today {
		verr.Add("start_date", "not_past", "")
	}
	return verr.Err()
}

// checkDiscrimination refuses a vacancy whose title, text or skills ask
// for a gender, an age or an ethnic origin ("kassedame", "max 25 år",
// "dansk af oprindelse") or demand a religion, health or no pregnancy
// ("skal være kristen", "må ikke være gravid"; jobmatch.DiscriminationIn): a job advert may not
// (ligebehandlingsloven § 6, forskelsbehandlingsloven § 4), and the
// jobcentre publishes it. Each field says its own words, so the employer
// knows what to write again; a skill by its place in the list.
func checkDiscrimination(in VacancyInput) error {
	verr := &jobmatch.ValidationError{}
	check := func(field, text string) {
		if words := jobmatch.DiscriminationIn(text); len(words) > 0 {
			verr.Add(field, "discrimination", "«"+strings.Join(words, "», «")+"»")
		}
	}
	check("title", in.Title)
	check("description", in.Description)
	for i, sk := range in.SkillsRequired {
		check(fmt.Sprintf("skills_required[%d]", i), sk)
	}
	for i, sk := range in.SkillsDesired {
		check(fmt.Sprintf("skills_desired[%d]", i), sk)
	}
	return verr.Err()
}

func init() {
	i18n.Register(map[string][2]string{
		"v.discrimination": {"Et stillingsopslag må ikke efterspørge et bestemt køn, en bestemt alder eller en bestemt etnisk oprindelse og heller ikke stille krav om religion, helbred, handicap eller graviditet (ligebehandlingsloven og forskelsbehandlingsloven). Skriv om: %s. Beskriv i stedet, hvad jobbet kræver (fx kassemedarbejder, ikke kassedame, eller at du kan løfte 25 kg). En mindstealder, som loven kræver, fx 18 år for at servere alkohol, er i orden.",
			"A job advert may not ask for a particular gender, age or ethnic origin, nor set requirements about religion, health, disability or pregnancy (the Danish equal treatment and anti-discrimination acts). Rewrite: %s. Describe what the job requires instead (e.g. cashier, not kassedame, or that you can lift 25 kg). A minimum age the law requires, e.g. 18 to serve alcohol, is fine."},
	})
}

// prepareCompany finds or creates the company. A known company keeps its
// name and consultant whatever the form says.
func (s *Service) prepareCompany(ctx context.Context, in companies.CompanyInput) (*jobmatch.Company, error) {
	c, _, err := s.companies.EnsureCompany(ctx, in)
	if errors.Is(err, companies.ErrNoConsultants) {
		return nil, fmt.Errorf("intake: no consultant to assign (create one with `jobmatch user add --role consultant`): %w", err)
	}
	return c, err
}

// nameGiven is the company name a sender gave when it is not the name of
// the company their CVR number is ("" when it is): a mistyped CVR filed a
// haulier's vacancy under a bakery, silently.
func nameGiven(in companies.CompanyInput, c *jobmatch.Company) string {
	if given := strings.TrimSpace(in.Name); !jobmatch.SameCompanyName(given, c.Name) {
		return given
	}
	return ""
}

func (s *Service) newRequest(ctx context.Context, c *jobmatch.Company, topic jobmatch.Topic, ch jobmatch.Channel, by *jobmatch.User, now time.Time) *jobmatch.Request {
	r := &jobmatch.Request{
		ID: jobmatch.NewID(), CVR: c.CVR, CompanyName: c.Name, Topic: topic, Channel: ch,
		ConsultantID: c.ConsultantID, Status: jobmatch.RequestOpen, ReceivedAt: now, Period: jobmatch.PeriodsOf(now), Version: 1,
	}
	if by != nil {
		r.LoggedBy = by.ID
	}
	if days, ok := s.DeadlineDays(ctx)[string(topic)]; ok && days > 0 {
		due := calendar.AddWorkingDays(now, days)
		r.DueAt = &due
	} else if s.deadline != nil {
		due := s.deadline(topic, now)
		r.DueAt = &due
	}
	return r
}

// fileRequest routes a request to whoever handles its consultant's
// requests now, has the store file it (store.FileRequest: lists, reference
// number, open requests, records, counters) and tells the retention team
// of a sick-listed employee.
func (s *Service) fileRequest(ctx context.Context, r *jobmatch.Request, v *jobmatch.Vacancy, link store.Link) error {
	r.ConsultantID = s.routeOwner(ctx, r.CVR, r.ConsultantID)
	inc := app.ReceiptCounters(r)
	if v != nil {
		inc["vacancies_posted"] = 1
	}
	if err := s.st.FileRequest(ctx, r, v, inc, link); err != nil {
		return err
	}
	return s.notifyRetentionTeam(ctx, r)
}

// routeOwner returns who handles a consultant's requests now: the deputy
// while they are away, else themselves. A contact person who has left
// (deactivated, or given another role) handles nothing: the company's
// requests go to the consultant the assignment rule picks by area
// (companies.StandIn) until an admin moves the company; a deputy who has
// left is passed over the same way. The stored contact is not changed here.
func (s *Service) routeOwner(ctx context.Context, cvr, consultantID string) string {
	u, err := s.staff.User(ctx, consultantID)
	if err != nil {
		return consultantID
	}
	if !handles(u) {
		c, err := s.companies.Company(ctx, cvr)
		if err == nil {
			u, err = s.companies.StandIn(ctx, c)
		}
		if err != nil {
			s.log.Error("route a request of a company whose contact person has left", "cvr", cvr, "err", err)
			return consultantID
		}
	}
	if !u.Away || u.DeputyID == "" {
		return u.ID
	}
	if d, err := s.staff.User(ctx, u.DeputyID); err != nil || !handles(d) {
		return u.ID
	}
	return u.DeputyID
}

// employersContact is the company's contact person as employers are told
// (receipts, status pages): while the stored one has left and the company
// is still to be moved, the consultant its new requests go to
// (routeOwner), not someone they cannot reach. Staff see the stored one,
// marked as left (companies.ContactPersonOf).
func (s *Service) employersContact(ctx context.Context, c *jobmatch.Company) (jobmatch.ContactPerson, error) {
	cp, err := s.companies.ContactPersonOf(ctx, c)
	if err != nil || !cp.Left {
		return cp, err
	}
	if u, err := s.staff.User(ctx, s.routeOwner(ctx, c.CVR, c.ConsultantID)); err == nil && handles(u) {
		return u.ContactPerson(), nil
	}
	return cp, nil
}

// handles reports whether u takes requests: an active consultant.
func handles(u *jobmatch.User) bool {
	return u.Active && u.Role == jobmatch.RoleConsultant
}

func (s *Service) receipt(ctx context.Context, c *jobmatch.Company, r *jobmatch.Request, kind, id, token string) (*jobmatch.Receipt, error) {
	cp, err := s.employersContact(ctx, c)
	if err != nil {
		return nil, err
	}
	rc := &jobmatch.Receipt{ID: id, Kind: kind, Reference: r.Reference, StatusURL: "/status/" + token, ContactPerson: cp,
		RequestID: r.ID, Company: c.Name, CVR: c.CVR, AnswerBy: answerBy(r.DueAt)}
	s.confirm(ctx, r, rc)
	return rc, nil
}

// answerBy is the due day in Copenhagen as "YYYY-MM-DD", "" without one.
func answerBy(due *time.Time) string {
	if due == nil {
		return ""
	}
	return due.In(jobmatch.Copenhagen).Format(time.DateOnly)
}

// confirm e-mails the company's contact a receipt (through the outbox):
// the reference, the private link and when to expect an answer. Requests
// logged by the hotline without an e-mail address get none. rc says
// whether one went (ReceiptMailed): the receipt page said "Vi har sendt en
// kvittering" to an address past its receipts for the day.
func (s *Service) confirm(ctx context.Context, r *jobmatch.Request, rc *jobmatch.Receipt) {
	if r.Contact.Email == "" {
		return
	}
	if r.LoggedBy == "" && !s.receipts.take(r.Contact.Email, s.now().In(jobmatch.Copenhagen).Format(time.DateOnly)) {
		// Anyone may post under any address: the jobcentre's mail is not
		// to be turned on someone's inbox.
		s.log.Info("receipt not mailed: the address had its receipts for the day", "ref", rc.Reference, "per_day", receiptsPerDay)
		return
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Tak for din henvendelse til jobcentret.\n\nReference: %s\n", rc.Reference)
	if rc.AnswerBy != "" {
		d, _ := time.Parse(time.DateOnly, rc.AnswerBy)
		fmt.Fprintf(&b, "Du får svar senest: %s\n", i18n.Date(i18n.DA, d))
	}
	cp := rc.ContactPerson
	fmt.Fprintf(&b, "Din faste kontaktperson: %s, %s, %s\n", cp.Name, cp.Phone, cp.Email)
	if d := cp.Deputy; d != nil {
		fmt.Fprintf(&b, "%s er fraværende i øjeblikket. Imens går din henvendelse til %s, %s, %s\n", cp.Name, d.Name, d.Phone, d.Email)
	}
	fmt.Fprintf(&b, "\nFølg din henvendelse her (linket er personligt – del det kun med dine kolleger):\n%s\n\n", s.env.URL(rc.StatusURL))
	fmt.Fprintf(&b, "---\nThank you for contacting the jobcentre. Reference: %s.", rc.Reference)
	if rc.AnswerBy != "" {
		d, _ := time.Parse(time.DateOnly, rc.AnswerBy)
		fmt.Fprintf(&b, " You will have an answer by %s.", i18n.Date(i18n.EN, d))
	}
	fmt.Fprintf(&b, " Your fixed contact person: %s, %s, %s.", cp.Name, cp.Phone, cp.Email)
	if d := cp.Deputy; d != nil {
		fmt.Fprintf(&b, " %s is away at the moment; meanwhile your request goes to %s, %s, %s.", cp.Name, d.Name, d.Phone, d.Email)
	}
	fmt.Fprintf(&b, " Follow it at the private link above.\n")
	m := &jobmatch.Mail{To: r.Contact.Email, Subject: "Kvittering for din henvendelse " + rc.Reference, Body: b.String(), Kind: "receipt", Ref: rc.Reference}
	if err := s.env.Send(ctx, m); err != nil {
		s.log.Warn("receipt mail", "ref", rc.Reference, "err", err)
		return
	}
	rc.ReceiptMailed = true
}

// receiptsPerDay bounds the receipts mailed to one address a day from the
// public entry point, per process (the receipt page shows each anyway).
const receiptsPerDay = 10

// receiptQuota counts the receipts mailed to each address today, in this
// process: no write on the intake's path (a marker per receipt cost a
// tenth of the intake's rate), and with replicas the bound is theirs
// together, a few times ten.
type receiptQuota struct {
	mu    sync.Mutex
	day   string
	count map[[8]byte]int
}

// take counts one receipt to addr on day: false when it had its share.
func (q *receiptQuota) take(addr, day string) bool {
	sum := sha256.Sum256([]byte(jobmatch.NormalizeEmail(addr)))
	var k [8]byte
	copy(k[:], sum[:8])
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.day != day || len(q.count) > 200_000 {
		q.day, q.count = day, map[[8]byte]int{}
	}
	if q.count[k] >= receiptsPerDay {
		return false
	}
	q.count[k]++
	return true
}

// idempotent runs fn once per (scope, key). A repeat with the same key and the
// same body returns the stored receipt; the same key with another body is a
// 422 on the Idempotency-Key. An empty key runs fn every time. The API scopes
// the key to its caller (api.IdempotencyKey), the pages use a fresh random
// token per form.
//
// finish, when not nil, completes what an earlier attempt killed half-way
// filed (its request found) before its receipt is given.
func (s *Service) idempotent(ctx context.Context, scope, key string, body any, fn func(attemptIDs) (*jobmatch.Receipt, error), finish func(*jobmatch.Request) error) (*jobmatch.Receipt, error) {
	if key == "" {
		return fn(attemptIDs{})
	}
	if len(key) > 240 {
		return nil, jobmatch.Invalid("Idempotency-Key", "max", "200")
	}
	b, _ := json.Marshal(body)
	sum := sha256.Sum256(b)
	hash := hex.EncodeToString(sum[:])
	id := scope + ":" + key
	begun := s.now().UTC()
	old, err := s.st.BeginIdempotent(ctx, id, hash, begun)
	if err != nil {
		return nil, err
	}
	if old != nil {
		switch {
		case old.Hash != hash:
			return nil, &KeyReusedError{Earlier: old.Receipt, err: jobmatch.Invalid("Idempotency-Key", "idempotency_reused", "")}
		case old.Done && old.Receipt != nil:
			return old.Receipt, nil
		case s.now().Sub(old.CreatedAt) < 30*time.Second:
			return nil, inProgress
		}
		// An earlier attempt died half-way (its process was killed): if it
		// filed the request, that is the answer (running again filed it
		// twice); else run again under the same key.
	}
	attempt := attemptIDs{key: id, begun: begun.UnixMilli()}
	if old != nil {
		begun = old.CreatedAt
		rc, next, err := s.filedBefore(ctx, id, begun, finish)
		if err != nil {
			return nil, err
		}
		if rc != nil {
			if err := s.st.FinishIdempotent(ctx, id, hash, begun, rc); err != nil {
				return nil, err
			}
			return rc, nil
		}
		attempt = next
	}
	r, err := fn(attempt)
	if err != nil {
		// Let the client retry with the same key after a failure.
		_ = s.st.AbandonIdempotent(context.WithoutCancel(ctx), id)
		return nil, err
	}
	if err := s.st.FinishIdempotent(ctx, id, hash, begun, r); err != nil {
		return nil, err
	}
	return r, nil
}

// inProgress answers a retry while an attempt under its key is at work.
var inProgress = &jobmatch.ConflictError{Code: "in_progress", Detail: "the first request with this Idempotency-Key is still being processed; retry shortly"}

// attemptIDs are the ids an attempt under an idempotency key gives what it
// files: derived from the key, the time its record was begun and the
// attempt's number, so a later attempt finds what an earlier one filed
// before its process died (filedBefore), and no two attempts share ids (a
// dead attempt may have written the vacancy but not the request). Without
// a key, new ids.
type attemptIDs struct {
	key   string // scope:key; "" without one
	begun int64  // the key's record's time, in ms (as the store keeps it)
	n     int    // the attempt, from 0
}

func (a attemptIDs) derive(kind string) string {
	sum := sha256.Sum256([]byte(fmt.Sprintf("%s\x00%d\x00%s\x00%d", a.key, a.begun, kind, a.n)))
	return hex.EncodeToString(sum[:10])
}

// request is the request's id, fresh (the given one) without a key.
func (a attemptIDs) request(fresh string) string {
	if a.key == "" {
		return fresh
	}
	return a.derive("request")
}

// vacancy is the vacancy's id.
func (a attemptIDs) vacancy() string {
	if a.key == "" {
		return jobmatch.NewID()
	}
	return a.derive("vacancy")
}

// filedBefore looks for the request an earlier attempt under the key
// filed (attempts 0, 1, … by their ids) and returns its receipt, or else
// the ids of a new attempt, claimed by a unique marker (attempt 0 is the
// key's own record), so two retries at once do not both run one.
func (s *Service) filedBefore(ctx context.Context, key string, begun time.Time, finish func(*jobmatch.Request) error) (*jobmatch.Receipt, attemptIDs, error) {
	for n := 0; ; n++ {
		a := attemptIDs{key: key, begun: begun.UnixMilli(), n: n}
		r, err := s.st.Request(ctx, a.derive("request"))
		if err == nil {
			if finish != nil {
				if err := finish(r); err != nil {
					return nil, a, err
				}
			}
			rc, err := s.receiptOf(ctx, r)
			return rc, a, err
		}
		if !errors.Is(err, jobmatch.ErrNotFound) {
			return nil, a, err
		}
		if n == 0 {
			continue // begun with the key; it filed nothing
		}
		took, at, err := s.st.ClaimRetry(ctx, key, n, s.now().UTC())
		switch {
		case err != nil:
			return nil, a, err
		case took:
			return nil, a, nil
		}
		// Attempt n was begun by another retry: still at work, or on to
		// the next.
		if s.now().Sub(at) < 30*time.Second {
			return nil, a, inProgress
		}
	}
}

// receiptOf is the receipt of a request filed before.
func (s *Service) receiptOf(ctx context.Context, r *jobmatch.Request) (*jobmatch.Receipt, error) {
	c, err := s.companies.Company(ctx, r.CVR)
	if err != nil {
		return nil, err
	}
	kind, id := "request", r.ID
	if r.VacancyID != "" {
		kind, id = "vacancy", r.VacancyID
	}
	rc, err := s.receipt(ctx, c, r, kind, id, r.StatusToken)
	if err != nil {
		return nil, err
	}
	if r.VacancyID != "" {
		if v, err := s.st.Vacancy(ctx, r.VacancyID); err == nil {
			rc.PersonalWords = v.PersonalWords()
		}
	}
	return rc, nil
}

// KeyReusedError: an idempotency key came again with a different body. It
// is the validation error of the field "Idempotency-Key" (errors.As), and
// carries the receipt of what the key sent first (nil while that is not
// done), so the entry form can say so: a company that went back in its
// browser, changed a word and sent again has sent its request already.
type KeyReusedError struct {
	Earlier *jobmatch.Receipt
	err     error
}

func (e *KeyReusedError) Error() string { return e.err.Error() }
func (e *KeyReusedError) Unwrap() error { return e.err }

// person is the sender of a request as stored on it, its vacancy and (when
// new) the company's contacts. A sender who is not logged in is marked
// unverified (SubmitVacancy, SubmitRequest): anyone may post under any CVR
// number, so the hotline's caller lookup named whoever had posted under a
// company's CVR as its contact person, an impostor too.
func person(p companies.PersonInput) jobmatch.Person {
	return jobmatch.Person{Name: strings.TrimSpace(p.Name), Email: jobmatch.NormalizeEmail(p.Email), Phone: strings.TrimSpace(p.Phone), Unverified: p.Unverified}
}

// requireContactName adds "the contact's name is required" to the
// validation result unless the request came by phone: hotline callers often
// don't say their name, and the call is logged in seconds without it.
func requireContactName(err error, in companies.CompanyInput, ch jobmatch.Channel) error {
	if ch == jobmatch.ChannelPhone || strings.TrimSpace(in.Contact.Name) != "" {
		return err
	}
	if err == nil {
		return jobmatch.Invalid("company.contact.name", "required", "")
	}
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		ve.Add("company.contact.name", "required", "")
		return ve
	}
	return err
}

// notifyRetentionTeam tells the retention team of a request about a
// sick-listed employee; the company keeps its one contact person. The mail
// says whom to call back at the company (name, phone, e-mail), the
// reference and the consultant by name: it named the consultant by login
// and the employer's contact not at all, so the team looked both up.
func (s *Service) notifyRetentionTeam(ctx context.Context, r *jobmatch.Request) error {
	if s.retentionTeam == "" || r.Topic != jobmatch.TopicRetention {
		return nil
	}
	caller := joinGiven(r.Contact.Name, jobmatch.GroupedPhone(r.Contact.Phone), r.Contact.Email)
	callerEN := caller
	if caller == "" {
		caller, callerEN = "ikke oplyst", "not given"
	}
	consultant := r.ConsultantID
	if u, err := s.staff.User(ctx, r.ConsultantID); err == nil && u.Name != "" {
		consultant = joinGiven(u.Name, u.Phone, u.Email)
	}
	var b strings.Builder
	fmt.Fprintf(&b, "Ny henvendelse om en sygemeldt medarbejder fra %s (CVR %s).\n\n", r.CompanyName, r.CVR)
	fmt.Fprintf(&b, "Reference: %s\n", r.Reference)
	fmt.Fprintf(&b, "Kontaktperson i virksomheden: %s\n", caller)
	fmt.Fprintf(&b, "Kontaktperson i jobcentret: %s\n\n", consultant)
	fmt.Fprintf(&b, "Virksomhedens tekst:\n%s\n\n", r.Text)
	fmt.Fprintf(&b, "---\nNew request about a sick-listed employee from %s (CVR %s). Reference: %s.", r.CompanyName, r.CVR, r.Reference)
	fmt.Fprintf(&b, " Contact person at the company: %s. Contact person at the jobcentre: %s. The company's text is above.\n", callerEN, consultant)
	return s.env.Send(ctx, &jobmatch.Mail{To: s.retentionTeam, Kind: "retention_request", Ref: r.ID,
		Subject: "Fastholdelse: " + r.CompanyName + " (" + r.Reference + ")", Body: b.String()})
}

// joinGiven joins the parts given of a person ("Mette Lund, 24 68 10 12,
// mette@lager.dk"), leaving out those not given.
func joinGiven(parts ...string) string {
	var given []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			given = append(given, p)
		}
	}
	return strings.Join(given, ", ")
}
