package intake

import (
	"jobmatch"
	"jobmatch/app/companies"
)

// Texts is what a vacancy says, without the company and the person who
// sent it: the same texts for the same CVR number the same day are one
// vacancy, however often they are sent (web.Server.ClaimIntake).
func (in VacancyInput) Texts() any {
	in.Company = companies.CompanyInput{}
	return in
}

// Texts is what a request says, without the company, the person who sent
// it and the channel (the form's and the API's are the same request).
func (in RequestInput) Texts() any {
	in.Company, in.Channel = companies.CompanyInput{}, ""
	return in
}

// Repeated is the answer to a form that sends again what was sent before
// under another key (the same texts for the same CVR number the same day):
// the form says it was received already, as it does for a form sent again
// changed (KeyReusedError).
func Repeated(earlier *jobmatch.Receipt) *KeyReusedError {
	return &KeyReusedError{Earlier: earlier, err: jobmatch.Invalid("Idempotency-Key", "idempotency_reused", "")}
}
