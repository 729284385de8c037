package types

import "github.com/ethereum/go-ethereum/common"

// validateOutbound checks the outbound path's genesis: pool transactions numbered 1..n
// with valid calls and statuses, at most one in flight, signed versions with 32-byte
// hashes; a batch in progress that continues the accepted chain; accepted batches
// below the next index; each purpose's revert count once.
func validateOutbound(gs GenesisState) error {
	if err := checkWei("l1_view.base_fee", gs.L1View.BaseFee); err != nil {
		return invalid("%v", err)
	}
	if err := checkWei("l1_view.pool_balance", gs.L1View.PoolBalance); err != nil {
		return invalid("%v", err)
	}
	inFlight := 0
	for i, tx := range gs.PoolTxs {
		if tx.Id != uint64(i+1) {
			return invalid("pool tx %d: id %d, want %d", i, tx.Id, i+1)
		}
		if _, ok := PoolTxStatus_name[int32(tx.Status)]; !ok || tx.Status == POOL_TX_STATUS_UNSPECIFIED {
			return invalid("pool tx %d: status %d", tx.Id, tx.Status)
		}
		if err := ValidatePayloadTypeName(tx.Purpose); err != nil {
			return invalid("pool tx %d: purpose: %v", tx.Id, err)
		}
		if !common.IsHexAddress(tx.To) || tx.To != lowerHex(tx.To) || tx.Gas < 21_000 || tx.Gas > MaxGasLimit {
			return invalid("pool tx %d: call to %q with gas %d", tx.Id, tx.To, tx.Gas)
		}
		switch tx.Status {
		case POOL_TX_STATUS_QUEUED, POOL_TX_STATUS_CHECKING, POOL_TX_STATUS_REFUSED, POOL_TX_STATUS_CANCELLED:
			// A transaction voided in flight by a key retirement (MsgReplacePoolKey) is
			// the one CANCELLED transaction with versions.
			voided := tx.Status == POOL_TX_STATUS_CANCELLED && retiredAt(gs, tx.ClosedHeight)
			if len(tx.Versions) != 0 && !voided {
				return invalid("pool tx %d: %s with versions (never signed)", tx.Id, tx.Status)
			}
			if n := len(tx.Refusal); (n != 0 && n != SelectorLen) || (n != 0 && tx.Status != POOL_TX_STATUS_REFUSED) {
				return invalid("pool tx %d: a %d-byte refusal on a %s transaction", tx.Id, n, tx.Status)
			}
			if tx.Status == POOL_TX_STATUS_CHECKING && tx.L1Height > gs.L1View.L1Height {
				return invalid("pool tx %d: checked from L1 height %d, above the agreed view's %d", tx.Id, tx.L1Height, gs.L1View.L1Height)
			}
		case POOL_TX_STATUS_SIGNING, POOL_TX_STATUS_SENT:
			inFlight++
			if len(tx.Versions) == 0 {
				return invalid("pool tx %d: in flight without a version", tx.Id)
			}
		default:
			if int(tx.Landed) >= len(tx.Versions) || len(tx.Versions[tx.Landed].TxHash) != 32 {
				return invalid("pool tx %d: landed version %d is not signed", tx.Id, tx.Landed)
			}
		}
		for j, v := range tx.Versions {
			if err := checkWei("max_fee", v.MaxFee); err != nil {
				return invalid("pool tx %d version %d: %v", tx.Id, j, err)
			}
			if err := checkWei("max_tip", v.MaxTip); err != nil {
				return invalid("pool tx %d version %d: %v", tx.Id, j, err)
			}
			if len(v.TxHash) != 0 && len(v.TxHash) != 32 {
				return invalid("pool tx %d version %d: %d-byte hash", tx.Id, j, len(v.TxHash))
			}
			if v.Alternate && (len(v.TxHash) != 32 || len(v.Raw) == 0 || (tx.Status != POOL_TX_STATUS_CONFIRMED && tx.Status != POOL_TX_STATUS_REVERTED) || int(tx.Landed) != j) {
				return invalid("pool tx %d version %d: an alternate is only the landed version of a closed transaction, signed", tx.Id, j)
			}
		}
	}
	if inFlight > 1 {
		return invalid("%d pool transactions in flight; at most one", inFlight)
	}
	prog := gs.BatchProgress
	if cur := prog.Current; cur != nil {
		if cur.Index != prog.NextIndex || cur.L2Start != prog.NextStart || cur.L2End < cur.L2Start {
			return invalid("batch in progress %d [%d, %d] does not continue %d at %d", cur.Index, cur.L2Start, cur.L2End, prog.NextIndex, prog.NextStart)
		}
		if cur.Status == BATCH_STATUS_SUBMITTED && (cur.Commitment == nil || cur.PoolTx == 0 || cur.PoolTx > uint64(len(gs.PoolTxs))) {
			return invalid("submitted batch %d without its commitment or pool tx", cur.Index)
		}
	}
	for i, b := range gs.AcceptedBatches {
		if b.Index >= prog.NextIndex || (i > 0 && b.Index <= gs.AcceptedBatches[i-1].Index) {
			return invalid("accepted batch %d: out of order or not below next index %d", b.Index, prog.NextIndex)
		}
	}
	seen := map[string]bool{}
	for _, r := range gs.Reverts {
		if seen[r.Purpose] || r.Count == 0 {
			return invalid("reverts of %q: repeated or zero", r.Purpose)
		}
		seen[r.Purpose] = true
	}
	return nil
}
