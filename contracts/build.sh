#!/usr/bin/env bash
# Rebuilds the L1 contract artefacts from contracts/src, byte for byte:
#   contracts/build/<Name>.abi, contracts/build/<Name>.bin   (solcjs, pinned in package-lock.json)
#   contracts/bindings/<pkg>/<pkg>.go                        (abigen --v2, pinned below)
#
# Usage: contracts/build.sh          ensure the tools, then build
#        contracts/build.sh tools    only ensure the tools (npm packages, abigen)
#
# Reproducibility: solc embeds a metadata hash of the source names and contents in the
# bytecode, so sources are always compiled from the contracts/ directory under the same
# relative names (src/<Name>.sol).
set -euo pipefail

readonly SOLC_VERSION="0.8.37"
readonly ABIGEN_VERSION="v1.17.10"
# <contract name>:<Go package name>; each contract lives in src/<contract name>.sol.
readonly CONTRACTS=("ThemisStaking:staking" "TestToken:testtoken" "BatchInbox:batchinbox" "FeeOnTransferToken:feetoken")

CONTRACTS_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
readonly CONTRACTS_DIR
GO="${GO:-go}"
GOBIN_DIR="$("$GO" env GOBIN)"
if [[ -z "$GOBIN_DIR" ]]; then
	GOBIN_DIR="$("$GO" env GOPATH | cut -d: -f1)/bin"
fi
readonly ABIGEN="${ABIGEN:-$GOBIN_DIR/abigen}"

# npm ci wipes and reinstalls node_modules, so it runs only when the lockfile changed since
# the last install (tracked by a hash stamp inside node_modules).
ensure_solc() {
	local stamp="$CONTRACTS_DIR/node_modules/.themis-lock.sha256"
	local want
	want="$(sha256sum "$CONTRACTS_DIR/package-lock.json" | cut -d' ' -f1)"
	if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" || ! -x "$CONTRACTS_DIR/node_modules/.bin/solcjs" ]]; then
		npm ci --prefix "$CONTRACTS_DIR" --no-audit --no-fund
		echo "$want" >"$stamp"
	fi
	local have
	have="$(cd "$CONTRACTS_DIR" && npx --no -- solcjs --version 2>/dev/null)"
	if [[ "$have" != "$SOLC_VERSION+"* ]]; then
		echo "build.sh: solcjs is '$have', want $SOLC_VERSION (check contracts/package-lock.json)" >&2
		exit 1
	fi
}

ensure_abigen() {
	if [[ ! -x "$ABIGEN" ]] || ! "$ABIGEN" --version | grep -q "version ${ABIGEN_VERSION#v}-"; then
		echo "build.sh: installing abigen $ABIGEN_VERSION into $GOBIN_DIR (takes a minute or two)" >&2
		# Run outside the repository so go.mod is neither consulted nor touched.
		(cd / && GOBIN="$GOBIN_DIR" "$GO" install "github.com/ethereum/go-ethereum/cmd/abigen@$ABIGEN_VERSION")
	fi
}

compile() {
	local name
	SOLC_OUT="$(mktemp -d)"
	trap 'rm -rf "$SOLC_OUT"' EXIT
	mkdir -p "$CONTRACTS_DIR/build"
	for entry in "${CONTRACTS[@]}"; do
		name="${entry%%:*}"
		(cd "$CONTRACTS_DIR" && npx --no -- solcjs --optimize --abi --bin --base-path . -o "$SOLC_OUT" "src/$name.sol")
		# solcjs names outputs <path with / and . replaced by _>_<contract>.{abi,bin}.
		cp "$SOLC_OUT/src_${name}_sol_${name}.abi" "$CONTRACTS_DIR/build/$name.abi"
		cp "$SOLC_OUT/src_${name}_sol_${name}.bin" "$CONTRACTS_DIR/build/$name.bin"
	done
}

bind() {
	local name pkg
	for entry in "${CONTRACTS[@]}"; do
		name="${entry%%:*}"
		pkg="${entry##*:}"
		mkdir -p "$CONTRACTS_DIR/bindings/$pkg"
		"$ABIGEN" --v2 --abi "$CONTRACTS_DIR/build/$name.abi" --bin "$CONTRACTS_DIR/build/$name.bin" \
			--pkg "$pkg" --type "$name" --out "$CONTRACTS_DIR/bindings/$pkg/$pkg.go"
		# abigen creates its output with mode 0600; make it readable like every other source.
		chmod 0644 "$CONTRACTS_DIR/bindings/$pkg/$pkg.go"
	done
}

main() {
	ensure_solc
	ensure_abigen
	if [[ "${1:-}" == "tools" ]]; then
		return
	fi
	compile
	bind
	echo "build.sh: contracts/build and contracts/bindings are up to date"
}

main "$@"
