package dashboard_test

import (
	"io/fs"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/gorilla/mux"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app/dashboard"
)

func serve(t *testing.T, path string) *httptest.ResponseRecorder {
	t.Helper()
	router := mux.NewRouter()
	dashboard.Register(router)
	rec := httptest.NewRecorder()
	router.ServeHTTP(rec, httptest.NewRequest(http.MethodGet, path, nil))
	return rec
}

// The page and every script and style it loads are served from the binary, under a
// policy that allows nothing from another origin.
func TestDashboardServesItsPageAndAssets(t *testing.T) {
	page := serve(t, dashboard.Path)
	require.Equal(t, http.StatusOK, page.Code)
	require.Contains(t, page.Header().Get("Content-Type"), "text/html")
	csp := page.Header().Get("Content-Security-Policy")
	require.Contains(t, csp, "default-src 'self'")
	require.Equal(t, "nosniff", page.Header().Get("X-Content-Type-Options"))

	refs := regexp.MustCompile(`(?:src|href)="([^"#:]+)"`).FindAllStringSubmatch(page.Body.String(), -1)
	require.NotEmpty(t, refs)
	for _, ref := range refs {
		asset := serve(t, dashboard.Path+ref[1])
		require.Equal(t, http.StatusOK, asset.Code, ref[1])
	}
	js := serve(t, dashboard.Path+"dashboard.js")
	require.Contains(t, js.Header().Get("Content-Type"), "javascript", "modules need a script type")

	redirect := serve(t, "/dashboard")
	require.Equal(t, http.StatusMovedPermanently, redirect.Code)
	require.Equal(t, dashboard.Path, redirect.Header().Get("Location"))
	require.Equal(t, http.StatusNotFound, serve(t, dashboard.Path+"nothing.js").Code)
}

// The page works with no internet and never turns chain data into markup: sequencer
// profiles are written by their operators, so every value is set as text.
func TestDashboardAssetsLoadNothingFromElsewhereAndWriteNoMarkup(t *testing.T) {
	var scripts int
	err := filepath.WalkDir("assets", func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		raw, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		src := string(raw)
		for _, url := range regexp.MustCompile(`https?://[^\s"')]+`).FindAllString(src, -1) {
			require.Equal(t, "http://www.w3.org/2000/svg", url, "%s loads %s", path, url)
		}
		if strings.HasSuffix(path, ".js") {
			scripts++
			for _, sink := range []string{"innerHTML", "outerHTML", "insertAdjacentHTML", "document.write", "eval(", "new Function"} {
				require.NotContains(t, src, sink, "%s writes markup or code from data", path)
			}
		}
		return nil
	})
	require.NoError(t, err)
	require.GreaterOrEqual(t, scripts, 3)
}
