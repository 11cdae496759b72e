package jobmatch

import (
	"testing"
	"unicode"
	"unicode/utf8"

	"golang.org/x/text/unicode/norm"
)

// TestMaybeCPRCountsNormalisedDigits: the fast path counts the digits the
// slow path will see, in text with Danish letters, compatibility digits and
// typographic punctuation.
func TestMaybeCPRCountsNormalisedDigits(t *testing.T) {
	for _, s := range []string{
		"Pædagogmedhjælper i Århus – 12 års erfaring", "０１０１９０１２３４", "¹²³⁴⁵⁶⁷⁸⁹⁰",
		"①②③④⑤⑥⑦⑧⑨⑩", "⑳⑳⑳⑳⑳", "㍘㍙㍚㍛㍜㍝㍞㍟㍠㍡", "𝟎𝟏𝟐𝟑𝟒𝟓𝟔𝟕𝟖𝟗", "🄁🄂🄃🄄🄅🄆🄇🄈🄉🄊",
		"ring på 12 34 56 78 …", "\xff\xfe0123456789", "٠١٠١٩٠-١٢٣٤", "०१०१९० १२३४", "๑๒๓",
	} {
		if got, want := normalisedDigits(s), asciiDigits(normalizeForCPR(s)); got != want {
			t.Errorf("%q: counted %d digits, NFKC holds %d", s, got, want)
		}
	}
}

// FuzzMaybeCPR: the fast path never counts fewer digits than the slow
// path sees (NFKC and the digits of other scripts), so it never skips a
// text that could hold a CPR number.
func FuzzMaybeCPR(f *testing.F) {
	f.Add("010190-1234")
	f.Add("０１０１９０１２３４ æøå")
	f.Add("⑩⑪⑫⑬⑭")
	f.Fuzz(func(t *testing.T, s string) {
		if got, want := normalisedDigits(s), asciiDigits(normalizeForCPR(s)); got < want {
			t.Fatalf("%q: counted %d digits, NFKC holds %d", s, got, want)
		}
	})
}

// TestNFKCDigitsOfEveryCharacter: for every character, the digits the fast
// path counts are the digits NFKC makes of it.
func TestNFKCDigitsOfEveryCharacter(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= utf8.MaxRune; r++ {
		if !utf8.ValidRune(r) {
			continue
		}
		if got, want := nfkcDigits(r), asciiDigits(norm.NFKC.String(string(r))); got != want {
			t.Fatalf("%U %q: counted %d digits, NFKC makes %d", r, string(r), got, want)
		}
	}
}

// TestDigitOfEveryScript: every decimal digit reads as its value: as NFKC
// reads it where NFKC makes an ASCII digit of it, and zero to nine along
// the rows of scripts NFKC leaves alone.
func TestDigitOfEveryScript(t *testing.T) {
	for r := rune(utf8.RuneSelf); r <= unicode.MaxRune; r++ {
		if !unicode.IsDigit(r) {
			continue
		}
		if n := norm.NFKC.String(string(r)); len(n) == 1 && n[0] >= '0' && n[0] <= '9' && digitOf(r) != n[0] {
			t.Fatalf("%U: %c, NFKC reads %c", r, digitOf(r), n[0])
		}
	}
	for _, zero := range []rune{'٠', '۰', '०', '০', '๐', '០', '߀', '᠐'} {
		for k := range rune(10) {
			if got := digitOf(zero + k); got != byte('0'+k) {
				t.Errorf("%U: %c, want %d", zero+k, got, k)
			}
		}
	}
}
