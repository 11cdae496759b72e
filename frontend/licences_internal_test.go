package frontend

import (
	"strings"
	"testing"

	"jobmatch"
	"jobmatch/i18n"
)

// TestOneDrivingLicenceIsSingular: a hit with one licence said "Driving
// licences B" in English; Danish says "Kørekort" either way.
func TestOneDrivingLicenceIsSingular(t *testing.T) {
	for _, c := range []struct {
		lang     i18n.Lang
		licences []string
		want     string
	}{
		{i18n.EN, []string{"B"}, "Driving licence B"},
		{i18n.EN, []string{"B", "C"}, "Driving licences B, C"},
		{i18n.DA, []string{"B"}, "Kørekort B"},
		{i18n.DA, []string{"B", "C"}, "Kørekort B, C"},
	} {
		got := hitFacts(c.lang, &jobmatch.Candidate{DrivingLicences: c.licences}, "2026-12-07", false, false)
		if !strings.Contains(got, c.want) || (c.lang == i18n.EN && len(c.licences) == 1 && strings.Contains(got, "licences")) {
			t.Errorf("%s %v: %q, want %q", c.lang, c.licences, got, c.want)
		}
	}
}
