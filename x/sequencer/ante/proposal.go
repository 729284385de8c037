package ante

import (
	"fmt"

	"cosmossdk.io/log"
	storetypes "cosmossdk.io/store/types"
	abci "github.com/cometbft/cometbft/abci/types"
	cmttypes "github.com/cometbft/cometbft/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	sdkerrors "github.com/cosmos/cosmos-sdk/types/errors"

	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
)

// ProposalGuard builds and checks the ordinary transactions of a block (x/voteext puts
// the extended commit first and hands it the rest). Both sides replay the transactions
// in order on a branch of the proposal's state that is then thrown away: each must
// decode, pass every message's ValidateBasic, and pass the ante handler, which charges
// the chain's minimum fee, counts fee-free relays against their sender's per-block
// quota and runs their messages (RelayPrecheck), so two relays in one block see each
// other; the gas limits together fit the block's max_gas. ProcessProposal rejects a
// block with any transaction that fails; PrepareProposal leaves such transactions out,
// so an honest proposer never builds a block it would reject. Fee-free relays run their
// messages here, at most FreeTxsPerBlock per sender, so the cost is bounded; a paying
// transaction that holds relays runs them too (within its gas limit, which it pays
// for), and its effects are kept if they succeed, so a fee-free copy after it is seen
// for the duplicate it is. A paying transaction may still fail in execution, and pays.
//
// The input is what CometBFT reaped from its mempool in arrival order (the app mempool
// is a no-op, see app/), already cut at the block's max_gas by gas limits; the guard
// keeps that order, so a flood from one sender cannot push another sender's
// transaction behind it except by arriving first, and it reserves at most
// FreeGasLimit per fee-free transaction in the reap.
type ProposalGuard struct {
	Decoder  sdk.TxDecoder
	Ante     sdk.AnteHandler
	Router   MsgRouter
	Relayers Relayers
	Policy   Policy
	Logger   log.Logger
}

// ProcessProposalHandler rejects a block that holds a transaction the rules refuse.
func (g ProposalGuard) ProcessProposalHandler() sdk.ProcessProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestProcessProposal) (resp *abci.ResponseProcessProposal, err error) {
		reject := func(why string, args ...any) (*abci.ResponseProcessProposal, error) {
			g.Logger.Error("rejecting proposal: "+why, append([]any{"height", req.Height, "proposer", fmt.Sprintf("%X", req.ProposerAddress)}, args...)...)
			return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_REJECT}, nil
		}
		defer func() {
			if r := recover(); r != nil {
				resp, err = reject("panic checking transactions", "panic", fmt.Sprint(r))
			}
		}()
		branch, _ := ctx.CacheContext()
		maxGas := blockMaxGas(ctx)
		var gas uint64
		for i, bz := range req.Txs {
			tx, err := g.Decoder(bz)
			if err != nil {
				return reject("undecodable transaction", "index", i, "err", err)
			}
			txGas := gasLimit(tx)
			if maxGas > 0 && txGas > maxGas-gas {
				return reject("transactions ask more gas than the block's max_gas", "index", i, "max_gas", maxGas)
			}
			gas += txGas
			if err := g.admit(branch, bz, tx); err != nil {
				return reject("transaction refused", "index", i, "err", err)
			}
		}
		return &abci.ResponseProcessProposal{Status: abci.ResponseProcessProposal_ACCEPT}, nil
	}
}

// leftOut counts, for the proposer's log, what PrepareProposal did not include.
type leftOut struct{ quota, relayFails, refused, undecodable, noRoom int }

// PrepareProposalHandler keeps, in arrival order, the transactions that pass and fit.
func (g ProposalGuard) PrepareProposalHandler() sdk.PrepareProposalHandler {
	return func(ctx sdk.Context, req *abci.RequestPrepareProposal) (resp *abci.ResponsePrepareProposal, err error) {
		defer func() {
			if r := recover(); r != nil {
				g.Logger.Error("panic preparing the proposal; proposing no transactions", "height", req.Height, "panic", fmt.Sprint(r))
				resp, err = &abci.ResponsePrepareProposal{}, nil
			}
		}()
		branch, _ := ctx.CacheContext()
		maxGas := blockMaxGas(ctx)
		var (
			kept  [][]byte
			size  int64
			gas   uint64
			left  leftOut
			tried = map[string]uint64{} // fee-free relays examined per sender; lookups only
		)
		for _, bz := range req.Txs {
			txSize := cmttypes.ComputeProtoSizeForTxs([]cmttypes.Tx{bz})
			if txSize > req.MaxTxBytes-size {
				left.noRoom++
				continue
			}
			tx, err := g.Decoder(bz)
			if err != nil {
				left.undecodable++
				continue
			}
			txGas := gasLimit(tx)
			if maxGas > 0 && txGas > maxGas-gas {
				left.noRoom++
				continue
			}
			sender, free, err := g.Policy.FreeRelaySender(branch.WithTxBytes(bz), g.Relayers, tx)
			if err != nil {
				left.refused++
				continue
			}
			// A sender's fee-free relays are examined at most K times a block, passing or
			// not: a flood of failing ones costs the proposer K message runs, no more.
			if free {
				if tried[string(sender)] >= g.Policy.FreeTxsPerBlock {
					left.quota++
					continue
				}
				tried[string(sender)]++
			}
			if err := g.admit(branch, bz, tx); err != nil {
				if free {
					left.relayFails++
				} else {
					left.refused++
				}
				continue
			}
			kept = append(kept, bz)
			size += txSize
			gas += txGas
		}
		if left != (leftOut{}) {
			g.Logger.Info("proposal: transactions left out", "height", req.Height, "kept", len(kept),
				"over_free_relay_quota", left.quota, "free_relays_that_would_fail", left.relayFails,
				"refused", left.refused, "undecodable", left.undecodable, "no_room", left.noRoom)
		}
		return &abci.ResponsePrepareProposal{Txs: kept}, nil
	}
}

// admit runs tx as block execution would up to its messages (the fee-free relays'
// messages run inside the ante handler, see RelayPrecheck), on its own branch of
// branch, and keeps the changes if it passes: later transactions see them.
func (g ProposalGuard) admit(branch sdk.Context, bz []byte, tx sdk.Tx) (err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %v", sdkerrors.ErrPanic, r)
			if oog, ok := r.(storetypes.ErrorOutOfGas); ok {
				err = fmt.Errorf("%w: out of gas in location: %s", sdkerrors.ErrOutOfGas, oog.Descriptor)
			}
		}
	}()
	for i, msg := range tx.GetMsgs() {
		if m, ok := msg.(sdk.HasValidateBasic); ok {
			if err := m.ValidateBasic(); err != nil {
				return fmt.Errorf("message %d: %w", i, err)
			}
		}
		if g.Router.Handler(msg) == nil {
			return fmt.Errorf("message %d: %w: no handler for %s", i, sdkerrors.ErrUnknownRequest, sdk.MsgTypeURL(msg))
		}
	}
	txCtx, write := branch.
		WithTxBytes(bz).
		WithGasMeter(storetypes.NewInfiniteGasMeter()).
		WithEventManager(sdk.NewEventManager()).
		CacheContext()
	if _, err := g.Ante(txCtx, tx, false); err != nil {
		return err
	}
	write()
	return g.replayPaidRelays(branch, bz, tx)
}

// replayPaidRelays runs a paying transaction's messages when it holds relays, on a
// branch of branch within its gas limit, and keeps their effects if they all succeed,
// as block execution would. A paying relay may fail (it pays), so its failure is not
// the block's; but its success must be visible to the fee-free relays after it, or a
// free copy of the same event would pass these checks and then fail unpaid in
// execution. (A fee-free relay's messages already ran in the ante handler.)
func (g ProposalGuard) replayPaidRelays(branch sdk.Context, bz []byte, tx sdk.Tx) error {
	if !hasRelay(tx) {
		return nil
	}
	_, free, err := g.Policy.FreeRelaySender(branch.WithTxBytes(bz), g.Relayers, tx)
	if err != nil || free {
		return err
	}
	msgCtx, write := branch.
		WithTxBytes(bz).
		WithGasMeter(storetypes.NewGasMeter(gasLimit(tx))).
		WithEventManager(sdk.NewEventManager()).
		CacheContext()
	if RunMsgs(msgCtx, g.Router, tx.GetMsgs()) == nil {
		write()
	}
	return nil
}

// hasRelay reports whether tx holds a relay of an L1 event.
func hasRelay(tx sdk.Tx) bool {
	for _, msg := range tx.GetMsgs() {
		if _, ok := msg.(sequencertypes.L1EventMsg); ok {
			return true
		}
	}
	return false
}

// blockMaxGas is the block's max_gas, 0 when unlimited.
func blockMaxGas(ctx sdk.Context) uint64 {
	if b := ctx.ConsensusParams().Block; b != nil && b.MaxGas > 0 {
		return uint64(b.MaxGas)
	}
	return 0
}

// gasLimit is what the transaction asks; one that cannot say is refused by the ante
// handler (SetUpContextDecorator).
func gasLimit(tx sdk.Tx) uint64 {
	if feeTx, ok := tx.(sdk.FeeTx); ok {
		return feeTx.GetGas()
	}
	return 0
}
