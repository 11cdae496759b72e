package companies

import (
	"context"
	"time"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

// RepeatWindow is how far back a call is taken for the same call logged
// again: the same caller about the same topic within ten minutes.
const RepeatWindow = 10 * time.Minute

// LoggedAlready returns the open request of the company cvr from the same
// caller (the same phone number or e-mail address) about topic received
// within RepeatWindow, the latest; nil when there is none. The hotline
// asks before logging the same call twice (two colleagues taking the same
// caller, or Enter pressed again after a reload).
func (s *Service) LoggedAlready(ctx context.Context, cvr, topic, phone, email string) (*jobmatch.Request, error) {
	phone, email = phoneKey(phone), jobmatch.NormalizeEmail(email)
	if phone == "" && email == "" {
		return nil, nil
	}
	since := s.now().Add(-RepeatWindow)
	page, err := app.ListPage(ctx, s.st, store.RequestList("company:"+jobmatch.NormalizeCVR(cvr)), app.ListQuery{Limit: 20}, s.st.Request)
	if err != nil {
		return nil, err
	}
	for _, r := range page.Items {
		if r.ReceivedAt.Before(since) || r.Status != jobmatch.RequestOpen || string(r.Topic) != topic {
			continue
		}
		if (phone != "" && phoneKey(r.Contact.Phone) == phone) || (email != "" && jobmatch.NormalizeEmail(r.Contact.Email) == email) {
			return r, nil
		}
	}
	return nil, nil
}
