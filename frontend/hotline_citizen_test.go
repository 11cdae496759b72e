package frontend_test

import (
	"context"
	"html"
	"net/url"
	"strings"
	"testing"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestHotlineRefersACitizenWhoCallsByMistake: a citizen who calls the
// hotline ("jeg er ledig", or their own name) found no company, and the
// page offered only "Opret den", which asks for a CVR number. A search
// that finds nothing says to refer a citizen to the jobcentre's citizen
// service; one that finds the company does not.
func TestHotlineRefersACitizenWhoCallsByMistake(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	const help = "Ringer en borger og ikke en virksomhed? Henvis til jobcentrets borgerservice."
	for _, q := range []string{"jeg er ledig", "Birgitte Kjærsgaard Mogensen"} {
		page := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?q="+url.QueryEscape(q)))
		if !strings.Contains(page, "Ingen virksomheder fundet.") || !strings.Contains(page, help) {
			t.Errorf("%q finds nothing, and the page does not say what to do with a citizen", q)
		}
	}
	cvr := demo.CVR(771)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Eksempel Glarmester ApS", PostalCode: "6360"}}); err != nil {
		t.Fatal(err)
	}
	page := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?q=glarmester"))
	// The search learns of the company from the change log: a moment after.
	for i := 0; i < 100 && !strings.Contains(page, `class="company-hits"`); i++ {
		page = html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?q=glarmester"))
	}
	if !strings.Contains(page, `class="company-hits"`) {
		t.Fatalf("no company found: %s", page)
	}
	if strings.Contains(page, help) {
		t.Errorf("a company found, and the page speaks of a citizen")
	}
}
