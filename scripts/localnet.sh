#!/usr/bin/env bash
# Runs an N-validator themis network as separate processes on 127.0.0.1: a development
# L1 with the contracts, the validators (each locked through the real staking contract),
# one L2 simulator per sequencer (producing when x/epoch schedules it) and one bridge
# per validator.
#   scripts/localnet.sh start   (make localnet)
#   scripts/localnet.sh stop    (make localnet-stop)
#   scripts/localnet.sh upgrade <plan> <next-binary>   (make localnet-upgrade: plan "v2",
#       the next release built with -tags themis_next)
# Stall or resume a sequencer's L2 node: scripts/l2-fault.sh <node-index>|producer stall|resume
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${BINARY:-./build/themisd}
VALIDATORS=${VALIDATORS:-4}
LOCALNET_DIR=${LOCALNET_DIR:-./build/localnet}
L1_RPC_ADDR=${L1_RPC_ADDR:-127.0.0.1:8545}
L1_ADMIN_ADDR=${L1_ADMIN_ADDR:-127.0.0.1:8546}
EXTRA_OWNERS=${EXTRA_OWNERS:-4} # funded owners beyond the validators, not L1-whitelisted: they join once
                                # themis governance whitelists them (the pool whitelists them on L1)

daemon() { # daemon <pidfile> <logfile> <command...>; the log is appended to (an upgrade's
  local pidfile=$1 logfile=$2  # next binary writes the same node.log)
  shift 2
  nohup "$@" >>"$logfile" 2>&1 &
  echo $! >"$pidfile"
}

start() {
  if [ -d "$LOCALNET_DIR" ]; then
    echo "a localnet exists in $LOCALNET_DIR: run 'make localnet-stop' first" >&2
    exit 1
  fi
  mkdir -p "$LOCALNET_DIR/l1"
  daemon "$LOCALNET_DIR/l1/l1.pid" "$LOCALNET_DIR/l1/l1.log" "$BINARY" devnet l1 \
    --rpc-addr "$L1_RPC_ADDR" --admin-addr "$L1_ADMIN_ADDR" --dev-owners $((VALIDATORS + EXTRA_OWNERS)) \
    --unlisted-dev-owners "$EXTRA_OWNERS" --exit-delay 168h --info-file "$LOCALNET_DIR/l1/info.json"
  for _ in $(seq 1 60); do [ -s "$LOCALNET_DIR/l1/info.json" ] && break; sleep 0.5; done
  if [ ! -s "$LOCALNET_DIR/l1/info.json" ]; then
    echo "the development L1 did not start; see $LOCALNET_DIR/l1/l1.log" >&2
    exit 1
  fi
  staking=$(sed -n 's/.*"staking": "\(0x[0-9a-fA-F]*\)".*/\1/p' "$LOCALNET_DIR/l1/info.json")
  staking_block=$(sed -n 's/.*"staking_block": \([0-9]*\).*/\1/p' "$LOCALNET_DIR/l1/info.json")
  inbox=$(sed -n 's/.*"batch_inbox": "\(0x[0-9a-fA-F]*\)".*/\1/p' "$LOCALNET_DIR/l1/info.json")
  # testnet locks every validator's signer on L1 (development owner i) and starts the
  # chain from those locks; it refuses an existing directory, so build the homes aside.
  "$BINARY" testnet --validators "$VALIDATORS" --output-dir "$LOCALNET_DIR/nodes" \
    --l1-rpc "http://$L1_RPC_ADDR" --staking-contract "$staking" --batch-inbox "$inbox" --tss \
    --reward-per-block 1000000000000000000
  mv "$LOCALNET_DIR"/nodes/node* "$LOCALNET_DIR"/ && rmdir "$LOCALNET_DIR/nodes"
  # The reward reserve the pool's reward batches (every 2 minutes) pay from: development
  # owner 0 funds it, as a treasury would.
  "$BINARY" l1 fund-rewards 100000 --l1-rpc "http://$L1_RPC_ADDR" --staking-contract "$staking" \
    --owner-key-file "$LOCALNET_DIR/node0/config/l1_owner_key.txt" >/dev/null
  for ((i = 0; i < VALIDATORS; i++)); do
    home="$LOCALNET_DIR/node$i"
    peers=""
    for ((j = 0; j < VALIDATORS; j++)); do
      [ "$j" -eq "$i" ] || peers="${peers:+$peers,}http://127.0.0.1:$((8645 + 100 * j))"
    done
    daemon "$home/node.pid" "$home/node.log" "$BINARY" start --home "$home" --log_format json
    daemon "$home/l2sim.pid" "$home/l2sim.log" "$BINARY" l2sim start --home "$home" \
      --listen "127.0.0.1:$((8645 + 100 * i))" --peers "$peers" --chain-api "http://127.0.0.1:$((1317 + 100 * i))" \
      --log_format json
    daemon "$home/bridge.pid" "$home/bridge.log" "$BINARY" bridge start --home "$home" \
      --start-block "$staking_block" --health-addr "127.0.0.1:$((8680 + i))" \
      --l2-rpc "http://127.0.0.1:$((8645 + 100 * i))" --log_format json
  done
  # Once the engines made the pool key, the bootstrap owner proposes its address on L1
  # and funds it; the pool accepts with its own signature and L2 batches start.
  daemon "$LOCALNET_DIR/l1/bootstrap.pid" "$LOCALNET_DIR/l1/bootstrap.log" \
    "$(dirname "$0")/localnet-pool-bootstrap.sh" "http://127.0.0.1:1317" "http://$L1_ADMIN_ADDR"
  rpc="http://127.0.0.1:26657"
  printf 'waiting for the first blocks'
  for _ in $(seq 1 60); do
    h=$(curl -s "$rpc/status" 2>/dev/null | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    if [ -n "$h" ] && [ "$h" -ge 3 ]; then
      echo " height $h"
      cat <<INFO

themis localnet is running ($VALIDATORS validators, chain id themis-localnet).
  L1:     JSON-RPC http://$L1_RPC_ADDR (chain id 1337), staking contract $staking
          admin http://$L1_ADMIN_ADDR/info (mine, reorg, rpc on/off, mempool drop, time, whitelist, lock-limits, fund, propose-pool)
  pool:   the engines make the pool key at start; its address is proposed on L1 and funded
          ($LOCALNET_DIR/l1/bootstrap.log), the pool accepts it, then L2 batches reach the
          batch inbox $inbox: curl -s 127.0.0.1:1317/themis/mpc/v1/batches
  rewards: 1 token per L2 block, a pool-signed reward batch every 2 minutes from the
          reward reserve (100,000 tokens): curl -s 127.0.0.1:1317/themis/slashing/v1/rewards
  node i: rpc 127.0.0.1:(26657+100i)  REST 127.0.0.1:(1317+100i)  gRPC 127.0.0.1:(9090+100i)
  dashboard: http://127.0.0.1:1317/dashboard/  (OpenAPI: http://127.0.0.1:1317/themis/openapi.json)
  metrics: node i http://127.0.0.1:(26660+100i)/metrics (alert rules, Grafana: networks/monitoring)
  L2 i:   JSON-RPC http://127.0.0.1:(8645+100i) (eth_blockNumber, eth_getBlockByNumber, eth_chainId)
  bridge i: health http://127.0.0.1:(8680+i)/healthz  metrics /metrics
  logs:   $LOCALNET_DIR/node*/{node,l2sim,bridge}.log  $LOCALNET_DIR/l1/l1.log
  fees:   every tx pays 0.025uthemis per gas (themisd tx offers it; relays of L1 events are
          free); node i's signer account holds the genesis uthemis. Fund a new operator:
          $BINARY tx bank send signer <themis1...> 1000000uthemis --home $LOCALNET_DIR/node0
  try:    $BINARY query sequencer active-set --home $LOCALNET_DIR/node0
          $BINARY query epoch current --home $LOCALNET_DIR/node0
          curl -s 127.0.0.1:1317/themis/epoch/v1/epochs     (rotation history)
          scripts/l2-fault.sh producer stall    (stall the current producer's L2 node; it prints
                  the node's index i: scripts/l2-fault.sh i resume)
  stop:   make localnet-stop
INFO
      return 0
    fi
    printf '.'
    sleep 1
  done
  echo " no blocks after 60 s; see $LOCALNET_DIR/node0/node.log" >&2
  exit 1
}

stop() {
  if [ -d "$LOCALNET_DIR" ]; then
    pidfiles=("$LOCALNET_DIR"/l1/bootstrap.pid "$LOCALNET_DIR"/node*/bridge.pid "$LOCALNET_DIR"/node*/l2sim.pid "$LOCALNET_DIR"/node*/node.pid "$LOCALNET_DIR"/l1/l1.pid)
    for pidfile in "${pidfiles[@]}"; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
    done
    for pidfile in "${pidfiles[@]}"; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$LOCALNET_DIR"
  fi
  echo "localnet stopped and removed"
}

height() { curl -s "http://127.0.0.1:$((26657 + 100 * $1))/status" | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p'; }

# upgrade: governance schedules the plan 40 blocks ahead and every validator votes yes;
# each node's upgrader (scripts/upgrade-node.sh) waits for its node to halt at the
# plan's height, stops it and starts the next binary, as an operator would.
upgrade() {
  local plan=${1:?usage: $0 upgrade <plan> <next-binary>} next=${2:?usage: $0 upgrade <plan> <next-binary>}
  [ -d "$LOCALNET_DIR/node0" ] || { echo "no localnet in $LOCALNET_DIR: make localnet first" >&2; exit 1; }
  local at=$(( $(height 0) + 40 ))
  local tx id=""
  tx=$("$BINARY" tx upgrade software-upgrade "$plan" --upgrade-height "$at" --upgrade-info "localnet upgrade to $plan" \
    --title "upgrade to $plan" --summary "software upgrade $plan at height $at" --deposit 1000uthemis \
    --no-validate --from signer --gas 400000 --yes --home "$LOCALNET_DIR/node0" -o json |
    sed -n 's/.*"txhash":"\([0-9A-F]*\)".*/\1/p')
  # Its block, then its id: the newest proposal (other proposals may exist already).
  if [ -n "$tx" ] && "$BINARY" query wait-tx "$tx" --timeout 30s --home "$LOCALNET_DIR/node0" >/dev/null; then
    # -o json prints indented JSON: squeeze it before picking the last proposal's id.
    id=$("$BINARY" query gov proposals --home "$LOCALNET_DIR/node0" -o json 2>/dev/null | tr -d ' \n' |
      grep -o '"id":"[0-9]*"' | tail -1 | grep -o '[0-9][0-9]*' || true)
  fi
  [ -n "$id" ] || { echo "the upgrade proposal did not land; see $LOCALNET_DIR/node0/node.log" >&2; exit 1; }
  for ((i = 0; i < VALIDATORS; i++)); do
    "$BINARY" tx gov vote "$id" yes --from signer --yes --home "$LOCALNET_DIR/node$i" >/dev/null
  done
  echo "proposal $id: upgrade \"$plan\" at height $at; every validator voted yes"
  for ((i = 0; i < VALIDATORS; i++)); do
    home="$LOCALNET_DIR/node$i"
    daemon "$home/node.pid" "$home/node.log" \
      "$(dirname "$0")/upgrade-node.sh" "$home" "$plan" "$(cat "$home/node.pid")" "$next" --log_format json
  done
  printf 'waiting for the nodes to halt at %s and restart with %s' "$at" "$next"
  for _ in $(seq 1 300); do
    local passed=1
    for ((i = 0; i < VALIDATORS; i++)); do
      h=$(height "$i" || true)
      [ -n "$h" ] && [ "$h" -ge $((at + 2)) ] || passed=0
    done
    # Past the height is not enough: the plan must have been applied (the next release ran it).
    curl -s "http://127.0.0.1:1317/cosmos/upgrade/v1beta1/applied_plan/$plan" | grep -q "\"height\":\"$at\"" || passed=0
    if [ "$passed" -eq 1 ]; then
      echo " done: the chain continues at height $(height 0) on $next"
      return 0
    fi
    printf '.'
    sleep 1
  done
  echo " the nodes did not pass height $((at + 2)); see $LOCALNET_DIR/node*/node.log" >&2
  exit 1
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  upgrade) shift; upgrade "$@" ;;
  *) echo "usage: $0 start|stop|upgrade <plan> <next-binary>" >&2; exit 2 ;;
esac
