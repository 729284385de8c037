package preparams

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/themis-network/themis/testutil/tssfixtures"
)

// The worker's JSON is taken as one set; a failing or killed worker is an error.
func TestChildGenerate(t *testing.T) {
	bz, err := tssfixtures.PreparamsJSON(0)
	if err != nil {
		t.Fatal(err)
	}
	file := filepath.Join(t.TempDir(), "set.json")
	if err := os.WriteFile(file, bz, 0o600); err != nil {
		t.Fatal(err)
	}
	pp, err := ChildGenerate("cat", file)(context.Background())
	if err != nil || !pp.ValidateWithProof() {
		t.Fatalf("worker output not taken: %v", err)
	}
	if _, err := ChildGenerate("false")(context.Background()); err == nil {
		t.Fatal("a failing worker gave a set")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if _, err := ChildGenerate("sleep", "10")(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Fatalf("a killed worker: %v", err)
	}
}
