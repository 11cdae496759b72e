package frontend_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"jobmatch"
	_ "jobmatch/frontend"
	"jobmatch/i18n"
)

// TestNoMessageRegisteredTwice: a key registered twice with two texts
// shows only the first ("Overskredet" hid "over fristen" on the overview).
func TestNoMessageRegisteredTwice(t *testing.T) {
	if c := i18n.Conflicts(); len(c) > 0 {
		t.Fatalf("keys registered twice with different texts: %v", c)
	}
}

// TestEveryRoleHasAName: the header names the staff member's role in the
// page's language ("Karen Konsulent (consultant)" on a Danish page before).
func TestEveryRoleHasAName(t *testing.T) {
	for _, r := range []jobmatch.Role{jobmatch.RoleHotline, jobmatch.RoleConsultant, jobmatch.RoleAdmin, jobmatch.RoleManagement} {
		if !jobmatch.ValidRole(r) || !i18n.Has("role."+string(r)) {
			t.Errorf("role %q has no message role.%s", r, r)
		}
	}
	if got := i18n.T(i18n.DA, "role.consultant"); got != "virksomhedskonsulent" {
		t.Errorf("role.consultant in Danish: %q", got)
	}
}

// TestEveryTemplateKeyHasAMessage: a key a template names that no message
// registers shows as the key itself ("← cv.back" headed the CV form).
func TestEveryTemplateKeyHasAMessage(t *testing.T) {
	files, err := filepath.Glob("templates/*.html")
	if err != nil || len(files) == 0 {
		t.Fatalf("no templates: %v", err)
	}
	key := regexp.MustCompile(`\bt "([a-z0-9_.]+)"`)
	n := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range key.FindAllSubmatch(b, -1) {
			n++
			if k := string(m[1]); !i18n.Has(k) {
				t.Errorf("%s: %q has no message", filepath.Base(f), k)
			}
		}
	}
	if n < 100 {
		t.Fatalf("only %d keys read from the templates", n)
	}
}

// TestPagesSayNoCodeName: the service is "Jobcentrets virksomhedsservice"
// to those who use it; "jobmatch" is the code's name ("Sådan rangerer
// jobmatch kandidater" headed a page). And the privacy page's questions end
// as questions.
func TestPagesSayNoCodeName(t *testing.T) {
	for _, k := range []string{"page.about_matching", "wn.about"} {
		for _, l := range []i18n.Lang{i18n.DA, i18n.EN} {
			if got := i18n.T(l, k); strings.Contains(strings.ToLower(got), "jobmatch") {
				t.Errorf("%s (%s): %q", k, l, got)
			}
		}
	}
	for _, k := range []string{"priv.who_h", "priv.keep_h", "priv.basis_h"} {
		if got := i18n.T(i18n.DA, k); !strings.HasSuffix(got, "?") {
			t.Errorf("%s: %q is a question without its mark", k, got)
		}
	}
}
