package jobmatch_test

import (
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"golang.org/x/text/unicode/norm"

	"jobmatch"
)

// Made-up numbers with CPR's shape only (no real person's number).
func TestContainsCPRSeparatorsAndUnicode(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"01 01 90-1234", true},
		{"0101 90 1234", true},
		{"010190–1234", true},                  // en dash
		{"010190—1234", true},                  // em dash
		{"010190\u20111234", true},             // non-breaking hyphen
		{"010190\u22121234", true},             // minus sign
		{"010190\u00a01234", true},             // no-break space
		{"010190\u202f1234", true},             // narrow no-break space
		{"０１０１９０－１２３４", true},                  // full-width digits and hyphen
		{"０１０１９０１２３４", true},                   // full-width digits
		{"0101\u200b901234", true},             // zero-width space inside
		{"01\u00ad01\u00ad90\u00ad1234", true}, // soft hyphens
		{"cpr: 01 01 90 12 34.", true},
		{"01.01.90-1234", true},               // written as a date
		{"010190/1234", true},                 // a slash
		{"01/01/90 1234", true},               // a date with slashes
		{"٠١٠١٩٠-١٢٣٤", true},                 // Arabic-Indic digits
		{"۰۱۰۱۹۰۱۲۳۴", true},                  // Extended Arabic-Indic (Persian, Urdu)
		{"०१०१९०-१२३४", true},                 // Devanagari
		{"010190\t1234", true},                // a tab
		{"CPR:\n010190\n1234", true},          // line breaks
		{"010190\r\n1234", true},              // CRLF
		{"010190    1234", true},              // four spaces
		{"010190 -- 1234", true},              // two dashes
		{"01. 01. 90 - 1234", true},           // full stops and spaces
		{"0 1 0 1 9 0 1 2 3 4", true},         // one digit at a time
		{"01011990-1234", true},               // the year in full
		{"01-01-1990-1234", true},             // the year in full, dashes
		{"010190 / 1234", true},               // a slash between spaces
		{"010190:1234", true},                 // colon
		{"010190,1234", true},                 // comma
		{"010190+1234", true},                 // plus
		{"010190_1234", true},                 // underscore
		{"(010190)1234", true},                // brackets
		{"(010190) 1234", true},               // brackets and a space
		{"010190=1234", true},                 // equals
		{"010190|1234", true},                 // bar
		{"01O190-1234", true},                 // a letter O for zero
		{"0l0190-1234", true},                 // a letter l for one
		{"01 01 1990 1234", true},             // born in 1990, the serial after a space
		{"01-01-1990 1234", true},             // the same with dashes
		{"01-01-2004 1234", true},             // born in 2004
		{"010190\u034f1234", true},            // a combining grapheme joiner: invisible
		{"010190\ufe0f1234", true},            // a variation selector
		{"010190\u17b41234", true},            // a Khmer vowel inherent: invisible
		{"010190\u31641234", true},            // a Hangul filler: blank
		{"010190\u28001234", true},            // the braille blank
		{"０１０１９０\u034f１２３４", true},            // full-width and invisible
		{"010190 (1234)", true},               // the serial in brackets
		{"010190*1234", true},                 // an asterisk
		{"010190#1234", true},                 // a hash
		{"010190~1234", true},                 // a tilde
		{"010190&1234", true},                 // an ampersand
		{"010190;1234", true},                 // a semicolon
		{"010190'1234", true},                 // an apostrophe
		{"010190·1234", true},                 // a middle dot
		{"010190。1234", true},                 // an ideographic full stop
		{"010190،1234", true},                 // an Arabic comma
		{"010190x1234", true},                 // an x
		{"010190 .1234", true},                // a full stop after a space
		{"01 . 01 . 90 - 1234", true},         // full stops between spaces
		{"ref 010 190 1234", true},            // DDMMYY split anywhere, the serial whole
		{"0101901 234", true},                 // DDMMYY whole, the serial split
		{"01О190-1234", true},                 // a Cyrillic O for zero
		{"0І0190-1234", true},                 // a Ukrainian I for one
		{"c010190x1234@example.dk", true},     // in an e-mail address
		{"010190\u034f1234@example.dk", true}, // the same, invisible
		{"Ordre 120524, 3000 stk.", false},    // a comma and a space: a list
		{"Lokale 1204 (2014 - 2016)", false},  // a room and the years
		{"Ordre 120524; 3000 stk.", false},    // a semicolon and a space: a list
		{"Kode 2310.1.7.9992", false},         // a code of dotted parts
		{"1211.1.1,1211", false},              // a code and a group
		{"Skærm 1920x1080", false},            // a resolution
		{"Solo 1O1", false},                   // a letter between digits, too short
		{"født 01.01.1990", false},            // a date alone
		{"01.02.24 10.30", false},             // a date and a time
		{"Samtaler 15-01-2027 1000", false},   // a date in full and a time
		{"1.234.567.890 kr", false},
		{"tlf. 12.34.56.78", false}, // a phone number with full stops
		{"12.500 kr. 2024. 10 timer", false},
		{"Tlf. 20 11 45 67. 12 ansatte", false}, // a full stop before a space ends the number
		{"v. 1.2.3/4567", false},
		{"født 010190 - 1234", true},
		{"tlf. 12 34 56 78", false},
		{"tlf. +45 12 34 56 78", false},
		{"+45 20 11 05 12", false},
		{"CVR 1000 0009", false},
		{"Løn 31 050-32 100 kr.", false},
		{"2026-05-01 – 2026-06-30", false},
		{"01-01-2026", false},
		{"320190 1234", false},       // day 32
		{"01 13 90-1234", false},     // month 13
		{"12 34 56 78 90 12", false}, // twelve digits
		// A letter for a digit at the edge of a part.
		{"kontakt 01019O-1234", true},
		{"kontakt O10190-1234", true},
		{"010190-l234", true},
		{"010190-123O", true},
		{"010190-I234", true},
		{"01O19O-l234", true},
		{"O101901234", true},            // ten in one word
		{"０１０１９Ｏ－１２３４", true},           // a full-width O, read after NFKC
		{"01\u200bO190-1234", true},     // an invisible character before the O
		{"01019Ο-1234", true},           // a Greek O at the edge
		{"Windows 10 O365 2019", false}, // O365 is no serial after a day
		{"Microsoft O365, 12 34 56 78", false},
		{"O2 Danmark 1.1.90", false},
		{"10l mælk, tlf. 12 34 56 78", false}, // a litre
		// Several marks in a row between the parts.
		{"kontakt 010190..1234", true},
		{"010190...1234", true},
		{"010190 .. 1234", true},
		{"010190-.1234", true},
		{"010190 / / 1234", true},
		{"010190…1234", true},    // an ellipsis
		{"01.01.90..1234", true}, // a date, then two full stops
		{"010190 -> 1234", true},
		{"Tlf. 20 11 45 67... 12 ansatte", false}, // a full stop first: a time's place, not a join
		{"kr. 10.000,-/12.000,-", false},          // a comma in the run: prices
		{"Ordre 120524,- 3000 stk.", false},
		{"12.-14. maj 2024", false},
		{"Kapitel 3 ........ 120524 1234567", false}, // a run longer than six
		// Brackets around the parts.
		{"(010190)-(1234)", true},
		{"010190)(1234", true},
		{"(010190) (1234)", true},
		{"Lokale 1204 (2014) - (2016)", false}, // an opening bracket after four digits
		// Letters drawn as a dash.
		{"010190ー1234", true}, // Katakana long vowel mark
		{"010190ｰ1234", true}, // its half-width form
		{"010190一1234", true}, // the ideograph one
		{"010190⼀1234", true}, // the Kangxi radical one
		{"010190ㅡ1234", true}, // Hangul eu
		{"010190 ー 1234", true},
		{"ラーメン 1200円ー2024年", false},
		{"ー0101901", false},
		// A date with short parts and full stops.
		{"kontakt 1.1.90-1234", true},
		{"1.12.90-1234", true},
		{"12.1.90-1234", true},
		{"1. 1. 90 - 1234", true},
		{"1.1.90/1234", true},
		{"1.1.1990-1234", true},
		{"１．１．９０－１２３４", true}, // full-width
		{"1.1.90 1234", true}, // a space alone, a birth year: "1.8.24 8000 Aarhus C" is not
		// As Danes also write a date: slashes and dashes.
		{"1/1-90-1234", true},
		{"1-1-90-1234", true},
		{"1/1 90-1234", true},
		{"Kan han starte 1/1-1990-1234?", true},
		{"1/8-2005-2012", false}, // a period
		{"uge 1-2-3-4", false},
		{"5-10-15-2000", false},
		{"Tiltrædelse 1.8.24 8000 Aarhus C", false},
		{"1.8.05-2012", false},         // a serial that reads as a year: a period
		{"ansat 1.8.2005-2012", false}, // the same with the year in full
		{"Ansat 01.08.2005-2012 som lagermand", false},
		{"01.08.1998 - 2004", false},
		{"15.01.2019-2021", false},
		{"01.08.1990-1234", true},
		{"01.08.1990-2034", true}, // a serial that is no year to come
		{"1.1.2024-1234", false},  // born this decade: a date to come
		{"1.1.90-1.1.94", false},
		{"1.1.90", false},
		{"1.13.90-1234", false}, // month 13
		{"32.1.90-1234", false}, // day 32
		{"1.1.90.1234", false},  // full stops only: a version or an address
		{"v. 5.4.0-1045", false},
		{"Kode 2310.1.7.9992", false},
		{"kl. 10.30-12.00", false},
		{"kr. 1.234,50", false},
		{"01.01.1990", false},
		{"2800 Kgs. Lyngby", false},
		{"ISBN 978-87-02-12345-6", false},
		{"EAN 5701234567890", false},
		{"2010-2014", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := jobmatch.ContainsCPR(tt.in); got != tt.want {
				t.Errorf("ContainsCPR(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

// TestContainsCPRInsideLongerRuns: a CPR number is found among other
// numbers of the same run, however its date and serial are grouped, and
// ordinary Danish text with many numbers is not refused. Made-up numbers.
func TestContainsCPRInsideLongerRuns(t *testing.T) {
	refused := []string{
		"01 01 90 1 2 3 4",
		"0101 90 1 2 3 4",
		"01.01.90 1 2 3 4",
		"010 190 12 34",
		"tlf 12 34 56 78 / 01 01 90 12 34",
		"postnr 6400 01 01 90 12 34",
		"1/1-90 1234",
		"1.1.90 1234",
		"0 1 0 1 9 0 1 2 3 4",
		"tlf 12 34 56 78 / 010190-1234",
		"Ring 20 11 45 67 eller 01 01 90 12 34",
		"6400 Sønderborg 010 190 12 34",
		"tlf. 12 34 56 78 - 01.01.90-1234",
		"12 34 56 78 / 1.1.90-1234",
		"postnr 6400 1/1-90 1234",
		"6400 01-01-1990-1234",
		"6400 01 01 90 1234 Sønderborg",
		"1.1.90 12 34",
		"01 01 90 12 34 56 78",         // a phone number after it
		"40 12 05 67 / 01 01 90 12 34", // after a phone number with a valid date inside
		"0101 9012 34",
		"01 01 90 12-34",           // a dash in the serial where the run ends
		"20 11 45 67 / 89",         // the same
		"1.1.1990 1234",            // the year in full after a space
		"Født 1.1.90 1234 i Vejle", // in a sentence
		"01 01 90 10-14",           // a serial that reads as hours, alone
		"01 01 90 12 10.30",        // no phone number begins with 0 or 1
		"20 11 45 67 12 12.30",     // the serial whole, then a time
		"2011456712 12.30",
		"20-11-45-67-12 12.30",
		"01 01 90 12 34 20 11 45 67 12.30", // before a phone number and a time
		"01.01.90 1234",                    // a birth year after full stops
		"Ring 26 10 33 44 eller 01 01 90 12 34",
		"010190:1234", // a colon joins
		"01:01:90:1234",
		"01:01-90-1234",
		"Åbent 10:05-12:00 010190-1234", // beside a span of the day
		"10:05-12:00 01 01 90 12 34",
		// The year in full, then the serial in pairs.
		"01-01-1990 12 34",
		"01 01 1990-12 34",
		"01.01.1990 - 12 34",
		"01 01 1990 12 34",
		"født 15/03/1985 56 78",
		// A pair before the date that is no phone number's: a country
		// code, an age.
		"+45 01 01 90 12 34",
		"tlf +45 01 01 90 12 34",
		"45 01 01 90 12 34",
		"alder 36 01 01 90 12 34",
		"Alder: 52 15 03 85 56 78.",
	}
	accepted := []string{
		// When to call: a phone number and a span of the day after it
		// ("26 10 33 44 10-14" read as 26.10.33-4410); a date and a time
		// or an amount after it, in a year no jobseeker was born.
		"Ring til mig på 26 10 33 44 10-14 på hverdage.",
		"Tlf. 30 12 85 12 10-12 på hverdage",
		"Tlf. 20 11 45 67 10.00-12.00",
		"Tlf. 20 11 45 67 10-12 og 13-15",
		"tlf. 21119012 10-12",
		"Tlf. 20 12 85 12 10:00-12:00",
		"Den 12.12.25 1000-1200",
		"Fra 01.03.26 0800-1600",
		"Periode 01.02.26 - 30.04.26 1200 kr",
		"Sønderborg 6400 12.12.25 1000",
		// Spans of the day with colons ("10:05-12:00 14" read as the date
		// 10.05.12 and the serial 0014).
		"Åbent 10:05-12:00 14:00-15:00",
		"Arbejdstid 07:05-11:05 og 12:05-15:05",
		"Mødetid kl. 07:10 - 15:10, fredag 07:10-12:10",
		"12 34 56 78",
		"+45 12345678",
		"+45 12 34 56 78 / +45 87 65 43 21",
		"12 34 56 78 90 12",         // phone numbers side by side, no valid date
		"20 11 45 67 / 89 12 34 56", // a valid date, but one phone number ends in the serial
		"40 12 05 67 / 22 33 44 55", // five pairs after a pair: inside phone numbers
		"40 12 05 67 22 33 44 55",
		"6400 Sønderborg",
		"Postnr. 8000 Aarhus C, tlf. 86 12 34 56",
		"Tlf 20 11 45 67 8000 Aarhus",
		"1.234.567 kr.",
		"1 234 567 890 kr",
		"1 234 567 890 123 kr",
		"2010-2014",
		"01.08.2005-2012",
		"Ansat 01.08.2005 – 31.12.2012",
		"Ansat 01.08.2005 - 31.12.2012 som lagermand, 2012-2014 som chauffør",
		"Ansat 1.8.2005 – 31.12.2012",
		"2026-05-01 – 2026-06-30",
		"1.1.2020",
		"d. 12.01.2026 kl. 10.00",
		"12.01.2026 10.00",
		"Samtale 01.03.26 10:05", // a date and a time with a colon
		"Samtale 01-03-26 14:30",
		"CVR 12345678",
		"CVR 1234 5678, tlf. 12 34 56 78",
		"kl. 8-16",
		"kl. 10.05-12.00 14.30-16.00", // times: a full stop, then a dash
		"10.00-12.00 13.00-15.00",
		"mandag 8.30-11.00 11.30-15.00",
		"Tiltrædelse 1.8.24 8000 Aarhus C", // a date of these years and a postal code
		"Tiltrædelse 1.8.27 8000 Aarhus C",
		"uge 1 2 3 4 5 6 7 8 9 10",
		"56.31039192,10.84225746", // decimals: coordinates
		"55.541032,12.352923",
		"12.07606524",
		"1324.3.2.35,1324", // a dotted code
		"IBAN DK50 0040 0440 1162 43",
		"Reg.nr. 1551 kontonr. 3223456789",
		"version 1.2.3 build 20240101 1234",
		"2 x 12 34 56 78 90 12",
		"d5879a17-de0d-4766-9da0-810455119b01", // a hexadecimal id
		"04b52c04-0620-4558-8f89-e252de2963ff",
		"a001cf0d-b0eb-420a-a110-9408448ba8b8",
		"05-01-2026-06",
		"+45 40 12 05 67 / +45 22 33 44 55", // phone numbers side by side, a country code each
		"tlf +45 40 12 05 67 22 33 44 55",
		"Ansat 01.08.2005 - 31.12.2012 12 timer om ugen",
	}
	for _, s := range refused {
		if !jobmatch.ContainsCPR(s) {
			t.Errorf("ContainsCPR(%q) = false, want true", s)
		}
	}
	for _, s := range accepted {
		if jobmatch.ContainsCPR(s) {
			t.Errorf("ContainsCPR(%q) = true, want false", s)
		}
	}
}

// TestContainsCPRHostileSpellings: a date of the calendar closely
// followed by four digits is refused however it is typed, and a number
// whose first six digits are no date is not (an invoice, an order, an
// EAN prefix), nor are the numbers ordinary text holds. Made-up numbers.
func TestContainsCPRHostileSpellings(t *testing.T) {
	refused := []string{
		"290292-1234", // 29 February of a leap year
		"290200-1234", // 2000 was one
		"300490-1234", // the last of April
		"31.12.90-1234",
		// An x, as a "×" is, between the parts, spaces around it.
		"010190 x 1234",
		"010190 X 1234",
		"010190 x1234",
		"01 01 90 x 1234",
		"01.01.90 x 12 34",
		"1.1.90 x 1234",
		// An x touching the serial or the year after a date written
		// with marks, as one touching DDMMYY does ("010190x1234").
		"01.01.90x1234",
		"01.01.90 x1234",
		"01.01.90x 1234",
		"1.1.90x1234",
		"01-01-90x1234",
		"01/01/90x1234",
		"01.01.1990x1234",
		"01. 01. 90x1234",
		// The month by its name, Danish or English, in full or cut short.
		"01 januar 1990 - 1234",
		"1. januar 1990-1234",
		"1 jan 1990 1234",
		"1. jan. 90-1234",
		"01-Jan-1990 1234",
		"1jan90-1234",
		"født 1. september 1985 56 78",
		"den 29. feb. 92 x 1234",
		"1 January 1990 - 1234",
		"1st January 1990 1234",
		"January 1, 1990 1234",
		"Jan 1st 1990-1234",
		"OKTOBER 3 1975 1234",
		"1 Ｊａｎ 1990 1234", // full-width letters
		"1 ja\u200bn 1990 1234",
		// DDMM whole, then the year and the serial grouped oddly.
		"0101 901 234",
		"01 01 901 234",
		"ref. 0101-901-234",
		"0101 90123 4",
		// The serial's pairs with a full stop after a date with them.
		"01.01.90 12.34",
		"01.01.90-12.34",
		"01.01.90.12.34",
		"født 15.03.85 56.78",
		// The same after a date split by spaces, dashes or slashes, the
		// full stop touching both pairs: no one writes a time so.
		"01 01 90 12.34",
		"01-01-90 12.34",
		"01/01/90 12.34",
		"født 15 03 85 56.78",
		"01 01 1990 12.34",
		"01-01-1990 12.34",
		// A date split by spaces alone, the day or the month in one
		// digit, and the serial whole.
		"1 1 90 1234",
		"12 1 90 1234",
		"1 12 90 1234",
		"1 1 90-1234",
		"1 1 1990 1234",
		"Født 3 7 85 5678 i Odense",
		"１\u3000１\u3000９０\u3000１２３４", // full-width digits and spaces
		"1.1 90 1234", // as "1/1 90-1234" is
	}
	accepted := []string{
		// The first six digits are no date.
		"faktura nr. 2024001234",
		"Ordre 9912345678",
		"4512345678",
		"0012345678",
		"ordre 3212345678",
		"sag 0113901234",
		"3102901234",      // 31 February
		"300290-1234",     // 30 February
		"290290-1234",     // 29 February of no leap year
		"310490-1234",     // 31 April
		"31.04.90-1234",   // the same written as a date
		"31 06 90 12 34",  // 31 June
		"31.9.90-1234",    // 31 September
		"31/11-1990-1234", // 31 November
		"GLN 5790001234567",
		"EAN 5701234567890",
		// Phone numbers: eight digits, with or without the country code.
		"+45 01019012",
		"+4501019012",
		"tlf. +45 0101 9012",
		"0045 01 01 90 12",
		"(+45) 01019012",
		"+45-01019012",
		"tlf. +45 12 34 56 78",
		// What ordinary text holds.
		"2019-2024",
		"01.01.1990",
		"født 1. januar 1990",
		"6400 Sønderborg",
		"CVR 12345678",
		"10.000 kr",
		"kr. 10.000-12.000 om måneden",
		"uge 12-14, 2024",
		"Skærm 1920 x 1080",
		"Palle 120 x 80 x 15 cm, 2 x 1200 kg",
		"Plade 2.40x1200 mm",
		"Palle 1.20x0.80x1200",
		"Skab 120 80x1200",
		"1.1.90x1.1.94",
		"3 x 8 timer, tlf. 12 34 56 78",
		// A month's name and no serial, or a date of these years.
		"født 1. januar 1990",
		"1. maj 2024 1200 kr",
		"Ansat marts 1990 - 2012",
		"Ansat 1. maj 2005 - 2012",
		"1. jan 1990 - 31. dec 2012",
		"født 1. januar 1990, 8000 Aarhus C",
		"31. februar 1990-1234", // no date
		"May 2024 1234",
		"1. marts 2026 kl. 10",
		"Samtale 12. jan 2026 1000-1200",
		// Amounts in threes; a date of these years and a time.
		"Beløb 1 234 567 890 kr",
		"12 34 567 890",
		"Samtale 12.01.26 10.30",
		"Samtale 12.01.26.10.30",
		"Tlf. 20 11 45 67. 12 ansatte",
		// A spaced or dashed date of these years and a time; a phone
		// number and a time; a full stop and a space end a sentence.
		"Samtale 12 01 26 10.30",
		"Samtale 12-01-26 10.30",
		"Ring 40 12 05 67 12.30",
		// A phone number whose first pairs are a date, then a time: the
		// last pair and the hour are no serial.
		"Tlf. 20 11 45 67 12.30",
		"Ring 20 11 45 67 08.00",
		"Tlf. 20 11 45 67 12:30",
		"Tlf. 20 11 45 67 12.30.",
		"Tlf. 20 11 45 67 12.30 eller 14.00",
		"Tlf. 20-11-45-67 12.30",
		"Tlf. 20114567 12.30",
		"ring 20 11 45 67 kl. 12.30",
		"Tlf. +45 20 11 45 67 12.30",
		"Tlf. 20 11 90 12. 34 ansatte",
		"Varenr. 150385 12.50 kr",
		"12.01.2026 10.00",
		// Small numbers side by side: no serial, a list, a date of these
		// years and a postal code, a year, an address.
		"1 1 90 kr",
		"uge 1 1 90",
		"uge 5 6 10 11 12",
		"Start 1 8 24 8000 Aarhus C",
		"Hold 1 2 10 2024",
		"Nørregade 1 1 th 8000 Aarhus C",
	}
	for _, s := range refused {
		t.Run(s, func(t *testing.T) {
			if !jobmatch.ContainsCPR(s) {
				t.Errorf("ContainsCPR(%q) = false, want true", s)
			}
		})
	}
	for _, s := range accepted {
		t.Run(s, func(t *testing.T) {
			if jobmatch.ContainsCPR(s) {
				t.Errorf("ContainsCPR(%q) = true, want false", s)
			}
		})
	}
}

// cprSeparators are the ways people (and word processors) join the parts.
var cprSeparators = []string{"", "-", " ", "–", "—", "\u2011", "\u2212", "\u00a0", "\u202f", "\u2010", "－", " - ", ".", "/",
	"..", " .. ", "-.", " / / ", "ー", "一", " x ", " X "}

// cprMonthNames are the ways a month is named in Danish and English.
var cprMonthNames = [12][]string{
	{"januar", "january", "jan", "Jan."}, {"februar", "February", "feb"}, {"marts", "March", "mar."},
	{"april", "Apr"}, {"maj", "May"}, {"juni", "June", "jun."}, {"juli", "July", "jul"}, {"august", "Aug."},
	{"september", "sept.", "Sep"}, {"oktober", "October", "okt.", "Oct"}, {"november", "nov."}, {"december", "Dec", "dec."},
}

// FuzzContainsCPR: any day/month/year/serial written with any separator,
// in ASCII or full-width digits, between letters, is found; normalising the
// text first never changes the answer; nothing panics.
func FuzzContainsCPR(f *testing.F) {
	f.Add(uint8(1), uint8(1), uint8(90), uint16(1234), uint8(0), uint8(1), false, "navn", "slut")
	f.Add(uint8(31), uint8(12), uint8(0), uint16(0), uint8(3), uint8(5), true, "", "")
	f.Add(uint8(15), uint8(6), uint8(75), uint16(9999), uint8(7), uint8(2), false, "tlf 12345678 ", " ok")
	f.Fuzz(func(t *testing.T, day, month, year uint8, serial uint16, sepA, sepB uint8, wide bool, prefix, suffix string) {
		for _, s := range []string{prefix, suffix, prefix + suffix} {
			if jobmatch.ContainsCPR(s) != jobmatch.ContainsCPR(norm.NFKC.String(s)) {
				t.Fatalf("NFKC changes the answer for %q", s)
			}
		}
		// A day of the month (validDate): 31 April is no date.
		m := int(month%12) + 1
		days := []int{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31}[m-1]
		if m == 2 && year%100%4 == 0 {
			days = 29
		}
		d := int(day)%days + 1
		digits := []byte{byte('0' + d/10), byte('0' + d%10), byte('0' + m/10), byte('0' + m%10),
			byte('0' + year%100/10), byte('0' + year%10)}
		sn := int(serial % 10000)
		digits = append(digits, byte('0'+sn/1000), byte('0'+sn/100%10), byte('0'+sn/10%10), byte('0'+sn%10))
		num := func(b []byte) string {
			if !wide {
				return string(b)
			}
			var sb strings.Builder
			for _, c := range b {
				sb.WriteRune(rune(c-'0') + '０')
			}
			return sb.String()
		}
		a, b := cprSeparators[int(sepA)%len(cprSeparators)], cprSeparators[int(sepB)%len(cprSeparators)]
		shapes := []string{
			num(digits[:6]) + a + num(digits[6:]),
			num(digits[:2]) + b + num(digits[2:4]) + b + num(digits[4:6]) + a + num(digits[6:]),
			num(digits[:4]) + b + num(digits[4:6]) + a + num(digits[6:]),
			num(digits[:4]) + " " + num(digits[4:7]) + " " + num(digits[7:]), // 4-3-3
		}
		// A date with full stops and a space before four digits, in a year
		// no jobseeker was born (the last fourteen or the next ten), is a
		// date and a time or an amount ("12.12.25 1000"): not asked.
		y, now := 2000+int(year%100), time.Now().Year()
		if strings.Contains(b, ".") && strings.Trim(a, " \u00a0\u202f") == "" && a != "" && y > now-14 && y <= now+10 {
			shapes = slices.Delete(shapes, 1, 2)
		}
		// The month by its name, Danish or English, in full or cut short,
		// the day first or last: read as a date with full stops, so the
		// same years are not asked after a space. The serial is apart
		// from the year by a mark other than a full stop ("1.1.90.1234"
		// is a version). A month's name after a letter is part of a word.
		if a != "" && !strings.Contains(a, ".") && !(strings.Trim(a, " \u00a0\u202f") == "" && y > now-14 && y <= now+10) {
			names := cprMonthNames[m-1]
			name := names[int(sepB)%len(names)]
			yy := num(digits[4:6])
			if sepB%2 == 0 {
				yy = num([]byte(strconv.Itoa(1900 + int(year%100))))
			}
			shapes = append(shapes,
				num([]byte(strconv.Itoa(d)))+". "+name+" "+yy+a+num(digits[6:]),
				num(digits[:2])+"-"+strings.ToUpper(name)+"-"+yy+a+num(digits[6:]),
				"born "+name+" "+num([]byte(strconv.Itoa(d)))+", "+yy+a+num(digits[6:]))
		}
		for _, cpr := range shapes {
			text := prefix + "x" + cpr + "x" + suffix
			if !jobmatch.ContainsCPR(text) {
				t.Fatalf("missed %q in %q", cpr, text)
			}
		}
	})
}

// cprBenchTexts are what the detector sees most: prose without digits,
// prose with a few numbers (the fast path), and text with enough digits to
// reach the slow path.
var cprBenchTexts = map[string]string{
	"prose":   strings.Repeat("Vi søger en erfaren pædagogmedhjælper til vores børnehave i Århus – du får et godt arbejdsmiljø. ", 20),
	"numbers": strings.Repeat("Ring på tlf. 12 34 56 78 kl. 10.30, løn kr. 1.234,50. ", 2),
	"digits":  strings.Repeat("Ring på tlf. +45 12 34 56 78 kl. 10.30-12.00, løn kr. 31.234,50 i 2010-2014, 8000 Aarhus C. ", 10),
	"dated":   "Tiltrædelse 1.8.24 kl. 10.30.",
	"hit":     "Borgerens nummer er 010190-1234, tak.",
	"new-hit": "Borgerens nummer er 01019O..l234, tak.",
}

func BenchmarkContainsCPR(b *testing.B) {
	for _, name := range []string{"prose", "numbers", "digits", "dated", "hit", "new-hit"} {
		s := cprBenchTexts[name]
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				jobmatch.ContainsCPR(s)
			}
		})
	}
}
