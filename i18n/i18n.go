// Package i18n holds the product's user-facing text in Danish (the default)
// and English, and picks the language of a request.
package i18n

import (
	"fmt"
	"slices"
	"strings"

	"jobmatch"
)

// Lang is "da" or "en".
type Lang string

const (
	DA Lang = "da"
	EN Lang = "en"
)

// Parse returns the language named by s ("en", "en-GB", "da-DK"…), or "" if unknown.
func Parse(s string) Lang {
	s = strings.ToLower(strings.TrimSpace(s))
	switch {
	case strings.HasPrefix(s, "en"):
		return EN
	case strings.HasPrefix(s, "da"), strings.HasPrefix(s, "dk"):
		return DA
	}
	return ""
}

// FromAcceptLanguage picks da or en from an Accept-Language header, by
// q-value; Danish when neither is asked for.
func FromAcceptLanguage(h string) Lang {
	best, bestQ := DA, -1.0
	for _, part := range strings.Split(h, ",") {
		tag, params, _ := strings.Cut(strings.TrimSpace(part), ";")
		l := Parse(tag)
		if l == "" {
			continue
		}
		q := 1.0
		if v, ok := strings.CutPrefix(strings.TrimSpace(params), "q="); ok {
			fmt.Sscanf(v, "%g", &q)
		}
		if q > bestQ {
			best, bestQ = l, q
		}
	}
	return best
}

// T returns the text for key in lang, formatted with args; the key itself if unknown.
func T(lang Lang, key string, args ...any) string {
	m, ok := messages[key]
	if !ok {
		return key
	}
	s := m[0]
	if lang == EN {
		s = m[1]
	}
	if len(args) > 0 {
		return fmt.Sprintf(s, args...)
	}
	return s
}

// Has reports whether key has a text.
func Has(key string) bool { _, ok := messages[key]; return ok }

// FieldMessage returns a message a person can act on for a field error.
func FieldMessage(lang Lang, f jobmatch.FieldError) string {
	key := "v." + f.Code
	if !Has(key) {
		key = "v.invalid"
	}
	switch f.Code {
	case "min", "max", "len", "gte", "lte", "gt", "lt":
		if key == "v.invalid" {
			return T(lang, key)
		}
		of := key
		switch {
		case f.Of == "list" || f.Of == "" && isList(f.Field):
			of += ".list"
		case f.Of == "number":
			of += ".number"
		}
		if Has(of) {
			key = of
		}
		return T(lang, key, f.Param)
	case "oneof":
		return T(lang, key, strings.ReplaceAll(f.Param, " ", ", "))
	case "type":
		if Has(key + "." + f.Param) {
			return T(lang, key+"."+f.Param)
		}
	case "cvr":
		// Eight digits that are no CVR number (the check digit does
		// not add up): "modulus 11-kontrol" said nothing to an employer.
		if f.Param == "checksum" {
			return T(lang, "v.cvr.checksum")
		}
	case "range", "excluded_with", "duplicate_ref":
		return T(lang, key, f.Param)
	case "private_topic": // the word found: "Skriv ikke om familie, helbred eller herkomst: »mand«"
		return T(lang, key, f.Param)
	}
	if f.Param != "" && strings.Contains(T(lang, key), "%s") {
		// A message with a place for its param gets it, whatever the
		// code: "too_old" said "Datoen skal ligge i %s eller senere",
		// unfilled, as no case above named it.
		return T(lang, key, f.Param)
	}
	return T(lang, key)
}

func isList(field string) bool {
	return strings.HasPrefix(field, "skills") && !strings.HasSuffix(field, "]") || field == "languages"
}

// Register adds texts (key → [Danish, English]); packages with pages of their
// own call it from an init function. Existing keys are kept.
func Register(m map[string][2]string) {
	for k, v := range m {
		if old, ok := messages[k]; !ok {
			messages[k] = v
		} else if old != v {
			conflicts = append(conflicts, k)
		}
	}
}

// conflicts are keys registered twice with different texts.
var conflicts []string

// Conflicts lists the keys registered twice with different texts: the
// first registration stays, so the second text is never shown (a test
// keeps this empty).
func Conflicts() []string { return slices.Clone(conflicts) }
