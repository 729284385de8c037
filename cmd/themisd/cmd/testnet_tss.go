package cmd

import (
	"fmt"
	"path/filepath"

	"github.com/themis-network/themis/testutil/tssfixtures"
	"github.com/themis-network/themis/tss/keystore"
	"github.com/themis-network/themis/tss/preparams"
)

// seedTSSFixtures seals the project's fixture preparams into node i's keystore, so a
// localnet's keygen takes seconds rather than the minutes of a safe-prime search: two
// sets per node up to six nodes, one up to twelve, never one set in two nodes (tss-lib
// refuses two parties with the same parameters). The fixtures are public.
func seedTSSFixtures(n testnetNode, i, nodes int) error {
	sets := []int{i}
	switch {
	case nodes > tssfixtures.Count:
		return fmt.Errorf("--tss seeds at most %d nodes from the fixtures (asked for %d)", tssfixtures.Count, nodes)
	case 2*nodes <= tssfixtures.Count:
		sets = append(sets, i+nodes)
	}
	nodeKey, err := keystore.LoadNodeKey(filepath.Join(n.home, "config", "node_key.json"))
	if err != nil {
		return err
	}
	store, err := keystore.Open(filepath.Join(n.home, tssStoreDir), nodeKey, keystore.Options{Create: true})
	if err != nil {
		return err
	}
	pool := preparams.NewPool(store)
	for _, j := range sets {
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
