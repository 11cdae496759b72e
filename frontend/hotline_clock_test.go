package frontend_test

import (
	"context"
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"

	"jobmatch/app/companies"
	"jobmatch/demo"
	"jobmatch/i18n"
	"jobmatch/system/systemtest"
)

// TestHotlineWritesTheTimeOfDayOneWay: the repeat warning said "kl.
// 21:10" and the list of today's calls "kl. 21.16": Danish writes "kl.
// 21.10", English "21:10". Both are written by one formatter.
func TestHotlineWritesTheTimeOfDayOneWay(t *testing.T) {
	at := time.Date(2026, 12, 7, 21, 10, 0, 0, time.UTC)
	if da, en := i18n.Clock(i18n.DA, at), i18n.Clock(i18n.EN, at); da != "21.10" || en != "21:10" {
		t.Errorf("Clock: %q, %q", da, en)
	}
	for _, lang := range []i18n.Lang{i18n.DA, i18n.EN} {
		if dt := i18n.DateTime(lang, at); !strings.HasSuffix(dt, i18n.Clock(lang, at)) {
			t.Errorf("DateTime %q does not end in Clock %q", dt, i18n.Clock(lang, at))
		}
	}

	env := systemtest.Start(t)
	cvr := demo.CVR(766)
	if _, _, err := env.Sys.Companies.ImportCompanies(context.Background(), []companies.CompanyRow{{CVR: cvr, Name: "Eksempel Maskinfabrik ApS", PostalCode: "6360"}}); err != nil {
		t.Fatal(err)
	}
	hot := env.Login("hotline@demo.local")
	save := func(lang string) (int, string) {
		v := hotlineForm(t, hotlinePage(t, hot, "/staff/hotline?cvr="+cvr))
		for k, x := range map[string]string{"cvr": cvr, "channel": "phone", "topic": "layoff", "text": "Varsler afskedigelser.", "caller_name": "Bo Lund", "caller_phone": "20304051"} {
			v.Set(k, x)
		}
		res := hot.Do("POST", "/staff/hotline?lang="+lang, []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", lang)
		return res.StatusCode, html.UnescapeString(string(res.Body))
	}
	if code, page := save("da"); code != http.StatusSeeOther {
		t.Fatalf("the call: %d %s", code, page)
	}
	today := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline"))
	m := regexp.MustCompile(`kl\. (\d\d\.\d\d)</td>`).FindStringSubmatch(today)
	if m == nil {
		t.Fatalf("no time of day in today's list: %s", today)
	}
	code, page := save("da")
	if code != http.StatusConflict {
		t.Fatalf("the call again: %d %s", code, page)
	}
	if !strings.Contains(page, "kl. "+m[1]+" om det samme") {
		t.Errorf("the warning does not say the time as today's list does (kl. %s): %s", m[1], regexp.MustCompile(`Der er allerede[^<]*`).FindString(page))
	}
	_, page = save("en")
	if !strings.Contains(page, "at "+strings.Replace(m[1], ".", ":", 1)+" about the same") {
		t.Errorf("in English the time is not %s: %s", strings.Replace(m[1], ".", ":", 1), regexp.MustCompile(`A request from[^<]*`).FindString(page))
	}
}
