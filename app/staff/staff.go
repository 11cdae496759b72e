// Package staff owns the staff: users and their argon2id password hashes,
// sessions, the list of consultants and a consultant's absence with a
// deputy. The store keeps the users by normalised e-mail and the
// consultants in one set, so the assignment rule never scans the users
// (store/users.go).
package staff

import (
	"log/slog"
	"sync"
	"time"

	"jobmatch/app"
	"jobmatch/store"
)

// Service is the staff use case. It is safe for concurrent use.
type Service struct {
	env   *app.Env
	st    *store.Store
	val   *app.Validator
	log   *slog.Logger
	audit *app.Audit
	users userCache
	// changing serialises an admin's changes of users, so two admins
	// deactivating each other at once cannot leave no admin (in this
	// process; the admins are few and change rarely).
	changing sync.Mutex
}

// New returns the staff use case over env.
func New(env *app.Env) *Service {
	return &Service{env: env, st: env.Store(), val: env.Validator(), log: env.Logger(), audit: app.NewAudit(env)}
}

func (s *Service) now() time.Time { return s.env.Now() }
