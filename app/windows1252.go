package app

import (
	"reflect"
	"strings"
)

// windows1252 are the printable characters Windows-1252 puts where
// Latin-1 has its C1 controls (0x80–0x9F); 0 where it has none.
var windows1252 = [32]rune{'€', 0, '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', 0, 'Ž', 0,
	0, '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', 0, 'ž', 'Ÿ'}

// RepairWindows1252 puts the quotes, dashes and bullets of Windows-1252
// back into every string of v that a system read as Latin-1 and sent on:
// an employer's ad pasted through such a system came with U+0094 for ”
// and U+0095 for • (the Danish job ads of ../shared/data/dk_job_ads hold
// 72 of them) and was refused whole for its "control characters". The
// WHATWG encoding standard reads Latin-1 as Windows-1252 for the same
// reason. What Windows-1252 leaves undefined (U+0081, U+008D, U+008F,
// U+0090, U+009D) stays, and the validator still refuses it.
func RepairWindows1252(v any) { repairWindows1252(reflect.ValueOf(v)) }

func repairWindows1252(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			repairWindows1252(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				repairWindows1252(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			repairWindows1252(v.Index(i))
		}
	case reflect.String:
		s := v.String()
		if !v.CanSet() || !strings.ContainsFunc(s, func(r rune) bool { return r >= 0x80 && r <= 0x9f && windows1252[r-0x80] != 0 }) {
			return
		}
		v.SetString(strings.Map(func(r rune) rune {
			if r >= 0x80 && r <= 0x9f && windows1252[r-0x80] != 0 {
				return windows1252[r-0x80]
			}
			return r
		}, s))
	}
}
