// Package abcinet drives N in-process themis apps through the full ABCI++ flow, as
// CometBFT would (prepare, process, extend, verify, finalize, commit), with real
// secp256k1 vote-extension signatures. It lets tests play a proposer that cheats.
package abcinet

import (
	"encoding/json"
	"fmt"
	"slices"
	"testing"
	"time"

	"cosmossdk.io/log"
	"cosmossdk.io/math"
	abci "github.com/cometbft/cometbft/abci/types"
	cmtsecp "github.com/cometbft/cometbft/crypto/secp256k1"
	cmtproto "github.com/cometbft/cometbft/proto/tendermint/types"
	cmttypes "github.com/cometbft/cometbft/types"
	dbm "github.com/cosmos/cosmos-db"
	"github.com/cosmos/cosmos-sdk/baseapp"
	simtestutil "github.com/cosmos/cosmos-sdk/testutil/sims"
	sdk "github.com/cosmos/cosmos-sdk/types"
	authtypes "github.com/cosmos/cosmos-sdk/x/auth/types"
	banktypes "github.com/cosmos/cosmos-sdk/x/bank/types"
	"github.com/ethereum/go-ethereum/crypto"
	"github.com/stretchr/testify/require"

	"github.com/themis-network/themis/app"
	epochtypes "github.com/themis-network/themis/x/epoch/types"
	mpctypes "github.com/themis-network/themis/x/mpc/types"
	"github.com/themis-network/themis/x/sequencer/observer"
	sequencertypes "github.com/themis-network/themis/x/sequencer/types"
	"github.com/themis-network/themis/x/voteext"
)

// ChainID of the in-process network.
const ChainID = "themis-abcinet"

// L1ChainID is the chain id the fake L1 nodes serve.
const L1ChainID = 1337

// Key is a secp256k1 signer key in every form the tests need.
type Key struct {
	Priv  cmtsecp.PrivKey
	Pub64 []byte
	Sig   sequencertypes.SignerKey
}

// NewKey makes a fresh signer key.
func NewKey(t testing.TB) Key {
	priv := cmtsecp.GenPrivKey()
	ecdsaKey, err := crypto.ToECDSA(priv.Bytes())
	require.NoError(t, err)
	pub64 := crypto.FromECDSAPub(&ecdsaKey.PublicKey)[1:]
	sig, err := sequencertypes.ParseSignerKey(pub64)
	require.NoError(t, err)
	return Key{Priv: priv, Pub64: pub64, Sig: sig}
}

// Validator is one in-process node: its app, its key and its own L1 node.
type Validator struct {
	App *app.App
	Key Key
	L1  *observer.FakeL1
	// L2 is what this validator's L2 watcher sees (Options.L2).
	L2 *L2Heads
	// Mpc is this validator's stand-in TSS engine (Options.Mpc).
	Mpc *MpcEngine
}

// Net is the network.
type Net struct {
	t          testing.TB
	Validators []*Validator
	// Keys of sequencers that joined after genesis, so their votes can be signed if wanted.
	genesisTime time.Time
	height      int64
	lastCommit  abci.ExtendedCommitInfo
	// accSeqs is the next account sequence of each validator's account, by index.
	accSeqs map[int]uint64
	// Tamper, when set, may change the proposer's injected commit before others see it.
	Tamper func(height int64, ec *abci.ExtendedCommitInfo)
	// LastCommit, when set, may change the previous height's commit as the proposer of
	// height (Validators[proposer]) sees it. CometBFT lets a proposer build its block on
	// any precommits holding more than 2/3 of power, so it may leave the rest out; unlike
	// Tamper, the change is what every app is told was decided, so the block is valid.
	LastCommit func(height int64, proposer int, ec *abci.ExtendedCommitInfo)
	// TamperTxs, when set, replaces the transactions of the proposer's block (after its
	// PrepareProposal, injected commit included) before the others see it: a proposer
	// that builds its block by hand.
	TamperTxs func(height int64, txs [][]byte) [][]byte
	// SkipProcess, when set, finalizes the proposer's block without asking the apps'
	// ProcessProposal: what block execution alone does with a block more than 2/3
	// accepted anyway.
	SkipProcess bool
}

// Options shape the genesis.
type Options struct {
	Validators int
	Stake      int64 // whole tokens per genesis sequencer
	Whitelist  []string
	// L2 gives every validator an L2 head source (reported in its vote extensions).
	L2 bool
	// Epoch, if set, replaces x/epoch's genesis params.
	Epoch *epochtypes.Params
	// BlockMaxGas, if non-zero, is the genesis consensus params' block max_gas (else
	// CometBFT's default, unlimited).
	BlockMaxGas int64
	// Mpc, if set, gives every validator a stand-in TSS engine and x/mpc's params.
	Mpc *MpcOptions
}

// New starts n apps from the same genesis: every validator is an active sequencer.
func New(t testing.TB, o Options) *Net {
	app.SetAddressPrefixes()
	net := &Net{t: t, genesisTime: time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)}
	for i := 0; i < o.Validators; i++ {
		net.Validators = append(net.Validators, &Validator{Key: NewKey(t), L1: observer.NewFakeL1(L1ChainID)})
	}
	genesis := net.genesis(o)
	params := cmttypes.DefaultConsensusParams()
	params.Validator.PubKeyTypes = []string{cmttypes.ABCIPubKeyTypeSecp256k1}
	params.ABCI.VoteExtensionsEnableHeight = 1
	if o.BlockMaxGas != 0 {
		params.Block.MaxGas = o.BlockMaxGas
	}
	cp := params.ToProto()
	for _, v := range net.Validators {
		home := t.TempDir()
		opts := simtestutil.AppOptionsMap{"home": home, app.OptL1Reader: v.L1}
		if o.L2 {
			v.L2 = &L2Heads{}
			opts[app.OptL2Heads] = v.L2
			writeValidatorKey(t, home, v.Key)
		}
		if o.Mpc != nil {
			v.Mpc = &MpcEngine{pub: v.Key.Sig.Compressed(), group: o.Mpc.Group}
			opts[app.OptMpcReports] = v.Mpc
		}
		v.App = app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, opts, baseapp.SetChainID(ChainID))
		if v.Mpc != nil {
			v.Mpc.keeper = v.App.MpcKeeper
		}
		_, err := v.App.InitChain(&abci.RequestInitChain{
			ChainId: ChainID, InitialHeight: 1, Time: net.genesisTime,
			ConsensusParams: &cp, AppStateBytes: genesis,
		})
		require.NoError(t, err)
	}
	return net
}

func (net *Net) genesis(o Options) []byte {
	t := net.t
	a := net.Validators[0]
	tmp := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.AppOptionsMap{"home": t.TempDir()})
	state := tmp.DefaultGenesis()
	cdc := tmp.AppCodec()

	// Every validator's account exists (any of them may relay, see SignedTxFrom); the
	// first one's is account 0, holds the tokens and relays by default (SignedTx).
	submitter := sdk.AccAddress(a.Key.Sig.AccAddress())
	var authGen authtypes.GenesisState
	cdc.MustUnmarshalJSON(state[authtypes.ModuleName], &authGen)
	genAccs := make([]authtypes.GenesisAccount, 0, len(net.Validators))
	for i, v := range net.Validators {
		genAccs = append(genAccs, authtypes.NewBaseAccount(sdk.AccAddress(v.Key.Sig.AccAddress()), nil, uint64(i), 0))
	}
	accs, err := authtypes.PackAccounts(genAccs)
	require.NoError(t, err)
	authGen.Accounts = accs
	state[authtypes.ModuleName] = cdc.MustMarshalJSON(&authGen)
	var bankGen banktypes.GenesisState
	cdc.MustUnmarshalJSON(state[banktypes.ModuleName], &bankGen)
	coins := sdk.NewCoins(sdk.NewInt64Coin(app.BondDenom, 1_000_000))
	bankGen.Balances = []banktypes.Balance{{Address: submitter.String(), Coins: coins}}
	bankGen.Supply = coins
	state[banktypes.ModuleName] = cdc.MustMarshalJSON(&bankGen)

	seqGen := sequencertypes.DefaultGenesis()
	seqGen.Params.L1ChainId = L1ChainID
	seqGen.Params.L1Confirmations = 2
	seqGen.Whitelist = append(seqGen.Whitelist, o.Whitelist...)
	for i, v := range net.Validators {
		owner := v.Key.Sig.L1Address()
		seqGen.Whitelist = append(seqGen.Whitelist, owner)
		seqGen.Sequencers = append(seqGen.Sequencers, sequencertypes.Sequencer{
			Id: uint64(i + 1), Owner: owner, Signer: owner, PubKey: v.Key.Pub64,
			Locked: math.NewInt(o.Stake).Mul(sequencertypes.OneToken), RewardRecipient: owner,
			Status: sequencertypes.SEQUENCER_STATUS_ACTIVE, ActivationHeight: 1, L1Nonce: 1,
		})
	}
	require.NoError(t, seqGen.Validate())
	state[sequencertypes.ModuleName] = cdc.MustMarshalJSON(seqGen)
	if o.Epoch != nil {
		epochGen := epochtypes.DefaultGenesis()
		epochGen.Params = *o.Epoch
		state[epochtypes.ModuleName] = cdc.MustMarshalJSON(epochGen)
	}
	if o.Mpc != nil {
		mpcGen := mpctypes.DefaultGenesis()
		mpcGen.Params = o.Mpc.Params
		state[mpctypes.ModuleName] = cdc.MustMarshalJSON(mpcGen)
	}
	bz, err := json.Marshal(state)
	require.NoError(t, err)
	return bz
}

// SignedTx builds a signed transaction from the first validator's account.
func (net *Net) SignedTx(msgs ...sdk.Msg) []byte { return net.SignedTxFrom(0, msgs...) }

// Submitter is the bech32 account that signs SignedTx.
func (net *Net) Submitter() string {
	return sdk.AccAddress(net.Validators[0].Key.Sig.AccAddress()).String()
}

// BlockResult is what one height produced on the proposer's app.
type BlockResult struct {
	Height           int64
	Txs              [][]byte // the block's transactions, the injected commit first
	TxResults        []*abci.ExecTxResult
	ValidatorUpdates []abci.ValidatorUpdate
	Events           []abci.Event
	Accepted         bool // every app accepted the proposal
}

// NextBlock runs one height through every app and returns the proposer's result.
// If a tampered proposal is rejected by the others, the block is not finalized.
func (net *Net) NextBlock(txs ...[]byte) BlockResult {
	t := net.t
	net.height++
	h := net.height
	now := net.genesisTime.Add(time.Duration(h) * time.Second)
	proposer := net.Validators[int(h)%len(net.Validators)]
	propAddr := proposer.Key.Sig.ConsAddress()
	lastCommit := net.lastCommit
	if net.LastCommit != nil && h > 1 {
		lastCommit.Votes = slices.Clone(lastCommit.Votes)
		net.LastCommit(h, int(h)%len(net.Validators), &lastCommit)
	}

	prep, err := proposer.App.PrepareProposal(&abci.RequestPrepareProposal{
		MaxTxBytes: 4 << 20, Txs: txs, LocalLastCommit: lastCommit,
		Height: h, Time: now, ProposerAddress: propAddr,
	})
	require.NoError(t, err)
	blockTxs := prep.Txs
	if net.Tamper != nil && h > 1 { // extensions are on from height 1, injected from 2
		ec, err := voteext.DecodeInjectedCommit(blockTxs[0])
		require.NoError(t, err)
		net.Tamper(h, &ec)
		bz, err := ec.Marshal()
		require.NoError(t, err)
		blockTxs = append([][]byte{bz}, blockTxs[1:]...)
	}
	if net.TamperTxs != nil {
		blockTxs = net.TamperTxs(h, blockTxs)
	}
	hash := crypto.Keccak256([]byte(fmt.Sprintf("block-%d", h)))
	proposed := commitInfo(lastCommit)
	for _, v := range net.Validators {
		if net.SkipProcess {
			break
		}
		resp, err := v.App.ProcessProposal(&abci.RequestProcessProposal{
			Txs: blockTxs, ProposedLastCommit: proposed, Height: h, Time: now, Hash: hash, ProposerAddress: propAddr,
		})
		require.NoError(t, err)
		if resp.Status != abci.ResponseProcessProposal_ACCEPT {
			net.height-- // CometBFT would move to the next round with another proposer
			return BlockResult{Height: h, Accepted: false}
		}
	}

	// Every validator extends its vote and checks everyone else's.
	exts := make([][]byte, len(net.Validators))
	for i, v := range net.Validators {
		resp, err := v.App.ExtendVote(t.Context(), &abci.RequestExtendVote{
			Hash: hash, Height: h, Time: now, Txs: blockTxs, ProposedLastCommit: proposed, ProposerAddress: propAddr,
		})
		require.NoError(t, err)
		exts[i] = resp.VoteExtension
	}
	for _, v := range net.Validators {
		for i, other := range net.Validators {
			resp, err := v.App.VerifyVoteExtension(&abci.RequestVerifyVoteExtension{
				Hash: hash, ValidatorAddress: other.Key.Sig.ConsAddress(), Height: h, VoteExtension: exts[i],
			})
			require.NoError(t, err)
			require.Equal(t, abci.ResponseVerifyVoteExtension_ACCEPT, resp.Status, "validator %d's extension at %d", i, h)
		}
	}

	var result BlockResult
	var appHash []byte
	for i, v := range net.Validators {
		resp, err := v.App.FinalizeBlock(&abci.RequestFinalizeBlock{
			Txs: blockTxs, DecidedLastCommit: proposed, Height: h, Time: now, Hash: hash, ProposerAddress: propAddr,
		})
		require.NoError(t, err)
		_, err = v.App.Commit()
		require.NoError(t, err)
		if i == 0 {
			appHash = resp.AppHash
			result = BlockResult{Height: h, Txs: blockTxs, TxResults: resp.TxResults, ValidatorUpdates: resp.ValidatorUpdates, Events: resp.Events, Accepted: true}
		} else {
			require.Equal(t, appHash, resp.AppHash, "validator %d diverged at height %d", i, h)
		}
	}
	net.lastCommit = net.extendedCommit(h, exts)
	return result
}

// extendedCommit is the commit of height h as CometBFT would hand it to the next
// proposer: the validators of the recorded set, signed extensions for those we run.
func (net *Net) extendedCommit(h int64, exts [][]byte) abci.ExtendedCommitInfo {
	t := net.t
	ctx := net.Validators[0].App.NewUncachedContext(false, cmtproto.Header{Height: h})
	set, err := net.Validators[0].App.SequencerKeeper.RecordedSetAt(ctx, h)
	require.NoError(t, err)
	byAddr := map[string]int{}
	for i, v := range net.Validators {
		byAddr[string(v.Key.Sig.ConsAddress())] = i
	}
	var ec abci.ExtendedCommitInfo
	for _, member := range set.Validators {
		vote := abci.ExtendedVoteInfo{Validator: abci.Validator{Address: member.ConsAddress, Power: member.Power}, BlockIdFlag: cmtproto.BlockIDFlagAbsent}
		if i, ok := byAddr[string(member.ConsAddress)]; ok {
			signBytes, err := voteext.ExtensionSignBytes(ChainID, h, 0, exts[i])
			require.NoError(t, err)
			sig, err := net.Validators[i].Key.Priv.Sign(signBytes)
			require.NoError(t, err)
			vote.BlockIdFlag = cmtproto.BlockIDFlagCommit
			vote.VoteExtension = exts[i]
			vote.ExtensionSignature = sig
		}
		ec.Votes = append(ec.Votes, vote)
	}
	return ec
}

func commitInfo(ec abci.ExtendedCommitInfo) abci.CommitInfo {
	ci := abci.CommitInfo{Round: ec.Round}
	for _, v := range ec.Votes {
		ci.Votes = append(ci.Votes, abci.VoteInfo{Validator: v.Validator, BlockIdFlag: v.BlockIdFlag})
	}
	return ci
}

// NewFromGenesis starts a single app from an exported state (export/import tests).
func NewFromGenesis(t testing.TB, appState []byte, initialHeight int64, cp *cmtproto.ConsensusParams) *app.App {
	a := app.New(log.NewNopLogger(), dbm.NewMemDB(), nil, true, simtestutil.AppOptionsMap{"home": t.TempDir()}, baseapp.SetChainID(ChainID))
	_, err := a.InitChain(&abci.RequestInitChain{
		ChainId: ChainID, InitialHeight: initialHeight, Time: time.Date(2026, 2, 1, 0, 0, 0, 0, time.UTC),
		ConsensusParams: cp, AppStateBytes: appState,
	})
	require.NoError(t, err)
	_, err = a.FinalizeBlock(&abci.RequestFinalizeBlock{Height: initialHeight, Time: time.Date(2026, 2, 1, 0, 0, 1, 0, time.UTC)})
	require.NoError(t, err)
	_, err = a.Commit()
	require.NoError(t, err)
	return a
}
