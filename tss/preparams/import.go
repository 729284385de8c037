package preparams

import (
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

// Import seals the plaintext preparams files (*.json, each the JSON of a
// keygen.LocalPreParams, as testutil/tssfixtures holds) found in dir into the pool,
// in name order. It is for the localnet and tests: fixture files are public, and a key
// made with public preparams must never guard anything. A set already in the pool is
// counted as present, not added twice.
func (p *Pool) Import(dir string) (added, present int, err error) {
	files, err := filepath.Glob(filepath.Join(dir, "*.json"))
	if err != nil {
		return 0, 0, err
	}
	if len(files) == 0 {
		return 0, 0, fmt.Errorf("no *.json preparams files in %s", dir)
	}
	sort.Strings(files)
	for _, f := range files {
		bz, err := os.ReadFile(f)
		if err != nil {
			return added, present, err
		}
		pp := new(keygen.LocalPreParams)
		if err := json.Unmarshal(bz, pp); err != nil {
			return added, present, fmt.Errorf("%s: %w", f, err)
		}
		ok, err := p.put(pp)
		if err != nil {
			return added, present, fmt.Errorf("%s: %w", f, err)
		}
		if ok {
			added++
		} else {
			present++
		}
	}
	return added, present, nil
}
