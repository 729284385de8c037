// Package tssfixtures serves the project's committed TSS preparams fixtures
// (preparams/party-NN.json, made once by ./gen) to tests, so that no test ever waits
// minutes for safe primes. Their secrets are public: tests and the localnet only, never
// a key that guards anything.
package tssfixtures

import (
	"embed"
	"encoding/json"
	"fmt"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

//go:embed preparams/*.json
var files embed.FS

// PreparamsJSON is the fixture file of party i as committed (JSON of keygen.LocalPreParams).
func PreparamsJSON(i int) ([]byte, error) {
	bz, err := files.ReadFile(fmt.Sprintf("preparams/party-%02d.json", i))
	if err != nil {
		return nil, fmt.Errorf("tss fixture preparams of party %d: %w", i, err)
	}
	return bz, nil
}

// Preparams decodes the fixture preparams of party i. Only parties 0..3 are
// guaranteed to exist; a fresh value is returned on every call (tss-lib mutates
// nothing in it, but callers may).
func Preparams(i int) (*keygen.LocalPreParams, error) {
	bz, err := PreparamsJSON(i)
	if err != nil {
		return nil, err
	}
	pp := new(keygen.LocalPreParams)
	if err := json.Unmarshal(bz, pp); err != nil {
		return nil, fmt.Errorf("tss fixture preparams of party %d: %w", i, err)
	}
	if !pp.ValidateWithProof() {
		return nil, fmt.Errorf("tss fixture preparams of party %d are incomplete", i)
	}
	return pp, nil
}
