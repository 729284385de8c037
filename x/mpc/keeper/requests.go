package keeper

import (
	"context"
	"errors"
	"fmt"

	"cosmossdk.io/collections"
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/mpc/types"
)

// payloadRegistry holds the payload types by name. It is filled while the app is
// built and only looked up afterwards, never iterated, so it cannot leak map order.
type payloadRegistry struct {
	byName map[string]types.PayloadType
}

// RegisterPayloadType registers a payload type the pool may sign. Modules call it
// while the app is built (every node registers the same types in the same binary);
// a second type of the same name, or an invalid name, is refused.
func (k Keeper) RegisterPayloadType(pt types.PayloadType) error {
	if pt == nil {
		return errorsmod.Wrap(types.ErrUnknownPayloadType, "nil payload type")
	}
	name := pt.Name()
	if err := types.ValidatePayloadTypeName(name); err != nil {
		return err
	}
	if _, dup := k.payloads.byName[name]; dup {
		return errorsmod.Wrap(types.ErrPayloadTypeExists, name)
	}
	k.payloads.byName[name] = pt
	return nil
}

// payloadType looks a registered type up.
func (k Keeper) payloadType(name string) (types.PayloadType, bool) {
	pt, ok := k.payloads.byName[name]
	return pt, ok
}

// RequestSignature queues a sign request for a payload of a registered type and
// returns its id. The chain computes the digest from the payload (PayloadType.Digest);
// an unknown type, an oversized payload or one the type refuses is an error and
// nothing is stored. The request gets a sign session in EndBlock (FIFO by id, at most
// max_open_sign_sessions at once, once a pool key exists) and is retried until it is
// signed.
//
// Only keeper code calls it, after more than 2/3 of power validated the payload
// (SPEC 3.4): there is no message for it, so nothing unauthenticated can create one.
func (k Keeper) RequestSignature(ctx context.Context, payloadType string, payload []byte) (uint64, error) {
	pt, ok := k.payloadType(payloadType)
	if !ok {
		return 0, errorsmod.Wrap(types.ErrUnknownPayloadType, payloadType)
	}
	if len(payload) > types.MaxPayloadBytes {
		return 0, errorsmod.Wrapf(types.ErrInvalidPayload, "%d bytes > %d", len(payload), types.MaxPayloadBytes)
	}
	digest, err := safeDigest(pt, payload)
	if err != nil {
		return 0, errorsmod.Wrapf(types.ErrInvalidPayload, "%s: %v", payloadType, err)
	}
	n, err := k.NextSignRequest.Next(ctx)
	if err != nil {
		return 0, err
	}
	r := types.SignRequest{
		Id: n + 1, PayloadType: payloadType, Payload: append([]byte(nil), payload...), Digest: digest[:],
		Status: types.SIGN_REQUEST_STATUS_QUEUED, CreatedHeight: sdk.UnwrapSDKContext(ctx).BlockHeight(),
	}
	if err := k.setRequest(ctx, r, types.SIGN_REQUEST_STATUS_UNSPECIFIED); err != nil {
		return 0, err
	}
	k.Logger(ctx).Info("sign request queued", "id", r.Id, "payload_type", payloadType, "digest", fmt.Sprintf("%X", r.Digest))
	return r.Id, emit(ctx, &types.EventSignRequested{Id: r.Id, PayloadType: payloadType, Digest: r.Digest})
}

// safeDigest calls a payload type's Digest, turning a panic into an error.
func safeDigest(pt types.PayloadType, payload []byte) (d [32]byte, err error) {
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("panic in Digest: %v", r)
		}
	}()
	return pt.Digest(payload)
}

// setRequest stores a request and moves it in the status index from its previous
// status (UNSPECIFIED: a new request).
func (k Keeper) setRequest(ctx context.Context, r types.SignRequest, prev types.SignRequestStatus) error {
	if prev != types.SIGN_REQUEST_STATUS_UNSPECIFIED && prev != r.Status {
		if err := k.RequestsByStatus.Remove(ctx, collections.Join(int32(prev), r.Id)); err != nil {
			return err
		}
	}
	if err := k.RequestsByStatus.Set(ctx, collections.Join(int32(r.Status), r.Id)); err != nil {
		return err
	}
	return k.SignRequests.Set(ctx, r.Id, r)
}

// GetSignRequest returns a request by id.
func (k Keeper) GetSignRequest(ctx context.Context, id uint64) (types.SignRequest, error) {
	r, err := k.SignRequests.Get(ctx, id)
	if isNotFound(err) {
		return types.SignRequest{}, errorsmod.Wrapf(types.ErrRequestNotFound, "%d", id)
	}
	return r, err
}

// onSigned calls the payload type's OnSigned in a cache context written only when it
// returns nil. A failure (error, panic, or a type no longer registered) is logged and
// emitted and recorded on the request, which stays SIGNED.
func (k Keeper) onSigned(ctx sdk.Context, r types.SignRequest) (types.SignRequest, error) {
	err := func() (err error) {
		pt, ok := k.payloadType(r.PayloadType)
		if !ok {
			return errorsmod.Wrap(types.ErrUnknownPayloadType, r.PayloadType)
		}
		cacheCtx, write := ctx.CacheContext()
		defer func() {
			if rec := recover(); rec != nil {
				err = fmt.Errorf("panic in OnSigned: %v", rec)
			}
		}()
		if err := pt.OnSigned(cacheCtx, r.Id, r.Payload, r.Signature); err != nil {
			return err
		}
		write()
		return nil
	}()
	if err == nil {
		return r, nil
	}
	msg := err.Error()
	if len(msg) > maxCallbackError {
		msg = msg[:maxCallbackError]
	}
	r.CallbackError = msg
	k.Logger(ctx).Error("sign request signed, but its payload type's OnSigned failed", "id", r.Id, "payload_type", r.PayloadType, "err", err)
	return r, emit(ctx, &types.EventSignCallbackFailed{Id: r.Id, PayloadType: r.PayloadType, Error: msg})
}

// maxCallbackError bounds the OnSigned error kept on a request.
const maxCallbackError = 256

func isNotFound(err error) bool { return errors.Is(err, collections.ErrNotFound) }
