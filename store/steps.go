package store

// A once-only step of a use case (resolve a request, send or answer a
// survey) first takes an in-process lock, so one replica's clicks wait in
// line, then reads what it checks and claims the step across replicas
// (Claim). These name the locks (see Lock: the caller takes one at a time).

// LockRequestResolution serialises this process's resolutions of request id.
func (s *Store) LockRequestResolution(id string) func() { return s.Lock(ColRequests, "resolve:"+id) }

// LockSurveySend serialises this process's sending of surveys to key
// ("company:<cvr>", "citizen:<hash>").
func (s *Store) LockSurveySend(key string) func() { return s.Lock(ColSettings, "send-survey:"+key) }

// LockSurveyAnswer serialises this process's answers to survey id.
func (s *Store) LockSurveyAnswer(id string) func() { return s.Lock(ColSurveys, "answer:"+id) }
