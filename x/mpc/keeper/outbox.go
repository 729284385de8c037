package keeper

import (
	"context"
	"fmt"
	"math/big"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// The outbox turns pool calls into L1 transactions, one in flight at a time:
//
//	QUEUED --(its turn, an agreed base fee)--> SIGNING --(signature)--> SENT
//	SENT --(no receipt after stuck_blocks)--> SIGNING (a new version, same nonce, fees bumped)
//	SIGNING/SENT --(more than 2/3 saw a version's receipt)--> CONFIRMED | REVERTED
//
// One in flight keeps the nonce rule simple and safe: the next transaction takes the
// nonce after the one that landed, so a dropped transaction can never leave a gap
// that blocks the ones after it, and all versions of one nonce exclude each other on
// L1: whichever lands, the call is made once.

// purposeRegistry holds the pool call purposes by name (filled while the app is
// built; looked up, never iterated).
type purposeRegistry struct {
	byName map[string]types.PoolCallPurpose
}

// RegisterPoolPurpose registers what may queue pool calls (a module's own type).
func (k Keeper) RegisterPoolPurpose(p types.PoolCallPurpose) error {
	if p == nil {
		return errorsmod.Wrap(types.ErrUnknownPurpose, "nil purpose")
	}
	if err := types.ValidatePayloadTypeName(p.Name()); err != nil {
		return errorsmod.Wrap(types.ErrUnknownPurpose, err.Error())
	}
	if _, dup := k.purposes.byName[p.Name()]; dup {
		return errorsmod.Wrapf(types.ErrUnknownPurpose, "%s registered twice", p.Name())
	}
	k.purposes.byName[p.Name()] = p
	return nil
}

// registerBuiltins registers the payload type and the purposes x/mpc owns.
func (k Keeper) registerBuiltins() {
	for _, err := range []error{
		k.RegisterPayloadType(poolTxPayload{k}),
		k.RegisterPoolPurpose(batchPurpose{k}),
		k.RegisterPoolPurpose(acceptPoolPurpose{k}),
		k.RegisterPoolPurpose(l1AdminPurpose{}),
		k.RegisterPoolPurpose(completeRecoveryPurpose{}),
	} {
		if err != nil {
			panic(err) // a programming error: the names are constants
		}
	}
}

// QueuePoolCall queues an L1 call from the pool address for a registered purpose and
// returns the pool transaction's id. Only keeper code calls it, after more than 2/3
// of power validated what the call carries: there is no message for it.
func (k Keeper) QueuePoolCall(ctx context.Context, purpose string, ref uint64, call outbound.Call) (uint64, error) {
	tx, err := k.newPoolCall(ctx, purpose, ref, call, types.POOL_TX_STATUS_QUEUED)
	if err != nil {
		return 0, err
	}
	return tx.Id, emit(ctx, &types.EventPoolTxQueued{Id: tx.Id, Purpose: purpose, Ref: ref})
}

// newPoolCall stores a new pool transaction for a registered purpose with status st.
func (k Keeper) newPoolCall(ctx context.Context, purpose string, ref uint64, call outbound.Call, st types.PoolTxStatus) (types.PoolTx, error) {
	if _, ok := k.purposes.byName[purpose]; !ok {
		return types.PoolTx{}, errorsmod.Wrap(types.ErrUnknownPurpose, purpose)
	}
	if err := call.Validate(); err != nil {
		return types.PoolTx{}, errorsmod.Wrap(types.ErrInvalidPoolCall, err.Error())
	}
	if len(call.Data) > types.MaxPayloadBytes/2 {
		return types.PoolTx{}, errorsmod.Wrapf(types.ErrInvalidPoolCall, "%d bytes of call data", len(call.Data))
	}
	n, err := k.NextPoolTx.Next(ctx)
	if err != nil {
		return types.PoolTx{}, err
	}
	tx := types.PoolTx{
		Id: n + 1, Purpose: purpose, Ref: ref, To: types.AddressString(call.To), Data: append([]byte(nil), call.Data...),
		Gas: call.Gas, Status: st, CreatedHeight: sdk.UnwrapSDKContext(ctx).BlockHeight(),
	}
	if err := k.setPoolTx(ctx, tx, types.POOL_TX_STATUS_UNSPECIFIED); err != nil {
		return types.PoolTx{}, err
	}
	return tx, k.LastByPurpose.Set(ctx, purpose, tx.Id)
}

// GetPoolTx returns a pool transaction by id.
func (k Keeper) GetPoolTx(ctx context.Context, id uint64) (types.PoolTx, error) {
	tx, err := k.PoolTxs.Get(ctx, id)
	if isNotFound(err) {
		return types.PoolTx{}, errorsmod.Wrapf(types.ErrPoolTxNotFound, "%d", id)
	}
	return tx, err
}

// setPoolTx stores a pool transaction and moves it in the status index.
func (k Keeper) setPoolTx(ctx context.Context, tx types.PoolTx, prev types.PoolTxStatus) error {
	if prev != types.POOL_TX_STATUS_UNSPECIFIED && prev != tx.Status {
		if err := k.PoolTxsByStatus.Remove(ctx, collections.Join(int32(prev), tx.Id)); err != nil {
			return err
		}
	}
	if err := k.PoolTxsByStatus.Set(ctx, collections.Join(int32(tx.Status), tx.Id)); err != nil {
		return err
	}
	return k.PoolTxs.Set(ctx, tx.Id, tx)
}

// firstWithStatus returns the lowest-id pool transaction with a status.
func (k Keeper) firstWithStatus(ctx context.Context, st types.PoolTxStatus) (types.PoolTx, bool, error) {
	it, err := k.PoolTxsByStatus.Iterate(ctx, collections.NewPrefixedPairRange[int32, uint64](int32(st)))
	if err != nil {
		return types.PoolTx{}, false, err
	}
	defer it.Close()
	if !it.Valid() {
		return types.PoolTx{}, false, nil
	}
	key, err := it.Key()
	if err != nil {
		return types.PoolTx{}, false, err
	}
	tx, err := k.PoolTxs.Get(ctx, key.K2())
	return tx, err == nil, err
}

// InFlight returns the pool transaction being signed or sent, if any.
func (k Keeper) InFlight(ctx context.Context) (types.PoolTx, bool, error) {
	for _, st := range []types.PoolTxStatus{types.POOL_TX_STATUS_SIGNING, types.POOL_TX_STATUS_SENT} {
		tx, ok, err := k.firstWithStatus(ctx, st)
		if err != nil || ok {
			return tx, ok, err
		}
	}
	return types.PoolTx{}, false, nil
}

// getL1View returns the agreed view (empty before the first agreement).
func (k Keeper) getL1View(ctx context.Context) (types.L1View, error) {
	v, err := k.L1View.Get(ctx)
	if isNotFound(err) {
		return types.L1View{}, nil
	}
	return v, err
}

// stepOutbox runs in EndBlock: it replaces the version in flight that has had no
// receipt for stuck_blocks, or starts the next queued transaction (nextQueued).
func (k Keeper) stepOutbox(ctx sdk.Context, params types.Params) error {
	if has, err := k.PoolKey.Has(ctx); err != nil || !has {
		return err
	}
	view, err := k.getL1View(ctx)
	if err != nil {
		return err
	}
	tx, inFlight, err := k.InFlight(ctx)
	if err != nil {
		return err
	}
	if inFlight {
		return k.replaceIfStuck(ctx, params, view, tx)
	}
	tx, queued, err := k.nextQueued(ctx)
	if err != nil || !queued {
		return err
	}
	if view.L1Height == 0 || len(view.BaseFee) == 0 {
		return nil // no agreed L1 view yet: the fee and nonce would be guesses
	}
	fees, err := outbound.FeesFor(types.Wei(view.BaseFee), params.Tip(), params.MaxFee())
	if err != nil {
		return err
	}
	tx.Nonce = max(view.NextNonce, view.PoolNonce)
	tx.L1Height = view.L1Height
	return k.openVersion(ctx, tx, fees)
}

// nextQueued is the queued transaction whose turn it is: the L2 batch's, if it is
// queued (the rollup's state commitments go first: a backlog of other calls, such as a
// year of escrow releases, must not slow them), else the lowest id.
func (k Keeper) nextQueued(ctx context.Context) (types.PoolTx, bool, error) {
	last, err := k.LastByPurpose.Get(ctx, BatchPurpose)
	if err != nil && !isNotFound(err) {
		return types.PoolTx{}, false, err
	}
	if err == nil {
		tx, err := k.PoolTxs.Get(ctx, last)
		if err != nil {
			return types.PoolTx{}, false, err
		}
		if tx.Status == types.POOL_TX_STATUS_QUEUED {
			return tx, true, nil
		}
	}
	return k.firstWithStatus(ctx, types.POOL_TX_STATUS_QUEUED)
}

// replaceIfStuck opens a new version of a SENT transaction whose latest version has
// had no receipt for stuck_blocks: same nonce, both caps raised by fee_bump_percent
// (or to the fresh price, if higher), so L1 takes it in place of the old one.
func (k Keeper) replaceIfStuck(ctx sdk.Context, params types.Params, view types.L1View, tx types.PoolTx) error {
	if tx.Status != types.POOL_TX_STATUS_SENT || len(tx.Versions) == 0 {
		return nil
	}
	last := tx.Versions[len(tx.Versions)-1]
	if ctx.BlockHeight() < last.SignedHeight+int64(params.StuckBlocks) {
		return nil
	}
	if view.PoolNonce > tx.Nonce {
		// L1 used the nonce at a confirmed height: a version (or an alternate
		// signature of one) is in, its receipt on its way. Another version could
		// never land; replacing would only spend a signing session.
		return nil
	}
	prev := outbound.Fees{MaxFee: types.Wei(last.MaxFee), MaxTip: types.Wei(last.MaxTip)}
	fresh := prev
	if len(view.BaseFee) > 0 {
		f, err := outbound.FeesFor(types.Wei(view.BaseFee), params.Tip(), params.MaxFee())
		if err != nil {
			return err
		}
		fresh = f
	}
	fees, ok := outbound.Bump(prev, fresh, uint64(params.FeeBumpPercent), params.MaxFee())
	if !ok {
		// The cap leaves no room: the signed version stays and any bridge keeps
		// sending it. Alarm once per version (at the block it became stuck).
		if ctx.BlockHeight() == last.SignedHeight+int64(params.StuckBlocks) {
			return emit(ctx, &types.EventPoolTxFeeCapped{Id: tx.Id, Version: uint32(len(tx.Versions) - 1), MaxFeePerGas: params.MaxFeePerGas})
		}
		return nil
	}
	k.Logger(ctx).Info("pool transaction stuck: replacing it", "id", tx.Id, "nonce", tx.Nonce, "versions", len(tx.Versions))
	return k.openVersion(ctx, tx, fees)
}

// openVersion builds the next version of tx with fees and asks the pool to sign it.
func (k Keeper) openVersion(ctx sdk.Context, tx types.PoolTx, fees outbound.Fees) error {
	sp, err := k.sequencers.GetParams(ctx)
	if err != nil {
		return err
	}
	if sp.L1ChainId == 0 {
		return fmt.Errorf("x/sequencer has no l1_chain_id")
	}
	chainID := new(big.Int).SetUint64(sp.L1ChainId)
	unsigned, err := outbound.Build(chainID, tx.Nonce, outbound.Call{To: common.HexToAddress(tx.To), Data: tx.Data, Gas: tx.Gas}, fees)
	if err != nil {
		return err
	}
	version := uint32(len(tx.Versions))
	payload, err := encodePoolTxPayload(tx.Id, version, unsigned)
	if err != nil {
		return err
	}
	req, err := k.RequestSignature(ctx, PoolTxPayloadType, payload)
	if err != nil {
		return err
	}
	prev := tx.Status
	tx.Versions = append(tx.Versions, types.PoolTxVersion{
		MaxFee: types.WeiBytes(fees.MaxFee), MaxTip: types.WeiBytes(fees.MaxTip), SignRequest: req, OpenedHeight: ctx.BlockHeight(),
	})
	tx.Status = types.POOL_TX_STATUS_SIGNING
	if err := k.setPoolTx(ctx, tx, prev); err != nil {
		return err
	}
	return emit(ctx, &types.EventPoolTxSigning{
		Id: tx.Id, Version: version, Nonce: tx.Nonce, MaxFee: fees.MaxFee.String(), MaxTip: fees.MaxTip.String(), SignRequest: req,
	})
}

// land records that a version of the transaction in flight landed on L1, moves the
// nonce on, counts the purpose's reverts and tells the purpose.
func (k Keeper) land(ctx sdk.Context, params types.Params, tx types.PoolTx, version int, reverted bool, l1Block uint64) error {
	prev := tx.Status
	tx.Status = types.POOL_TX_STATUS_CONFIRMED
	if reverted {
		tx.Status = types.POOL_TX_STATUS_REVERTED
	}
	tx.Landed, tx.L1Block, tx.ClosedHeight = uint32(version), l1Block, ctx.BlockHeight()
	if err := k.setPoolTx(ctx, tx, prev); err != nil {
		return err
	}
	view, err := k.getL1View(ctx)
	if err != nil {
		return err
	}
	view.NextNonce = max(view.NextNonce, tx.Nonce+1)
	if err := k.L1View.Set(ctx, view); err != nil {
		return err
	}
	if err := k.countRevert(ctx, params, tx.Purpose, reverted); err != nil {
		return err
	}
	k.Logger(ctx).Info("pool transaction landed", "id", tx.Id, "purpose", tx.Purpose, "nonce", tx.Nonce, "version", version, "reverted", reverted, "l1_block", l1Block)
	if err := emit(ctx, &types.EventPoolTxLanded{
		Id: tx.Id, Purpose: tx.Purpose, Version: uint32(version), TxHash: tx.Versions[version].TxHash, Reverted: reverted, L1Block: l1Block,
	}); err != nil {
		return err
	}
	return k.tellPurpose(ctx, tx, reverted)
}

// countRevert keeps the purpose's count of consecutive reverts and raises the halt
// alarm when it reaches max_reverts.
func (k Keeper) countRevert(ctx context.Context, params types.Params, purpose string, reverted bool) error {
	if !reverted {
		return k.Reverts.Remove(ctx, purpose)
	}
	n, err := k.Reverts.Get(ctx, purpose)
	if err != nil && !isNotFound(err) {
		return err
	}
	n++
	if err := k.Reverts.Set(ctx, purpose, n); err != nil {
		return err
	}
	if n == params.MaxReverts {
		k.Logger(ctx).Error("pool calls of a purpose keep reverting: it is halted until governance resumes it (MsgResumePurpose)", "purpose", purpose, "reverts", n)
		return emit(ctx, &types.EventPurposeHalted{Purpose: purpose, Reverts: n})
	}
	return nil
}

// PurposeHalted reports whether a purpose's pool calls reverted max_reverts times in a
// row (halted until governance resumes it with MsgResumePurpose).
func (k Keeper) PurposeHalted(ctx context.Context, purpose string) (bool, error) {
	params, err := k.Params.Get(ctx)
	if err != nil {
		return false, err
	}
	return k.Halted(ctx, params, purpose)
}

// Halted reports whether a purpose reverted max_reverts times in a row.
func (k Keeper) Halted(ctx context.Context, params types.Params, purpose string) (bool, error) {
	n, err := k.Reverts.Get(ctx, purpose)
	if isNotFound(err) {
		return false, nil
	}
	return n >= params.MaxReverts, err
}

// tellPurpose runs the purpose's OnLanded in a cache context written only on success.
func (k Keeper) tellPurpose(ctx sdk.Context, tx types.PoolTx, reverted bool) error {
	p, ok := k.purposes.byName[tx.Purpose]
	if !ok {
		k.Logger(ctx).Error("pool transaction of an unregistered purpose landed", "id", tx.Id, "purpose", tx.Purpose)
		return nil
	}
	err := func() (err error) {
		cacheCtx, write := ctx.CacheContext()
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic in OnLanded: %v", r)
			}
		}()
		if err := p.OnLanded(cacheCtx, tx, reverted); err != nil {
			return err
		}
		write()
		return nil
	}()
	if err != nil {
		k.Logger(ctx).Error("pool call purpose failed to take its landing", "id", tx.Id, "purpose", tx.Purpose, "err", err)
	}
	return nil
}
