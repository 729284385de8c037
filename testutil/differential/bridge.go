package differential

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"time"

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
	// now is the processor's clock: Sync moves it past every backoff between rounds, so
	// a retry comes in the next round instead of after a real second.
	now time.Time
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
	b := &Bridge{env: env, listener: lis, store: st, relayer: &msgRelayer{env: env}, now: sequencertest.StartTime}
	b.proc, err = processor.New(processor.Config{Submitter: env.Relayer, MaxBackoff: maxBackoff, Now: func() time.Time { return b.now }},
		st, chain, b.relayer)
	if err != nil {
		return nil, errors.Join(err, st.Close())
	}
	return b, nil
}

// Close closes the store.
func (b *Bridge) Close() error { return b.store.Close() }

const (
	// maxListenerSteps bounds the listener's steps per Sync (one range each).
	maxListenerSteps = 100
	// maxRelayRounds bounds the processor's rounds per Sync. An event waits a round for
	// another: the chain refuses to queue an event of a sequencer whose lock is queued
	// but not applied yet, so the second is relayed again after the lock applied.
	maxRelayRounds = 6
	// maxBackoff is the processor's longest retry delay; a round's clock moves past it.
	maxBackoff = 30 * time.Second
)

// Sync carries everything L1 has mined to the chain: the listener reads and queues it,
// then in rounds the processor relays it, the pool approves what is queued, and the
// processor prunes what was applied, until nothing is left. It returns the events the bridge still holds afterwards (in the
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
	// Each round the processor prunes what was applied and relays the rest; the pool
	// approves what is queued.
	for range maxRelayRounds {
		if err := b.proc.Step(ctx); err != nil {
			return nil, nil, fmt.Errorf("processor: %w", err)
		}
		if b.store.Len() == 0 && b.store.ParkedLen() == 0 {
			break
		}
		b.env.ApproveAll()
		b.now = b.now.Add(maxBackoff + time.Second)
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
