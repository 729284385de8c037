package types_test

import (
	"errors"
	"math/big"
	"regexp"
	"strings"
	"testing"

	errorsmod "cosmossdk.io/errors"
	"cosmossdk.io/math"
	sdk "github.com/cosmos/cosmos-sdk/types"
	"github.com/ethereum/go-ethereum/crypto"

	sequencertest "github.com/themis-network/themis/testutil/sequencer"
	"github.com/themis-network/themis/x/sequencer/types"
)

// Fuzz targets for every decoder of outside input: relayed messages come from the
// network, so ValidateBasic must never panic, must refuse with a registered error
// only, and whatever it accepts must really be well-formed.
//
// Run one with e.g.: go test ./x/sequencer/types -run '^$' -fuzz '^FuzzMsgLockedValidateBasic$' -fuzztime 10s

// fuzzAmount parses a decimal amount; the fuzzer's unparsable strings are skipped.
func fuzzAmount(t *testing.T, s string) math.Int {
	v, ok := math.NewIntFromString(s)
	if !ok {
		t.Skip("not an integer")
	}
	return v
}

// fuzzRegistered fails unless err is exactly one of the module's registered errors.
func fuzzRegistered(t *testing.T, err error) {
	t.Helper()
	n := 0
	for _, e := range sequencertest.AllErrors {
		if errors.Is(err, e) {
			n++
		}
	}
	if n != 1 {
		t.Fatalf("error %q matches %d registered errors", err, n)
	}
	var coded *errorsmod.Error
	if !errors.As(err, &coded) || coded.Codespace() != types.ModuleName {
		t.Fatalf("error %q is not a registered x/sequencer error", err)
	}
}

// fuzzHeaderOK checks what an accepted relayed event must satisfy.
func fuzzHeaderOK(t *testing.T, m types.L1EventMsg) {
	t.Helper()
	if _, err := sdk.AccAddressFromBech32(m.GetSubmitter()); err != nil {
		t.Fatalf("accepted submitter %q: %v", m.GetSubmitter(), err)
	}
	if !txHashRe.MatchString(m.GetEvent().TxHash) || m.GetEvent().BlockNumber == 0 {
		t.Fatalf("accepted event ref %+v", m.GetEvent())
	}
	if m.GetSequencerId() == 0 || m.GetNonce() == 0 {
		t.Fatalf("accepted id %d nonce %d", m.GetSequencerId(), m.GetNonce())
	}
}

var (
	addrRe   = regexp.MustCompile(`^0x[0-9a-fA-F]{40}$`)
	txHashRe = regexp.MustCompile(`^0x[0-9a-fA-F]{64}$`)
)

type fuzzSeeds struct {
	sub   string
	hash  string
	owner string
	pub   []byte
}

func fuzzSeed(f *testing.F) fuzzSeeds {
	sequencertest.SetBech32Prefixes()
	_, pub := sequencertest.NewSignerKey(f, 1)
	return fuzzSeeds{
		sub:   sequencertest.Bech32(f, []byte("submitter-account-01")),
		hash:  sequencertest.TxHash(7),
		owner: sequencertest.Owner(1),
		pub:   pub,
	}
}

func FuzzMsgLockedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(3), uint64(100), uint64(1), s.owner, s.pub, "20000000000000000000000", s.owner, uint64(1))
	f.Add(s.sub, s.hash, uint64(0), uint64(1), uint64(9), strings.ToUpper(s.owner), s.pub[:63], "1", "0x", uint64(2))
	f.Add("", "", uint64(0), uint64(0), uint64(0), "", []byte{}, "-1", "", uint64(0))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id uint64, owner string, pub []byte, amt, reward string, nonce uint64) {
		m := &types.MsgLocked{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, Owner: owner, PubKey: pub, Amount: fuzzAmount(t, amt), RewardRecipient: reward, Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if m.Nonce != 1 || !addrRe.MatchString(m.Owner) || !addrRe.MatchString(m.RewardRecipient) || !m.Amount.IsPositive() {
			t.Fatalf("accepted %+v", m)
		}
		if _, err := crypto.UnmarshalPubkey(append([]byte{4}, m.PubKey...)); err != nil || len(m.PubKey) != 64 {
			t.Fatalf("accepted key %x", m.PubKey)
		}
	})
}

func FuzzMsgRelockedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "1", "2", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "2", "1", uint64(2))
	f.Add(s.sub, "0x00", uint64(1), uint64(0), uint64(0), "0", "-5", uint64(0))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id uint64, amt, total string, nonce uint64) {
		m := &types.MsgRelocked{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, Amount: fuzzAmount(t, amt), Total: fuzzAmount(t, total), Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if !m.Amount.IsPositive() || !m.Total.IsPositive() || m.Total.LT(m.Amount) {
			t.Fatalf("accepted amount %s total %s", m.Amount, m.Total)
		}
	})
}

func FuzzMsgWithdrawnValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "1", "2", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "5", "0", uint64(2))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id uint64, amt, total string, nonce uint64) {
		m := &types.MsgWithdrawn{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, Amount: fuzzAmount(t, amt), Total: fuzzAmount(t, total), Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if !m.Amount.IsPositive() || !m.Total.IsPositive() {
			t.Fatalf("accepted amount %s total %s", m.Amount, m.Total)
		}
	})
}

func FuzzMsgUnlockInitiatedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(2), uint64(1_800_000_000))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(2), uint64(0))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(2), types.MaxUnlockableAt)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(2), types.MaxUnlockableAt+1)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(2), ^uint64(0))
	f.Add("themis1", "0x", uint64(0), uint64(0), uint64(0), uint64(0), uint64(1))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id, nonce, unlockableAt uint64) {
		m := &types.MsgUnlockInitiated{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, Nonce: nonce, UnlockableAt: unlockableAt}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if m.UnlockableAt == 0 || m.UnlockableAt > types.MaxUnlockableAt {
			t.Fatalf("accepted unlockable_at %d", m.UnlockableAt)
		}
	})
}

func FuzzMsgUnlockClaimedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "0", uint64(3))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "-1", uint64(3))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id uint64, amt string, nonce uint64) {
		m := &types.MsgUnlockClaimed{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, Amount: fuzzAmount(t, amt), Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if m.Amount.IsNegative() {
			t.Fatalf("accepted amount %s", m.Amount)
		}
	})
}

func FuzzMsgSignerChangedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), s.pub, uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), sequencertest.OffCurveKey(s.pub), uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), append([]byte{4}, s.pub...), uint64(2))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id uint64, pub []byte, nonce uint64) {
		m := &types.MsgSignerChanged{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, NewPubKey: pub, Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if _, err := crypto.UnmarshalPubkey(append([]byte{4}, m.NewPubKey...)); err != nil || len(m.NewPubKey) != 64 {
			t.Fatalf("accepted key %x", m.NewPubKey)
		}
	})
}

func FuzzMsgRewardRecipientChangedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), s.owner, uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), strings.ToUpper(s.owner), uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), "0x", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), s.owner[2:]+"00", uint64(2))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id uint64, recipient string, nonce uint64) {
		m := &types.MsgRewardRecipientChanged{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, NewRecipient: recipient, Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if !addrRe.MatchString(m.NewRecipient) {
			t.Fatalf("accepted recipient %q", m.NewRecipient)
		}
	})
}

func FuzzMsgSlashedValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	offence := sequencertest.OffenceID(1)
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(4), offence, uint32(1), "1000", "29000", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(0), offence, uint32(3), "0", "0", uint64(9))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(4), offence[:31], uint32(2), "1", "1", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(4), offence, uint32(0), "1", "1", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(4), offence, uint32(4), "1", "1", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(4), offence, uint32(2), "-1", "1", uint64(2))
	f.Add(s.sub, s.hash, uint64(1), uint64(1), uint64(1), uint64(4), offence, uint32(2), "1", "-1", uint64(2))
	f.Fuzz(func(t *testing.T, sub, hash string, logIndex, block, id, escrow uint64, offence []byte, severity uint32, amt, total string, nonce uint64) {
		m := &types.MsgSlashed{Submitter: sub, Event: types.L1EventRef{TxHash: hash, LogIndex: logIndex, BlockNumber: block},
			SequencerId: id, EscrowId: escrow, OffenceId: offence, Severity: severity, Amount: fuzzAmount(t, amt), Total: fuzzAmount(t, total), Nonce: nonce}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		fuzzHeaderOK(t, m)
		if len(m.OffenceId) != types.OffenceIDLen || m.Severity < 1 || m.Severity > 3 || m.Amount.IsNegative() || m.Total.IsNegative() {
			t.Fatalf("accepted %+v", m)
		}
	})
}

func FuzzMsgUpdateParamsValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	d := types.DefaultParams()
	f.Add(s.sub, d.L1Confirmations, d.L1ChainId, d.StakingContract, d.EventTtlBlocks, d.MaxPendingEvents, d.MaxUndecidedVotes, d.NonceLookahead)
	f.Add(s.sub, uint64(0), uint64(0), "0x00", uint64(0), uint64(0), uint64(1), uint64(0))
	f.Add(s.sub, uint64(0), uint64(1), s.owner, uint64(1), uint64(1), uint64(2), uint64(types.MaxNonceLookahead+1))
	f.Add("", uint64(0), uint64(1), s.owner, uint64(1), uint64(1), uint64(2), uint64(1))
	f.Fuzz(func(t *testing.T, authority string, conf, chain uint64, contract string, ttl, queue, undecided, lookahead uint64) {
		p := types.Params{L1Confirmations: conf, L1ChainId: chain, StakingContract: contract, EventTtlBlocks: ttl,
			MaxPendingEvents: queue, MaxUndecidedVotes: undecided, NonceLookahead: lookahead}
		m := &types.MsgUpdateParams{Authority: authority, Params: p}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		if p.L1ChainId == 0 || !addrRe.MatchString(p.StakingContract) || p.EventTtlBlocks == 0 || p.MaxPendingEvents == 0 ||
			p.MaxUndecidedVotes < 2 || p.NonceLookahead == 0 || p.NonceLookahead > types.MaxNonceLookahead {
			t.Fatalf("accepted params %+v", p)
		}
	})
}

// FuzzVotingPower: max_lock is the contract's (any uint256), so VotingPower must never
// panic, never exceed MaxPowerPerSequencer, and be min(locked, max_lock) / 10^18
// whenever that fits.
func FuzzVotingPower(f *testing.F) {
	maxUint256 := new(big.Int).Sub(new(big.Int).Lsh(big.NewInt(1), 256), big.NewInt(1)).String()
	f.Add("30000000000000000000000", "100000000000000000000000")
	f.Add("0", "1")
	f.Add("-1", "100")
	f.Add("100", "-1")
	f.Add("100", "0")
	f.Add("999999999999999999", "1000000000000000000")
	f.Add(types.OneToken.MulRaw(types.MaxPowerPerSequencer).String(), maxUint256)
	f.Add(types.OneToken.MulRaw(types.MaxPowerPerSequencer).AddRaw(1).String(), maxUint256)
	f.Add(maxUint256, maxUint256)
	f.Fuzz(func(t *testing.T, lockedS, maxS string) {
		locked, maxLock := fuzzAmount(t, lockedS), fuzzAmount(t, maxS)
		got := types.VotingPower(locked, maxLock)
		if got < 0 || got > types.MaxPowerPerSequencer {
			t.Fatalf("power %d of locked %s, max %s is out of [0, %d]", got, locked, maxLock, types.MaxPowerPerSequencer)
		}
		if !locked.IsPositive() || !maxLock.IsPositive() {
			if got != 0 {
				t.Fatalf("power %d of locked %s, max %s: want 0", got, locked, maxLock)
			}
			return
		}
		want := new(big.Int).Quo(math.MinInt(locked, maxLock).BigInt(), types.OneToken.BigInt())
		if want.Cmp(big.NewInt(types.MaxPowerPerSequencer)) > 0 {
			want.SetInt64(types.MaxPowerPerSequencer)
		}
		if got != want.Int64() {
			t.Fatalf("power %d of locked %s, max %s: want %s", got, locked, maxLock, want)
		}
		// Either nil argument gives no power, without a panic.
		if types.VotingPower(math.Int{}, maxLock) != 0 || types.VotingPower(locked, math.Int{}) != 0 {
			t.Fatalf("a nil amount has power")
		}
	})
}

func FuzzMsgUpdateWhitelistValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, s.owner, sequencertest.Owner(2))
	f.Add(s.sub, s.owner+","+strings.ToUpper(s.owner), "")
	f.Add(s.sub, "", "0x12")
	f.Fuzz(func(t *testing.T, authority, add, remove string) {
		split := func(s string) []string {
			if s == "" {
				return nil
			}
			return strings.Split(s, ",")
		}
		m := &types.MsgUpdateWhitelist{Authority: authority, Add: split(add), Remove: split(remove)}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		seen := map[string]bool{}
		for _, a := range append(append([]string(nil), m.Add...), m.Remove...) {
			if !addrRe.MatchString(a) || seen[strings.ToLower(a)] {
				t.Fatalf("accepted %q in %+v", a, m)
			}
			seen[strings.ToLower(a)] = true
		}
		if len(seen) == 0 {
			t.Fatalf("accepted an empty update")
		}
	})
}

func FuzzMsgEditDescriptionValidateBasic(f *testing.F) {
	s := fuzzSeed(f)
	f.Add(s.sub, "name", "https://x", "https://x/a.png", "details")
	f.Add(s.sub, strings.Repeat("m", 71), "", "", "")
	f.Fuzz(func(t *testing.T, sender, moniker, web, avatar, details string) {
		m := &types.MsgEditDescription{Sender: sender, Description: types.Description{Moniker: moniker, Website: web, AvatarUrl: avatar, Details: details}}
		if err := m.ValidateBasic(); err != nil {
			fuzzRegistered(t, err)
			return
		}
		if len(moniker) > types.MaxMonikerLen || len(web) > types.MaxWebsiteLen || len(avatar) > types.MaxAvatarURLLen || len(details) > types.MaxDetailsLen {
			t.Fatalf("accepted %+v", m.Description)
		}
	})
}

func FuzzParseSignerKey(f *testing.F) {
	_, pub := sequencertest.NewSignerKey(f, 1)
	f.Add(pub)
	f.Add(sequencertest.OffCurveKey(pub))
	f.Add(make([]byte, 64))
	f.Add([]byte{4})
	f.Fuzz(func(t *testing.T, b []byte) {
		key, err := types.ParseSignerKey(b)
		_, ethErr := crypto.UnmarshalPubkey(append([]byte{4}, b...))
		if err != nil {
			if len(b) == 64 && ethErr == nil {
				t.Fatalf("refused a key go-ethereum accepts: %v", err)
			}
			return
		}
		if len(b) != 64 || ethErr != nil {
			t.Fatalf("accepted %x", b)
		}
		// An accepted key is canonical: its compressed form decompresses to the same bytes.
		pub, err := crypto.DecompressPubkey(key.Compressed())
		if err != nil || string(crypto.FromECDSAPub(pub)[1:]) != string(b) {
			t.Fatalf("key %x is not canonical", b)
		}
		again, err := types.ParseSignerKey(key.Bytes())
		if err != nil || again.L1Address() != key.L1Address() || !again.AccAddress().Equals(key.AccAddress()) {
			t.Fatalf("accepted key does not round-trip")
		}
		if want := strings.ToLower(crypto.PubkeyToAddress(*pub).Hex()); key.L1Address() != want {
			t.Fatalf("L1 address %s, want %s", key.L1Address(), want)
		}
	})
}

func FuzzNormalizeL1Address(f *testing.F) {
	f.Add("0x00000000000000000000000000000000000000aA")
	f.Add("0X00000000000000000000000000000000000000aA")
	f.Add("0x")
	f.Fuzz(func(t *testing.T, s string) {
		n, err := types.NormalizeL1Address(s)
		if ok := addrRe.MatchString(s); ok != (err == nil) {
			t.Fatalf("%q: accepted=%v, want %v", s, err == nil, ok)
		}
		if err != nil {
			return
		}
		if n != strings.ToLower(s) {
			t.Fatalf("%q normalised to %q", s, n)
		}
		if again, err := types.NormalizeL1Address(n); err != nil || again != n {
			t.Fatalf("normalisation is not idempotent for %q", s)
		}
	})
}

func FuzzNormalizeTxHash(f *testing.F) {
	f.Add(sequencertest.TxHash(1))
	f.Add("0x" + strings.Repeat("Zz", 32))
	f.Fuzz(func(t *testing.T, s string) {
		n, err := types.NormalizeTxHash(s)
		if ok := txHashRe.MatchString(s); ok != (err == nil) {
			t.Fatalf("%q: accepted=%v, want %v", s, err == nil, ok)
		}
		if err == nil && n != strings.ToLower(s) {
			t.Fatalf("%q normalised to %q", s, n)
		}
	})
}
