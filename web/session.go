package web

import (
	"net/http"
	"strconv"
	"time"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
)

// AbsoluteURL makes a path absolute on the public URL (--public-url),
// never from the request's Host header.
func AbsoluteURL(c echo.Context, path string) string { return PublicURL(c, path) }

// SetSessionCookie sets the staff session cookie: HttpOnly, SameSite=Lax,
// Secure when the connection is https (TLS, an https public URL, or a
// trusted proxy's X-Forwarded-Proto).
func SetSessionCookie(c echo.Context, token string) {
	c.SetCookie(&http.Cookie{
		Name: SessionCookie, Value: token, Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode,
		Secure: IsSecure(c), MaxAge: int((12 * time.Hour).Seconds()),
	})
}

// ClearSessionCookie removes the session cookie.
func ClearSessionCookie(c echo.Context) {
	c.SetCookie(&http.Cookie{Name: SessionCookie, Value: "", Path: "/", HttpOnly: true, SameSite: http.SameSiteLaxMode, MaxAge: -1})
}

// ListParams reads limit and cursor, with field errors for bad values.
func ListParams(c echo.Context) (app.ListQuery, error) {
	q := app.ListQuery{Cursor: c.QueryParam("cursor"), Limit: 25}
	if l := c.QueryParam("limit"); l != "" {
		n, err := strconv.Atoi(l)
		if err != nil || n < 1 || n > app.MaxPageSize {
			return q, jobmatch.Invalid("limit", "range", "1–"+strconv.Itoa(app.MaxPageSize))
		}
		q.Limit = n
	}
	if len(q.Cursor) > 20 {
		return q, jobmatch.Invalid("cursor", "cursor", "")
	}
	return q, nil
}
