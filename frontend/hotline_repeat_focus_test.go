package frontend_test

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestTheRepeatWarningSaysWhenceAndEnterSaves: after "Der er allerede
// logget en henvendelse fra … Gem igen for at logge den." the cursor was
// on the topic, where Enter did nothing, and the warning did not say
// whether the earlier one came from the web form or a call, nor what it
// said. The cursor is on the save button now, and the warning says where
// the earlier request came from and its first words.
func TestTheRepeatWarningSaysWhenceAndEnterSaves(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(759)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Eksempel Vognmand ApS", PostalCode: "6360"}}); err != nil {
		t.Fatal(err)
	}
	web := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Eksempel Vognmand ApS", "postal_code": "6360",
		"contact": map[string]any{"name": "Bo Lund", "phone": "20304050"}}, "topic": "subsidy", "channel": "web",
		"text": "Vi vil gerne høre om løntilskud til en chauffør, der har været ledig længe, og hvad det kræver af os som virksomhed."}
	if res := env.Client().Do("POST", "/api/v1/requests", web, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("web request: %d %s", res.StatusCode, res.Body)
	}
	hot := env.Login("hotline@demo.local")
	save := func(topic, text string) (int, string) {
		v := hotlineForm(t, hotlinePage(t, hot, "/staff/hotline?cvr="+cvr))
		v.Set("cvr", cvr)
		v.Set("channel", "phone")
		v.Set("topic", topic)
		v.Set("text", text)
		v.Set("caller_name", "Bo Lund")
		v.Set("caller_phone", "20 30 40 50")
		res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
		return res.StatusCode, html.UnescapeString(string(res.Body))
	}
	check := func(page, whence, words string) {
		t.Helper()
		m := regexp.MustCompile(`(?s)<p class="alert-text">(Der er allerede logget.*?)</p>`).FindStringSubmatch(page)
		if m == nil {
			t.Fatalf("no repeat warning: %s", page)
		}
		if !strings.Contains(m[1], whence) || !strings.Contains(m[1], "»"+words) {
			t.Errorf("the warning does not say %q and %q: %s", whence, words, m[1])
		}
		if !regexp.MustCompile(`<button type="submit" class="button button-primary" autofocus>Gem</button>`).MatchString(page) {
			t.Errorf("the cursor is not on the save button")
		}
		if n := len(regexp.MustCompile(`\sautofocus`).FindAllString(page, -1)); n != 1 {
			t.Errorf("%d elements have autofocus", n)
		}
	}
	code, page := save("subsidy", "Ringer om løntilskud.")
	if code != http.StatusConflict {
		t.Fatalf("the same caller and topic as the web form's: %d %s", code, page)
	}
	check(page, "fra webformularen", "Vi vil gerne høre om løntilskud til en chauffør, der har været …«")

	if code, page := save("retention", "Medarbejder sygemeldt med stress i tre uger."); code != http.StatusSeeOther {
		t.Fatalf("another topic: %d %s", code, page)
	}
	code, page = save("retention", "Igen om den sygemeldte.")
	if code != http.StatusConflict {
		t.Fatalf("the call again: %d %s", code, page)
	}
	check(page, "fra et opkald", "Medarbejder sygemeldt med stress i tre uger.«")
}
