package api

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
	"strings"
	"sync"

	"github.com/labstack/echo/v4"
)

// The OpenAPI 3.1 document is assembled from one fragment per capability
// (api/openapi/*.json): each holds "paths" and "components.schemas" that are
// merged into base.json. Fragments keep each feature's contract next to the
// others without one file everybody edits.

//go:embed openapi/*.json
var openapiFS embed.FS

var (
	openapiOnce sync.Once
	openapiDoc  []byte
	openapiErr  error
)

// OpenAPI returns the merged OpenAPI document.
func OpenAPI() ([]byte, error) {
	openapiOnce.Do(func() { openapiDoc, openapiErr = buildOpenAPI() })
	return openapiDoc, openapiErr
}

func buildOpenAPI() ([]byte, error) {
	var doc map[string]any
	b, err := openapiFS.ReadFile("openapi/base.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(b, &doc); err != nil {
		return nil, fmt.Errorf("api: openapi base: %w", err)
	}
	paths := doc["paths"].(map[string]any)
	schemas := doc["components"].(map[string]any)["schemas"].(map[string]any)
	names, _ := fs.Glob(openapiFS, "openapi/*.json")
	sort.Strings(names)
	for _, n := range names {
		if n == "openapi/base.json" {
			continue
		}
		var frag struct {
			Paths      map[string]map[string]any `json:"paths"`
			Components struct {
				Schemas map[string]any `json:"schemas"`
			} `json:"components"`
		}
		b, _ := openapiFS.ReadFile(n)
		if err := json.Unmarshal(b, &frag); err != nil {
			return nil, fmt.Errorf("api: openapi %s: %w", n, err)
		}
		for p, ops := range frag.Paths {
			existing, _ := paths[p].(map[string]any)
			if existing == nil {
				existing = map[string]any{}
			}
			for m, op := range ops {
				existing[m] = op
			}
			paths[p] = existing
		}
		for k, v := range frag.Components.Schemas {
			schemas[k] = v
		}
	}
	completeResponses(paths)
	return json.MarshalIndent(doc, "", "  ")
}

// completeResponses adds the problem answers every operation can give by
// the way the server is built, so no fragment forgets one: 500 anywhere;
// 401 and 403 where api.RoutePolicy does not admit everyone; 413, 415 and
// 422 for a JSON body (size limit, content type, strict decoding); 429 on
// the rate-limited public writes; 404 for an unknown path parameter.
// The role × route matrix test checks every status it meets is listed.
func completeResponses(paths map[string]any) {
	problem := map[string]any{"$ref": "#/components/responses/Problem"}
	for p, item := range paths {
		ops, _ := item.(map[string]any)
		for method, o := range ops {
			op, ok := o.(map[string]any)
			if !ok {
				continue
			}
			responses, _ := op["responses"].(map[string]any)
			if responses == nil {
				responses = map[string]any{}
				op["responses"] = responses
			}
			add := func(codes ...string) {
				for _, c := range codes {
					if _, ok := responses[c]; !ok {
						responses[c] = problem
					}
				}
			}
			add("500")
			route := strings.ToUpper(method) + " " + echoPath(p)
			if roles, ok := RoutePolicy[route]; ok && len(roles) < len(Callers) {
				add("401", "403")
			}
			if _, ok := op["requestBody"]; ok && strings.HasPrefix(p, "/api/") {
				add("413", "415", "422")
			}
			if rateLimited[route] {
				add("429")
			}
			if strings.Contains(p, "{") && method != "put" {
				add("404")
			}
		}
	}
}

// rateLimited are the routes behind PublicRateLimit or the login throttle.
var rateLimited = map[string]bool{
	"POST /api/v1/vacancies": true, "POST /api/v1/requests": true, "POST /api/v1/auth/login": true,
	"POST /status/:token/answers": true, "POST /survey/:token": true,
}

// echoPath turns an OpenAPI path ("/a/{id}") into echo's ("/a/:id").
func echoPath(p string) string {
	var b strings.Builder
	for _, seg := range strings.Split(p, "/") {
		if b.Len() > 0 || seg != "" {
			b.WriteString("/")
		}
		if strings.HasPrefix(seg, "{") && strings.HasSuffix(seg, "}") {
			seg = ":" + seg[1:len(seg)-1]
		}
		b.WriteString(seg)
	}
	return b.String()
}

func serveOpenAPI(c echo.Context) error {
	b, err := OpenAPI()
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/json", b)
}
