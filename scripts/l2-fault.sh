#!/usr/bin/env bash
# Switches a localnet sequencer's L2 simulator fault mode.
#   scripts/l2-fault.sh <node-index> stall         stop producing (the chain re-elects after stall_threshold)
#   scripts/l2-fault.sh <node-index> resume        produce again when scheduled
#   scripts/l2-fault.sh <node-index> equivocate    sign two blocks per height
#   scripts/l2-fault.sh <node-index> wrong_result  produce blocks with a wrong state root
#   scripts/l2-fault.sh <node-index> lie           lie to its validator: a forged chain, other state roots
#   scripts/l2-fault.sh producer <mode>            the same for the current producer's node, once its
#                                                  epoch has 6 L2 blocks left; prints the node's index
# Watch the rotation: curl -s 127.0.0.1:1317/themis/epoch/v1/epochs
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${BINARY:-./build/themisd}
REST=${REST:-http://127.0.0.1:1317}
if [ $# -ne 2 ] || ! [[ $1 =~ ^([0-9]+|producer)$ ]]; then
  sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
node=$1
if [ "$node" = producer ]; then
  # A producer switched off at its epoch's last block would just hand over to the next
  # one: there would be no stall to re-elect. Wait for one with some epoch left.
  for _ in $(seq 1 120); do
    current=$(curl -sf "$REST/themis/epoch/v1/current" || true)
    id=$(sed -n 's/.*"producer_id":"\([0-9]*\)".*/\1/p' <<<"$current")
    end=$(sed -n 's/.*"end_height":"\([0-9]*\)".*/\1/p' <<<"$current")
    head=$(sed -n 's/.*"head":{"height":"\([0-9]*\)".*/\1/p' <<<"$current")
    if [ -n "$id" ] && [ "$id" -gt 0 ] && [ -n "$end" ] && [ -n "$head" ] && [ "$end" -ge $((head + 6)) ]; then
      break
    fi
    id=""
    sleep 0.5
  done
  [ -n "$id" ] || { echo "no producer with 6 L2 blocks of its epoch left after 60 s: $REST/themis/epoch/v1/current" >&2; exit 1; }
  node=$((id - 1)) # the localnet locks node i's signer as sequencer i+1
  echo "node$node's L2 node (sequencer $id, producing until L2 height $end): $2" >&2
fi
"$BINARY" l2sim fault "$2" --node "http://127.0.0.1:$((8645 + 100 * node))" >&2
[ "$1" != producer ] || echo "$node"
