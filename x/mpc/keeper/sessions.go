package keeper

import (
	"context"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/sessions"
	"github.com/themis-network/themis/x/mpc/types"
)

// openSession numbers, keys and stores a new OPEN session (kind, attempt, parties,
// thresholds, generation and sign fields filled by the caller) with the deadline of its
// kind, and indexes it.
func (k Keeper) openSession(ctx sdk.Context, params types.Params, s types.Session) (types.Session, error) {
	n, err := k.NextSession.Next(ctx)
	if err != nil {
		return types.Session{}, err
	}
	s.Number = n + 1
	key := sessions.Key(ctx.ChainID(), s.Number, sessions.Kind(s.Kind), s.Attempt)
	s.SessionKey = key[:]
	s.Status = types.SESSION_STATUS_OPEN
	s.OpenedHeight = ctx.BlockHeight()
	s.DeadlineHeight = sessions.Deadline(s.OpenedHeight, params.TimeoutOf(s.Kind))
	if err := k.Sessions.Set(ctx, s.Number, s); err != nil {
		return types.Session{}, err
	}
	if err := k.OpenSessions.Set(ctx, s.Number); err != nil {
		return types.Session{}, err
	}
	if err := k.SessionsByKey.Set(ctx, s.SessionKey, s.Number); err != nil {
		return types.Session{}, err
	}
	k.Logger(ctx).Info("mpc session opened", "number", s.Number, "kind", s.Kind, "attempt", s.Attempt,
		"generation", s.Generation, "request", s.SignRequestId, "deadline", s.DeadlineHeight)
	return s, emit(ctx, &types.EventSessionOpened{Session: s})
}

// closeSession moves an OPEN session to status (sessions.CanTransition), drops its
// voices and opens its blame window: blames for it are taken for sign_timeout_blocks
// more (a party's engine may only know who failed it after giving up).
func (k Keeper) closeSession(ctx sdk.Context, params types.Params, s *types.Session, status types.SessionStatus) error {
	if !sessions.CanTransition(sessions.Kind(s.Kind), sessions.Status(s.Status), sessions.Status(status)) {
		return fmt.Errorf("session %d: %s -> %s is not a transition", s.Number, s.Status, status)
	}
	h := ctx.BlockHeight()
	s.Status = status
	s.ClosedHeight = h
	s.BlameDeadlineHeight = sessions.Deadline(h, params.SignTimeoutBlocks)
	if err := k.Sessions.Set(ctx, s.Number, *s); err != nil {
		return err
	}
	if err := k.OpenSessions.Remove(ctx, s.Number); err != nil {
		return err
	}
	if err := k.BlameWindow.Set(ctx, collections.Join(s.BlameDeadlineHeight, s.Number)); err != nil {
		return err
	}
	if err := k.Voices.Clear(ctx, collections.NewPrefixedPairRange[uint64, uint64](s.Number)); err != nil {
		return err
	}
	k.Logger(ctx).Info("mpc session closed", "number", s.Number, "kind", s.Kind, "status", status, "request", s.SignRequestId)
	return emit(ctx, &types.EventSessionClosed{
		Number: s.Number, SessionKey: s.SessionKey, Kind: s.Kind, Status: status, SignRequestId: s.SignRequestId,
	})
}

// OpenSessionList returns the open sessions by number (at most one keygen or
// resharing and max_open_sign_sessions sign sessions): what an engine runs.
func (k Keeper) OpenSessionList(ctx context.Context) ([]types.Session, error) {
	var out []types.Session
	err := k.OpenSessions.Walk(ctx, nil, func(n uint64) (bool, error) {
		s, err := k.Sessions.Get(ctx, n)
		if err != nil {
			return true, err
		}
		out = append(out, s)
		return false, nil
	})
	return out, err
}

// GetSession returns a session by number.
func (k Keeper) GetSession(ctx context.Context, number uint64) (types.Session, error) {
	s, err := k.Sessions.Get(ctx, number)
	if isNotFound(err) {
		return types.Session{}, errorsmod.Wrapf(types.ErrSessionNotFound, "%d", number)
	}
	return s, err
}

// SessionByKey returns a session by its session key.
func (k Keeper) SessionByKey(ctx context.Context, key []byte) (types.Session, error) {
	n, err := k.SessionsByKey.Get(ctx, key)
	if isNotFound(err) {
		return types.Session{}, errorsmod.Wrapf(types.ErrSessionNotFound, "key %X", key)
	}
	if err != nil {
		return types.Session{}, err
	}
	return k.Sessions.Get(ctx, n)
}

// GetPoolKey returns the confirmed pool key, and false before the first keygen.
func (k Keeper) GetPoolKey(ctx context.Context) (types.PoolKey, bool, error) {
	p, err := k.PoolKey.Get(ctx)
	ok, err := found(err)
	return p, ok, err
}
