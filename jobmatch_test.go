package jobmatch_test

import (
	"encoding/json"
	"testing"

	"jobmatch"
)

func TestValidCVR(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"10000009", true},   // weights 2,7,6,5,4,3,2,1: 2*1 + 1*9 = 11
		{"10000008", false},  // checksum off by one
		{"01000009", false},  // leading zero
		{"1000000", false},   // 7 digits
		{"100000090", false}, // 9 digits
		{"1000000a", false},
		{"", false},
		{"25313763", true}, // passes the checksum
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := jobmatch.ValidCVR(tt.in); got != tt.want {
				t.Errorf("ValidCVR(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestNormalizeCVR(t *testing.T) {
	for in, want := range map[string]string{"DK 1000 0009": "10000009", "10-00-00-09": "10000009", " 10000009 ": "10000009", "dk10000009": "10000009",
		"CVR 10000009": "10000009", "CVR-nr. 1000 0009": "10000009", "cvr:10000009": "10000009", "cvr nr. DK10000009": "10000009", "cvrx": "cvrx"} {
		if got := jobmatch.NormalizeCVR(in); got != want {
			t.Errorf("NormalizeCVR(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCVRCheckDigit(t *testing.T) {
	for _, p := range []string{"1000000", "2531376", "3012345", "8765432"} {
		d := jobmatch.CVRCheckDigit(p)
		if d < 0 {
			continue // no digit makes this prefix valid
		}
		if cvr := p + string(rune('0'+d)); !jobmatch.ValidCVR(cvr) {
			t.Errorf("CVRCheckDigit(%s) = %d, but %s is not valid", p, d, cvr)
		}
	}
}

func TestContainsCPR(t *testing.T) {
	tests := []struct {
		in   string
		want bool
	}{
		{"010190-1234", true},
		{"0101901234", true},
		{"min cpr er 311299-4321 ok", true},
		{"310190 1234", true},
		{"tlf. 12345678", false},          // 8-digit phone
		{"CVR 10000009", false},           // 8-digit CVR
		{"320190-1234", false},            // day 32
		{"011390-1234", false},            // month 13
		{"000190-1234", false},            // day 0
		{"12345678901", false},            // 11 digits: not a CPR
		{"ordrenr. 0101901234567", false}, // longer number
		{"", false},
		{"2026-05-01", false},
	}
	for _, tt := range tests {
		t.Run(tt.in, func(t *testing.T) {
			if got := jobmatch.ContainsCPR(tt.in); got != tt.want {
				t.Errorf("ContainsCPR(%q) = %v, want %v", tt.in, got, tt.want)
			}
		})
	}
}

func TestPeriodsOfUsesCopenhagen(t *testing.T) {
	tests := []struct {
		utc  string
		want jobmatch.Periods
	}{
		{"2026-06-30T21:59:59Z", jobmatch.Periods{Year: "2026", Half: "2026-H1", Month: "2026-06"}},
		{"2026-06-30T22:00:00Z", jobmatch.Periods{Year: "2026", Half: "2026-H2", Month: "2026-07"}}, // CEST: 00:00 on 1 July
		{"2025-12-31T23:30:00Z", jobmatch.Periods{Year: "2026", Half: "2026-H1", Month: "2026-01"}}, // CET: 00:30 on 1 Jan
		{"2026-01-01T00:00:00Z", jobmatch.Periods{Year: "2026", Half: "2026-H1", Month: "2026-01"}},
	}
	for _, tt := range tests {
		ts, err := timeParse(tt.utc)
		if err != nil {
			t.Fatal(err)
		}
		if got := jobmatch.PeriodsOf(ts); got != tt.want {
			t.Errorf("PeriodsOf(%s) = %+v, want %+v", tt.utc, got, tt.want)
		}
	}
}

func TestDateJSON(t *testing.T) {
	var v struct {
		D jobmatch.Date `json:"d"`
	}
	if err := json.Unmarshal([]byte(`{"d":"2026-05-01"}`), &v); err != nil || v.D.String() != "2026-05-01" {
		t.Fatalf("unmarshal: %v %v", v.D, err)
	}
	b, _ := json.Marshal(v)
	if string(b) != `{"d":"2026-05-01"}` {
		t.Fatalf("marshal: %s", b)
	}
	if err := json.Unmarshal([]byte(`{"d":"01-05-2026"}`), &v); err == nil {
		t.Fatal("accepted a non-ISO date")
	}
}

func FuzzCVR(f *testing.F) {
	for _, s := range []string{"10000009", "DK 1000 0009", "abc", "", "99999999", "0000000000"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		n := jobmatch.NormalizeCVR(s)
		if jobmatch.ValidCVR(n) {
			if len(n) != 8 {
				t.Fatalf("valid CVR %q of length %d", n, len(n))
			}
			if jobmatch.NormalizeCVR(n) != n {
				t.Fatalf("normalising %q is not idempotent", n)
			}
		}
		_ = jobmatch.ContainsCPR(s)
	})
}
