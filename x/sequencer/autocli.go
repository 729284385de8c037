package sequencer

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/themis-network/themis/x/sequencer/types"
)

// AutoCLIOptions describes the CLI: `themisd query sequencer ...` and `themisd tx sequencer ...`.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the pool parameters"},
				{RpcMethod: "L1Config", Use: "l1-config", Short: "Show the L1 staking contract's configuration as mirrored by the chain (lock limits, exit delay, pause, pool address, pool recovery)"},
				{RpcMethod: "L1Admin", Use: "l1-admin", Short: "Show governance's decision on the L1 staking contract's administration and what the pool still has to change on L1"},
				{RpcMethod: "L1Ledger", Use: "l1-ledger", Short: "Show the L1 staking contract's ledger as mirrored by the chain (reward reserve, last reward batch)"},
				{RpcMethod: "Sequencer", Use: "sequencer [id]", Short: "Show a sequencer by its L1 id",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "SequencerBySigner", Use: "by-signer [0x-signer]", Short: "Show the sequencer with this L1 signer address",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "signer"}}},
				{RpcMethod: "SequencersByOwner", Use: "by-owner [0x-owner]", Short: "List the sequencers of an L1 owner",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}}},
				{RpcMethod: "Sequencers", Use: "sequencers", Short: "List sequencers (--status to filter)"},
				{RpcMethod: "ActiveSet", Use: "active-set", Short: "List the active sequencers and their voting power"},
				{RpcMethod: "Whitelist", Use: "whitelist", Short: "List the L1 owners allowed to lock"},
				{RpcMethod: "EventApplied", Use: "event-applied [0x-tx-hash] [log-index]", Short: "Tell whether an L1 log was applied",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "tx_hash"}, {ProtoField: "log_index"}}},
				{RpcMethod: "PendingEvents", Use: "pending-events", Short: "List relayed L1 events waiting for the pool's vote"},
				{RpcMethod: "Disagreements", Use: "disagreements", Short: "List applied L1 events the chain disagreed with (--sequencer-id to filter)"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // governance only: submit as a proposal
				{RpcMethod: "UpdateWhitelist", Skip: true},
				{RpcMethod: "UpdateL1Admin", Skip: true}, // governance only
				{RpcMethod: "EditDescription", Use: "edit-description", Short: "Edit your sequencer's public profile",
					FlagOptions: map[string]*autocliv1.FlagOptions{"sender": {Name: "from"}}},
				// L1 events are relayed by the bridge; the commands exist for operators and tests.
				{RpcMethod: "Locked", Use: "relay-locked", Short: "Relay an L1 Locked event (normally done by the bridge)"},
				{RpcMethod: "Relocked", Use: "relay-relocked", Short: "Relay an L1 Relocked event"},
				{RpcMethod: "Withdrawn", Use: "relay-withdrawn", Short: "Relay an L1 Withdrawn event"},
				{RpcMethod: "UnlockInitiated", Use: "relay-unlock-initiated", Short: "Relay an L1 UnlockInitiated event"},
				{RpcMethod: "UnlockClaimed", Use: "relay-unlock-claimed", Short: "Relay an L1 UnlockClaimed event"},
				{RpcMethod: "SignerChanged", Use: "relay-signer-changed", Short: "Relay an L1 SignerChanged event"},
				{RpcMethod: "RewardRecipientChanged", Use: "relay-reward-recipient-changed", Short: "Relay an L1 RewardRecipientChanged event"},
				{RpcMethod: "Slashed", Use: "relay-slashed", Short: "Relay an L1 Slashed event"},
				{RpcMethod: "ConfigChanged", Skip: true}, // a oneof the bridge builds from the L1 log
				{RpcMethod: "LedgerChanged", Skip: true}, // likewise
			},
		},
	}
}
