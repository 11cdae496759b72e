package matcher

import (
	"fmt"
	"strconv"
	"strings"
)

// The reasons are written here in Danish and English; numbers use each
// language's decimal mark.

var schemeWhyDA = map[string]string{"flag": "visiteret af kommunen", "group": "målgruppen giver adgang", "any": "alle ledige kan"}
var schemeWhyEN = map[string]string{"flag": "approved by the municipality", "group": "the target group qualifies", "any": "every unemployed person can"}

var viaDA = map[string]string{"star_title": "STAR/Jobnet-titlen", "alt_label": "synonymet", "hidden_label": "synonymet", "disco_title": "DISCO-titlen", "english_label": "den engelske titel"}
var viaEN = map[string]string{"star_title": "the STAR/Jobnet title", "alt_label": "the synonym", "hidden_label": "the synonym", "disco_title": "the DISCO title", "english_label": "the English title"}

func occupationDA(m occMatch) string {
	switch m.kind {
	case "same":
		return "Samme stilling: " + m.target.Label
	case "synonym":
		return "Samme stilling: " + m.target.Label + " (via " + viaDA[m.target.Via] + " " + quote(m.target.Form) + ")"
	case "related":
		return "Beslægtet stilling i samme ISCO-gruppe " + m.detail + ": " + m.label
	case "group":
		return "Stilling i samme faggruppe (ISCO " + m.detail + "): " + m.label
	case "skills":
		return "Stilling med fælles kernekompetencer (" + m.detail + "): " + m.label
	case "title":
		return "Titlen ligner opslagets: " + m.label
	}
	return ""
}

func occupationEN(m occMatch) string {
	switch m.kind {
	case "same":
		return "Same occupation: " + m.target.Label
	case "synonym":
		return "Same occupation: " + m.target.Label + " (via " + viaEN[m.target.Via] + " " + quote(m.target.Form) + ")"
	case "related":
		return "Related occupation in the same ISCO group " + m.detail + ": " + m.label
	case "group":
		return "Occupation in the same field (ISCO " + m.detail + "): " + m.label
	case "skills":
		return "Occupation sharing essential skills (" + m.detail + "): " + m.label
	case "title":
		return "Title resembles the vacancy's: " + m.label
	}
	return ""
}

func quote(s string) string { return "“" + s + "”" }

func num(v float64, lang string) string {
	s := strconv.FormatFloat(round1(v), 'f', -1, 64)
	if lang == "da" {
		s = strings.Replace(s, ".", ",", 1)
	}
	return s
}

func fmtYears(y float64, lang string) string {
	if lang == "da" {
		return num(y, "da") + " års"
	}
	if y == 1 {
		return "1 year"
	}
	return num(y, "en") + " years"
}

func wantYears(min float64, lang string) string {
	if min <= 0 {
		return ""
	}
	if lang == "da" {
		return " (ønsket " + num(min, "da") + " år)"
	}
	return " (asked " + num(min, "en") + ")"
}

func countOf(n, m int) string   { return fmt.Sprintf("%d af %d", n, m) }
func countOfEN(n, m int) string { return fmt.Sprintf("%d of %d", n, m) }

func km(d float64) string {
	if d < 10 {
		return num(d, "da") + " km"
	}
	return strconv.Itoa(int(d+0.5)) + " km"
}

func pct(v float64) string { return strconv.Itoa(int(v*100+0.5)) + " %" }

// short cuts a long skill text for a reason line.
func short(s string) string {
	s = strings.TrimSpace(s)
	if r := []rune(s); len(r) > 60 {
		return string(r[:57]) + "…"
	}
	return s
}

type names struct{ da, en string }

var languageNames = map[string]names{
	"da": {"Dansk", "Danish"}, "en": {"Engelsk", "English"}, "de": {"Tysk", "German"}, "sv": {"Svensk", "Swedish"},
	"no": {"Norsk", "Norwegian"}, "pl": {"Polsk", "Polish"}, "ar": {"Arabisk", "Arabic"}, "uk": {"Ukrainsk", "Ukrainian"},
	"ro": {"Rumænsk", "Romanian"}, "tr": {"Tyrkisk", "Turkish"}, "fa": {"Persisk", "Persian"}, "so": {"Somali", "Somali"},
	"ti": {"Tigrinya", "Tigrinya"}, "fr": {"Fransk", "French"}, "es": {"Spansk", "Spanish"},
}

func languageName(code string) names {
	if n, ok := languageNames[strings.ToLower(code)]; ok {
		return n
	}
	return names{strings.ToUpper(code), strings.ToUpper(code)}
}
