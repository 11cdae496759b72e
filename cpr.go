package jobmatch

import "regexp"

// The service must never store a CPR number (the Danish personal id number,
// DDMMYY-SSSS). Free text is checked for anything shaped like one with a
// plausible date; the modulus-11 check is not used because CPR numbers issued
// since 2007 need not pass it.
var cprPattern = regexp.MustCompile(`(?:^|[^0-9])([0-3][0-9])([01][0-9])([0-9]{2})[- ]?([0-9]{4})(?:[^0-9]|$)`)

// ContainsCPR reports whether s contains a CPR-like number (DDMMYY-NNNN or
// DDMMYYNNNN with a valid day and month).
func ContainsCPR(s string) bool {
	for _, m := range cprPattern.FindAllStringSubmatchIndex(s, -1) {
		dd := atoi2(s[m[2]:m[3]])
		mm := atoi2(s[m[4]:m[5]])
		if dd >= 1 && dd <= 31 && mm >= 1 && mm <= 12 {
			return true
		}
	}
	return false
}

func atoi2(s string) int { return int(s[0]-'0')*10 + int(s[1]-'0') }
