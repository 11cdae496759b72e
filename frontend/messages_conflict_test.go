package frontend_test

import (
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
