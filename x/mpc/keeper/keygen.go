package keeper

import (
	"bytes"
	"context"

	"cosmossdk.io/collections"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/sessions"
	"github.com/themis-network/themis/x/mpc/types"
)

// setVoice records (or replaces) the public key a new party reported for a session.
func (k Keeper) setVoice(ctx context.Context, session, party uint64, key []byte) error {
	return k.Voices.Set(ctx, collections.Join(session, party), append([]byte(nil), key...))
}

// voicesOf lists the voices recorded for a session.
func (k Keeper) voicesOf(ctx context.Context, session uint64) ([]sessions.KeyVote, error) {
	var out []sessions.KeyVote
	err := k.Voices.Walk(ctx, collections.NewPrefixedPairRange[uint64, uint64](session),
		func(key collections.Pair[uint64, uint64], v []byte) (bool, error) {
			out = append(out, sessions.KeyVote{Party: key.K2(), Key: v})
			return false, nil
		})
	return out, err
}

// tallyKeygen counts the voices of an open keygen or resharing, each new party one
// voice. A keygen completes when more than 2/3 of its new parties reported the same
// valid key; a resharing when more than 2/3 reported exactly the pool key (a different
// key proves nothing and is ignored).
func (k Keeper) tallyKeygen(ctx sdk.Context, params types.Params, number uint64) error {
	s, err := k.Sessions.Get(ctx, number)
	if err != nil || s.Status != types.SESSION_STATUS_OPEN {
		return err
	}
	votes, err := k.voicesOf(ctx, number)
	if err != nil {
		return err
	}
	key, voters, ok := sessions.TallyKeys(len(s.NewParties), votes)
	if !ok {
		return nil
	}
	addr, err := types.ParsePubKey(key)
	if err != nil {
		// More than 2/3 of the parties agree on bytes that are no key: nothing to
		// confirm; the session times out and is retried.
		k.Logger(ctx).Error("mpc parties agreed on an invalid public key", "session", number, "err", err)
		return nil
	}
	if retired, err := k.isRetiredKey(ctx, key); err != nil || retired {
		if retired {
			k.Logger(ctx).Error("mpc parties agreed on a retired pool key: ignored; the session times out and is retried", "session", number)
		}
		return err
	}
	if s.Kind == types.SESSION_KIND_RESHARE {
		pool, has, err := k.GetPoolKey(ctx)
		if err != nil {
			return err
		}
		if !has || !bytes.Equal(pool.PublicKey, key) || s.Generation != pool.Generation+1 {
			return nil
		}
	}
	return k.confirmKey(ctx, params, &s, key, addr, voters)
}

// confirmKey makes the session's new parties the confirmed committee of its key and
// generation, completes it, resets the committee watch and, after a resharing,
// supersedes the sign sessions pinned to an older generation (their requests are
// retried on the new one).
func (k Keeper) confirmKey(ctx sdk.Context, params types.Params, s *types.Session, key []byte, addr string, voters int) error {
	pk := types.PoolKey{
		PublicKey: key, Address: addr, Generation: s.Generation,
		Committee:       types.Committee{Members: s.NewParties, Threshold: s.Threshold},
		ConfirmedHeight: ctx.BlockHeight(), Session: s.Number,
	}
	if err := k.PoolKey.Set(ctx, pk); err != nil {
		return err
	}
	s.PublicKey = key
	if err := k.closeSession(ctx, params, s, types.SESSION_STATUS_COMPLETED); err != nil {
		return err
	}
	if err := k.Progress.Set(ctx, types.CommitteeProgress{}); err != nil {
		return err
	}
	if err := k.supersedeSigns(ctx, params, pk.Generation); err != nil {
		return err
	}
	if s.Kind == types.SESSION_KIND_KEYGEN {
		k.approveRecovery(ctx, pk)
	}
	k.Logger(ctx).Info("mpc pool key confirmed", "address", addr, "generation", pk.Generation,
		"members", len(pk.Committee.Members), "threshold", pk.Committee.Threshold, "session", s.Number)
	return emit(ctx, &types.EventPoolKeyConfirmed{PoolKey: pk, Kind: s.Kind, Voters: uint32(voters)})
}

// supersedeSigns closes the open sign sessions pinned to a generation below gen as
// SUPERSEDED and queues their requests again.
func (k Keeper) supersedeSigns(ctx sdk.Context, params types.Params, gen uint64) error {
	open, err := k.OpenSessionList(ctx)
	if err != nil {
		return err
	}
	for i := range open {
		s := &open[i]
		if s.Kind != types.SESSION_KIND_SIGN || s.Generation >= gen {
			continue
		}
		if err := k.closeSession(ctx, params, s, types.SESSION_STATUS_SUPERSEDED); err != nil {
			return err
		}
		if err := k.requeue(ctx, s.SignRequestId); err != nil {
			return err
		}
	}
	return nil
}

// requeue puts a SIGNING request back in the queue (its session ended unsigned). A
// request in another status (impossible: a request is SIGNING exactly while its
// session is open) is logged and left alone rather than failing every block.
func (k Keeper) requeue(ctx context.Context, id uint64) error {
	req, err := k.SignRequests.Get(ctx, id)
	if ok, err := found(err); !ok || req.Status != types.SIGN_REQUEST_STATUS_SIGNING {
		if err == nil {
			k.Logger(ctx).Error("sign session ended for a request that is not SIGNING", "request", id, "status", req.Status)
		}
		return err
	}
	req.Status = types.SIGN_REQUEST_STATUS_QUEUED
	return k.setRequest(ctx, req, types.SIGN_REQUEST_STATUS_SIGNING)
}
