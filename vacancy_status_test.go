package jobmatch

import (
	"errors"
	"testing"
)

// TestVacancyStatusRules: the status only moves forward through the
// pre-screening, never out of an end, and an ended or changed vacancy is
// not closed again.
func TestVacancyStatusRules(t *testing.T) {
	all := []VacancyStatus{VacancyOpen, VacancyScreening, VacancyPresented, VacancyFilled, VacancyClosed}
	advances := map[[2]VacancyStatus]bool{
		{VacancyOpen, VacancyScreening}: true, {VacancyOpen, VacancyPresented}: true, {VacancyScreening, VacancyPresented}: true,
	}
	for _, from := range all {
		for _, to := range all {
			if got := from.Advances(to); got != advances[[2]VacancyStatus{from, to}] {
				t.Errorf("%s.Advances(%s) = %v", from, to, got)
			}
		}
		if got, want := from.Ended(), from == VacancyFilled || from == VacancyClosed; got != want {
			t.Errorf("%s.Ended() = %v", from, got)
		}
	}
	if VacancyStatus("archived").Advances(VacancyScreening) || VacancyOpen.Advances("archived") {
		t.Error("an unknown status advances")
	}
	code := func(err error) string {
		var ce *ConflictError
		if errors.As(err, &ce) {
			return ce.Code
		}
		if err != nil {
			return err.Error()
		}
		return ""
	}
	for _, tt := range []struct {
		status           VacancyStatus
		version, asked   int64
		close, screening string
	}{
		{VacancyOpen, 3, 0, "", ""},
		{VacancyOpen, 3, 3, "", ""},
		{VacancyPresented, 3, 2, "stale_version", ""},
		{VacancyScreening, 1, 1, "", ""},
		{VacancyFilled, 4, 4, "already_closed", "vacancy_closed"},
		{VacancyClosed, 4, 0, "already_closed", "vacancy_closed"},
	} {
		v := &Vacancy{Status: tt.status, Version: tt.version}
		if got := code(v.CanClose(tt.asked)); got != tt.close {
			t.Errorf("%s at version %d, closed as seen at %d: %q, want %q", tt.status, tt.version, tt.asked, got, tt.close)
		}
		if got := code(v.CanScreen()); got != tt.screening {
			t.Errorf("%s: screening %q, want %q", tt.status, got, tt.screening)
		}
	}
}
