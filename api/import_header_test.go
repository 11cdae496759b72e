package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch/system/systemtest"
)

// TestImportCSVHeaderItCannotRead: a CSV file whose header line the
// reader cannot read (a stray quote) fails its job with the header's
// error as row 1's, said in the reader's language as a row's csv_quote
// is; the job said "internal error; see the server log", and the log had
// nothing.
func TestImportCSVHeaderItCannotRead(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	var job struct{ ID string }
	body := "external_ref,name\",postal_code,target_group\nR-1,Anna,6400,close_to_job\n"
	if res := k.Do("POST", "/api/v1/candidates/import", []byte(body), &job, "Content-Type", "text/csv"); res.StatusCode != http.StatusAccepted {
		t.Fatalf("import: %d %s", res.StatusCode, res.Body)
	}
	type jobBody struct {
		Status   string
		Error    string
		Progress struct {
			Rows   int
			Errors []struct {
				Row           int
				Code, Message string
			}
		}
	}
	var j jobBody
	for deadline := time.Now().Add(30 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if k.Do("GET", "/api/v1/jobs/"+job.ID, nil, &j); j.Status != "running" {
			break
		}
	}
	for lang, want := range map[string]string{"da": "Rækken har et anførselstegn", "en": "The row has a quote"} {
		k.Do("GET", "/api/v1/jobs/"+job.ID, nil, &j, "Accept-Language", lang)
		if j.Status != "failed" || strings.Contains(j.Error, "internal") || len(j.Progress.Errors) != 1 || j.Progress.Rows != 0 {
			t.Fatalf("%s: job %+v", lang, j)
		}
		if e := j.Progress.Errors[0]; e.Row != 1 || e.Code != "csv_quote" || !strings.Contains(e.Message, want) {
			t.Fatalf("%s: the header's error %+v, want row 1 csv_quote %q", lang, e, want)
		}
	}
}
