#!/usr/bin/env bash
# The localnet's bootstrap owner hands the L1 contracts to the pool: once x/mpc has made
# the pool key, propose its address on the staking contract (the pool then accepts it
# with its own signature, x/mpc's accept_pool_address) and fund it with 1 ETH of gas.
# On a real network the bootstrap owner does the same from its own wallet:
#   proposePoolAddress(<address of `themisd query mpc pool-key`>) and an ETH transfer.
# Usage: localnet-pool-bootstrap.sh <chain REST url> <devl1 admin url>
set -euo pipefail
rest=$1 admin=$2
for _ in $(seq 1 600); do
  pool=$(curl -s "$rest/themis/mpc/v1/pool_key" 2>/dev/null | sed -n 's/.*"address": *"\(0x[0-9a-fA-F]*\)".*/\1/p' || true)
  if [ -n "$pool" ]; then
    curl -sf -X POST "$admin/propose-pool?address=$pool" >/dev/null
    curl -sf -X POST "$admin/fund?address=$pool&eth=1000000000000000000" >/dev/null
    echo "pool address $pool proposed on L1 and funded with 1 ETH"
    exit 0
  fi
  sleep 1
done
echo "no pool key after 10 minutes" >&2
exit 1
