package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/committee"
	"github.com/themis-network/themis/x/mpc/sessions"
	"github.com/themis-network/themis/x/mpc/types"
)

// EndBlock advances the sessions, in block height only (no clock, no map order):
//
//  1. timeouts: an open session at its deadline is TIMED_OUT; a sign request is
//     queued again (step 3 gives it a new session, another signer subset), a keygen
//     or resharing attempt is counted (step 2 opens the next one on the committee
//     recomputed);
//  2. the claims of closed sessions past their blame window are forgotten;
//  3. the committee: a keygen or a resharing opens when due (stepCommittee);
//  4. the outbound path: the pool accepts its address on L1 when proposed there, the
//     next L2 batch is proposed when due, the outbox starts the next pool transaction
//     or replaces a stuck one (each a sign request);
//  5. sign requests: each QUEUED request, FIFO by id, gets a sign session of the
//     confirmed committee and generation while fewer than max_open_sign_sessions are
//     open, once a pool key exists.
func (k Keeper) EndBlock(ctx context.Context) error {
	sdkCtx := sdk.UnwrapSDKContext(ctx)
	params, err := k.Params.Get(ctx)
	if err != nil {
		return err
	}
	if err := k.timeOut(sdkCtx, params); err != nil {
		return err
	}
	if err := k.closeBlameWindows(ctx, sdkCtx.BlockHeight()); err != nil {
		return err
	}
	v, err := k.loadView(sdkCtx, params, true)
	if err != nil {
		return err
	}
	if err := k.stepCommittee(sdkCtx, v); err != nil {
		return err
	}
	// The outbound path queues its calls and opens their versions' sign requests
	// before step 4, so a request opened here gets its session in the same block.
	k.isolated(sdkCtx, "pool acceptance", func(ctx sdk.Context) error { return k.stepPoolAcceptance(ctx, params) })
	k.isolated(sdkCtx, "batches", func(ctx sdk.Context) error { return k.stepBatches(ctx, params) })
	k.isolated(sdkCtx, "l1 administration", func(ctx sdk.Context) error { return k.stepL1Admin(ctx, params) })
	k.isolated(sdkCtx, "pool recovery", func(ctx sdk.Context) error { return k.stepPoolRecovery(ctx, params) })
	k.isolated(sdkCtx, "outbox", func(ctx sdk.Context) error { return k.stepOutbox(ctx, params) })
	return k.stepSign(sdkCtx, v)
}

// timeOut closes the open sessions at their deadline and applies the retry rule.
func (k Keeper) timeOut(ctx sdk.Context, params types.Params) error {
	open, err := k.OpenSessionList(ctx)
	if err != nil {
		return err
	}
	for i := range open {
		s := &open[i]
		if !sessions.Expired(s.DeadlineHeight, ctx.BlockHeight()) {
			continue
		}
		if err := k.closeSession(ctx, params, s, types.SESSION_STATUS_TIMED_OUT); err != nil {
			return err
		}
		switch sessions.RetryAfter(sessions.Kind(s.Kind), sessions.StatusTimedOut) {
		case sessions.RetryRequest:
			if err := k.requeue(ctx, s.SignRequestId); err != nil {
				return err
			}
		case sessions.RetryCommittee:
			prog, err := k.progress(ctx)
			if err != nil {
				return err
			}
			prog.Attempt = sessions.NextAttempt(s.Attempt)
			if err := k.Progress.Set(ctx, prog); err != nil {
				return err
			}
		}
	}
	return nil
}

// stepSign opens sign sessions for queued requests, FIFO by id, up to
// max_open_sign_sessions open at once. A request never has two open sessions: only a
// QUEUED request gets one, and it is SIGNING while it is open.
func (k Keeper) stepSign(ctx sdk.Context, v *view) error {
	if !v.hasPool {
		return nil
	}
	open, err := k.OpenSessionList(ctx)
	if err != nil {
		return err
	}
	busy := 0
	for _, s := range open {
		if s.Kind == types.SESSION_KIND_SIGN {
			busy++
		}
	}
	room := int(v.params.MaxOpenSignSessions) - busy
	if room <= 0 {
		return nil
	}
	var queued []uint64
	if err := k.RequestsByStatus.Walk(ctx, collections.NewPrefixedPairRange[int32, uint64](int32(types.SIGN_REQUEST_STATUS_QUEUED)),
		func(key collections.Pair[int32, uint64]) (bool, error) {
			queued = append(queued, key.K2())
			return len(queued) >= room, nil
		}); err != nil {
		return err
	}
	members := membersOf(v.pool.Committee.Members)
	t := int(v.pool.Committee.Threshold)
	for _, id := range queued {
		req, err := k.SignRequests.Get(ctx, id)
		if err != nil {
			return err
		}
		status, err := k.signerStatus(ctx, v, req.Session)
		if err != nil {
			return err
		}
		live, err := k.requestDisputes(ctx, req.Id, req.Session)
		if err != nil {
			return err
		}
		disputes := committee.MergeDisputes(disputesOf(req.Disputes), live)
		signers, ok := committee.Signers(members, status, t, req.Attempts, disputes)
		if !ok { // a committee smaller than t+1 never validates; defensive only
			continue
		}
		s, err := k.openSession(ctx, v.params, types.Session{
			Kind: types.SESSION_KIND_SIGN, Attempt: req.Attempts, Signers: partiesOf(signers), Threshold: uint32(t),
			Generation: v.pool.Generation, SignRequestId: req.Id, Digest: req.Digest, PreviousSession: req.Session,
		})
		if err != nil {
			return err
		}
		req.Status = types.SIGN_REQUEST_STATUS_SIGNING
		req.Attempts = sessions.NextAttempt(req.Attempts)
		req.Session = s.Number
		if err := k.setRequest(ctx, req, types.SIGN_REQUEST_STATUS_QUEUED); err != nil {
			return err
		}
	}
	return nil
}

// isolated runs one step of the outbound path in a cache context written only if it
// succeeds. A failure (a misconfigured L1 chain id, a param a call cannot be built
// with) is logged and leaves nothing behind; it never fails EndBlock, which would halt
// the chain over what governance can fix. The step is retried next block.
func (k Keeper) isolated(ctx sdk.Context, what string, step func(sdk.Context) error) {
	err := func() (err error) {
		cacheCtx, write := ctx.CacheContext()
		defer func() {
			if r := recover(); r != nil {
				err = fmt.Errorf("panic: %v", r)
			}
		}()
		if err := step(cacheCtx); err != nil {
			return err
		}
		write()
		return nil
	}()
	if err != nil {
		k.Logger(ctx).Error("x/mpc outbound step failed; retried next block", "step", what, "err", err)
	}
}
