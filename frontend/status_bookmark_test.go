package frontend_test

import (
	"html"
	"strings"
	"testing"

	"jobmatch/system/systemtest"
)

// TestSavedReceiptLinkIsTheStatusLater: the address the form leads to,
// /status/TOKEN?new=1, is what a phone user bookmarks; opened after
// candidates were presented it still headed "Tak – vi har modtaget din
// henvendelse." It is the receipt only while the request is just received.
func TestSavedReceiptLinkIsTheStatusLater(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 98, nil)
	page := html.UnescapeString(string(env.Client().Do("GET", ec.status+"?new=1&lang=da", nil, nil, "Accept", "text/html").Body))
	if !strings.Contains(page, "Tak – vi har modtaget din henvendelse.") {
		t.Fatalf("right after posting, no receipt: %s", page)
	}
	cv := map[string]any{"external_ref": "EMP-98-X", "name": "Borger X", "postal_code": "6400", "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"}}
	var c struct{ ID string }
	if res := ec.k.Do("POST", "/api/v1/candidates", cv, &c); res.StatusCode != 201 {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	presentCandidate(t, ec.k, ec.id, c.ID)
	page = html.UnescapeString(string(env.Client().Do("GET", ec.status+"?new=1&lang=da", nil, nil, "Accept", "text/html").Body))
	if strings.Contains(page, "Tak – vi har modtaget din henvendelse.") || !strings.Contains(page, "Kandidater præsenteret af jobcentret") {
		t.Errorf("the saved receipt link after a presentation still thanks for the request: %s", page)
	}
}
