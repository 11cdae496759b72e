package api_test

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/getkin/kin-openapi/openapi3"
	"github.com/getkin/kin-openapi/openapi3filter"

	"jobmatch/system/systemtest"
)

// mutant is a request body the OpenAPI document rejects, made from a body
// the server accepts by breaking one rule of the operation's schema.
type mutant struct {
	what string
	body map[string]any
}

// sendMutants checks, before the first accepted request of an operation is
// sent, that the server rejects (400 or 422) every body the operation's
// schema rejects: each required property left out, each enum given a value
// outside it, each property given the wrong JSON type, each string one
// character over its maxLength, each number past its minimum or maximum,
// and an unknown property where the schema allows none. The requests are
// generated from the schema, so a rule the document states and the server
// does not keep (or the other way round, for the accepted body, which do
// validates against the document) fails the test.
func (c *checker) sendMutants(client *systemtest.Client, method, path string, body any) {
	c.t.Helper()
	raw, err := json.Marshal(body)
	if err != nil {
		return
	}
	var obj map[string]any
	if json.Unmarshal(raw, &obj) != nil || obj == nil {
		return
	}
	req, _ := http.NewRequest(method, "http://localhost"+path, bytes.NewReader(raw))
	req.Header.Set("Content-Type", "application/json")
	route, params, err := c.router.FindRoute(req)
	if err != nil || route.Operation.RequestBody == nil || route.Operation.RequestBody.Value == nil {
		return
	}
	op := route.Method + " " + route.Path
	if c.mutated == nil {
		c.mutated = map[string]bool{}
	}
	if c.mutated[op] || strings.HasSuffix(route.Path, "/auth/login") { // failed logins would throttle the account
		return
	}
	c.mutated[op] = true
	mt := route.Operation.RequestBody.Value.Content.Get("application/json")
	if mt == nil || mt.Schema == nil || mt.Schema.Value == nil {
		return
	}
	sent := 0
	for _, m := range mutantsOf(mt.Schema.Value, obj) {
		b, _ := json.Marshal(m.body)
		vreq, _ := http.NewRequest(method, "http://localhost"+path, bytes.NewReader(b))
		vreq.Header.Set("Content-Type", "application/json")
		in := &openapi3filter.RequestValidationInput{Request: vreq, PathParams: params, Route: route,
			Options: &openapi3filter.Options{AuthenticationFunc: openapi3filter.NoopAuthenticationFunc}}
		if openapi3filter.ValidateRequest(context.Background(), in) == nil {
			continue // the document does not reject it after all (e.g. nullable)
		}
		res := client.Do(method, path, json.RawMessage(b), nil)
		sent++
		if res.StatusCode != http.StatusBadRequest && res.StatusCode != http.StatusUnprocessableEntity {
			c.t.Errorf("%s with %s: the document rejects the body, the server answered %d: %.300s", op, m.what, res.StatusCode, res.Body)
		}
	}
	c.t.Logf("%s: %d bodies generated from the schema", op, sent)
}

// mutantsOf breaks the schema's top-level rules one at a time.
func mutantsOf(s *openapi3.Schema, valid map[string]any) []mutant {
	with := func(k string, v any) map[string]any {
		m := make(map[string]any, len(valid)+1)
		for kk, vv := range valid {
			m[kk] = vv
		}
		m[k] = v
		return m
	}
	var out []mutant
	for _, k := range s.Required {
		m := with(k, nil)
		delete(m, k)
		out = append(out, mutant{"required " + k + " left out", m})
	}
	names := make([]string, 0, len(s.Properties))
	for k := range s.Properties {
		names = append(names, k)
	}
	slices.Sort(names)
	for _, k := range names {
		ref := s.Properties[k]
		if ref == nil || ref.Value == nil || ref.Value.ReadOnly {
			continue
		}
		p := ref.Value
		switch {
		case p.Type.Is("string"):
			out = append(out, mutant{k + " as a number", with(k, 12345)})
		case p.Type.Is("integer") || p.Type.Is("number"):
			out = append(out, mutant{k + " as a string", with(k, "x")})
		case p.Type.Is("boolean"):
			out = append(out, mutant{k + " as a string", with(k, "x")})
		case p.Type.Is("array"):
			out = append(out, mutant{k + " as a string", with(k, "x")})
		case p.Type.Is("object"):
			out = append(out, mutant{k + " as a string", with(k, "x")})
		}
		if len(p.Enum) > 0 && p.Type.Is("string") {
			out = append(out, mutant{k + " outside its enum", with(k, "zz-no-such-value")})
		}
		if p.MaxLength != nil && *p.MaxLength < 100000 {
			out = append(out, mutant{fmt.Sprintf("%s over maxLength %d", k, *p.MaxLength), with(k, strings.Repeat("a", int(*p.MaxLength)+1))})
		}
		if p.Max != nil {
			out = append(out, mutant{fmt.Sprintf("%s over maximum %v", k, *p.Max), with(k, *p.Max+1)})
		}
		if p.Min != nil {
			out = append(out, mutant{fmt.Sprintf("%s under minimum %v", k, *p.Min), with(k, *p.Min-1)})
		}
	}
	if s.AdditionalProperties.Has != nil && !*s.AdditionalProperties.Has {
		out = append(out, mutant{"an unknown property", with("zz_unknown", 1)})
	}
	return out
}
