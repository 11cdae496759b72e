package calendar

import (
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"jobmatch"
)

// Event is one meeting as an RFC 5545 VEVENT. Times are written in
// Europe/Copenhagen local time with a VTIMEZONE, so a calendar shows the
// right hour across the summer-time change.
type Event struct {
	UID         string
	Sequence    int
	Stamp       time.Time // DTSTAMP: when this version was made
	Start, End  time.Time
	Summary     string
	Description string
	Location    string
	URL         string
	Organizer   Person
	Attendees   []Person
	Cancelled   bool
}

// Person is an organizer or attendee.
type Person struct {
	Name  string
	Email string
}

// ICS writes a calendar object with one event: METHOD:REQUEST for an
// invitation or a change (a higher Sequence), METHOD:CANCEL with
// STATUS:CANCELLED when cancelled. Lines end in CRLF and are folded at 75
// octets (RFC 5545 3.1).
func ICS(e Event) []byte {
	var w icsWriter
	method := "REQUEST"
	if e.Cancelled {
		method = "CANCEL"
	}
	w.line("BEGIN:VCALENDAR")
	w.line("VERSION:2.0")
	w.line("PRODID:-//jobmatch//jobcentre interviews//DA")
	w.line("CALSCALE:GREGORIAN")
	w.line("METHOD:" + method)
	w.timezone()
	w.line("BEGIN:VEVENT")
	w.line("UID:" + e.UID)
	w.line("SEQUENCE:" + strconv.Itoa(e.Sequence))
	w.line("DTSTAMP:" + e.Stamp.UTC().Format("20060102T150405Z"))
	w.line("DTSTART;TZID=Europe/Copenhagen:" + local(e.Start))
	w.line("DTEND;TZID=Europe/Copenhagen:" + local(e.End))
	w.line("SUMMARY:" + Escape(e.Summary))
	if e.Description != "" {
		w.line("DESCRIPTION:" + Escape(e.Description))
	}
	if e.Location != "" {
		w.line("LOCATION:" + Escape(e.Location))
	}
	if e.URL != "" {
		w.line("URL:" + strings.NewReplacer("\r", "", "\n", "").Replace(e.URL)) // a URI value: no escapes, never a line break
	}
	if e.Organizer.Email != "" {
		w.line("ORGANIZER" + cn(e.Organizer.Name) + ":mailto:" + e.Organizer.Email)
	}
	for _, a := range e.Attendees {
		w.line("ATTENDEE" + cn(a.Name) + ";ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;RSVP=TRUE:mailto:" + a.Email)
	}
	if e.Cancelled {
		w.line("STATUS:CANCELLED")
	} else {
		w.line("STATUS:CONFIRMED")
	}
	w.line("END:VEVENT")
	w.line("END:VCALENDAR")
	return []byte(w.b.String())
}

func local(t time.Time) string { return t.In(jobmatch.Copenhagen).Format("20060102T150405") }

func cn(name string) string {
	if name == "" {
		return ""
	}
	return `;CN="` + strings.NewReplacer(`"`, "'", "\r", "", "\n", " ").Replace(name) + `"`
}

// Escape escapes a TEXT value (RFC 5545 3.3.11).
func Escape(s string) string {
	return strings.NewReplacer(`\`, `\\`, ";", `\;`, ",", `\,`, "\r\n", `\n`, "\n", `\n`, "\r", `\n`).Replace(s)
}

type icsWriter struct{ b strings.Builder }

// line writes a content line folded at 75 octets, never inside a UTF-8
// character: the continuation lines start with one space.
func (w *icsWriter) line(s string) {
	limit := 75
	for len(s) > limit {
		cut := limit
		for cut > 0 && !utf8.RuneStart(s[cut]) {
			cut--
		}
		w.b.WriteString(s[:cut])
		w.b.WriteString("\r\n ")
		s = s[cut:]
		limit = 74 // the leading space counts
	}
	w.b.WriteString(s)
	w.b.WriteString("\r\n")
}

// timezone writes Europe/Copenhagen: CET in winter, CEST from the last
// Sunday of March to the last Sunday of October.
func (w *icsWriter) timezone() {
	for _, l := range []string{
		"BEGIN:VTIMEZONE",
		"TZID:Europe/Copenhagen",
		"BEGIN:DAYLIGHT",
		"TZOFFSETFROM:+0100",
		"TZOFFSETTO:+0200",
		"TZNAME:CEST",
		"DTSTART:19700329T020000",
		"RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
		"END:DAYLIGHT",
		"BEGIN:STANDARD",
		"TZOFFSETFROM:+0200",
		"TZOFFSETTO:+0100",
		"TZNAME:CET",
		"DTSTART:19701025T030000",
		"RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
		"END:STANDARD",
		"END:VTIMEZONE",
	} {
		w.line(l)
	}
}

// Unfold undoes line folding and splits a calendar object into its content
// lines (for tests and readers).
func Unfold(ics string) []string {
	s := strings.ReplaceAll(ics, "\r\n ", "")
	s = strings.ReplaceAll(s, "\r\n\t", "")
	lines := strings.Split(strings.TrimSuffix(s, "\r\n"), "\r\n")
	return lines
}
