package app

import (
	"testing"

	"jobmatch"
)

// An address whose domain cannot be right was taken ("jens@gmail.con",
// "jens@lagerhuset.d"), and the receipt with the private status link was
// lost: a one-letter top-level domain, a misspelt common one and a
// provider's name mistyped are refused, with the address meant when it
// can be told; real domains near them pass.
func TestMistypedEmailDomainIsRefused(t *testing.T) {
	val := NewValidator(nil)
	type in struct {
		Email string `json:"email" validate:"omitempty,email,max=200"`
	}
	for s, meant := range map[string]string{
		"jens@gmail.con": "jens@gmail.com", "jens@lagerhuset.cmo": "jens@lagerhuset.com", "jens@lagerhuset.dkk": "jens@lagerhuset.dk",
		"jens@firma.ogr": "jens@firma.org", "jens@gmial.com": "jens@gmail.com", "jens@hotmial.com": "jens@hotmail.com",
		"jens@hotmal.dk": "jens@hotmail.dk", "jens@gmaill.com": "jens@gmail.com", "jens@outlok.dk": "jens@outlook.dk",
		"Jens@GMIAL.CON": "Jens@gmail.com", "jens@lagerhuset.d": "", "jens@mail.lagerhuset.k": "",
	} {
		err := val.Validate(in{Email: s})
		if err == nil {
			t.Errorf("%q taken", s)
			continue
		}
		want := "email_typo"
		if meant == "" {
			want = "email_domain"
		}
		ve, ok := err.(*jobmatch.ValidationError)
		if !ok || len(ve.Fields) != 1 || ve.Fields[0].Code != want || ve.Fields[0].Param != meant {
			t.Errorf("%q: %v, want %s %q", s, err, want, meant)
		}
	}
	for _, s := range []string{"jens@lagerhuset.dk", "jens@gmail.com", "hanne@firma.co", "hanne@email.com", "hanne@cloud.com",
		"ole@kommune.net", "ole@als-tømrer.dk", "ole@yahoo.co.uk", "ole@sub.gmial.net.dk", "ole@mail.dk", ""} {
		if err := val.Validate(in{Email: s}); err != nil {
			t.Errorf("%q refused: %v", s, err)
		}
	}
	for _, s := range []string{"jens", "jens@", "@gmail.com"} {
		if err := val.Validate(in{Email: s}); err == nil {
			t.Errorf("%q taken", s)
		}
	}
}
