#!/usr/bin/env bash
# Runs an N-validator themis network as separate processes on 127.0.0.1.
#   scripts/localnet.sh start   (make localnet)
#   scripts/localnet.sh stop    (make localnet-stop)
set -euo pipefail
cd "$(dirname "$0")/.."
BINARY=${BINARY:-./build/themisd}
VALIDATORS=${VALIDATORS:-4}
LOCALNET_DIR=${LOCALNET_DIR:-./build/localnet}

start() {
  if [ -d "$LOCALNET_DIR" ]; then
    echo "a localnet exists in $LOCALNET_DIR: run 'make localnet-stop' first" >&2
    exit 1
  fi
  "$BINARY" testnet --validators "$VALIDATORS" --output-dir "$LOCALNET_DIR"
  for ((i = 0; i < VALIDATORS; i++)); do
    home="$LOCALNET_DIR/node$i"
    nohup "$BINARY" start --home "$home" --log_format json >"$home/node.log" 2>&1 &
    echo $! >"$home/node.pid"
  done
  rpc="http://127.0.0.1:26657"
  printf 'waiting for the first blocks'
  for _ in $(seq 1 60); do
    h=$(curl -s "$rpc/status" 2>/dev/null | sed -n 's/.*"latest_block_height":"\([0-9]*\)".*/\1/p' || true)
    if [ -n "$h" ] && [ "$h" -ge 3 ]; then
      echo " height $h"
      cat <<INFO

themis localnet is running ($VALIDATORS validators, chain id themis-localnet).
  node i: rpc 127.0.0.1:(26657+100i)  REST 127.0.0.1:(1317+100i)  gRPC 127.0.0.1:(9090+100i)
  logs:   $LOCALNET_DIR/node*/node.log
  try:    $BINARY query sequencer active-set --home $LOCALNET_DIR/node0
          curl -s 127.0.0.1:1317/themis/sequencer/v1/active_set
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
    for pidfile in "$LOCALNET_DIR"/node*/node.pid; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      kill "$pid" 2>/dev/null || true
    done
    for pidfile in "$LOCALNET_DIR"/node*/node.pid; do
      [ -f "$pidfile" ] || continue
      pid=$(cat "$pidfile")
      for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
      kill -9 "$pid" 2>/dev/null || true
    done
    rm -rf "$LOCALNET_DIR"
  fi
  echo "localnet stopped and removed"
}

case "${1:-}" in
  start) start ;;
  stop) stop ;;
  *) echo "usage: $0 start|stop" >&2; exit 2 ;;
esac
