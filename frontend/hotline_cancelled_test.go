package frontend_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"html"
	"net/http"
	"net/url"
	"strconv"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/i18n"
	"jobmatch/system/systemtest"
)

// TestEveryStatusHasItsText: the status page prints "st.<status>", and a
// cancelled request's read "Status st.cancelled", a key without a text.
// Every status constant a request or a vacancy can have (read from the
// source, so the next one added is checked too) has its text in both
// languages.
func TestEveryStatusHasItsText(t *testing.T) {
	fs := token.NewFileSet()
	n := 0
	for _, file := range []string{"../request.go", "../vacancy.go"} {
		f, err := parser.ParseFile(fs, file, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, d := range f.Decls {
			g, ok := d.(*ast.GenDecl)
			if !ok || g.Tok != token.CONST {
				continue
			}
			for _, sp := range g.Specs {
				v := sp.(*ast.ValueSpec)
				typ, ok := v.Type.(*ast.Ident)
				if !ok || (typ.Name != "RequestStatus" && typ.Name != "VacancyStatus") {
					continue
				}
				for _, val := range v.Values {
					lit, ok := val.(*ast.BasicLit)
					if !ok {
						t.Fatalf("%s: a %s that is no string literal", file, typ.Name)
					}
					s, _ := strconv.Unquote(lit.Value)
					n++
					key := "st." + s
					if !i18n.Has(key) {
						t.Errorf("%s %q has no text %q: the status page shows the key", typ.Name, s, key)
						continue
					}
					for _, lang := range []i18n.Lang{i18n.DA, i18n.EN} {
						if got := i18n.T(lang, key); got == "" || got == key {
							t.Errorf("%s in %s: %q", key, lang, got)
						}
					}
				}
			}
		}
	}
	if n < 7 {
		t.Fatalf("found %d status constants, want the request's and the vacancy's", n)
	}
}

// TestACancelledRequestTellsTheSender: a call the hotline logged with the
// caller's e-mail got a receipt ("Du får svar senest …"); cancelled as
// logged by mistake, its status page said "Status st.cancelled" and
// nobody told the sender. The page says it is closed, why and what to do,
// and a mail goes to the receipt's address.
func TestACancelledRequestTellsTheSender(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	const to = "bente.holm@eksempel-el.dk"
	body := map[string]any{"company": map[string]any{"cvr": demo.CVR(610), "name": "Eksempel El ApS", "postal_code": "8000",
		"contact": map[string]any{"name": "Bente Holm", "email": to}}, "topic": "subsidy", "channel": "phone", "text": "Spørgsmål om løntilskud"}
	var rc struct {
		ID, Reference string
		StatusURL     string `json:"status_url"`
	}
	if res := hot.Do("POST", "/api/v1/requests", body, &rc); res.StatusCode != http.StatusCreated {
		t.Fatalf("request: %d %s", res.StatusCode, res.Body)
	}
	if res := hot.Do("POST", "/api/v1/requests/"+rc.ID+"/cancel", map[string]string{"reason": "mistake"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("cancel: %d %s", res.StatusCode, res.Body)
	}

	u, err := url.Parse(rc.StatusURL)
	if err != nil {
		t.Fatal(err)
	}
	for _, lang := range []string{"da", "en"} {
		res := env.Client().Do("GET", u.Path+"?lang="+lang, nil, nil, "Accept", "text/html")
		page := string(res.Body)
		if res.StatusCode != http.StatusOK {
			t.Fatalf("status page: %d %s", res.StatusCode, page)
		}
		if strings.Contains(page, "st.cancelled") {
			t.Errorf("%s: the status page shows the key st.cancelled", lang)
		}
		l := i18n.Parse(lang)
		for _, want := range []string{i18n.T(l, "st.cancelled"), i18n.T(l, "st.cancelled_mistake")} {
			if !strings.Contains(html.UnescapeString(page), want) {
				t.Errorf("%s: the status page does not say %q", lang, want)
			}
		}
	}

	var out struct {
		Items []struct{ To, Subject, Body, Kind, Ref string }
	}
	env.Outbox(&out)
	found := false
	for _, m := range out.Items {
		if m.To != to || m.Kind != "request_cancelled" {
			continue
		}
		found = true
		if m.Ref != rc.Reference || !strings.Contains(m.Body, rc.Reference) || !strings.Contains(m.Body, "registreret ved en fejl") ||
			!strings.Contains(m.Body, "stadig brug for hjælp") || !strings.Contains(m.Body, "logged by mistake") {
			t.Errorf("the cancellation mail does not say which request, why and what to do:\n%s\n%s", m.Subject, m.Body)
		}
	}
	if !found {
		t.Errorf("no mail to %s that %s is cancelled", to, rc.Reference)
	}
}
