// Package surveys owns the satisfaction surveys: the rules for when an
// employer or a citizen is asked (admin settings), sending a survey link
// after an event, the answer, and the counters the 92 % target is read
// from.
package surveys

import (
	"log/slog"
	"time"

	"jobmatch/app"
	"jobmatch/store"
)

// Service is the surveys use case. It is safe for concurrent use.
type Service struct {
	env *app.Env
	st  *store.Store
	val *app.Validator
	log *slog.Logger
}

// New returns the surveys use case over env.
func New(env *app.Env) *Service {
	return &Service{env: env, st: env.Store(), val: env.Validator(), log: env.Logger()}
}

func (s *Service) now() time.Time { return s.env.Now() }
