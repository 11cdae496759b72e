package frontend_test

import (
	"html"
	"net/http"
	"regexp"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestChoosingTheCallerKeepsWhatWasTyped: found by CVR, the company's
// contact people are offered as the caller; the topic chosen and the text
// typed, the caller chosen with Enter opened the form anew (a plain link)
// with the caller filled in and the topic and text gone. The choice sends
// the form: it comes back with the caller, the topic, the text and the
// search, the cursor on the save button. A form sent back with an error
// still offers the contact people and keeps the search.
func TestChoosingTheCallerKeepsWhatWasTyped(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	cvr := demo.CVR(747)
	for _, contact := range []map[string]any{{"name": "Jens Hansen", "phone": "29626559"}, {"name": "Mette Juul", "email": "mette@eksempel-trae.dk"}} {
		body := map[string]any{"company": map[string]any{"cvr": cvr, "name": "Eksempel Træ ApS", "postal_code": "6200", "contact": contact},
			"topic": "vacancy", "channel": "phone", "text": "Søger en maskinsnedker"}
		if res := hot.Do("POST", "/api/v1/requests", body, nil); res.StatusCode != http.StatusCreated {
			t.Fatalf("request: %d %s", res.StatusCode, res.Body)
		}
	}
	page := html.UnescapeString(hotlinePage(t, hot, "/staff/hotline?q="+cvr))
	m := regexp.MustCompile(`<button type="submit" name="pick" value="(\d+)"[^>]*>Jens Hansen</button>`).FindStringSubmatch(page)
	if m == nil {
		t.Fatalf("Jens Hansen is not offered as the caller: %s", page)
	}
	if save, pick := strings.Index(page, ">Gem</button>"), strings.Index(page, `name="pick"`); save < 0 || pick < save {
		t.Errorf("a caller's button comes before the save button: Enter in a field would choose the caller")
	}
	v := hotlineForm(t, page)
	v.Set("cvr", cvr)
	v.Set("q", cvr)
	v.Set("channel", "phone")
	v.Set("topic", "subsidy")
	v.Set("text", "Vil høre om løntilskud til en ledig.")
	v.Set("pick", m[1])
	res := hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	page = html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusOK {
		t.Fatalf("choosing the caller: %d %s", res.StatusCode, page)
	}
	if got := inputValue(t, page, "h-caller"); got != "Jens Hansen" {
		t.Errorf("the caller chosen: %q", got)
	}
	if got := strings.ReplaceAll(inputValue(t, page, "h-phone"), " ", ""); got != "29626559" {
		t.Errorf("the caller's phone: %q", got)
	}
	if got := inputValue(t, page, "h-text"); got != "Vil høre om løntilskud til en ledig." {
		t.Errorf("the text typed is gone: %q", got)
	}
	if !strings.Contains(page, `<option value="subsidy" selected>`) {
		t.Errorf("the topic chosen is gone")
	}
	if inputValue(t, page, "q") != cvr {
		t.Errorf("the search is gone")
	}
	if !regexp.MustCompile(`<button type="submit" class="button button-primary" autofocus>Gem</button>`).MatchString(page) {
		t.Errorf("the cursor is not on the save button")
	}
	if n := len(regexp.MustCompile(`\sautofocus`).FindAllString(page, -1)); n != 1 {
		t.Errorf("%d fields have autofocus", n)
	}
	if strings.Contains(page, `name="pick"`) {
		t.Errorf("the caller is chosen, and the contact people are still offered")
	}
	// Nothing was logged: the caller is chosen, the call not saved.
	var list struct{ Total int }
	hot.Do("GET", "/api/v1/requests?cvr="+cvr, nil, &list)
	if list.Total != 2 {
		t.Errorf("choosing the caller logged the call: %d requests", list.Total)
	}

	// Sent without a caller and without the text: said, and the contact
	// people are still offered, the search kept.
	v.Del("pick")
	v.Set("text", "")
	res = hot.Do("POST", "/staff/hotline", []byte(v.Encode()), nil, "Content-Type", "application/x-www-form-urlencoded", "Accept", "text/html", "Accept-Language", "da")
	page = html.UnescapeString(string(res.Body))
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Fatalf("no caller, no text: %d %s", res.StatusCode, page)
	}
	if !strings.Contains(page, `name="pick"`) || !strings.Contains(page, ">Jens Hansen</button>") {
		t.Errorf("after the error, the contact people are not offered")
	}
	if inputValue(t, page, "q") != cvr || inputValue(t, page, "h-caller") != "" {
		t.Errorf("after the error, the search is gone or a caller filled in")
	}
	if strings.Contains(page, "Ingen virksomheder fundet") {
		t.Errorf("after the error, the search says it found nothing")
	}
}
