#!/usr/bin/env bash
# Carries one node through a governance software upgrade, the way an operator does
# (what cosmovisor automates): wait until the running node reaches the plan's height,
# halts and writes <home>/data/upgrade-info.json naming the plan; stop it; then run
# the new binary in its place (exec: this process becomes the upgraded node).
#
#   scripts/upgrade-node.sh <home> <plan-name> <running-node-pid> <new-binary> [start flags...]
#
# Start it any time before the upgrade height (the localnet's `scripts/localnet.sh
# upgrade` does, for every node). UPGRADE_WAIT bounds the wait (default 1h).
set -euo pipefail
if [ $# -lt 4 ]; then
  echo "usage: $0 <home> <plan-name> <running-node-pid> <new-binary> [start flags...]" >&2
  exit 2
fi
home=$1 plan=$2 pid=$3 next=$4
shift 4
info="$home/data/upgrade-info.json"
[ -x "$next" ] || { echo "upgrade-node: $next is not an executable binary" >&2; exit 2; }
[ -d "$home/config" ] || { echo "upgrade-node: $home is not a node home (no config/)" >&2; exit 2; }
# The pid must be this home's running node: never 0 or negative (a process group, or
# every process), never some other process that happens to hold the number.
[[ "$pid" =~ ^[1-9][0-9]*$ ]] || { echo "upgrade-node: \"$pid\" is not a process id" >&2; exit 2; }
is_the_node() { [ -r "/proc/$pid/cmdline" ] && tr '\0' ' ' <"/proc/$pid/cmdline" | grep -qF -- "--home $home "; }
is_the_node || { echo "upgrade-node: process $pid is not a node running with --home $home" >&2; exit 2; }

deadline=$(( $(date +%s) + ${UPGRADE_WAIT:-3600} ))
echo "upgrade-node: waiting for plan \"$plan\" in $info"
until [ -s "$info" ] && grep -qF "\"name\":\"$plan\"" "$info"; do
  if [ "$(date +%s)" -ge "$deadline" ]; then
    echo "upgrade-node: no halt for plan \"$plan\" within ${UPGRADE_WAIT:-3600}s" >&2
    exit 1
  fi
  sleep 1
done
echo "upgrade-node: the node halted for \"$plan\": $(cat "$info")"

# Stop the old binary: interrupt, then kill if it has not exited in 30 s (checking each
# time that the number still names the node).
if is_the_node; then
  kill -INT "$pid" 2>/dev/null || true
  for _ in $(seq 1 60); do is_the_node || break; sleep 0.5; done
  if is_the_node; then kill -9 "$pid" 2>/dev/null || true; fi
fi
for _ in $(seq 1 20); do is_the_node || break; sleep 0.5; done
is_the_node && { echo "upgrade-node: the old node $pid does not stop" >&2; exit 1; }
echo "upgrade-node: starting $next"
exec "$next" start --home "$home" "$@"
