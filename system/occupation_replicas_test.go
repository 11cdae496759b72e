package system_test

import (
	"net/http"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestOccupationSetOnOneReplicaMatchesOnTheOther: the occupation a
// consultant sets through one replica is the one target of the vacancy's
// matches on the other (its profile cached per version, its reverse
// match's open vacancies followed through the change log) and the citizen's
// list of vacancies there ranks it as the same occupation.
func TestOccupationSetOnOneReplicaMatchesOnTheOther(t *testing.T) {
	a := systemtest.Start(t)
	b := a.Replica()
	ka, kb := a.Login("konsulent@demo.local"), b.Login("konsulent@demo.local")
	var cv struct{ ID string }
	body := map[string]any{"external_ref": "LB-1", "name": "Lars Bonde", "postal_code": "6400", "target_group": "close_to_job",
		"desired_occupations": []string{"Lastbilchauffør"}, "driving_licences": []string{"B", "C", "CE"},
		"experience": []map[string]any{{"title": "Lastbilchauffør", "years": 18}}, "consent": map[string]any{"given": true, "channel": "meeting"}}
	if res := ka.Do("POST", "/api/v1/candidates", body, &cv); res.StatusCode != http.StatusCreated {
		t.Fatalf("cv: %d %s", res.StatusCode, res.Body)
	}
	vac := systemtest.VacancyBody(demo.CVR(31))
	vac["title"], vac["postal_code"], vac["skills_required"], vac["skills_desired"] = "Chauffør", "6400", []string{}, []string{}
	vac["description"] = "Vi søger en chauffør med kørekort C/CE til distribution."
	var v struct{ ID string }
	if res := a.Client().Do("POST", "/api/v1/vacancies", vac, &v); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	type page struct {
		Occupations []struct{ URI, Via string }
		Items       []struct {
			CandidateID string                  `json:"candidate_id"`
			Reasons     []struct{ Code string } `json:"reasons"`
		} `json:"items"`
	}
	matches := func(k *systemtest.Client) page {
		var p page
		if res := k.Do("GET", "/api/v1/vacancies/"+v.ID+"/matches", nil, &p); res.StatusCode != http.StatusOK {
			t.Fatalf("matches: %d %s", res.StatusCode, res.Body)
		}
		return p
	}
	// Replica B has the CV (its index and match features follow the
	// store) and caches the profile of the title's reading.
	waitFor(t, "the CV in replica B's matches", func() bool {
		for _, it := range matches(kb).Items {
			if it.CandidateID == cv.ID {
				return true
			}
		}
		return false
	})
	want, _, _ := a.Sys.Taxonomy.NormalizeOccupation("Lastbilchauffør")
	if res := ka.Do("PUT", "/api/v1/vacancies/"+v.ID+"/occupation", map[string]any{"occupation": "Lastbilchauffør"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("set through A: %d %s", res.StatusCode, res.Body)
	}
	p := matches(kb)
	if len(p.Occupations) != 1 || p.Occupations[0].URI != want || p.Occupations[0].Via != "given" {
		t.Fatalf("replica B's matches read the vacancy as %+v, want only %s", p.Occupations, want)
	}
	same := func(codes []struct{ Code string }) bool {
		for _, c := range codes {
			if c.Code == "occupation_same" {
				return true
			}
		}
		return false
	}
	if len(p.Items) == 0 || p.Items[0].CandidateID != cv.ID || !same(p.Items[0].Reasons) {
		t.Fatalf("replica B's matches %+v, want the driver first as the same occupation", p.Items)
	}
	// The citizen's list on B follows the change through the log.
	waitFor(t, "the vacancy's occupation in replica B's reverse match", func() bool {
		var rev struct {
			Items []struct {
				Vacancy struct{ ID string }     `json:"vacancy"`
				Reasons []struct{ Code string } `json:"reasons"`
			} `json:"items"`
		}
		kb.Do("GET", "/api/v1/candidates/"+cv.ID+"/matches", nil, &rev)
		for _, it := range rev.Items {
			if it.Vacancy.ID == v.ID && same(it.Reasons) {
				return true
			}
		}
		return false
	})
}
