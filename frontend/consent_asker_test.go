package frontend_test

import (
	"html"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
	"net/http"
	"regexp"
	"strings"
	"testing"
	"time"
)

// The consent tests: who asks, a link sent again, back on the shortlist
// after a no or a withdrawal, and an assessment written after the yes.

var consentToken = regexp.MustCompile(`/consent/([a-z0-9]+)`)

// consentCase is a vacancy with citizens on its shortlist and the
// consultant who pre-screens them.
type consentCase struct {
	t          *testing.T
	env        *systemtest.Env
	k, anon    *systemtest.Client
	vacancyID  string
	statusPath string
	entries    []string // entry ids, in the order of the citizens
	candidates []string
	deadline   string
}

func newConsentCase(t *testing.T, env *systemtest.Env, cvr string, names ...string) *consentCase {
	t.Helper()
	env.Sys.Taxonomy.NormalizeSkill("tagarbejde")
	cc := &consentCase{t: t, env: env, k: env.Login("konsulent@demo.local"), anon: env.Client(), deadline: env.Sys.Env.Now().AddDate(0, 0, 5).Format(time.DateOnly)}
	var rec struct {
		ID        string
		StatusURL string `json:"status_url"`
	}
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	cc.vacancyID, cc.statusPath = rec.ID, rec.StatusURL[strings.Index(rec.StatusURL, "/status/"):]
	for i, name := range names {
		ref := "CA-" + string(rune('A'+i))
		body := map[string]any{"external_ref": ref, "name": name, "email": strings.ToLower(ref) + "@example.dk", "phone": "2244556" + string(rune('0'+i)),
			"postal_code": "6400", "max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"},
			"skills": []string{"tagarbejde"}, "experience": []map[string]any{{"title": "Tømrer", "employer": "Byg ApS", "years": 8}},
			"consent": map[string]any{"given": true, "channel": "meeting"}}
		var c struct{ ID string }
		if res := cc.k.Do("POST", "/api/v1/candidates", body, &c); res.StatusCode != http.StatusCreated {
			t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
		}
		var e struct{ ID string }
		if res := cc.k.Do("POST", "/api/v1/vacancies/"+rec.ID+"/shortlist", map[string]any{"candidate_id": c.ID}, &e); res.StatusCode != http.StatusCreated {
			t.Fatalf("shortlist: %d %s", res.StatusCode, res.Body)
		}
		cc.entries, cc.candidates = append(cc.entries, e.ID), append(cc.candidates, c.ID)
	}
	return cc
}

// ask sends citizen i a consent link over the API and returns its token
// as the citizen got it.
func (cc *consentCase) ask(i int, channel string, want int) string {
	cc.t.Helper()
	res := cc.k.Do("POST", "/api/v1/shortlist/"+cc.entries[i]+"/consent-request", map[string]any{"channel": channel, "deadline": cc.deadline}, nil)
	if res.StatusCode != want {
		cc.t.Fatalf("consent request %d: %d %s", i, res.StatusCode, res.Body)
	}
	if want != http.StatusCreated {
		return ""
	}
	return cc.latestToken(i, "consent_request_"+channel)
}

type sentMail struct{ Kind, To, Subject, Body, Ref string }

func (cc *consentCase) mails(kind string) []sentMail {
	var box struct{ Items []sentMail }
	cc.env.Outbox(&box)
	var out []sentMail
	for _, m := range box.Items {
		if m.Kind == kind {
			out = append(out, m)
		}
	}
	return out
}

// latestToken is the token of the newest mail of kind for citizen i.
func (cc *consentCase) latestToken(i int, kind string) string {
	cc.t.Helper()
	for _, m := range cc.mails(kind) { // newest first
		if m.Ref == cc.entries[i] {
			return consentToken.FindStringSubmatch(m.Body)[1]
		}
	}
	cc.t.Fatalf("no %s for citizen %d", kind, i)
	return ""
}

// TestConsentNamesTheConsultant: the consent page and the consent mail
// asked in the name of "jobcentret"; they name the consultant who asks,
// with the phone and e-mail the staff record has, in Danish and English.
func TestConsentNamesTheConsultant(t *testing.T) {
	env := systemtest.Start(t)
	cc := newConsentCase(t, env, demo.CVR(901), "Anders Andersen", "Bente Bak")
	token := cc.ask(0, "email", http.StatusCreated)
	cc.ask(1, "sms", http.StatusCreated)

	mail := cc.mails("consent_request_email")[0].Body
	for _, want := range []string{"Det er Karen Konsulent, virksomhedskonsulent i jobcentret, der spørger. Har du spørgsmål, kan du ringe på 88 72 41 01 eller skrive til konsulent@demo.local.",
		"Karen Konsulent, a company consultant at the jobcentre, is asking. If you have any questions, call 88 72 41 01 or write to konsulent@demo.local."} {
		if !strings.Contains(mail, want) {
			t.Errorf("the mail does not say %q:\n%s", want, mail)
		}
	}
	if sms := cc.mails("consent_request_sms")[0].Body; !strings.HasPrefix(sms, "Jobcentret, Karen Konsulent (tlf. 88 72 41 01): ") {
		t.Errorf("the SMS does not name the consultant: %s", sms)
	}

	var page struct {
		Consultant struct{ Name, Phone, Email string }
	}
	cc.anon.Do("GET", "/consent/"+token, nil, &page)
	if page.Consultant.Name != "Karen Konsulent" || page.Consultant.Phone != "88 72 41 01" || page.Consultant.Email != "konsulent@demo.local" {
		t.Errorf("the page's consultant: %+v", page.Consultant)
	}
	for lang, want := range map[string]string{
		"da": "Det er Karen Konsulent, virksomhedskonsulent i jobcentret, der spørger dig. Har du spørgsmål, eller vil du ændre dit svar, så kontakt Karen Konsulent.",
		"en": "Karen Konsulent, a company consultant at the jobcentre, is asking you. If you have questions or want to change your answer, contact Karen Konsulent.",
	} {
		res := cc.anon.Do("GET", "/consent/"+token+"?lang="+lang, nil, nil, "Accept", "text/html")
		b := html.UnescapeString(string(res.Body))
		if res.StatusCode != http.StatusOK || !strings.Contains(b, want) || !strings.Contains(b, `<dd class="consent-consultant-phone">88 72 41 01</dd>`) ||
			!strings.Contains(b, `href="mailto:konsulent@demo.local"`) {
			t.Errorf("%s page does not name the consultant (%q): %d %s", lang, want, res.StatusCode, b)
		}
	}
}
