package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages for amino JSON signing (ledger).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&Params{}, "themis/x/slashing/Params", nil)
	cdc.RegisterConcrete(&MsgUpdateParams{}, "themis/x/slashing/MsgUpdateParams", nil)
	cdc.RegisterConcrete(&MsgUnjail{}, "themis/x/slashing/MsgUnjail", nil)
	cdc.RegisterConcrete(&MsgSlash{}, "themis/x/slashing/MsgSlash", nil)
	cdc.RegisterConcrete(&MsgAppeal{}, "themis/x/slashing/MsgAppeal", nil)
	cdc.RegisterConcrete(&MsgSubmitL2Equivocation{}, "themis/x/slashing/MsgSubmitL2Equivocation", nil)
}

// RegisterInterfaces registers the messages with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil), &MsgUpdateParams{}, &MsgUnjail{}, &MsgSlash{}, &MsgAppeal{}, &MsgSubmitL2Equivocation{})
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
