package jobmatch

import "time"

// TargetGroup is the citizen's group in the employment effort.
type TargetGroup string

const (
	TargetCloseToJob     TargetGroup = "close_to_job"
	TargetFurtherFromJob TargetGroup = "further_from_job"
	TargetYoung          TargetGroup = "young"
	TargetRefugee        TargetGroup = "refugee_family_reunified"
)

// TargetGroups lists every target group.
var TargetGroups = []TargetGroup{TargetCloseToJob, TargetFurtherFromJob, TargetYoung, TargetRefugee}

// Scheme names a subsidy scheme a citizen can be eligible for.
type Scheme string

const (
	SchemeWageSubsidy     Scheme = "loentilskud"
	SchemePractice        Scheme = "virksomhedspraktik"
	SchemeIGU             Scheme = "igu"
	SchemeFlexjob         Scheme = "fleksjob"
	SchemeAdultApprentice Scheme = "voksenlaerling"
)

// Schemes lists every subsidy scheme.
var Schemes = []Scheme{SchemeWageSubsidy, SchemePractice, SchemeIGU, SchemeFlexjob, SchemeAdultApprentice}

// Candidate is a citizen's CV. It is personal data: only consultants and
// admins read it, every read is audited, and it never holds a CPR number.
// ExternalRef is the municipality's case id.
type Candidate struct {
	ID                 string           `json:"id" bson:"_id"`
	ExternalRef        string           `json:"external_ref" bson:"external_ref"`
	Name               string           `json:"name" bson:"name"`
	Email              string           `json:"email,omitempty" bson:"email,omitempty"`
	Phone              string           `json:"phone,omitempty" bson:"phone,omitempty"`
	PostalCode         string           `json:"postal_code" bson:"postal_code"`
	MaxCommuteKm       int              `json:"max_commute_km" bson:"max_commute_km"`
	TargetGroup        TargetGroup      `json:"target_group" bson:"target_group"`
	Eligibility        []Scheme         `json:"eligibility,omitempty" bson:"eligibility,omitempty"`
	DesiredOccupations []Concept        `json:"desired_occupations" bson:"desired_occupations"`
	Experience         []Experience     `json:"experience,omitempty" bson:"experience,omitempty"`
	Education          []Education      `json:"education,omitempty" bson:"education,omitempty"`
	Skills             []Concept        `json:"skills" bson:"skills"`
	Languages          []Language       `json:"languages,omitempty" bson:"languages,omitempty"`
	DrivingLicences    []string         `json:"driving_licences,omitempty" bson:"driving_licences,omitempty"`
	Hours              []Hours          `json:"hours,omitempty" bson:"hours,omitempty"`   // wanted: full, part; none stated is any
	Shifts             []Shift          `json:"shifts,omitempty" bson:"shifts,omitempty"` // will work: day, evening, night, weekend
	AvailableFrom      Date             `json:"available_from" bson:"available_from"`
	Summary            string           `json:"summary,omitempty" bson:"summary,omitempty"`
	Consent            CandidateConsent `json:"consent" bson:"consent"`
	// Protected attributes: kept for the citizen's record, never used in scoring.
	BirthYear   int    `json:"birth_year,omitempty" bson:"birth_year,omitempty"`
	Gender      string `json:"gender,omitempty" bson:"gender,omitempty"`
	Nationality string `json:"nationality,omitempty" bson:"nationality,omitempty"`

	Seq          int64     `json:"-" bson:"seq"` // change-log sequence of the last write
	CreatedAt    time.Time `json:"created_at" bson:"created_at"`
	UpdatedAt    time.Time `json:"updated_at" bson:"updated_at"`
	LastActivity time.Time `json:"last_activity" bson:"last_activity"`
	Version      int64     `json:"version" bson:"version"`
}

// Shift is a time of day or week a citizen will work.
type Shift string

const (
	ShiftDay     Shift = "day"
	ShiftEvening Shift = "evening"
	ShiftNight   Shift = "night"
	ShiftWeekend Shift = "weekend"
)

// Shifts lists every shift, in the order of a day and a week.
var Shifts = []Shift{ShiftDay, ShiftEvening, ShiftNight, ShiftWeekend}

// CandidateHours are the hours a CV can want: full- and part-time (a
// vacancy's "flex" is no wish of its own: a CV wanting either lists both).
var CandidateHours = []Hours{HoursFull, HoursPart}

// Concept is a free-text label normalised to a taxonomy concept where one
// matches (URI set), and kept as free text where none does.
type Concept struct {
	Label string `json:"label" bson:"label"`
	URI   string `json:"uri,omitempty" bson:"uri,omitempty"`
}

// Experience is one job held.
type Experience struct {
	Title      string  `json:"title" bson:"title"`
	Occupation string  `json:"occupation,omitempty" bson:"occupation,omitempty"` // concept URI
	Employer   string  `json:"employer,omitempty" bson:"employer,omitempty"`
	Years      float64 `json:"years" bson:"years"`
}

// Education is one completed (or ongoing) education.
type Education struct {
	Level string `json:"level" bson:"level"` // e.g. "primary", "upper_secondary", "vocational", "short_cycle", "bachelor", "master", "phd"
	Field string `json:"field,omitempty" bson:"field,omitempty"`
}

// CandidateConsent is the citizen's general consent to be presented to
// employers, with when and how it was recorded. Consent per vacancy is
// recorded separately when a consultant presents the candidate.
type CandidateConsent struct {
	Given      bool       `json:"given" bson:"given"`
	RecordedAt *time.Time `json:"recorded_at,omitempty" bson:"recorded_at,omitempty"`
	Channel    string     `json:"channel,omitempty" bson:"channel,omitempty"` // phone, meeting, digital
}

// CandidateChange is one entry of the candidate change log: every write of
// a CV takes the next number of the CandidateSeq sequence and is logged
// under it before the document is written (the store keeps the log; the
// search index and the match features follow it).
type CandidateChange struct {
	Seq         int64
	CandidateID string
	At          time.Time
	Delete      bool // an erasure; otherwise a create or update
}

// CandidateSeq is the sequence candidate changes are numbered with.
const CandidateSeq = "candidates"
