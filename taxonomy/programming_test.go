package taxonomy_test

import (
	"testing"

	"jobmatch/taxonomy"
)

// TestLetterAndSignLanguages: "C#" and "C++" were both the form "c" once
// the signs were dropped, so a truck driver's "kørekort C/CE" was the
// skill C# (the search's skill facet listed drivers under it).
func TestLetterAndSignLanguages(t *testing.T) {
	tx, err := taxonomy.Load()
	if err != nil {
		t.Fatal(err)
	}
	label := func(text string) string {
		u, _, ok := tx.NormalizeSkill(text)
		if !ok {
			return ""
		}
		s, _ := tx.Skill(u)
		return s.LabelEN
	}
	for text, want := range map[string]string{"C#": "C#", "c#": "C#", "C++": "C++", "kørekort C/CE": "", "kørekort C": "", "Erfaring med C# og .NET": "C#"} {
		if got := label(text); got != want {
			t.Errorf("NormalizeSkill(%q) is %q, want %q", text, got, want)
		}
	}
	for text, want := range map[string]string{"C# og C++": "csharp og cplusplus", "abc#": "abc", "c+": "c", "c#-udvikler": "csharp udvikler"} {
		if got := taxonomy.Normalize(text); got != want {
			t.Errorf("Normalize(%q) = %q, want %q", text, got, want)
		}
	}
}
