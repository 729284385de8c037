package keeper

import (
	"fmt"
	"math/big"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// Alternates. Every threshold signing session draws a fresh nonce, so two sessions
// of one sign request give two valid signatures and two transaction hashes. A
// session that timed out just as its parties finished leaves its signature in a
// vote extension the chain no longer takes; one signer can finish the last round
// alone and withhold its share. Either way a valid pool signature of a version's
// digest may reach L1 under a hash the chain never recorded. L1 is authoritative:
// the validators look for the transaction at the pool's nonce and report it with its
// signature; the chain takes it as the version that landed once it proves to be one.

// landAlternate lands tx with the alternate the receipt names, if the receipt's
// signature turns one of tx's versions into exactly that transaction, sent by the
// pool. Anything else is logged and ignored: the receipt cannot be the pool's.
func (k Keeper) landAlternate(ctx sdk.Context, params types.Params, tx types.PoolTx, rc types.PoolTxReceipt) error {
	version, raw, err := k.alternateVersion(ctx, tx, rc)
	if err != nil {
		k.Logger(ctx).Error("a receipt with more than 2/3 of power behind it is not a pool transaction; ignored",
			"id", tx.Id, "hash", fmt.Sprintf("%x", rc.TxHash), "err", err)
		return nil
	}
	base := tx.Versions[version]
	tx.Versions = append(tx.Versions, types.PoolTxVersion{
		MaxFee: base.MaxFee, MaxTip: base.MaxTip, SignRequest: base.SignRequest, TxHash: rc.TxHash, Raw: raw,
		OpenedHeight: base.OpenedHeight, SignedHeight: ctx.BlockHeight(), Alternate: true,
	})
	k.Logger(ctx).Info("an alternate signature of a pool transaction landed on L1", "id", tx.Id, "nonce", tx.Nonce,
		"of_version", version, "hash", fmt.Sprintf("%x", rc.TxHash))
	return k.land(ctx, params, tx, len(tx.Versions)-1, rc.Reverted, rc.L1Block)
}

// alternateVersion finds the version of tx that rc's signature signs into the
// transaction rc names: the same nonce, call and fees, sent by the pool, with
// exactly rc's hash. It returns the version's index and the signed bytes.
func (k Keeper) alternateVersion(ctx sdk.Context, tx types.PoolTx, rc types.PoolTxReceipt) (int, []byte, error) {
	pool, err := k.PoolKey.Get(ctx)
	if err != nil {
		return 0, nil, err
	}
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil {
		return 0, nil, err
	}
	if sp.L1ChainId == 0 {
		return 0, nil, fmt.Errorf("x/sequencer has no l1_chain_id")
	}
	chainID := new(big.Int).SetUint64(sp.L1ChainId)
	call := outbound.Call{To: common.HexToAddress(tx.To), Data: tx.Data, Gas: tx.Gas}
	for i, v := range tx.Versions {
		if v.Alternate {
			continue
		}
		fees := outbound.Fees{MaxFee: types.Wei(v.MaxFee), MaxTip: types.Wei(v.MaxTip)}
		unsigned, err := outbound.Build(chainID, tx.Nonce, call, fees)
		if err != nil {
			return 0, nil, err
		}
		// The hash is checked before the (costlier) sender recovery: a signature that
		// does not make this version's transaction fails here.
		signed, err := unsigned.WithSignature(ethtypes.NewLondonSigner(chainID), rc.Signature)
		if err != nil || signed.Hash() != common.BytesToHash(rc.TxHash) {
			continue
		}
		if _, err := outbound.Assemble(chainID, unsigned, rc.Signature, common.HexToAddress(pool.Address)); err != nil {
			return 0, nil, err
		}
		raw, err := signed.MarshalBinary()
		if err != nil {
			return 0, nil, err
		}
		return i, raw, nil
	}
	return 0, nil, fmt.Errorf("the signature makes none of the %d versions into transaction %x", len(tx.Versions), rc.TxHash)
}
