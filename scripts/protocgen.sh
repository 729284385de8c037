#!/usr/bin/env bash
# Regenerates all protobuf and grpc-gateway Go code from proto/, offline:
# the third-party protos are vendored under proto/third_party and the plugins are local.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$(go env GOPATH)/bin:$PATH"
for tool in buf protoc-gen-gocosmos protoc-gen-grpc-gateway protoc-gen-openapiv2; do
  command -v "$tool" >/dev/null || { echo "missing $tool: run 'make tools'" >&2; exit 1; }
done
rm -rf .gen
buf generate --template buf.gen.yaml --path proto/themis
# Generated files land under their Go import path; move them into the tree.
cp -r .gen/github.com/themis-network/themis/. .
# The merged OpenAPI document takes its title from the first file; name the API instead.
sed -e '0,/"title": ".*"/s//"title": "themis REST API"/' \
    -e '0,/"version": "version not set"/s//"version": "v1"/' \
    .gen/openapi/themis.swagger.json > app/openapi/themis.swagger.json
rm -rf .gen
