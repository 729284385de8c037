package mpc

import (
	autocliv1 "cosmossdk.io/api/cosmos/autocli/v1"

	"github.com/themis-network/themis/x/mpc/types"
)

// AutoCLIOptions describes the CLI: `themisd query mpc ...`. x/mpc has no user
// transactions: sessions are scheduled by the chain, results arrive in vote
// extensions, and sign requests come from other modules' keepers.
func (AppModule) AutoCLIOptions() *autocliv1.ModuleOptions {
	return &autocliv1.ModuleOptions{
		Query: &autocliv1.ServiceCommandDescriptor{
			Service: types.Query_serviceDesc.ServiceName,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "Params", Use: "params", Short: "Show the mpc parameters"},
				{RpcMethod: "PoolKey", Use: "pool-key", Short: "Show the pool key, its Ethereum address, generation and committee"},
				{RpcMethod: "OpenSessions", Use: "open-sessions", Short: "List the open keygen, resharing and sign sessions"},
				{RpcMethod: "Sessions", Use: "sessions", Short: "List every session"},
				{RpcMethod: "Session", Use: "session [number]", Short: "Show a session by number",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "number"}}},
				{RpcMethod: "SessionByKey", Use: "session-by-key [session-key-hex]", Short: "Show a session by its session key",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "session_key"}}},
				{RpcMethod: "SignRequest", Use: "sign-request [id]", Short: "Show a sign request (payload, digest, status, signature)",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "SignRequests", Use: "sign-requests", Short: "List sign requests (--status to filter)"},
				{RpcMethod: "Blames", Use: "blames", Short: "List the blame log (evidence for x/slashing)"},
				{RpcMethod: "Readiness", Use: "readiness", Short: "Show each active sequencer's engine readiness, share generation and endpoint, and the candidate committee"},
				{RpcMethod: "Outbound", Use: "outbound", Short: "Show the agreed L1 view (base fee, pool nonce and balance), the pool transaction in flight and the L2 batch in progress"},
				{RpcMethod: "PoolTxs", Use: "pool-txs", Short: "List pool transactions (--status to filter; --reverse for newest first)"},
				{RpcMethod: "PoolTx", Use: "pool-tx [id]", Short: "Show a pool transaction: its call, nonce, versions and where it landed",
					PositionalArgs: []*autocliv1.PositionalArgDescriptor{{ProtoField: "id"}}},
				{RpcMethod: "AcceptedBatches", Use: "accepted-batches", Short: "List the L2 batches the L1 batch inbox accepted"},
				{RpcMethod: "RetiredPoolKeys", Use: "retired-keys", Short: "List the pool keys governance retired (MsgReplacePoolKey), with when and why"},
			},
		},
		Tx: &autocliv1.ServiceCommandDescriptor{
			Service:              types.Msg_serviceDesc.ServiceName,
			EnhanceCustomCommand: true,
			RpcCommandOptions: []*autocliv1.RpcCommandOptions{
				{RpcMethod: "UpdateParams", Skip: true},   // governance only: submit as a proposal
				{RpcMethod: "ResumePurpose", Skip: true},  // governance only: submit as a proposal
				{RpcMethod: "ReplacePoolKey", Skip: true}, // governance only: submit as a proposal
				{RpcMethod: "ResyncBatches", Skip: true},  // governance only: submit as a proposal
			},
		},
	}
}
