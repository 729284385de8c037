package types

import (
	"context"

	errorsmod "cosmossdk.io/errors"
)

// MaxPayloadBytes bounds one sign request's payload (it is stored on chain).
const MaxPayloadBytes = 64 << 10

// MaxPayloadTypeLen bounds a payload type's name.
const MaxPayloadTypeLen = 64

// PayloadType is a kind of payload the pool signs, registered with the keeper by the
// module that owns it (e.g. "l2_batch"). The chain never signs a raw hash: it computes
// the digest from the typed payload itself.
//
// Only keeper code calls RequestSignature, after the payload has been validated by
// more than 2/3 of power (SPEC 3.4); nothing unauthenticated can create a request.
type PayloadType interface {
	// Name is the type's registered name: 1-64 of [a-z0-9_].
	Name() string
	// Digest is the 32 bytes the pool signs for payload, or an error if the payload is
	// not a valid payload of this type. It must be deterministic and must keep digests
	// of different types apart (an L1 transaction's signing hash binds its chain id and
	// contract; a typed message binds a domain), so that a signature for one type can
	// never be used as another.
	Digest(payload []byte) ([32]byte, error)
	// OnSigned is called once, in PreBlock, when the request is SIGNED, in a cache
	// context written only if it returns nil. An error (or panic) leaves the request
	// SIGNED and the signature queryable; it is logged and emitted as an event.
	OnSigned(ctx context.Context, requestID uint64, payload, signature []byte) error
}

// ValidatePayloadTypeName checks a payload type's name.
func ValidatePayloadTypeName(name string) error {
	if name == "" || len(name) > MaxPayloadTypeLen {
		return errorsmod.Wrapf(ErrUnknownPayloadType, "name of %d bytes", len(name))
	}
	for _, c := range name {
		if !(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
			return errorsmod.Wrapf(ErrUnknownPayloadType, "%q: only a-z, 0-9 and _", name)
		}
	}
	return nil
}
