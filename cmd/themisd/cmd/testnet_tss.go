package cmd

import (
	"fmt"
	"path/filepath"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/preparams"
)

// seedTSSFixtures seals two of the project's fixture preparams sets into node i's
// keystore, distinct between the first six nodes, so a localnet's keygen takes seconds
// rather than the minutes of a safe-prime search. The fixtures are public.
func seedTSSFixtures(n testnetNode, i int) error {
	nodeKey, err := keystore.LoadNodeKey(filepath.Join(n.home, "config", "node_key.json"))
	if err != nil {
		return err
	}
	store, err := keystore.Open(filepath.Join(n.home, tssStoreDir), nodeKey, keystore.Options{Create: true})
	if err != nil {
		return err
	}
	pool := preparams.NewPool(store)
	for _, j := range []int{i % tssfixtures.Count, (i + 6) % tssfixtures.Count} {
		pp, err := tssfixtures.Preparams(j)
		if err != nil {
			return err
		}
		if err := pool.Put(pp); err != nil {
			return fmt.Errorf("node%d: seeding fixture preparams %d: %w", i, j, err)
		}
	}
	return nil
}
