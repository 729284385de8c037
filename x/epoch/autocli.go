package epoch

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/themis-network/themis/x/epoch/types"
)

// AutoCLIOptions describes the CLI: `themisd query epoch ...`. x/epoch has no user
// transactions: rotations are driven by the validators' reports and block time.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the epoch parameters"},
				{RpcMethod: "Producer", Use: "producer [l2-height]", Short: "Show the epoch (and producer) scheduled for an L2 height",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "height"}}},
				{RpcMethod: "CurrentEpoch", Use: "current", Short: "Show the epoch producing the next L2 block and the agreed L2 head"},
				{RpcMethod: "NextEpoch", Use: "next", Short: "Show the epoch decided to follow the current one"},
				{RpcMethod: "Epoch", Use: "epoch [id]", Short: "Show an epoch by id",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "Epochs", Use: "history", Short: "List the rotation history with the reason of each change"},
				{RpcMethod: "Readiness", Use: "readiness", Short: "Show each active sequencer's readiness to produce"},
				{RpcMethod: "Offences", Use: "offences", Short: "List recorded non-production offences (evidence for x/slashing)"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true}, // governance only: submit as a proposal
			},
		},
	}
}
