package companyindex_test

import (
	"fmt"

	"jobmatch/companyindex"
)

func ExampleIndex_Search() {
	ix := companyindex.New()
	ix.PutAll([]companyindex.Entry{
		{CVR: "12345674", Name: "Vestjysk Bilcenter A/S", ContactName: "Mette Holm"},
		{CVR: "23412340", Name: "Søndergård VVS ApS", ContactName: "Jens Lund"},
		{CVR: "31234566", Name: "Møller & Søn Transport", ContactName: "Lars Bach"},
	})
	for _, q := range []string{"vest bil", "sondergaard", "moeller", "søndregård", "1234"} {
		fmt.Printf("%q\n", q)
		for _, h := range ix.Search(q, 5) {
			fmt.Printf("  %s %-24s %-5s → %s\n", h.CVR, h.Name, h.Match, h.ContactName)
		}
	}
	// Output:
	// "vest bil"
	//   12345674 Vestjysk Bilcenter A/S   name  → Mette Holm
	// "sondergaard"
	//   23412340 Søndergård VVS ApS       name  → Jens Lund
	// "moeller"
	//   31234566 Møller & Søn Transport   name  → Lars Bach
	// "søndregård"
	//   23412340 Søndergård VVS ApS       fuzzy → Jens Lund
	// "1234"
	//   12345674 Vestjysk Bilcenter A/S   cvr   → Mette Holm
	//   23412340 Søndergård VVS ApS       cvr   → Jens Lund
	//   31234566 Møller & Søn Transport   cvr   → Lars Bach
}
