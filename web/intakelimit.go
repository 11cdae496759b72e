package web

import (
	"crypto/sha256"
	"encoding/json"
	"net/http"
	"net/netip"
	"strconv"
	"strings"
	"sync"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/i18n"
)

// The anonymous public entry (the form and the JSON API) files a request,
// a line in a consultant's worklist, a count in the management figures and
// a receipt mail per submission. The request rate limit (PublicRateLimit)
// alone let one client file five a second: 35 made-up requests under one
// CVR number, each with a receipt to a made-up address, in a minute. So an
// anonymous submission also has a budget per client address and per CVR
// number an hour, and the same texts for the same CVR number the same day
// are answered with the earlier receipt, not filed again.
//
// The limits are kept in this process's memory: nothing is written on the
// intake's path, and with replicas each keeps its own, so the bound is
// theirs together (a few times the setting), which is enough to keep a
// worklist readable. Staff who are signed in are not limited.

// ErrIntakeLimitedAddress answers an anonymous submission from a client
// address past its submissions for the hour (429, Retry-After).
var ErrIntakeLimitedAddress = &echo.HTTPError{Code: http.StatusTooManyRequests, Message: "intake_limited_address"}

// ErrIntakeLimitedCVR answers an anonymous submission for a CVR number past
// its new requests for the hour (429, Retry-After).
var ErrIntakeLimitedCVR = &echo.HTTPError{Code: http.StatusTooManyRequests, Message: "intake_limited_cvr"}

func init() {
	i18n.Register(map[string][2]string{
		"p.intake_limited_address": {
			"Vi har modtaget mange henvendelser fra dit netværk inden for den seneste time, så vi kan ikke tage imod flere lige nu. Din henvendelse er ikke sendt. Prøv igen senere, eller ring til jobcentret, hvis det haster.",
			"We have received many requests from your network within the last hour and cannot take more right now. Your request has not been sent. Please try again later, or call the jobcentre if it is urgent.",
		},
		"p.intake_limited_cvr": {
			"Vi har modtaget mange henvendelser for dette CVR-nummer inden for den seneste time, så vi kan ikke tage imod flere lige nu. Din henvendelse er ikke sendt. Prøv igen senere, eller ring til jobcentret eller jeres kontaktperson, hvis det haster.",
			"We have received many requests for this CVR number within the last hour and cannot take more right now. Your request has not been sent. Please try again later, or call the jobcentre or your contact person if it is urgent.",
		},
	})
}

// intakeWindow is the span of the budgets per address and per CVR number.
const intakeWindow = time.Hour

// intakeLimits counts the anonymous submissions of the last hour per
// client address and per CVR number, and remembers the receipts of the
// day's submissions by their texts.
type intakeLimits struct {
	perAddr, perCVR int // <0: no limit
	// repeats: the same texts are answered with the first receipt.
	repeats bool
	now     func() time.Time

	mu sync.Mutex
	// at holds the times of the last hour's submissions per key
	// ("addr:…", "cvr:…"), oldest first.
	at map[string][]time.Time
	// day is the Copenhagen day the receipts are of.
	day      string
	receipts map[[16]byte]sentReceipt
}

// sentReceipt is the receipt of a submission and who sent it.
type sentReceipt struct {
	receipt jobmatch.Receipt
	sender  [16]byte
	// key is the submission's idempotency key as scoped to its sender
	// ("" without one): a retry under it is that sender's.
	key string
}

func newIntakeLimits(perAddr, perCVR int, repeats bool, now func() time.Time) *intakeLimits {
	return &intakeLimits{perAddr: perAddr, perCVR: perCVR, repeats: repeats, now: now, at: map[string][]time.Time{}, receipts: map[[16]byte]sentReceipt{}}
}

// IntakeClaim is an anonymous submission's place in the budgets, taken up
// front (so parallel submissions cannot slip past): Filed keeps it and
// remembers the receipt, Release gives it back when nothing was filed. A
// signed-in user's claim does nothing.
type IntakeClaim struct {
	l         *intakeLimits
	keys      []string
	at        time.Time
	content   [16]byte
	sender    [16]byte
	key       string
	day       string
	anonymous bool
}

// IntakeSubmission describes an anonymous submission to ClaimIntake.
type IntakeSubmission struct {
	// Kind is "vacancy" or "request".
	Kind string
	// CVR is the company's CVR number as given.
	CVR string
	// Texts is what the company wrote, without who wrote it (the input
	// with its contact person left out): the same texts for the same CVR
	// number the same day are one submission.
	Texts any
	// Sender is the contact person's e-mail address and phone number:
	// the earlier receipt's private link is shown to the same sender only.
	Email, Phone string
	// Key is the submission's idempotency key scoped to whoever sent it
	// (the API's header as web.IdempotencyKey scopes it, the form's _idem
	// with its session): a retry under the same key by the same sender is
	// the same sender's, and gets the receipt whole, its link too.
	Key string
}

// ClaimIntake takes an anonymous submission's place in the budgets. When
// the same texts came for the same CVR number earlier today, it returns
// that receipt instead (nothing is to be filed, and no receipt mailed
// again), without its private link, since texts of a posted vacancy are
// public, unless it is a retry of the same sender under the same
// idempotency key (a timeout retried, a double click). Past a budget it answers 429 with
// Retry-After (ErrIntakeLimitedAddress, ErrIntakeLimitedCVR). Signed-in
// staff are not limited: their claim does nothing.
func (s *Server) ClaimIntake(c echo.Context, sub IntakeSubmission) (*IntakeClaim, *jobmatch.Receipt, error) {
	if CurrentUser(c) != nil {
		return &IntakeClaim{}, nil, nil
	}
	l := s.intake
	now := l.now()
	cvr := jobmatch.NormalizeCVR(sub.CVR)
	texts, _ := json.Marshal(sub.Texts)
	cl := &IntakeClaim{l: l, at: now, anonymous: true, day: now.In(jobmatch.Copenhagen).Format(time.DateOnly),
		content: digest(sub.Kind, cvr, string(texts)), key: sub.Key,
		sender: digest(jobmatch.NormalizeEmail(sub.Email), digits(sub.Phone))}

	l.mu.Lock()
	defer l.mu.Unlock()
	if l.day != cl.day {
		l.day, l.receipts = cl.day, map[[16]byte]sentReceipt{}
	}
	if old, ok := l.receipts[cl.content]; ok && l.repeats {
		if cl.key != "" && old.key == cl.key && old.sender == cl.sender {
			// The same sender's retry (the answer lost on the way, the
			// button clicked twice): the key, scoped to the sender's
			// address or session, is what the texts are not. Its
			// receipt, link and all, as the idempotency store would
			// answer it (a retry answered without the link left the
			// sender no way to follow what they sent).
			rc := old.receipt
			return nil, &rc, nil
		}
		// Else not the private link again: the link went to the first
		// sender, and a posted vacancy's texts are public, its contact's
		// e-mail and phone often in them too (the same texts with the
		// contact's address and number handed anyone the page of the
		// presented candidates and the employer's answers). A sender who
		// lost it asks their contact person.
		rc := old.receipt
		rc.StatusURL = ""
		if old.sender != cl.sender {
			rc.ReceiptMailed = false // no receipt went to this one
		}
		return nil, &rc, nil
	}
	for _, b := range []struct {
		key   string
		limit int
		err   error
	}{{"addr:" + clientNet(c.RealIP()), l.perAddr, ErrIntakeLimitedAddress}, {"cvr:" + cvr, l.perCVR, ErrIntakeLimitedCVR}} {
		if b.limit < 0 {
			continue
		}
		times := l.recent(b.key, now)
		if len(times) >= b.limit {
			wait := times[len(times)-b.limit].Add(intakeWindow).Sub(now)
			c.Response().Header().Set("Retry-After", strconv.Itoa(int((wait+time.Second-1)/time.Second)))
			return nil, nil, b.err
		}
		cl.keys = append(cl.keys, b.key)
	}
	if len(l.at) > 100_000 {
		// Forget the keys whose hour has passed.
		for k := range l.at {
			l.recent(k, now)
		}
	}
	for _, k := range cl.keys {
		l.at[k] = append(l.at[k], now)
	}
	return cl, nil, nil
}

// recent drops the times of key older than the window and returns the
// rest; it forgets a key with none left. The caller holds l.mu.
func (l *intakeLimits) recent(key string, now time.Time) []time.Time {
	times := l.at[key]
	i := 0
	for i < len(times) && !times[i].After(now.Add(-intakeWindow)) {
		i++
	}
	times = times[i:]
	if len(times) == 0 {
		delete(l.at, key)
	} else {
		l.at[key] = times
	}
	return times
}

// Filed keeps the claim and remembers rc as the answer to the same texts
// for the rest of the day.
func (cl *IntakeClaim) Filed(rc *jobmatch.Receipt) {
	if !cl.anonymous || rc == nil {
		return
	}
	l := cl.l
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.day == cl.day {
		if len(l.receipts) > 100_000 {
			l.receipts = map[[16]byte]sentReceipt{}
		}
		l.receipts[cl.content] = sentReceipt{receipt: *rc, sender: cl.sender, key: cl.key}
	}
}

// Release gives the claim back: nothing was filed (the input was invalid,
// or the service failed).
func (cl *IntakeClaim) Release() {
	if !cl.anonymous {
		return
	}
	l := cl.l
	l.mu.Lock()
	defer l.mu.Unlock()
	for _, k := range cl.keys {
		times := l.at[k]
		for i := len(times) - 1; i >= 0; i-- {
			if times[i].Equal(cl.at) {
				l.at[k] = append(times[:i:i], times[i+1:]...)
				break
			}
		}
		if len(l.at[k]) == 0 {
			delete(l.at, k)
		}
	}
	cl.keys = nil
}

// clientNet is the budget's key of a client address: an IPv6 address by
// its /64, which one household or office is given whole.
func clientNet(ip string) string {
	a, err := netip.ParseAddr(ip)
	if err != nil || a.Is4() || a.Is4In6() {
		return ip
	}
	p, _ := a.Prefix(64)
	return p.String()
}

func digest(parts ...string) [16]byte {
	sum := sha256.Sum256([]byte(strings.Join(parts, "\x00")))
	var k [16]byte
	copy(k[:], sum[:])
	return k
}

func digits(s string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, s)
}
