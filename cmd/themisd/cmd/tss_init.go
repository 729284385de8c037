package cmd

import (
	"errors"
	"fmt"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/preparams"
)

func tssInitCmd(deps tssDeps) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "init",
		Short: "Generate TSS preparams into this node's encrypted pool (minutes per set)",
		Long: `Generates preparams (a Paillier key and two safe primes per set) until the pool in <home>/tss
holds --count sets, so that the node never waits for them when a keygen or resharing starts.
One set takes from seconds to several minutes on a small machine, with a heavy tail. Running
it again tops the pool up to --count; a full pool is left alone. Ctrl-C is safe: finished sets
stay in the pool, the set in progress is dropped, never stored half-made.

The first run creates the store, sealed with the node key (run 'themisd init' first), or with
the node key and a passphrase when one is given (--passphrase-file or ` + keystore.PassphraseEnv + `).
The mode is fixed then: with a passphrase, every start of the node needs it.

While running, the node tops the pool up by itself on one core between TSS sessions; this
command is for filling it before the first start.`,
		Example: `themisd tss init --home ~/.themisd
themisd tss init --count 4 --passphrase-file /etc/themis/tss-passphrase`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, _ []string) error {
			count, _ := cmd.Flags().GetInt(flagTSSCount)
			conc, _ := cmd.Flags().GetInt(flagTSSConcurrency)
			if count < 1 || conc < 1 {
				return fmt.Errorf("--%s and --%s must be at least 1", flagTSSCount, flagTSSConcurrency)
			}
			cmd.SilenceUsage = true
			return runTSSInit(cmd, deps, count, conc)
		},
	}
	addTSSFlags(cmd)
	cmd.Flags().Int(flagTSSCount, 2, "sets the pool should hold (one is used per keygen or resharing this node joins)")
	cmd.Flags().Int(flagTSSConcurrency, 1, "prime-search goroutines per search; 1 leaves room for consensus on a small machine (it still keeps up to 3 goroutines busy)")
	return cmd
}

func runTSSInit(cmd *cobra.Command, deps tssDeps, count, conc int) error {
	ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	store, _, err := openTSSStore(cmd, deps, true)
	if err != nil {
		return err
	}
	out, errOut := cmd.OutOrStdout(), cmd.ErrOrStderr()
	pool := preparams.NewPool(store)
	have := pool.Count()
	fmt.Fprintf(out, "TSS store %s (sealed with the %s)\n", store.Dir(), describeMode(store.Mode()))
	if have >= count {
		fmt.Fprintf(out, "preparams pool: %d sets, target %d: nothing to do\n", have, count)
		return nil
	}
	fmt.Fprintf(errOut, "Generating %d preparams set(s) to reach %d (the pool holds %d). One set takes from seconds\n"+
		"to several minutes here, varying a lot from set to set. Ctrl-C is safe: finished sets stay,\n"+
		"the set in progress is dropped.\n", count-have, count, have)
	prog := newTSSProgress(errOut, deps.now, have, count)
	for have < count {
		stopProgress := prog.start()
		pp, err := deps.generate(ctx, conc)
		stopProgress()
		if ctx.Err() != nil {
			prog.println(fmt.Sprintf("interrupted: the pool holds %d of %d sets; the set in progress was dropped", pool.Count(), count))
			return errors.New("interrupted; run `themisd tss init` again to continue")
		}
		if err != nil {
			return err
		}
		if err := pool.Put(pp); err != nil {
			return err
		}
		now := pool.Count()
		if now <= have {
			return errors.New("the generator made a set the pool already holds")
		}
		have = now
		prog.finish(have)
	}
	fmt.Fprintf(out, "preparams pool: %d sets\n", have)
	return nil
}
