package web

import (
	"errors"
	"fmt"

	"github.com/labstack/echo/v4"
)

// unreachableKey holds, on every request, the server's Config.Unreachable,
// for the pages that answer an error themselves (WriteProblem).
const unreachableKey = "web.unreachable"

// retryAfterUnavailable is the Retry-After of a 503 for a database that
// does not answer: the driver gives up on it within 2 s, so a person is
// told to come back in a little while, not hammered with retries.
const retryAfterUnavailable = "10"

// classify puts Config.Unreachable on the request.
func (s *Server) classify(next echo.HandlerFunc) echo.HandlerFunc {
	return func(c echo.Context) error {
		if s.cfg.Unreachable != nil {
			c.Set(unreachableKey, s.cfg.Unreachable)
		}
		return next(c)
	}
}

// unavailable says err as ErrUnavailable (503, "try again", Retry-After)
// when it is the database not answering, wherever that arose: reading the
// session, a public form's company lookup, a login, a status page. Only
// the session read said so; every other path answered 500 "Der skete en
// fejl", and an anonymous employer thought the request lost. The cause
// stays wrapped for the log.
func unavailable(unreachable func(error) bool, c echo.Context, err error) error {
	if errors.Is(err, ErrUnavailable) {
		c.Response().Header().Set("Retry-After", retryAfterUnavailable)
		return err
	}
	if err == nil || unreachable == nil || !unreachable(err) {
		return err
	}
	c.Response().Header().Set("Retry-After", retryAfterUnavailable)
	return fmt.Errorf("%w: %w", ErrUnavailable, err)
}

// requestUnavailable is unavailable with the request's classifier.
func requestUnavailable(c echo.Context, err error) error {
	f, _ := c.Get(unreachableKey).(func(error) bool)
	return unavailable(f, c, err)
}
