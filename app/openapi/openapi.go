// Package openapi serves the OpenAPI (v2) document of every themis REST route. The
// document is generated from proto/ by `make generate` (protoc-gen-openapiv2) and
// embedded here, so the node serves exactly the routes it was built with.
package openapi

import (
	_ "embed"
	"net/http"

	"github.com/gorilla/mux"
)

// Path is where the node serves the document, beside the routes it describes.
const Path = "/themis/openapi.json"

//go:embed themis.swagger.json
var document []byte

// Document is the embedded OpenAPI document.
func Document() []byte { return document }

// Register serves the document at Path on the node's REST router.
func Register(router *mux.Router) {
	router.HandleFunc(Path, func(w http.ResponseWriter, _ *http.Request) {
		w.Header().Set("Content-Type", "application/json")
		_, _ = w.Write(document)
	}).Methods(http.MethodGet)
}
