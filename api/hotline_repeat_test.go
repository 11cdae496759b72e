package api_test

import (
	"net/http"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// TestSameCallLoggedTwiceOverTheAPI: the hotline's program logging the same
// caller about the same topic twice within ten minutes gets both filed,
// and the second receipt names the first (repeat_of), as the hotline's
// page asks before saving; another topic is no repeat.
func TestSameCallLoggedTwiceOverTheAPI(t *testing.T) {
	env := systemtest.Start(t)
	hot := env.Login("hotline@demo.local")
	call := func(topic, text string) map[string]any {
		b := publicRequest(demo.CVR(3), text, "")
		b["company"].(map[string]any)["contact"] = map[string]any{"name": "Hanne Jensen", "phone": "20 30 40 50"}
		b["topic"], b["channel"] = topic, "phone"
		return b
	}
	type receipt struct {
		ID       string `json:"id"`
		RepeatOf string `json:"repeat_of"`
	}
	var first, second, other receipt
	if res := hot.Do("POST", "/api/v1/requests", call("retention", "En medarbejder er sygemeldt, kan I hjælpe?"), &first); res.StatusCode != http.StatusCreated {
		t.Fatalf("first: %d %s", res.StatusCode, res.Body)
	}
	if first.RepeatOf != "" {
		t.Fatalf("the first call is a repeat of %q", first.RepeatOf)
	}
	if res := hot.Do("POST", "/api/v1/requests", call("retention", "Sygemeldt medarbejder, ring tilbage."), &second); res.StatusCode != http.StatusCreated {
		t.Fatalf("second: %d %s", res.StatusCode, res.Body)
	}
	if second.ID == first.ID || second.RepeatOf != first.ID {
		t.Fatalf("the same caller and topic again: %+v, want a new request with repeat_of %s", second, first.ID)
	}
	if res := hot.Do("POST", "/api/v1/requests", call("subsidy", "Hvad koster en løntilskudsansat?"), &other); res.StatusCode != http.StatusCreated || other.RepeatOf != "" {
		t.Fatalf("another topic: %d %+v", res.StatusCode, other)
	}
}
