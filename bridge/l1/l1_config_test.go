package l1_test

import (
	"context"
	"crypto/ecdsa"
	"errors"
	"math/big"
	"slices"
	"testing"

	"cosmossdk.io/math"
	"github.com/ethereum/go-ethereum"
	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	gethtypes "github.com/ethereum/go-ethereum/core/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/bridge/l1"
	"github.com/themis-network/themis/contracts"
	"github.com/themis-network/themis/contracts/bindings/staking"
	"github.com/themis-network/themis/networks/devl1"
	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/observer"
	seqtypes "github.com/themis-network/themis/x/sequencer/types"
)

// The contract's configuration events and its configuration itself, read from the
// real contract on the development L1: what the bridge relays, what a validator reads
// back while voting, and what a chain started from the contract takes as genesis.

var stakingBinding = staking.NewThemisStaking()

// adminSend sends calldata to the staking contract from key, mines it and returns the
// receipt of the successful transaction.
func adminSend(t *testing.T, e *l1Env, key *ecdsa.PrivateKey, calldata []byte) *gethtypes.Receipt {
	t.Helper()
	ctx := context.Background()
	to := e.node.Deployment().Staking
	opts := bind.NewKeyedTransactor(key, new(big.Int).SetUint64(devl1.ChainID))
	opts.Context = ctx
	tx, err := bind.NewBoundContract(to, abi.ABI{}, e.rpc, e.rpc, e.rpc).RawTransact(opts, calldata)
	require.NoError(t, err)
	e.node.Mine(1)
	r, err := bind.WaitMined(ctx, e.rpc, tx.Hash())
	require.NoError(t, err)
	require.Equal(t, gethtypes.ReceiptStatusSuccessful, r.Status)
	return r
}

// adminCall runs calldata as key against the latest state without sending it: nil if
// the contract would accept it.
func adminCall(e *l1Env, key *ecdsa.PrivateKey, calldata []byte) error {
	to := e.node.Deployment().Staking
	_, err := e.rpc.CallContract(context.Background(), ethereum.CallMsg{From: crypto.PubkeyToAddress(key.PublicKey), To: &to, Data: calldata}, nil)
	return err
}

// stakingCall reads a view function of the staking contract.
func stakingCall(t *testing.T, e *l1Env, calldata []byte, block *big.Int) []byte {
	t.Helper()
	to := e.node.Deployment().Staking
	out, err := e.rpc.CallContract(context.Background(), ethereum.CallMsg{To: &to, Data: calldata}, block)
	require.NoError(t, err)
	return out
}

// configSubmitter is a well-formed relayer account for ValidateBasic.
func configSubmitter(t *testing.T) string {
	sequencertest.SetBech32Prefixes()
	return sequencertest.Bech32(t, []byte("submitter-account-01"))
}

// checkConfigMsg requires got to be want (its event reference aside), to pass
// ValidateBasic with a submitter, and to read back the same through the reader a
// validator votes with.
func checkConfigMsg(t *testing.T, e *l1Env, log gethtypes.Log, got seqtypes.L1EventMsg, want *seqtypes.MsgConfigChanged) {
	t.Helper()
	require.Equal(t, refOf(log).TxHash, got.GetEvent().TxHash)
	require.Equal(t, uint64(log.Index), got.GetEvent().LogIndex)
	require.Equal(t, log.BlockNumber, got.GetEvent().BlockNumber)
	want.SetEvent(got.GetEvent())
	require.Equal(t, want, got)
	require.Equal(t, seqtypes.ConfigSequencerID, got.GetSequencerId())
	read, block, err := e.reader.EventAt(context.Background(), e.node.Deployment().Staking.Hex(), got.GetEvent())
	require.NoError(t, err)
	require.Equal(t, log.BlockNumber, block)
	require.True(t, observer.SameEvent(got, read))
	withSubmitter := *got.(*seqtypes.MsgConfigChanged)
	withSubmitter.Submitter = configSubmitter(t)
	require.NoError(t, withSubmitter.ValidateBasic(), "what the contract emits is what the chain accepts")
}

// deploymentConfigLogs returns the relayed logs of the staking contract's creation block.
func deploymentConfigLogs(t *testing.T, e *l1Env) []gethtypes.Log {
	t.Helper()
	d := e.node.Deployment()
	block := new(big.Int).SetUint64(d.StakingBlock)
	logs, err := e.rpc.FilterLogs(context.Background(), ethereum.FilterQuery{FromBlock: block, ToBlock: block,
		Addresses: []common.Address{d.Staking}, Topics: [][]common.Hash{l1.StakingEventTopics()}})
	require.NoError(t, err)
	return logs
}

func configChange(nonce uint64, change seqtypesChange) *seqtypes.MsgConfigChanged {
	m := &seqtypes.MsgConfigChanged{ConfigNonce: nonce}
	change(m)
	return m
}

type seqtypesChange func(m *seqtypes.MsgConfigChanged)

func lockLimitsChange(minLock, maxLock *big.Int) seqtypesChange {
	return func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_LockLimits{LockLimits: &seqtypes.LockLimitsChange{
			MinLock: math.NewIntFromBigInt(minLock), MaxLock: math.NewIntFromBigInt(maxLock)}}
	}
}

func exitDelayChange(d uint64) seqtypesChange {
	return func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_ExitDelay{ExitDelay: &seqtypes.ExitDelayChange{ExitDelaySeconds: d}}
	}
}

// The constructor's configuration, in configNonce order: BootstrapStarted (1),
// TreasuryUpdated (2), LockLimitsUpdated (3), ExitDelayUpdated (4); then the
// deployment's whitelisting (5).
func TestConfigEventsOfTheDeployment(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	d := e.node.Deployment()
	deployer := l1LowerHex(d.Owner)
	require.Equal(t, crypto.PubkeyToAddress(devl1.DeployerKey().PublicKey), d.Owner)
	header, err := e.rpc.HeaderByNumber(ctx, new(big.Int).SetUint64(d.StakingBlock))
	require.NoError(t, err)

	logs := deploymentConfigLogs(t, e)
	want := []*seqtypes.MsgConfigChanged{
		configChange(1, func(m *seqtypes.MsgConfigChanged) {
			m.Change = &seqtypes.MsgConfigChanged_BootstrapStarted{BootstrapStarted: &seqtypes.BootstrapStarted{
				Owner: deployer, Deadline: header.Time + contracts.MaxBootstrapPeriodSeconds}}
		}),
		configChange(2, func(m *seqtypes.MsgConfigChanged) {
			m.Change = &seqtypes.MsgConfigChanged_Treasury{Treasury: &seqtypes.AddressChange{
				Previous: l1LowerHex(common.Address{}), Current: deployer}}
		}),
		configChange(3, lockLimitsChange(tokens(20_000), tokens(100_000))),
		configChange(4, exitDelayChange(contracts.MinExitDelaySeconds)),
	}
	require.Len(t, logs, len(want), "the constructor's configuration events")
	for i, log := range logs {
		got, err := l1.DecodeStakingLog(log)
		require.NoError(t, err)
		checkConfigMsg(t, e, log, got, want[i])
	}

	// Round two of the deployment whitelists the test account: configNonce 5.
	whitelisted, err := e.rpc.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(d.StakingBlock + 1),
		Addresses: []common.Address{d.Staking}, Topics: [][]common.Hash{l1.StakingEventTopics()}})
	require.NoError(t, err)
	require.Len(t, whitelisted, 1)
	got, err := l1.DecodeStakingLog(whitelisted[0])
	require.NoError(t, err)
	checkConfigMsg(t, e, whitelisted[0], got, configChange(5, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_Whitelist{Whitelist: &seqtypes.L1WhitelistChange{
			Account: l1LowerHex(crypto.PubkeyToAddress(e.key.PublicKey)), Allowed: true}}
	}))

	// The mirror built from these events is the contract's configuration at each block.
	cfg := seqtypes.L1Config{}
	for _, log := range logs {
		msg, err := l1.DecodeStakingLog(log)
		require.NoError(t, err)
		cfg, _, _ = cfg.Apply(msg.(*seqtypes.MsgConfigChanged))
	}
	reader := l1.NewStakingReader(e.rpc, d.Staking)
	atDeployment, err := reader.Config(ctx, new(big.Int).SetUint64(d.StakingBlock))
	require.NoError(t, err)
	require.Equal(t, atDeployment, cfg)
}

// Every administrative change on the real contract decodes to its MsgConfigChanged
// with the next configNonce, reads back the same, passes ValidateBasic, and applied in
// order keeps the mirror equal to the contract's configuration read at that block.
func TestConfigEventsOfAdministration(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	d := e.node.Deployment()
	admin := devl1.DeployerKey()
	adminHex := l1LowerHex(d.Owner)
	reader := l1.NewStakingReader(e.rpc, d.Staking)

	mirror, err := reader.Config(ctx, nil)
	require.NoError(t, err)
	require.Equal(t, uint64(5), mirror.ConfigNonce, "constructor (4) and one whitelisting")

	step := func(r *gethtypes.Receipt, want *seqtypes.MsgConfigChanged) {
		t.Helper()
		log, got := onlyLog(t, r)
		want.ConfigNonce = mirror.ConfigNonce + 1
		checkConfigMsg(t, e, log, got, want)
		mirror, _, _ = mirror.Apply(got.(*seqtypes.MsgConfigChanged))
		require.NoError(t, mirror.Validate())
		onL1, err := reader.Config(ctx, r.BlockNumber)
		require.NoError(t, err)
		require.Equal(t, onL1, mirror, "the mirror is the contract's configuration after the change")
	}

	newcomer := crypto.PubkeyToAddress(newSigner(t).PublicKey)
	step(adminSend(t, e, admin, stakingBinding.PackSetWhitelist(newcomer, true)), configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_Whitelist{Whitelist: &seqtypes.L1WhitelistChange{Account: l1LowerHex(newcomer), Allowed: true}}
	}))
	step(adminSend(t, e, admin, stakingBinding.PackSetWhitelist(newcomer, false)), configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_Whitelist{Whitelist: &seqtypes.L1WhitelistChange{Account: l1LowerHex(newcomer), Allowed: false}}
	}))
	step(adminSend(t, e, admin, stakingBinding.PackSetLockLimits(tokens(30_000), tokens(250_000))),
		configChange(0, lockLimitsChange(tokens(30_000), tokens(250_000))))
	step(adminSend(t, e, admin, stakingBinding.PackSetExitDelay(bigOf(14*24*3600))), configChange(0, exitDelayChange(14*24*3600)))

	r := adminSend(t, e, admin, stakingBinding.PackPause(bigOf(3600)))
	header, err := e.rpc.HeaderByNumber(ctx, r.BlockNumber)
	require.NoError(t, err)
	step(r, configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_Pause{Pause: &seqtypes.PauseChange{By: adminHex, PausedUntil: header.Time + 3600}}
	}))
	step(adminSend(t, e, admin, stakingBinding.PackPause(bigOf(0))), configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_Pause{Pause: &seqtypes.PauseChange{By: adminHex, PausedUntil: 0}}
	}))

	treasury := crypto.PubkeyToAddress(newSigner(t).PublicKey)
	step(adminSend(t, e, admin, stakingBinding.PackSetTreasury(treasury)), configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_Treasury{Treasury: &seqtypes.AddressChange{Previous: adminHex, Current: l1LowerHex(treasury)}}
	}))

	// The pool: proposed by the owner (no relayed event, no configNonce), accepted by
	// the pool's own key.
	poolKey := newSigner(t)
	pool := crypto.PubkeyToAddress(poolKey.PublicKey)
	require.NoError(t, e.node.Fund(ctx, pool, devl1.Ether, nil))
	proposed := adminSend(t, e, admin, stakingBinding.PackProposePoolAddress(pool))
	for _, lg := range proposed.Logs {
		_, err := l1.DecodeStakingLog(*lg)
		require.ErrorIs(t, err, l1.ErrNotStakingEvent, "a proposal changes no configuration")
	}
	step(adminSend(t, e, poolKey, stakingBinding.PackAcceptPoolAddress()), configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_PoolAddress{PoolAddress: &seqtypes.AddressChange{
			Previous: l1LowerHex(common.Address{}), Current: l1LowerHex(pool)}}
	}))
	require.Equal(t, l1LowerHex(pool), mirror.PoolAddress)

	step(adminSend(t, e, admin, stakingBinding.PackEndBootstrap()), configChange(0, func(m *seqtypes.MsgConfigChanged) {
		m.Change = &seqtypes.MsgConfigChanged_BootstrapEnded{BootstrapEnded: &seqtypes.BootstrapEnded{EndedBy: adminHex, PoolAddress: l1LowerHex(pool)}}
	}))
	require.True(t, mirror.BootstrapEnded)

	// After bootstrap only the pool administers.
	require.Error(t, adminCall(e, admin, stakingBinding.PackSetExitDelay(bigOf(contracts.MinExitDelaySeconds))))
	step(adminSend(t, e, poolKey, stakingBinding.PackSetExitDelay(bigOf(seqtypes.MaxExitDelaySeconds))),
		configChange(0, exitDelayChange(seqtypes.MaxExitDelaySeconds)))
	require.Equal(t, uint64(15), mirror.ConfigNonce)

	// All of them, and nothing else, in configNonce order through the topic filter.
	logs, err := e.rpc.FilterLogs(ctx, ethereum.FilterQuery{FromBlock: new(big.Int).SetUint64(d.StakingBlock),
		Addresses: []common.Address{d.Staking}, Topics: [][]common.Hash{l1.StakingEventTopics()}})
	require.NoError(t, err)
	require.Len(t, logs, 15)
	for i, lg := range logs {
		msg, err := l1.DecodeStakingLog(lg)
		require.NoError(t, err)
		require.EqualValues(t, i+1, msg.GetNonce())
	}
}

// The chain's exit-delay bounds are the contract's MIN_EXIT_DELAY and MAX_EXIT_DELAY,
// and the contract refuses exactly what ValidateBasic refuses at those bounds and for
// lock limits.
func TestConfigBoundsAreTheContracts(t *testing.T) {
	e := startL1(t)
	minDelay, err := stakingBinding.UnpackMINEXITDELAY(stakingCall(t, e, stakingBinding.PackMINEXITDELAY(), nil))
	require.NoError(t, err)
	maxDelay, err := stakingBinding.UnpackMAXEXITDELAY(stakingCall(t, e, stakingBinding.PackMAXEXITDELAY(), nil))
	require.NoError(t, err)
	require.Equal(t, new(big.Int).SetUint64(seqtypes.MinExitDelaySeconds), minDelay)
	require.Equal(t, new(big.Int).SetUint64(seqtypes.MaxExitDelaySeconds), maxDelay)
	require.Equal(t, uint64(contracts.MinExitDelaySeconds), seqtypes.MinExitDelaySeconds)
	require.GreaterOrEqual(t, seqtypes.DefaultExitDelaySeconds, seqtypes.MinExitDelaySeconds)
	require.LessOrEqual(t, seqtypes.DefaultExitDelaySeconds, seqtypes.MaxExitDelaySeconds)

	admin := devl1.DeployerKey()
	submitter := configSubmitter(t)
	sameVerdict := func(name string, calldata []byte, change seqtypesChange) {
		t.Helper()
		contractErr := adminCall(e, admin, calldata)
		m := configChange(1, change)
		m.Submitter, m.Event = submitter, sequencertest.Ref(1)
		chainErr := m.ValidateBasic()
		require.Equal(t, contractErr == nil, chainErr == nil, "%s: contract %v, chain %v", name, contractErr, chainErr)
		if chainErr != nil {
			require.ErrorIs(t, chainErr, seqtypes.ErrInvalidConfigChange, name)
		}
	}
	for _, dl := range []uint64{0, seqtypes.MinExitDelaySeconds - 1, seqtypes.MinExitDelaySeconds, seqtypes.DefaultExitDelaySeconds,
		seqtypes.MaxExitDelaySeconds, seqtypes.MaxExitDelaySeconds + 1} {
		sameVerdict("exit delay", stakingBinding.PackSetExitDelay(bigOf(dl)), exitDelayChange(dl))
	}
	for _, lim := range [][2]*big.Int{{bigOf(0), bigOf(1)}, {bigOf(1), bigOf(1)}, {bigOf(2), bigOf(1)}, {bigOf(1), maxUint256},
		{maxUint256, maxUint256}, {tokens(20_000), tokens(100_000)}} {
		sameVerdict("lock limits", stakingBinding.PackSetLockLimits(lim[0], lim[1]), lockLimitsChange(lim[0], lim[1]))
	}
}

// StakingReader.Config reads the freshly deployed contract's whole configuration: the
// constructor's values (and the deployment's whitelisting), a lower-case treasury, no
// pool; a change shows at the block it lands in with the next configNonce.
func TestStakingReaderConfig(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	d := e.node.Deployment()
	reader := l1.NewStakingReader(e.rpc, d.Staking)
	header, err := e.rpc.HeaderByNumber(ctx, new(big.Int).SetUint64(d.StakingBlock))
	require.NoError(t, err)
	constructed := seqtypes.L1Config{
		ConfigNonce:       4,
		MinLock:           math.NewIntFromBigInt(tokens(20_000)),
		MaxLock:           math.NewIntFromBigInt(tokens(100_000)),
		ExitDelaySeconds:  contracts.MinExitDelaySeconds,
		Treasury:          l1LowerHex(d.Owner),
		BootstrapDeadline: header.Time + contracts.MaxBootstrapPeriodSeconds,
	}

	atDeployment, err := reader.Config(ctx, new(big.Int).SetUint64(d.StakingBlock))
	require.NoError(t, err)
	require.Equal(t, constructed, atDeployment)
	require.NoError(t, atDeployment.Validate())

	latest, err := reader.Config(ctx, nil)
	require.NoError(t, err)
	want := constructed
	want.ConfigNonce = 5 // the deployment's whitelisting changes no mirrored field
	require.Equal(t, want, latest)
	require.Empty(t, latest.PoolAddress, "no pool yet: empty, not the zero address")
	require.Equal(t, l1LowerHex(d.Owner), latest.Treasury)
	require.NotEqual(t, d.Owner.Hex(), latest.Treasury, "lower case, not the checksummed form")

	require.NoError(t, e.node.SetLockLimits(ctx, tokens(25_000), tokens(150_000)))
	after, err := reader.Config(ctx, nil)
	require.NoError(t, err)
	want.ConfigNonce++
	want.MinLock, want.MaxLock = math.NewIntFromBigInt(tokens(25_000)), math.NewIntFromBigInt(tokens(150_000))
	require.Equal(t, want, after)

	// Reading at an earlier block still gives that block's configuration.
	again, err := reader.Config(ctx, new(big.Int).SetUint64(d.StakingBlock))
	require.NoError(t, err)
	require.Equal(t, constructed, again)

	// Reading from no contract at all fails, never a zero configuration.
	_, err = l1.NewStakingReader(e.rpc, d.Token).Config(ctx, nil)
	require.Error(t, err)
	_, err = l1.NewStakingReader(e.rpc, common.HexToAddress("0x00000000000000000000000000000000000dead1")).Config(ctx, nil)
	require.Error(t, err)

	// An unreachable node is an error too.
	e.node.SetRPCDown(true)
	_, err = reader.Config(ctx, nil)
	require.Error(t, err)
	e.node.SetRPCDown(false)
	require.False(t, errors.Is(err, l1.ErrMalformedLog))
}

// A chain started from the contract takes its whitelist from the WhitelistUpdated
// events (the contract cannot list its mapping), and its ledger from the contract's
// counters: both as of the block read.
func TestStakingReaderWhitelistAndLedger(t *testing.T) {
	ctx := context.Background()
	e := startL1(t)
	d := e.node.Deployment()
	admin := devl1.DeployerKey()
	head := func() uint64 {
		n, err := e.rpc.BlockNumber(ctx)
		require.NoError(t, err)
		return n
	}
	at := head()
	deployed, err := l1.WhitelistAt(ctx, e.rpc, d.Staking, 0, at)
	require.NoError(t, err)
	require.NotEmpty(t, deployed, "the development L1 whitelists its owners at deployment")

	newcomer := crypto.PubkeyToAddress(newSigner(t).PublicKey)
	gone := common.HexToAddress(deployed[0])
	adminSend(t, e, admin, stakingBinding.PackSetWhitelist(newcomer, true))
	adminSend(t, e, admin, stakingBinding.PackSetWhitelist(gone, false))
	now, err := l1.WhitelistAt(ctx, e.rpc, d.Staking, 0, head())
	require.NoError(t, err)
	want := append(append([]string(nil), deployed[1:]...), l1LowerHex(newcomer))
	slices.Sort(want)
	require.Equal(t, want, now)
	before, err := l1.WhitelistAt(ctx, e.rpc, d.Staking, 0, at)
	require.NoError(t, err)
	require.Equal(t, deployed, before, "as of the block asked for")

	ledger, err := l1.NewStakingReader(e.rpc, d.Staking).Ledger(ctx, nil)
	require.NoError(t, err)
	nonce := stakingCall(t, e, stakingBinding.PackLedgerNonce(), nil)
	reserve := stakingCall(t, e, stakingBinding.PackRewardReserve(), nil)
	require.Equal(t, new(big.Int).SetBytes(nonce).Uint64(), ledger.LedgerNonce)
	require.Equal(t, new(big.Int).SetBytes(reserve).String(), ledger.RewardReserve.String())
	require.NoError(t, ledger.Validate())
}
