package types

import (
	errorsmod "cosmossdk.io/errors"
	sdk "github.com/cosmos/cosmos-sdk/types"
)

var (
	_ sdk.Msg = &MsgUpdateParams{}
	_ sdk.Msg = &MsgUnjail{}
	_ sdk.Msg = &MsgSlash{}
	_ sdk.Msg = &MsgAppeal{}
	_ sdk.Msg = &MsgSubmitL2Equivocation{}
)

// ValidateBasic checks the evidence without state: a valid submitter, and two headers,
// neither empty nor above MaxL2HeaderBytes (so no node decodes or hashes more).
func (m *MsgSubmitL2Equivocation) ValidateBasic() error {
	if _, err := sdk.AccAddressFromBech32(m.Submitter); err != nil {
		return errorsmod.Wrapf(ErrInvalidAddress, "submitter %q: %v", m.Submitter, err)
	}
	for _, h := range []struct {
		name string
		bz   []byte
	}{{"header_a", m.HeaderA}, {"header_b", m.HeaderB}} {
		if len(h.bz) == 0 {
			return errorsmod.Wrapf(ErrInvalidL2Header, "%s is empty", h.name)
		}
		if len(h.bz) > MaxL2HeaderBytes {
			return errorsmod.Wrapf(ErrL2HeaderTooLarge, "%s is %d bytes, at most %d", h.name, len(h.bz), MaxL2HeaderBytes)
		}
	}
	return nil
}
