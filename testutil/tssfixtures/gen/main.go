// Command gen makes the project's committed TSS test fixtures: Paillier and safe-prime
// preparams for a handful of parties. They are generated once (minutes per set on two
// cores) so that no test and no localnet start ever waits for safe primes. Their
// secrets are public: they may serve tests and the localnet only, never a key that
// guards anything.
//
//	go run ./testutil/tssfixtures/gen -n 10 -out testutil/tssfixtures/preparams
package main

import (
	"encoding/json"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"github.com/bnb-chain/tss-lib/v2/ecdsa/keygen"
)

func main() {
	n := flag.Int("n", 10, "number of preparams sets")
	out := flag.String("out", "testutil/tssfixtures/preparams", "output directory")
	concurrency := flag.Int("concurrency", 1, "goroutines per set")
	testkey := flag.String("testkey", "", "also run a keygen of the first 4 fixture parties into this directory")
	flag.Parse()
	defer func() {
		if *testkey == "" {
			return
		}
		if err := writeTestKey(*testkey); err != nil {
			fmt.Fprintln(os.Stderr, "test key:", err)
			os.Exit(1)
		}
	}()
	if err := os.MkdirAll(*out, 0o755); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
	for i := 0; i < *n; i++ {
		path := filepath.Join(*out, fmt.Sprintf("party-%02d.json", i))
		if _, err := os.Stat(path); err == nil {
			fmt.Printf("%s exists, kept\n", path)
			continue
		}
		start := time.Now()
		pp, err := keygen.GeneratePreParams(30*time.Minute, *concurrency)
		if err != nil {
			fmt.Fprintln(os.Stderr, "preparams:", err)
			os.Exit(1)
		}
		if !pp.ValidateWithProof() {
			fmt.Fprintln(os.Stderr, "generated preparams fail validation")
			os.Exit(1)
		}
		bz, err := json.Marshal(pp)
		if err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		if err := os.WriteFile(path, bz, 0o644); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
		fmt.Printf("%s in %s\n", path, time.Since(start).Round(time.Second))
	}
}
