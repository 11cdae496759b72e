package i18n

import (
	"testing"
	"time"
)

func TestDatesAndNumbersInTheLanguage(t *testing.T) {
	d := time.Date(2026, 12, 3, 14, 5, 0, 0, time.UTC)
	for _, c := range []struct{ got, want string }{
		{Date(DA, d), "3. dec. 2026"},
		{Date(EN, d), "3 Dec 2026"},
		{Date(DA, time.Date(2027, 5, 1, 0, 0, 0, 0, time.UTC)), "1. maj 2027"},
		{DateTime(DA, d), "3. dec. 2026 kl. 14.05"},
		{DateTime(EN, d), "3 Dec 2026, 14:05"},
		{Date(DA, time.Time{}), ""},
		{Number(DA, 13.5, 1), "13,5"},
		{Number(EN, 13.5, 1), "13.5"},
		{Number(DA, 6, 1), "6,0"},
		{Trimmed(DA, 6, 1), "6"},
		{Trimmed(EN, 13.50, 2), "13.5"},
		{TimeSpan(DA, d, d.Add(time.Hour)), "3. dec. 2026 kl. 14.05–15.05"},
		{TimeSpan(EN, d, d.Add(time.Hour)), "3 Dec 2026, 14:05–15:05"},
		{TimeSpan(DA, d, d.Add(24*time.Hour)), "3. dec. 2026 kl. 14.05–4. dec. 2026 kl. 14.05"},
		{Format(DA, Years(5)), "5 år"},
		{Format(DA, YearsOf(13.5)), "13,5 års"}, // "13,5 års erfaring"
		{Format(EN, YearsOf(1)), "1 year"},
		{Format(EN, YearsOf(2.5)), "2.5 years"},
	} {
		if c.got != c.want {
			t.Errorf("got %q, want %q", c.got, c.want)
		}
	}
}
