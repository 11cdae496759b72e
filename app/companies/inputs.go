package companies

// PersonInput is the employer's own contact person. The name is required
// on every channel but a phone call (callers often don't say it; the
// services check it, see requireContactName).
type PersonInput struct {
	Name  string `json:"name" form:"name" validate:"omitempty,min=2,max=120,runes,line"`
	Email string `json:"email" form:"email" validate:"required_without=Phone,omitempty,email,max=200"`
	Phone string `json:"phone" form:"phone" validate:"omitempty,max=30,phone"`
	// Unverified is set by the entry point for a sender who is not
	// logged in (jobmatch.Person.Unverified), never by a client.
	Unverified bool `json:"-" form:"-"`
}

// CompanyInput identifies the company behind a request.
type CompanyInput struct {
	CVR        string      `json:"cvr" form:"cvr" validate:"required,cvr"`
	Name       string      `json:"name" form:"name" validate:"required,min=2,max=200,runes,line"`
	Address    string      `json:"address,omitempty" form:"address" validate:"max=200,runes"`
	PostalCode string      `json:"postal_code" form:"postal_code" validate:"required,postal"`
	Industry   string      `json:"industry_code,omitempty" form:"industry_code" validate:"omitempty,max=10,numeric"`
	Contact    PersonInput `json:"contact" form:"contact"`
}
