package types

import (
	"github.com/cosmos/cosmos-sdk/codec"
	codectypes "github.com/cosmos/cosmos-sdk/codec/types"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/cosmos/cosmos-sdk/types/msgservice"
)

// RegisterLegacyAminoCodec registers the messages for amino JSON signing (ledger).
func RegisterLegacyAminoCodec(cdc *codec.LegacyAmino) {
	cdc.RegisterConcrete(&Params{}, "themis/x/sequencer/Params", nil)
	cdc.RegisterConcrete(&MsgUpdateParams{}, "themis/x/sequencer/MsgUpdateParams", nil)
	cdc.RegisterConcrete(&MsgUpdateWhitelist{}, "themis/x/sequencer/MsgUpdateWhitelist", nil)
	cdc.RegisterConcrete(&MsgUpdateL1Admin{}, "themis/x/sequencer/MsgUpdateL1Admin", nil)
	cdc.RegisterConcrete(&MsgEditDescription{}, "themis/x/sequencer/MsgEditDescription", nil)
	cdc.RegisterConcrete(&MsgLocked{}, "themis/x/sequencer/MsgLocked", nil)
	cdc.RegisterConcrete(&MsgRelocked{}, "themis/x/sequencer/MsgRelocked", nil)
	cdc.RegisterConcrete(&MsgWithdrawn{}, "themis/x/sequencer/MsgWithdrawn", nil)
	cdc.RegisterConcrete(&MsgUnlockInitiated{}, "themis/x/sequencer/MsgUnlockInitiated", nil)
	cdc.RegisterConcrete(&MsgUnlockClaimed{}, "themis/x/sequencer/MsgUnlockClaimed", nil)
	cdc.RegisterConcrete(&MsgSignerChanged{}, "themis/x/sequencer/MsgSignerChanged", nil)
	cdc.RegisterConcrete(&MsgRewardRecipientChanged{}, "themis/x/sequencer/MsgRewardRecipientChanged", nil)
	cdc.RegisterConcrete(&MsgSlashed{}, "themis/x/sequencer/MsgSlashed", nil)
	cdc.RegisterConcrete(&MsgConfigChanged{}, "themis/x/sequencer/MsgConfigChanged", nil)
	// The oneof's cases, under the names of their amino.oneof_name options.
	cdc.RegisterInterface((*isMsgConfigChanged_Change)(nil), nil)
	cdc.RegisterConcrete(&MsgConfigChanged_LockLimits{}, "themis/x/sequencer/LockLimitsChange", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_ExitDelay{}, "themis/x/sequencer/ExitDelayChange", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_Whitelist{}, "themis/x/sequencer/L1WhitelistChange", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_Pause{}, "themis/x/sequencer/PauseChange", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_Treasury{}, "themis/x/sequencer/TreasuryChange", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_PoolAddress{}, "themis/x/sequencer/PoolAddressChange", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_BootstrapStarted{}, "themis/x/sequencer/BootstrapStarted", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_BootstrapEnded{}, "themis/x/sequencer/BootstrapEnded", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_PoolRecoveryProposed{}, "themis/x/sequencer/PoolRecoveryProposed", nil)
	cdc.RegisterConcrete(&MsgConfigChanged_PoolRecoveryCancelled{}, "themis/x/sequencer/PoolRecoveryCancelled", nil)
	cdc.RegisterConcrete(&MsgLedgerChanged{}, "themis/x/sequencer/MsgLedgerChanged", nil)
	cdc.RegisterInterface((*isMsgLedgerChanged_Change)(nil), nil)
	cdc.RegisterConcrete(&MsgLedgerChanged_RewardsFunded{}, "themis/x/sequencer/RewardsFunded", nil)
	cdc.RegisterConcrete(&MsgLedgerChanged_RewardBatch{}, "themis/x/sequencer/RewardBatchCredited", nil)
	cdc.RegisterConcrete(&MsgLedgerChanged_RewardsWithdrawn{}, "themis/x/sequencer/RewardsWithdrawn", nil)
	cdc.RegisterConcrete(&MsgLedgerChanged_EscrowRefunded{}, "themis/x/sequencer/EscrowRefunded", nil)
	cdc.RegisterConcrete(&MsgLedgerChanged_EscrowReleased{}, "themis/x/sequencer/EscrowReleased", nil)
}

// RegisterInterfaces registers the messages with the interface registry.
func RegisterInterfaces(registry codectypes.InterfaceRegistry) {
	registry.RegisterImplementations((*sdk.Msg)(nil),
		&MsgUpdateParams{},
		&MsgUpdateWhitelist{},
		&MsgUpdateL1Admin{},
		&MsgEditDescription{},
		&MsgLocked{},
		&MsgRelocked{},
		&MsgWithdrawn{},
		&MsgUnlockInitiated{},
		&MsgUnlockClaimed{},
		&MsgSignerChanged{},
		&MsgRewardRecipientChanged{},
		&MsgSlashed{},
		&MsgConfigChanged{},
		&MsgLedgerChanged{},
	)
	msgservice.RegisterMsgServiceDesc(registry, &_Msg_serviceDesc)
}
