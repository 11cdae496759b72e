package store

import (
	"context"
	"errors"
	"strings"
	"time"

	"jobmatch"
)

// Requests are filed in lists that pages read newest first: every request
// ("requests"), a consultant's ("requests:consultant:<id>") and a company's
// ("requests:company:<cvr>"), and the vacancies they carry likewise; the
// company's timeline ("timeline:<cvr>") holds "request:<id>" and
// "contact:<id>". A consultant's open requests are a bag
// ("requests:open:<id>"), oldest first.

// RequestList names the list of requests of scope: "" for every request,
// "consultant:<id>" or "company:<cvr>".
func RequestList(scope string) string { return scoped("requests", scope) }

// VacancyList names the list of vacancies of scope, as RequestList.
func VacancyList(scope string) string { return scoped("vacancies", scope) }

// CompanyList names the list of companies of scope ("consultant:<id>").
func CompanyList(scope string) string { return scoped("companies", scope) }

// TimelineList names a company's timeline of requests and contacts; its
// entries are "request:<id>" and "contact:<id>".
func TimelineList(cvr string) string { return "timeline:" + cvr }

// TimelineEntry reads an entry of a company's timeline: the kind of record
// it points at ("request" or "contact") and the record's id.
func TimelineEntry(ref string) (kind, id string) {
	kind, id, _ = strings.Cut(ref, ":")
	return kind, id
}

// LoggedOn is the scope of the requests a member of staff logged that were
// received on t's day in Copenhagen: "logged:<id>:<yyyy-mm-dd>".
func LoggedOn(userID string, t time.Time) string {
	return "logged:" + userID + ":" + t.In(jobmatch.Copenhagen).Format(time.DateOnly)
}

func scoped(base, scope string) string {
	if scope == "" {
		return base
	}
	return base + ":" + scope
}

func openRequests(consultantID string) string { return "requests:open:" + consultantID }

// FileRequest stores a request, and the vacancy it carries if any, and
// files them where pages and figures read them, in this order: every list
// pointer in one write (the request's position in the list of every
// request is its reference number, JM-<year>-<position>, set on r and v);
// the request into its consultant's open requests (r.OpenSlot); the
// vacancy; the request; and the counters of its receipt (counts, by name).
// The lists come first so that a crash leaves at most pointers to nothing,
// which the pages skip, never a request no list finds. On the embedded
// backend every write costs, so an intake is six writes in all.
func (s *Store) FileRequest(ctx context.Context, r *jobmatch.Request, v *jobmatch.Vacancy, counts map[string]int64, link Link) error {
	lists := map[string]string{
		RequestList(""): r.ID, RequestList("consultant:" + r.ConsultantID): r.ID, RequestList("company:" + r.CVR): r.ID,
		TimelineList(r.CVR): "request:" + r.ID,
	}
	if r.LoggedBy != "" {
		// The calls a member of staff logged, and those of the day: the
		// hotline's "today" reads the day's list whole (its length is the
		// count), where the latest of all its calls held few of today's
		// once calls of other days were logged in between.
		lists[RequestList("logged:"+r.LoggedBy)] = r.ID
		lists[RequestList(LoggedOn(r.LoggedBy, r.ReceivedAt))] = r.ID
	}
	if v != nil {
		lists[VacancyList("")] = v.ID
		lists[VacancyList("consultant:"+v.ConsultantID)] = v.ID
		lists[VacancyList("company:"+v.CVR)] = v.ID
	}
	// The request and its vacancy record the slot whose shards count them
	// (kpi.go), before they are stored: a kill between the records and
	// the counters leaves events this replica's recount finds.
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	r.ReceiptSlot = slot
	if v != nil {
		v.PostedSlot = slot
	}
	pos, err := s.ListAppendEach(ctx, lists, link)
	if err != nil {
		return err
	}
	r.Reference = jobmatch.Reference(r.ReceivedAt.In(jobmatch.Copenhagen).Year(), pos[RequestList("")])
	if r.OpenSlot, err = s.BagAdd(ctx, openRequests(r.ConsultantID), r.ID); err != nil {
		return err
	}
	// The request before its vacancy: an attempt killed in between leaves
	// the request, which names the vacancy, so a retry under the same
	// Idempotency-Key finds it and finishes the filing (FinishVacancy)
	// rather than filing the vacancy a second time.
	if err := s.Insert(ctx, ColRequests, r); err != nil {
		return err
	}
	if v != nil {
		v.Reference = r.Reference
		if err := s.Insert(ctx, ColVacancies, v); err != nil {
			return err
		}
	}
	return s.CountEvents(ctx, r.ReceivedAt, counts)
}

// FinishVacancy stores the vacancy of a request filed by an attempt that
// was killed before it (FileRequest writes the request first) and counts
// the filing, whose counters come last.
func (s *Store) FinishVacancy(ctx context.Context, v *jobmatch.Vacancy, counts map[string]int64) error {
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	v.PostedSlot = slot
	err = s.Insert(ctx, ColVacancies, v)
	if err != nil && !errors.Is(err, jobmatch.ErrConflict) {
		return err
	}
	// The filing is counted here, in this replica's shards, whichever
	// replica's attempt stored the request (and perhaps the vacancy) and
	// was killed: both now name this slot, so the other's recount leaves
	// them to this one's (kpi.go).
	if err := s.Apply(ctx, ColRequests, v.RequestID, Change{Set: Fields{"receipt_slot": slot}}); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return err
	}
	if err != nil {
		if err := s.Apply(ctx, ColVacancies, v.ID, Change{Set: Fields{"posted_slot": slot}}); err != nil {
			return err
		}
	}
	return s.CountEvents(ctx, v.CreatedAt, counts)
}

// Resolution is how a request was resolved.
type Resolution struct {
	At         time.Time
	By         string // user id
	Resolution string
	Outcome    string
}

// ResolveRequest records the resolution of an open request, takes it out
// of its consultant's open requests and counts it (counts, by name, at
// res.At). The caller makes sure it happens once (Service.once).
func (s *Store) ResolveRequest(ctx context.Context, r *jobmatch.Request, res Resolution, counts map[string]int64) error {
	slot, err := s.ownSlot(ctx)
	if err != nil {
		return err
	}
	r.ResolveSlot = slot
	if err := s.Apply(ctx, ColRequests, r.ID, Change{Set: Fields{
		"status": jobmatch.RequestResolved, "resolved_at": res.At,
		"resolution": res.Resolution, "outcome": res.Outcome, "resolved_by": res.By,
		"resolve_slot": slot,
	}, BumpVersion: true}); err != nil {
		return err
	}
	if err := s.BagRemove(ctx, openRequests(r.ConsultantID), r.OpenSlot, r.ID); err != nil && !errors.Is(err, jobmatch.ErrNotFound) {
		return err
	}
	return s.CountEvents(ctx, res.At, counts)
}

// OpenRequestIDs returns the ids of a consultant's open requests, oldest
// first.
func (s *Store) OpenRequestIDs(ctx context.Context, consultantID string) ([]string, error) {
	return s.BagMembers(ctx, openRequests(consultantID))
}

// EachRequest calls fn for every request: a scan, for the figures' rebuild
// (never a request path).
func (s *Store) EachRequest(ctx context.Context, fn func(*jobmatch.Request) error) error {
	return Each(ctx, s, ColRequests, fn)
}
