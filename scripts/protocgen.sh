#!/usr/bin/env bash
# Regenerates all protobuf and grpc-gateway Go code from proto/, offline:
# the third-party protos are vendored under proto/third_party and the plugins are local.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
for tool in buf protoc-gen-gocosmos protoc-gen-grpc-gateway; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run 'make tools'" >&2; exit 1; }
done
rm -rf .gen
buf generate --template buf.gen.yaml --path proto/themis
# Generated files land under their Go import path; move them into the tree.
cp -r .gen/github.com/themis-network/themis/. .
rm -rf .gen
