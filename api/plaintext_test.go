package api_test

import (
	"regexp"
	"strings"
)

// daSpan is Danish text marked so on a page (lang="da": the CV's, the
// employer's or the taxonomy's own words, read with Danish sounds on an
// English page).
var daSpan = regexp.MustCompile(`<span lang="da">([^<]*)</span>`)

// unmarked is page without its lang="da" marks, for tests that look for
// a sentence the marks now cut in two.
func unmarked(page string) string {
	return strings.ReplaceAll(daSpan.ReplaceAllString(page, "$1"), ` lang="da"`, "")
}
