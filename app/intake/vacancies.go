package intake

import (
	"context"
	"errors"
	"strings"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/surveys"
)

// VacancyClose closes a vacancy by hand: filled or closed unfilled.
type VacancyClose struct {
	Status string `json:"status" validate:"required,oneof=filled closed"`
	Note   string `json:"note,omitempty" validate:"max=2000"`
	// FilledByPresented: the person hired was presented by the jobcenter.
	FilledByPresented bool `json:"filled_by_presented,omitempty"`
	// Version, when set, must match the stored vacancy (409 otherwise).
	Version int64 `json:"version,omitempty" validate:"gte=0"`
}

// OnClose adds fn to what is told of each vacancy filled or closed here,
// once it is: the pre-screening cancels the interviews still to come on
// it. Set up before the service is used (it is not locked).
func (s *Service) OnClose(fn func(ctx context.Context, by *jobmatch.User, v *jobmatch.Vacancy)) {
	s.closed = append(s.closed, fn)
}

// CloseVacancy marks a vacancy filled or closed. It stops matching it,
// counts it in the follow-up figures (filled, days to fill, filled by a
// presented candidate), tells those OnClose set up and asks the
// employer's contact for their satisfaction. Closing a closed vacancy is
// a 409.
func (s *Service) CloseVacancy(ctx context.Context, by *jobmatch.User, id string, in VacancyClose) (*jobmatch.Vacancy, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	v, err := s.closeVacancy(ctx, id, in)
	if err != nil {
		return nil, err
	}
	s.notifyVacancy(ctx, v)
	s.resolveVacancyRequest(ctx, by, v)
	for _, fn := range s.closed {
		fn(ctx, by, v)
	}
	s.surveys.AfterEvent(ctx, surveys.Trigger{Kind: "vacancy_" + in.Status, CVR: v.CVR, Company: v.CompanyName, Ref: v.ID, To: v.Contact.Email})
	return v, nil
}

// resolveVacancyRequest resolves the request a vacancy came in as, now
// that the vacancy is filled or closed (the outcome says which): it stayed
// open and went over its deadline in the consultant's open requests. It is
// the one resolution of the request (resolveRequest), counted as any is
// (app.ResolveCounters, which the figures' rebuild uses too); one resolved
// by hand before stays as it was. The vacancy's close already asked the
// employer for a survey: this asks for none. A failure is logged (the
// close stands; the consultant can resolve the request by hand).
func (s *Service) resolveVacancyRequest(ctx context.Context, by *jobmatch.User, v *jobmatch.Vacancy) {
	if v.RequestID == "" {
		return
	}
	text := map[jobmatch.VacancyStatus]string{jobmatch.VacancyFilled: "Stillingen er besat.", jobmatch.VacancyClosed: "Stillingen er lukket uden at blive besat."}[v.Status]
	if note := strings.TrimSpace(v.CloseNote); note != "" {
		text += " " + note
	}
	_, err := s.resolveRequest(ctx, by, v.RequestID, ResolveInput{Resolution: text, Outcome: string(v.Status)})
	if err != nil && !errors.Is(err, jobmatch.ErrConflict) && !errors.Is(err, jobmatch.ErrNotFound) {
		s.log.Warn("resolve the vacancy's request", "vacancy", v.ID, "request", v.RequestID, "err", err)
	}
}

// closeVacancy is the one closing of a vacancy, however many clicks.
func (s *Service) closeVacancy(ctx context.Context, id string, in VacancyClose) (*jobmatch.Vacancy, error) {
	defer s.st.LockVacancyClose(id)()
	v, err := s.Vacancy(ctx, id)
	if err != nil {
		return nil, err
	}
	if err := v.CanClose(in.Version); err != nil {
		return nil, err
	}
	already := &jobmatch.ConflictError{Code: "already_closed", Detail: "the vacancy is already closed"}
	err = s.env.Once(ctx, "vacancy:"+id+":close", already, func() error {
		if v, err = s.Vacancy(ctx, id); err != nil {
			return err
		}
		if err := v.CanClose(in.Version); err != nil {
			return err
		}
		now := s.now().UTC()
		p := jobmatch.PeriodsOf(now)
		to := jobmatch.VacancyStatus(in.Status)
		presented := in.FilledByPresented && to == jobmatch.VacancyFilled
		if to == jobmatch.VacancyFilled && !presented {
			// Someone hired from the shortlist is a presented candidate,
			// ticked or not: a vacancy for three, filled by hand after
			// its first hire, was counted as filled otherwise.
			if presented, err = s.hiredFromShortlist(ctx, id); err != nil {
				return err
			}
		}
		v.Status, v.ClosedAt, v.ClosedPeriod, v.FilledByPresented, v.CloseNote, v.UpdatedAt = to, &now, &p, presented, in.Note, now
		if err := s.st.CloseVacancy(ctx, v, app.CloseCounters(v)); err != nil {
			return err
		}
		v.Version++
		// The job order's figure is kept in the period the vacancy was
		// posted in. Lost to a crash between the two writes, it is
		// recounted from the vacancy (followup.RebuildKPI).
		if inc := app.FilledJobOrderCounters(v); inc != nil {
			return s.env.CountPeriods(ctx, v.CreatedAt, inc)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	return v, nil
}

// hiredFromShortlist reports whether someone on the vacancy's shortlist
// is hired (one read by _id per entry).
func (s *Service) hiredFromShortlist(ctx context.Context, vacancyID string) (bool, error) {
	ids, err := s.st.ShortlistIDs(ctx, vacancyID)
	if err != nil {
		return false, err
	}
	for _, id := range ids {
		e, err := s.st.ShortlistEntry(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return false, err
		}
		if e.Stage == jobmatch.StageHired {
			return true, nil
		}
	}
	return false, nil
}

// VacancyOccupation is the occupation a consultant reads a vacancy's title
// as: a taxonomy concept's URI, or a title the taxonomy knows
// ("Lastbilchauffør"). Matching targets it alone, not what the title was
// read as ("Chauffør": a dyretransportchauffør and a tankvogn's driver).
type VacancyOccupation struct {
	Occupation string `json:"occupation" validate:"required,max=200"`
	// Version, when set, must match the stored vacancy (409 otherwise).
	Version int64 `json:"version,omitempty" validate:"gte=0"`
}

// SetVacancyOccupation sets the occupation the vacancy is matched as and
// tells the matching, which ranks its candidates again.
func (s *Service) SetVacancyOccupation(ctx context.Context, by *jobmatch.User, id string, in VacancyOccupation) (*jobmatch.Vacancy, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	uri, ok := strings.TrimSpace(in.Occupation), false
	if s.occupations != nil {
		if strings.HasPrefix(uri, "http://") || strings.HasPrefix(uri, "https://") {
			_, ok = s.occupations.Occupation(uri)
		} else {
			uri, _, ok = s.occupations.NormalizeOccupation(uri)
		}
	}
	if !ok {
		return nil, jobmatch.Invalid("occupation", "unknown_occupation", "")
	}
	return s.setOccupation(ctx, id, uri, in.Version)
}

// ClearVacancyOccupation drops the occupation set on the vacancy: the
// matching reads its title again.
func (s *Service) ClearVacancyOccupation(ctx context.Context, by *jobmatch.User, id string) (*jobmatch.Vacancy, error) {
	if !by.CanReadCVs() {
		return nil, jobmatch.ErrForbidden
	}
	return s.setOccupation(ctx, id, "", 0)
}

func (s *Service) setOccupation(ctx context.Context, id, uri string, version int64) (*jobmatch.Vacancy, error) {
	v, err := s.Vacancy(ctx, id)
	if err != nil {
		return nil, err
	}
	if version != 0 && version != v.Version {
		return nil, &jobmatch.ConflictError{Code: "stale_version", Detail: "the vacancy was changed meanwhile; reload it"}
	}
	// Every write of the occupation claims its version (a clear or a save
	// without a version counted it up beside a versioned one, and both
	// said they were saved); without a version given, on the latest.
	for try := 0; ; try++ {
		at := version
		if at == 0 {
			at = v.Version
		}
		now := s.now().UTC()
		v.Occupation, v.UpdatedAt, v.Version = uri, now, at+1
		err := s.st.SetVacancyOccupationAt(ctx, v, at)
		if err == nil {
			break
		}
		if !errors.Is(err, jobmatch.ErrConflict) {
			return nil, err
		}
		if version != 0 || try == 2 {
			return nil, &jobmatch.ConflictError{Code: "stale_version", Detail: "the vacancy was changed meanwhile; reload it"}
		}
		if v, err = s.Vacancy(ctx, id); err != nil {
			return nil, err
		}
	}
	s.notifyVacancy(ctx, v)
	return v, nil
}

// SetVacancyStatus moves a vacancy along (screening, presented) and tells
// the matching.
func (s *Service) SetVacancyStatus(ctx context.Context, v *jobmatch.Vacancy, to jobmatch.VacancyStatus) error {
	now := s.now().UTC()
	if err := s.st.SetVacancyStatus(ctx, v.ID, to, now); err != nil {
		return err
	}
	v.Status, v.UpdatedAt = to, now
	v.Version++
	s.notifyVacancy(ctx, v)
	return nil
}
