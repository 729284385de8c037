# themis — one binary (themisd), one localnet command, one test command.
GO        ?= go
BUILD_DIR ?= $(CURDIR)/build
BINARY    := $(BUILD_DIR)/themisd
NEXT_BINARY := $(BUILD_DIR)/themisd-next
GOBIN     := $(shell $(GO) env GOPATH)/bin
GETH      := $(GOBIN)/geth
VALIDATORS ?= 4
LOCALNET_DIR ?= $(BUILD_DIR)/localnet

BUF_VERSION      := v1.75.0
GOGOPROTO_VERSION := v1.7.2
GATEWAY_VERSION  := v1.16.0
OPENAPI_VERSION  := v2.34.0

.PHONY: all build build-next install tools geth generate check-generated test test-unit test-e2e fuzz bench bench-churn tss-fixtures \
        soak localnet localnet-stop localnet-upgrade lint check-monitoring clean

all: build

build:
	$(GO) build -o $(BINARY) ./cmd/themisd

## build-next: the next release from this tree (-tags themis_next: the "v2" upgrade's
## handler and x/epoch's store migration 1 -> 2), for the upgrade e2e and the localnet.
build-next:
	$(GO) build -tags themis_next -o $(NEXT_BINARY) ./cmd/themisd

install:
	$(GO) install ./cmd/themisd

## tools: the pinned protobuf toolchain (offline: buf's compiler, local plugins).
tools:
	@test -x $(GOBIN)/buf || $(GO) install github.com/bufbuild/buf/cmd/buf@$(BUF_VERSION)
	@test -x $(GOBIN)/protoc-gen-gocosmos || $(GO) install github.com/cosmos/gogoproto/protoc-gen-gocosmos@$(GOGOPROTO_VERSION)
	@test -x $(GOBIN)/protoc-gen-grpc-gateway || $(GO) install github.com/grpc-ecosystem/grpc-gateway/protoc-gen-grpc-gateway@$(GATEWAY_VERSION)
	@test -x $(GOBIN)/protoc-gen-openapiv2 || $(GO) install github.com/grpc-ecosystem/grpc-gateway/v2/protoc-gen-openapiv2@$(OPENAPI_VERSION)

## geth: the pinned geth (v1.17.8) the e2e suite runs as a real L1 (geth --dev), into GOPATH/bin.
geth:
	GO=$(GO) ./scripts/install-geth.sh

## generate: regenerate all protobuf and gateway code and the OpenAPI document from proto/ (byte for byte).
generate: tools
	./scripts/protocgen.sh

## check-generated: fail if committed generated code differs from what generate makes.
check-generated: generate
	@git diff --exit-code -- '*.pb.go' '*.pb.gw.go' '*.swagger.json' || \
	  (echo "generated code is stale: run 'make generate' and commit" >&2; exit 1)
	@test -z "$$(git status --porcelain -- '*.pb.go' '*.pb.gw.go' '*.swagger.json')" || \
	  (echo "untracked generated files: run 'make generate' and commit" >&2; git status --porcelain -- '*.pb.go' '*.pb.gw.go' '*.swagger.json'; exit 1)

## test: everything CI runs — unit, property and fuzz-seed tests, then the 4-process e2e.
test: test-unit test-e2e

test-unit: geth
	$(GO) vet ./...
	GETH_BINARY=$(GETH) $(GO) test -count=1 ./...

## test-e2e: starts real themisd processes (and geth --dev) on loopback (see testutil/e2e);
## the dashboard case drives Debian's chromium (installed here when missing).
test-e2e: build build-next geth
	./scripts/install-debian-tools.sh chromium:chromium
	THEMISD_BINARY=$(BINARY) THEMISD_NEXT_BINARY=$(NEXT_BINARY) GETH_BINARY=$(GETH) $(GO) test -count=1 -tags e2e -run '^(TestLocalnet|TestBridgeProcess)' -timeout 60m ./testutil/e2e/... ./bridge/...

## fuzz: run each fuzz target briefly (FUZZTIME=30s for longer).
FUZZTIME ?= 10s
fuzz:
	./scripts/fuzz.sh $(FUZZTIME)
	THEMIS_DIFFERENTIAL_FOR=$(FUZZTIME) $(GO) test -count=1 -timeout 0 -run '^TestChainEqualsContract$$' ./testutil/differential/

## bench: the figures of BENCHMARKS.md.
bench: build
	$(GO) test -run '^$$' -bench . -benchtime 20x ./x/voteext/...
	$(GO) test -run '^$$' -bench . ./x/epoch/...
	$(GO) test -run '^$$' -bench . -benchtime 200x ./x/slashing/...
	$(GO) test -run '^$$' -bench . -benchtime 20x ./x/mpc/...
	$(GO) test -run '^$$' -bench . -benchtime 3x -timeout 30m ./tss/...
	$(GO) test -count=1 -run '^(TestRewardBatchOf100Sequencers|TestSlashingActionsOnTheContract|TestPoolAdminCallsFitTheirGasLimit)$$' -v ./contracts/
	THEMISD_BINARY=$(BINARY) $(GO) test -count=1 -tags e2e -run '^(TestBenchLocalnetBlockTime|TestBenchBlockTimePending)$$' -v -timeout 15m ./testutil/e2e/...
	THEMISD_BINARY=$(BINARY) $(GO) test -count=1 -tags e2e -run '^TestBenchBridge' -v -timeout 25m ./testutil/e2e/...
	THEMISD_BINARY=$(BINARY) $(GO) test -count=1 -tags e2e -run '^TestBenchL2Failover$$' -v -timeout 10m ./testutil/e2e/...
	THEMISD_BINARY=$(BINARY) $(GO) test -count=1 -tags e2e -run '^(TestLocalnetPoolBatches|TestLocalnetPoolL1Actions)$$' -v -timeout 35m ./testutil/e2e/...

## bench-churn: 100 pool signatures on the localnet with a signer killed or cut off in
## 20 of them (about 30 minutes; CHURN_SESSIONS, CHURN_FAULTS, CHURN_DOWN tune it).
bench-churn: build
	THEMISD_BINARY=$(BINARY) $(GO) test -count=1 -tags e2e -run '^TestBenchPoolSigningChurn$$' -v -timeout 90m ./testutil/e2e/...

## soak: the localnet under the faults of SPEC 10 on a seeded schedule, with its invariants
## checked the whole time (not part of make test). SOAK_DURATION (1h), SOAK_STALL_THRESHOLD
## (60s; 10s is the production-like one), SOAK_SEED (random when empty), SOAK_REPORT (a
## file for the record in BENCHMARKS.md).
SOAK_DURATION ?= 1h
SOAK_STALL_THRESHOLD ?= 60s
soak: build
	THEMISD_BINARY=$(BINARY) SOAK_DURATION=$(SOAK_DURATION) SOAK_STALL_THRESHOLD=$(SOAK_STALL_THRESHOLD) \
	SOAK_SEED=$(SOAK_SEED) SOAK_REPORT=$(SOAK_REPORT) \
	$(GO) test -count=1 -tags e2e -run '^TestSoak$$' -v -timeout 0 ./testutil/e2e/

## tss-fixtures: the committed TSS test fixtures (preparams, a test key); keeps what exists.
tss-fixtures:
	$(GO) run ./testutil/tssfixtures/gen -n 12 -out testutil/tssfixtures/preparams -testkey testutil/tssfixtures/testkey

## localnet: $(VALIDATORS) validators as separate processes on 127.0.0.1.
localnet: build
	BINARY=$(BINARY) VALIDATORS=$(VALIDATORS) LOCALNET_DIR=$(LOCALNET_DIR) ./scripts/localnet.sh start

localnet-stop:
	LOCALNET_DIR=$(LOCALNET_DIR) ./scripts/localnet.sh stop

## localnet-upgrade: carry the running localnet through the "v2" software upgrade: a
## governance proposal, every node halting at its height, the next release taking over.
localnet-upgrade: build-next
	BINARY=$(BINARY) VALIDATORS=$(VALIDATORS) LOCALNET_DIR=$(LOCALNET_DIR) ./scripts/localnet.sh upgrade v2 $(NEXT_BINARY)

## check-monitoring: promtool checks networks/monitoring's alert rules and scrape config
## and runs the rules' unit tests (installs Debian's prometheus package for promtool).
check-monitoring:
	./scripts/install-debian-tools.sh promtool:prometheus
	promtool check rules networks/monitoring/alerts.yml
	promtool check config networks/monitoring/prometheus.yml
	promtool test rules networks/monitoring/alerts_test.yml

lint:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); exit 1)

clean:
	rm -rf $(BUILD_DIR)

## ---- contracts: L1 Solidity in contracts/src -> contracts/build (solcjs 0.8.37, pinned in
## ---- contracts/package-lock.json) -> contracts/bindings (abigen v1.17.10 --v2). See contracts/README.md.
.PHONY: contracts check-contracts tools-contracts

## tools-contracts: npm ci of the pinned solc (only when the lockfile changed) and abigen into GOPATH/bin.
tools-contracts:
	GO=$(GO) ./contracts/build.sh tools

## contracts: rebuild contracts/build and contracts/bindings from contracts/src (byte for byte).
contracts:
	GO=$(GO) ./contracts/build.sh

## check-contracts: fail if the committed contract artefacts differ from what 'make contracts' makes.
check-contracts: contracts
	@git diff --exit-code -- contracts/build contracts/bindings || \
	  (echo "contract artefacts are stale: run 'make contracts' and commit" >&2; exit 1)
	@test -z "$$(git status --porcelain -- contracts/build contracts/bindings)" || \
	  (echo "untracked contract artefacts: run 'make contracts' and commit" >&2; git status --porcelain -- contracts/build contracts/bindings; exit 1)
