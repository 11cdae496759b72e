package api_test

import (
	"net/http"
	"strings"
	"testing"
	"time"

	"jobmatch/system/systemtest"
)

// erasedImportJob is an import's job as the erased rows concern it.
type erasedImportJob struct {
	Status   string `json:"status"`
	Progress struct {
		Rows          int              `json:"rows"`
		Created       int              `json:"created"`
		Updated       int              `json:"updated"`
		Unchanged     int              `json:"unchanged"`
		Failed        int              `json:"failed"`
		SkippedErased int              `json:"skipped_erased"`
		Errors        []importRowError `json:"errors"`
	} `json:"progress"`
}

// importAs posts body as an import of contentType and waits for its job to
// end; the job is read in lang.
func importAs(t *testing.T, k *systemtest.Client, body, contentType, lang string) erasedImportJob {
	t.Helper()
	var job struct{ ID string }
	if res := k.Do("POST", "/api/v1/candidates/import", []byte(body), &job, "Content-Type", contentType); res.StatusCode != http.StatusAccepted {
		t.Fatalf("import: %d %s", res.StatusCode, res.Body)
	}
	for deadline := time.Now().Add(20 * time.Second); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		var j erasedImportJob
		k.Do("GET", "/api/v1/jobs/"+job.ID, nil, &j, "Accept-Language", lang)
		if j.Status != "running" {
			return j
		}
	}
	t.Fatal("import job did not finish")
	return erasedImportJob{}
}

// TestImportSkipsErasedCitizen: a citizen erased at their request came
// back with the next import of the same file (created 1 under a new id, no
// word of it). The import skips the row now, CSV and NDJSON alike, counted
// as skipped_erased and said in the reader's language; a consultant who
// creates the CV by hand lifts the block, and later imports update it.
func TestImportSkipsErasedCitizen(t *testing.T) {
	env := systemtest.Start(t)
	k := env.Login("konsulent@demo.local")
	file := "external_ref,name,postal_code,target_group\n" +
		"IMP-016,Dorthe Krag,6400,young\n" +
		"IMP-017,Erik Friis,6400,young\n"
	j := importAs(t, k, file, "text/csv", "da")
	if j.Status != "done" || j.Progress.Created != 2 || j.Progress.SkippedErased != 0 {
		t.Fatalf("first import %+v", j)
	}
	erasedID := candidateByRef(t, k, "IMP-016")["id"].(string)
	if res := k.Do("DELETE", "/api/v1/candidates/"+erasedID+"?why=test", nil, nil); res.StatusCode != http.StatusNoContent {
		t.Fatalf("erase: %d %s", res.StatusCode, res.Body)
	}

	j = importAs(t, k, file, "text/csv", "da")
	p := j.Progress
	if j.Status != "done" || p.Rows != 2 || p.Created != 0 || p.Unchanged != 1 || p.Failed != 0 || p.SkippedErased != 1 || len(p.Errors) != 1 {
		t.Fatalf("import after the erasure %+v", j)
	}
	if e := p.Errors[0]; e.Row != 2 || e.Ref != "IMP-016" || e.Code != "erased" || e.Message != "Borgeren er slettet efter anmodning; opret CV'et manuelt, hvis borgeren er kommet tilbage." {
		t.Errorf("the erased row: %+v", e)
	}
	// NDJSON, read in English.
	j = importAs(t, k, `{"external_ref":"IMP-016","name":"Dorthe Krag","postal_code":"6400","target_group":"young"}`+"\n", "application/x-ndjson", "en")
	if p := j.Progress; j.Status != "done" || p.Created != 0 || p.SkippedErased != 1 || len(p.Errors) != 1 ||
		p.Errors[0].Row != 1 || p.Errors[0].Message != "The citizen was erased on request; create the CV by hand if they have come back." {
		t.Fatalf("NDJSON import after the erasure %+v", j)
	}
	if r := waitSearch(t, k, "q=IMP-016", 0); r.Total != 0 {
		t.Fatalf("the erased citizen is back: %v", r.refs())
	}

	// The consultant creates the CV by hand: allowed, and the next import
	// updates that CV.
	var created struct {
		ID string `json:"id"`
	}
	if res := k.Do("POST", "/api/v1/candidates", map[string]any{"external_ref": "IMP-016", "name": "Dorthe Krag", "postal_code": "6400", "target_group": "young", "skills": []string{}, "desired_occupations": []string{}}, &created); res.StatusCode != http.StatusCreated {
		t.Fatalf("create by hand: %d %s", res.StatusCode, res.Body)
	}
	j = importAs(t, k, strings.Replace(file, "Dorthe Krag", "Dorthe Krag Holm", 1), "text/csv", "da")
	if p := j.Progress; j.Status != "done" || p.Updated != 1 || p.Unchanged != 1 || p.Created != 0 || p.SkippedErased != 0 || len(p.Errors) != 0 {
		t.Fatalf("import after the CV made by hand %+v", j)
	}
	var c struct {
		ID   string `json:"id"`
		Name string `json:"name"`
	}
	k.Do("GET", "/api/v1/candidates/"+created.ID, nil, &c)
	if c.ID != created.ID || c.Name != "Dorthe Krag Holm" {
		t.Errorf("the CV made by hand after the import: %+v", c)
	}
}
