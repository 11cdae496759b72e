package intake

import (
	"jobmatch"
	"jobmatch/app/companies"
)

// Inputs are what the one entry point accepts, from the JSON API and the web
// form alike. They are never stored as such: services map them to domain
// types explicitly, so a client cannot set fields such as the consultant.

// VacancyInput is a vacancy posted by an employer.
type VacancyInput struct {
	Company         companies.CompanyInput `json:"company"`
	Title           string                 `json:"title" validate:"required,min=2,max=200,runes"`
	Description     string                 `json:"description" validate:"required,min=10,max=10000,runes"`
	SkillsRequired  []string               `json:"skills_required" validate:"max=30,dive,min=1,max=100,runes"`
	SkillsDesired   []string               `json:"skills_desired" validate:"max=30,dive,min=1,max=100,runes"`
	Languages       []jobmatch.Language    `json:"languages,omitempty" validate:"max=10,dive"`
	DrivingLicence  string                 `json:"driving_licence,omitempty" validate:"omitempty,oneof=B C CE D BE C1 D1"`
	ExperienceYears int                    `json:"experience_years,omitempty" validate:"min=0,max=50"`
	// EducationLevel is the least education the job asks (a level of
	// cvs.EducationLevels from vocational up); the matcher says who has it.
	EducationLevel     string `json:"education_level,omitempty" validate:"omitempty,oneof=vocational short_cycle bachelor master phd"`
	PostalCode         string `json:"postal_code" validate:"required,postal"`
	EmploymentType     string `json:"employment_type" validate:"required,oneof=ordinary fleksjob smaajob loentilskud virksomhedspraktik igu voksenlaerling elev"`
	Hours              string `json:"hours" validate:"required,oneof=full part flex"`
	Positions          int    `json:"positions" validate:"min=1,max=500"` // 0 or missing: "at least 1"
	StartDate          string `json:"start_date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	Deadline           string `json:"deadline,omitempty" validate:"omitempty,datetime=2006-01-02"`
	ScreeningRequested bool   `json:"screening_requested"`
}

// RequestInput is any other request from a company.
type RequestInput struct {
	Company companies.CompanyInput `json:"company"`
	Topic   string                 `json:"topic" validate:"required,oneof=vacancy retention subsidy layoff other"`
	Subsidy string                 `json:"subsidy,omitempty" validate:"omitempty,oneof=loentilskud virksomhedspraktik igu fleksjob voksenlaerling other"`
	Channel string                 `json:"channel" validate:"required,oneof=web api phone email visit"`
	Text    string                 `json:"text" validate:"required,min=3,max=5000,runes"`
}
