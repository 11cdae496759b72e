package api_test

import (
	"encoding/json"
	"mime"
	"slices"
	"strings"
	"testing"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/routers"
)

// The response check of checker.do (openapi3filter.ValidateResponse) lets
// an object carry keys its schema does not name, as JSON Schema does unless
// additionalProperties says otherwise, so a field the server sends and the
// document forgets passed unnoticed, and an integrator generating a client
// from the document never saw it (the KPI figures' requests.by_month).
// undocumentedFields walks the body against its schema and names every
// such key.

// checkFields reports, once per operation and path, every key of the
// response body its schema does not list.
func (c *checker) checkFields(route *routers.Route, status int, contentType string, body []byte) {
	c.t.Helper()
	s := responseSchema(route.Operation, status, contentType)
	if s == nil {
		return
	}
	var v any
	if json.Unmarshal(body, &v) != nil {
		return // not JSON (a CSV export): nothing to walk
	}
	op := route.Method + " " + route.Path
	for _, p := range undocumentedFields(s, v) {
		if c.undocumented == nil {
			c.undocumented = map[string]bool{}
		}
		if !c.undocumented[op+" "+p] {
			c.undocumented[op+" "+p] = true
			c.t.Errorf("%s: %s is not in the document", op, p)
		}
	}
}

// responseSchema is the schema of the answer with this status and content
// type (the exact status, else its range, else default).
func responseSchema(op *openapi3.Operation, status int, contentType string) *openapi3.SchemaRef {
	if op == nil || op.Responses == nil {
		return nil
	}
	r := op.Responses.Status(status)
	if r == nil {
		r = op.Responses.Default()
	}
	if r == nil || r.Value == nil {
		return nil
	}
	mt, _, err := mime.ParseMediaType(contentType)
	if err != nil {
		return nil
	}
	m := r.Value.Content.Get(mt)
	if m == nil {
		return nil
	}
	return m.Schema
}

// undocumentedFields returns the paths ("requests.by_month",
// "items[].why") of the object keys in v that its schema does not list under
// properties, where the schema lists properties and says nothing of
// additional ones. An explicit additionalProperties (true, or a schema the
// extra values are walked against) makes the object free-form by design;
// false is already enforced by the validation.
func undocumentedFields(s *openapi3.SchemaRef, v any) []string {
	var out []string
	walkFields([]*openapi3.SchemaRef{s}, v, "", &out)
	slices.Sort(out)
	return slices.Compact(out)
}

// fieldView is what a value's schemas, merged, say of its keys and items:
// allOf's members all apply, of oneOf and anyOf the branches the value
// matches (all of them if none does, so a key no branch lists is still
// named).
type fieldView struct {
	props    map[string][]*openapi3.SchemaRef
	hasProps bool
	open     bool // an explicit additionalProperties
	extra    []*openapi3.SchemaRef
	items    []*openapi3.SchemaRef
}

func (f *fieldView) add(s *openapi3.Schema, v any) {
	if s == nil {
		return
	}
	for k, p := range s.Properties {
		f.props[k] = append(f.props[k], p)
		f.hasProps = true
	}
	if ap := s.AdditionalProperties; ap.Has != nil || ap.Schema != nil {
		f.open = true
		if ap.Schema != nil {
			f.extra = append(f.extra, ap.Schema)
		}
	}
	if s.Items != nil {
		f.items = append(f.items, s.Items)
	}
	for _, sub := range s.AllOf {
		f.add(sub.Value, v)
	}
	for _, branches := range []openapi3.SchemaRefs{s.OneOf, s.AnyOf} {
		var matching openapi3.SchemaRefs
		for _, b := range branches {
			if b.Value != nil && b.Value.VisitJSON(v, openapi3.MultiErrors()) == nil {
				matching = append(matching, b)
			}
		}
		if len(matching) == 0 {
			matching = branches
		}
		for _, b := range matching {
			f.add(b.Value, v)
		}
	}
}

func walkFields(schemas []*openapi3.SchemaRef, v any, at string, out *[]string) {
	f := fieldView{props: map[string][]*openapi3.SchemaRef{}}
	for _, s := range schemas {
		if s != nil {
			f.add(s.Value, v)
		}
	}
	switch v := v.(type) {
	case map[string]any:
		for k, kv := range v {
			path := k
			if at != "" {
				path = at + "." + k
			}
			switch ps, listed := f.props[k]; {
			case listed:
				walkFields(ps, kv, path, out)
			case f.open:
				walkFields(f.extra, kv, path, out)
			case f.hasProps:
				*out = append(*out, path)
			}
		}
	case []any:
		for _, e := range v {
			walkFields(f.items, e, at+"[]", out)
		}
	}
}

// TestOpenAPICheckerNamesUndocumentedFields proves the field walk above can
// fail: through $ref, allOf, the matching oneOf branch, arrays and nested
// objects, every key the schema leaves out is named, and only those.
func TestOpenAPICheckerNamesUndocumentedFields(t *testing.T) {
	doc, err := openapi3.NewLoader().LoadFromData([]byte(`{
	  "openapi": "3.1.0", "info": {"title": "t", "version": "1"}, "paths": {},
	  "components": {"schemas": {
	    "Month": {"type": "object", "properties": {"month": {"type": "string"}, "count": {"type": "integer"}}},
	    "Figures": {"allOf": [
	      {"type": "object", "properties": {"year": {"type": "integer"}}},
	      {"type": "object", "properties": {
	        "requests": {"type": "object", "properties": {
	          "total": {"type": "integer"},
	          "by_month": {"type": "array", "items": {"$ref": "#/components/schemas/Month"}}}},
	        "by_topic": {"type": "object", "additionalProperties": {"$ref": "#/components/schemas/Month"}},
	        "free": {"type": "object", "properties": {"a": {"type": "string"}}, "additionalProperties": true},
	        "one": {"oneOf": [
	          {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["a"]}, "x": {"type": "integer"}}},
	          {"type": "object", "required": ["kind"], "properties": {"kind": {"enum": ["b"]}, "y": {"type": "integer"}}}]}}}]}}}}`))
	if err != nil {
		t.Fatal(err)
	}
	s := doc.Components.Schemas["Figures"]
	documented := `{"year": 2026, "requests": {"total": 3, "by_month": [{"month": "2026-01", "count": 3}]},
	  "by_topic": {"vacancy": {"month": "2026-01"}}, "free": {"a": "x", "b": 1}, "one": {"kind": "b", "y": 2}}`
	var v any
	if err := json.Unmarshal([]byte(documented), &v); err != nil {
		t.Fatal(err)
	}
	if got := undocumentedFields(s, v); len(got) != 0 {
		t.Errorf("a documented body: %v named", got)
	}
	extra := `{"year": 2026, "zz": 1, "requests": {"total": 3, "by_week": [], "by_month": [{"month": "2026-01", "count": 3, "share": 1}]},
	  "by_topic": {"vacancy": {"month": "2026-01", "days": 2}}, "free": {"a": "x", "b": 1}, "one": {"kind": "b", "y": 2, "x": 1}}`
	if err := json.Unmarshal([]byte(extra), &v); err != nil {
		t.Fatal(err)
	}
	want := []string{"by_topic.vacancy.days", "one.x", "requests.by_month[].share", "requests.by_week", "zz"}
	if got := undocumentedFields(s, v); strings.Join(got, " ") != strings.Join(want, " ") {
		t.Errorf("undocumented fields = %v, want %v", got, want)
	}
}
