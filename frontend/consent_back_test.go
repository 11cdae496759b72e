package frontend_test

import (
	"jobmatch/demo"
	"jobmatch/system/systemtest"
	"net/http"
	"strings"
	"testing"
	"time"
)

func (cc *consentCase) move(i int, to string, extra map[string]any, want int) *systemtest.Response {
	cc.t.Helper()
	b := map[string]any{"to": to, "version": cc.entry(i).Version}
	for k, v := range extra {
		b[k] = v
	}
	res := cc.k.Do("POST", "/api/v1/shortlist/"+cc.entries[i]+"/transitions", b, nil)
	if res.StatusCode != want {
		cc.t.Fatalf("%d → %s: %d, want %d: %s", i, to, res.StatusCode, want, res.Body)
	}
	return res
}

// employerSees is the employer's view of the presented profiles.
func (cc *consentCase) employerSees() []map[string]any {
	var st struct{ Presented []map[string]any }
	cc.anon.Do("GET", cc.statusPath, nil, &st, "Accept", "application/json")
	return st.Presented
}

// TestBackOnTheShortlistAfterNoOrWithdrawal: "ikke interesseret" was an
// end, marked by mistake or not; the consultant brings the citizen back
// on the shortlist with a note, and asks again. A consent withdrawn is
// asked for again with a new link, and an old link does not make it hold
// again.
func TestBackOnTheShortlistAfterNoOrWithdrawal(t *testing.T) {
	env := systemtest.Start(t)
	cc := newConsentCase(t, env, demo.CVR(903), "Dorte Dam", "Erik Eg")

	// A no on the link: not interested. Back with a note only.
	cc.answer(cc.ask(0, "email", http.StatusCreated), "no", http.StatusOK)
	if e := cc.entry(0); e.Stage != "not_interested" {
		t.Fatalf("after the no: %s", e.Stage)
	}
	row := cc.row(cc.vacancyPage(), 0)
	if !strings.Contains(row, `<option value="suggested">tilbage på kortlisten (foreslået)</option>`) {
		t.Fatalf("no way back on the row: %s", row)
	}
	cc.move(0, "suggested", nil, http.StatusUnprocessableEntity)
	cc.move(0, "suggested", map[string]any{"note": "Borgeren ringede og har fortrudt sit nej."}, http.StatusOK)
	e := cc.entry(0)
	if last := e.Steps[len(e.Steps)-1]; e.Stage != "suggested" || last.From != "not_interested" || last.Note != "Borgeren ringede og har fortrudt sit nej." {
		t.Fatalf("back on the list: %+v", e)
	}
	// Asked again: the link contacts, the yes is interest.
	cc.answer(cc.ask(0, "email", http.StatusCreated), "yes", http.StatusOK)
	if e := cc.entry(0); e.Stage != "interested" {
		t.Fatalf("asked again: %s", e.Stage)
	}

	// A consent given by phone, the citizen presented, then withdrawn: a
	// link sent before it does not make it hold again; a new link does.
	old := cc.ask(1, "email", http.StatusCreated)
	cc.move(1, "interested", nil, http.StatusOK)
	cc.move(1, "interviewed", map[string]any{"interview": map[string]any{"date": time.Now().Format(time.DateOnly), "by": "Karen", "assessment": "Stærk i tagarbejde og mødestabil."}}, http.StatusOK)
	if res := cc.k.Do("POST", "/api/v1/candidates/"+cc.candidates[1]+"/consents", map[string]any{"vacancy_id": cc.vacancyID, "channel": "phone"}, nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("consent by phone: %d %s", res.StatusCode, res.Body)
	}
	cc.move(1, "presented", nil, http.StatusOK)
	if n := len(cc.employerSees()); n != 1 {
		t.Fatalf("employer sees %d", n)
	}
	if res := cc.k.Do("DELETE", "/api/v1/candidates/"+cc.candidates[1]+"/consents/"+cc.vacancyID, nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("withdraw: %d %s", res.StatusCode, res.Body)
	}
	cc.answer(old, "yes", http.StatusGone)
	if n := len(cc.employerSees()); n != 0 {
		t.Fatalf("a withdrawn consent holds again: the employer sees %d", n)
	}
	if row := cc.row(cc.vacancyPage(), 1); !strings.Contains(row, "Send samtykkelink igen") {
		t.Fatalf("no way to ask again on the row: %s", row)
	}
	cc.answer(cc.ask(1, "email", http.StatusCreated), "yes", http.StatusOK)
	if n := len(cc.employerSees()); n != 1 {
		t.Fatalf("asked again and said yes: the employer sees %d", n)
	}
}
