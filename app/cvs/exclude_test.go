package cvs

import (
	"slices"
	"testing"
)

// TestWordsLeftOut: "-word", "NOT word", and beside the words searched a
// working time or a certificate after "ikke" or "uden", are words the
// CVs found must not hold (Query.Without), said so; the "-" was dropped
// with the word's other punctuation, so "kok -deltid" asked for part-time,
// and "kok uden weekend" was all the cooks. The negations read otherwise
// stay so.
func TestWordsLeftOut(t *testing.T) {
	for q, want := range map[string]struct {
		text    string
		without []string
		terms   []string
	}{
		"kok -deltid":                             {"kok", []string{"deltid"}, []string{"-deltid"}},
		"lagermedarbejder -truckcertifikat":       {"lagermedarbejder", []string{"truckcertifikat"}, []string{"-truckcertifikat"}},
		`"social- og sundhedsassistent" -weekend`: {`"social- og sundhedsassistent"`, []string{"weekend"}, []string{"-weekend"}},
		"kok -Deltid, -weekend":                   {"kok", []string{"deltid", "weekend"}, []string{"-Deltid,", "-weekend"}},
		"lager NOT truckcertifikat":               {"lager", []string{"truckcertifikat"}, []string{"NOT truckcertifikat"}},
		"kok ikke deltid":                         {"kok", []string{"deltid"}, []string{"ikke deltid"}},
		"kok uden weekend":                        {"kok", []string{"weekend"}, []string{"uden weekend"}},
		"lager uden truckcertifikat":              {"lager", []string{"truckcertifikat"}, []string{"uden truckcertifikat"}},
		"rengøring uden nattevagt":                {"rengøring", []string{"nattevagt"}, []string{"uden nattevagt"}},
		"it-supporter":                            {"it-supporter", nil, nil},
		"social- og sundhedshjælper":              {"social- og sundhedshjælper", nil, nil},
		"rengøring uden bil":                      {"rengøring", nil, nil},
		"uden weekend":                            {"", nil, nil},
		"Idrætsinstruktør og -konsulent":          {"Idrætsinstruktør og -konsulent", nil, nil},
		"tømrer eller -mester":                    {"tømrer eller -mester", nil, nil},
		"kok og -deltid -weekend":                 {"kok og -deltid", []string{"weekend"}, []string{"-weekend"}},
	} {
		iq, interp := readQuery(t, q)
		var terms []string
		for _, in := range interp {
			if in.Via == "excluded" {
				terms = append(terms, in.Term)
			}
		}
		if iq.Text != want.text || !slices.Equal(iq.Without, want.without) || !slices.Equal(terms, want.terms) {
			t.Errorf("%q: searched %q without %q (read %q); want %q without %q (%q)", q, iq.Text, iq.Without, terms, want.text, want.without, want.terms)
		}
	}
}
