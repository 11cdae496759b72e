package api

import (
	"embed"
	"encoding/json"
	"fmt"
	"io/fs"
	"net/http"
	"sort"
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
	return json.MarshalIndent(doc, "", "  ")
}

func (s *Server) openapi(c echo.Context) error {
	b, err := OpenAPI()
	if err != nil {
		return err
	}
	return c.Blob(http.StatusOK, "application/json", b)
}
