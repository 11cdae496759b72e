// Package cvs owns the citizens' CVs: saving and erasing one, the bulk
// import (JSON lines or CSV, as a job with progress), reading a CV with its
// audit line, and the consultants' CV search on the bleve index, which
// follows the store's change log.
package cvs

import (
	"context"
	"errors"
	"slices"
	"strings"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/index"
	"jobmatch/store"
	"jobmatch/taxonomy"
)

// CandidateInput is a citizen's CV as consultants and imports give it.
// Never a CPR number: the external reference is the municipality's case id.
type CandidateInput struct {
	ExternalRef        string              `json:"external_ref" validate:"required,min=1,max=64,runes"`
	Name               string              `json:"name" validate:"required,min=2,max=120,runes,line"`
	Email              string              `json:"email,omitempty" validate:"omitempty,email,max=200"`
	Phone              string              `json:"phone,omitempty" validate:"omitempty,min=8,max=20,runes"`
	PostalCode         string              `json:"postal_code" validate:"required,postal"`
	MaxCommuteKm       int                 `json:"max_commute_km" validate:"min=0,max=300"`
	TargetGroup        string              `json:"target_group" validate:"required,oneof=close_to_job further_from_job young refugee_family_reunified"`
	Eligibility        []string            `json:"eligibility,omitempty" validate:"max=5,dive,oneof=loentilskud virksomhedspraktik igu fleksjob voksenlaerling"`
	DesiredOccupations []string            `json:"desired_occupations" validate:"max=10,dive,min=2,max=120,runes"`
	Experience         []ExperienceInput   `json:"experience,omitempty" validate:"max=30,dive"`
	Education          []EducationInput    `json:"education,omitempty" validate:"max=10,dive"`
	Skills             []string            `json:"skills" validate:"max=60,dive,min=1,max=100,runes"`
	Languages          []jobmatch.Language `json:"languages,omitempty" validate:"max=10,dive"`
	DrivingLicences    []string            `json:"driving_licences,omitempty" validate:"max=10,dive,oneof=A A1 A2 B BE C C1 C1E CE D D1 D1E DE"`
	Hours              []string            `json:"hours,omitempty" validate:"max=4,dive,oneof=full part"`
	Shifts             []string            `json:"shifts,omitempty" validate:"max=8,dive,oneof=day evening night weekend"`
	AvailableFrom      string              `json:"available_from,omitempty" validate:"omitempty,datetime=2006-01-02"`
	Summary            string              `json:"summary,omitempty" validate:"max=4000,runes"`
	Consent            *ConsentInput       `json:"consent,omitempty"`
	BirthYear          int                 `json:"birth_year,omitempty" validate:"omitempty,min=1930,max=2015"`
	Gender             string              `json:"gender,omitempty" validate:"omitempty,oneof=female male other"`
	Nationality        string              `json:"nationality,omitempty" validate:"omitempty,len=2,alpha"`
	// Version is the CV's version an edit was made from (PUT
	// /api/v1/candidates/{id}): when given, a save on top of someone
	// else's since is refused with 409 stale_version. Ignored on create.
	Version int64 `json:"version,omitempty" validate:"min=0"`
}

// ExperienceInput is one job held.
type ExperienceInput struct {
	Title    string  `json:"title" validate:"required,min=2,max=120,runes"`
	Employer string  `json:"employer,omitempty" validate:"max=120,runes"`
	Years    float64 `json:"years" validate:"min=0,max=60"`
}

// EducationLevels are the levels an education can have, lowest first
// (EducationInput.Level).
var EducationLevels = []string{"primary", "upper_secondary", "vocational", "short_cycle", "bachelor", "master", "phd", "other"}

// EducationInput is one education.
type EducationInput struct {
	Level string `json:"level" validate:"required,oneof=primary upper_secondary vocational short_cycle bachelor master phd other"` // EducationLevels
	Field string `json:"field,omitempty" validate:"max=120,runes"`
}

// ConsentInput records the citizen's consent to be presented to employers.
type ConsentInput struct {
	Given   bool   `json:"given"`
	Channel string `json:"channel,omitempty" validate:"omitempty,oneof=phone meeting digital"`
	At      string `json:"recorded_at,omitempty" validate:"omitempty,datetime=2006-01-02T15:04:05Z07:00"`
}

// Service is the CV use case: the store is the truth, the index follows.
type Service struct {
	env    *app.Env
	st     *store.Store
	tax    *taxonomy.Taxonomy
	ix     *index.Index
	syncer *index.Syncer
	audit  *app.Audit
	// forget erases what hangs on a person elsewhere (their pre-screening)
	// before their CV is erased; set by OnErase.
	forget func(ctx context.Context, by *jobmatch.User, id string) error
	// withdrawn withdraws the person's consents to be presented when the
	// CV's general consent is withdrawn; set by OnConsentWithdrawn.
	withdrawn func(ctx context.Context, by *jobmatch.User, id string) error
}

// OnConsentWithdrawn sets what follows when an edit withdraws a CV's
// general consent ("Nej" where it said "Ja"): the consents to be presented
// for vacancies go too (screening.Service.WithdrawConsents), or an
// employer kept seeing the person by name.
func (cs *Service) OnConsentWithdrawn(withdrawn func(ctx context.Context, by *jobmatch.User, id string) error) {
	cs.withdrawn = withdrawn
}

// OnErase sets what is erased of a person elsewhere before their CV is:
// the shortlist entries with the consultant's assessment and notes, the
// consents and interviews (screening.Service.ForgetCandidate). First, so
// a crash between the two leaves the CV, never the rest without it.
func (cs *Service) OnErase(forget func(ctx context.Context, by *jobmatch.User, id string) error) {
	cs.forget = forget
}

// purger is who the retention's purge acts as: the interviews it cancels
// name the jobcentre.
var purger = &jobmatch.User{ID: "system", Name: "Jobcentret", Role: jobmatch.RoleAdmin, Active: true}

// New returns the CV use case.
func New(env *app.Env, tax *taxonomy.Taxonomy, ix *index.Index, syncer *index.Syncer, audit *app.Audit) *Service {
	return &Service{env: env, st: env.Store(), tax: tax, ix: ix, syncer: syncer, audit: audit}
}

// Taxonomy returns the taxonomy the service normalises against.
func (cs *Service) Taxonomy() *taxonomy.Taxonomy { return cs.tax }

// Index returns the search index.
func (cs *Service) Index() *index.Index { return cs.ix }

// Syncer returns the index sync.
func (cs *Service) Syncer() *index.Syncer { return cs.syncer }

// ToCandidate validates in and maps it to a candidate, normalising
// occupations and skills to taxonomy concepts where they match.
func (cs *Service) ToCandidate(in CandidateInput) (*jobmatch.Candidate, error) {
	if err := cs.env.Validator().Validate(in); err != nil {
		return nil, err
	}
	c := &jobmatch.Candidate{
		ExternalRef: strings.TrimSpace(in.ExternalRef), Name: strings.TrimSpace(in.Name), Email: jobmatch.NormalizeEmail(in.Email),
		Phone: in.Phone, PostalCode: in.PostalCode, MaxCommuteKm: in.MaxCommuteKm, TargetGroup: jobmatch.TargetGroup(in.TargetGroup),
		Languages: in.Languages, DrivingLicences: in.DrivingLicences, Summary: in.Summary,
		BirthYear: in.BirthYear, Gender: in.Gender, Nationality: strings.ToUpper(in.Nationality),
		AvailableFrom: app.MustDate(in.AvailableFrom),
	}
	for _, e := range in.Eligibility {
		c.Eligibility = append(c.Eligibility, jobmatch.Scheme(e))
	}
	c.Hours, c.Shifts = inOrder(in.Hours, jobmatch.CandidateHours), inOrder(in.Shifts, jobmatch.Shifts)
	for _, o := range app.CleanList(in.DesiredOccupations) {
		c.DesiredOccupations = append(c.DesiredOccupations, cs.occupationConcept(o))
	}
	for _, s := range app.CleanList(in.Skills) {
		c.Skills = append(c.Skills, cs.skillConcept(s))
	}
	for _, e := range in.Experience {
		x := jobmatch.Experience{Title: e.Title, Employer: e.Employer, Years: e.Years}
		x.Occupation = cs.occupationConcept(e.Title).URI
		c.Experience = append(c.Experience, x)
	}
	for _, e := range in.Education {
		c.Education = append(c.Education, jobmatch.Education{Level: e.Level, Field: e.Field})
	}
	for i := range c.Languages {
		c.Languages[i].Code = strings.ToLower(c.Languages[i].Code)
		c.Languages[i].Level = strings.ToUpper(c.Languages[i].Level)
	}
	if in.Consent != nil {
		c.Consent.Given, c.Consent.Channel = in.Consent.Given, in.Consent.Channel
		// Given without a time: the store keeps the time it already has,
		// or takes the write's (so the same file imported again changes
		// nothing).
		if in.Consent.Given && in.Consent.At != "" {
			at, _ := time.Parse(time.RFC3339, in.Consent.At)
			c.Consent.RecordedAt = &at
		}
	}
	return c, nil
}

// inOrder returns the values of order that in holds, once each and in the
// order's order, so a CV stores "full, part" however it was ticked.
func inOrder[T ~string](in []string, order []T) []T {
	var out []T
	for _, v := range order {
		if slices.Contains(in, string(v)) {
			out = append(out, v)
		}
	}
	return out
}

func (cs *Service) occupationConcept(label string) jobmatch.Concept {
	c := jobmatch.Concept{Label: label}
	if cs.tax != nil {
		if uri, _, ok := cs.tax.NormalizeOccupation(label); ok {
			c.URI = uri
		}
	}
	return c
}

func (cs *Service) skillConcept(label string) jobmatch.Concept {
	c := jobmatch.Concept{Label: label}
	if cs.tax != nil {
		if uri, _, ok := cs.tax.NormalizeSkill(label); ok {
			c.URI = uri
		}
	}
	return c
}

// Save creates or updates one CV, keyed by its external reference (the
// case number): POST /api/v1/candidates, documented so for the case
// systems that send a citizen's CV again whenever it changes, as the import
// does. The bool is whether it was created. A client that means a new CV
// only says so (If-None-Match: *, Create).
func (cs *Service) Save(ctx context.Context, by *jobmatch.User, in CandidateInput) (*jobmatch.Candidate, bool, error) {
	return cs.save(ctx, by, in, false)
}

// Create creates one CV (the "Ny CV" form; POST /api/v1/candidates with
// If-None-Match: *). Its external reference must be no other CV's: a
// ref_taken conflict on external_ref names the CV that has it, and nothing
// is written. The form saved over it, replacing another citizen's CV with
// the one typed (phone, summary, occupations gone) past the version check
// of an edit (Edit). The reference is claimed by a unique insert, so two
// creates of one new case number through two replicas make one CV.
func (cs *Service) Create(ctx context.Context, by *jobmatch.User, in CandidateInput) (*jobmatch.Candidate, error) {
	c, _, err := cs.save(ctx, by, in, true)
	return c, err
}

func (cs *Service) save(ctx context.Context, by *jobmatch.User, in CandidateInput, only bool) (*jobmatch.Candidate, bool, error) {
	c, err := cs.ToCandidate(in)
	if err != nil {
		return nil, false, err
	}
	var res store.CandidateWrite
	if only {
		res, err = cs.st.CreateCandidate(ctx, c, cs.env.Now().UTC())
		if taken := (*store.RefTakenError)(nil); errors.As(err, &taken) {
			return nil, false, &jobmatch.ConflictError{Code: "ref_taken",
				Detail: "the case number belongs to another CV (" + taken.CandidateID + "): edit that CV instead",
				Fields: []jobmatch.FieldError{{Field: "external_ref", Code: "ref_taken", Param: taken.CandidateID}}}
		}
	} else {
		var all []store.CandidateWrite
		all, err = cs.st.UpsertCandidates(ctx, []*jobmatch.Candidate{c}, cs.env.Now().UTC())
		if err == nil {
			res = all[0]
		}
	}
	if err != nil {
		return nil, false, err
	}
	cs.syncer.Written([]*jobmatch.Candidate{c}) // stored: index it as written
	cs.syncer.Notify()
	// A consultant who creates the CV of someone erased at their request
	// decided they have come back: later imports update the CV again.
	// After the write, so a failure leaves the block, never the person
	// open to an import without their CV.
	if err := cs.st.ForgetErasure(ctx, c.ExternalRef); err != nil {
		return nil, false, err
	}
	if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.write", Subjects: []string{c.ID}}); err != nil {
		return nil, false, err
	}
	out, err := cs.st.Candidate(ctx, res.ID)
	return out, res.Created, err
}

// Edit saves in as an edit of the CV id made from its version (the one
// the consultant's form or the client read; negative: whichever is
// stored): a stale_version conflict when
// someone saved the CV since, ErrNotFound when it was erased meanwhile, so
// neither an edit is silently overwritten nor an erased person brought
// back by a form left open.
func (cs *Service) Edit(ctx context.Context, by *jobmatch.User, id string, version int64, in CandidateInput) (*jobmatch.Candidate, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	c, err := cs.ToCandidate(in)
	if err != nil {
		return nil, err
	}
	var hadConsent bool
	if prev, err := cs.st.Candidate(ctx, id); err == nil {
		hadConsent = prev.Consent.Given
	}
	res, err := cs.st.EditCandidate(ctx, id, version, c, cs.env.Now().UTC())
	if err != nil {
		return nil, err
	}
	if hadConsent && !c.Consent.Given && cs.withdrawn != nil {
		if err := cs.withdrawn(ctx, by, id); err != nil {
			return nil, err
		}
	}
	if res.Changed {
		cs.syncer.Written([]*jobmatch.Candidate{c})
		cs.syncer.Notify()
	}
	if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.write", Subjects: []string{id}}); err != nil {
		return nil, err
	}
	return cs.st.Candidate(ctx, id)
}

// Get reads one CV for a staff member who may read CVs; the read is audited.
func (cs *Service) Get(ctx context.Context, by *jobmatch.User, id, why string) (*jobmatch.Candidate, error) {
	return cs.GetFor(ctx, by, id, why, "")
}

// GetFor is Get for a vacancy (the CV opened from its matches or its
// shortlist), which the audit line names.
func (cs *Service) GetFor(ctx context.Context, by *jobmatch.User, id, why, vacancyID string) (*jobmatch.Candidate, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	c, err := cs.st.Candidate(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.read", Subjects: []string{id}, Reason: jobmatch.WithoutCPR(why), VacancyID: vacancyID}); err != nil {
		return nil, err
	}
	return c, nil
}

// Erase removes a person from the store and the index, keeping only an
// audit line without personal data.
func (cs *Service) Erase(ctx context.Context, by *jobmatch.User, id, why string) error {
	if !by.CanReadCVs() {
		return jobmatch.ErrForbidden
	}
	c, err := cs.st.Candidate(ctx, id)
	if err != nil {
		return err
	}
	// The case system still lists the person: remember the reference (as
	// a keyed hash) so the next import skips them instead of bringing
	// them back under a new id. First, so a failure later leaves the CV
	// with the block (erasing again finishes it), never the CV gone
	// without it.
	if err := cs.st.RecordErasure(ctx, c.ExternalRef, cs.env.Now()); err != nil {
		return err
	}
	if cs.forget != nil {
		if err := cs.forget(ctx, by, id); err != nil {
			return err
		}
	}
	if _, err := cs.st.DeleteCandidate(ctx, id, cs.env.Now().UTC()); err != nil {
		return err
	}
	// A search shows the CVs the index stored: wait until this replica's
	// index has dropped this one, so nobody here sees it after the answer
	// (other replicas' syncs drop it within their interval). Should the
	// pass fail, the next one drops it; the erasure itself is done.
	if err := cs.syncer.CatchUp(ctx); err != nil {
		cs.env.Logger().Warn("index sync after an erasure", "err", err)
		cs.syncer.Notify()
	}
	return cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "cv.erase", Subjects: []string{id}, Reason: why})
}

// Purge erases candidates inactive since before cutoff and returns how many.
// It scans the candidates once (a scheduled job, not a request path).
// Unlike Erase it records no block on their references: the retention
// period passed for someone the jobcentre no longer worked with, not a
// wish to be forgotten, so a person the case system sends again is a
// new case and the import creates their CV.
func (cs *Service) Purge(ctx context.Context, cutoff time.Time) (int, error) {
	var ids []string
	err := cs.st.EachCandidate(ctx, func(c *jobmatch.Candidate) error {
		last := c.LastActivity
		if last.IsZero() {
			last = c.UpdatedAt
		}
		if last.Before(cutoff) {
			ids = append(ids, c.ID)
		}
		return nil
	})
	if err != nil {
		return 0, err
	}
	for _, id := range ids {
		if cs.forget != nil {
			if err := cs.forget(ctx, purger, id); err != nil {
				return 0, err
			}
		}
		if _, err := cs.st.DeleteCandidate(ctx, id, cs.env.Now().UTC()); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
			return 0, err
		}
	}
	if len(ids) > 0 {
		// As for one erasure: the search shows what the index stored, so
		// the job ends when this replica's index has dropped them.
		if err := cs.syncer.CatchUp(ctx); err != nil {
			cs.env.Logger().Warn("index sync after a purge", "err", err)
			cs.syncer.Notify()
		}
		if err := cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: "system", Action: "cv.purge", Reason: "retention period passed", Count: len(ids)}); err != nil {
			return len(ids), err
		}
	}
	return len(ids), nil
}
