package web

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
)

// Replies keeps the first answer to an API POST under its Idempotency-Key
// (store.Store).
type Replies interface {
	ClaimReply(ctx context.Context, key, hash string, at time.Time) error
	Reply(ctx context.Context, key string) (hash string, at time.Time, reply []byte, err error)
	TakeOverReply(ctx context.Context, key string, stale, now time.Time, grace time.Duration) (bool, error)
	SaveReply(ctx context.Context, key, hash string, at time.Time, reply []byte) error
	ForgetReply(ctx context.Context, key string) error
}

// ownReceipts are the POSTs that keep no reply here: the intake's
// receipts survive a killed process on their own (app/intake), a login's
// answer is a session token, and an import's file is too large to hash.
var ownReceipts = map[string]bool{
	"/api/v1/vacancies": true, "/api/v1/requests": true, "/api/v1/auth/login": true,
	"/api/v1/auth/logout": true, "/api/v1/candidates/import": true,
}

// maxReply is the largest answer kept; a larger one lets the key go.
const maxReply = 1 << 20

// replyInProgress answers a repeat while the first is at work, as the
// intake does.
var replyInProgress = &jobmatch.ConflictError{Code: "in_progress", Detail: "the first request with this Idempotency-Key is still being processed; retry shortly"}

// storedReply is the answer kept under a key.
type storedReply struct {
	Status      int    `json:"status"`
	ContentType string `json:"content_type,omitempty"`
	Location    string `json:"location,omitempty"`
	Body        []byte `json:"body,omitempty"`
}

// idempotent makes every API POST honour Idempotency-Key, as README says
// they do: a repeat with the same key, path and body gets the first answer
// (status, body, Location) and nothing is done again; the same key with
// another body is 422 on the key, and one while the first is at work 409
// in_progress, as the intake's paths answer. Only the vacancies and the
// requests did: a consultant's program that retried a timed-out POST
// booked two interviews and mailed the citizen two invitations, or logged
// a contact twice against the year's target. A unique insert claims the
// key (Replies), so two replicas never both run it; a failure lets it go.
func (s *Server) idempotent(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		r := c.Request()
		if s.cfg.Replies == nil || r.Method != http.MethodPost || !strings.HasPrefix(c.Path(), "/api/v1/") ||
			ownReceipts[c.Path()] || r.Header.Get("Idempotency-Key") == "" {
			return next(c)
		}
		key, err := IdempotencyKey(c)
		if err != nil {
			return err
		}
		body, err := io.ReadAll(r.Body)
		if err != nil {
			var he *echo.HTTPError
			if errors.As(err, &he) {
				return he
			}
			return JSONError(err)
		}
		r.Body = io.NopCloser(bytes.NewReader(body))
		sum := sha256.New()
		sum.Write([]byte(r.Method + " " + r.URL.Path + "\x00"))
		sum.Write(body)
		hash := hex.EncodeToString(sum.Sum(nil))
		ctx := r.Context()
		begun := s.cfg.Now().UTC().Truncate(time.Millisecond)
		if err := s.cfg.Replies.ClaimReply(ctx, key, hash, begun); err != nil {
			if !errors.Is(err, jobmatch.ErrConflict) {
				return err
			}
			oldHash, at, reply, err := s.cfg.Replies.Reply(ctx, key)
			switch {
			case errors.Is(err, jobmatch.ErrNotFound):
				return replyInProgress // the first just failed and let it go: try again
			case err != nil:
				return err
			case oldHash != hash:
				return jobmatch.Invalid("Idempotency-Key", "idempotency_reused", "")
			case reply == nil && s.cfg.Now().Sub(at) < 2*s.cfg.RequestTimeout:
				return replyInProgress
			case reply == nil:
				// The first died with its process: its key is
				// taken over (the request's timeout has long passed)
				// by one retry, a unique claim; another at the same
				// time is answered as while the first was at work.
				took, err := s.cfg.Replies.TakeOverReply(ctx, key, at, begun, 2*s.cfg.RequestTimeout)
				if err != nil {
					return err
				}
				if !took {
					return replyInProgress
				}
				if err := s.cfg.Replies.SaveReply(ctx, key, hash, begun, nil); err != nil {
					return err
				}
			default:
				var rep storedReply
				if err := json.Unmarshal(reply, &rep); err != nil {
					return err
				}
				h := c.Response().Header()
				if rep.Location != "" {
					h.Set(echo.HeaderLocation, rep.Location)
				}
				h.Set("Idempotent-Replayed", "true")
				return c.Blob(rep.Status, rep.ContentType, rep.Body)
			}
		}
		rec := &replyRecorder{ResponseWriter: c.Response().Writer}
		c.Response().Writer = rec
		err = next(c)
		c.Response().Writer = rec.ResponseWriter
		res := c.Response()
		bg := context.WithoutCancel(ctx)
		if err != nil || res.Status < 200 || res.Status >= 300 || rec.over {
			// Let the client retry under the same key after a failure.
			_ = s.cfg.Replies.ForgetReply(bg, key)
			return err
		}
		kept, _ := json.Marshal(storedReply{Status: res.Status, ContentType: res.Header().Get(echo.HeaderContentType),
			Location: res.Header().Get(echo.HeaderLocation), Body: rec.buf.Bytes()})
		if serr := s.cfg.Replies.SaveReply(bg, key, hash, begun, kept); serr != nil {
			s.log.Error("idempotency reply not kept", "request_id", res.Header().Get(echo.HeaderXRequestID), "err", serr)
		}
		return nil
	}
}

// replyRecorder copies an answer's body (up to maxReply) as it is written.
type replyRecorder struct {
	http.ResponseWriter
	buf  bytes.Buffer
	over bool
}

func (w *replyRecorder) Write(b []byte) (int, error) {
	if !w.over {
		if w.buf.Len()+len(b) > maxReply {
			w.over = true
			w.buf.Reset()
		} else {
			w.buf.Write(b)
		}
	}
	return w.ResponseWriter.Write(b)
}

func (w *replyRecorder) Unwrap() http.ResponseWriter { return w.ResponseWriter }
