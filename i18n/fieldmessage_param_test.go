package i18n

import (
	"strings"
	"testing"

	"jobmatch"
)

// TestFieldMessagesFillTheirParam: every validation message with a place
// for its param (%s) gets it, in both languages: "too_old" showed
// "Datoen skal ligge i %s eller senere" to a consultant.
func TestFieldMessagesFillTheirParam(t *testing.T) {
	n := 0
	for key, m := range messages {
		code, ok := strings.CutPrefix(key, "v.")
		if !ok || !strings.Contains(m[0]+m[1], "%s") {
			continue
		}
		n++
		for _, lang := range []Lang{DA, EN} {
			got := FieldMessage(lang, jobmatch.FieldError{Field: "date", Code: code, Param: "P4RAM"})
			if strings.Contains(got, "%s") || strings.Contains(got, "%!") || !strings.Contains(got, "P4RAM") {
				t.Errorf("%s (%s): %q", key, lang, got)
			}
		}
	}
	if n == 0 {
		t.Fatal("no v.* message with a param")
	}
	// The literal per cent sign of a message with no param stays one.
	if got := FieldMessage(DA, jobmatch.FieldError{Field: "x", Code: "percent", Param: "1"}); got != T(DA, "v.percent") {
		t.Errorf("v.percent: %q", got)
	}
	if got := FieldMessage(DA, jobmatch.FieldError{Field: "date", Code: "too_old", Param: "2025"}); !strings.Contains(got, "2025") {
		t.Errorf("too_old: %q", got)
	}
}
