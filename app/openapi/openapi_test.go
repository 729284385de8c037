package openapi_test

import (
	"encoding/json"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app/openapi"
)

// The node serves the document, and the document names every GET route the modules'
// query protos declare (so a new query cannot be left out of it).
func TestDocumentCoversEveryQueryRoute(t *testing.T) {
	router := mux.NewRouter()
	openapi.Register(router)
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, openapi.Path, nil))
	require.Equal(t, http.StatusOK, rec.Code)
	require.Equal(t, "application/json", rec.Header().Get("Content-Type"))

	var doc struct {
		Swagger string                          `json:"swagger"`
		Info    struct{ Title, Version string } `json:"info"`
		Paths   map[string]map[string]any       `json:"paths"`
	}
	require.NoError(t, json.Unmarshal(rec.Body.Bytes(), &doc))
	require.Equal(t, "2.0", doc.Swagger)
	require.Equal(t, "themis REST API", doc.Info.Title)

	declared := declaredGetRoutes(t)
	require.Greater(t, len(declared), 40)
	for _, route := range declared {
		ops, ok := doc.Paths[route]
		require.True(t, ok, "route %s is not in the OpenAPI document (run make generate)", route)
		require.Contains(t, ops, "get", route)
	}
	require.Len(t, doc.Paths, len(declared), "the document has routes no proto declares")
}

// declaredGetRoutes reads `(google.api.http).get = "..."` from every query.proto under proto/themis.
func declaredGetRoutes(t *testing.T) []string {
	t.Helper()
	files, err := filepath.Glob("../../proto/themis/*/v1/query.proto")
	require.NoError(t, err)
	require.NotEmpty(t, files)
	get := regexp.MustCompile(`\(google\.api\.http\)\.get\s*=\s*"([^"]+)"`)
	var routes []string
	for _, f := range files {
		raw, err := os.ReadFile(f)
		require.NoError(t, err)
		for _, m := range get.FindAllStringSubmatch(string(raw), -1) {
			routes = append(routes, strings.TrimSpace(m[1]))
		}
	}
	sort.Strings(routes)
	return routes
}
