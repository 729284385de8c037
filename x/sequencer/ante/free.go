package ante

import (
	"bytes"
	"context"

	"cosmossdk.io/core/address"
	sdk "github.com/cosmos/cosmos-sdk/types"

	"github.com/themis-network/themis/x/sequencer/types"
)

// Relayers is what the fee-free path needs from x/sequencer: whether an account is an
// active sequencer's (keeper.Keeper).
type Relayers interface {
	CheckRelayer(ctx context.Context, submitter string) error
	AddressCodec() address.Codec
}

// FreeRelaySender reports whether tx takes the fee-free relay path and, if it does, its
// sender. It does when the transaction offers no fee, is made only of relay messages
// (at most MaxFreeMsgs, with a gas limit of at most FreeGasLimit of their number), is
// at most MaxFreeTxBytes long (ctx's TxBytes, which bounds memo, extension options and
// unknown fields alike; a transaction of unknown size is not free), all its messages
// submitted by the account that pays for it, and that account is an active sequencer's
// with power. Relaying L1
// events is the pool's duty, and a sequencer that has just joined owns no chain tokens
// (SPEC 11). Any other transaction pays, a relay that offers a fee included: it is then
// an ordinary transaction, which may fail and pays for it.
func (p Policy) FreeRelaySender(ctx sdk.Context, k Relayers, tx sdk.Tx) (sdk.AccAddress, bool, error) {
	feeTx, ok := tx.(sdk.FeeTx)
	if !ok || !feeTx.GetFee().IsZero() {
		return nil, false, nil
	}
	msgs := tx.GetMsgs()
	if len(msgs) == 0 || len(msgs) > p.MaxFreeMsgs || feeTx.GetGas() > p.FreeGasLimit(len(msgs)) {
		return nil, false, nil
	}
	if size := len(ctx.TxBytes()); size == 0 || size > p.MaxFreeTxBytes {
		return nil, false, nil
	}
	var submitter string
	for _, msg := range msgs {
		relay, ok := msg.(types.L1EventMsg)
		if !ok {
			return nil, false, nil
		}
		if submitter == "" {
			submitter = relay.GetSubmitter()
		}
		if relay.GetSubmitter() != submitter {
			return nil, false, nil
		}
	}
	sender, err := k.AddressCodec().StringToBytes(submitter)
	if err != nil || !bytes.Equal(sender, feeTx.FeePayer()) {
		return nil, false, nil
	}
	if err := k.CheckRelayer(ctx, submitter); err != nil {
		if types.ErrNotSequencer.Is(err) || types.ErrInvalidAddress.Is(err) {
			return nil, false, nil
		}
		return nil, false, err
	}
	return sender, true, nil
}
