package slashing

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/themis-network/themis/x/slashing/types"
)

// AutoCLIOptions describes the CLI: `themisd query slashing ...` and `themisd tx
// slashing unjail`, added to the module's own tx command (GetTxCmd, which has
// submit-l2-equivocation). Offences are judged by the chain from evidence it checks
// itself; no user transaction decides a slash. Governance's MsgSlash and MsgAppeal
// (like MsgUpdateParams) are submitted inside a proposal (`themisd tx gov
// submit-proposal`), not as commands.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the slashing parameters"},
				{RpcMethod: "Offences", Use: "offences", Short: "List judged offences with their evidence and outcome (--sequencer-id to filter)"},
				{RpcMethod: "Offence", Use: "offence [id]", Short: "Show one judged offence",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "Jails", Use: "jails", Short: "List jailed sequencers and when each may unjail"},
				{RpcMethod: "Strikes", Use: "strikes [owner]", Short: "Show an L1 owner's lifetime medium strikes",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "owner"}}},
				{RpcMethod: "Escrows", Use: "escrows", Short: "List slashed amounts in escrow"},
				{RpcMethod: "Downtime", Use: "downtime", Short: "Show each validator's recent consensus votes (missed of the window), low flags and the grace after a halt"},
				{RpcMethod: "L1Actions", Use: "l1-actions", Short: "List the typed L1 actions for the pool (--status to filter)"},
				{RpcMethod: "Rewards", Use: "rewards", Short: "List every sequencer's accrued, batched and paid rewards"},
				{RpcMethod: "SequencerRewards", Use: "sequencer-rewards [sequencer-id]", Short: "Show one sequencer's accrued, batched and paid rewards",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "sequencer_id"}}},
				{RpcMethod: "RewardState", Use: "reward-state", Short: "Show the reward per L2 block, the re-target window and when the next re-target and batch are due"},
				{RpcMethod: "EpochCredits", Use: "epoch-credits", Short: "List what each closed epoch credited its producer, and why nothing when nothing (--epoch-id for one)"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // governance only: submit as a proposal
				// Hand-written (client/cli): autocli reads bytes as raw file content, hex
				// without 0x or base64, and takes many 0x-hex strings as base64.
				{RpcMethod: "SubmitL2Equivocation", Skip: true},
				{RpcMethod: "Slash", Skip: true},  // governance only: submit as a proposal
				{RpcMethod: "Appeal", Skip: true}, // governance only: submit as a proposal
				{RpcMethod: "Unjail", Use: "unjail", Short: "Return your jailed sequencer to the pool (after the jail, with at least min_lock)",
					FlagOptions: map[string]*autocliv1.FlagOptions{"operator": {Name: "from"}},
					Long: "Sent from the sequencer's operator account (its signer key, --from). Refused while the jail lasts, " +
						"with the time left, and while the stake is below the contract's min_lock."},
			},
		},
	}
}
