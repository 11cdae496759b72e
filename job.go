package jobmatch

import "time"

// Job is a background job with progress, such as an import through the API.
type Job struct {
	ID        string         `json:"id" bson:"_id"`
	Kind      string         `json:"kind" bson:"kind"`
	Status    string         `json:"status" bson:"status"` // running, done, failed
	By        string         `json:"by" bson:"by"`
	StartedAt time.Time      `json:"started_at" bson:"started_at"`
	EndedAt   *time.Time     `json:"ended_at,omitempty" bson:"ended_at,omitempty"`
	Progress  ImportProgress `json:"progress" bson:"progress"`
	Error     string         `json:"error,omitempty" bson:"error,omitempty"`
}

// ImportProgress is the state of an import.
type ImportProgress struct {
	Rows      int        `json:"rows"`
	Created   int        `json:"created"`
	Updated   int        `json:"updated"`
	Unchanged int        `json:"unchanged"`
	Failed    int        `json:"failed"`
	Errors    []RowError `json:"errors"`
	// ErrorsDropped counts the errors beyond the first ones kept.
	ErrorsDropped int `json:"errors_dropped,omitempty"`
	// SkippedErased counts the rows of citizens erased at their request,
	// which an import does not bring back (each is in Errors, code
	// "erased", but not counted as failed); a consultant creates such a
	// CV by hand.
	SkippedErased int `json:"skipped_erased"`
}

// RowError is one rejected row of an import.
type RowError struct {
	Row int `json:"row"`
	// Ref is the row's external reference, so a row can be found by it
	// as well (never a CPR number).
	Ref   string `json:"ref,omitempty"`
	Field string `json:"field"`
	Code  string `json:"code"`
	// Param and Of are the field error's (a bound, what the field holds),
	// so the message can be said in the reader's language when read.
	Param   string `json:"param,omitempty"`
	Of      string `json:"-"`
	Message string `json:"message,omitempty"`
}

// FieldError is the row error as a field error.
func (e RowError) FieldError() FieldError {
	return FieldError{Field: e.Field, Code: e.Code, Param: e.Param, Of: e.Of}
}
