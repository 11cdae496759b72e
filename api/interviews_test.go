package api_test

import (
	"context"
	"net/http"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"jobmatch"
	"jobmatch/calendar"
	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// icsFields unfolds a calendar object and checks its form: CRLF line ends,
// physical lines of at most 75 octets, valid UTF-8 on each.
func icsFields(t *testing.T, ics string) []string {
	t.Helper()
	if strings.Contains(strings.ReplaceAll(ics, "\r\n", ""), "\n") || !strings.HasSuffix(ics, "\r\n") {
		t.Fatalf("not CRLF line ends: %q", ics)
	}
	for _, l := range strings.Split(strings.TrimSuffix(ics, "\r\n"), "\r\n") {
		if len(l) > 75 || !utf8.ValidString(l) {
			t.Fatalf("physical line of %d octets (or split UTF-8): %q", len(l), l)
		}
	}
	return calendar.Unfold(ics)
}

func field(lines []string, name string) (string, bool) {
	for _, l := range lines {
		if k, v, ok := strings.Cut(l, ":"); ok && (k == name || strings.HasPrefix(k, name+";")) {
			return v, true
		}
	}
	return "", false
}

func fields(lines []string, name string) []string {
	var out []string
	for _, l := range lines {
		if k, _, ok := strings.Cut(l, ":"); ok && (k == name || strings.HasPrefix(k, name+";")) {
			out = append(out, l)
		}
	}
	return out
}

// TestInterviewInvitations books an interview for a shortlisted citizen,
// moves it and cancels it, checking the .ics of each version field by
// field; the employer is invited only after presenting and never sees the
// citizen's address.
func TestInterviewInvitations(t *testing.T) {
	_, router := loadSpec(t)
	clk := newClock()
	env := startWithClock(t, clk)
	ck := &checker{t: t, env: env, router: router}
	ctx := context.Background()
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	vid, _, es := preScreenVacancy(t, env, k, demo.CVR(83), cv("IV-1", "Tømrer", map[string]any{"name": "Ida Interview", "email": "ida@example.dk"}))
	entryID := es[0].ID

	day := clk.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	at := func(h, m int) time.Time {
		return time.Date(day.Year(), day.Month(), day.Day(), h, m, 0, 0, jobmatch.Copenhagen)
	}
	place := "Jobcenter Sønderborg, Rådhustorvet 10; 2. sal — spørg efter Karen i receptionen ved indgangen fra Østergade"
	base := map[string]any{"start": at(10, 0).Format(time.RFC3339), "end": at(11, 0).Format(time.RFC3339), "mode": "jobcentre", "place": place, "invite": []string{"citizen"}}
	with := func(kv ...any) map[string]any {
		m := map[string]any{}
		for k, v := range base {
			m[k] = v
		}
		for i := 0; i+1 < len(kv); i += 2 {
			m[kv[i].(string)] = kv[i+1]
		}
		return m
	}
	path := "/api/v1/shortlist/" + entryID + "/interviews"
	ck.do(k, "POST", path, with("end", at(9, 0).Format(time.RFC3339)), 422)
	ck.do(k, "POST", path, with("start", "tirsdag kl. 10"), 422)
	// A time gone by today is a time, not a date, in the past.
	// It ends a minute later, on the same day after 23.00 too (an hour
	// later was the next day then, refused as iv_same_day first).
	past := time.Now().Add(-time.Minute).Truncate(time.Minute)
	if b := string(ck.do(k, "POST", path, with("start", past.Format(time.RFC3339), "end", past.Add(time.Minute).Format(time.RFC3339)), 422).Body); !strings.Contains(b, "Tidspunktet er allerede gået") {
		t.Errorf("a start gone by: %s", b)
	}
	ck.do(k, "POST", path, with("mode", "online", "url", "http://example.dk/møde"), 422)
	// A link is checked in every mode: a line break in it would add lines
	// (ATTENDEE, ORGANIZER) to the calendar file mailed to the citizen.
	ck.do(k, "POST", path, with("url", "https://x.dk/\r\nATTENDEE;CN=Evil:mailto:evil@example.org"), 422)
	ck.do(k, "POST", path, with("invite", []string{"citizen", "employer"}), 409) // not presented yet
	ck.do(env.Login("hotline@demo.local"), "POST", path, base, 403)

	var iv jobmatch.InterviewInvite
	_ = jsonDecode(ck.do(k, "POST", path, base, 201).Body, &iv)
	if iv.ID == "" || iv.UID != iv.ID+"@jobmatch" || iv.Sequence != 0 || strings.Join(iv.Sent, ",") != "consultant,citizen" {
		t.Fatalf("interview: %+v", iv)
	}
	res := k.Do("GET", path+"/"+iv.ID+".ics", nil, nil)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/calendar") {
		t.Fatalf(".ics: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	lines := icsFields(t, string(res.Body))
	want := map[string]string{
		"BEGIN":    "VCALENDAR",
		"VERSION":  "2.0",
		"METHOD":   "REQUEST",
		"UID":      iv.UID,
		"SEQUENCE": "0",
		"DTEND":    at(11, 0).Format("20060102T150405"),
		"SUMMARY":  "Første samtale: Tømrer",
		"LOCATION": `Jobcenter Sønderborg\, Rådhustorvet 10\; 2. sal — spørg efter Karen i receptionen ved indgangen fra Østergade`,
		"STATUS":   "CONFIRMED",
		"TZID":     "Europe/Copenhagen",
	}
	for name, v := range want {
		if got, ok := field(lines, name); !ok || got != v {
			t.Errorf("%s = %q, want %q", name, got, v)
		}
	}
	if got := fields(lines, "DTSTART"); len(got) != 3 || got[2] != "DTSTART;TZID=Europe/Copenhagen:"+at(10, 0).Format("20060102T150405") {
		t.Errorf("DTSTART lines (two in the VTIMEZONE, one in the event): %v", got)
	}
	for _, w := range []string{"BEGIN:VTIMEZONE", "BEGIN:DAYLIGHT", "TZOFFSETTO:+0200", "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU", "BEGIN:STANDARD", "TZOFFSETTO:+0100",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU", "END:VTIMEZONE", "BEGIN:VEVENT", "END:VEVENT", "END:VCALENDAR"} {
		if !contains(lines, w) {
			t.Errorf("no %s", w)
		}
	}
	if st, _ := field(lines, "DTSTAMP"); len(st) != 16 || !strings.HasSuffix(st, "Z") {
		t.Errorf("DTSTAMP %q", st)
	}
	if org := fields(lines, "ORGANIZER"); len(org) != 1 || !strings.HasSuffix(org[0], ":mailto:konsulent@demo.local") {
		t.Errorf("ORGANIZER %v", org)
	}
	if att := fields(lines, "ATTENDEE"); len(att) != 1 || !strings.HasSuffix(att[0], ":mailto:ida@example.dk") || !strings.Contains(att[0], `CN="Ida Interview"`) {
		t.Errorf("ATTENDEE %v", att)
	}
	if strings.Count(string(res.Body), "\r\n ") == 0 {
		t.Error("the long location was not folded")
	}

	box := outboxOf(t, admin)
	inv := mailsOf(box, "interview_invite")
	if len(inv) != 2 {
		t.Fatalf("invitations: %+v", inv)
	}
	// The time as Danish writes it ("kl. 09.00", not "09:00").
	if subj := inv[0].Subject; !strings.Contains(subj, " kl. ") || strings.Contains(subj, ":") && !strings.Contains(subj, "Invitation:") || strings.Count(subj, ":") > 1 {
		t.Fatalf("the invitation's subject: %q", subj)
	}
	for _, m := range inv {
		if len(m.Attachments) != 1 || m.Attachments[0].ContentType != "text/calendar; charset=utf-8; method=REQUEST" {
			t.Fatalf("attachment of %s: %+v", m.To, m.Attachments)
		}
		l := icsFields(t, m.Attachments[0].Content)
		if uid, _ := field(l, "UID"); uid != iv.UID {
			t.Fatalf("UID in %s's copy: %s", m.To, uid)
		}
		if m.To == "ida@example.dk" && len(fields(l, "ATTENDEE")) != 1 {
			t.Fatalf("citizen's copy: %v", fields(l, "ATTENDEE"))
		}
	}

	// Moved: the same UID, a higher SEQUENCE, the new time.
	var moved jobmatch.InterviewInvite
	_ = jsonDecode(ck.do(k, "PATCH", path+"/"+iv.ID, map[string]any{"start": at(13, 0).Format(time.RFC3339), "end": at(14, 30).Format(time.RFC3339)}, 200).Body, &moved)
	if moved.UID != iv.UID || moved.Sequence != 1 {
		t.Fatalf("moved: %+v", moved)
	}
	lines = icsFields(t, string(k.Do("GET", path+"/"+iv.ID+".ics", nil, nil).Body))
	for name, v := range map[string]string{"UID": iv.UID, "SEQUENCE": "1", "METHOD": "REQUEST", "DTEND": at(14, 30).Format("20060102T150405")} {
		if got, _ := field(lines, name); got != v {
			t.Errorf("after the move %s = %q, want %q", name, got, v)
		}
	}
	if got := fields(lines, "DTSTART"); got[2] != "DTSTART;TZID=Europe/Copenhagen:"+at(13, 0).Format("20060102T150405") {
		t.Errorf("moved DTSTART %v", got)
	}
	if up := mailsOf(outboxOf(t, admin), "interview_update"); len(up) != 2 {
		t.Fatalf("updates: %d", len(up))
	}

	// After presenting, a job interview with the employer, online.
	k.Do("POST", "/api/v1/candidates/"+es[0].CandidateID+"/consents", map[string]any{"vacancy_id": vid, "channel": "meeting"}, nil)
	for _, to := range []string{"contacted", "interested"} {
		e, _ := env.Sys.Screening.Entry(ctx, entryID)
		k.Do("POST", "/api/v1/shortlist/"+entryID+"/transitions", map[string]any{"to": to, "version": e.Version}, nil)
	}
	e, _ := env.Sys.Screening.Entry(ctx, entryID)
	k.Do("POST", "/api/v1/shortlist/"+entryID+"/transitions", map[string]any{"to": "interviewed", "version": e.Version,
		"interview": map[string]any{"date": "2026-03-03", "by": "Karen", "assessment": "Passer til kravene."}}, nil)
	e, _ = env.Sys.Screening.Entry(ctx, entryID)
	if res := k.Do("POST", "/api/v1/shortlist/"+entryID+"/transitions", map[string]any{"to": "presented", "version": e.Version}, nil); res.StatusCode != 200 {
		t.Fatalf("present: %s", res.Body)
	}
	var job jobmatch.InterviewInvite
	_ = jsonDecode(ck.do(k, "POST", path, with("mode", "online", "url", "https://meet.example.dk/abc", "place", "", "invite", []string{"citizen", "employer"},
		"start", at(15, 0).Format(time.RFC3339), "end", at(15, 45).Format(time.RFC3339)), 201).Body, &job)
	if strings.Join(job.Sent, ",") != "consultant,citizen,employer" {
		t.Fatalf("job interview sent to %v", job.Sent)
	}
	for _, m := range mailsOf(outboxOf(t, admin), "interview_invite") {
		if m.To == "ole@als-toemrer.dk" {
			ics := m.Attachments[0].Content
			l := icsFields(t, ics)
			if strings.Contains(ics, "ida@example.dk") || strings.Contains(ics, "Ida Interview") {
				t.Fatalf("the employer's copy names the citizen: %s", ics)
			}
			// The employer knows the candidate as their page numbers them.
			if s, _ := field(l, "SUMMARY"); s != "Jobsamtale: Tømrer – Kandidat 1" || !strings.Contains(m.Body, "Jobsamtale med Kandidat 1 om stillingen Tømrer") {
				t.Fatalf("employer's SUMMARY %q", s)
			}
			if u, _ := field(l, "URL"); u != "https://meet.example.dk/abc" {
				t.Fatalf("URL %q", u)
			}
		}
	}

	// Cancelled: METHOD:CANCEL with a higher SEQUENCE, once.
	var cancelled jobmatch.InterviewInvite
	_ = jsonDecode(ck.do(k, "PATCH", path+"/"+iv.ID, map[string]any{"status": "cancelled"}, 200).Body, &cancelled)
	ck.do(k, "PATCH", path+"/"+iv.ID, map[string]any{"status": "cancelled"}, 409)
	lines = icsFields(t, string(k.Do("GET", path+"/"+iv.ID+".ics", nil, nil).Body))
	for name, v := range map[string]string{"UID": iv.UID, "SEQUENCE": "2", "METHOD": "CANCEL", "STATUS": "CANCELLED"} {
		if got, _ := field(lines, name); got != v {
			t.Errorf("after cancelling %s = %q, want %q", name, got, v)
		}
	}
	cm := mailsOf(outboxOf(t, admin), "interview_cancel")
	if len(cm) != 2 || cm[0].Attachments[0].ContentType != "text/calendar; charset=utf-8; method=CANCEL" {
		t.Fatalf("cancellations: %+v", cm)
	}

	// The worklist and the entry show what is coming.
	var wl struct {
		Interviews []struct {
			ID, Name, Mode string
		}
	}
	k.Do("GET", "/api/v1/worklist", nil, &wl)
	if len(wl.Interviews) != 1 || wl.Interviews[0].ID != job.ID || wl.Interviews[0].Name != "Ida Interview" {
		t.Fatalf("worklist: %+v", wl)
	}
	var list struct{ Items []jobmatch.InterviewInvite }
	ck.do(k, "GET", path, nil, 200)
	k.Do("GET", path, nil, &list)
	if len(list.Items) != 2 || list.Items[0].Status != "cancelled" || list.Items[1].ID != job.ID {
		t.Fatalf("entry's interviews: %+v", list.Items)
	}
	ck.do(k, "GET", path+"/"+job.ID, nil, 200)
	ck.do(k, "GET", path+"/nope", nil, 404)

	// The pages: the worklist and the vacancy's shortlist entry.
	if res := k.Do("GET", "/staff", nil, nil, "Accept", "text/html"); res.StatusCode != 200 || !strings.Contains(string(res.Body), "interviews-list") || !strings.Contains(string(res.Body), job.ID+".ics") {
		t.Fatalf("worklist page: %d", res.StatusCode)
	}
	if res := k.Do("GET", "/staff/vacancies/"+vid, nil, nil, "Accept", "text/html"); res.StatusCode != 200 || !strings.Contains(string(res.Body), "entry-interviews") {
		t.Fatalf("vacancy page: %d", res.StatusCode)
	}
}

func contains(lines []string, s string) bool {
	for _, l := range lines {
		if l == s {
			return true
		}
	}
	return false
}

// TestWithdrawnCancelsTheComingInterview: a candidate withdrawn while an
// interview was still to come kept it, and everyone invited kept the
// calendar invitation; the move now cancels it and tells them.
func TestWithdrawnCancelsTheComingInterview(t *testing.T) {
	env := systemtest.Start(t)
	ctx := context.Background()
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	_, _, es := preScreenVacancy(t, env, k, demo.CVR(82), cv("IV-2", "Tømrer", map[string]any{"name": "Ib Interview", "email": "ib@example.dk"}))
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, jobmatch.Copenhagen)
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", "/api/v1/shortlist/"+es[0].ID+"/interviews", map[string]any{"start": start.Format(time.RFC3339), "end": start.Add(time.Hour).Format(time.RFC3339),
		"mode": "jobcentre", "place": "Jobcentret", "invite": []string{"citizen"}}, &iv); res.StatusCode != http.StatusCreated {
		t.Fatalf("interview: %d %s", res.StatusCode, res.Body)
	}
	e, _ := env.Sys.Screening.Entry(ctx, es[0].ID)
	if res := k.Do("POST", "/api/v1/shortlist/"+e.ID+"/transitions", map[string]any{"to": "withdrawn", "version": e.Version, "note": "Har fået andet arbejde"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("withdraw: %d %s", res.StatusCode, res.Body)
	}
	var got jobmatch.InterviewInvite
	k.Do("GET", "/api/v1/shortlist/"+e.ID+"/interviews/"+iv.ID, nil, &got)
	if got.Status != "cancelled" {
		t.Fatalf("the interview after the withdrawal: %q", got.Status)
	}
	var box struct{ Items []struct{ To, Body string } }
	admin.Do("GET", "/api/v1/outbox", nil, &box)
	if len(box.Items) == 0 || box.Items[0].To != "ib@example.dk" || !strings.Contains(box.Items[0].Body, "Aflyst: samtale") {
		t.Errorf("the citizen is not told the interview is cancelled: %+v", box.Items[:min(len(box.Items), 1)])
	}
}

// TestInterviewChangeSaysWhatChanged: a place given to an online interview
// mailed everyone "Flyttet: samtale …" though the time was the same and
// the place is shown nowhere; a link was checked by its https:// alone, and
// `https://evil.example/"><script>` went into the mail and the .ics. Now
// the place is refused online, "Flyttet" means a new time, "Ændret" a new
// link or place, a change nobody sees sends nothing, and a link is stored
// as net/url writes it.
func TestInterviewChangeSaysWhatChanged(t *testing.T) {
	env := systemtest.Start(t)
	k, admin := env.Login("konsulent@demo.local"), env.Login("admin@demo.local")
	_, _, es := preScreenVacancy(t, env, k, demo.CVR(81), cv("IV-3", "Tømrer", map[string]any{"name": "Eva Online", "email": "eva@example.dk"}))
	path := "/api/v1/shortlist/" + es[0].ID + "/interviews"
	day := time.Now().In(jobmatch.Copenhagen).AddDate(0, 0, 10)
	start := time.Date(day.Year(), day.Month(), day.Day(), 10, 0, 0, 0, jobmatch.Copenhagen)
	span := func(h int) map[string]any {
		s := start.Add(time.Duration(h) * time.Hour)
		return map[string]any{"start": s.Format(time.RFC3339), "end": s.Add(time.Hour).Format(time.RFC3339)}
	}
	online := func(link string) map[string]any {
		m := span(0)
		m["mode"], m["url"], m["invite"] = "online", link, []string{"citizen"}
		return m
	}
	type problem struct {
		Errors []struct{ Field, Code, Message string } `json:"errors"`
	}
	refused := func(method, path string, body any, field, code string) {
		t.Helper()
		var p problem
		res := k.Do(method, path, body, nil)
		_ = jsonDecode(res.Body, &p)
		if res.StatusCode != http.StatusUnprocessableEntity || len(p.Errors) != 1 || p.Errors[0].Field != field || p.Errors[0].Code != code || p.Errors[0].Message == "" {
			t.Fatalf("%s %v: %d %s", method, body, res.StatusCode, res.Body)
		}
	}
	for link, code := range map[string]string{
		`https://evil.example/"><script>alert(1)</script>`: "link_chars",
		"https://meet.example.dk/a b":                      "link_chars",
		"https://meet.example.dk/a'b":                      "link_chars",
		"https://jobcenter.dk@evil.example/x":              "link_user",
		"https:///path":                                    "https_url",
		"javascript:alert(1)":                              "https_url",
	} {
		refused("POST", path, online(link), "url", code)
	}
	var iv jobmatch.InterviewInvite
	if res := k.Do("POST", path, online("https://Meet.example.dk/møde?id=7"), &iv); res.StatusCode != http.StatusCreated || iv.URL != "https://Meet.example.dk/m%C3%B8de?id=7" {
		t.Fatalf("propose: %d %s", res.StatusCode, res.Body)
	}
	updates := func() []outboxMail { return mailsOf(outboxOf(t, admin), "interview_update") }

	// A place online: refused, nothing mailed.
	refused("PATCH", path+"/"+iv.ID, map[string]any{"place": "Mødelokale 2"}, "place", "online_place")
	refused("PATCH", path+"/"+iv.ID, map[string]any{"url": `https://evil.example/"><script>`}, "url", "link_chars")
	// The notes, or the time as it was: nobody invited sees it.
	for _, body := range []map[string]any{{"notes": "Husk kopi af kørekort"}, span(0)} {
		var got jobmatch.InterviewInvite
		if res := k.Do("PATCH", path+"/"+iv.ID, body, &got); res.StatusCode != http.StatusOK {
			t.Fatalf("PATCH %v: %d %s", body, res.StatusCode, res.Body)
		}
	}
	if up := updates(); len(up) != 0 {
		t.Fatalf("mailed for a change nobody sees: %+v", up)
	}
	// A new link: "Ændret" with the link, to the consultant and the citizen.
	var got jobmatch.InterviewInvite
	k.Do("PATCH", path+"/"+iv.ID, map[string]any{"url": "https://meet.example.dk/ny"}, &got)
	up := updates()
	if got.URL != "https://meet.example.dk/ny" || len(up) != 2 {
		t.Fatalf("new link: %+v, mails %+v", got, up)
	}
	for _, m := range up {
		if !strings.HasPrefix(m.Subject, "Ændret: samtale ") || !strings.Contains(m.Body, "https://meet.example.dk/ny") {
			t.Fatalf("the mail about the new link: %q %q", m.Subject, m.Body)
		}
	}
	// A new time: "Flyttet".
	k.Do("PATCH", path+"/"+iv.ID, span(2), &got)
	up = updates()
	moved := 0
	for _, m := range up {
		if strings.HasPrefix(m.Subject, "Flyttet: samtale ") {
			moved++
		}
	}
	if len(up) != 4 || moved != 2 {
		t.Fatalf("moved: %+v", up)
	}

	// In person, a new place is "Ændret" too.
	m := span(24)
	m["mode"], m["place"], m["invite"] = "jobcentre", "Jobcentret, lokale 1", []string{"citizen"}
	var inPerson jobmatch.InterviewInvite
	k.Do("POST", path, m, &inPerson)
	k.Do("PATCH", path+"/"+inPerson.ID, map[string]any{"place": "Jobcentret, lokale 4"}, &got)
	up = updates()
	if got.Place != "Jobcentret, lokale 4" || len(up) != 6 {
		t.Fatalf("new place: %+v, mails %d", got, len(up))
	}
	for _, m := range up {
		if strings.Contains(m.Body, "lokale 4") && !strings.HasPrefix(m.Subject, "Ændret: samtale ") {
			t.Fatalf("the mail about the new place: %q", m.Subject)
		}
	}
}
