package keeper

import (
	"context"

	"cosmossdk.io/collections"
)

// lastEntry is the entry with the highest key of a map kept by a rising number (batch
// index, key generation); ok is false when the map is empty.
func lastEntry[V any](ctx context.Context, m collections.Map[uint64, V]) (key uint64, value V, ok bool, err error) {
	it, err := m.Iterate(ctx, new(collections.Range[uint64]).Descending())
	if err != nil {
		return 0, value, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return 0, value, false, nil
	}
	kv, err := it.KeyValue()
	if err != nil {
		return 0, value, false, err
	}
	return kv.Key, kv.Value, true, nil
}
