#!/usr/bin/env bash
# Installs the pinned geth into $(go env GOPATH)/bin/geth (make geth). The e2e suite runs
# the bridge against `geth --dev` with it, so the version is pinned: a different geth may
# mine, price gas or answer JSON-RPC differently. Idempotent: a geth already there that
# reports the pinned version is kept, so CI and repeated runs do not rebuild it (minutes).
set -euo pipefail

GETH_VERSION=1.17.8
GO=${GO:-go}

fail() {
  echo "install-geth: $*" >&2
  exit 1
}

command -v "$GO" >/dev/null 2>&1 || fail "'$GO' not found: Go 1.25+ is needed to build geth"
gopath=$("$GO" env GOPATH) || fail "'$GO env GOPATH' failed"
# GOPATH may be a list; go install uses its first entry.
bindir="${gopath%%:*}/bin"
geth="$bindir/geth"

# installed_version prints the version geth reports ("1.17.8" of "Version: 1.17.8-stable").
installed_version() {
  "$geth" version 2>/dev/null | sed -n 's/^Version: \([0-9][0-9.]*\).*/\1/p' | head -n 1
}

if [ -x "$geth" ]; then
  have=$(installed_version || true)
  if [ "$have" = "$GETH_VERSION" ]; then
    echo "install-geth: $geth is already geth $GETH_VERSION; nothing to do"
    exit 0
  fi
  echo "install-geth: $geth reports version '${have:-unknown}'; replacing it with $GETH_VERSION"
  # go install refuses to overwrite anything but a Go binary (a wrapper script, say).
  rm -f "$geth" || fail "cannot remove $geth"
fi

echo "install-geth: go install github.com/ethereum/go-ethereum/cmd/geth@v$GETH_VERSION into $bindir (takes a few minutes)"
# GOBIN pins the destination even when the environment sets another GOBIN.
GOBIN="$bindir" "$GO" install "github.com/ethereum/go-ethereum/cmd/geth@v$GETH_VERSION" ||
  fail "go install of geth v$GETH_VERSION failed (see the output above)"

have=$(installed_version || true)
[ "$have" = "$GETH_VERSION" ] ||
  fail "$geth reports version '${have:-unknown}' after the install, expected $GETH_VERSION"
echo "install-geth: installed $geth ($("$geth" version | sed -n 's/^Version: //p'))"
