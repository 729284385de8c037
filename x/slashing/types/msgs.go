package types

import sdk "github.com/cosmos/cosmos-sdk/types"

var (
	_ sdk.Msg = &MsgUpdateParams{}
	_ sdk.Msg = &MsgUnjail{}
	_ sdk.Msg = &MsgSlash{}
	_ sdk.Msg = &MsgAppeal{}
	_ sdk.Msg = &MsgSubmitL2Equivocation{}
)
