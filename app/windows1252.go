package app

import (
	"reflect"
	"strings"

	"golang.org/x/text/unicode/norm"
)

// windows1252 are the printable characters Windows-1252 puts where
// Latin-1 has its C1 controls (0x80–0x9F); 0 where it has none.
var windows1252 = [32]rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}

// RepairText puts every string of v into the form the service compares
// text in (RepairString): the JSON API's bodies and the CSV import's rows
// pass through it before they are validated.
func RepairText(v any) { repairText(reflect.ValueOf(v)) }

// RepairString puts the quotes, dashes and bullets of Windows-1252 back
// into a string that a system read as Latin-1 and sent on: an employer's
// ad pasted through such a system came with U+0094 for ” and U+0095 for •
// (the Danish job ads of ../shared/data/dk_job_ads hold 72 of them) and was
// refused whole for its "control characters". The WHATWG encoding standard
// reads Latin-1 as Windows-1252 for the same reason. What Windows-1252
// leaves undefined (U+0081, U+008D, U+008F, U+0090, U+009D) stays, and the
// validator still refuses it.
//
// It also composes the string (Unicode NFC): text copied from a PDF or a
// Mac file may write "å" as an "a" and a combining ring, and "håndværker"
// so typed was two words to the search, "ha" and "ndværker", and found 8 of
// the demo's CVs instead of 220; a CV so written could not be found by the
// word as typed at a keyboard.
func RepairString(s string) string {
	if strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9f && windows1252[r-0x80] != 0 }) {
		s = strings.Map(func(r rune) rune {
			if r >= 0x80 && r <= 0x9f && windows1252[r-0x80] != 0 {
				return windows1252[r-0x80]
			}
			return r
		}, s)
	}
	if !norm.NFC.IsNormalString(s) {
		s = norm.NFC.String(s)
	}
	return s
}

func repairText(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			repairText(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				repairText(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			repairText(v.Index(i))
		}
	case reflect.String:
		if !v.CanSet() {
			return
		}
		if s := v.String(); s != "" {
			if r := RepairString(s); r != s {
				v.SetString(r)
			}
		}
	}
}
