package preparams

import (
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

// ChildGenerate makes each set in a child process (`exe args...`, which prints one
// set as JSON) run with GOMAXPROCS=1: tss-lib's search uses several goroutines even at
// its smallest concurrency, and only the OS scheduler can hold it to one core. Ending
// ctx kills the child, so a starting session gets the core back at once.
func ChildGenerate(exe string, args ...string) GenerateFunc {
	return func(ctx context.Context) (*keygen.LocalPreParams, error) {
		cmd := exec.CommandContext(ctx, exe, args...)
		cmd.Env = append(os.Environ(), "GOMAXPROCS=1")
		var out, errOut bytes.Buffer
		cmd.Stdout, cmd.Stderr = &out, &errOut
		if err := cmd.Run(); err != nil {
			if ctx.Err() != nil {
				return nil, ctx.Err()
			}
			return nil, fmt.Errorf("preparams worker: %w: %s", err, bytes.TrimSpace(errOut.Bytes()))
		}
		pp := new(keygen.LocalPreParams)
		if err := json.Unmarshal(out.Bytes(), pp); err != nil {
			return nil, fmt.Errorf("preparams worker output: %w", err)
		}
		if !pp.ValidateWithProof() {
			return nil, fmt.Errorf("preparams worker made an incomplete set")
		}
		return pp, nil
	}
}
