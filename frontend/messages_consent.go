package frontend

import "jobmatch/i18n"

func init() {
	i18n.Register(map[string][2]string{
		// A consent link the service does not know (mistyped, cut short
		// in the SMS, replaced by a newer link and since erased): an
		// expected case, said to the citizen with what to do, not an
		// error page with an error id.
		"consent.unknown_h":    {"Linket virker ikke", "The link does not work"},
		"consent.unknown_why":  {"Linket er ikke gyldigt. Måske er det skrevet forkert eller kommet med uden det sidste stykke, eller også har du fået et nyere link fra os, som erstatter det her. Så er det det nyeste link i din sms eller mail, du skal bruge.", "This link is not valid. It may be mistyped or missing its last part, or you may have received a newer link from us that replaces this one. If so, please use the newest link in your text message or e-mail."},
		"consent.unknown_what": {"Kontakt din kontaktperson i jobcentret, hvis du ikke kan finde et link, der virker. Så sender vi dig et nyt.", "Contact your contact person at the jobcentre if you cannot find a link that works, and we will send you a new one."},
	})
}
