// Package dashboard serves the pool dashboard: a web page on the node's REST port (same
// origin as the REST API it reads, so no CORS) with its assets embedded in the binary
// (no CDN: it works with no internet). The page reads only the public REST routes, as
// any outside client could, and polls them; it holds no state of its own.
package dashboard

import (
	"embed"
	"io/fs"
	"net/http"

	"github.com/gorilla/mux"
)

// Path is where the node serves the dashboard ([themis] dashboard = true in app.toml).
const Path = "/dashboard/"

//go:embed assets
var assets embed.FS

// securityHeaders keep the page to its own origin: scripts, styles and requests only
// from the node (profile texts are shown as text; a link never runs script).
func securityHeaders(next http.Handler) http.Handler {
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("Cache-Control", "no-cache")
		next.ServeHTTP(w, r)
	})
}

// Register serves the dashboard at Path on the node's REST router.
func Register(router *mux.Router) {
	sub, err := fs.Sub(assets, "assets")
	if err != nil {
		panic(err) // the embedded tree is fixed at build time
	}
	files := securityHeaders(http.StripPrefix(Path, http.FileServer(http.FS(sub))))
	router.PathPrefix(Path).Methods(http.MethodGet, http.MethodHead).Handler(files)
	router.Handle("/dashboard", http.RedirectHandler(Path, http.StatusMovedPermanently)).Methods(http.MethodGet)
}
