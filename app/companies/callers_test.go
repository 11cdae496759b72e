package companies

import (
	"testing"

	"jobmatch"
)

func TestPhoneKey(t *testing.T) {
	for in, want := range map[string]string{
		"20304050":         "20304050",
		"20 30 40 50":      "20304050",
		"+45 20 30 40 50":  "20304050",
		"+4520304050":      "20304050",
		"0045 20304050":    "20304050",
		"45 20 30 40 50":   "20304050",
		"(+45) 2030-4050":  "20304050",
		"+46 70 123 45 67": "46701234567", // another country keeps its code
		"2030405":          "",            // too short
		"20304050a":        "",
		"kok":              "",
		"":                 "",
	} {
		if got := phoneKey(in); got != want {
			t.Errorf("phoneKey(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestCallers: a company is found by a contact person's phone number as
// typed in any form, by the address a mail came from (also as a mail
// program shows it), and by its domain; not by a public mail service's
// domain; and an update drops the keys the company no longer has.
func TestCallers(t *testing.T) {
	cl := newCallers()
	cl.put(&jobmatch.Company{CVR: "10150469", Contacts: []jobmatch.Person{
		{Name: "Hanne Jensen", Phone: "+45 20 30 40 50", Email: "HJ@Maskinfabrik.dk"},
		{Name: "Bo Holm", Email: "bo.holm@gmail.com"},
	}})
	cl.put(&jobmatch.Company{CVR: "10182131", Contacts: []jobmatch.Person{
		{Name: "Ib Lund", Phone: "22334455", Email: "ib@hotel-sonderborg.dk"}, {Name: "Søren Marius Aagaard"}}})
	cvrs := func(q string) ([]string, []string, string) {
		refs, how := cl.find(q)
		var cs, names []string
		for _, r := range refs {
			cs, names = append(cs, r.cvr), append(names, r.person.Name)
		}
		return cs, names, how
	}
	for _, tc := range []struct{ q, cvr, name, how string }{
		{"20304050", "10150469", "Hanne Jensen", "phone"},
		{"20 30 40 50", "10150469", "Hanne Jensen", "phone"},
		{"+4520304050", "10150469", "Hanne Jensen", "phone"},
		{"hj@maskinfabrik.dk", "10150469", "Hanne Jensen", "email"},
		{"Hanne Jensen <hj@maskinfabrik.dk>", "10150469", "Hanne Jensen", "email"},
		{"bo.holm@gmail.com", "10150469", "Bo Holm", "email"},
		{"salg@maskinfabrik.dk", "10150469", "Hanne Jensen", "domain"},
		{"maskinfabrik.dk", "10150469", "Hanne Jensen", "domain"},
		{"www.hotel-sonderborg.dk", "10182131", "Ib Lund", "domain"},
		{"@hotel-sonderborg.dk", "10182131", "Ib Lund", "domain"},
		{"22 33 44 55", "10182131", "Ib Lund", "phone"},
		{"Hanne Jensen", "10150469", "Hanne Jensen", "person"},
		{"hanne  jensen", "10150469", "Hanne Jensen", "person"},
		{"Søren Aagaard", "10182131", "Søren Marius Aagaard", "person"},
		{"soeren agard", "10182131", "Søren Marius Aagaard", "person"},
		{"Søren Marius Aagaard", "10182131", "Søren Marius Aagaard", "person"},
	} {
		cs, names, how := cvrs(tc.q)
		if len(cs) != 1 || cs[0] != tc.cvr || names[0] != tc.name || how != tc.how {
			t.Errorf("%q: %v %v by %q, want %s (%s) by %s", tc.q, cs, names, how, tc.cvr, tc.name, tc.how)
		}
	}
	for _, q := range []string{"someone@gmail.com", "gmail.com", "99887766", "kok", "1.2", "Hanne", "Hanne Holm", "Jensen Hanne", "Marius Aagaard"} {
		if cs, _, _ := cvrs(q); len(cs) != 0 {
			t.Errorf("%q: %v, want nobody", q, cs)
		}
	}
	// Hanne left; her number is the company's no more.
	cl.put(&jobmatch.Company{CVR: "10150469", Contacts: []jobmatch.Person{{Name: "Bo Holm", Email: "bo.holm@gmail.com"}}})
	if cs, _, _ := cvrs("20304050"); len(cs) != 0 {
		t.Errorf("a number the company no longer has: %v", cs)
	}
	if cs, _, _ := cvrs("Hanne Jensen"); len(cs) != 0 {
		t.Errorf("the name of a contact who left: %v", cs)
	}
	if cs, _, _ := cvrs("bo.holm@gmail.com"); len(cs) != 1 {
		t.Errorf("the contact it kept: %v", cs)
	}
	if len(cl.byCVR["10150469"]) != 2 { // Bo Holm's name and address
		t.Errorf("keys kept: %v", cl.byCVR["10150469"])
	}
}

// TestCallerWhoOnlyWroteAnonymouslyComesLast: a phone number that a company's
// recorded contact and an anonymous sender under another CVR both gave
// finds the recorded contact first, and the anonymous sender marked, so
// the hotline does not take an impostor for a company's contact person.
func TestCallerWhoOnlyWroteAnonymouslyComesLast(t *testing.T) {
	cl := newCallers()
	cl.put(&jobmatch.Company{CVR: "10150469", Contacts: []jobmatch.Person{
		{Name: "Falsk Navn", Phone: "20 30 40 50", Email: "hanne@maskinfabrik.dk", Unverified: true}}})
	cl.put(&jobmatch.Company{CVR: "10182131", Contacts: []jobmatch.Person{
		{Name: "Hanne Jensen", Phone: "+45 20304050", Email: "hj@hotel-sonderborg.dk"}}})
	refs, _ := cl.find("20304050")
	if len(refs) != 2 || refs[0].cvr != "10182131" || refs[0].person.Unverified || !refs[1].person.Unverified {
		t.Fatalf("find(20304050) = %+v, want the recorded contact first and the anonymous sender marked after", refs)
	}
}
