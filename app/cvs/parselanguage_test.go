package cvs

import (
	"testing"

	"jobmatch"
)

// TestParseLanguage: the CV form takes a language as a consultant writes
// it: a code and a level, a Danish name with a CEFR level, a test of
// Danish, a mother tongue, or no level.
func TestParseLanguage(t *testing.T) {
	for in, want := range map[string]jobmatch.Language{
		"da:B2":                 {Code: "da", Level: "B2"},
		" en : C1 ":             {Code: "en", Level: "C1"},
		"dansk B1":              {Code: "da", Level: "B1"},
		"Dansk PD3":             {Code: "da", Level: "B2"},
		"dansk pd 2":            {Code: "da", Level: "B1"},
		"dansk studieprøven":    {Code: "da", Level: "C1"},
		"arabisk modersmål":     {Code: "ar", Level: "C2"},
		"arabisk som modersmål": {Code: "ar", Level: "C2"},
		"engelsk flydende":      {Code: "en", Level: "C1"},
		"engelsk på b2":         {Code: "en", Level: "B2"},
		"tigrinya":              {Code: "ti"},
		"da B2":                 {Code: "da", Level: "B2"},
		"engelsk godt":          {Code: "en", Level: "godt"},
		"klingon C1":            {Code: "klingon C1"},
	} {
		if got := ParseLanguage(in); got != want {
			t.Errorf("ParseLanguage(%q) = %+v, want %+v", in, got, want)
		}
	}
}
