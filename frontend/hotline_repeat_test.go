package frontend_test

import (
	"context"
	"html"
	"net/http"
	"strings"
	"testing"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestHotlineAsksBeforeLoggingTheSameCallTwice: the same caller about the
// same topic logged twice within minutes (a colleague took the call too,
// or the form went again) was two requests on the consultant's list. The
// second save says the call was logged at HH:MM and asks; saved again, it
// is logged. Another topic, or another caller, is logged at once.
func TestHotlineAsksBeforeLoggingTheSameCallTwice(t *testing.T) {
	env := systemtest.Start(t)
	cvr := demo.CVR(758)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Tinglev Vognmandsforretning ApS", PostalCode: "6360"}}); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	save := func(topic, phone string, extra ...string) (int, string) {
		v := hotlineForm(t, hotlinePage(t, hot, "/staff/hotline?cvr="+cvr))
		v.Set("cvr", cvr)
		v.Set("channel", "phone")
		v.Set("topic", topic)
		v.Set("text", "Vil høre om løntilskud.")
		v.Set("caller_name", "Bo Lund")
		v.Set("caller_phone", phone)
		for i := 0; i+1 < len(extra); i += 2 {
			v.Set(extra[i], extra[i+1])
		}
		res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
		return res.StatusCode, html.UnescapeString(string(res.Body))
	}
	if code, page := save("subsidy", "20 30 40 50"); code != http.StatusSeeOther {
		t.Fatalf("the first call: %d %s", code, page)
	}
	code, page := save("subsidy", "+45 20304050")
	if code == http.StatusSeeOther || !strings.Contains(page, "Der er allerede logget en henvendelse fra Bo Lund kl. ") || !strings.Contains(page, "vil du logge den igen?") ||
		!strings.Contains(page, `name="repeat_ok" value="1"`) || inputValue(t, page, "h-text") != "Vil høre om løntilskud." {
		t.Fatalf("the same call again: %d %s", code, page)
	}
	if code, page := save("subsidy", "20304050", "repeat_ok", "1"); code != http.StatusSeeOther {
		t.Fatalf("the same call confirmed: %d %s", code, page)
	}
	if code, page := save("retention", "20304050"); code != http.StatusSeeOther {
		t.Fatalf("another topic: %d %s", code, page)
	}
	if code, page := save("subsidy", "21304050"); code != http.StatusSeeOther {
		t.Fatalf("another caller: %d %s", code, page)
	}
}
