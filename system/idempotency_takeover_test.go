package system_test

import (
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"net/http"
	"sync"
	"testing"
	"time"

	"jobmatch"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestOneRetryTakesOverADeadIdempotencyKey: an API POST whose process
// died left its Idempotency-Key claimed and unanswered; two retries under
// the key through two replicas at the same instant log the contact once,
// one 201 and one 409 in_progress. The takeover was a plain write, so both
// retries took the key over and both logged the contact, twice against
// the year's target.
func TestOneRetryTakesOverADeadIdempotencyKey(t *testing.T) {
	a := systemtest.Start(t)
	b := a.Replica()
	admins := [2]*systemtest.Client{a.Login("admin@demo.local"), b.Login("admin@demo.local")}
	var me struct {
		ID string `json:"id"`
	}
	if res := admins[0].Do("GET", "/api/v1/auth/me", nil, &me); res.StatusCode != http.StatusOK || me.ID == "" {
		t.Fatalf("me: %d %s", res.StatusCode, res.Body)
	}
	cvr := demo.CVR(84)
	if res := a.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(cvr), nil); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d %s", res.StatusCode, res.Body)
	}
	// The key as the API scopes it to its caller (web.IdempotencyKey).
	scope := sha256.Sum256([]byte("user:" + me.ID))
	ctx := context.Background()
	today := time.Now().In(jobmatch.Copenhagen).Format("2006-01-02")
	const rounds = 20
	for round := range rounds {
		note := fmt.Sprintf("Besøg nr. %d, svar efter en genstart", round)
		body, _ := json.Marshal(map[string]any{"cvr": cvr, "kind": "visit", "date": today, "note": note})
		sum := sha256.Sum256(append([]byte("POST /api/v1/contacts\x00"), body...))
		key := fmt.Sprintf("takeover-%d", round)
		// What the dead request left: its claim, long past the request's
		// timeout, and no answer.
		dead := time.Now().UTC().Add(-time.Hour).Truncate(time.Millisecond)
		if err := a.Sys.Store.ClaimReply(ctx, hex.EncodeToString(scope[:12])+":"+key, hex.EncodeToString(sum[:]), dead); err != nil {
			t.Fatal(err)
		}
		var res [2]*systemtest.Response
		var wg sync.WaitGroup
		for k := range 2 {
			wg.Add(1)
			go func() {
				defer wg.Done()
				res[k] = admins[k].Do("POST", "/api/v1/contacts", body, nil, "Idempotency-Key", key)
			}()
		}
		wg.Wait()
		codes := [2]int{res[0].StatusCode, res[1].StatusCode}
		created, busy, replayed := 0, 0, 0
		for _, r := range res {
			switch r.StatusCode {
			case http.StatusCreated:
				created++
				if r.Header.Get("Idempotent-Replayed") == "true" {
					replayed++
				}
			case http.StatusConflict:
				if r.Problem(t).Code != "in_progress" {
					t.Errorf("round %d: the loser's 409: %s", round, r.Body)
				}
				busy++
			}
		}
		logged := 0
		if err := a.Sys.Store.EachContact(ctx, func(c *jobmatch.Contact) error {
			if c.Note == note {
				logged++
			}
			return nil
		}); err != nil {
			t.Fatal(err)
		}
		// The loser is told the key is in use, or, when it comes after the
		// winner has answered, given that answer again (Idempotent-Replayed):
		// never a second write.
		oneWrote := created == 1 && busy == 1 || created == 2 && replayed == 1
		if !oneWrote || logged != 1 {
			t.Errorf("round %d: two retries of a dead key at once: statuses %v (%d replayed), the contact logged %d times; want one 201 and the other 409 in_progress or the same 201 replayed, and one contact",
				round, codes, replayed, logged)
		}
	}
}
