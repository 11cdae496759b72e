package frontend

import (
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app/screening"
	"jobmatch/i18n"
	"jobmatch/web"
)

func (f *Frontend) registerInterviews(public, staff *echo.Group) {
	staff.POST("/shortlist/:entry_id/interviews", f.interviewPropose, f.requireCVReader)
	staff.POST("/shortlist/:entry_id/interviews/:id", f.interviewChange, f.requireCVReader)
}

// localTime reads a form's date and time of day (the browser's
// datetime-local, "2026-12-10T10:00", or a date and a separate "10:00") as
// Copenhagen time, in the RFC 3339 the service takes; what does not parse
// is passed on as typed, so the service names the field.
func localTime(date, clock string) string {
	s := strings.TrimSpace(date)
	if clock = strings.TrimSpace(clock); clock != "" && !strings.Contains(s, "T") {
		s += "T" + clock
	}
	for _, layout := range []string{"2006-01-02T15:04", "2006-01-02T15:04:05"} {
		if t, err := time.ParseInLocation(layout, s, jobmatch.Copenhagen); err == nil {
			return t.Format(time.RFC3339)
		}
	}
	return s
}

// interviewPropose books a first interview from the shortlist entry's form:
// the day, from and to, where, and whom to invite besides the consultant.
func (f *Frontend) interviewPropose(c echo.Context) error {
	form, err := c.FormParams()
	if err != nil {
		return err
	}
	v, e, err := f.shortlistForm(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := screening.InterviewInput{Start: localTime(v["date"], v["from"]), End: localTime(v["date"], v["to"]), Mode: v["mode"],
		Place: v["place"], URL: v["url"], Invite: form["invite"], Notes: v["notes"]}
	iv, err := f.cfg.Screening.ProposeInterview(ctx, web.CurrentUser(c), e.ID, in)
	if err == nil {
		if odd := oddTime(web.Lang(c), iv.Start, iv.End); odd != "" {
			return f.afterStep(c, e.VacancyID, "sl-"+e.CandidateID, nil, "fw.iv_booked_odd", odd)
		}
	}
	if err != nil {
		// The booking form comes back open with what was typed (the day
		// and times were lost with the refusal).
		kept := url.Values{"entry": {e.ID}}
		for _, k := range []string{"date", "from", "to", "mode", "place", "url", "notes"} {
			kept.Set(k, v[k])
		}
		c.SetCookie(&http.Cookie{Name: "jm_ivform", Value: url.QueryEscape(kept.Encode()), Path: "/staff", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: 60})
	}
	return f.afterStep(c, e.VacancyID, "sl-"+e.CandidateID, err, "fw.iv_booked")
}

// keptInterviewForm returns the booking form a refusal kept for entry
// (nil: none), and forgets it.
func keptInterviewForm(c echo.Context, entryID string) map[string]string {
	ck, err := c.Cookie("jm_ivform")
	if err != nil {
		return nil
	}
	raw, _ := url.QueryUnescape(ck.Value)
	vs, err := url.ParseQuery(raw)
	if err != nil || vs.Get("entry") != entryID {
		return nil
	}
	c.SetCookie(&http.Cookie{Name: "jm_ivform", Path: "/staff", MaxAge: -1})
	out := map[string]string{}
	for k := range vs {
		out[k] = vs.Get(k)
	}
	return out
}

// interviewChange moves an interview (action=move, a new day and times) or
// cancels it (action=cancel); the invitations go out again either way.
func (f *Frontend) interviewChange(c echo.Context) error {
	v, e, err := f.shortlistForm(c)
	if err != nil {
		return err
	}
	ctx := c.Request().Context()
	in := screening.InterviewChange{}
	msg := "fw.iv_moved"
	if v["action"] == "cancel" {
		in.Status, msg = "cancelled", "fw.iv_cancelled_done"
	} else {
		in.Start, in.End = localTime(v["date"], v["from"]), localTime(v["date"], v["to"])
	}
	iv, err := f.cfg.Screening.ChangeInterview(ctx, web.CurrentUser(c), e.ID, c.Param("id"), in)
	if err == nil && in.Status == "" {
		if odd := oddTime(web.Lang(c), iv.Start, iv.End); odd != "" {
			return f.afterStep(c, e.VacancyID, "sl-"+e.CandidateID, nil, "fw.iv_moved_odd", odd)
		}
	}
	return f.afterStep(c, e.VacancyID, "sl-"+e.CandidateID, err, msg)
}

// oddTime says what is odd about an interview's time in Copenhagen, "" when
// nothing is: a Saturday or a Sunday, or a time outside 7–20. Such a time
// may be agreed (a shop's Saturday, a night shift's employer), so it is
// booked, but the consultant is told (an interview at 23.30 went out
// unnoticed).
func oddTime(lang i18n.Lang, start, end time.Time) string {
	s, e := start.In(jobmatch.Copenhagen), end.In(jobmatch.Copenhagen)
	switch {
	case s.Weekday() == time.Saturday:
		return i18n.T(lang, "fw.iv_saturday")
	case s.Weekday() == time.Sunday:
		return i18n.T(lang, "fw.iv_sunday")
	case s.Hour() < 7 || e.Hour() > 20 || e.Hour() == 20 && e.Minute() > 0:
		return i18n.T(lang, "fw.iv_hours", i18n.TimeSpan(lang, s, e))
	}
	return ""
}

func init() {
	i18n.Register(map[string][2]string{
		"fw.iv_propose":        {"Book samtale", "Book an interview"},
		"fw.iv_date":           {"Dato", "Date"},
		"fw.iv_from":           {"Fra", "From"},
		"fw.iv_to":             {"Til", "To"},
		"fw.iv_mode":           {"Hvor", "Where"},
		"fw.iv_place":          {"Adresse", "Address"},
		"fw.iv_url":            {"Link til onlinemøde", "Link to the online meeting"},
		"fw.iv_invite":         {"Inviter også", "Also invite"},
		"fw.iv_citizen":        {"borgeren", "the citizen"},
		"fw.iv_employer":       {"arbejdsgiveren", "the employer"},
		"fw.iv_book":           {"Send invitation", "Send invitation"},
		"fw.iv_booked":         {"Samtalen er booket, og invitationerne er sendt med kalenderfil.", "The interview is booked and the invitations went out with a calendar file."},
		"fw.iv_change":         {"Flyt eller aflys", "Move or cancel"},
		"fw.iv_move":           {"Flyt", "Move"},
		"fw.iv_cancel":         {"Aflys samtalen", "Cancel the interview"},
		"fw.iv_booked_odd":     {"Samtalen er booket, og invitationerne er sendt med kalenderfil. Bemærk: den ligger %s – ret den, hvis det ikke er aftalt.", "The interview is booked and the invitations went out with a calendar file. Note: it is %s – change it unless that was agreed."},
		"fw.iv_moved_odd":      {"Samtalen er flyttet, og alle har fået den nye tid. Bemærk: den ligger %s – ret den, hvis det ikke er aftalt.", "The interview was moved and everyone got the new time. Note: it is %s – change it unless that was agreed."},
		"fw.iv_saturday":       {"en lørdag", "on a Saturday"},
		"fw.iv_sunday":         {"en søndag", "on a Sunday"},
		"fw.iv_hours":          {"uden for 7–20 (%s)", "outside 7:00–20:00 (%s)"},
		"fw.iv_moved":          {"Samtalen er flyttet, og alle har fået den nye tid.", "The interview was moved and everyone got the new time."},
		"fw.iv_cancelled_done": {"Samtalen er aflyst, og alle har fået besked.", "The interview was cancelled and everyone was told."},
		"fw.iv_cancelled":      {"aflyst", "cancelled"},
	})
}
