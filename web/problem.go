package web

import (
	"bufio"
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
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/labstack/echo/v4"

	"jobmatch"
	"jobmatch/app"
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
	case errors.Is(err, jobmatch.ErrNoConsultant):
		return http.StatusServiceUnavailable, "p.no_consultant"
	case errors.As(err, &he):
		switch he.Code {
		case http.StatusRequestEntityTooLarge:
			return he.Code, "p.too_large"
		case http.StatusTooManyRequests:
			if he.Message == ErrLoginThrottled.Message {
				return he.Code, "p.login_throttled"
			}
			if he.Message == ErrLoginThrottledAddress.Message {
				return he.Code, "p.login_throttled_address"
			}
			if he.Message == ErrIntakeLimitedAddress.Message || he.Message == ErrIntakeLimitedCVR.Message {
				return he.Code, "p." + he.Message.(string)
			}
			return he.Code, "p.rate_limited"
		case http.StatusNotFound:
			return he.Code, "p.not_found"
		case http.StatusMethodNotAllowed:
			return he.Code, "p.method_not_allowed"
		case http.StatusServiceUnavailable:
			return he.Code, "p.unavailable"
		case http.StatusUnsupportedMediaType:
			return he.Code, "p.unsupported"
		case http.StatusUnauthorized:
			if he.Message == ErrBadCredentials.Message {
				return he.Code, "p.bad_credentials"
			}
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
		for _, f := range ce.Fields {
			p.Errors = append(p.Errors, ProblemField{Field: f.Field, Code: f.Code, Message: i18n.FieldMessage(lang, f)})
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
	err = requestUnavailable(c, err)
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
	// A byte order mark before the JSON (Windows tools write one) is no
	// error of the body's: it was "Ugyldig JSON".
	br := bufio.NewReader(c.Request().Body)
	if b, _ := br.Peek(3); bytes.Equal(b, []byte("\xef\xbb\xbf")) {
		_, _ = br.Discard(3)
	}
	body := io.TeeReader(br, &read)
	dec := json.NewDecoder(body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		var te *json.UnmarshalTypeError
		if !errors.As(err, &te) && !strings.HasPrefix(err.Error(), "json: unknown field ") && !strings.Contains(err.Error(), "date must be") {
			return JSONError(err)
		}
		// A body that reads as JSON but has an unknown key or a value of
		// the wrong type: every such field at once, and the errors the
		// service's validation gives the rest (a missing title, a bad
		// CVR), so a client fixes the body in one round, not one per try.
		if _, cerr := io.Copy(io.Discard, body); cerr != nil {
			return JSONError(cerr)
		}
		if verr := bodyProblems(c, v, read.Bytes()); verr != nil {
			return verr
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
	app.RepairText(v)
	return nil
}

var unmarshalerType = reflect.TypeFor[json.Unmarshaler]()

// maxUnknown bounds the fields named in one answer for an unknown key or a
// wrong type.
const maxUnknown = 20

// bodyProblems reads a body the strict decoder refused for an unknown key or
// a wrong type: the field errors of every such key and value (by their
// paths, as the validator names fields: "company.contact_name",
// "experience[1].years"), then those the validator finds in the rest,
// decoded as far as it goes (a field already named is not named twice). Nil
// when the body does not read as JSON at all.
func bodyProblems(c echo.Context, v any, body []byte) error {
	dec := json.NewDecoder(bytes.NewReader(body))
	dec.UseNumber()
	var raw any
	if dec.Decode(&raw) != nil {
		return nil
	}
	verr := &jobmatch.ValidationError{}
	fieldProblems(reflect.TypeOf(v), raw, "", verr)
	if len(verr.Fields) == 0 {
		return nil
	}
	if c.Echo().Validator == nil {
		return verr
	}
	// Without the strict checks the value decodes as far as it can;
	// encoding/json skips what does not fit.
	rest := reflect.New(reflect.TypeOf(v).Elem())
	_ = json.Unmarshal(body, rest.Interface())
	var more *jobmatch.ValidationError
	if errors.As(c.Validate(rest.Interface()), &more) {
		named := map[string]bool{}
		for _, f := range verr.Fields {
			named[f.Field] = true
		}
		for _, f := range more.Fields {
			// A field of the wrong type is empty here: its "required"
			// would say what the type error says.
			if !named[f.Field] && !slices.ContainsFunc(verr.Fields, func(g jobmatch.FieldError) bool {
				return strings.HasPrefix(f.Field, g.Field+".") || strings.HasPrefix(f.Field, g.Field+"[")
			}) {
				verr.Fields = append(verr.Fields, f)
			}
		}
	}
	return verr
}

// fieldProblems adds to verr the keys in raw (in key order) that no field
// of t takes ("unknown_field") and the values a field cannot take ("type",
// with what it takes; "date" for a date that does not read); at most
// maxUnknown. raw is decoded with numbers as json.Number.
func fieldProblems(t reflect.Type, raw any, path string, verr *jobmatch.ValidationError) {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	if len(verr.Fields) >= maxUnknown || raw == nil { // null leaves a field as it is
		return
	}
	join := func(k string) string {
		if path == "" {
			return k
		}
		return path + "." + k
	}
	bad := func() { verr.Add(path, "type", jobmatch.JSONKind(t)) }
	if reflect.PointerTo(t).Implements(unmarshalerType) {
		b, err := json.Marshal(raw)
		if err == nil {
			err = json.Unmarshal(b, reflect.New(t).Interface())
		}
		if err != nil {
			code := "type"
			if strings.Contains(err.Error(), "date must be") {
				code = "date"
			}
			verr.Add(path, code, "")
		}
		return
	}
	switch t.Kind() {
	case reflect.Struct:
		m, ok := raw.(map[string]any)
		if !ok {
			bad()
			return
		}
		fields := map[string]jsonField{}
		jsonFields(t, fields)
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if len(verr.Fields) >= maxUnknown {
				break
			}
			f, ok := fields[strings.ToLower(k)] // encoding/json matches keys without case
			if !ok {
				verr.Add(join(k), "unknown_field", "")
				continue
			}
			// By the field's own name, as the validator names it: "Title"
			// is the title.
			fieldProblems(f.typ, m[k], join(f.name), verr)
		}
	case reflect.Slice, reflect.Array:
		if t.Elem().Kind() == reflect.Uint8 { // []byte is base64 text
			if _, ok := raw.(string); !ok {
				bad()
			}
			return
		}
		a, ok := raw.([]any)
		if !ok {
			bad()
			return
		}
		for i, e := range a {
			if len(verr.Fields) >= maxUnknown {
				break
			}
			fieldProblems(t.Elem(), e, fmt.Sprintf("%s[%d]", path, i), verr)
		}
	case reflect.Map:
		m, ok := raw.(map[string]any)
		if !ok {
			bad()
			return
		}
		for _, k := range slices.Sorted(maps.Keys(m)) {
			if len(verr.Fields) >= maxUnknown {
				break
			}
			fieldProblems(t.Elem(), m[k], join(k), verr)
		}
	case reflect.String:
		if _, ok := raw.(string); !ok {
			bad()
		}
	case reflect.Bool:
		if _, ok := raw.(bool); !ok {
			bad()
		}
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64:
		n, ok := raw.(json.Number)
		if i, err := n.Int64(); !ok || err != nil || reflect.New(t).Elem().OverflowInt(i) {
			bad()
		}
	case reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		n, ok := raw.(json.Number)
		if i, err := strconv.ParseUint(string(n), 10, 64); !ok || err != nil || reflect.New(t).Elem().OverflowUint(i) {
			bad()
		}
	case reflect.Float32, reflect.Float64:
		n, ok := raw.(json.Number)
		if f, err := n.Float64(); !ok || err != nil || reflect.New(t).Elem().OverflowFloat(f) {
			bad()
		}
	}
}

// jsonField is a struct field by its JSON name.
type jsonField struct {
	name string
	typ  reflect.Type
}

// jsonFields adds t's fields to out by their JSON names lower-cased, those
// of embedded structs as encoding/json flattens them.
func jsonFields(t reflect.Type, out map[string]jsonField) {
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
		out[strings.ToLower(name)] = jsonField{name, f.Type}
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
