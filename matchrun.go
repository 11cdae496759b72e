package jobmatch

import "time"

// MatchRun is the record of one match run: enough to see later why a
// person was or was not suggested. A vacancy's run ranks candidates
// (VacancyID set); a candidate's run ranks vacancies (CandidateID set).
type MatchRun struct {
	ID          string             `json:"id" bson:"_id"`
	At          time.Time          `json:"at" bson:"at"`
	By          string             `json:"by" bson:"by"`
	VacancyID   string             `json:"vacancy_id,omitempty" bson:"vacancy_id,omitempty"`
	CandidateID string             `json:"candidate_id,omitempty" bson:"candidate_id,omitempty"`
	Criteria    MatchCriteria      `json:"criteria" bson:"criteria"`
	Weights     map[string]float64 `json:"weights" bson:"weights"`
	Occupations []string           `json:"occupations,omitempty" bson:"occupations,omitempty"`
	Total       int                `json:"total" bson:"total"`
	// Ranked holds the first 200 ids, best first.
	Ranked []string `json:"ranked" bson:"ranked"`
	Offset int      `json:"offset" bson:"offset"`
}

// MatchCriteria are the hard criteria a run applied, as the matcher's
// Criteria (matcher.Criteria converts to it field for field). The fields
// carry no BSON names: they are stored under their lower-cased names
// ("radiuskm"), as match runs always were.
type MatchCriteria struct {
	Distance     bool    `json:"distance"`
	RadiusKm     float64 `json:"radius_km"`
	Availability bool    `json:"availability"`
	Licence      bool    `json:"licence"`
	Language     bool    `json:"language"`
	Consent      bool    `json:"consent"`
	Eligibility  bool    `json:"eligibility"`
	Hours        bool    `json:"hours"`
}
