package web

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"maps"
	"net/http"
	"reflect"
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/i18n"
)

// Problem is an RFC 9457 problem detail with the field errors of a bad input.
type Problem struct {
	Type      string         `json:"type"`
	Title     string         `json:"title"`
	Status    int            `json:"status"`
	Detail    string         `json:"detail,omitempty"`
	Instance  string         `json:"instance,omitempty"`
	Code      string         `json:"code,omitempty"`
	RequestID string         `json:"request_id,omitempty"`
	Errors    []ProblemField `json:"errors,omitempty"`
}

// ProblemField is one invalid field with a message in the caller's language.
type ProblemField struct {
	Field   string `json:"field"`
	Code    string `json:"code"`
	Message string `json:"message"`
}

// ProblemContentType is the media type of error bodies.
const ProblemContentType = "application/problem+json"

// ToStatus maps domain errors to HTTP status codes: the one error table.
func ToStatus(err error) (int, string) {
	var he *echo.HTTPError
	switch {
	case errors.Is(err, jobmatch.ErrInvalid):
		return http.StatusUnprocessableEntity, "p.validation"
	case errors.Is(err, jobmatch.ErrNotFound):
		return http.StatusNotFound, "p.not_found"
	case errors.Is(err, jobmatch.ErrConflict):
		return http.StatusConflict, "p.conflict"
	case errors.Is(err, jobmatch.ErrForbidden):
		return http.StatusForbidden, "p.forbidden"
	case errors.Is(err, jobmatch.ErrUnauthorized):
		return http.StatusUnauthorized, "p.unauthorized"
	case errors.Is(err, jobmatch.ErrGone):
		return http.StatusGone, "p.gone"
	case errors.As(err, &he):
		switch he.Code {
		case http.StatusRequestEntityTooLarge:
			return he.Code, "p.too_large"
		case http.StatusTooManyRequests:
			if he.Message == ErrLoginThrottled.Message {
				return he.Code, "p.login_throttled"
			}
			return he.Code, "p.rate_limited"
		case http.StatusNotFound:
			return he.Code, "p.not_found"
		case http.StatusMethodNotAllowed:
			return he.Code, "p.method_not_allowed"
		case http.StatusUnsupportedMediaType:
			return he.Code, "p.unsupported"
		case http.StatusUnauthorized:
			return he.Code, "p.unauthorized"
		case http.StatusForbidden:
			return he.Code, "p.forbidden"
		}
		if he.Code < 500 {
			return he.Code, "p.bad_request"
		}
	}
	return http.StatusInternalServerError, "p.internal"
}

// NewProblem builds the problem for err in lang. Internal errors never show
// their text: the details are logged with the request id by the caller.
func NewProblem(err error, lang i18n.Lang, requestID, instance string) Problem {
	status, key := ToStatus(err)
	p := Problem{Type: "about:blank", Title: i18n.T(lang, key), Status: status, Instance: instance, RequestID: requestID}
	if status != http.StatusInternalServerError {
		p.Type = "https://jobmatch.dk/problems/" + strings.TrimPrefix(key, "p.")
	}
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			p.Errors = append(p.Errors, ProblemField{Field: f.Field, Code: f.Code, Message: i18n.FieldMessage(lang, f)})
		}
	}
	var ce *jobmatch.ConflictError
	if errors.As(err, &ce) {
		p.Code, p.Detail = ce.Code, ce.Detail
		if lang != i18n.EN {
			p.Detail = conflictDetail(lang, ce)
		}
	}
	return p
}

// ErrorHandler writes every error of an /api/ path as problem+json and hands
// other paths to html (the frontend's error page) when set.
func ErrorHandler(log *slog.Logger, html func(err error, c echo.Context)) echo.HTTPErrorHandler {
	return func(err error, c echo.Context) {
		if c.Response().Committed {
			return
		}
		status, _ := ToStatus(err)
		rid := c.Response().Header().Get(echo.HeaderXRequestID)
		if status >= 500 {
			log.Error("request failed", "request_id", rid, "method", c.Request().Method, "path", c.Path(), "err", err)
		}
		if html != nil && !wantsProblem(c) {
			html(err, c)
			return
		}
		_ = WriteProblem(c, err)
	}
}

// WriteProblem answers err as problem+json, whatever the request accepts
// (pages use it for JSON bodies posted to a page path).
func WriteProblem(c echo.Context, err error) error {
	p := NewProblem(err, Lang(c), c.Response().Header().Get(echo.HeaderXRequestID), c.Request().URL.Path)
	c.Response().Header().Set(echo.HeaderContentType, ProblemContentType)
	c.Response().WriteHeader(p.Status)
	if c.Request().Method == http.MethodHead {
		return nil
	}
	return json.NewEncoder(c.Response()).Encode(p)
}

func wantsProblem(c echo.Context) bool {
	if strings.HasPrefix(c.Request().URL.Path, "/api/") {
		return true
	}
	a := c.Request().Header.Get(echo.HeaderAccept)
	return strings.Contains(a, "application/json") || strings.Contains(a, "problem+json")
}

// Lang is the language of a request: ?lang=, the jm_lang cookie, then Accept-Language.
func Lang(c echo.Context) i18n.Lang {
	if l, ok := c.Get("lang").(i18n.Lang); ok {
		return l
	}
	l := i18n.Parse(c.QueryParam("lang"))
	if l == "" {
		if ck, err := c.Cookie("jm_lang"); err == nil {
			l = i18n.Parse(ck.Value)
		}
	}
	if l == "" {
		l = i18n.FromAcceptLanguage(c.Request().Header.Get("Accept-Language"))
	}
	c.Set("lang", l)
	return l
}

// DecodeJSON strictly decodes a JSON body into v: unknown fields, trailing
// data and wrong types are field errors, not silent losses.
func DecodeJSON(c echo.Context, v any) error {
	ct := c.Request().Header.Get(echo.HeaderContentType)
	if ct != "" && !strings.HasPrefix(ct, echo.MIMEApplicationJSON) {
		return echo.NewHTTPError(http.StatusUnsupportedMediaType)
	}
	// What the decoder read is kept to name an unknown field by its path
	// ("company.contact_name"): encoding/json names its key alone.
	var read bytes.Buffer
	body := io.TeeReader(c.Request().Body, &read)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		if strings.HasPrefix(err.Error(), "json: unknown field ") {
			if _, cerr := io.Copy(io.Discard, body); cerr == nil {
				var raw any
				if json.NewDecoder(&read).Decode(&raw) == nil {
					// Every unknown key at once, not one per try.
					verr := &jobmatch.ValidationError{}
					for _, path := range unknownFields(reflect.TypeOf(v), raw, "", nil) {
						verr.Add(path, "unknown_field", "")
					}
					if err := verr.Err(); err != nil {
						return err
					}
				}
			}
		}
		return JSONError(err)
	}
	if dec.More() {
		return jobmatch.Invalid("", "json", "")
	}
	if _, err := dec.Token(); !errors.Is(err, io.EOF) {
		return jobmatch.Invalid("", "json", "")
	}
	// encoding/json turns bytes that are no UTF-8 into U+FFFD without a
	// word: a name in Latin-1 would be stored as "Jens J�rgensen".
	if !utf8.Valid(read.Bytes()) {
		return jobmatch.Invalid("", "utf8", "")
	}
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// maxUnknown bounds the unknown keys named in one answer.
const maxUnknown = 20

// unknownFields appends to out the path of each key in raw (in key order)
// that no field of t takes, as the validator names fields:
// "company.contact_name", "experience[1].employer_name"; at most
// maxUnknown.
func unknownFields(t reflect.Type, raw any, path string, out []string) []string {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if len(out) >= maxUnknown || reflect.PointerTo(t).Implements(unmarshalerType) {
		return out
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			return out
		}
		fields := map[string]reflect.Type{}
		jsonFields(t, fields)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if len(out) >= maxUnknown {
				break
			}
			ft, ok := fields[strings.ToLower(k)] // encoding/json matches keys without case
			if !ok {
				out = append(out, join(k))
				continue
			}
			out = unknownFields(ft, m[k], join(k), out)
		}
	case reflect.Slice, reflect.Array:
		a, _ := raw.([]any)
		for i, e := range a {
			if len(out) >= maxUnknown {
				break
			}
			out = unknownFields(t.Elem(), e, fmt.Sprintf("%s[%d]", path, i), out)
		}
	case reflect.Map:
		m, _ := raw.(map[string]any)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if len(out) >= maxUnknown {
				break
			}
			out = unknownFields(t.Elem(), m[k], join(k), out)
		}
	}
	return out
}

// jsonFields adds the JSON names (lower-cased) of t's fields and their
// types to out, those of embedded structs as encoding/json flattens them.
func jsonFields(t reflect.Type, out map[string]reflect.Type) {
	for i := range t.NumField() {
		f := t.Field(i)
		tag := f.Tag.Get("json")
		name, _, _ := strings.Cut(tag, ",")
		if name == "-" && tag == "-" {
			continue
		}
		if f.Anonymous && name == "" {
			ft := f.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			if ft.Kind() == reflect.Struct {
				jsonFields(ft, out)
				continue
			}
		}
		if !f.IsExported() {
			continue
		}
		if name == "" {
			name = f.Name
		}
		out[strings.ToLower(name)] = f.Type
	}
}

// JSONError turns a body that does not read (bad JSON, a wrong type, an
// unknown field, too large) into a field-level problem.
func JSONError(err error) error {
	var te *json.UnmarshalTypeError
	var se *json.SyntaxError
	var mbe *http.MaxBytesError
	switch {
	case errors.As(err, &mbe):
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
	case errors.As(err, &te):
		return jobmatch.Invalid(te.Field, "type", jobmatch.JSONKind(te.Type))
	case errors.As(err, &se), errors.Is(err, io.ErrUnexpectedEOF), errors.Is(err, io.EOF):
		return jobmatch.Invalid("", "json", "")
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		name := strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)
		return jobmatch.Invalid(name, "unknown_field", "")
	case strings.Contains(err.Error(), "date must be"):
		return jobmatch.Invalid(fieldFromErr(err), "date", "")
	}
	if strings.Contains(err.Error(), "http: request body too large") {
		return echo.NewHTTPError(http.StatusRequestEntityTooLarge)
	}
	return jobmatch.Invalid("", "json", fmt.Sprint())
}

// fieldFromErr extracts the Go field path that encoding/json reports for an
// error returned by a field's UnmarshalJSON ("json: cannot unmarshal ... into
// Go struct field VacancyInput.start_date of type ...").
func fieldFromErr(err error) string {
	s := err.Error()
	if i := strings.Index(s, "Go struct field "); i >= 0 {
		rest := s[i+len("Go struct field "):]
		rest, _, _ = strings.Cut(rest, " ")
		if _, after, ok := strings.Cut(rest, "."); ok {
			return after
		}
		return rest
	}
	return ""
}

// conflictDetail says a refusal in lang ("c.<code>", stages by their
// names), or in English when there is no translation.
func conflictDetail(lang i18n.Lang, ce *jobmatch.ConflictError) string {
	stage := func(s string) string {
		if k := "stage." + s; i18n.Has(k) {
			return i18n.T(lang, k)
		}
		return s
	}
	a := ce.Args
	switch {
	case ce.Code == "transition_refused" && len(a) == 1:
		return i18n.T(lang, "c.transition_final", stage(a[0]))
	case ce.Code == "transition_refused" && len(a) >= 3:
		var next []string
		for _, s := range a[2:] {
			next = append(next, stage(s))
		}
		return i18n.T(lang, "c.transition_refused", stage(a[0]), stage(a[1]), strings.Join(next, ", "))
	case ce.Code == "stage" && len(a) == 1:
		return i18n.T(lang, "c.stage", stage(a[0]))
	case ce.Code != "transition_refused" && ce.Code != "stage" && i18n.Has("c."+ce.Code):
		return i18n.T(lang, "c."+ce.Code)
	}
	return ce.Detail
}
