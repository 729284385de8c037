package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages for amino JSON signing (ledger).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&Params{}, "themis/x/mpc/Params", nil)
	cdc.RegisterConcrete(&MsgUpdateParams{}, "themis/x/mpc/MsgUpdateParams", nil)
	cdc.RegisterConcrete(&MsgResumePurpose{}, "themis/x/mpc/MsgResumePurpose", nil)
	cdc.RegisterConcrete(&MsgReplacePoolKey{}, "themis/x/mpc/MsgReplacePoolKey", nil)
	cdc.RegisterConcrete(&MsgResyncBatches{}, "themis/x/mpc/MsgResyncBatches", nil)
}

// RegisterInterfaces registers the messages with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), &MsgUpdateParams{}, &MsgResumePurpose{}, &MsgReplacePoolKey{}, &MsgResyncBatches{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
