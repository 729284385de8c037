package keeper

import (
	"bytes"
	"math/big"

	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/voteext"
)

// L1Reporter is x/mpc's second vote-extension report, "mpc-l1": what each validator's
// own L1 and L2 nodes say (L1 base fee, the pool's nonce and balance, receipts of the
// pool transaction in flight, the proposed batch's commitment). The chain takes each
// fact only with more than 2/3 of power behind it.
func (k Keeper) L1Reporter() voteext.Reporter { return l1Reporter{k} }

type l1Reporter struct{ k Keeper }

func (l1Reporter) Module() string { return types.L1ReportModule }

func (l1Reporter) CheckReport(payload []byte) error {
	_, err := types.DecodeL1Report(payload)
	return err
}

// l1Entry is one validator's decoded report and power.
type l1Entry struct {
	report types.L1Report
	power  int64
}

// ApplyReports agrees on the L1 view, lands the pool transaction in flight when more
// than 2/3 saw one receipt of it, tallies the proposed batch and the dry runs of the
// calls being checked.
func (r l1Reporter) ApplyReports(ctx sdk.Context, _ int64, set voteext.ValidatorSet, reports []voteext.ValidatorReport) error {
	params, err := r.k.Params.Get(ctx)
	if err != nil {
		return err
	}
	entries := make([]l1Entry, 0, len(reports))
	for _, vr := range reports {
		if len(vr.Payload) == 0 {
			continue
		}
		rep, err := types.DecodeL1Report(vr.Payload)
		if err != nil {
			continue // CheckReport refused the extension already; never reached
		}
		entries = append(entries, l1Entry{report: rep, power: vr.Validator.Power})
	}
	total := set.TotalPower
	// Each part on its own branch: a failure of one (a purpose's callback, a call the
	// params made invalid) never loses the others' agreement.
	r.k.isolated(ctx, "agree L1 view", func(ctx sdk.Context) error { return r.k.agreeL1View(ctx, params, total, entries) })
	r.k.isolated(ctx, "tally receipts", func(ctx sdk.Context) error { return r.k.tallyReceipts(ctx, params, total, entries) })
	r.k.isolated(ctx, "tally batch", func(ctx sdk.Context) error { return r.k.tallyBatch(ctx, params, total, entries) })
	r.k.isolated(ctx, "tally checks", func(ctx sdk.Context) error { return r.k.tallyChecks(ctx, total, entries) })
	return nil
}

// agreeL1View updates the view from reports with an L1 height, if their reporters
// hold more than 2/3 of power: confirmed height and nonce by AtLeast (never down),
// base fee and balance by the weighted median, "proposed" by a supermajority.
func (k Keeper) agreeL1View(ctx sdk.Context, params types.Params, total int64, entries []l1Entry) error {
	var heights, nonces, fees, balances []outbound.Weighted
	var reporting, proposed int64
	for _, e := range entries {
		rep := e.report
		if rep.L1Height == 0 {
			continue
		}
		reporting += e.power
		heights = append(heights, outbound.Weighted{Value: new(big.Int).SetUint64(rep.L1Height), Power: e.power})
		nonces = append(nonces, outbound.Weighted{Value: new(big.Int).SetUint64(rep.PoolNonce), Power: e.power})
		if len(rep.BaseFee) > 0 {
			fees = append(fees, outbound.Weighted{Value: types.Wei(rep.BaseFee), Power: e.power})
		}
		balances = append(balances, outbound.Weighted{Value: types.Wei(rep.PoolBalance), Power: e.power})
		if rep.PoolProposed {
			proposed += e.power
		}
	}
	if !outbound.Supermajority(reporting, total) {
		return nil
	}
	view, err := k.getL1View(ctx)
	if err != nil {
		return err
	}
	before := view
	if h, ok := outbound.AtLeast(heights, total); ok && h.Uint64() > view.L1Height {
		view.L1Height = h.Uint64()
	}
	if f, ok := outbound.Median(fees, total); ok {
		view.BaseFee = types.WeiBytes(f)
	}
	// Nothing of the pool's address without a key: after a retirement
	// (MsgReplacePoolKey) a report read before it would give the new address the old
	// one's nonce (which never goes down), balance and proposal.
	hasKey, err := k.PoolKey.Has(ctx)
	if err != nil {
		return err
	}
	if hasKey {
		if n, ok := outbound.AtLeast(nonces, total); ok && n.Uint64() > view.PoolNonce {
			view.PoolNonce = n.Uint64()
		}
		if b, ok := outbound.Median(balances, total); ok {
			view.PoolBalance = types.WeiBytes(b)
		}
		view.PoolProposed = outbound.Supermajority(proposed, total)
	}
	if err := k.balanceAlarm(ctx, params, &view); err != nil {
		return err
	}
	if sameView(view, before) {
		return nil
	}
	view.UpdatedHeight = ctx.BlockHeight()
	return k.L1View.Set(ctx, view)
}

// balanceAlarm raises EventPoolBalanceLow once per episode of the agreed balance
// below min_pool_balance (only once there is a pool key: before it, nothing to fund).
func (k Keeper) balanceAlarm(ctx sdk.Context, params types.Params, view *types.L1View) error {
	pool, err := k.PoolKey.Get(ctx)
	if isNotFound(err) {
		return nil
	}
	if err != nil {
		return err
	}
	low := types.Wei(view.PoolBalance).Cmp(params.MinBalance()) < 0
	if low && !view.LowBalance {
		k.Logger(ctx).Error("pool L1 balance below min_pool_balance: fund the pool address", "address", pool.Address,
			"balance", weiString(view.PoolBalance), "min", params.MinPoolBalance)
		if err := emit(ctx, &types.EventPoolBalanceLow{Address: pool.Address, Balance: weiString(view.PoolBalance), MinBalance: params.MinPoolBalance}); err != nil {
			return err
		}
	}
	view.LowBalance = low
	return nil
}

// tallyReceipts lands the transaction in flight when more than 2/3 of power reported
// the same receipt (transaction hash, outcome, block) for it. A hash none of the
// chain's versions has counts only with a signature (an alternate, checked when it
// wins: see alternateVersion).
func (k Keeper) tallyReceipts(ctx sdk.Context, params types.Params, total int64, entries []l1Entry) error {
	tx, ok, err := k.InFlight(ctx)
	if err != nil || !ok {
		return err
	}
	type bucket struct {
		receipt types.PoolTxReceipt
		version int // -1: an alternate
		power   int64
	}
	var buckets []bucket
	for _, e := range entries {
		rc := e.report.Receipt
		if rc == nil || rc.PoolTx != tx.Id {
			continue
		}
		version := versionOf(tx, rc.TxHash)
		if version < 0 && len(rc.Signature) == 0 {
			continue
		}
		if version >= 0 {
			rc = &types.PoolTxReceipt{PoolTx: rc.PoolTx, TxHash: rc.TxHash, Reverted: rc.Reverted, L1Block: rc.L1Block}
		}
		found := false
		for i := range buckets {
			b := &buckets[i]
			if sameReceipt(b.receipt, *rc) {
				b.power += e.power
				found = true
				break
			}
		}
		if !found {
			buckets = append(buckets, bucket{receipt: *rc, version: version, power: e.power})
		}
	}
	for _, b := range buckets { // at most one bucket can hold more than 2/3
		if !outbound.Supermajority(b.power, total) {
			continue
		}
		if b.version < 0 {
			return k.landAlternate(ctx, params, tx, b.receipt)
		}
		return k.land(ctx, params, tx, b.version, b.receipt.Reverted, b.receipt.L1Block)
	}
	return nil
}

// sameReceipt: the same transaction hash, outcome, block and (alternates) signature.
func sameReceipt(a, b types.PoolTxReceipt) bool {
	return bytes.Equal(a.TxHash, b.TxHash) && a.Reverted == b.Reverted && a.L1Block == b.L1Block && bytes.Equal(a.Signature, b.Signature)
}

// versionOf is the index of the signed version with hash h (-1: none).
func versionOf(tx types.PoolTx, h []byte) int {
	for i, v := range tx.Versions {
		if len(v.TxHash) > 0 && bytes.Equal(v.TxHash, h) {
			return i
		}
	}
	return -1
}

func sameView(a, b types.L1View) bool {
	x, errA := a.Marshal()
	y, errB := b.Marshal()
	return errA == nil && errB == nil && bytes.Equal(x, y)
}
