package reporter

import (
	"context"
	"fmt"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"

	"github.com/themis-network/themis/x/mpc/types"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// MpcState is what the mpc-l1 source reads of x/mpc's committed state (the keeper).
type MpcState interface {
	GetPoolKey(ctx context.Context) (types.PoolKey, bool, error)
	InFlight(ctx context.Context) (types.PoolTx, bool, error)
	GetBatchProgress(ctx context.Context) (types.BatchProgress, error)
	CallsToCheck(ctx context.Context) ([]types.PoolTx, error)
}

// SequencerParams gives x/sequencer's parameters: the confirmation depth and the
// staking contract.
type SequencerParams interface {
	GetParams(ctx context.Context) (sequencertypes.Params, error)
}

// L1Source implements voteext.ReportSource for the "mpc-l1" report: in ExtendVote it
// reads what the chain wants from committed state, hands it to the watcher for its
// next poll, and reports the watcher's facts that answer it. The facts lag the wants
// by a poll, which the chain tolerates: it tallies every height.
type L1Source struct {
	mpc     MpcState
	seq     SequencerParams
	watcher *L1Watcher
}

var _ voteext.ReportSource = (*L1Source)(nil)

// NewL1Source builds the source over a watcher its owner runs.
func NewL1Source(mpc MpcState, seq SequencerParams, w *L1Watcher) *L1Source {
	return &L1Source{mpc: mpc, seq: seq, watcher: w}
}

// Report implements voteext.ReportSource; it does no I/O. Nil: nothing to report.
func (s *L1Source) Report(_ context.Context, chain sdk.Context, _ int64) ([]byte, error) {
	want, err := WantsOf(chain, s.mpc, s.seq)
	if err != nil {
		return nil, err
	}
	r := s.watcher.Facts(want)
	if isEmpty(r) {
		return nil, nil
	}
	bz, err := types.EncodeL1Report(r)
	if err != nil {
		return nil, err
	}
	if len(bz) > voteext.MaxReportBytes { // a handful of fixed-size fields: never
		return nil, fmt.Errorf("mpc-l1 report of %d bytes > %d", len(bz), voteext.MaxReportBytes)
	}
	return bz, nil
}

// WantsOf reads what the chain wants from its validators' nodes: L1 facts once there
// is a pool key (its address, at the chain's confirmation depth), the receipts of the
// pool transaction in flight, the dry runs of the calls being checked, the commitment
// of the proposed batch.
func WantsOf(ctx context.Context, mpc MpcState, seq SequencerParams) (L1Wants, error) {
	var want L1Wants
	pk, ok, err := mpc.GetPoolKey(ctx)
	if err != nil {
		return want, err
	}
	if ok && common.IsHexAddress(pk.Address) {
		sp, err := seq.GetParams(ctx)
		if err != nil {
			return want, err
		}
		want.Pool = common.HexToAddress(pk.Address)
		want.StakingContract = common.HexToAddress(sp.StakingContract)
		want.Confirmations = sp.L1Confirmations
		tx, inFlight, err := mpc.InFlight(ctx)
		if err != nil {
			return want, err
		}
		if inFlight {
			want.PoolTx, want.Nonce, want.FromL1 = tx.Id, tx.Nonce, tx.L1Height
			for _, v := range tx.Versions {
				if len(v.TxHash) == common.HashLength {
					want.TxHashes = append(want.TxHashes, common.BytesToHash(v.TxHash))
				}
			}
		}
		calls, err := mpc.CallsToCheck(ctx)
		if err != nil {
			return want, err
		}
		for _, c := range calls {
			want.Calls = append(want.Calls, CallToCheck{PoolTx: c.Id, To: common.HexToAddress(c.To), Data: c.Data, Gas: c.Gas})
		}
	}
	prog, err := mpc.GetBatchProgress(ctx)
	if err != nil {
		return want, err
	}
	if cur := prog.Current; cur != nil && cur.Status == types.BATCH_STATUS_PROPOSED {
		want.Batch = &BatchRange{Index: cur.Index, Start: cur.L2Start, End: cur.L2End}
	}
	return want, nil
}
