package keeper

import (
	"context"
	"encoding/binary"
	"fmt"
	"math/big"

	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/common"
	ethtypes "github.com/ethereum/go-ethereum/core/types"

	"github.com/themis-network/themis/x/mpc/outbound"
	"github.com/themis-network/themis/x/mpc/types"
)

// PoolTxPayloadType is the payload type of every pool transaction: the pool signs an
// L1 transaction's London signing hash, which binds the L1 chain id, the nonce, the
// fees and the call, so a signature can serve no other transaction or chain.
const PoolTxPayloadType = "pool_tx"

// poolTxPayloadHeader is the pool transaction id (8 bytes) and version (4 bytes)
// before the unsigned transaction's binary encoding.
const poolTxPayloadHeader = 12

func encodePoolTxPayload(id uint64, version uint32, unsigned *ethtypes.Transaction) ([]byte, error) {
	bz, err := unsigned.MarshalBinary()
	if err != nil {
		return nil, err
	}
	out := binary.BigEndian.AppendUint64(make([]byte, 0, poolTxPayloadHeader+len(bz)), id)
	out = binary.BigEndian.AppendUint32(out, version)
	return append(out, bz...), nil
}

// decodePoolTxPayload reads a pool_tx payload: an unsigned EIP-1559 transaction with
// a chain id, encoded canonically.
func decodePoolTxPayload(payload []byte) (id uint64, version uint32, tx *ethtypes.Transaction, err error) {
	if len(payload) <= poolTxPayloadHeader {
		return 0, 0, nil, fmt.Errorf("pool_tx payload of %d bytes", len(payload))
	}
	id = binary.BigEndian.Uint64(payload)
	version = binary.BigEndian.Uint32(payload[8:])
	tx = new(ethtypes.Transaction)
	if err := tx.UnmarshalBinary(payload[poolTxPayloadHeader:]); err != nil {
		return 0, 0, nil, fmt.Errorf("pool_tx: %w", err)
	}
	if tx.Type() != ethtypes.DynamicFeeTxType || tx.ChainId() == nil || tx.ChainId().Sign() <= 0 {
		return 0, 0, nil, fmt.Errorf("pool_tx: an EIP-1559 transaction with a chain id, not type %d", tx.Type())
	}
	if v, r, s := tx.RawSignatureValues(); v.Sign() != 0 || r.Sign() != 0 || s.Sign() != 0 {
		return 0, 0, nil, fmt.Errorf("pool_tx: already signed")
	}
	again, err := tx.MarshalBinary()
	if err != nil || string(again) != string(payload[poolTxPayloadHeader:]) {
		return 0, 0, nil, fmt.Errorf("pool_tx: not canonical")
	}
	return id, version, tx, nil
}

// poolTxPayload is the pool_tx payload type, registered by the keeper itself.
type poolTxPayload struct{ k Keeper }

func (poolTxPayload) Name() string { return PoolTxPayloadType }

func (poolTxPayload) Digest(payload []byte) ([32]byte, error) {
	_, _, tx, err := decodePoolTxPayload(payload)
	if err != nil {
		return [32]byte{}, err
	}
	return outbound.SigningHash(tx.ChainId(), tx), nil
}

// OnSigned assembles the signed transaction of the version the request signed and
// makes it SENT. A version no longer the latest of a SIGNING transaction (the
// transaction landed meanwhile) is left alone.
func (p poolTxPayload) OnSigned(ctx context.Context, _ uint64, payload, signature []byte) error {
	id, version, unsigned, err := decodePoolTxPayload(payload)
	if err != nil {
		return err
	}
	ptx, err := p.k.GetPoolTx(ctx, id)
	if err != nil {
		return err
	}
	if ptx.Status != types.POOL_TX_STATUS_SIGNING || int(version) != len(ptx.Versions)-1 {
		return nil
	}
	pool, err := p.k.PoolKey.Get(ctx)
	if err != nil {
		return errorsmod.Wrap(types.ErrNoPoolKey, err.Error())
	}
	signed, err := outbound.Assemble(unsigned.ChainId(), unsigned, signature, common.HexToAddress(pool.Address))
	if err != nil {
		return errorsmod.Wrap(types.ErrInvalidSignature, err.Error())
	}
	raw, err := signed.MarshalBinary()
	if err != nil {
		return err
	}
	hash := signed.Hash()
	v := &ptx.Versions[version]
	v.TxHash, v.Raw, v.SignedHeight = hash.Bytes(), raw, sdk.UnwrapSDKContext(ctx).BlockHeight()
	prev := ptx.Status
	ptx.Status = types.POOL_TX_STATUS_SENT
	if err := p.k.setPoolTx(ctx, ptx, prev); err != nil {
		return err
	}
	p.k.Logger(ctx).Info("pool transaction signed", "id", id, "version", version, "nonce", ptx.Nonce, "hash", hash.Hex())
	return emit(ctx, &types.EventPoolTxSigned{Id: id, Version: version, TxHash: hash.Bytes()})
}

// weiString prints a wei amount for events.
func weiString(bz []byte) string { return new(big.Int).SetBytes(bz).String() }
