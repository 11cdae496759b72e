package system_test

import (
	"net/http"
	"net/url"
	"testing"

	"jobmatch/system/systemtest"
)

// TestShownCVsFollowTheOtherReplica: a search shows the CVs as A's index
// stored them; a CV changed and then erased through replica B shows changed
// and then not at all in A's search, with no restart, because A's sync
// applies B's changes to what it stored. An erasure through A is gone from
// A's search when A answers.
func TestShownCVsFollowTheOtherReplica(t *testing.T) {
	a := systemtest.Start(t)
	b := a.Replica()
	for _, env := range []*systemtest.Env{a, b} {
		env.Sys.Taxonomy.NormalizeOccupation("Tømrer")
	}
	ka, kb := a.Login("konsulent@demo.local"), b.Login("konsulent@demo.local")
	cv := func(name string) map[string]any {
		return map[string]any{
			"external_ref": "VIST-1", "name": name, "email": "vist-1@example.dk", "postal_code": "6400",
			"max_commute_km": 30, "target_group": "close_to_job", "desired_occupations": []string{"Tømrer"},
			"languages": []map[string]string{{"code": "da", "level": "C2"}}, "available_from": "2026-01-15",
			"summary": "Tømrer og skurvognsmester gennem tyve år.", "consent": map[string]any{"given": true, "channel": "meeting"},
		}
	}
	var cand struct{ ID string }
	if res := ka.Do("POST", "/api/v1/candidates", cv("Karen Vist"), &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("candidate: %d %s", res.StatusCode, res.Body)
	}
	names := func(k *systemtest.Client) []string {
		var r struct {
			Items []struct {
				Candidate struct{ Name string } `json:"candidate"`
			} `json:"items"`
		}
		if res := k.Do("GET", "/api/v1/candidates/search?q="+url.QueryEscape("skurvognsmester"), nil, &r); res.StatusCode != http.StatusOK {
			t.Fatalf("search: %d %s", res.StatusCode, res.Body)
		}
		var out []string
		for _, it := range r.Items {
			out = append(out, it.Candidate.Name)
		}
		return out
	}
	waitFor(t, "the CV in A's search", func() bool { n := names(ka); return len(n) == 1 && n[0] == "Karen Vist" })

	// Changed through B: A shows the new name once its sync applies it.
	if res := kb.Do("POST", "/api/v1/candidates", cv("Karen Vist-Ændret"), nil); res.StatusCode != http.StatusOK && res.StatusCode != http.StatusCreated {
		t.Fatalf("update through B: %d %s", res.StatusCode, res.Body)
	}
	took := waitFor(t, "the changed name in A's search", func() bool { n := names(ka); return len(n) == 1 && n[0] == "Karen Vist-Ændret" })
	t.Logf("a change through B shown by A after %v", took)

	// Erased through B: A shows nobody, not the CV it kept.
	names(ka)
	if res := kb.Do("DELETE", "/api/v1/candidates/"+cand.ID, nil, nil); res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusOK {
		t.Fatalf("erase: %d %s", res.StatusCode, res.Body)
	}
	took = waitFor(t, "the erased CV gone from A's search", func() bool { return len(names(ka)) == 0 })
	t.Logf("an erasure through B gone from A after %v", took)

	// Erased through A: gone from A's search the moment A answers.
	if res := ka.Do("POST", "/api/v1/candidates", cv("Karen Vist"), &cand); res.StatusCode != http.StatusCreated {
		t.Fatalf("candidate again: %d %s", res.StatusCode, res.Body)
	}
	waitFor(t, "the new CV in A's search", func() bool { return len(names(ka)) == 1 })
	if res := ka.Do("DELETE", "/api/v1/candidates/"+cand.ID, nil, nil); res.StatusCode != http.StatusNoContent && res.StatusCode != http.StatusOK {
		t.Fatalf("erase through A: %d %s", res.StatusCode, res.Body)
	}
	if n := names(ka); len(n) != 0 {
		t.Fatalf("A's search right after A erased the CV: %v", n)
	}
}
