package l1

import (
	"context"
	"fmt"
	"math/big"
	"slices"

	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/contracts/bindings/staking"
)

// WhitelistAt replays the staking contract's WhitelistUpdated events from fromBlock to
// toBlock and returns the accounts it allows at toBlock (0x, lower case, sorted): the
// contract's whitelist is a mapping it cannot list, so a chain started from the
// contract takes its genesis L1 whitelist from the events (fromBlock: the contract's
// deployment block, or 0).
func WhitelistAt(ctx context.Context, logs ethereum.LogFilterer, stakingAddr common.Address, fromBlock, toBlock uint64) ([]string, error) {
	q := ethereum.FilterQuery{
		FromBlock: new(big.Int).SetUint64(fromBlock), ToBlock: new(big.Int).SetUint64(toBlock),
		Addresses: []common.Address{stakingAddr}, Topics: [][]common.Hash{{topicOf(staking.ThemisStakingWhitelistUpdatedEventName)}},
	}
	found, err := logs.FilterLogs(ctx, q)
	if err != nil {
		return nil, fmt.Errorf("staking contract %s: WhitelistUpdated logs %d-%d: %w", stakingAddr, fromBlock, toBlock, err)
	}
	// Logs come in chain order; the configNonce each carries orders them for certain.
	type update struct {
		nonce   uint64
		account string
		allowed bool
	}
	var updates []update
	for i := range found {
		ev, err := contract.UnpackWhitelistUpdatedEvent(&found[i])
		if err != nil {
			return nil, malformed(err)
		}
		n, err := uint64Field("configNonce", ev.ConfigNonce)
		if err != nil {
			return nil, err
		}
		updates = append(updates, update{n, lowerHex(ev.Account), ev.Allowed})
	}
	slices.SortStableFunc(updates, func(a, b update) int { return cmpUint64(a.nonce, b.nonce) })
	allowed := map[string]bool{}
	for _, u := range updates {
		allowed[u.account] = u.allowed
	}
	var out []string
	for a, ok := range allowed {
		if ok {
			out = append(out, a)
		}
	}
	slices.Sort(out)
	return out, nil
}

func cmpUint64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
