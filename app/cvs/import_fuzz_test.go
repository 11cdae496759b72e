package cvs

import (
	"errors"
	"io"
	"strings"
	"testing"

	"jobmatch"
	"jobmatch/app"
)

// fuzzRows reads every row of an import file: nothing panics, the reader
// ends, a row comes with a value or with row errors, and a refused file is a
// field error or a CSV/IO error.
func fuzzRows(t *testing.T, data, format string) {
	next, err := rowReader(strings.NewReader(data), format)
	if err != nil {
		var ve *jobmatch.ValidationError
		if errors.As(err, &ve) && len(ve.Fields) == 0 {
			t.Fatalf("refused %q without a field", data)
		}
		return
	}
	val := app.NewValidator(nil)
	for i := 0; ; i++ {
		if i > len(data)+1 {
			t.Fatalf("more rows than bytes in %q", data)
		}
		in, rowErrs, err := next()
		if errors.Is(err, io.EOF) {
			return
		}
		if err != nil {
			return // a read error ends the file; the importer reports it
		}
		for _, re := range rowErrs {
			if re.Code == "" {
				t.Fatalf("row error without a code in %q", data)
			}
		}
		if len(rowErrs) == 0 {
			_ = val.Validate(in)
		}
	}
}

func FuzzImportNDJSONRows(f *testing.F) {
	f.Add(`{"external_ref":"a1","name":"Ann","postal_code":"6400","target_group":"a"}` + "\n\n" + `{"name":5}` + "\n" + `not json`)
	f.Add(`{"external_ref":"a1","experience":[{"title":"Tømrer","employer":"X","years":2}],"languages":{"da":"C1"}}`)
	f.Add("\n\n\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzRows(t, data, "ndjson") })
}

func FuzzImportCSVRows(f *testing.F) {
	f.Add("external_ref,name,postal_code,target_group,languages,experience,education\nA1,Ann,6400,a,da:C1;en:B2,Tømrer|X|2,vocational|Byg\n")
	f.Add("\ufeffexternal_ref,name,postal_code,target_group\n\"unterminated,x\n")
	f.Add("external_ref,name,postal_code,target_group,experience\nA1,Ann,6400,a,|||\nA2,,,,x|y|notanumber\n")
	f.Fuzz(func(t *testing.T, data string) { fuzzRows(t, data, "csv") })
}
