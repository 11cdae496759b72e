package app

import "jobmatch"

// Inputs are what the one entry point accepts, from the JSON API and the web
// form alike. They are never stored as such: services map them to domain
// types explicitly, so a client cannot set fields such as the consultant.

// PersonInput is the employer's own contact person. The name is required
// on every channel but a phone call (callers often don't say it; the
// services check it, see requireContactName).
type PersonInput struct {
	Name  string `json:"name" form:"name" validate:"omitempty,min=2,max=120,runes"`
	Email string `json:"email" form:"email" validate:"required_without=Phone,omitempty,email,max=200"`
	Phone string `json:"phone" form:"phone" validate:"omitempty,min=8,max=20,runes"`
}

// CompanyInput identifies the company behind a request.
type CompanyInput struct {
	CVR        string      `json:"cvr" form:"cvr" validate:"required,cvr"`
	Name       string      `json:"name" form:"name" validate:"required,min=2,max=200,runes"`
	Address    string      `json:"address,omitempty" form:"address" validate:"max=200,runes"`
	PostalCode string      `json:"postal_code" form:"postal_code" validate:"required,postal"`
	Industry   string      `json:"industry_code,omitempty" form:"industry_code" validate:"omitempty,max=10,numeric"`
	Contact    PersonInput `json:"contact" form:"contact"`
}

// VacancyInput is a vacancy posted by an employer.
type VacancyInput struct {
	Company            CompanyInput        `json:"company"`
	Title              string              `json:"title" validate:"required,min=2,max=200,runes"`
	Description        string              `json:"description" validate:"required,min=10,max=10000,runes"`
	SkillsRequired     []string            `json:"skills_required" validate:"max=30,dive,min=1,max=100,runes"`
	SkillsDesired      []string            `json:"skills_desired" validate:"max=30,dive,min=1,max=100,runes"`
	Languages          []jobmatch.Language `json:"languages,omitempty" validate:"max=10"`
	DrivingLicence     string              `json:"driving_licence,omitempty" validate:"omitempty,oneof=B C CE D BE C1 D1"`
	ExperienceYears    int                 `json:"experience_years,omitempty" validate:"min=0,max=50"`
	PostalCode         string              `json:"postal_code" validate:"required,postal"`
	EmploymentType     string              `json:"employment_type" validate:"required,oneof=ordinary fleksjob smaajob loentilskud virksomhedspraktik igu voksenlaerling elev"`
	Hours              string              `json:"hours" validate:"required,oneof=full part flex"`
	Positions          int                 `json:"positions" validate:"required,min=1,max=500"`
	StartDate          string              `json:"start_date,omitempty" validate:"omitempty,datetime=2006-01-02"`
	Deadline           string              `json:"deadline,omitempty" validate:"omitempty,datetime=2006-01-02"`
	ScreeningRequested bool                `json:"screening_requested"`
}

// RequestInput is any other request from a company.
type RequestInput struct {
	Company CompanyInput `json:"company"`
	Topic   string       `json:"topic" validate:"required,oneof=vacancy retention subsidy layoff other"`
	Subsidy string       `json:"subsidy,omitempty" validate:"omitempty,oneof=loentilskud virksomhedspraktik igu fleksjob voksenlaerling other"`
	Channel string       `json:"channel" validate:"required,oneof=web api phone email visit"`
	Text    string       `json:"text" validate:"required,min=3,max=5000,runes"`
}

// Receipt is what the one entry point answers.
type Receipt = jobmatch.Receipt
