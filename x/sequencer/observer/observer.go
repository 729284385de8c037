// Package observer is the off-chain half of x/sequencer's side transactions: while
// extending its vote, each validator checks a relayed L1 event against its own L1 node.
package observer

import (
	"bytes"
	"context"
	"errors"

	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/gogoproto/proto"
	"google.golang.org/protobuf/encoding/protowire"

	"github.com/themis-network/themis/x/sequencer/keeper"
	"github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
	vetypes "github.com/themis-network/themis/x/voteext/types"
)

// ErrLogNotFound means the L1 node has the transaction's block but no such staking log.
var ErrLogNotFound = errors.New("no staking event at that transaction and log index")

// L1Reader reads the staking contract's events from one L1 node. The real one (over
// JSON-RPC) lives with the bridge; tests use a deterministic in-memory fake.
type L1Reader interface {
	// ChainID is the L1 chain id the node serves.
	ChainID(ctx context.Context) (uint64, error)
	// HeadNumber is the newest L1 block number the node has.
	HeadNumber(ctx context.Context) (uint64, error)
	// EventAt decodes the staking-contract log at (tx hash, log index) into the chain's
	// message form (submitter left empty), with the block it is in. It returns
	// ErrLogNotFound when the node knows the transaction but has no such log, or does
	// not know the transaction at all.
	EventAt(ctx context.Context, contract string, ref types.L1EventRef) (types.L1EventMsg, uint64, error)
}

// Observer judges relayed L1 events.
type Observer struct {
	reader L1Reader
	keeper keeper.Keeper
}

var _ voteext.SideTxObserver = Observer{}

// MaxBlocksAheadOfHead is how far past its own L1 head a node still treats a claimed
// block as "not reached yet" (UNSPECIFIED). An honest relayer relays only what its node
// confirmed, so a claim further ahead means this node is more than about 13 minutes of
// Ethereum blocks behind that relayer, or the claim is false. A genuine event voted
// down by lagging nodes is relayed again; a fake one no longer waits out its expiry.
const MaxBlocksAheadOfHead = 64

// New returns an observer reading from reader; params come from chain state.
func New(reader L1Reader, k keeper.Keeper) Observer {
	return Observer{reader: reader, keeper: k}
}

// Observe implements voteext.SideTxObserver:
//   - YES when the log exists with enough confirmations and every field matches;
//   - NO when the log is confirmed deep enough but absent or different, or claimed in a
//     block more than MaxBlocksAheadOfHead past this node's head;
//   - UNSPECIFIED when the node is unreachable, on another chain, or not deep enough yet.
func (o Observer) Observe(ctx context.Context, chain sdk.Context, item voteext.SideTx) vetypes.Verdict {
	relayed, ok := item.Msg.(types.L1EventMsg)
	if !ok {
		return vetypes.Verdict_VERDICT_NO
	}
	params, err := o.keeper.Params.Get(chain)
	if err != nil {
		return vetypes.Verdict_VERDICT_UNSPECIFIED
	}
	if id, err := o.reader.ChainID(ctx); err != nil || id != params.L1ChainId {
		return vetypes.Verdict_VERDICT_UNSPECIFIED
	}
	head, err := o.reader.HeadNumber(ctx)
	if err != nil {
		return vetypes.Verdict_VERDICT_UNSPECIFIED
	}
	ref := relayed.GetEvent()
	if ref.BlockNumber > head+MaxBlocksAheadOfHead {
		// Nobody can have confirmed a block this far past this node's head: a claim
		// that only a lying relayer makes. Left UNSPECIFIED it would hold its slot of
		// the vote until it expires.
		return vetypes.Verdict_VERDICT_NO
	}
	if !confirmed(head, ref.BlockNumber, params.L1Confirmations) {
		return vetypes.Verdict_VERDICT_UNSPECIFIED
	}
	observed, block, err := o.reader.EventAt(ctx, params.StakingContract, ref)
	switch {
	case errors.Is(err, ErrLogNotFound):
		return vetypes.Verdict_VERDICT_NO
	case err != nil:
		return vetypes.Verdict_VERDICT_UNSPECIFIED
	case block != ref.BlockNumber || !SameEvent(relayed, observed):
		return vetypes.Verdict_VERDICT_NO
	}
	return vetypes.Verdict_VERDICT_YES
}

// confirmed is true when the block has at least `depth` blocks on top, itself included.
func confirmed(head, block, depth uint64) bool {
	if block == 0 || head < block {
		return false
	}
	return head-block+1 >= depth
}

// SameEvent compares a relayed event with the one read from L1, ignoring who relayed it.
// It compares canonical encodings (field-wise reflection does not work with math.Int).
func SameEvent(relayed, observed types.L1EventMsg) bool {
	if sdk.MsgTypeURL(relayed) != sdk.MsgTypeURL(observed) {
		return false
	}
	a, errA := encodeWithoutSubmitter(relayed)
	b, errB := encodeWithoutSubmitter(observed)
	return errA == nil && errB == nil && bytes.Equal(a, b)
}

// submitterField is the field number of `submitter` in every relayed-event message.
const submitterField = 1

// encodeWithoutSubmitter encodes the message and drops the submitter field.
func encodeWithoutSubmitter(m types.L1EventMsg) ([]byte, error) {
	bz, err := proto.Marshal(m)
	if err != nil {
		return nil, err
	}
	out := make([]byte, 0, len(bz))
	for len(bz) > 0 {
		num, typ, n := protowire.ConsumeTag(bz)
		if n < 0 {
			return nil, protowire.ParseError(n)
		}
		m := protowire.ConsumeFieldValue(num, typ, bz[n:])
		if m < 0 {
			return nil, protowire.ParseError(m)
		}
		if num != submitterField {
			out = append(out, bz[:n+m]...)
		}
		bz = bz[n+m:]
	}
	return out, nil
}
