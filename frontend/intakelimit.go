package frontend

import (
	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/intake"
	"jobmatch/i18n"
	"jobmatch/web"
)

func init() {
	i18n.Register(map[string][2]string{
		"entry.resent_first": {"kvitteringen og linket til at følge den er sendt til den, der sendte den første gang", "the receipt and the link to follow it went to whoever sent it the first time"},
		"entry.refused_h":    {"Jobcentret kan ikke tage imod henvendelser lige nu", "The jobcentre cannot take requests right now"},
		"entry.refused_kept": {"Det, du har skrevet, står stadig i formularen herunder.", "What you typed is still in the form below."},
		"error.h429_intake":  {"Vi kan ikke tage imod flere henvendelser lige nu", "We cannot take more requests right now"},
	})
}

// submitVacancy files the form's vacancy within the anonymous entry's
// budgets (web.Server.ClaimIntake).
func (f *Frontend) submitVacancy(c echo.Context, in intake.VacancyInput, key string) (*jobmatch.Receipt, error) {
	sub := web.IntakeSubmission{Kind: "vacancy", CVR: in.Company.CVR, Texts: in.Texts(), Email: in.Company.Contact.Email, Phone: in.Company.Contact.Phone}
	return f.submitLimited(c, sub, func() (*jobmatch.Receipt, error) {
		return f.cfg.Intake.SubmitVacancy(c.Request().Context(), in, jobmatch.ChannelWeb, web.CurrentUser(c), key)
	})
}

// submitRequest files the form's request within the anonymous entry's
// budgets.
func (f *Frontend) submitRequest(c echo.Context, in intake.RequestInput, key string) (*jobmatch.Receipt, error) {
	sub := web.IntakeSubmission{Kind: "request", CVR: in.Company.CVR, Texts: in.Texts(), Email: in.Company.Contact.Email, Phone: in.Company.Contact.Phone}
	return f.submitLimited(c, sub, func() (*jobmatch.Receipt, error) {
		return f.cfg.Intake.SubmitRequest(c.Request().Context(), in, web.CurrentUser(c), key)
	})
}

// submitLimited runs submit when the anonymous entry's budgets allow it;
// past them the error is the 429 page. The same texts sent again the same
// day are the earlier receipt: by the same sender, its page, as a form sent
// twice is; by another, the form's "already sent" notice, without the
// private link, which went to the first sender.
func (f *Frontend) submitLimited(c echo.Context, sub web.IntakeSubmission, submit func() (*jobmatch.Receipt, error)) (*jobmatch.Receipt, error) {
	claim, earlier, err := f.srv.ClaimIntake(c, sub)
	switch {
	case err != nil:
		return nil, err
	case earlier != nil && earlier.StatusURL != "":
		return earlier, nil
	case earlier != nil:
		return nil, intake.Repeated(earlier)
	}
	r, err := submit()
	if err != nil {
		claim.Release()
		return nil, err
	}
	claim.Filed(r)
	return r, nil
}
