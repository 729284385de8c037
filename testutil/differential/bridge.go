package differential

import (
	"context"
	"errors"
	"fmt"
	"strings"

	"github.com/cosmos/cosmos-sdk/baseapp"

	bridgechain "github.com/themis-network/themis/bridge/chain"
	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/bridge/listener"
	"github.com/themis-network/themis/bridge/processor"
	"github.com/themis-network/themis/bridge/store"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// Bridge is one validator's bridge, inbound half, in process, between the simulated L1
// and the keeper. Exercised for real: the listener (eth_getLogs by contract and topics,
// each range confirmed in one batch, nonce-gap checks), the decoder
// (l1.DecodeStakingLog), the store (outbox, cursor, high-water marks; LevelDB in a
// temporary directory), the processor (ValidateBasic, the submitter, skipping what is
// applied or pending, classifying refusals, parking) and its chain client (bridge/chain
// over the keeper's gRPC query service). Not exercised: the broadcaster (signing,
// ante handlers, CometBFT): a relay goes straight to the keeper's msg server, in its own
// cached context as a transaction would; and the vote: every queued event is approved
// by the pool (Env.ApproveAll), as more than 2/3 YES would.
type Bridge struct {
	env      *sequencertest.Env
	listener *listener.Listener
	store    *store.Store
	proc     *processor.Processor
	relayer  *msgRelayer
}

// NewBridge follows the world's staking contract from the block after Base into env.
// dir is an empty directory for the store.
func NewBridge(w *World, env *sequencertest.Env, dir string) (*Bridge, error) {
	st, err := store.Open(dir, fmt.Sprintf("differential/%s/%s", w.ChainID, w.Deployment.Staking), store.Options{})
	if err != nil {
		return nil, err
	}
	lis, err := listener.New(listener.Config{
		Contract: w.Deployment.Staking, Topics: l1.StakingEventTopics(), StartBlock: w.BaseBlock + 1,
		Confirmations: 1, // every mined block counts: the simulated chain never reorgs here
		Decode:        l1.DecodeStakingLog, NotStakingEvent: l1.ErrNotStakingEvent,
	}, w.Client, st)
	if err != nil {
		return nil, errors.Join(err, st.Close())
	}
	queries := baseapp.NewQueryServerTestHelper(env.Ctx, sequencertest.Codec().InterfaceRegistry())
	seqtypes.RegisterQueryServer(queries, env.Query)
	chain := bridgechain.Client{Query: seqtypes.NewQueryClient(queries)}
	relayer := &msgRelayer{env: env}
	proc, err := processor.New(processor.Config{Submitter: env.Relayer}, st, chain, relayer)
	if err != nil {
		return nil, errors.Join(err, st.Close())
	}
	return &Bridge{env: env, listener: lis, store: st, proc: proc, relayer: relayer}, nil
}

// Close closes the store.
func (b *Bridge) Close() error { return b.store.Close() }

// maxListenerSteps bounds the listener's steps per Sync (one range each).
const maxListenerSteps = 100

// Sync carries everything L1 has mined to the chain: the listener reads and queues it,
// the processor relays it, the pool approves what is queued, and the processor prunes
// what was applied. It returns the events the bridge still holds afterwards (in the
// outbox or parked) as a finding: after a sync nothing should be left behind. relayed
// names what the processor relayed, with the chain's answer when it refused.
func (b *Bridge) Sync(ctx context.Context) (relayed, leftBehind []string, err error) {
	b.relayer.log = nil
	defer func() { relayed = b.relayer.log }()
	for i := 0; ; i++ {
		caughtUp, err := b.listener.Step(ctx)
		if err != nil {
			return nil, nil, fmt.Errorf("listener: %w", err)
		}
		if caughtUp {
			break
		}
		if i == maxListenerSteps {
			return nil, nil, errors.New("listener: not caught up")
		}
	}
	if err := b.proc.Step(ctx); err != nil {
		return nil, nil, fmt.Errorf("processor (relay): %w", err)
	}
	b.env.ApproveAll()
	if err := b.proc.Step(ctx); err != nil {
		return nil, nil, fmt.Errorf("processor (prune): %w", err)
	}
	items, err := b.store.All()
	if err != nil {
		return nil, nil, err
	}
	for _, it := range items {
		leftBehind = append(leftBehind, fmt.Sprintf("in the outbox: %T seq %d nonce %d", it.Msg, it.Info.SequencerID, it.Info.Nonce))
	}
	for _, p := range b.store.Parked() {
		leftBehind = append(leftBehind, fmt.Sprintf("parked: %T seq %d nonce %d (%s: %s)", p.Msg, p.Info.SequencerID, p.Info.Nonce, p.Class, p.Reason))
	}
	return nil, leftBehind, nil
}

// msgRelayer is the processor's Relayer: each message is delivered to the keeper's msg
// server in a cached context, written only on success (a transaction's atomicity).
// It logs what it relayed.
type msgRelayer struct {
	env *sequencertest.Env
	log []string
}

func (r *msgRelayer) Relay(_ context.Context, msgs []seqtypes.L1EventMsg) []error {
	out := make([]error, len(msgs))
	for i, m := range msgs {
		cache, write := r.env.Ctx.CacheContext()
		_, out[i] = sequencertest.Relay(cache, r.env.Msg, m)
		entry := describe(m)
		if out[i] == nil {
			write()
		} else {
			entry += " refused: " + out[i].Error()
		}
		r.log = append(r.log, entry)
	}
	return out
}

// describe names a relayed message for reports.
func describe(m seqtypes.L1EventMsg) string {
	name := strings.TrimPrefix(fmt.Sprintf("%T", m), "*types.Msg")
	return fmt.Sprintf("%s(seq %d, nonce %d)", name, m.GetSequencerId(), m.GetNonce())
}
