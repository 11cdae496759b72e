package api_test

import (
	"time"

	"jobmatch"
)

// atTen is ten in the morning, Copenhagen time, on the day of t: an
// interview booked an hour from "now + n days" ended the next day when
// the tests ran after 23.00 in Copenhagen, and the service refuses an
// interview that ends on another day than it begins (iv_same_day).
func atTen(t time.Time) time.Time {
	t = t.In(jobmatch.Copenhagen)
	return time.Date(t.Year(), t.Month(), t.Day(), 10, 0, 0, 0, jobmatch.Copenhagen)
}
