package jobmatch

import "time"

// EmploymentType is how a vacancy employs: ordinary or one of the subsidy schemes.
type EmploymentType string

const (
	EmploymentOrdinary        EmploymentType = "ordinary"
	EmploymentFlexjob         EmploymentType = "fleksjob"
	EmploymentSmallJob        EmploymentType = "smaajob"
	EmploymentWageSubsidy     EmploymentType = "loentilskud"
	EmploymentPractice        EmploymentType = "virksomhedspraktik"
	EmploymentIGU             EmploymentType = "igu"
	EmploymentAdultApprentice EmploymentType = "voksenlaerling"
	EmploymentApprentice      EmploymentType = "elev"
)

// EmploymentTypes lists every employment type in display order.
var EmploymentTypes = []EmploymentType{
	EmploymentOrdinary, EmploymentFlexjob, EmploymentSmallJob, EmploymentWageSubsidy,
	EmploymentPractice, EmploymentIGU, EmploymentAdultApprentice, EmploymentApprentice,
}

// Hours is full-time, part-time or flexible.
type Hours string

const (
	HoursFull Hours = "full"
	HoursPart Hours = "part"
	HoursFlex Hours = "flex"
)

// VacancyStatus follows the vacancy through pre-screening.
type VacancyStatus string

const (
	VacancyOpen      VacancyStatus = "open"
	VacancyScreening VacancyStatus = "screening"
	VacancyPresented VacancyStatus = "presented"
	VacancyFilled    VacancyStatus = "filled"
	VacancyClosed    VacancyStatus = "closed"
)

// The status moves forward only: open → screening (the first person is
// shortlisted) → presented (the first is presented to the employer), and
// from any of these to an end, filled or closed, which is never left.
var vacancyOrder = map[VacancyStatus]int{VacancyOpen: 0, VacancyScreening: 1, VacancyPresented: 2, VacancyFilled: 3, VacancyClosed: 3}

// Ended reports whether the status is an end (filled or closed).
func (s VacancyStatus) Ended() bool { return s == VacancyFilled || s == VacancyClosed }

// Advances reports whether moving from s to the pre-screening status to is
// a step forward (the shortlist moves a vacancy on only this way).
func (s VacancyStatus) Advances(to VacancyStatus) bool {
	from, ok1 := vacancyOrder[s]
	next, ok2 := vacancyOrder[to]
	return ok1 && ok2 && !s.Ended() && !to.Ended() && next > from
}

// CanScreen refuses pre-screening work on a vacancy that has ended (409
// vacancy_closed).
func (v *Vacancy) CanScreen() error {
	if v.Status.Ended() {
		return &ConflictError{Code: "vacancy_closed", Detail: "the vacancy is " + string(v.Status)}
	}
	return nil
}

// CanClose refuses to close a vacancy that has ended (409 already_closed)
// or that changed since the caller read it at version (409 stale_version;
// 0 asks for no check).
func (v *Vacancy) CanClose(version int64) error {
	if v.Status.Ended() {
		return &ConflictError{Code: "already_closed", Detail: "the vacancy is already " + string(v.Status)}
	}
	if version != 0 && version != v.Version {
		return &ConflictError{Code: "stale_version", Detail: "the vacancy was changed meanwhile; reload it"}
	}
	return nil
}

// Vacancy is a job an employer wants filled.
type Vacancy struct {
	ID          string `json:"id" bson:"_id"`
	Reference   string `json:"reference" bson:"reference"`
	CVR         string `json:"cvr" bson:"cvr"`
	CompanyName string `json:"company_name" bson:"company_name"`
	// CompanyNameGiven: as Request.CompanyNameGiven.
	CompanyNameGiven   string         `json:"company_name_given,omitempty" bson:"company_name_given,omitempty"`
	Contact            Person         `json:"contact" bson:"contact"`
	Title              string         `json:"title" bson:"title"`
	Occupation         string         `json:"occupation,omitempty" bson:"occupation,omitempty"` // taxonomy concept URI
	Description        string         `json:"description" bson:"description"`
	SkillsRequired     []string       `json:"skills_required" bson:"skills_required"`
	SkillsDesired      []string       `json:"skills_desired" bson:"skills_desired"`
	Languages          []Language     `json:"languages,omitempty" bson:"languages,omitempty"`
	DrivingLicence     string         `json:"driving_licence,omitempty" bson:"driving_licence,omitempty"`
	EducationLevel     string         `json:"education_level,omitempty" bson:"education_level,omitempty"`
	ExperienceYears    int            `json:"experience_years,omitempty" bson:"experience_years,omitempty"`
	PostalCode         string         `json:"postal_code" bson:"postal_code"`
	EmploymentType     EmploymentType `json:"employment_type" bson:"employment_type"`
	Hours              Hours          `json:"hours" bson:"hours"`
	Positions          int            `json:"positions" bson:"positions"`
	StartDate          Date           `json:"start_date" bson:"start_date"`
	Deadline           Date           `json:"deadline" bson:"deadline"`
	ScreeningRequested bool           `json:"screening_requested" bson:"screening_requested"`
	Status             VacancyStatus  `json:"status" bson:"status"`
	ConsultantID       string         `json:"consultant_id" bson:"consultant_id"`
	RequestID          string         `json:"request_id" bson:"request_id"`
	StatusToken        string         `json:"-" bson:"status_token"`
	CreatedAt          time.Time      `json:"created_at" bson:"created_at"`
	UpdatedAt          time.Time      `json:"updated_at" bson:"updated_at"`
	ClosedAt           *time.Time     `json:"closed_at,omitempty" bson:"closed_at,omitempty"`
	// ClosedPeriod is the period keys of ClosedAt (follow-up figures).
	ClosedPeriod *Periods `json:"-" bson:"closed_period,omitempty"`
	// FilledByPresented: filled by a candidate the jobcenter presented.
	FilledByPresented bool   `json:"filled_by_presented,omitempty" bson:"filled_by_presented,omitempty"`
	CloseNote         string `json:"close_note,omitempty" bson:"close_note,omitempty"`
	Version           int64  `json:"version" bson:"version"`
	// PostedSlot and CloseSlot are the replica slots whose counter shards
	// counted it posted and closed (store/kpi.go).
	PostedSlot int64 `json:"-" bson:"posted_slot,omitempty"`
	CloseSlot  int64 `json:"-" bson:"close_slot,omitempty"`
}

// Language is a language with a CEFR-like level (A1–C2, or "native").
type Language struct {
	Code  string `json:"code" bson:"code" validate:"langcode"`
	Level string `json:"level" bson:"level" validate:"omitempty,cefr"`
}
