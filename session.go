package jobmatch

import "time"

// Session is a signed-in staff member's session.
type Session struct {
	ID        string    `bson:"_id"` // sha256 of the token; the token itself is never stored
	UserID    string    `bson:"user_id"`
	CSRF      string    `bson:"csrf"`
	CreatedAt time.Time `bson:"created_at"`
	ExpiresAt time.Time `bson:"expires_at"`
}
