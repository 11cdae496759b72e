package companies_test

import (
	"errors"
	"testing"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/companies"
	"jobmatch/taxonomy"
)

// TestPNumberIsNoCPRNumber: a P-number is ten public digits, about one in
// eight of them shaped like a CPR number (1012345678: the 10th of
// December); the import takes it, while the same digits in the name are
// refused.
func TestPNumberIsNoCPRNumber(t *testing.T) {
	places, err := taxonomy.LoadPlaces()
	if err != nil {
		t.Fatal(err)
	}
	v := app.NewValidator(places)
	row := companies.CompanyRow{CVR: "10150817", PNumber: "1012345678", Name: "Sønderborg Maskinfabrik A/S", PostalCode: "6400"}
	if err := v.Validate(row); err != nil {
		t.Fatalf("P-number 1012345678: %v", err)
	}
	row.Name = "Maskinfabrik 1012345678"
	var ve *jobmatch.ValidationError
	if err := v.Validate(row); !errors.As(err, &ve) || len(ve.Fields) != 1 || ve.Fields[0].Field != "name" || ve.Fields[0].Code != "cpr" {
		t.Fatalf("a CPR-shaped number in the name: %v", err)
	}
}
