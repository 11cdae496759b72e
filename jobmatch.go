// Package jobmatch holds the domain of the jobcenter's recruitment service:
// companies and their one contact consultant, vacancies, inbound requests,
// citizens' CVs (candidates), shortlists, contacts, surveys and audit events,
// with the rules that need no database, search index or web framework.
//
// Each subpackage wraps one dependency: store (MongoDB), index (bleve),
// api and frontend (echo), matcher (ranking), taxonomy (ESCO/STAR/DISCO data).
package jobmatch

import (
	"errors"
	"fmt"
	"reflect"
	"strings"
)

// Domain error sentinels. The HTTP layer maps them to status codes in one place.
var (
	ErrNotFound     = errors.New("not found")
	ErrConflict     = errors.New("conflict")
	ErrForbidden    = errors.New("forbidden")
	ErrUnauthorized = errors.New("unauthorized")
	ErrInvalid      = errors.New("invalid")
	ErrGone         = errors.New("gone")
	// ErrNoConsultant: nobody can take a company's request, because no
	// consultant is active (a fresh install, or the last one deactivated).
	ErrNoConsultant = errors.New("no active consultant")
)

// FieldError is one invalid field: a JSON path ("company.cvr") and a message
// key with its parameter, translated at the edge.
type FieldError struct {
	Field string `json:"field"`
	// Code is a stable machine key such as "required", "cvr", "cpr", "postal_code".
	Code  string `json:"code"`
	Param string `json:"param,omitempty"`
	// Of is what the field holds, where a bound's words depend on it:
	// "list" (items), "number", or "" for text (characters).
	Of string `json:"-"`
}

// ValidationError lists every invalid field of one input. It wraps ErrInvalid.
type ValidationError struct {
	Fields []FieldError
}

func (e *ValidationError) Error() string {
	parts := make([]string, len(e.Fields))
	for i, f := range e.Fields {
		parts[i] = f.Field + ": " + f.Code
	}
	return "invalid input: " + strings.Join(parts, ", ")
}

func (e *ValidationError) Unwrap() error { return ErrInvalid }

// Add appends a field error.
func (e *ValidationError) Add(field, code, param string) {
	e.Fields = append(e.Fields, FieldError{Field: field, Code: code, Param: param})
}

// Err returns e when it holds any field error, else nil.
func (e *ValidationError) Err() error {
	if e == nil || len(e.Fields) == 0 {
		return nil
	}
	return e
}

// Invalid returns a ValidationError for a single field.
func Invalid(field, code, param string) error {
	return &ValidationError{Fields: []FieldError{{Field: field, Code: code, Param: param}}}
}

// ConflictError is a refused state change, with a reason a person can act on.
type ConflictError struct {
	Code   string // e.g. "stale_version", "transition_refused"
	Detail string // in English; the problem says it in the reader's language (i18n "c.<code>")
	// Args fill the translated message: a transition's stages, an
	// entry's stage.
	Args []string
	// Fields are the fields the refusal is about, for a form or a client
	// to mark (a case number that belongs to another CV).
	Fields []FieldError
}

func (e *ConflictError) Error() string { return fmt.Sprintf("conflict: %s: %s", e.Code, e.Detail) }
func (e *ConflictError) Unwrap() error { return ErrConflict }

// JSONKind names what a Go type reads from JSON ("list", "text",
// "integer", "number", "boolean", "object"), so a wrong type says what was
// expected.
func JSONKind(t reflect.Type) string {
	switch t.Kind() {
	case reflect.Slice, reflect.Array:
		return "list"
	case reflect.String:
		return "text"
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64, reflect.Uint, reflect.Uint8,
		reflect.Uint16, reflect.Uint32, reflect.Uint64:
		// A whole number: "Skal være et tal" was said of positions: 1.5.
		return "integer"
	case reflect.Float32, reflect.Float64:
		return "number"
	case reflect.Bool:
		return "boolean"
	case reflect.Struct, reflect.Map:
		return "object"
	case reflect.Pointer:
		return JSONKind(t.Elem())
	}
	return ""
}
