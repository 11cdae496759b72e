package staff

import (
	"context"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"strings"
	"sync"
	"time"

	"golang.org/x/crypto/argon2"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/store"
)

const sessionTTL = 12 * time.Hour

// NewUser is what an admin (or `jobmatch user add`) gives to create a user.
type NewUser struct {
	Email    string        `json:"email" validate:"required,email,max=200"`
	Name     string        `json:"name" validate:"required,min=2,max=120,runes,line"`
	Phone    string        `json:"phone,omitempty" validate:"required_if=Role consultant,max=20,dkphone"` // employers call a consultant
	Role     jobmatch.Role `json:"role" validate:"required,oneof=hotline consultant admin management"`
	Password string        `json:"password" validate:"required,min=8,max=200"`
	Areas    []string      `json:"areas,omitempty" validate:"max=50,dive,area"`
}

// MinPassword is the shortest password a staff user may be given (NIST
// SP 800-63B's floor for a memorised secret); the demo's users alone have
// the four letters of demo.Password.
const MinPassword = 8

// CreateUser stores a new staff user with an argon2id password hash;
// audited as user.create by the admin who did it (by).
func (s *Service) CreateUser(ctx context.Context, by *jobmatch.User, in NewUser) (*jobmatch.User, error) {
	if by == nil || by.Role != jobmatch.RoleAdmin {
		return nil, jobmatch.ErrForbidden
	}
	u, err := s.createUser(ctx, in, false)
	if err != nil {
		return nil, err
	}
	if err := s.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "user.create", Subjects: []string{u.ID},
		Reason: "role: " + string(u.Role)}); err != nil {
		return nil, err
	}
	return u, nil
}

// CreateDemoUser is CreateUser for the demo's made-up staff, whose
// password (demo.Password) is shorter than MinPassword: only `--demo` and
// the tests call it. The demo's users are not audited: no one created them.
func (s *Service) CreateDemoUser(ctx context.Context, in NewUser) (*jobmatch.User, error) {
	return s.createUser(ctx, in, true)
}

func (s *Service) createUser(ctx context.Context, in NewUser, demo bool) (*jobmatch.User, error) {
	// "  " passed as a name of two letters; a phone is stored grouped as
	// the others are.
	in.Name, in.Phone = strings.TrimSpace(in.Name), jobmatch.GroupedPhone(in.Phone)
	checked := in
	if demo && in.Password != "" {
		checked.Password = strings.Repeat("x", MinPassword)
	}
	if err := s.val.Validate(checked); err != nil {
		return nil, err
	}
	hash, err := HashPassword(in.Password)
	if err != nil {
		return nil, err
	}
	u := &jobmatch.User{
		ID: jobmatch.NormalizeEmail(in.Email), Email: jobmatch.NormalizeEmail(in.Email),
		Name: in.Name, Phone: in.Phone, Role: in.Role, PasswordHash: hash, Active: true,
		Areas: in.Areas, CreatedAt: s.now().UTC(),
	}
	if err := s.st.CreateUser(ctx, u); err != nil {
		if errors.Is(err, jobmatch.ErrConflict) {
			return nil, jobmatch.Invalid("email", "exists", "")
		}
		return nil, err
	}
	return u, nil
}

// User reads a user by id (normalised e-mail). Users are read on every
// request (sessions, contact persons, routing) and change rarely, so they are
// cached for a few seconds; changes through this service drop the entry.
func (s *Service) User(ctx context.Context, id string) (*jobmatch.User, error) {
	if u, ok := s.users.get(id, s.now()); ok {
		return u, nil
	}
	u, err := s.st.User(ctx, id)
	if err != nil {
		return nil, err
	}
	s.users.put(u, s.now())
	cp := *u
	return &cp, nil
}

// userCache holds users for userTTL.
type userCache struct {
	mu sync.Mutex
	m  map[string]cachedUser
}

type cachedUser struct {
	u  jobmatch.User
	at time.Time
}

const userTTL = 10 * time.Second

func (c *userCache) get(id string, now time.Time) (*jobmatch.User, bool) {
	c.mu.Lock()
	defer c.mu.Unlock()
	e, ok := c.m[id]
	if !ok || now.Sub(e.at) > userTTL || now.Before(e.at) {
		return nil, false
	}
	u := e.u
	return &u, true
}

func (c *userCache) put(u *jobmatch.User, now time.Time) {
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.m == nil {
		c.m = map[string]cachedUser{}
	}
	c.m[u.ID] = cachedUser{u: *u, at: now}
}

// forget drops a user from the cache after a change.
func (c *userCache) forget(id string) {
	c.mu.Lock()
	defer c.mu.Unlock()
	delete(c.m, id)
}

// Consultants returns the active consultants, in the order they were added
// (a consultant given another role leaves the set; the role is checked too).
func (s *Service) Consultants(ctx context.Context) ([]*jobmatch.User, error) {
	ids, err := s.st.ConsultantIDs(ctx)
	if err != nil {
		return nil, err
	}
	out := make([]*jobmatch.User, 0, len(ids))
	for _, id := range ids {
		u, err := s.User(ctx, id)
		if errors.Is(err, jobmatch.ErrNotFound) {
			continue
		}
		if err != nil {
			return nil, err
		}
		if u.Active && u.Role == jobmatch.RoleConsultant {
			out = append(out, u)
		}
	}
	return out, nil
}

// Login checks the password and opens a session; the token is both the
// bearer token and the cookie value.
func (s *Service) Login(ctx context.Context, email, password string) (token string, u *jobmatch.User, err error) {
	// As stored, not as cached: a user an admin has just deactivated or
	// given a new password on another replica logs in no more with the
	// old one (a login costs an argon2 hash; one read more is nothing).
	u, err = s.st.User(ctx, jobmatch.NormalizeEmail(email))
	if err != nil {
		if errors.Is(err, jobmatch.ErrNotFound) {
			// Spend the same time as a real check, so timing does not reveal
			// which e-mail addresses exist.
			_, _ = CheckPassword(dummyHash, password)
			return "", nil, jobmatch.ErrUnauthorized
		}
		return "", nil, err
	}
	ok, err := CheckPassword(u.PasswordHash, password)
	if err != nil || !ok || !u.Active {
		return "", nil, jobmatch.ErrUnauthorized
	}
	token = jobmatch.NewToken()
	now := s.now().UTC()
	sess := &jobmatch.Session{ID: hashToken(token), UserID: u.ID, CSRF: jobmatch.NewToken(), CreatedAt: now, ExpiresAt: now.Add(sessionTTL)}
	if err := s.st.OpenSession(ctx, sess); err != nil {
		return "", nil, err
	}
	return token, u, nil
}

// Authenticate returns the user of a session token.
func (s *Service) Authenticate(ctx context.Context, token string) (*jobmatch.User, *jobmatch.Session, error) {
	if token == "" || len(token) > 100 {
		return nil, nil, jobmatch.ErrUnauthorized
	}
	sess, err := s.st.Session(ctx, hashToken(token))
	if err != nil {
		if errors.Is(err, jobmatch.ErrNotFound) {
			return nil, nil, jobmatch.ErrUnauthorized
		}
		return nil, nil, err
	}
	if s.now().After(sess.ExpiresAt) {
		_ = s.st.EndSession(ctx, sess.ID)
		return nil, nil, jobmatch.ErrUnauthorized
	}
	u, err := s.User(ctx, sess.UserID)
	if errors.Is(err, jobmatch.ErrNotFound) || err == nil && !u.Active {
		return nil, nil, jobmatch.ErrUnauthorized
	}
	if err != nil {
		return nil, nil, err // the store did not answer: not logged out
	}
	return u, sess, nil
}

// Logout ends a session.
func (s *Service) Logout(ctx context.Context, token string) error {
	return s.st.EndSession(ctx, hashToken(token))
}

func hashToken(token string) string {
	sum := sha256.Sum256([]byte(token))
	return hex.EncodeToString(sum[:])
}

// Password hashing: argon2id with the RFC 9106 second recommended parameter
// set scaled to a server (64 MiB would make logins the slowest request; 19 MiB,
// t=2 follows OWASP's minimum).
const (
	argonTime    = 2
	argonMemory  = 19 * 1024
	argonThreads = 1
	argonKeyLen  = 32
)

var dummyHash, _ = HashPassword("not a password")

// HashPassword returns an encoded argon2id hash of password.
func HashPassword(password string) (string, error) {
	salt := make([]byte, 16)
	if _, err := rand.Read(salt); err != nil {
		return "", fmt.Errorf("staff: hash password: %w", err)
	}
	key := argon2.IDKey([]byte(password), salt, argonTime, argonMemory, argonThreads, argonKeyLen)
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads,
		base64.RawStdEncoding.EncodeToString(salt), base64.RawStdEncoding.EncodeToString(key)), nil
}

// CheckPassword reports whether password matches an encoded argon2id hash.
func CheckPassword(encoded, password string) (bool, error) {
	parts := strings.Split(encoded, "$")
	if len(parts) != 6 || parts[1] != "argon2id" {
		return false, errors.New("staff: unknown password hash format")
	}
	var m, t uint32
	var p uint8
	if _, err := fmt.Sscanf(parts[3], "m=%d,t=%d,p=%d", &m, &t, &p); err != nil {
		return false, fmt.Errorf("staff: password hash parameters: %w", err)
	}
	salt, err := base64.RawStdEncoding.DecodeString(parts[4])
	if err != nil {
		return false, err
	}
	want, err := base64.RawStdEncoding.DecodeString(parts[5])
	if err != nil {
		return false, err
	}
	got := argon2.IDKey([]byte(password), salt, t, m, p, uint32(len(want)))
	return subtle.ConstantTimeCompare(got, want) == 1, nil
}

// Users lists staff users, newest first.
func (s *Service) Users(ctx context.Context, q app.ListQuery) (app.Page[*jobmatch.User], error) {
	return app.ListPage(ctx, s.st, store.UserList, q, s.User)
}

// AbsenceInput sets a consultant away with a deputy, or back.
type AbsenceInput struct {
	Away     *bool  `json:"away" validate:"required"` // a PUT sets the whole state: missing is a 422
	DeputyID string `json:"deputy_id,omitempty" validate:"omitempty,email"`
}

// SetAbsence marks a consultant away (new requests for their companies go
// to the deputy; the companies keep their contact person) or back;
// audited as user.absence.
func (s *Service) SetAbsence(ctx context.Context, by *jobmatch.User, userID string, in AbsenceInput) (*jobmatch.User, error) {
	userID = jobmatch.NormalizeEmail(userID)
	if by == nil || (by.Role != jobmatch.RoleAdmin && by.ID != userID) {
		return nil, jobmatch.ErrForbidden
	}
	if err := s.val.Validate(in); err != nil {
		return nil, err
	}
	deputy := jobmatch.NormalizeEmail(in.DeputyID)
	away := *in.Away
	if away {
		d, err := s.User(ctx, deputy)
		// A deputy who has left would be handed the requests they can no
		// longer see (the routing passes them over, but the employer's
		// receipt and the hotline would name them).
		if err != nil || d.Role != jobmatch.RoleConsultant || !d.Active || d.ID == userID {
			return nil, jobmatch.Invalid("deputy_id", "consultant", "")
		}
	}
	if err := s.st.SetUserAway(ctx, userID, away, deputy); err != nil {
		return nil, err
	}
	s.users.forget(userID)
	if err := s.st.LogChanges(ctx, store.KindUser, userID); err != nil {
		s.log.Error("log user change", "user", userID, "err", err)
	}
	what := "back"
	if away {
		what = "away, deputy: " + deputy
	}
	if err := s.audit.Record(ctx, jobmatch.AuditEvent{Actor: by.ID, Action: "user.absence", Subjects: []string{userID}, Reason: what}); err != nil {
		return nil, err
	}
	return s.User(ctx, userID)
}
