package store

import (
	"errors"

	"go.mongodb.org/mongo-driver/v2/mongo"
	"go.mongodb.org/mongo-driver/v2/x/mongo/driver/topology"
)

// Unreachable reports whether err says the database does not answer: no
// server could be selected within ServerSelectionTimeout, a connection
// broke or none came free, or the client is closed (a shutdown). Such an
// error is the database's, not the request's: the web layer answers it
// with 503 and "try again" on every path (web.Config.Unreachable), where
// an anonymous request said 500 "Der skete en fejl".
func Unreachable(err error) bool {
	if err == nil {
		return false
	}
	var sel topology.ServerSelectionError
	var wait topology.WaitQueueTimeoutError
	return errors.As(err, &sel) || errors.As(err, &wait) || mongo.IsNetworkError(err) ||
		errors.Is(err, mongo.ErrClientDisconnected) || errors.Is(err, topology.ErrTopologyClosed)
}
