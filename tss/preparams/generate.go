package preparams

import (
	"context"
	"fmt"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

// Generate makes one set. concurrency is the number of prime-search goroutines per
// search (minimum and default 1): tss-lib searches the Paillier primes with twice that
// and the proof's safe primes with that many at the same time, so 1 still keeps up to
// three goroutines busy until the proof primes are found. (The library divides its
// own argument by three; Generate passes 3*concurrency so that the number here means
// what it says.) When ctx ends first, the half-made set is dropped and ctx's error
// returned, so a caller can tell a cancellation from a failure.
func Generate(ctx context.Context, concurrency int) (*keygen.LocalPreParams, error) {
	if concurrency < 1 {
		concurrency = 1
	}
	pp, err := keygen.GeneratePreParamsWithContext(ctx, 3*concurrency)
	if ctx.Err() != nil {
		return nil, ctx.Err()
	}
	if err != nil {
		return nil, fmt.Errorf("generate preparams: %w", err)
	}
	if err := validate(pp); err != nil {
		return nil, fmt.Errorf("generated %w", err)
	}
	return pp, nil
}
