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
		// Whoever sent it first was given the link on the receipt's page,
		// and by mail only when they gave an address: "sendt til" said a
		// mail went to a sender who gave a phone number alone.
		"entry.resent_first": {"den, der sendte den første gang, har fået linket til at følge den", "whoever sent it the first time was given the link to follow it"},
		// The button is "Send til jobcentret" (entry.submit): "tryk Send
		// igen" named none the page has.
		"entry.resent_again": {"Har du ændret noget og vil sende det som en ny henvendelse, så tryk på »%s« igen. Vil du tilføje noget til den første, så skriv til din kontaktperson.", "If you changed something and want to send it as a new request, press “%s” again. To add to the first one, write to your contact person."},
		"entry.refused_h":    {"Jobcentret kan ikke tage imod henvendelser lige nu", "The jobcentre cannot take requests right now"},
		"entry.refused_kept": {"Det, du har skrevet, står stadig i formularen herunder.", "What you typed is still in the form below."},
		"error.h429_intake":  {"Vi kan ikke tage imod flere henvendelser lige nu", "We cannot take more requests right now"},
	})
}

// submitVacancy files the form's vacancy within the anonymous entry's
// budgets (web.Server.ClaimIntake).
func (f *Frontend) submitVacancy(c echo.Context, in intake.VacancyInput, key string) (*jobmatch.Receipt, error) {
	sub := web.IntakeSubmission{Kind: "vacancy", CVR: in.Company.CVR, Texts: in.Texts(), Email: in.Company.Contact.Email, Phone: in.Company.Contact.Phone, Key: sessionKey(c, key)}
	return f.submitLimited(c, sub, func() (*jobmatch.Receipt, error) {
		return f.cfg.Intake.SubmitVacancy(c.Request().Context(), in, jobmatch.ChannelWeb, web.CurrentUser(c), key)
	})
}

// submitRequest files the form's request within the anonymous entry's
// budgets.
func (f *Frontend) submitRequest(c echo.Context, in intake.RequestInput, key string) (*jobmatch.Receipt, error) {
	sub := web.IntakeSubmission{Kind: "request", CVR: in.Company.CVR, Texts: in.Texts(), Email: in.Company.Contact.Email, Phone: in.Company.Contact.Phone, Key: sessionKey(c, key)}
	return f.submitLimited(c, sub, func() (*jobmatch.Receipt, error) {
		return f.cfg.Intake.SubmitRequest(c.Request().Context(), in, web.CurrentUser(c), key)
	})
}

// sessionKey is the form's key (_idem) scoped to the browser that sent it
// (its CSRF cookie's token, the anonymous session): the same form sent
// twice from it is the same sender's (ClaimIntake gives it the receipt
// with its link), the same key from elsewhere is not. "" without a key.
func sessionKey(c echo.Context, idem string) string {
	session, _ := c.Get("csrf").(string)
	if idem == "" || session == "" {
		return ""
	}
	return session + ":" + idem
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
