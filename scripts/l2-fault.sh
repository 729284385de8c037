#!/usr/bin/env bash
# Switches a localnet sequencer's L2 simulator fault mode.
#   scripts/l2-fault.sh <node-index> stall         stop producing (the chain re-elects after stall_threshold)
#   scripts/l2-fault.sh <node-index> resume        produce again when scheduled
#   scripts/l2-fault.sh <node-index> equivocate    sign two blocks per height
#   scripts/l2-fault.sh <node-index> wrong_result  produce blocks with a wrong state root
#   scripts/l2-fault.sh <node-index> lie           lie to its validator: a forged chain, other state roots
# Watch the rotation: curl -s 127.0.0.1:1317/themis/epoch/v1/epochs
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${BINARY:-./build/themisd}
if [ $# -ne 2 ] || ! [[ $1 =~ ^[0-9]+$ ]]; then
  sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//' >&2
  exit 2
fi
exec "$BINARY" l2sim fault "$2" --node "http://127.0.0.1:$((8645 + 100 * $1))"
