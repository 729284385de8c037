// Code generated via abigen V2 - DO NOT EDIT.
// This file is a generated binding and any manual changes will be lost.

package staking

import (
	"bytes"
	"errors"
	"math/big"

	"github.com/ethereum/go-ethereum/accounts/abi"
	"github.com/ethereum/go-ethereum/accounts/abi/bind/v2"
	"github.com/ethereum/go-ethereum/common"
	"github.com/ethereum/go-ethereum/core/types"
)

// Reference imports to suppress errors if they are not otherwise used.
var (
	_ = bytes.Equal
	_ = errors.New
	_ = big.NewInt
	_ = common.Big1
	_ = types.BloomLookup
	_ = abi.ConvertType
)

// ThemisStakingMetaData contains all meta data concerning the ThemisStaking contract.
var ThemisStakingMetaData = bind.MetaData{
	ABI: "[{\"inputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"token_\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"treasury_\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"minLock_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxLock_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"exitDelay_\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"bootstrapPeriod_\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"constructor\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"AlreadyHasSequencer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"}],\"name\":\"BelowMinLock\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"BootstrapOver\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"period\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxPeriod\",\"type\":\"uint256\"}],\"name\":\"BootstrapPeriodTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint64\",\"name\":\"pausedUntil\",\"type\":\"uint64\"}],\"name\":\"ContractPaused\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"releasableAt\",\"type\":\"uint256\"}],\"name\":\"EscrowNotReleasable\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"releasableAt\",\"type\":\"uint256\"}],\"name\":\"EscrowRefundWindowClosed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"internalType\":\"enumThemisStaking.EscrowStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"EscrowSettled\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"exitDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minExitDelay\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxExitDelay\",\"type\":\"uint256\"}],\"name\":\"ExitDelayOutOfRange\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"minimum\",\"type\":\"uint256\"}],\"name\":\"FundingTooSmall\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"needed\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"available\",\"type\":\"uint256\"}],\"name\":\"InsufficientRewardReserve\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxLock\",\"type\":\"uint256\"}],\"name\":\"InvalidLockLimits\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"length\",\"type\":\"uint256\"}],\"name\":\"InvalidPubkeyLength\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint8\",\"name\":\"severity\",\"type\":\"uint8\"}],\"name\":\"InvalidSeverity\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"expectedSigner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"recovered\",\"type\":\"address\"}],\"name\":\"InvalidSignerProof\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"ids\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amounts\",\"type\":\"uint256\"}],\"name\":\"LengthMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"NoPendingRewards\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"NoPendingWithdrawal\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"NoPoolRecovery\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotAdmin\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPendingOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPendingPoolAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotPoolAddress\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotRecoveryPool\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"caller\",\"type\":\"address\"}],\"name\":\"NotSequencerOwner\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"}],\"name\":\"NotWhitelisted\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"OffenceAlreadySlashed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"duration\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"maxDuration\",\"type\":\"uint256\"}],\"name\":\"PauseTooLong\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"poolAddress\",\"type\":\"address\"}],\"name\":\"PoolAddressAlreadySet\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PoolAddressNotSet\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"effectiveAt\",\"type\":\"uint256\"}],\"name\":\"PoolRecoveryNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"PubkeyNotOnCurve\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"enumThemisStaking.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"SequencerNotActive\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"enumThemisStaking.Status\",\"name\":\"status\",\"type\":\"uint8\"}],\"name\":\"SequencerNotUnlocking\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"SequencerUnlocked\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"}],\"name\":\"SignerAlreadyUsed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"token\",\"type\":\"address\"}],\"name\":\"TokenTransferFailed\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"received\",\"type\":\"uint256\"}],\"name\":\"TransferAmountMismatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"expected\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"got\",\"type\":\"uint256\"}],\"name\":\"UnexpectedRewardBatch\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"name\":\"UnknownEscrow\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"}],\"name\":\"UnknownSequencer\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"unlockableAt\",\"type\":\"uint256\"}],\"name\":\"UnlockNotReady\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"}],\"name\":\"WithdrawExceedsLocked\",\"type\":\"error\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"claimableAt\",\"type\":\"uint256\"}],\"name\":\"WithdrawalNotReady\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAddress\",\"type\":\"error\"},{\"inputs\":[],\"name\":\"ZeroAmount\",\"type\":\"error\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"endedBy\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"poolAddress\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"BootstrapEnded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"deadline\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"BootstrapStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"ledgerNonce\",\"type\":\"uint256\"}],\"name\":\"EscrowRefunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"treasury\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"ledgerNonce\",\"type\":\"uint256\"}],\"name\":\"EscrowReleased\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"exitDelay\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"ExitDelayUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"minLock\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"maxLock\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"LockLimitsUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"address\",\"name\":\"rewardRecipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Locked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferStarted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousOwner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"OwnershipTransferred\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"by\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"pausedUntil\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"PauseUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"currentPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proposedPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proposedBy\",\"type\":\"address\"}],\"name\":\"PoolAddressProposed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newPool\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"PoolAddressUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proposedPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"cancelledBy\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"PoolRecoveryCancelled\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"currentPool\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"proposedPool\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint64\",\"name\":\"effectiveAt\",\"type\":\"uint64\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"PoolRecoveryProposed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Relocked\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"count\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"reserve\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"ledgerNonce\",\"type\":\"uint256\"}],\"name\":\"RewardBatchSubmitted\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"batchId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"pending\",\"type\":\"uint256\"}],\"name\":\"RewardCredited\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousRecipient\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newRecipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"RewardRecipientChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"funder\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"reserve\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"ledgerNonce\",\"type\":\"uint256\"}],\"name\":\"RewardsFunded\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"recipient\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"ledgerNonce\",\"type\":\"uint256\"}],\"name\":\"RewardsWithdrawn\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"oldSigner\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newSigner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bytes\",\"name\":\"newPubkey\",\"type\":\"bytes\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"SignerChanged\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"},{\"indexed\":false,\"internalType\":\"uint8\",\"name\":\"severity\",\"type\":\"uint8\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Slashed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"previousTreasury\",\"type\":\"address\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"newTreasury\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"TreasuryUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"UnlockClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"unlockableAt\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"UnlockInitiated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"bool\",\"name\":\"allowed\",\"type\":\"bool\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"configNonce\",\"type\":\"uint256\"}],\"name\":\"WhitelistUpdated\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":true,\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"WithdrawalClaimed\",\"type\":\"event\"},{\"anonymous\":false,\"inputs\":[{\"indexed\":true,\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"total\",\"type\":\"uint256\"},{\"indexed\":false,\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"Withdrawn\",\"type\":\"event\"},{\"inputs\":[],\"name\":\"ESCROW_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_BOOTSTRAP_PERIOD\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_EXIT_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MAX_PAUSE_DURATION\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_EXIT_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"MIN_REWARD_FUNDING\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"POOL_RECOVERY_DELAY\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"PUBKEY_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SEVERITY_CRITICAL\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SEVERITY_HIGH\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SEVERITY_MEDIUM\",\"outputs\":[{\"internalType\":\"uint8\",\"name\":\"\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SIGNATURE_LENGTH\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"SIGNER_PROOF_TAG\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"acceptPoolAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bootstrapDeadline\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bootstrapEnded\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"bootstrapOpen\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"cancelPoolRecovery\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"claimUnlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"claimWithdrawal\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"completePoolRecovery\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"configNonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"endBootstrap\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"escrows\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"},{\"internalType\":\"uint64\",\"name\":\"releasableAt\",\"type\":\"uint64\"},{\"internalType\":\"enumThemisStaking.EscrowStatus\",\"name\":\"status\",\"type\":\"uint8\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"exitDelay\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"fundRewards\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"initiateUnlock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"lastRewardBatch\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"ledgerNonce\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"rewardRecipient\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"lock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"maxLock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"minLock\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextEscrowId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"nextSequencerId\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"},{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"offenceSlashed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"owner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"duration\",\"type\":\"uint256\"}],\"name\":\"pause\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"paused\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pausedUntil\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingOwner\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"pendingPoolAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"pendingRewards\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"pendingWithdrawals\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint64\",\"name\":\"claimableAt\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"poolAddress\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newPool\",\"type\":\"address\"}],\"name\":\"proposePoolAddress\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newPool\",\"type\":\"address\"}],\"name\":\"proposePoolRecovery\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"recoveryEffectiveAt\",\"outputs\":[{\"internalType\":\"uint64\",\"name\":\"\",\"type\":\"uint64\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"recoveryPool\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"name\":\"refundEscrow\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"name\":\"releaseEscrow\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"relock\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"rewardReserve\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"sequencerOf\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"\",\"type\":\"uint256\"}],\"name\":\"sequencers\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"owner\",\"type\":\"address\"},{\"internalType\":\"address\",\"name\":\"signer\",\"type\":\"address\"},{\"internalType\":\"bytes\",\"name\":\"pubkey\",\"type\":\"bytes\"},{\"internalType\":\"uint256\",\"name\":\"locked\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"rewardRecipient\",\"type\":\"address\"},{\"internalType\":\"enumThemisStaking.Status\",\"name\":\"status\",\"type\":\"uint8\"},{\"internalType\":\"uint64\",\"name\":\"unlockableAt\",\"type\":\"uint64\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newExitDelay\",\"type\":\"uint256\"}],\"name\":\"setExitDelay\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"newMinLock\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"newMaxLock\",\"type\":\"uint256\"}],\"name\":\"setLockLimits\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"address\",\"name\":\"newRecipient\",\"type\":\"address\"}],\"name\":\"setRewardRecipient\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newTreasury\",\"type\":\"address\"}],\"name\":\"setTreasury\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"account\",\"type\":\"address\"},{\"internalType\":\"bool\",\"name\":\"allowed\",\"type\":\"bool\"}],\"name\":\"setWhitelist\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"seqOwner\",\"type\":\"address\"},{\"internalType\":\"uint256\",\"name\":\"sequencerId\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"nonce\",\"type\":\"uint256\"}],\"name\":\"signerProofDigest\",\"outputs\":[{\"internalType\":\"bytes32\",\"name\":\"\",\"type\":\"bytes32\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"signerUsed\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"},{\"internalType\":\"uint8\",\"name\":\"severity\",\"type\":\"uint8\"},{\"internalType\":\"bytes32\",\"name\":\"offenceId\",\"type\":\"bytes32\"}],\"name\":\"slash\",\"outputs\":[{\"internalType\":\"uint256\",\"name\":\"escrowId\",\"type\":\"uint256\"}],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"batchId\",\"type\":\"uint256\"},{\"internalType\":\"uint256[]\",\"name\":\"ids\",\"type\":\"uint256[]\"},{\"internalType\":\"uint256[]\",\"name\":\"amounts\",\"type\":\"uint256[]\"}],\"name\":\"submitRewardBatch\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"token\",\"outputs\":[{\"internalType\":\"contractIERC20\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"newOwner\",\"type\":\"address\"}],\"name\":\"transferOwnership\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[],\"name\":\"treasury\",\"outputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"bytes\",\"name\":\"newPubkey\",\"type\":\"bytes\"},{\"internalType\":\"bytes\",\"name\":\"proof\",\"type\":\"bytes\"}],\"name\":\"updateSigner\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"address\",\"name\":\"\",\"type\":\"address\"}],\"name\":\"whitelisted\",\"outputs\":[{\"internalType\":\"bool\",\"name\":\"\",\"type\":\"bool\"}],\"stateMutability\":\"view\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"},{\"internalType\":\"uint256\",\"name\":\"amount\",\"type\":\"uint256\"}],\"name\":\"withdraw\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"},{\"inputs\":[{\"internalType\":\"uint256\",\"name\":\"id\",\"type\":\"uint256\"}],\"name\":\"withdrawRewards\",\"outputs\":[],\"stateMutability\":\"nonpayable\",\"type\":\"function\"}]",
	ID:  "ThemisStaking",
	Bin: "0x60c06040526001600b556001601455348015610019575f5ffd5b5060405161424c38038061424c8339810160408190526100389161035d565b6001600160a01b038616158061005557506001600160a01b038516155b156100735760405163d92e233d60e01b815260040160405180910390fd5b62ed4e008111156100a857604051633cb9a02f60e11b81526004810182905262ed4e0060248201526044015b60405180910390fd5b6001600160a01b0386166080526100bf81426103cb565b6001600160401b031660a0525f80546001600160a01b0319163390811782556040519091907f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e0908290a3336001600160a01b03167fb12234437691cdb9080ae541bdf9c9c168193d84a02a56b0b8c498ff58d679a760a05160055f8154610145906103e4565b9182905550604080516001600160401b03909316835260208301919091520160405180910390a261017585610193565b61017f848461020d565b610188826102a7565b5050505050506103fc565b600254600580546001600160a01b038085169316917f08031759b0a2a99f63000784e546d7320d30692b97de1ea89a1645380cfb16f8915f906101d5906103e4565b918290555060405190815260200160405180910390a3600280546001600160a01b0319166001600160a01b0392909216919091179055565b81158061021957508082115b156102415760405163291cb06d60e21b8152600481018390526024810182905260440161009f565b81600881905550806009819055507f0e250c4796bd1153812a65cb5892603c7c8c0e6e542f2048e9b91565c245a77d828260055f8154610280906103e4565b91829055506040805193845260208401929092529082015260600160405180910390a15050565b62093a808110806102bb57506301e1338081115b156102ef576040516308cc826960e31b81526004810182905262093a8060248201526301e13380604482015260640161009f565b80600a819055507fc3a606218aed87b602b8b3b5f7acf061001c5a8cb7c06f8a0105c25c1ae831508160055f8154610326906103e4565b91829055506040805192835260208301919091520160405180910390a150565b6001600160a01b038116811461035a575f5ffd5b50565b5f5f5f5f5f5f60c08789031215610372575f5ffd5b865161037d81610346565b602088015190965061038e81610346565b6040880151606089015160808a015160a0909a0151989b929a5090989097909650945092505050565b634e487b7160e01b5f52601160045260245ffd5b808201808211156103de576103de6103b7565b92915050565b5f600182016103f5576103f56103b7565b5060010190565b60805160a051613df76104555f395f818161083e01526110b601525f81816109b301528181610cb9015281816110700152818161236301528181612d8701528181613033015281816130b301526130fc0152613df75ff3fe608060405234801561000f575f5ffd5b506004361061040c575f3560e01c80637b4c34a411610221578063c2fd93ca1161012a578063e6150400116100b4578063f037c63011610084578063f037c6301461096c578063f0f4426014610975578063f2fde38b14610988578063f84444361461099b578063fc0c546a146109ae575f5ffd5b8063e615040014610904578063e687f60114610950578063eb01fb81146105e6578063ed65316414610959575f5ffd5b8063c7624a3e116100fa578063c7624a3e14610899578063cab64bcd146108ac578063d936547e146108b5578063da748b10146108d7578063e30c3978146108f1575f5ffd5b8063c2fd93ca14610839578063c3c08c7a14610860578063c430f51d14610873578063c54054de14610886575f5ffd5b80639342c8f4116101ab5780639803aa351161017b5780639803aa35146107db5780639a49cf061461080d578063a4d55d1d14610816578063b2fb30cb1461081e578063b3f0d5cc14610831575f5ffd5b80639342c8f4146107a557806393707a19146107b85780639505572c146107cb578063950b9158146107d3575f5ffd5b806389ee1d65116101f157806389ee1d65146107565780638da5cb5b146107695780638dd43bbe1461077b5780638f56b5e914610795578063908e5dd21461079d575f5ffd5b80637b4c34a4146106ee5780637c3b0b1c1461071b5780637dcb2abf1461072e57806389cb29dd1461074d575f5ffd5b806339c1f621116103235780635e2b6007116102ad5780636c0b3e461161027d5780636c0b3e46146106ad5780636f9f5249146106b657806371ded077146106c95780637928e14e146106dc57806379ba5097146106e6575f5ffd5b80635e2b60071461064d57806361d027b314610660578063659b85db146106735780636ba7ccff14610686575f5ffd5b806351ca540e116102f357806351ca540e1461060457806353d6fd591461061857806353f36d2e1461055e578063540bc5ea1461062b5780635c975abb14610633575f5ffd5b806339c1f621146105c0578063441a3e70146105d35780634616283a146105e6578063498efa15146105f1575f5ffd5b80631a4c2413116103a45780632dc075e1116103745780632dc075e11461057a5780632e79dd7b1461058d5780633462ceff1461059c578063356f9dfd146105a557806337bcd4ff146105b8575f5ffd5b80631a4c2413146105565780632799657d1461055e57806328388630146105685780632980759c14610571575f5ffd5b80630f7022b9116103df5780630f7022b9146104d1578063136439dd146105035780631755ff211461051857806317663eae14610543575f5ffd5b8063012f52ee1461041057806307a90fb61461047357806307f3197e146104a05780630c2db244146104aa575b5f5ffd5b61045961041e366004613658565b60156020525f90815260409020805460018201546002830154600390930154919290916001600160401b03811690600160401b900460ff1685565b60405161046a95949392919061369f565b60405180910390f35b6104926104813660046136f2565b600d6020525f908152604090205481565b60405190815260200161046a565b61049262ed4e0081565b6104927f6e46d808b7e741d27264e23f37b02aabcf94e1ba0daf204be18da5c03954dfd081565b6104f36104df3660046136f2565b600e6020525f908152604090205460ff1681565b604051901515815260200161046a565b610516610511366004613658565b6109d5565b005b60035461052b906001600160a01b031681565b6040516001600160a01b03909116815260200161046a565b610516610551366004613658565b610b11565b610516610cf3565b61049262278d0081565b610492600a5481565b610492600b5481565b610516610588366004613658565b610de5565b610492670de0b6b3a764000081565b61049260055481565b6105166105b3366004613658565b610f4d565b6104f361109d565b60045461052b906001600160a01b031681565b6105166105e136600461370b565b6110e6565b6104926301e1338081565b6105166105ff36600461372b565b6112ae565b6004546104f390600160a01b900460ff1681565b610516610626366004613762565b6113c9565b610492604181565b600454600160a81b90046001600160401b031642106104f3565b61049261065b3660046137db565b6114c7565b60025461052b906001600160a01b031681565b6105166106813660046136f2565b611759565b610699610694366004613658565b61187b565b60405161046a98979695949392919061386f565b61049260095481565b6105166106c4366004613906565b611969565b6105166106d73660046136f2565b611ae2565b61049262093a8081565b610516611c06565b6104f36106fc36600461370b565b601660209081525f928352604080842090915290825290205460ff1681565b610516610729366004613658565b611c89565b61049261073c366004613658565b60126020525f908152604090205481565b61049260145481565b61049261076436600461397d565b611cfb565b5f5461052b906001600160a01b031681565b610783600381565b60405160ff909116815260200161046a565b610516611fff565b61051661212a565b6105166107b3366004613658565b61223c565b6105166107c6366004613658565b612391565b61051661244d565b610783600281565b6007546107f590600160a01b90046001600160401b031681565b6040516001600160401b03909116815260200161046a565b61049260115481565b610492604081565b61051661082c36600461370b565b6124f3565b610783600181565b6107f57f000000000000000000000000000000000000000000000000000000000000000081565b61051661086e36600461370b565b612653565b6104926108813660046139be565b6126c7565b60075461052b906001600160a01b031681565b6105166108a7366004613a2e565b612741565b61049260105481565b6104f36108c33660046136f2565b600f6020525f908152604090205460ff1681565b6004546107f590600160a81b90046001600160401b031681565b60015461052b906001600160a01b031681565b610933610912366004613658565b60136020525f9081526040902080546001909101546001600160401b031682565b604080519283526001600160401b0390911660208301520161046a565b61049260065481565b610516610967366004613658565b6129ea565b61049260085481565b6105166109833660046136f2565b612aa3565b6105166109963660046136f2565b612b39565b6105166109a9366004613658565b612bb5565b61052b7f000000000000000000000000000000000000000000000000000000000000000081565b6003546001600160a01b0316331415806109f857506003546001600160a01b0316155b15610a40575f546001600160a01b031633141580610a1b5750610a1961109d565b155b15610a4057604051630bd4212160e11b81523360048201526024015b60405180910390fd5b62278d00811115610a7057604051637b45cd2f60e11b81526004810182905262278d006024820152604401610a37565b5f8115610a8657610a818242613aa8565b610a88565b5f5b6004805467ffffffffffffffff60a81b1916600160a81b6001600160401b038416021790556005805491925033917fbf6aa1ec14b07fff7faf94af0547c51ba80a2ad958a9d1b1651dba79a9e73b169184915f90610ae590613abb565b9182905550604080516001600160401b0390931683526020830191909152015b60405180910390a25050565b5f818152600c602052604090205481906001600160a01b031680610b4b5760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b03821614610b7d5760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f838152600c6020526040902060026004820154600160a01b900460ff166003811115610bac57610bac61366f565b14610bdb57600481810154604051639a9ee6b560e01b8152610a37928792600160a01b900460ff169101613ad3565b6004810154600160a81b90046001600160401b0316421015610c2d57600481810154604051631234ae9960e31b8152918201869052600160a81b90046001600160401b03166024820152604401610a37565b600380820180545f90915560048301805491929160ff60a01b1916600160a01b830217905550847ffec46e502c42681475d128522c806ca8d2630789079be92f8e67aabf52b3356d82846005015f8154610c8690613abb565b91829055506040805192835260208301919091520160405180910390a28015610ce2578154610ce2906001600160a01b037f00000000000000000000000000000000000000000000000000000000000000008116911683612c56565b610ceb85612ca7565b505050505050565b6004546001600160a01b03163314610d2057604051632f8c288360e11b8152336004820152602401610a37565b6003546001600160a01b0316158015610d3e5750610d3c61109d565b155b15610d5c5760405163391e4ee760e21b815260040160405180910390fd5b600380546001600160a01b031980821633908117909355600480549091169055600780546001600160e01b0319169055600580546001600160a01b03909216929183917f2c1722c0b4bbc59a44ab22eec3d2eea21867a876fea194918443b776b3310f2a915f90610dcc90613abb565b918290555060405190815260200160405180910390a350565b5f818152600c602052604090205481906001600160a01b031680610e1f5760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b03821614610e515760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f610e5b84612db5565b90505f600a5442610e6c9190613aa8565b5f868152601360205260409020600181015490549192506001600160401b03169015801590610eac5750816001600160401b0316816001600160401b0316115b15610eb5578091505b6004830180546001600160401b038416600160a81b0268ffffffffffffffffff60a01b1990911617600160a11b17905560058301805487917f07921e0be7a2261a4a12ed72c37fedb0c313ef994ed3db4880ce518d484d94b1918591905f90610f1d90613abb565b9182905550604080516001600160401b0390931683526020830191909152015b60405180910390a2505050505050565b6003546001600160a01b03163314610f7a57604051631902e9c760e31b8152336004820152602401610a37565b5f610f8482612e18565b60038101549091506001600160401b03164210610fcc5760038101546040516367786fb160e11b8152600481018490526001600160401b039091166024820152604401610a37565b60038101805460ff60401b19166803000000000000000017905580545f818152600c60205260408120546001840154600680546001600160a01b03909316948594909388937f9cbb30b77d9b156c7baf806863af35e26c9dd3b21b0e6f996f1a6202b353c3ca939092909161104090613abb565b91829055506040805192835260208301919091520160405180910390a46001820154611098906001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016908390612c56565b505050565b6004545f90600160a01b900460ff161580156110e157507f00000000000000000000000000000000000000000000000000000000000000006001600160401b031642105b905090565b5f828152600c602052604090205482906001600160a01b0316806111205760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b038216146111525760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f61115c85612db5565b9050835f0361117e57604051631f2a200560e01b815260040160405180910390fd5b6003810154808511156111ae576040516373c9efab60e11b81526004810186905260248101829052604401610a37565b5f6111b98683613af0565b90506008548110156111ec57600854604051633ae13c3560e01b8152610a37918391600401918252602082015260400190565b600383018190555f878152601360205260408120805490918891839190611214908490613aa8565b9091555050600a546112269042613aa8565b816001015f6101000a8154816001600160401b0302191690836001600160401b03160217905550877ff33ea8296e3b54855453ed4cdaa29d067a97e3cc1d5ebd1fb072699e78aa01e28884876005015f815461128190613abb565b91829055506040805193845260208401929092529082015260600160405180910390a25050505050505050565b5f828152600c602052604090205482906001600160a01b0316806112e85760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b0382161461131a5760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b6001600160a01b0383166113415760405163d92e233d60e01b815260040160405180910390fd5b5f848152600c602052604081206004810180546001600160a01b038781166001600160a01b0319831681179093556005840180549495919092169384928a927f50f8ab6066764d79955c4c485822e570bbf2723cf801c8a9a8eee8f19c41a6b7926113ab90613abb565b918290555060405190815260200160405180910390a4505050505050565b6003546001600160a01b0316331415806113ec57506003546001600160a01b0316155b1561142f575f546001600160a01b03163314158061140f575061140d61109d565b155b1561142f57604051630bd4212160e11b8152336004820152602401610a37565b6001600160a01b0382166114565760405163d92e233d60e01b815260040160405180910390fd5b6001600160a01b0382165f818152600f60205260408120805460ff1916841515179055600580547f0f2ab3269df45d41960fdf14c84cd22dfb81c269985eecc7ee6b93764639ae45928592916114ab90613abb565b9182905550604080519215158352602083019190915201610b05565b6004545f90600160a81b90046001600160401b0316421015611514576004805460405163dcb5e1ef60e01b8152600160a81b9091046001600160401b031691810191909152602401610a37565b335f908152600f602052604090205460ff1661154557604051636f8bf18b60e11b8152336004820152602401610a37565b335f908152600d6020526040902054801580159061158f575060035f828152600c6020526040902060040154600160a01b900460ff16600381111561158c5761158c61366f565b14155b156115b657604051635dc2c68760e01b815233600482015260248101829052604401610a37565b6001600160a01b0385166115dd5760405163d92e233d60e01b815260040160405180910390fd5b60085486101561160e57600854604051633ae13c3560e01b8152610a37918891600401918252602082015260400190565b600b8054905f61161d83613abb565b9190505591505f61163389898787876001612ebc565b5f848152600c602052604090208054336001600160a01b03199182161782556001820180549091166001600160a01b0384161790559091506002810161167a8a8c83613b9d565b50600381018890556004810180546001600160a01b0389166001600160a01b0319821681178355600192916001600160a81b03191617600160a01b8302179055506001816005018190555083600d5f336001600160a01b03166001600160a01b031681526020019081526020015f2081905550816001600160a01b0316336001600160a01b0316857fc0065c413ff15bb5fd871ceadcb365b5f72678f452d7bc221c2c4335e350fa368d8d8d8d600160405161173a959493929190613c7e565b60405180910390a461174c338961301c565b5050509695505050505050565b6001600160a01b0381166117805760405163d92e233d60e01b815260040160405180910390fd5b6003546001600160a01b031633811415806117a257506001600160a01b038116155b1561182b575f546001600160a01b031633146117d357604051631902e9c760e31b8152336004820152602401610a37565b6117db61109d565b6117f85760405163391e4ee760e21b815260040160405180910390fd5b6001600160a01b0381161561182b576040516301ae2de760e71b81526001600160a01b0382166004820152602401610a37565b600480546001600160a01b0319166001600160a01b0384811691821790925560405133928416907f743712841ec4dddd4d6518e48bdaf75cae5db8739fb49a8a8cb6307322bdf785905f90a45050565b600c6020525f90815260409020805460018201546002830180546001600160a01b039384169492909316926118af90613b17565b80601f01602080910402602001604051908101604052809291908181526020018280546118db90613b17565b80156119265780601f106118fd57610100808354040283529160200191611926565b820191905f5260205f20905b81548152906001019060200180831161190957829003601f168201915b5050505060038301546004840154600590940154929390926001600160a01b0382169250600160a01b820460ff1691600160a81b90046001600160401b03169088565b5f858152600c602052604090205485906001600160a01b0316806119a35760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b038216146119d55760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f878152600c6020526040902060036004820154600160a01b900460ff166003811115611a0457611a0461366f565b03611a2557604051636b2048c560e01b815260048101899052602401610a37565b5f81600501546001611a379190613aa8565b90505f611a48898989898e87612ebc565b6001840180546001600160a01b038084166001600160a01b03198316179092559192501660028401611a7b8a8c83613b9d565b50828460050181905550816001600160a01b0316816001600160a01b03168c7fc2e1ce49b652d778b1d7b71ebabc3ab1999be70658548f1407c55b42f2211a8e8d8d88604051611acd93929190613cb7565b60405180910390a45050505050505050505050565b5f546001600160a01b03163314611b0e5760405163245aecd360e01b8152336004820152602401610a37565b6001600160a01b038116611b355760405163d92e233d60e01b815260040160405180910390fd5b6003546001600160a01b031680611b5f57604051637a819df960e11b815260040160405180910390fd5b5f611b6d62278d0042613aa8565b600780546001600160a01b038681166001600160e01b03199092168217600160a01b6001600160401b0386160217909255600580549394509092918516917ffcb85ef6320e79a8557d2f0154723e319ac877c7425c7270164e71e67d96b2c69185915f90611bda90613abb565b9182905550604080516001600160401b03909316835260208301919091520160405180910390a3505050565b6001546001600160a01b03163314611c335760405163a09b9a4360e01b8152336004820152602401610a37565b5f805460405133926001600160a01b03909216917f8be0079c531659141344cd1fd0a4f28419497f9722a3daafe3b4186f6b6457e091a35f80546001600160a01b03199081163317909155600180549091169055565b6003546001600160a01b031633141580611cac57506003546001600160a01b0316155b15611cef575f546001600160a01b031633141580611ccf5750611ccd61109d565b155b15611cef57604051630bd4212160e11b8152336004820152602401610a37565b611cf88161319b565b50565b6003545f906001600160a01b03163314611d2a57604051631902e9c760e31b8152336004820152602401610a37565b5f611d348461323a565b5f878152600c602052604081209192506004820154600160a01b900460ff166003811115611d6457611d6461366f565b03611d855760405163717c3e9360e01b815260048101889052602401610a37565b5f8481526016602090815260408083208a845290915290205460ff1615611dc957604051630becb71560e01b81526004810185905260248101889052604401610a37565b855f03611de957604051631f2a200560e01b815260040160405180910390fd5b60038101545f88815260136020526040812080549091908590611e0c9085613aa8565b611e169190613cda565b90505f818a10611e265781611e28565b895b90505f848210611e385784611e3a565b815b9050600160165f8b81526020019081526020015f205f8e81526020019081526020015f205f6101000a81548160ff0219169083151502179055508085611e809190613af0565b6003870155611e8f8183613af0565b845f015f828254611ea09190613af0565b90915550508115611f845760148054905f611eba83613abb565b9190505597506040518060a001604052808d81526020018381526020018a81526020016301e1338042611eed9190613aa8565b6001600160401b03168152602001600190525f89815260156020908152604091829020835181559083015160018201559082015160028201556060820151600380830180546001600160401b0390931667ffffffffffffffff19841681178255608086015193919268ffffffffffffffffff199092161790600160401b908490811115611f7c57611f7c61366f565b021790555050505b88888d7f40c6b51a0679dec81fa25e5f88ba50b00a4254388752b86a85c5e13f2a400faa8d86611fb4878c613af0565b8c6005015f8154611fc490613abb565b91829055506040805160ff9095168552602085019390935291830152606082015260800160405180910390a450505050505050949350505050565b6007546001600160a01b03168061202957604051635d77a11160e01b815260040160405180910390fd5b336001600160a01b038216146120545760405163402ab82d60e01b8152336004820152602401610a37565b600754600160a01b90046001600160401b031642101561209c57600754604051638d4b82c960e01b8152600160a01b9091046001600160401b03166004820152602401610a37565b600380546001600160a01b038381166001600160a01b0319808416821790945560048054909416909355600780546001600160e01b03191690556005805491909216929183917f2c1722c0b4bbc59a44ab22eec3d2eea21867a876fea194918443b776b3310f2a91905f9061211090613abb565b918290555060405190815260200160405180910390a35050565b61213261109d565b61214f5760405163391e4ee760e21b815260040160405180910390fd5b6003546001600160a01b0316338114158061217157506001600160a01b038116155b156121c9575f546001600160a01b031633146121a257604051630bd4212160e11b8152336004820152602401610a37565b6001600160a01b0381166121c957604051637a819df960e11b815260040160405180910390fd5b6004805460ff60a01b1916600160a01b1790556005805433917fd5d083fc425944b4666c7b5658763a3b1987f1a8af39698c8a518f0cca612a81918491905f9061221290613abb565b9182905550604080516001600160a01b03909316835260208301919091520160405180910390a250565b5f818152600c602052604090205481906001600160a01b0316806122765760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b038216146122a85760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f83815260126020526040812054908190036122da57604051631fb23b3d60e21b815260048101859052602401610a37565b5f848152601260209081526040808320839055600c909152812060040154600680546001600160a01b0390921692839288927f5d404e70684353ec1d29f8b171a4d7b471dc37dec70c7649ae5d3777fe2048d692879261233990613abb565b91829055506040805192835260208301919091520160405180910390a361238a6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168284612c56565b5050505050565b670de0b6b3a76400008110156123cb57604051638f343f7160e01b815260048101829052670de0b6b3a76400006024820152604401610a37565b8060105f8282546123dc9190613aa8565b92505081905550336001600160a01b03167f0d2eac201c6bd25b979f0d9ebcf8ff27a476edde7006f42e843dc70727dbf90b8260105460065f815461242090613abb565b91829055506040805193845260208401929092529082015260600160405180910390a2611cf8338261301c565b6003546001600160a01b0316331461247a57604051631902e9c760e31b8152336004820152602401610a37565b6007546001600160a01b0316806124a457604051635d77a11160e01b815260040160405180910390fd5b600780546001600160e01b03191690556005805433916001600160a01b038416917fab3423d3d0eff2b5d809575da822f19dbaa99e2615e161237194b9938b1cfc1291905f90610dcc90613abb565b600454600160a81b90046001600160401b031642101561253e576004805460405163dcb5e1ef60e01b8152600160a81b9091046001600160401b031691810191909152602401610a37565b5f828152600c602052604090205482906001600160a01b0316806125785760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b038216146125aa5760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f6125b485612db5565b9050835f036125d657604051631f2a200560e01b815260040160405180910390fd5b5f8482600301546125e79190613aa8565b9050808260030181905550857f99e351074b9010d5d7a947422f77c775a5596e71533b16a7933d2e5ece7b43a18683856005015f815461262690613abb565b91829055506040805193845260208401929092529082015260600160405180910390a2610ceb338661301c565b6003546001600160a01b03163314158061267657506003546001600160a01b0316155b156126b9575f546001600160a01b031633141580612699575061269761109d565b155b156126b957604051630bd4212160e11b8152336004820152602401610a37565b6126c38282613294565b5050565b604080517f6e46d808b7e741d27264e23f37b02aabcf94e1ba0daf204be18da5c03954dfd0602082015246918101919091523060608201526001600160a01b038416608082015260a0810183905260c081018290525f9060e0016040516020818303038152906040528051906020012090505b9392505050565b6003546001600160a01b0316331461276e57604051631902e9c760e31b8152336004820152602401610a37565b60115461277c906001613aa8565b85146127b457601154612790906001613aa8565b604051630d246b5d60e21b8152600481019190915260248101869052604401610a37565b8281146127de576040516355c5b3e360e11b81526004810184905260248101829052604401610a37565b5f805b82811015612817578383828181106127fb576127fb613cf9565b905060200201358261280d9190613aa8565b91506001016127e1565b5060105481111561284957601054604051631256b84160e31b8152610a37918391600401918252602082015260400190565b856011819055508060105f8282546128619190613af0565b909155505f90505b8481101561298c575f86868381811061288457612884613cf9565b602002919091013591505f90505f828152600c6020526040902060040154600160a01b900460ff1660038111156128bd576128bd61366f565b036128de5760405163717c3e9360e01b815260048101829052602401610a37565b5f8585848181106128f1576128f1613cf9565b9050602002013560125f8481526020019081526020015f20546129149190613aa8565b5f838152601260205260409020819055905088827fe92557f1fbb6f349efe1dd2f7f957dc099e9e93e8d67cd15be5042e8476b5e0688888781811061295b5761295b613cf9565b905060200201358460405161297a929190918252602082015260400190565b60405180910390a35050600101612869565b50857f2eded12597fd292da9857a8b542883ba6eaef8593d219532e1cbdc7a0c45da76868690508360105460065f81546129c590613abb565b9182905550604080519485526020850193909352918301526060820152608001610f3d565b5f6129f482612e18565b60038101549091506001600160401b0316421015612a3d57600381015460405163248d6b5b60e01b8152600481018490526001600160401b039091166024820152604401610a37565b60038101805460ff60401b19166802000000000000000017905560025481546001830154600680546001600160a01b039094169384939287927fb4b9f90301f97b647678b62e7533dc49e7006005ad21c383c79642b040fd9096925f9061104090613abb565b6003546001600160a01b031633141580612ac657506003546001600160a01b0316155b15612b09575f546001600160a01b031633141580612ae95750612ae761109d565b155b15612b0957604051630bd4212160e11b8152336004820152602401610a37565b6001600160a01b038116612b305760405163d92e233d60e01b815260040160405180910390fd5b611cf88161332e565b5f546001600160a01b03163314612b655760405163245aecd360e01b8152336004820152602401610a37565b600180546001600160a01b0319166001600160a01b038381169182179092555f8054604051929316917f38d16b8cac22d99fc7c124b9cd0de2d3fa1faef420bfe791d8c362d765e227009190a350565b5f818152600c602052604090205481906001600160a01b031680612bef5760405163717c3e9360e01b815260048101839052602401610a37565b336001600160a01b03821614612c215760405163f21f11cb60e01b815260048101839052336024820152604401610a37565b5f612c2b84612ca7565b9050805f03612c505760405163cd7a4aa560e01b815260048101859052602401610a37565b50505050565b6040516001600160a01b03831660248201526044810182905261109890849060640160408051601f198184030181529190526020810180516001600160e01b031663a9059cbb60e01b1790526133a8565b5f818152601360205260408120805491829003612cc657505f92915050565b60018101546001600160401b0316421015612d0c576001810154604051635a17e65360e11b8152600481018590526001600160401b039091166024820152604401610a37565b5f838152601360209081526040808320838155600101805467ffffffffffffffff19169055600c8252918290205491518481526001600160a01b0390921691829186917f8adb7a84b2998a8d11cd9284395f95d5a99f160be785ae79998c654979bd3d9a910160405180910390a3612dae6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168285612c56565b5050919050565b5f818152600c6020526040902060016004820154600160a01b900460ff166003811115612de457612de461366f565b14612e1357600481810154604051630cf6247f60e31b8152610a37928592600160a01b900460ff169101613ad3565b919050565b5f81815260156020526040812090600382810154600160401b900460ff1690811115612e4657612e4661366f565b03612e6757604051631984115560e01b815260048101839052602401610a37565b6001600382810154600160401b900460ff1690811115612e8957612e8961366f565b14612e1357818160030160089054906101000a900460ff16604051633d8469c360e01b8152600401610a37929190613ad3565b5f60408614612ee1576040516302a9ff4b60e21b815260048101879052602401610a37565b612f16612ef160205f898b613d0d565b612efa91613d34565b612f08604060208a8c613d0d565b612f1191613d34565b61346d565b612f33576040516318bf5b7760e31b815260040160405180910390fd5b8686604051612f43929190613d51565b60405190819003902090505f612f64612f5d3386866126c7565b87876134ce565b9050816001600160a01b0316816001600160a01b031614612fab5760405163652f40f960e01b81526001600160a01b03808416600483015282166024820152604401610a37565b6001600160a01b0382165f908152600e602052604090205460ff1615612fef57604051632a9a935760e21b81526001600160a01b0383166004820152602401610a37565b506001600160a01b0381165f908152600e60205260409020805460ff191660011790559695505050505050565b6040516370a0823160e01b81523060048201525f907f00000000000000000000000000000000000000000000000000000000000000006001600160a01b0316906370a0823190602401602060405180830381865afa158015613080573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906130a49190613d60565b90506130db6001600160a01b037f0000000000000000000000000000000000000000000000000000000000000000168430856135ff565b6040516370a0823160e01b81523060048201525f9082906001600160a01b037f000000000000000000000000000000000000000000000000000000000000000016906370a0823190602401602060405180830381865afa158015613141573d5f5f3e3d5ffd5b505050506040513d601f19601f820116820180604052508101906131659190613d60565b61316f9190613af0565b9050828114612c5057604051632daa6d9560e21b81526004810184905260248101829052604401610a37565b62093a808110806131af57506301e1338081115b156131e3576040516308cc826960e31b81526004810182905262093a8060248201526301e133806044820152606401610a37565b80600a819055507fc3a606218aed87b602b8b3b5f7acf061001c5a8cb7c06f8a0105c25c1ae831508160055f815461321a90613abb565b91829055506040805192835260208301919091520160405180910390a150565b5f5f1960ff83160161324e57506010919050565b60011960ff83160161326257506008919050565b60021960ff83160161327657506004919050565b6040516324a18e3b60e11b815260ff83166004820152602401610a37565b8115806132a057508082115b156132c85760405163291cb06d60e21b81526004810183905260248101829052604401610a37565b81600881905550806009819055507f0e250c4796bd1153812a65cb5892603c7c8c0e6e542f2048e9b91565c245a77d828260055f815461330790613abb565b91829055506040805193845260208401929092529082015260600160405180910390a15050565b600254600580546001600160a01b038085169316917f08031759b0a2a99f63000784e546d7320d30692b97de1ea89a1645380cfb16f8915f9061337090613abb565b918290555060405190815260200160405180910390a3600280546001600160a01b0319166001600160a01b0392909216919091179055565b5f5f836001600160a01b0316836040516133c29190613d77565b5f604051808303815f865af19150503d805f81146133fb576040519150601f19603f3d011682016040523d82523d5f602084013e613400565b606091505b50915091508161341257805160208201fd5b5f81515f14613434578180602001905181019061342f9190613d8d565b613442565b5f856001600160a01b03163b115b90508061238a57604051632b596cb760e01b81526001600160a01b0386166004820152602401610a37565b5f6401000003d0198310158061348957506401000003d0198210155b1561349557505f6134c8565b5f6401000003d01983840990505f6401000003d01960076401000003d019876401000003d019898a090908919091149150505b92915050565b5f604182146134de57505f61273a565b5f6134ec6020828587613d0d565b6134f591613d34565b90505f613506604060208688613d0d565b61350f91613d34565b90505f8585604081811061352557613525613cf9565b919091013560f81c915050601b81101561354757613544601b82613da8565b90505b8060ff16601b1415801561355f57508060ff16601c14155b8061358957507f7fffffffffffffffffffffffffffffff5d576e7357a4501ddfe92f46681b20a082115b15613599575f935050505061273a565b604080515f81526020810180835289905260ff831691810191909152606081018490526080810183905260019060a0016020604051602081039080840390855afa1580156135e9573d5f5f3e3d5ffd5b5050604051601f19015198975050505050505050565b6040516001600160a01b0380851660248301528316604482015260648101829052612c5090859060840160408051601f198184030181529190526020810180516001600160e01b03166323b872dd60e01b1790526133a8565b5f60208284031215613668575f5ffd5b5035919050565b634e487b7160e01b5f52602160045260245ffd5b60048110611cf857634e487b7160e01b5f52602160045260245ffd5b85815260208101859052604081018490526001600160401b038316606082015260a081016136cc83613683565b8260808301529695505050505050565b80356001600160a01b0381168114612e13575f5ffd5b5f60208284031215613702575f5ffd5b61273a826136dc565b5f5f6040838503121561371c575f5ffd5b50508035926020909101359150565b5f5f6040838503121561373c575f5ffd5b8235915061374c602084016136dc565b90509250929050565b8015158114611cf8575f5ffd5b5f5f60408385031215613773575f5ffd5b61377c836136dc565b9150602083013561378c81613755565b809150509250929050565b5f5f83601f8401126137a7575f5ffd5b5081356001600160401b038111156137bd575f5ffd5b6020830191508360208285010111156137d4575f5ffd5b9250929050565b5f5f5f5f5f5f608087890312156137f0575f5ffd5b86356001600160401b03811115613805575f5ffd5b61381189828a01613797565b9097509550506020870135935061382a604088016136dc565b925060608701356001600160401b03811115613844575f5ffd5b61385089828a01613797565b979a9699509497509295939492505050565b61386b81613683565b9052565b60018060a01b038916815260018060a01b038816602082015261010060408201525f8751806101008401528060208a0161012085015e5f6101208285010152610120601f19601f8301168401019150508660608301526138da60808301876001600160a01b03169052565b6138e760a0830186613862565b6001600160401b039390931660c082015260e001529695505050505050565b5f5f5f5f5f6060868803121561391a575f5ffd5b8535945060208601356001600160401b03811115613936575f5ffd5b61394288828901613797565b90955093505060408601356001600160401b03811115613960575f5ffd5b61396c88828901613797565b969995985093965092949392505050565b5f5f5f5f60808587031215613990575f5ffd5b8435935060208501359250604085013560ff811681146139ae575f5ffd5b9396929550929360600135925050565b5f5f5f606084860312156139d0575f5ffd5b6139d9846136dc565b95602085013595506040909401359392505050565b5f5f83601f8401126139fe575f5ffd5b5081356001600160401b03811115613a14575f5ffd5b6020830191508360208260051b85010111156137d4575f5ffd5b5f5f5f5f5f60608688031215613a42575f5ffd5b8535945060208601356001600160401b03811115613a5e575f5ffd5b613a6a888289016139ee565b90955093505060408601356001600160401b03811115613a88575f5ffd5b61396c888289016139ee565b634e487b7160e01b5f52601160045260245ffd5b808201808211156134c8576134c8613a94565b5f60018201613acc57613acc613a94565b5060010190565b82815260408101613ae383613683565b8260208301529392505050565b818103818111156134c8576134c8613a94565b634e487b7160e01b5f52604160045260245ffd5b600181811c90821680613b2b57607f821691505b602082108103613b4957634e487b7160e01b5f52602260045260245ffd5b50919050565b601f821115611098578282111561109857805f5260205f20601f840160051c6020851015613b7a57505f5b90810190601f840160051c035f5b81811015610ceb575f83820155600101613b88565b6001600160401b03831115613bb457613bb4613b03565b613bc883613bc28354613b17565b83613b4f565b5f601f841160018114613bf9575f8515613be25750838201355b5f19600387901b1c1916600186901b17835561238a565b5f83815260208120601f198716915b82811015613c285786850135825560209485019460019092019101613c08565b5086821015613c44575f1960f88860031b161c19848701351681555b505060018560011b0183555050505050565b81835281816020850137505f828201602090810191909152601f909101601f19169091010190565b608081525f613c91608083018789613c56565b6020830195909552506001600160a01b0392909216604083015260609091015292915050565b604081525f613cca604083018587613c56565b9050826020830152949350505050565b5f82613cf457634e487b7160e01b5f52601260045260245ffd5b500490565b634e487b7160e01b5f52603260045260245ffd5b5f5f85851115613d1b575f5ffd5b83861115613d27575f5ffd5b5050820193919092039150565b803560208310156134c8575f19602084900360031b1b1692915050565b818382375f9101908152919050565b5f60208284031215613d70575f5ffd5b5051919050565b5f82518060208501845e5f920191825250919050565b5f60208284031215613d9d575f5ffd5b815161273a81613755565b60ff81811683821601908111156134c8576134c8613a9456fea26469706673582212206174dbbbd9e28fc094141629143201eb0db1f529d12fdcf65c784bbac49d652964736f6c63430008250033",
}

// ThemisStaking is an auto generated Go binding around an Ethereum contract.
type ThemisStaking struct {
	abi abi.ABI
}

// GetABI returns the ABI associated with this contract binding.
func (c *ThemisStaking) GetABI() abi.ABI {
	return c.abi
}

// NewThemisStaking creates a new instance of ThemisStaking.
func NewThemisStaking() *ThemisStaking {
	parsed, err := ThemisStakingMetaData.ParseABI()
	if err != nil {
		panic(errors.New("invalid ABI: " + err.Error()))
	}
	return &ThemisStaking{abi: *parsed}
}

// Instance creates a wrapper for a deployed contract instance at the given address.
// Use this to create the instance object passed to abigen v2 library functions Call, Transact, etc.
func (c *ThemisStaking) Instance(backend bind.ContractBackend, addr common.Address) *bind.BoundContract {
	return bind.NewBoundContract(addr, c.abi, backend, backend, backend)
}

// PackConstructor is the Go binding used to pack the parameters required for
// contract deployment.
//
// Solidity: constructor(address token_, address treasury_, uint256 minLock_, uint256 maxLock_, uint256 exitDelay_, uint256 bootstrapPeriod_) returns()
func (themisStaking *ThemisStaking) PackConstructor(token_ common.Address, treasury_ common.Address, minLock_ *big.Int, maxLock_ *big.Int, exitDelay_ *big.Int, bootstrapPeriod_ *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("", token_, treasury_, minLock_, maxLock_, exitDelay_, bootstrapPeriod_)
	if err != nil {
		panic(err)
	}
	return enc
}

// PackESCROWPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb01fb81.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ESCROW_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) PackESCROWPERIOD() []byte {
	enc, err := themisStaking.abi.Pack("ESCROW_PERIOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackESCROWPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xeb01fb81.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ESCROW_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackESCROWPERIOD() ([]byte, error) {
	return themisStaking.abi.Pack("ESCROW_PERIOD")
}

// UnpackESCROWPERIOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xeb01fb81.
//
// Solidity: function ESCROW_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackESCROWPERIOD(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("ESCROW_PERIOD", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXBOOTSTRAPPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07f3197e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_BOOTSTRAP_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) PackMAXBOOTSTRAPPERIOD() []byte {
	enc, err := themisStaking.abi.Pack("MAX_BOOTSTRAP_PERIOD")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXBOOTSTRAPPERIOD is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07f3197e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_BOOTSTRAP_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMAXBOOTSTRAPPERIOD() ([]byte, error) {
	return themisStaking.abi.Pack("MAX_BOOTSTRAP_PERIOD")
}

// UnpackMAXBOOTSTRAPPERIOD is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07f3197e.
//
// Solidity: function MAX_BOOTSTRAP_PERIOD() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMAXBOOTSTRAPPERIOD(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("MAX_BOOTSTRAP_PERIOD", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXEXITDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4616283a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) PackMAXEXITDELAY() []byte {
	enc, err := themisStaking.abi.Pack("MAX_EXIT_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXEXITDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x4616283a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMAXEXITDELAY() ([]byte, error) {
	return themisStaking.abi.Pack("MAX_EXIT_DELAY")
}

// UnpackMAXEXITDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x4616283a.
//
// Solidity: function MAX_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMAXEXITDELAY(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("MAX_EXIT_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMAXPAUSEDURATION is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2799657d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MAX_PAUSE_DURATION() view returns(uint256)
func (themisStaking *ThemisStaking) PackMAXPAUSEDURATION() []byte {
	enc, err := themisStaking.abi.Pack("MAX_PAUSE_DURATION")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMAXPAUSEDURATION is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2799657d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MAX_PAUSE_DURATION() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMAXPAUSEDURATION() ([]byte, error) {
	return themisStaking.abi.Pack("MAX_PAUSE_DURATION")
}

// UnpackMAXPAUSEDURATION is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2799657d.
//
// Solidity: function MAX_PAUSE_DURATION() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMAXPAUSEDURATION(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("MAX_PAUSE_DURATION", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMINEXITDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7928e14e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) PackMINEXITDELAY() []byte {
	enc, err := themisStaking.abi.Pack("MIN_EXIT_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINEXITDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7928e14e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMINEXITDELAY() ([]byte, error) {
	return themisStaking.abi.Pack("MIN_EXIT_DELAY")
}

// UnpackMINEXITDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7928e14e.
//
// Solidity: function MIN_EXIT_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMINEXITDELAY(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("MIN_EXIT_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMINREWARDFUNDING is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e79dd7b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function MIN_REWARD_FUNDING() view returns(uint256)
func (themisStaking *ThemisStaking) PackMINREWARDFUNDING() []byte {
	enc, err := themisStaking.abi.Pack("MIN_REWARD_FUNDING")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMINREWARDFUNDING is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2e79dd7b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function MIN_REWARD_FUNDING() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMINREWARDFUNDING() ([]byte, error) {
	return themisStaking.abi.Pack("MIN_REWARD_FUNDING")
}

// UnpackMINREWARDFUNDING is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2e79dd7b.
//
// Solidity: function MIN_REWARD_FUNDING() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMINREWARDFUNDING(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("MIN_REWARD_FUNDING", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPOOLRECOVERYDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53f36d2e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function POOL_RECOVERY_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) PackPOOLRECOVERYDELAY() []byte {
	enc, err := themisStaking.abi.Pack("POOL_RECOVERY_DELAY")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPOOLRECOVERYDELAY is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53f36d2e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function POOL_RECOVERY_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackPOOLRECOVERYDELAY() ([]byte, error) {
	return themisStaking.abi.Pack("POOL_RECOVERY_DELAY")
}

// UnpackPOOLRECOVERYDELAY is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x53f36d2e.
//
// Solidity: function POOL_RECOVERY_DELAY() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackPOOLRECOVERYDELAY(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("POOL_RECOVERY_DELAY", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPUBKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4d55d1d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function PUBKEY_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) PackPUBKEYLENGTH() []byte {
	enc, err := themisStaking.abi.Pack("PUBKEY_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPUBKEYLENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xa4d55d1d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function PUBKEY_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackPUBKEYLENGTH() ([]byte, error) {
	return themisStaking.abi.Pack("PUBKEY_LENGTH")
}

// UnpackPUBKEYLENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xa4d55d1d.
//
// Solidity: function PUBKEY_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackPUBKEYLENGTH(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("PUBKEY_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSEVERITYCRITICAL is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8dd43bbe.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SEVERITY_CRITICAL() view returns(uint8)
func (themisStaking *ThemisStaking) PackSEVERITYCRITICAL() []byte {
	enc, err := themisStaking.abi.Pack("SEVERITY_CRITICAL")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSEVERITYCRITICAL is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8dd43bbe.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SEVERITY_CRITICAL() view returns(uint8)
func (themisStaking *ThemisStaking) TryPackSEVERITYCRITICAL() ([]byte, error) {
	return themisStaking.abi.Pack("SEVERITY_CRITICAL")
}

// UnpackSEVERITYCRITICAL is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8dd43bbe.
//
// Solidity: function SEVERITY_CRITICAL() view returns(uint8)
func (themisStaking *ThemisStaking) UnpackSEVERITYCRITICAL(data []byte) (uint8, error) {
	out, err := themisStaking.abi.Unpack("SEVERITY_CRITICAL", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSEVERITYHIGH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x950b9158.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SEVERITY_HIGH() view returns(uint8)
func (themisStaking *ThemisStaking) PackSEVERITYHIGH() []byte {
	enc, err := themisStaking.abi.Pack("SEVERITY_HIGH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSEVERITYHIGH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x950b9158.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SEVERITY_HIGH() view returns(uint8)
func (themisStaking *ThemisStaking) TryPackSEVERITYHIGH() ([]byte, error) {
	return themisStaking.abi.Pack("SEVERITY_HIGH")
}

// UnpackSEVERITYHIGH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x950b9158.
//
// Solidity: function SEVERITY_HIGH() view returns(uint8)
func (themisStaking *ThemisStaking) UnpackSEVERITYHIGH(data []byte) (uint8, error) {
	out, err := themisStaking.abi.Unpack("SEVERITY_HIGH", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSEVERITYMEDIUM is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb3f0d5cc.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SEVERITY_MEDIUM() view returns(uint8)
func (themisStaking *ThemisStaking) PackSEVERITYMEDIUM() []byte {
	enc, err := themisStaking.abi.Pack("SEVERITY_MEDIUM")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSEVERITYMEDIUM is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb3f0d5cc.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SEVERITY_MEDIUM() view returns(uint8)
func (themisStaking *ThemisStaking) TryPackSEVERITYMEDIUM() ([]byte, error) {
	return themisStaking.abi.Pack("SEVERITY_MEDIUM")
}

// UnpackSEVERITYMEDIUM is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xb3f0d5cc.
//
// Solidity: function SEVERITY_MEDIUM() view returns(uint8)
func (themisStaking *ThemisStaking) UnpackSEVERITYMEDIUM(data []byte) (uint8, error) {
	out, err := themisStaking.abi.Unpack("SEVERITY_MEDIUM", data)
	if err != nil {
		return *new(uint8), err
	}
	out0 := *abi.ConvertType(out[0], new(uint8)).(*uint8)
	return out0, nil
}

// PackSIGNATURELENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x540bc5ea.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SIGNATURE_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) PackSIGNATURELENGTH() []byte {
	enc, err := themisStaking.abi.Pack("SIGNATURE_LENGTH")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSIGNATURELENGTH is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x540bc5ea.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SIGNATURE_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackSIGNATURELENGTH() ([]byte, error) {
	return themisStaking.abi.Pack("SIGNATURE_LENGTH")
}

// UnpackSIGNATURELENGTH is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x540bc5ea.
//
// Solidity: function SIGNATURE_LENGTH() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackSIGNATURELENGTH(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("SIGNATURE_LENGTH", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSIGNERPROOFTAG is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c2db244.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function SIGNER_PROOF_TAG() view returns(bytes32)
func (themisStaking *ThemisStaking) PackSIGNERPROOFTAG() []byte {
	enc, err := themisStaking.abi.Pack("SIGNER_PROOF_TAG")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSIGNERPROOFTAG is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0c2db244.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function SIGNER_PROOF_TAG() view returns(bytes32)
func (themisStaking *ThemisStaking) TryPackSIGNERPROOFTAG() ([]byte, error) {
	return themisStaking.abi.Pack("SIGNER_PROOF_TAG")
}

// UnpackSIGNERPROOFTAG is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0c2db244.
//
// Solidity: function SIGNER_PROOF_TAG() view returns(bytes32)
func (themisStaking *ThemisStaking) UnpackSIGNERPROOFTAG(data []byte) ([32]byte, error) {
	out, err := themisStaking.abi.Unpack("SIGNER_PROOF_TAG", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptOwnership() returns()
func (themisStaking *ThemisStaking) PackAcceptOwnership() []byte {
	enc, err := themisStaking.abi.Pack("acceptOwnership")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x79ba5097.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptOwnership() returns()
func (themisStaking *ThemisStaking) TryPackAcceptOwnership() ([]byte, error) {
	return themisStaking.abi.Pack("acceptOwnership")
}

// PackAcceptPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a4c2413.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function acceptPoolAddress() returns()
func (themisStaking *ThemisStaking) PackAcceptPoolAddress() []byte {
	enc, err := themisStaking.abi.Pack("acceptPoolAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackAcceptPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1a4c2413.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function acceptPoolAddress() returns()
func (themisStaking *ThemisStaking) TryPackAcceptPoolAddress() ([]byte, error) {
	return themisStaking.abi.Pack("acceptPoolAddress")
}

// PackBootstrapDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc2fd93ca.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bootstrapDeadline() view returns(uint64)
func (themisStaking *ThemisStaking) PackBootstrapDeadline() []byte {
	enc, err := themisStaking.abi.Pack("bootstrapDeadline")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBootstrapDeadline is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc2fd93ca.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bootstrapDeadline() view returns(uint64)
func (themisStaking *ThemisStaking) TryPackBootstrapDeadline() ([]byte, error) {
	return themisStaking.abi.Pack("bootstrapDeadline")
}

// UnpackBootstrapDeadline is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc2fd93ca.
//
// Solidity: function bootstrapDeadline() view returns(uint64)
func (themisStaking *ThemisStaking) UnpackBootstrapDeadline(data []byte) (uint64, error) {
	out, err := themisStaking.abi.Unpack("bootstrapDeadline", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackBootstrapEnded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51ca540e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bootstrapEnded() view returns(bool)
func (themisStaking *ThemisStaking) PackBootstrapEnded() []byte {
	enc, err := themisStaking.abi.Pack("bootstrapEnded")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBootstrapEnded is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x51ca540e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bootstrapEnded() view returns(bool)
func (themisStaking *ThemisStaking) TryPackBootstrapEnded() ([]byte, error) {
	return themisStaking.abi.Pack("bootstrapEnded")
}

// UnpackBootstrapEnded is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x51ca540e.
//
// Solidity: function bootstrapEnded() view returns(bool)
func (themisStaking *ThemisStaking) UnpackBootstrapEnded(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("bootstrapEnded", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackBootstrapOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37bcd4ff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function bootstrapOpen() view returns(bool)
func (themisStaking *ThemisStaking) PackBootstrapOpen() []byte {
	enc, err := themisStaking.abi.Pack("bootstrapOpen")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackBootstrapOpen is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x37bcd4ff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function bootstrapOpen() view returns(bool)
func (themisStaking *ThemisStaking) TryPackBootstrapOpen() ([]byte, error) {
	return themisStaking.abi.Pack("bootstrapOpen")
}

// UnpackBootstrapOpen is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x37bcd4ff.
//
// Solidity: function bootstrapOpen() view returns(bool)
func (themisStaking *ThemisStaking) UnpackBootstrapOpen(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("bootstrapOpen", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackCancelPoolRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9505572c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function cancelPoolRecovery() returns()
func (themisStaking *ThemisStaking) PackCancelPoolRecovery() []byte {
	enc, err := themisStaking.abi.Pack("cancelPoolRecovery")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCancelPoolRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9505572c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function cancelPoolRecovery() returns()
func (themisStaking *ThemisStaking) TryPackCancelPoolRecovery() ([]byte, error) {
	return themisStaking.abi.Pack("cancelPoolRecovery")
}

// PackClaimUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17663eae.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) PackClaimUnlock(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("claimUnlock", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x17663eae.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackClaimUnlock(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("claimUnlock", id)
}

// PackClaimWithdrawal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf8444436.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function claimWithdrawal(uint256 id) returns()
func (themisStaking *ThemisStaking) PackClaimWithdrawal(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("claimWithdrawal", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackClaimWithdrawal is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf8444436.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function claimWithdrawal(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackClaimWithdrawal(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("claimWithdrawal", id)
}

// PackCompletePoolRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f56b5e9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function completePoolRecovery() returns()
func (themisStaking *ThemisStaking) PackCompletePoolRecovery() []byte {
	enc, err := themisStaking.abi.Pack("completePoolRecovery")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackCompletePoolRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8f56b5e9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function completePoolRecovery() returns()
func (themisStaking *ThemisStaking) TryPackCompletePoolRecovery() ([]byte, error) {
	return themisStaking.abi.Pack("completePoolRecovery")
}

// PackConfigNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3462ceff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function configNonce() view returns(uint256)
func (themisStaking *ThemisStaking) PackConfigNonce() []byte {
	enc, err := themisStaking.abi.Pack("configNonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackConfigNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x3462ceff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function configNonce() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackConfigNonce() ([]byte, error) {
	return themisStaking.abi.Pack("configNonce")
}

// UnpackConfigNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x3462ceff.
//
// Solidity: function configNonce() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackConfigNonce(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("configNonce", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackEndBootstrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x908e5dd2.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function endBootstrap() returns()
func (themisStaking *ThemisStaking) PackEndBootstrap() []byte {
	enc, err := themisStaking.abi.Pack("endBootstrap")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEndBootstrap is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x908e5dd2.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function endBootstrap() returns()
func (themisStaking *ThemisStaking) TryPackEndBootstrap() ([]byte, error) {
	return themisStaking.abi.Pack("endBootstrap")
}

// PackEscrows is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x012f52ee.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function escrows(uint256 ) view returns(uint256 sequencerId, uint256 amount, bytes32 offenceId, uint64 releasableAt, uint8 status)
func (themisStaking *ThemisStaking) PackEscrows(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("escrows", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackEscrows is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x012f52ee.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function escrows(uint256 ) view returns(uint256 sequencerId, uint256 amount, bytes32 offenceId, uint64 releasableAt, uint8 status)
func (themisStaking *ThemisStaking) TryPackEscrows(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("escrows", arg0)
}

// EscrowsOutput serves as a container for the return parameters of contract
// method Escrows.
type EscrowsOutput struct {
	SequencerId  *big.Int
	Amount       *big.Int
	OffenceId    [32]byte
	ReleasableAt uint64
	Status       uint8
}

// UnpackEscrows is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x012f52ee.
//
// Solidity: function escrows(uint256 ) view returns(uint256 sequencerId, uint256 amount, bytes32 offenceId, uint64 releasableAt, uint8 status)
func (themisStaking *ThemisStaking) UnpackEscrows(data []byte) (EscrowsOutput, error) {
	out, err := themisStaking.abi.Unpack("escrows", data)
	outstruct := new(EscrowsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.SequencerId = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.Amount = abi.ConvertType(out[1], new(big.Int)).(*big.Int)
	outstruct.OffenceId = *abi.ConvertType(out[2], new([32]byte)).(*[32]byte)
	outstruct.ReleasableAt = *abi.ConvertType(out[3], new(uint64)).(*uint64)
	outstruct.Status = *abi.ConvertType(out[4], new(uint8)).(*uint8)
	return *outstruct, nil
}

// PackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function exitDelay() view returns(uint256)
func (themisStaking *ThemisStaking) PackExitDelay() []byte {
	enc, err := themisStaking.abi.Pack("exitDelay")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x28388630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function exitDelay() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackExitDelay() ([]byte, error) {
	return themisStaking.abi.Pack("exitDelay")
}

// UnpackExitDelay is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x28388630.
//
// Solidity: function exitDelay() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackExitDelay(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("exitDelay", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackFundRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93707a19.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function fundRewards(uint256 amount) returns()
func (themisStaking *ThemisStaking) PackFundRewards(amount *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("fundRewards", amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackFundRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x93707a19.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function fundRewards(uint256 amount) returns()
func (themisStaking *ThemisStaking) TryPackFundRewards(amount *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("fundRewards", amount)
}

// PackInitiateUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2dc075e1.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function initiateUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) PackInitiateUnlock(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("initiateUnlock", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackInitiateUnlock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2dc075e1.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function initiateUnlock(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackInitiateUnlock(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("initiateUnlock", id)
}

// PackLastRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a49cf06.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lastRewardBatch() view returns(uint256)
func (themisStaking *ThemisStaking) PackLastRewardBatch() []byte {
	enc, err := themisStaking.abi.Pack("lastRewardBatch")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLastRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9a49cf06.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lastRewardBatch() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackLastRewardBatch() ([]byte, error) {
	return themisStaking.abi.Pack("lastRewardBatch")
}

// UnpackLastRewardBatch is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9a49cf06.
//
// Solidity: function lastRewardBatch() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackLastRewardBatch(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("lastRewardBatch", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLedgerNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe687f601.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function ledgerNonce() view returns(uint256)
func (themisStaking *ThemisStaking) PackLedgerNonce() []byte {
	enc, err := themisStaking.abi.Pack("ledgerNonce")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLedgerNonce is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe687f601.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function ledgerNonce() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackLedgerNonce() ([]byte, error) {
	return themisStaking.abi.Pack("ledgerNonce")
}

// UnpackLedgerNonce is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe687f601.
//
// Solidity: function ledgerNonce() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackLedgerNonce(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("ledgerNonce", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5e2b6007.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function lock(bytes pubkey, uint256 amount, address rewardRecipient, bytes proof) returns(uint256 id)
func (themisStaking *ThemisStaking) PackLock(pubkey []byte, amount *big.Int, rewardRecipient common.Address, proof []byte) []byte {
	enc, err := themisStaking.abi.Pack("lock", pubkey, amount, rewardRecipient, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5e2b6007.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function lock(bytes pubkey, uint256 amount, address rewardRecipient, bytes proof) returns(uint256 id)
func (themisStaking *ThemisStaking) TryPackLock(pubkey []byte, amount *big.Int, rewardRecipient common.Address, proof []byte) ([]byte, error) {
	return themisStaking.abi.Pack("lock", pubkey, amount, rewardRecipient, proof)
}

// UnpackLock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5e2b6007.
//
// Solidity: function lock(bytes pubkey, uint256 amount, address rewardRecipient, bytes proof) returns(uint256 id)
func (themisStaking *ThemisStaking) UnpackLock(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("lock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMaxLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0b3e46.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function maxLock() view returns(uint256)
func (themisStaking *ThemisStaking) PackMaxLock() []byte {
	enc, err := themisStaking.abi.Pack("maxLock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMaxLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6c0b3e46.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function maxLock() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMaxLock() ([]byte, error) {
	return themisStaking.abi.Pack("maxLock")
}

// UnpackMaxLock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6c0b3e46.
//
// Solidity: function maxLock() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMaxLock(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("maxLock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackMinLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf037c630.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function minLock() view returns(uint256)
func (themisStaking *ThemisStaking) PackMinLock() []byte {
	enc, err := themisStaking.abi.Pack("minLock")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackMinLock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf037c630.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function minLock() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackMinLock() ([]byte, error) {
	return themisStaking.abi.Pack("minLock")
}

// UnpackMinLock is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xf037c630.
//
// Solidity: function minLock() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackMinLock(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("minLock", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNextEscrowId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89cb29dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextEscrowId() view returns(uint256)
func (themisStaking *ThemisStaking) PackNextEscrowId() []byte {
	enc, err := themisStaking.abi.Pack("nextEscrowId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextEscrowId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89cb29dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextEscrowId() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackNextEscrowId() ([]byte, error) {
	return themisStaking.abi.Pack("nextEscrowId")
}

// UnpackNextEscrowId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x89cb29dd.
//
// Solidity: function nextEscrowId() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackNextEscrowId(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("nextEscrowId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackNextSequencerId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2980759c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function nextSequencerId() view returns(uint256)
func (themisStaking *ThemisStaking) PackNextSequencerId() []byte {
	enc, err := themisStaking.abi.Pack("nextSequencerId")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackNextSequencerId is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x2980759c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function nextSequencerId() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackNextSequencerId() ([]byte, error) {
	return themisStaking.abi.Pack("nextSequencerId")
}

// UnpackNextSequencerId is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x2980759c.
//
// Solidity: function nextSequencerId() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackNextSequencerId(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("nextSequencerId", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackOffenceSlashed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b4c34a4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function offenceSlashed(bytes32 , uint256 ) view returns(bool)
func (themisStaking *ThemisStaking) PackOffenceSlashed(arg0 [32]byte, arg1 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("offenceSlashed", arg0, arg1)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOffenceSlashed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7b4c34a4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function offenceSlashed(bytes32 , uint256 ) view returns(bool)
func (themisStaking *ThemisStaking) TryPackOffenceSlashed(arg0 [32]byte, arg1 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("offenceSlashed", arg0, arg1)
}

// UnpackOffenceSlashed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7b4c34a4.
//
// Solidity: function offenceSlashed(bytes32 , uint256 ) view returns(bool)
func (themisStaking *ThemisStaking) UnpackOffenceSlashed(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("offenceSlashed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function owner() view returns(address)
func (themisStaking *ThemisStaking) PackOwner() []byte {
	enc, err := themisStaking.abi.Pack("owner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x8da5cb5b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function owner() view returns(address)
func (themisStaking *ThemisStaking) TryPackOwner() ([]byte, error) {
	return themisStaking.abi.Pack("owner")
}

// UnpackOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x8da5cb5b.
//
// Solidity: function owner() view returns(address)
func (themisStaking *ThemisStaking) UnpackOwner(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("owner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x136439dd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pause(uint256 duration) returns()
func (themisStaking *ThemisStaking) PackPause(duration *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("pause", duration)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPause is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x136439dd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pause(uint256 duration) returns()
func (themisStaking *ThemisStaking) TryPackPause(duration *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("pause", duration)
}

// PackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function paused() view returns(bool)
func (themisStaking *ThemisStaking) PackPaused() []byte {
	enc, err := themisStaking.abi.Pack("paused")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPaused is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x5c975abb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function paused() view returns(bool)
func (themisStaking *ThemisStaking) TryPackPaused() ([]byte, error) {
	return themisStaking.abi.Pack("paused")
}

// UnpackPaused is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x5c975abb.
//
// Solidity: function paused() view returns(bool)
func (themisStaking *ThemisStaking) UnpackPaused(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("paused", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackPausedUntil is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xda748b10.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pausedUntil() view returns(uint64)
func (themisStaking *ThemisStaking) PackPausedUntil() []byte {
	enc, err := themisStaking.abi.Pack("pausedUntil")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPausedUntil is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xda748b10.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pausedUntil() view returns(uint64)
func (themisStaking *ThemisStaking) TryPackPausedUntil() ([]byte, error) {
	return themisStaking.abi.Pack("pausedUntil")
}

// UnpackPausedUntil is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xda748b10.
//
// Solidity: function pausedUntil() view returns(uint64)
func (themisStaking *ThemisStaking) UnpackPausedUntil(data []byte) (uint64, error) {
	out, err := themisStaking.abi.Unpack("pausedUntil", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingOwner() view returns(address)
func (themisStaking *ThemisStaking) PackPendingOwner() []byte {
	enc, err := themisStaking.abi.Pack("pendingOwner")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingOwner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe30c3978.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingOwner() view returns(address)
func (themisStaking *ThemisStaking) TryPackPendingOwner() ([]byte, error) {
	return themisStaking.abi.Pack("pendingOwner")
}

// UnpackPendingOwner is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe30c3978.
//
// Solidity: function pendingOwner() view returns(address)
func (themisStaking *ThemisStaking) UnpackPendingOwner(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("pendingOwner", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPendingPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39c1f621.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingPoolAddress() view returns(address)
func (themisStaking *ThemisStaking) PackPendingPoolAddress() []byte {
	enc, err := themisStaking.abi.Pack("pendingPoolAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x39c1f621.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingPoolAddress() view returns(address)
func (themisStaking *ThemisStaking) TryPackPendingPoolAddress() ([]byte, error) {
	return themisStaking.abi.Pack("pendingPoolAddress")
}

// UnpackPendingPoolAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x39c1f621.
//
// Solidity: function pendingPoolAddress() view returns(address)
func (themisStaking *ThemisStaking) UnpackPendingPoolAddress(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("pendingPoolAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackPendingRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dcb2abf.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingRewards(uint256 ) view returns(uint256)
func (themisStaking *ThemisStaking) PackPendingRewards(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("pendingRewards", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7dcb2abf.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingRewards(uint256 ) view returns(uint256)
func (themisStaking *ThemisStaking) TryPackPendingRewards(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("pendingRewards", arg0)
}

// UnpackPendingRewards is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x7dcb2abf.
//
// Solidity: function pendingRewards(uint256 ) view returns(uint256)
func (themisStaking *ThemisStaking) UnpackPendingRewards(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("pendingRewards", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackPendingWithdrawals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe6150400.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function pendingWithdrawals(uint256 ) view returns(uint256 amount, uint64 claimableAt)
func (themisStaking *ThemisStaking) PackPendingWithdrawals(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("pendingWithdrawals", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPendingWithdrawals is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xe6150400.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function pendingWithdrawals(uint256 ) view returns(uint256 amount, uint64 claimableAt)
func (themisStaking *ThemisStaking) TryPackPendingWithdrawals(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("pendingWithdrawals", arg0)
}

// PendingWithdrawalsOutput serves as a container for the return parameters of contract
// method PendingWithdrawals.
type PendingWithdrawalsOutput struct {
	Amount      *big.Int
	ClaimableAt uint64
}

// UnpackPendingWithdrawals is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xe6150400.
//
// Solidity: function pendingWithdrawals(uint256 ) view returns(uint256 amount, uint64 claimableAt)
func (themisStaking *ThemisStaking) UnpackPendingWithdrawals(data []byte) (PendingWithdrawalsOutput, error) {
	out, err := themisStaking.abi.Unpack("pendingWithdrawals", data)
	outstruct := new(PendingWithdrawalsOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Amount = abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	outstruct.ClaimableAt = *abi.ConvertType(out[1], new(uint64)).(*uint64)
	return *outstruct, nil
}

// PackPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1755ff21.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function poolAddress() view returns(address)
func (themisStaking *ThemisStaking) PackPoolAddress() []byte {
	enc, err := themisStaking.abi.Pack("poolAddress")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackPoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x1755ff21.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function poolAddress() view returns(address)
func (themisStaking *ThemisStaking) TryPackPoolAddress() ([]byte, error) {
	return themisStaking.abi.Pack("poolAddress")
}

// UnpackPoolAddress is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x1755ff21.
//
// Solidity: function poolAddress() view returns(address)
func (themisStaking *ThemisStaking) UnpackPoolAddress(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("poolAddress", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackProposePoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x659b85db.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposePoolAddress(address newPool) returns()
func (themisStaking *ThemisStaking) PackProposePoolAddress(newPool common.Address) []byte {
	enc, err := themisStaking.abi.Pack("proposePoolAddress", newPool)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposePoolAddress is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x659b85db.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposePoolAddress(address newPool) returns()
func (themisStaking *ThemisStaking) TryPackProposePoolAddress(newPool common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("proposePoolAddress", newPool)
}

// PackProposePoolRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x71ded077.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function proposePoolRecovery(address newPool) returns()
func (themisStaking *ThemisStaking) PackProposePoolRecovery(newPool common.Address) []byte {
	enc, err := themisStaking.abi.Pack("proposePoolRecovery", newPool)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackProposePoolRecovery is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x71ded077.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function proposePoolRecovery(address newPool) returns()
func (themisStaking *ThemisStaking) TryPackProposePoolRecovery(newPool common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("proposePoolRecovery", newPool)
}

// PackRecoveryEffectiveAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9803aa35.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recoveryEffectiveAt() view returns(uint64)
func (themisStaking *ThemisStaking) PackRecoveryEffectiveAt() []byte {
	enc, err := themisStaking.abi.Pack("recoveryEffectiveAt")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecoveryEffectiveAt is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9803aa35.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recoveryEffectiveAt() view returns(uint64)
func (themisStaking *ThemisStaking) TryPackRecoveryEffectiveAt() ([]byte, error) {
	return themisStaking.abi.Pack("recoveryEffectiveAt")
}

// UnpackRecoveryEffectiveAt is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x9803aa35.
//
// Solidity: function recoveryEffectiveAt() view returns(uint64)
func (themisStaking *ThemisStaking) UnpackRecoveryEffectiveAt(data []byte) (uint64, error) {
	out, err := themisStaking.abi.Unpack("recoveryEffectiveAt", data)
	if err != nil {
		return *new(uint64), err
	}
	out0 := *abi.ConvertType(out[0], new(uint64)).(*uint64)
	return out0, nil
}

// PackRecoveryPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc54054de.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function recoveryPool() view returns(address)
func (themisStaking *ThemisStaking) PackRecoveryPool() []byte {
	enc, err := themisStaking.abi.Pack("recoveryPool")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRecoveryPool is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc54054de.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function recoveryPool() view returns(address)
func (themisStaking *ThemisStaking) TryPackRecoveryPool() ([]byte, error) {
	return themisStaking.abi.Pack("recoveryPool")
}

// UnpackRecoveryPool is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc54054de.
//
// Solidity: function recoveryPool() view returns(address)
func (themisStaking *ThemisStaking) UnpackRecoveryPool(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("recoveryPool", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackRefundEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x356f9dfd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function refundEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) PackRefundEscrow(escrowId *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("refundEscrow", escrowId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRefundEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x356f9dfd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function refundEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) TryPackRefundEscrow(escrowId *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("refundEscrow", escrowId)
}

// PackReleaseEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed653164.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function releaseEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) PackReleaseEscrow(escrowId *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("releaseEscrow", escrowId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackReleaseEscrow is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xed653164.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function releaseEscrow(uint256 escrowId) returns()
func (themisStaking *ThemisStaking) TryPackReleaseEscrow(escrowId *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("releaseEscrow", escrowId)
}

// PackRelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb2fb30cb.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function relock(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) PackRelock(id *big.Int, amount *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("relock", id, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRelock is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xb2fb30cb.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function relock(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) TryPackRelock(id *big.Int, amount *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("relock", id, amount)
}

// PackRewardReserve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcab64bcd.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function rewardReserve() view returns(uint256)
func (themisStaking *ThemisStaking) PackRewardReserve() []byte {
	enc, err := themisStaking.abi.Pack("rewardReserve")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackRewardReserve is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xcab64bcd.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function rewardReserve() view returns(uint256)
func (themisStaking *ThemisStaking) TryPackRewardReserve() ([]byte, error) {
	return themisStaking.abi.Pack("rewardReserve")
}

// UnpackRewardReserve is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xcab64bcd.
//
// Solidity: function rewardReserve() view returns(uint256)
func (themisStaking *ThemisStaking) UnpackRewardReserve(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("rewardReserve", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSequencerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07a90fb6.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sequencerOf(address ) view returns(uint256)
func (themisStaking *ThemisStaking) PackSequencerOf(arg0 common.Address) []byte {
	enc, err := themisStaking.abi.Pack("sequencerOf", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSequencerOf is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x07a90fb6.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sequencerOf(address ) view returns(uint256)
func (themisStaking *ThemisStaking) TryPackSequencerOf(arg0 common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("sequencerOf", arg0)
}

// UnpackSequencerOf is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x07a90fb6.
//
// Solidity: function sequencerOf(address ) view returns(uint256)
func (themisStaking *ThemisStaking) UnpackSequencerOf(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("sequencerOf", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSequencers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ba7ccff.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function sequencers(uint256 ) view returns(address owner, address signer, bytes pubkey, uint256 locked, address rewardRecipient, uint8 status, uint64 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) PackSequencers(arg0 *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("sequencers", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSequencers is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6ba7ccff.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function sequencers(uint256 ) view returns(address owner, address signer, bytes pubkey, uint256 locked, address rewardRecipient, uint8 status, uint64 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) TryPackSequencers(arg0 *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("sequencers", arg0)
}

// SequencersOutput serves as a container for the return parameters of contract
// method Sequencers.
type SequencersOutput struct {
	Owner           common.Address
	Signer          common.Address
	Pubkey          []byte
	Locked          *big.Int
	RewardRecipient common.Address
	Status          uint8
	UnlockableAt    uint64
	Nonce           *big.Int
}

// UnpackSequencers is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x6ba7ccff.
//
// Solidity: function sequencers(uint256 ) view returns(address owner, address signer, bytes pubkey, uint256 locked, address rewardRecipient, uint8 status, uint64 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackSequencers(data []byte) (SequencersOutput, error) {
	out, err := themisStaking.abi.Unpack("sequencers", data)
	outstruct := new(SequencersOutput)
	if err != nil {
		return *outstruct, err
	}
	outstruct.Owner = *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	outstruct.Signer = *abi.ConvertType(out[1], new(common.Address)).(*common.Address)
	outstruct.Pubkey = *abi.ConvertType(out[2], new([]byte)).(*[]byte)
	outstruct.Locked = abi.ConvertType(out[3], new(big.Int)).(*big.Int)
	outstruct.RewardRecipient = *abi.ConvertType(out[4], new(common.Address)).(*common.Address)
	outstruct.Status = *abi.ConvertType(out[5], new(uint8)).(*uint8)
	outstruct.UnlockableAt = *abi.ConvertType(out[6], new(uint64)).(*uint64)
	outstruct.Nonce = abi.ConvertType(out[7], new(big.Int)).(*big.Int)
	return *outstruct, nil
}

// PackSetExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c3b0b1c.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setExitDelay(uint256 newExitDelay) returns()
func (themisStaking *ThemisStaking) PackSetExitDelay(newExitDelay *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("setExitDelay", newExitDelay)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetExitDelay is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x7c3b0b1c.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setExitDelay(uint256 newExitDelay) returns()
func (themisStaking *ThemisStaking) TryPackSetExitDelay(newExitDelay *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("setExitDelay", newExitDelay)
}

// PackSetLockLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3c08c7a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setLockLimits(uint256 newMinLock, uint256 newMaxLock) returns()
func (themisStaking *ThemisStaking) PackSetLockLimits(newMinLock *big.Int, newMaxLock *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("setLockLimits", newMinLock, newMaxLock)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetLockLimits is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc3c08c7a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setLockLimits(uint256 newMinLock, uint256 newMaxLock) returns()
func (themisStaking *ThemisStaking) TryPackSetLockLimits(newMinLock *big.Int, newMaxLock *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("setLockLimits", newMinLock, newMaxLock)
}

// PackSetRewardRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x498efa15.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setRewardRecipient(uint256 id, address newRecipient) returns()
func (themisStaking *ThemisStaking) PackSetRewardRecipient(id *big.Int, newRecipient common.Address) []byte {
	enc, err := themisStaking.abi.Pack("setRewardRecipient", id, newRecipient)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetRewardRecipient is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x498efa15.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setRewardRecipient(uint256 id, address newRecipient) returns()
func (themisStaking *ThemisStaking) TryPackSetRewardRecipient(id *big.Int, newRecipient common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("setRewardRecipient", id, newRecipient)
}

// PackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setTreasury(address newTreasury) returns()
func (themisStaking *ThemisStaking) PackSetTreasury(newTreasury common.Address) []byte {
	enc, err := themisStaking.abi.Pack("setTreasury", newTreasury)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf0f44260.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setTreasury(address newTreasury) returns()
func (themisStaking *ThemisStaking) TryPackSetTreasury(newTreasury common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("setTreasury", newTreasury)
}

// PackSetWhitelist is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53d6fd59.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function setWhitelist(address account, bool allowed) returns()
func (themisStaking *ThemisStaking) PackSetWhitelist(account common.Address, allowed bool) []byte {
	enc, err := themisStaking.abi.Pack("setWhitelist", account, allowed)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSetWhitelist is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x53d6fd59.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function setWhitelist(address account, bool allowed) returns()
func (themisStaking *ThemisStaking) TryPackSetWhitelist(account common.Address, allowed bool) ([]byte, error) {
	return themisStaking.abi.Pack("setWhitelist", account, allowed)
}

// PackSignerProofDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc430f51d.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signerProofDigest(address seqOwner, uint256 sequencerId, uint256 nonce) view returns(bytes32)
func (themisStaking *ThemisStaking) PackSignerProofDigest(seqOwner common.Address, sequencerId *big.Int, nonce *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("signerProofDigest", seqOwner, sequencerId, nonce)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignerProofDigest is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc430f51d.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signerProofDigest(address seqOwner, uint256 sequencerId, uint256 nonce) view returns(bytes32)
func (themisStaking *ThemisStaking) TryPackSignerProofDigest(seqOwner common.Address, sequencerId *big.Int, nonce *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("signerProofDigest", seqOwner, sequencerId, nonce)
}

// UnpackSignerProofDigest is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xc430f51d.
//
// Solidity: function signerProofDigest(address seqOwner, uint256 sequencerId, uint256 nonce) view returns(bytes32)
func (themisStaking *ThemisStaking) UnpackSignerProofDigest(data []byte) ([32]byte, error) {
	out, err := themisStaking.abi.Unpack("signerProofDigest", data)
	if err != nil {
		return *new([32]byte), err
	}
	out0 := *abi.ConvertType(out[0], new([32]byte)).(*[32]byte)
	return out0, nil
}

// PackSignerUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f7022b9.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function signerUsed(address ) view returns(bool)
func (themisStaking *ThemisStaking) PackSignerUsed(arg0 common.Address) []byte {
	enc, err := themisStaking.abi.Pack("signerUsed", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSignerUsed is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x0f7022b9.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function signerUsed(address ) view returns(bool)
func (themisStaking *ThemisStaking) TryPackSignerUsed(arg0 common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("signerUsed", arg0)
}

// UnpackSignerUsed is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x0f7022b9.
//
// Solidity: function signerUsed(address ) view returns(bool)
func (themisStaking *ThemisStaking) UnpackSignerUsed(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("signerUsed", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89ee1d65.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId) returns(uint256 escrowId)
func (themisStaking *ThemisStaking) PackSlash(id *big.Int, amount *big.Int, severity uint8, offenceId [32]byte) []byte {
	enc, err := themisStaking.abi.Pack("slash", id, amount, severity, offenceId)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSlash is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x89ee1d65.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId) returns(uint256 escrowId)
func (themisStaking *ThemisStaking) TryPackSlash(id *big.Int, amount *big.Int, severity uint8, offenceId [32]byte) ([]byte, error) {
	return themisStaking.abi.Pack("slash", id, amount, severity, offenceId)
}

// UnpackSlash is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x89ee1d65.
//
// Solidity: function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId) returns(uint256 escrowId)
func (themisStaking *ThemisStaking) UnpackSlash(data []byte) (*big.Int, error) {
	out, err := themisStaking.abi.Unpack("slash", data)
	if err != nil {
		return new(big.Int), err
	}
	out0 := abi.ConvertType(out[0], new(big.Int)).(*big.Int)
	return out0, nil
}

// PackSubmitRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7624a3e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function submitRewardBatch(uint256 batchId, uint256[] ids, uint256[] amounts) returns()
func (themisStaking *ThemisStaking) PackSubmitRewardBatch(batchId *big.Int, ids []*big.Int, amounts []*big.Int) []byte {
	enc, err := themisStaking.abi.Pack("submitRewardBatch", batchId, ids, amounts)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackSubmitRewardBatch is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xc7624a3e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function submitRewardBatch(uint256 batchId, uint256[] ids, uint256[] amounts) returns()
func (themisStaking *ThemisStaking) TryPackSubmitRewardBatch(batchId *big.Int, ids []*big.Int, amounts []*big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("submitRewardBatch", batchId, ids, amounts)
}

// PackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function token() view returns(address)
func (themisStaking *ThemisStaking) PackToken() []byte {
	enc, err := themisStaking.abi.Pack("token")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackToken is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xfc0c546a.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function token() view returns(address)
func (themisStaking *ThemisStaking) TryPackToken() ([]byte, error) {
	return themisStaking.abi.Pack("token")
}

// UnpackToken is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xfc0c546a.
//
// Solidity: function token() view returns(address)
func (themisStaking *ThemisStaking) UnpackToken(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("token", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (themisStaking *ThemisStaking) PackTransferOwnership(newOwner common.Address) []byte {
	enc, err := themisStaking.abi.Pack("transferOwnership", newOwner)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTransferOwnership is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xf2fde38b.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function transferOwnership(address newOwner) returns()
func (themisStaking *ThemisStaking) TryPackTransferOwnership(newOwner common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("transferOwnership", newOwner)
}

// PackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function treasury() view returns(address)
func (themisStaking *ThemisStaking) PackTreasury() []byte {
	enc, err := themisStaking.abi.Pack("treasury")
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackTreasury is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x61d027b3.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function treasury() view returns(address)
func (themisStaking *ThemisStaking) TryPackTreasury() ([]byte, error) {
	return themisStaking.abi.Pack("treasury")
}

// UnpackTreasury is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0x61d027b3.
//
// Solidity: function treasury() view returns(address)
func (themisStaking *ThemisStaking) UnpackTreasury(data []byte) (common.Address, error) {
	out, err := themisStaking.abi.Unpack("treasury", data)
	if err != nil {
		return *new(common.Address), err
	}
	out0 := *abi.ConvertType(out[0], new(common.Address)).(*common.Address)
	return out0, nil
}

// PackUpdateSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f9f5249.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function updateSigner(uint256 id, bytes newPubkey, bytes proof) returns()
func (themisStaking *ThemisStaking) PackUpdateSigner(id *big.Int, newPubkey []byte, proof []byte) []byte {
	enc, err := themisStaking.abi.Pack("updateSigner", id, newPubkey, proof)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackUpdateSigner is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x6f9f5249.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function updateSigner(uint256 id, bytes newPubkey, bytes proof) returns()
func (themisStaking *ThemisStaking) TryPackUpdateSigner(id *big.Int, newPubkey []byte, proof []byte) ([]byte, error) {
	return themisStaking.abi.Pack("updateSigner", id, newPubkey, proof)
}

// PackWhitelisted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd936547e.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function whitelisted(address ) view returns(bool)
func (themisStaking *ThemisStaking) PackWhitelisted(arg0 common.Address) []byte {
	enc, err := themisStaking.abi.Pack("whitelisted", arg0)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWhitelisted is the Go binding used to pack the parameters required for calling
// the contract method with ID 0xd936547e.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function whitelisted(address ) view returns(bool)
func (themisStaking *ThemisStaking) TryPackWhitelisted(arg0 common.Address) ([]byte, error) {
	return themisStaking.abi.Pack("whitelisted", arg0)
}

// UnpackWhitelisted is the Go binding that unpacks the parameters returned
// from invoking the contract method with ID 0xd936547e.
//
// Solidity: function whitelisted(address ) view returns(bool)
func (themisStaking *ThemisStaking) UnpackWhitelisted(data []byte) (bool, error) {
	out, err := themisStaking.abi.Unpack("whitelisted", data)
	if err != nil {
		return *new(bool), err
	}
	out0 := *abi.ConvertType(out[0], new(bool)).(*bool)
	return out0, nil
}

// PackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x441a3e70.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdraw(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) PackWithdraw(id *big.Int, amount *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("withdraw", id, amount)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdraw is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x441a3e70.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdraw(uint256 id, uint256 amount) returns()
func (themisStaking *ThemisStaking) TryPackWithdraw(id *big.Int, amount *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("withdraw", id, amount)
}

// PackWithdrawRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9342c8f4.  This method will panic if any
// invalid/nil inputs are passed.
//
// Solidity: function withdrawRewards(uint256 id) returns()
func (themisStaking *ThemisStaking) PackWithdrawRewards(id *big.Int) []byte {
	enc, err := themisStaking.abi.Pack("withdrawRewards", id)
	if err != nil {
		panic(err)
	}
	return enc
}

// TryPackWithdrawRewards is the Go binding used to pack the parameters required for calling
// the contract method with ID 0x9342c8f4.  This method will return an error
// if any inputs are invalid/nil.
//
// Solidity: function withdrawRewards(uint256 id) returns()
func (themisStaking *ThemisStaking) TryPackWithdrawRewards(id *big.Int) ([]byte, error) {
	return themisStaking.abi.Pack("withdrawRewards", id)
}

// ThemisStakingBootstrapEnded represents a BootstrapEnded event raised by the ThemisStaking contract.
type ThemisStakingBootstrapEnded struct {
	EndedBy     common.Address
	PoolAddress common.Address
	ConfigNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingBootstrapEndedEventName = "BootstrapEnded"

// ContractEventName returns the user-defined event name.
func (ThemisStakingBootstrapEnded) ContractEventName() string {
	return ThemisStakingBootstrapEndedEventName
}

// UnpackBootstrapEndedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BootstrapEnded(address indexed endedBy, address poolAddress, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackBootstrapEndedEvent(log *types.Log) (*ThemisStakingBootstrapEnded, error) {
	event := "BootstrapEnded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingBootstrapEnded)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingBootstrapStarted represents a BootstrapStarted event raised by the ThemisStaking contract.
type ThemisStakingBootstrapStarted struct {
	Owner       common.Address
	Deadline    uint64
	ConfigNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingBootstrapStartedEventName = "BootstrapStarted"

// ContractEventName returns the user-defined event name.
func (ThemisStakingBootstrapStarted) ContractEventName() string {
	return ThemisStakingBootstrapStartedEventName
}

// UnpackBootstrapStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event BootstrapStarted(address indexed owner, uint64 deadline, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackBootstrapStartedEvent(log *types.Log) (*ThemisStakingBootstrapStarted, error) {
	event := "BootstrapStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingBootstrapStarted)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingEscrowRefunded represents a EscrowRefunded event raised by the ThemisStaking contract.
type ThemisStakingEscrowRefunded struct {
	EscrowId    *big.Int
	SequencerId *big.Int
	Recipient   common.Address
	Amount      *big.Int
	LedgerNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingEscrowRefundedEventName = "EscrowRefunded"

// ContractEventName returns the user-defined event name.
func (ThemisStakingEscrowRefunded) ContractEventName() string {
	return ThemisStakingEscrowRefundedEventName
}

// UnpackEscrowRefundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EscrowRefunded(uint256 indexed escrowId, uint256 indexed sequencerId, address indexed recipient, uint256 amount, uint256 ledgerNonce)
func (themisStaking *ThemisStaking) UnpackEscrowRefundedEvent(log *types.Log) (*ThemisStakingEscrowRefunded, error) {
	event := "EscrowRefunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingEscrowRefunded)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingEscrowReleased represents a EscrowReleased event raised by the ThemisStaking contract.
type ThemisStakingEscrowReleased struct {
	EscrowId    *big.Int
	SequencerId *big.Int
	Treasury    common.Address
	Amount      *big.Int
	LedgerNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingEscrowReleasedEventName = "EscrowReleased"

// ContractEventName returns the user-defined event name.
func (ThemisStakingEscrowReleased) ContractEventName() string {
	return ThemisStakingEscrowReleasedEventName
}

// UnpackEscrowReleasedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event EscrowReleased(uint256 indexed escrowId, uint256 indexed sequencerId, address indexed treasury, uint256 amount, uint256 ledgerNonce)
func (themisStaking *ThemisStaking) UnpackEscrowReleasedEvent(log *types.Log) (*ThemisStakingEscrowReleased, error) {
	event := "EscrowReleased"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingEscrowReleased)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingExitDelayUpdated represents a ExitDelayUpdated event raised by the ThemisStaking contract.
type ThemisStakingExitDelayUpdated struct {
	ExitDelay   *big.Int
	ConfigNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingExitDelayUpdatedEventName = "ExitDelayUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingExitDelayUpdated) ContractEventName() string {
	return ThemisStakingExitDelayUpdatedEventName
}

// UnpackExitDelayUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event ExitDelayUpdated(uint256 exitDelay, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackExitDelayUpdatedEvent(log *types.Log) (*ThemisStakingExitDelayUpdated, error) {
	event := "ExitDelayUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingExitDelayUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingLockLimitsUpdated represents a LockLimitsUpdated event raised by the ThemisStaking contract.
type ThemisStakingLockLimitsUpdated struct {
	MinLock     *big.Int
	MaxLock     *big.Int
	ConfigNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingLockLimitsUpdatedEventName = "LockLimitsUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingLockLimitsUpdated) ContractEventName() string {
	return ThemisStakingLockLimitsUpdatedEventName
}

// UnpackLockLimitsUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event LockLimitsUpdated(uint256 minLock, uint256 maxLock, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackLockLimitsUpdatedEvent(log *types.Log) (*ThemisStakingLockLimitsUpdated, error) {
	event := "LockLimitsUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingLockLimitsUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingLocked represents a Locked event raised by the ThemisStaking contract.
type ThemisStakingLocked struct {
	SequencerId     *big.Int
	Owner           common.Address
	Signer          common.Address
	Pubkey          []byte
	Amount          *big.Int
	RewardRecipient common.Address
	Nonce           *big.Int
	Raw             *types.Log // Blockchain specific contextual infos
}

const ThemisStakingLockedEventName = "Locked"

// ContractEventName returns the user-defined event name.
func (ThemisStakingLocked) ContractEventName() string {
	return ThemisStakingLockedEventName
}

// UnpackLockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Locked(uint256 indexed sequencerId, address indexed owner, address indexed signer, bytes pubkey, uint256 amount, address rewardRecipient, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackLockedEvent(log *types.Log) (*ThemisStakingLocked, error) {
	event := "Locked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingLocked)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingOwnershipTransferStarted represents a OwnershipTransferStarted event raised by the ThemisStaking contract.
type ThemisStakingOwnershipTransferStarted struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ThemisStakingOwnershipTransferStartedEventName = "OwnershipTransferStarted"

// ContractEventName returns the user-defined event name.
func (ThemisStakingOwnershipTransferStarted) ContractEventName() string {
	return ThemisStakingOwnershipTransferStartedEventName
}

// UnpackOwnershipTransferStartedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner)
func (themisStaking *ThemisStaking) UnpackOwnershipTransferStartedEvent(log *types.Log) (*ThemisStakingOwnershipTransferStarted, error) {
	event := "OwnershipTransferStarted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingOwnershipTransferStarted)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingOwnershipTransferred represents a OwnershipTransferred event raised by the ThemisStaking contract.
type ThemisStakingOwnershipTransferred struct {
	PreviousOwner common.Address
	NewOwner      common.Address
	Raw           *types.Log // Blockchain specific contextual infos
}

const ThemisStakingOwnershipTransferredEventName = "OwnershipTransferred"

// ContractEventName returns the user-defined event name.
func (ThemisStakingOwnershipTransferred) ContractEventName() string {
	return ThemisStakingOwnershipTransferredEventName
}

// UnpackOwnershipTransferredEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event OwnershipTransferred(address indexed previousOwner, address indexed newOwner)
func (themisStaking *ThemisStaking) UnpackOwnershipTransferredEvent(log *types.Log) (*ThemisStakingOwnershipTransferred, error) {
	event := "OwnershipTransferred"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingOwnershipTransferred)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPauseUpdated represents a PauseUpdated event raised by the ThemisStaking contract.
type ThemisStakingPauseUpdated struct {
	By          common.Address
	PausedUntil uint64
	ConfigNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPauseUpdatedEventName = "PauseUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPauseUpdated) ContractEventName() string {
	return ThemisStakingPauseUpdatedEventName
}

// UnpackPauseUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PauseUpdated(address indexed by, uint64 pausedUntil, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackPauseUpdatedEvent(log *types.Log) (*ThemisStakingPauseUpdated, error) {
	event := "PauseUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPauseUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPoolAddressProposed represents a PoolAddressProposed event raised by the ThemisStaking contract.
type ThemisStakingPoolAddressProposed struct {
	CurrentPool  common.Address
	ProposedPool common.Address
	ProposedBy   common.Address
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPoolAddressProposedEventName = "PoolAddressProposed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPoolAddressProposed) ContractEventName() string {
	return ThemisStakingPoolAddressProposedEventName
}

// UnpackPoolAddressProposedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PoolAddressProposed(address indexed currentPool, address indexed proposedPool, address indexed proposedBy)
func (themisStaking *ThemisStaking) UnpackPoolAddressProposedEvent(log *types.Log) (*ThemisStakingPoolAddressProposed, error) {
	event := "PoolAddressProposed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPoolAddressProposed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPoolAddressUpdated represents a PoolAddressUpdated event raised by the ThemisStaking contract.
type ThemisStakingPoolAddressUpdated struct {
	PreviousPool common.Address
	NewPool      common.Address
	ConfigNonce  *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPoolAddressUpdatedEventName = "PoolAddressUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPoolAddressUpdated) ContractEventName() string {
	return ThemisStakingPoolAddressUpdatedEventName
}

// UnpackPoolAddressUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PoolAddressUpdated(address indexed previousPool, address indexed newPool, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackPoolAddressUpdatedEvent(log *types.Log) (*ThemisStakingPoolAddressUpdated, error) {
	event := "PoolAddressUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPoolAddressUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPoolRecoveryCancelled represents a PoolRecoveryCancelled event raised by the ThemisStaking contract.
type ThemisStakingPoolRecoveryCancelled struct {
	ProposedPool common.Address
	CancelledBy  common.Address
	ConfigNonce  *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPoolRecoveryCancelledEventName = "PoolRecoveryCancelled"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPoolRecoveryCancelled) ContractEventName() string {
	return ThemisStakingPoolRecoveryCancelledEventName
}

// UnpackPoolRecoveryCancelledEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PoolRecoveryCancelled(address indexed proposedPool, address indexed cancelledBy, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackPoolRecoveryCancelledEvent(log *types.Log) (*ThemisStakingPoolRecoveryCancelled, error) {
	event := "PoolRecoveryCancelled"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPoolRecoveryCancelled)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingPoolRecoveryProposed represents a PoolRecoveryProposed event raised by the ThemisStaking contract.
type ThemisStakingPoolRecoveryProposed struct {
	CurrentPool  common.Address
	ProposedPool common.Address
	EffectiveAt  uint64
	ConfigNonce  *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingPoolRecoveryProposedEventName = "PoolRecoveryProposed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingPoolRecoveryProposed) ContractEventName() string {
	return ThemisStakingPoolRecoveryProposedEventName
}

// UnpackPoolRecoveryProposedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event PoolRecoveryProposed(address indexed currentPool, address indexed proposedPool, uint64 effectiveAt, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackPoolRecoveryProposedEvent(log *types.Log) (*ThemisStakingPoolRecoveryProposed, error) {
	event := "PoolRecoveryProposed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingPoolRecoveryProposed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRelocked represents a Relocked event raised by the ThemisStaking contract.
type ThemisStakingRelocked struct {
	SequencerId *big.Int
	Amount      *big.Int
	Total       *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRelockedEventName = "Relocked"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRelocked) ContractEventName() string {
	return ThemisStakingRelockedEventName
}

// UnpackRelockedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Relocked(uint256 indexed sequencerId, uint256 amount, uint256 total, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackRelockedEvent(log *types.Log) (*ThemisStakingRelocked, error) {
	event := "Relocked"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRelocked)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardBatchSubmitted represents a RewardBatchSubmitted event raised by the ThemisStaking contract.
type ThemisStakingRewardBatchSubmitted struct {
	BatchId     *big.Int
	Count       *big.Int
	Total       *big.Int
	Reserve     *big.Int
	LedgerNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardBatchSubmittedEventName = "RewardBatchSubmitted"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardBatchSubmitted) ContractEventName() string {
	return ThemisStakingRewardBatchSubmittedEventName
}

// UnpackRewardBatchSubmittedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardBatchSubmitted(uint256 indexed batchId, uint256 count, uint256 total, uint256 reserve, uint256 ledgerNonce)
func (themisStaking *ThemisStaking) UnpackRewardBatchSubmittedEvent(log *types.Log) (*ThemisStakingRewardBatchSubmitted, error) {
	event := "RewardBatchSubmitted"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardBatchSubmitted)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardCredited represents a RewardCredited event raised by the ThemisStaking contract.
type ThemisStakingRewardCredited struct {
	SequencerId *big.Int
	BatchId     *big.Int
	Amount      *big.Int
	Pending     *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardCreditedEventName = "RewardCredited"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardCredited) ContractEventName() string {
	return ThemisStakingRewardCreditedEventName
}

// UnpackRewardCreditedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardCredited(uint256 indexed sequencerId, uint256 indexed batchId, uint256 amount, uint256 pending)
func (themisStaking *ThemisStaking) UnpackRewardCreditedEvent(log *types.Log) (*ThemisStakingRewardCredited, error) {
	event := "RewardCredited"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardCredited)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardRecipientChanged represents a RewardRecipientChanged event raised by the ThemisStaking contract.
type ThemisStakingRewardRecipientChanged struct {
	SequencerId       *big.Int
	PreviousRecipient common.Address
	NewRecipient      common.Address
	Nonce             *big.Int
	Raw               *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardRecipientChangedEventName = "RewardRecipientChanged"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardRecipientChanged) ContractEventName() string {
	return ThemisStakingRewardRecipientChangedEventName
}

// UnpackRewardRecipientChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardRecipientChanged(uint256 indexed sequencerId, address indexed previousRecipient, address indexed newRecipient, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackRewardRecipientChangedEvent(log *types.Log) (*ThemisStakingRewardRecipientChanged, error) {
	event := "RewardRecipientChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardRecipientChanged)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardsFunded represents a RewardsFunded event raised by the ThemisStaking contract.
type ThemisStakingRewardsFunded struct {
	Funder      common.Address
	Amount      *big.Int
	Reserve     *big.Int
	LedgerNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardsFundedEventName = "RewardsFunded"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardsFunded) ContractEventName() string {
	return ThemisStakingRewardsFundedEventName
}

// UnpackRewardsFundedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardsFunded(address indexed funder, uint256 amount, uint256 reserve, uint256 ledgerNonce)
func (themisStaking *ThemisStaking) UnpackRewardsFundedEvent(log *types.Log) (*ThemisStakingRewardsFunded, error) {
	event := "RewardsFunded"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardsFunded)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingRewardsWithdrawn represents a RewardsWithdrawn event raised by the ThemisStaking contract.
type ThemisStakingRewardsWithdrawn struct {
	SequencerId *big.Int
	Recipient   common.Address
	Amount      *big.Int
	LedgerNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingRewardsWithdrawnEventName = "RewardsWithdrawn"

// ContractEventName returns the user-defined event name.
func (ThemisStakingRewardsWithdrawn) ContractEventName() string {
	return ThemisStakingRewardsWithdrawnEventName
}

// UnpackRewardsWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event RewardsWithdrawn(uint256 indexed sequencerId, address indexed recipient, uint256 amount, uint256 ledgerNonce)
func (themisStaking *ThemisStaking) UnpackRewardsWithdrawnEvent(log *types.Log) (*ThemisStakingRewardsWithdrawn, error) {
	event := "RewardsWithdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingRewardsWithdrawn)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingSignerChanged represents a SignerChanged event raised by the ThemisStaking contract.
type ThemisStakingSignerChanged struct {
	SequencerId *big.Int
	OldSigner   common.Address
	NewSigner   common.Address
	NewPubkey   []byte
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingSignerChangedEventName = "SignerChanged"

// ContractEventName returns the user-defined event name.
func (ThemisStakingSignerChanged) ContractEventName() string {
	return ThemisStakingSignerChangedEventName
}

// UnpackSignerChangedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event SignerChanged(uint256 indexed sequencerId, address indexed oldSigner, address indexed newSigner, bytes newPubkey, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackSignerChangedEvent(log *types.Log) (*ThemisStakingSignerChanged, error) {
	event := "SignerChanged"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingSignerChanged)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingSlashed represents a Slashed event raised by the ThemisStaking contract.
type ThemisStakingSlashed struct {
	SequencerId *big.Int
	EscrowId    *big.Int
	OffenceId   [32]byte
	Severity    uint8
	Amount      *big.Int
	Total       *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingSlashedEventName = "Slashed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingSlashed) ContractEventName() string {
	return ThemisStakingSlashedEventName
}

// UnpackSlashedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Slashed(uint256 indexed sequencerId, uint256 indexed escrowId, bytes32 indexed offenceId, uint8 severity, uint256 amount, uint256 total, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackSlashedEvent(log *types.Log) (*ThemisStakingSlashed, error) {
	event := "Slashed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingSlashed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingTreasuryUpdated represents a TreasuryUpdated event raised by the ThemisStaking contract.
type ThemisStakingTreasuryUpdated struct {
	PreviousTreasury common.Address
	NewTreasury      common.Address
	ConfigNonce      *big.Int
	Raw              *types.Log // Blockchain specific contextual infos
}

const ThemisStakingTreasuryUpdatedEventName = "TreasuryUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingTreasuryUpdated) ContractEventName() string {
	return ThemisStakingTreasuryUpdatedEventName
}

// UnpackTreasuryUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackTreasuryUpdatedEvent(log *types.Log) (*ThemisStakingTreasuryUpdated, error) {
	event := "TreasuryUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingTreasuryUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingUnlockClaimed represents a UnlockClaimed event raised by the ThemisStaking contract.
type ThemisStakingUnlockClaimed struct {
	SequencerId *big.Int
	Amount      *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingUnlockClaimedEventName = "UnlockClaimed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingUnlockClaimed) ContractEventName() string {
	return ThemisStakingUnlockClaimedEventName
}

// UnpackUnlockClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UnlockClaimed(uint256 indexed sequencerId, uint256 amount, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackUnlockClaimedEvent(log *types.Log) (*ThemisStakingUnlockClaimed, error) {
	event := "UnlockClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingUnlockClaimed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingUnlockInitiated represents a UnlockInitiated event raised by the ThemisStaking contract.
type ThemisStakingUnlockInitiated struct {
	SequencerId  *big.Int
	UnlockableAt *big.Int
	Nonce        *big.Int
	Raw          *types.Log // Blockchain specific contextual infos
}

const ThemisStakingUnlockInitiatedEventName = "UnlockInitiated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingUnlockInitiated) ContractEventName() string {
	return ThemisStakingUnlockInitiatedEventName
}

// UnpackUnlockInitiatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event UnlockInitiated(uint256 indexed sequencerId, uint256 unlockableAt, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackUnlockInitiatedEvent(log *types.Log) (*ThemisStakingUnlockInitiated, error) {
	event := "UnlockInitiated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingUnlockInitiated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingWhitelistUpdated represents a WhitelistUpdated event raised by the ThemisStaking contract.
type ThemisStakingWhitelistUpdated struct {
	Account     common.Address
	Allowed     bool
	ConfigNonce *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingWhitelistUpdatedEventName = "WhitelistUpdated"

// ContractEventName returns the user-defined event name.
func (ThemisStakingWhitelistUpdated) ContractEventName() string {
	return ThemisStakingWhitelistUpdatedEventName
}

// UnpackWhitelistUpdatedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WhitelistUpdated(address indexed account, bool allowed, uint256 configNonce)
func (themisStaking *ThemisStaking) UnpackWhitelistUpdatedEvent(log *types.Log) (*ThemisStakingWhitelistUpdated, error) {
	event := "WhitelistUpdated"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingWhitelistUpdated)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingWithdrawalClaimed represents a WithdrawalClaimed event raised by the ThemisStaking contract.
type ThemisStakingWithdrawalClaimed struct {
	SequencerId *big.Int
	Owner       common.Address
	Amount      *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingWithdrawalClaimedEventName = "WithdrawalClaimed"

// ContractEventName returns the user-defined event name.
func (ThemisStakingWithdrawalClaimed) ContractEventName() string {
	return ThemisStakingWithdrawalClaimedEventName
}

// UnpackWithdrawalClaimedEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event WithdrawalClaimed(uint256 indexed sequencerId, address indexed owner, uint256 amount)
func (themisStaking *ThemisStaking) UnpackWithdrawalClaimedEvent(log *types.Log) (*ThemisStakingWithdrawalClaimed, error) {
	event := "WithdrawalClaimed"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingWithdrawalClaimed)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// ThemisStakingWithdrawn represents a Withdrawn event raised by the ThemisStaking contract.
type ThemisStakingWithdrawn struct {
	SequencerId *big.Int
	Amount      *big.Int
	Total       *big.Int
	Nonce       *big.Int
	Raw         *types.Log // Blockchain specific contextual infos
}

const ThemisStakingWithdrawnEventName = "Withdrawn"

// ContractEventName returns the user-defined event name.
func (ThemisStakingWithdrawn) ContractEventName() string {
	return ThemisStakingWithdrawnEventName
}

// UnpackWithdrawnEvent is the Go binding that unpacks the event data emitted
// by contract.
//
// Solidity: event Withdrawn(uint256 indexed sequencerId, uint256 amount, uint256 total, uint256 nonce)
func (themisStaking *ThemisStaking) UnpackWithdrawnEvent(log *types.Log) (*ThemisStakingWithdrawn, error) {
	event := "Withdrawn"
	if len(log.Topics) == 0 {
		return nil, bind.ErrNoEventSignature
	}
	if log.Topics[0] != themisStaking.abi.Events[event].ID {
		return nil, bind.ErrEventSignatureMismatch
	}
	out := new(ThemisStakingWithdrawn)
	if len(log.Data) > 0 {
		if err := themisStaking.abi.UnpackIntoInterface(out, event, log.Data); err != nil {
			return nil, err
		}
	}
	var indexed abi.Arguments
	for _, arg := range themisStaking.abi.Events[event].Inputs {
		if arg.Indexed {
			indexed = append(indexed, arg)
		}
	}
	if err := abi.ParseTopics(out, indexed, log.Topics[1:]); err != nil {
		return nil, err
	}
	out.Raw = log
	return out, nil
}

// UnpackError attempts to decode the provided error data using user-defined
// error definitions.
func (themisStaking *ThemisStaking) UnpackError(raw []byte) (any, error) {
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["AlreadyHasSequencer"].ID.Bytes()[:4]) {
		return themisStaking.UnpackAlreadyHasSequencerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["BelowMinLock"].ID.Bytes()[:4]) {
		return themisStaking.UnpackBelowMinLockError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["BootstrapOver"].ID.Bytes()[:4]) {
		return themisStaking.UnpackBootstrapOverError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["BootstrapPeriodTooLong"].ID.Bytes()[:4]) {
		return themisStaking.UnpackBootstrapPeriodTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ContractPaused"].ID.Bytes()[:4]) {
		return themisStaking.UnpackContractPausedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["EscrowNotReleasable"].ID.Bytes()[:4]) {
		return themisStaking.UnpackEscrowNotReleasableError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["EscrowRefundWindowClosed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackEscrowRefundWindowClosedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["EscrowSettled"].ID.Bytes()[:4]) {
		return themisStaking.UnpackEscrowSettledError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ExitDelayOutOfRange"].ID.Bytes()[:4]) {
		return themisStaking.UnpackExitDelayOutOfRangeError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["FundingTooSmall"].ID.Bytes()[:4]) {
		return themisStaking.UnpackFundingTooSmallError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InsufficientRewardReserve"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInsufficientRewardReserveError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InvalidLockLimits"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInvalidLockLimitsError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InvalidPubkeyLength"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInvalidPubkeyLengthError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InvalidSeverity"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInvalidSeverityError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["InvalidSignerProof"].ID.Bytes()[:4]) {
		return themisStaking.UnpackInvalidSignerProofError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["LengthMismatch"].ID.Bytes()[:4]) {
		return themisStaking.UnpackLengthMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NoPendingRewards"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNoPendingRewardsError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NoPendingWithdrawal"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNoPendingWithdrawalError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NoPoolRecovery"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNoPoolRecoveryError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotAdmin"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotAdminError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotOwner"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotPendingOwner"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotPendingOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotPendingPoolAddress"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotPendingPoolAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotPoolAddress"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotPoolAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotRecoveryPool"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotRecoveryPoolError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotSequencerOwner"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotSequencerOwnerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["NotWhitelisted"].ID.Bytes()[:4]) {
		return themisStaking.UnpackNotWhitelistedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["OffenceAlreadySlashed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackOffenceAlreadySlashedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["PauseTooLong"].ID.Bytes()[:4]) {
		return themisStaking.UnpackPauseTooLongError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["PoolAddressAlreadySet"].ID.Bytes()[:4]) {
		return themisStaking.UnpackPoolAddressAlreadySetError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["PoolAddressNotSet"].ID.Bytes()[:4]) {
		return themisStaking.UnpackPoolAddressNotSetError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["PoolRecoveryNotReady"].ID.Bytes()[:4]) {
		return themisStaking.UnpackPoolRecoveryNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["PubkeyNotOnCurve"].ID.Bytes()[:4]) {
		return themisStaking.UnpackPubkeyNotOnCurveError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SequencerNotActive"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSequencerNotActiveError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SequencerNotUnlocking"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSequencerNotUnlockingError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SequencerUnlocked"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSequencerUnlockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["SignerAlreadyUsed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackSignerAlreadyUsedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["TokenTransferFailed"].ID.Bytes()[:4]) {
		return themisStaking.UnpackTokenTransferFailedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["TransferAmountMismatch"].ID.Bytes()[:4]) {
		return themisStaking.UnpackTransferAmountMismatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnexpectedRewardBatch"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnexpectedRewardBatchError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnknownEscrow"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnknownEscrowError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnknownSequencer"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnknownSequencerError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["UnlockNotReady"].ID.Bytes()[:4]) {
		return themisStaking.UnpackUnlockNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["WithdrawExceedsLocked"].ID.Bytes()[:4]) {
		return themisStaking.UnpackWithdrawExceedsLockedError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["WithdrawalNotReady"].ID.Bytes()[:4]) {
		return themisStaking.UnpackWithdrawalNotReadyError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ZeroAddress"].ID.Bytes()[:4]) {
		return themisStaking.UnpackZeroAddressError(raw[4:])
	}
	if bytes.Equal(raw[:4], themisStaking.abi.Errors["ZeroAmount"].ID.Bytes()[:4]) {
		return themisStaking.UnpackZeroAmountError(raw[4:])
	}
	return nil, errors.New("Unknown error")
}

// ThemisStakingAlreadyHasSequencer represents a AlreadyHasSequencer error raised by the ThemisStaking contract.
type ThemisStakingAlreadyHasSequencer struct {
	Account     common.Address
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error AlreadyHasSequencer(address account, uint256 sequencerId)
func ThemisStakingAlreadyHasSequencerErrorID() common.Hash {
	return common.HexToHash("0x5dc2c687e9854b20815d2b68035f05d025d006eb642ed0aafba0201b14202066")
}

// UnpackAlreadyHasSequencerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error AlreadyHasSequencer(address account, uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackAlreadyHasSequencerError(raw []byte) (*ThemisStakingAlreadyHasSequencer, error) {
	out := new(ThemisStakingAlreadyHasSequencer)
	if err := themisStaking.abi.UnpackIntoInterface(out, "AlreadyHasSequencer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingBelowMinLock represents a BelowMinLock error raised by the ThemisStaking contract.
type ThemisStakingBelowMinLock struct {
	Amount  *big.Int
	MinLock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BelowMinLock(uint256 amount, uint256 minLock)
func ThemisStakingBelowMinLockErrorID() common.Hash {
	return common.HexToHash("0x3ae13c35755678f88c75b32c4453242f4ba8e3e1782ea9347c6add21c4d7aaf5")
}

// UnpackBelowMinLockError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BelowMinLock(uint256 amount, uint256 minLock)
func (themisStaking *ThemisStaking) UnpackBelowMinLockError(raw []byte) (*ThemisStakingBelowMinLock, error) {
	out := new(ThemisStakingBelowMinLock)
	if err := themisStaking.abi.UnpackIntoInterface(out, "BelowMinLock", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingBootstrapOver represents a BootstrapOver error raised by the ThemisStaking contract.
type ThemisStakingBootstrapOver struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BootstrapOver()
func ThemisStakingBootstrapOverErrorID() common.Hash {
	return common.HexToHash("0xe4793b9cd6dd3ce550ebbf48a2534c9992a05b591fc4ef730386d1749c3dc6a2")
}

// UnpackBootstrapOverError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BootstrapOver()
func (themisStaking *ThemisStaking) UnpackBootstrapOverError(raw []byte) (*ThemisStakingBootstrapOver, error) {
	out := new(ThemisStakingBootstrapOver)
	if err := themisStaking.abi.UnpackIntoInterface(out, "BootstrapOver", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingBootstrapPeriodTooLong represents a BootstrapPeriodTooLong error raised by the ThemisStaking contract.
type ThemisStakingBootstrapPeriodTooLong struct {
	Period    *big.Int
	MaxPeriod *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error BootstrapPeriodTooLong(uint256 period, uint256 maxPeriod)
func ThemisStakingBootstrapPeriodTooLongErrorID() common.Hash {
	return common.HexToHash("0x7973405e7420d94d4589fd0fe1562001fd68eab16467ccf6f32e5be91f7cfa85")
}

// UnpackBootstrapPeriodTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error BootstrapPeriodTooLong(uint256 period, uint256 maxPeriod)
func (themisStaking *ThemisStaking) UnpackBootstrapPeriodTooLongError(raw []byte) (*ThemisStakingBootstrapPeriodTooLong, error) {
	out := new(ThemisStakingBootstrapPeriodTooLong)
	if err := themisStaking.abi.UnpackIntoInterface(out, "BootstrapPeriodTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingContractPaused represents a ContractPaused error raised by the ThemisStaking contract.
type ThemisStakingContractPaused struct {
	PausedUntil uint64
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ContractPaused(uint64 pausedUntil)
func ThemisStakingContractPausedErrorID() common.Hash {
	return common.HexToHash("0xdcb5e1ef798dba624665bfefc52ffb0997016b2920f2ad09b81f7257edc53054")
}

// UnpackContractPausedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ContractPaused(uint64 pausedUntil)
func (themisStaking *ThemisStaking) UnpackContractPausedError(raw []byte) (*ThemisStakingContractPaused, error) {
	out := new(ThemisStakingContractPaused)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ContractPaused", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingEscrowNotReleasable represents a EscrowNotReleasable error raised by the ThemisStaking contract.
type ThemisStakingEscrowNotReleasable struct {
	EscrowId     *big.Int
	ReleasableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EscrowNotReleasable(uint256 escrowId, uint256 releasableAt)
func ThemisStakingEscrowNotReleasableErrorID() common.Hash {
	return common.HexToHash("0x248d6b5b726d27663b2bd146a43b92312e359e67396be3213f2238359e73997f")
}

// UnpackEscrowNotReleasableError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EscrowNotReleasable(uint256 escrowId, uint256 releasableAt)
func (themisStaking *ThemisStaking) UnpackEscrowNotReleasableError(raw []byte) (*ThemisStakingEscrowNotReleasable, error) {
	out := new(ThemisStakingEscrowNotReleasable)
	if err := themisStaking.abi.UnpackIntoInterface(out, "EscrowNotReleasable", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingEscrowRefundWindowClosed represents a EscrowRefundWindowClosed error raised by the ThemisStaking contract.
type ThemisStakingEscrowRefundWindowClosed struct {
	EscrowId     *big.Int
	ReleasableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EscrowRefundWindowClosed(uint256 escrowId, uint256 releasableAt)
func ThemisStakingEscrowRefundWindowClosedErrorID() common.Hash {
	return common.HexToHash("0xcef0df6221efe9b21a0d8f2a6000a4a8124ece84d8d60d179889fbcde92a1884")
}

// UnpackEscrowRefundWindowClosedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EscrowRefundWindowClosed(uint256 escrowId, uint256 releasableAt)
func (themisStaking *ThemisStaking) UnpackEscrowRefundWindowClosedError(raw []byte) (*ThemisStakingEscrowRefundWindowClosed, error) {
	out := new(ThemisStakingEscrowRefundWindowClosed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "EscrowRefundWindowClosed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingEscrowSettled represents a EscrowSettled error raised by the ThemisStaking contract.
type ThemisStakingEscrowSettled struct {
	EscrowId *big.Int
	Status   uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error EscrowSettled(uint256 escrowId, uint8 status)
func ThemisStakingEscrowSettledErrorID() common.Hash {
	return common.HexToHash("0x3d8469c36ce8500d73d3d6042010b4e40a50af51fa01d2fa5d0d995919bda321")
}

// UnpackEscrowSettledError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error EscrowSettled(uint256 escrowId, uint8 status)
func (themisStaking *ThemisStaking) UnpackEscrowSettledError(raw []byte) (*ThemisStakingEscrowSettled, error) {
	out := new(ThemisStakingEscrowSettled)
	if err := themisStaking.abi.UnpackIntoInterface(out, "EscrowSettled", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingExitDelayOutOfRange represents a ExitDelayOutOfRange error raised by the ThemisStaking contract.
type ThemisStakingExitDelayOutOfRange struct {
	ExitDelay    *big.Int
	MinExitDelay *big.Int
	MaxExitDelay *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ExitDelayOutOfRange(uint256 exitDelay, uint256 minExitDelay, uint256 maxExitDelay)
func ThemisStakingExitDelayOutOfRangeErrorID() common.Hash {
	return common.HexToHash("0x46641348ab3b65ab0d53d9b0ee753e57a623632fe9ecf458f0a5c28194bf4de1")
}

// UnpackExitDelayOutOfRangeError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ExitDelayOutOfRange(uint256 exitDelay, uint256 minExitDelay, uint256 maxExitDelay)
func (themisStaking *ThemisStaking) UnpackExitDelayOutOfRangeError(raw []byte) (*ThemisStakingExitDelayOutOfRange, error) {
	out := new(ThemisStakingExitDelayOutOfRange)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ExitDelayOutOfRange", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingFundingTooSmall represents a FundingTooSmall error raised by the ThemisStaking contract.
type ThemisStakingFundingTooSmall struct {
	Amount  *big.Int
	Minimum *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error FundingTooSmall(uint256 amount, uint256 minimum)
func ThemisStakingFundingTooSmallErrorID() common.Hash {
	return common.HexToHash("0x8f343f7180e1437b4ac16c9b215ba7ef0ea7648ea79930e43374f9f7f7d8e85b")
}

// UnpackFundingTooSmallError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error FundingTooSmall(uint256 amount, uint256 minimum)
func (themisStaking *ThemisStaking) UnpackFundingTooSmallError(raw []byte) (*ThemisStakingFundingTooSmall, error) {
	out := new(ThemisStakingFundingTooSmall)
	if err := themisStaking.abi.UnpackIntoInterface(out, "FundingTooSmall", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInsufficientRewardReserve represents a InsufficientRewardReserve error raised by the ThemisStaking contract.
type ThemisStakingInsufficientRewardReserve struct {
	Needed    *big.Int
	Available *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InsufficientRewardReserve(uint256 needed, uint256 available)
func ThemisStakingInsufficientRewardReserveErrorID() common.Hash {
	return common.HexToHash("0x92b5c20862b47a58c1caf2af7632468599b85570d2c448f3c23213962d8c32df")
}

// UnpackInsufficientRewardReserveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InsufficientRewardReserve(uint256 needed, uint256 available)
func (themisStaking *ThemisStaking) UnpackInsufficientRewardReserveError(raw []byte) (*ThemisStakingInsufficientRewardReserve, error) {
	out := new(ThemisStakingInsufficientRewardReserve)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InsufficientRewardReserve", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInvalidLockLimits represents a InvalidLockLimits error raised by the ThemisStaking contract.
type ThemisStakingInvalidLockLimits struct {
	MinLock *big.Int
	MaxLock *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidLockLimits(uint256 minLock, uint256 maxLock)
func ThemisStakingInvalidLockLimitsErrorID() common.Hash {
	return common.HexToHash("0xa472c1b49caff0ff905274c67fd2df98233606333d687b35eb59ad58ec72d8d1")
}

// UnpackInvalidLockLimitsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidLockLimits(uint256 minLock, uint256 maxLock)
func (themisStaking *ThemisStaking) UnpackInvalidLockLimitsError(raw []byte) (*ThemisStakingInvalidLockLimits, error) {
	out := new(ThemisStakingInvalidLockLimits)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InvalidLockLimits", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInvalidPubkeyLength represents a InvalidPubkeyLength error raised by the ThemisStaking contract.
type ThemisStakingInvalidPubkeyLength struct {
	Length *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidPubkeyLength(uint256 length)
func ThemisStakingInvalidPubkeyLengthErrorID() common.Hash {
	return common.HexToHash("0x0aa7fd2cd1c6ac016ce81cc3e729b3ba99ddbe04ddad2f6e5d70a35dd531ac09")
}

// UnpackInvalidPubkeyLengthError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidPubkeyLength(uint256 length)
func (themisStaking *ThemisStaking) UnpackInvalidPubkeyLengthError(raw []byte) (*ThemisStakingInvalidPubkeyLength, error) {
	out := new(ThemisStakingInvalidPubkeyLength)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InvalidPubkeyLength", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInvalidSeverity represents a InvalidSeverity error raised by the ThemisStaking contract.
type ThemisStakingInvalidSeverity struct {
	Severity uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSeverity(uint8 severity)
func ThemisStakingInvalidSeverityErrorID() common.Hash {
	return common.HexToHash("0x49431c76610656c7827938db58e645d8c1849423d2763b749b7c18b8bba2cc3e")
}

// UnpackInvalidSeverityError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSeverity(uint8 severity)
func (themisStaking *ThemisStaking) UnpackInvalidSeverityError(raw []byte) (*ThemisStakingInvalidSeverity, error) {
	out := new(ThemisStakingInvalidSeverity)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InvalidSeverity", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingInvalidSignerProof represents a InvalidSignerProof error raised by the ThemisStaking contract.
type ThemisStakingInvalidSignerProof struct {
	ExpectedSigner common.Address
	Recovered      common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error InvalidSignerProof(address expectedSigner, address recovered)
func ThemisStakingInvalidSignerProofErrorID() common.Hash {
	return common.HexToHash("0x652f40f9bf0337dc9b59908aafda6d47db5dab1dc3710d00275333bc7bf794ba")
}

// UnpackInvalidSignerProofError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error InvalidSignerProof(address expectedSigner, address recovered)
func (themisStaking *ThemisStaking) UnpackInvalidSignerProofError(raw []byte) (*ThemisStakingInvalidSignerProof, error) {
	out := new(ThemisStakingInvalidSignerProof)
	if err := themisStaking.abi.UnpackIntoInterface(out, "InvalidSignerProof", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingLengthMismatch represents a LengthMismatch error raised by the ThemisStaking contract.
type ThemisStakingLengthMismatch struct {
	Ids     *big.Int
	Amounts *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error LengthMismatch(uint256 ids, uint256 amounts)
func ThemisStakingLengthMismatchErrorID() common.Hash {
	return common.HexToHash("0xab8b67c6893c59617ef3ba4b4b942e9791f2572db2fdb32028356532f3b7396a")
}

// UnpackLengthMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error LengthMismatch(uint256 ids, uint256 amounts)
func (themisStaking *ThemisStaking) UnpackLengthMismatchError(raw []byte) (*ThemisStakingLengthMismatch, error) {
	out := new(ThemisStakingLengthMismatch)
	if err := themisStaking.abi.UnpackIntoInterface(out, "LengthMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNoPendingRewards represents a NoPendingRewards error raised by the ThemisStaking contract.
type ThemisStakingNoPendingRewards struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPendingRewards(uint256 sequencerId)
func ThemisStakingNoPendingRewardsErrorID() common.Hash {
	return common.HexToHash("0x7ec8ecf48680abfa080feb04d27ca39b178a8e6d1d923ec4b18059debb32fe1f")
}

// UnpackNoPendingRewardsError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPendingRewards(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackNoPendingRewardsError(raw []byte) (*ThemisStakingNoPendingRewards, error) {
	out := new(ThemisStakingNoPendingRewards)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NoPendingRewards", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNoPendingWithdrawal represents a NoPendingWithdrawal error raised by the ThemisStaking contract.
type ThemisStakingNoPendingWithdrawal struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPendingWithdrawal(uint256 sequencerId)
func ThemisStakingNoPendingWithdrawalErrorID() common.Hash {
	return common.HexToHash("0xcd7a4aa5ea38490975f1f230ac592ddc597d05f15c4f3b82e4acd7c245438e51")
}

// UnpackNoPendingWithdrawalError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPendingWithdrawal(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackNoPendingWithdrawalError(raw []byte) (*ThemisStakingNoPendingWithdrawal, error) {
	out := new(ThemisStakingNoPendingWithdrawal)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NoPendingWithdrawal", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNoPoolRecovery represents a NoPoolRecovery error raised by the ThemisStaking contract.
type ThemisStakingNoPoolRecovery struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NoPoolRecovery()
func ThemisStakingNoPoolRecoveryErrorID() common.Hash {
	return common.HexToHash("0x5d77a1112e245a2fd905ec58a53217965ffdb50c011cf5cc917a8c9c4b41f744")
}

// UnpackNoPoolRecoveryError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NoPoolRecovery()
func (themisStaking *ThemisStaking) UnpackNoPoolRecoveryError(raw []byte) (*ThemisStakingNoPoolRecovery, error) {
	out := new(ThemisStakingNoPoolRecovery)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NoPoolRecovery", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotAdmin represents a NotAdmin error raised by the ThemisStaking contract.
type ThemisStakingNotAdmin struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotAdmin(address caller)
func ThemisStakingNotAdminErrorID() common.Hash {
	return common.HexToHash("0x17a8424239494df835a470bd5e48f10a94b5febfef662a1917fe31decebbedeb")
}

// UnpackNotAdminError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotAdmin(address caller)
func (themisStaking *ThemisStaking) UnpackNotAdminError(raw []byte) (*ThemisStakingNotAdmin, error) {
	out := new(ThemisStakingNotAdmin)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotAdmin", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotOwner represents a NotOwner error raised by the ThemisStaking contract.
type ThemisStakingNotOwner struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotOwner(address caller)
func ThemisStakingNotOwnerErrorID() common.Hash {
	return common.HexToHash("0x245aecd3fabbd17d6c3c92dc7f0ab916ea8cbf6fc1862c8b56893090ac3fff4c")
}

// UnpackNotOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotOwner(address caller)
func (themisStaking *ThemisStaking) UnpackNotOwnerError(raw []byte) (*ThemisStakingNotOwner, error) {
	out := new(ThemisStakingNotOwner)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotPendingOwner represents a NotPendingOwner error raised by the ThemisStaking contract.
type ThemisStakingNotPendingOwner struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPendingOwner(address caller)
func ThemisStakingNotPendingOwnerErrorID() common.Hash {
	return common.HexToHash("0xa09b9a43f5079ab76282436418880308d29eac5d371578b36d8ee3ff8e88597d")
}

// UnpackNotPendingOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPendingOwner(address caller)
func (themisStaking *ThemisStaking) UnpackNotPendingOwnerError(raw []byte) (*ThemisStakingNotPendingOwner, error) {
	out := new(ThemisStakingNotPendingOwner)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotPendingOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotPendingPoolAddress represents a NotPendingPoolAddress error raised by the ThemisStaking contract.
type ThemisStakingNotPendingPoolAddress struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPendingPoolAddress(address caller)
func ThemisStakingNotPendingPoolAddressErrorID() common.Hash {
	return common.HexToHash("0x5f185106ed27eea3b704c5eb436fb3224fc4a94ca4551accbec81576a3e0dfff")
}

// UnpackNotPendingPoolAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPendingPoolAddress(address caller)
func (themisStaking *ThemisStaking) UnpackNotPendingPoolAddressError(raw []byte) (*ThemisStakingNotPendingPoolAddress, error) {
	out := new(ThemisStakingNotPendingPoolAddress)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotPendingPoolAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotPoolAddress represents a NotPoolAddress error raised by the ThemisStaking contract.
type ThemisStakingNotPoolAddress struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotPoolAddress(address caller)
func ThemisStakingNotPoolAddressErrorID() common.Hash {
	return common.HexToHash("0xc8174e38bcd7853d880373c03d2d7e833305aec29694551af549ae7a49798488")
}

// UnpackNotPoolAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotPoolAddress(address caller)
func (themisStaking *ThemisStaking) UnpackNotPoolAddressError(raw []byte) (*ThemisStakingNotPoolAddress, error) {
	out := new(ThemisStakingNotPoolAddress)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotPoolAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotRecoveryPool represents a NotRecoveryPool error raised by the ThemisStaking contract.
type ThemisStakingNotRecoveryPool struct {
	Caller common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotRecoveryPool(address caller)
func ThemisStakingNotRecoveryPoolErrorID() common.Hash {
	return common.HexToHash("0x402ab82d968d4e9472d7d4d9d266d21b39b7828ec14ab011ac6d97be09c0edcf")
}

// UnpackNotRecoveryPoolError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotRecoveryPool(address caller)
func (themisStaking *ThemisStaking) UnpackNotRecoveryPoolError(raw []byte) (*ThemisStakingNotRecoveryPool, error) {
	out := new(ThemisStakingNotRecoveryPool)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotRecoveryPool", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotSequencerOwner represents a NotSequencerOwner error raised by the ThemisStaking contract.
type ThemisStakingNotSequencerOwner struct {
	SequencerId *big.Int
	Caller      common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotSequencerOwner(uint256 sequencerId, address caller)
func ThemisStakingNotSequencerOwnerErrorID() common.Hash {
	return common.HexToHash("0xf21f11cb5ff102986584a03b8f4a718fba096a860d8a41c549176645f9535719")
}

// UnpackNotSequencerOwnerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotSequencerOwner(uint256 sequencerId, address caller)
func (themisStaking *ThemisStaking) UnpackNotSequencerOwnerError(raw []byte) (*ThemisStakingNotSequencerOwner, error) {
	out := new(ThemisStakingNotSequencerOwner)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotSequencerOwner", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingNotWhitelisted represents a NotWhitelisted error raised by the ThemisStaking contract.
type ThemisStakingNotWhitelisted struct {
	Account common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error NotWhitelisted(address account)
func ThemisStakingNotWhitelistedErrorID() common.Hash {
	return common.HexToHash("0xdf17e316032919b4d020f3d17715bf5a2981e17bdf01d2032cf9085963ea2ba8")
}

// UnpackNotWhitelistedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error NotWhitelisted(address account)
func (themisStaking *ThemisStaking) UnpackNotWhitelistedError(raw []byte) (*ThemisStakingNotWhitelisted, error) {
	out := new(ThemisStakingNotWhitelisted)
	if err := themisStaking.abi.UnpackIntoInterface(out, "NotWhitelisted", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingOffenceAlreadySlashed represents a OffenceAlreadySlashed error raised by the ThemisStaking contract.
type ThemisStakingOffenceAlreadySlashed struct {
	OffenceId   [32]byte
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error OffenceAlreadySlashed(bytes32 offenceId, uint256 sequencerId)
func ThemisStakingOffenceAlreadySlashedErrorID() common.Hash {
	return common.HexToHash("0x0becb7157ddc55ee580be5667887778ac0e44f641bc5d082ffe76b484cf9fb06")
}

// UnpackOffenceAlreadySlashedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error OffenceAlreadySlashed(bytes32 offenceId, uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackOffenceAlreadySlashedError(raw []byte) (*ThemisStakingOffenceAlreadySlashed, error) {
	out := new(ThemisStakingOffenceAlreadySlashed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "OffenceAlreadySlashed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingPauseTooLong represents a PauseTooLong error raised by the ThemisStaking contract.
type ThemisStakingPauseTooLong struct {
	Duration    *big.Int
	MaxDuration *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PauseTooLong(uint256 duration, uint256 maxDuration)
func ThemisStakingPauseTooLongErrorID() common.Hash {
	return common.HexToHash("0xf68b9a5e50a4f0a63521ba52c6b5ced434523e7be15caac98dd5290d53093aeb")
}

// UnpackPauseTooLongError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PauseTooLong(uint256 duration, uint256 maxDuration)
func (themisStaking *ThemisStaking) UnpackPauseTooLongError(raw []byte) (*ThemisStakingPauseTooLong, error) {
	out := new(ThemisStakingPauseTooLong)
	if err := themisStaking.abi.UnpackIntoInterface(out, "PauseTooLong", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingPoolAddressAlreadySet represents a PoolAddressAlreadySet error raised by the ThemisStaking contract.
type ThemisStakingPoolAddressAlreadySet struct {
	PoolAddress common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PoolAddressAlreadySet(address poolAddress)
func ThemisStakingPoolAddressAlreadySetErrorID() common.Hash {
	return common.HexToHash("0xd716f380ec0f59ee9250b90261ea9278c765189be784cb2d5d0a51dc0d0c25d5")
}

// UnpackPoolAddressAlreadySetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PoolAddressAlreadySet(address poolAddress)
func (themisStaking *ThemisStaking) UnpackPoolAddressAlreadySetError(raw []byte) (*ThemisStakingPoolAddressAlreadySet, error) {
	out := new(ThemisStakingPoolAddressAlreadySet)
	if err := themisStaking.abi.UnpackIntoInterface(out, "PoolAddressAlreadySet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingPoolAddressNotSet represents a PoolAddressNotSet error raised by the ThemisStaking contract.
type ThemisStakingPoolAddressNotSet struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PoolAddressNotSet()
func ThemisStakingPoolAddressNotSetErrorID() common.Hash {
	return common.HexToHash("0xf5033bf2ecd5e9eedf5e25c15e83d58dc83681fb445d87d21c4b97d190d6d253")
}

// UnpackPoolAddressNotSetError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PoolAddressNotSet()
func (themisStaking *ThemisStaking) UnpackPoolAddressNotSetError(raw []byte) (*ThemisStakingPoolAddressNotSet, error) {
	out := new(ThemisStakingPoolAddressNotSet)
	if err := themisStaking.abi.UnpackIntoInterface(out, "PoolAddressNotSet", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingPoolRecoveryNotReady represents a PoolRecoveryNotReady error raised by the ThemisStaking contract.
type ThemisStakingPoolRecoveryNotReady struct {
	EffectiveAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PoolRecoveryNotReady(uint256 effectiveAt)
func ThemisStakingPoolRecoveryNotReadyErrorID() common.Hash {
	return common.HexToHash("0x8d4b82c91ce14ad5b7a565fb9ddbd6ba54bbfe172f58e37e16dd89091da983d4")
}

// UnpackPoolRecoveryNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PoolRecoveryNotReady(uint256 effectiveAt)
func (themisStaking *ThemisStaking) UnpackPoolRecoveryNotReadyError(raw []byte) (*ThemisStakingPoolRecoveryNotReady, error) {
	out := new(ThemisStakingPoolRecoveryNotReady)
	if err := themisStaking.abi.UnpackIntoInterface(out, "PoolRecoveryNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingPubkeyNotOnCurve represents a PubkeyNotOnCurve error raised by the ThemisStaking contract.
type ThemisStakingPubkeyNotOnCurve struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error PubkeyNotOnCurve()
func ThemisStakingPubkeyNotOnCurveErrorID() common.Hash {
	return common.HexToHash("0xc5fadbb8ffab6c9bfba2382136eac0ad92223a45073e6efa80ee58a3b539741f")
}

// UnpackPubkeyNotOnCurveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error PubkeyNotOnCurve()
func (themisStaking *ThemisStaking) UnpackPubkeyNotOnCurveError(raw []byte) (*ThemisStakingPubkeyNotOnCurve, error) {
	out := new(ThemisStakingPubkeyNotOnCurve)
	if err := themisStaking.abi.UnpackIntoInterface(out, "PubkeyNotOnCurve", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSequencerNotActive represents a SequencerNotActive error raised by the ThemisStaking contract.
type ThemisStakingSequencerNotActive struct {
	SequencerId *big.Int
	Status      uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerNotActive(uint256 sequencerId, uint8 status)
func ThemisStakingSequencerNotActiveErrorID() common.Hash {
	return common.HexToHash("0x67b123f8efef010823cdd559ee3df2d8134b662d0600cf3b0f28a3bc0257d3b0")
}

// UnpackSequencerNotActiveError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerNotActive(uint256 sequencerId, uint8 status)
func (themisStaking *ThemisStaking) UnpackSequencerNotActiveError(raw []byte) (*ThemisStakingSequencerNotActive, error) {
	out := new(ThemisStakingSequencerNotActive)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SequencerNotActive", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSequencerNotUnlocking represents a SequencerNotUnlocking error raised by the ThemisStaking contract.
type ThemisStakingSequencerNotUnlocking struct {
	SequencerId *big.Int
	Status      uint8
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerNotUnlocking(uint256 sequencerId, uint8 status)
func ThemisStakingSequencerNotUnlockingErrorID() common.Hash {
	return common.HexToHash("0x9a9ee6b5e7590aa4285fb5fe3d52fb3dd612aafe42db0dea0e08ccba4aad15b2")
}

// UnpackSequencerNotUnlockingError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerNotUnlocking(uint256 sequencerId, uint8 status)
func (themisStaking *ThemisStaking) UnpackSequencerNotUnlockingError(raw []byte) (*ThemisStakingSequencerNotUnlocking, error) {
	out := new(ThemisStakingSequencerNotUnlocking)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SequencerNotUnlocking", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSequencerUnlocked represents a SequencerUnlocked error raised by the ThemisStaking contract.
type ThemisStakingSequencerUnlocked struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SequencerUnlocked(uint256 sequencerId)
func ThemisStakingSequencerUnlockedErrorID() common.Hash {
	return common.HexToHash("0x6b2048c512cac1fb48d9b5f056d5601c0cdc44e788ef9fc4607b439fa9c759a7")
}

// UnpackSequencerUnlockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SequencerUnlocked(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackSequencerUnlockedError(raw []byte) (*ThemisStakingSequencerUnlocked, error) {
	out := new(ThemisStakingSequencerUnlocked)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SequencerUnlocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingSignerAlreadyUsed represents a SignerAlreadyUsed error raised by the ThemisStaking contract.
type ThemisStakingSignerAlreadyUsed struct {
	Signer common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error SignerAlreadyUsed(address signer)
func ThemisStakingSignerAlreadyUsedErrorID() common.Hash {
	return common.HexToHash("0xaa6a4d5ca7963a863e599265a255d71c39acb92c6477b7fd70ea8788cf20d0c3")
}

// UnpackSignerAlreadyUsedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error SignerAlreadyUsed(address signer)
func (themisStaking *ThemisStaking) UnpackSignerAlreadyUsedError(raw []byte) (*ThemisStakingSignerAlreadyUsed, error) {
	out := new(ThemisStakingSignerAlreadyUsed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "SignerAlreadyUsed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingTokenTransferFailed represents a TokenTransferFailed error raised by the ThemisStaking contract.
type ThemisStakingTokenTransferFailed struct {
	Token common.Address
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TokenTransferFailed(address token)
func ThemisStakingTokenTransferFailedErrorID() common.Hash {
	return common.HexToHash("0x2b596cb7e9804a5202312682f04514d7f31332b7e5ffeaad4ba2ee9969d1d7d0")
}

// UnpackTokenTransferFailedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TokenTransferFailed(address token)
func (themisStaking *ThemisStaking) UnpackTokenTransferFailedError(raw []byte) (*ThemisStakingTokenTransferFailed, error) {
	out := new(ThemisStakingTokenTransferFailed)
	if err := themisStaking.abi.UnpackIntoInterface(out, "TokenTransferFailed", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingTransferAmountMismatch represents a TransferAmountMismatch error raised by the ThemisStaking contract.
type ThemisStakingTransferAmountMismatch struct {
	Expected *big.Int
	Received *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error TransferAmountMismatch(uint256 expected, uint256 received)
func ThemisStakingTransferAmountMismatchErrorID() common.Hash {
	return common.HexToHash("0xb6a9b654dee4927456f6162146bc13897422fded910bff5982bab9b0139eaa6c")
}

// UnpackTransferAmountMismatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error TransferAmountMismatch(uint256 expected, uint256 received)
func (themisStaking *ThemisStaking) UnpackTransferAmountMismatchError(raw []byte) (*ThemisStakingTransferAmountMismatch, error) {
	out := new(ThemisStakingTransferAmountMismatch)
	if err := themisStaking.abi.UnpackIntoInterface(out, "TransferAmountMismatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnexpectedRewardBatch represents a UnexpectedRewardBatch error raised by the ThemisStaking contract.
type ThemisStakingUnexpectedRewardBatch struct {
	Expected *big.Int
	Got      *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnexpectedRewardBatch(uint256 expected, uint256 got)
func ThemisStakingUnexpectedRewardBatchErrorID() common.Hash {
	return common.HexToHash("0x3491ad7450692e3246bd8887bddbaabf7cb86b787096786b858f9656d5f7dec1")
}

// UnpackUnexpectedRewardBatchError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnexpectedRewardBatch(uint256 expected, uint256 got)
func (themisStaking *ThemisStaking) UnpackUnexpectedRewardBatchError(raw []byte) (*ThemisStakingUnexpectedRewardBatch, error) {
	out := new(ThemisStakingUnexpectedRewardBatch)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnexpectedRewardBatch", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnknownEscrow represents a UnknownEscrow error raised by the ThemisStaking contract.
type ThemisStakingUnknownEscrow struct {
	EscrowId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownEscrow(uint256 escrowId)
func ThemisStakingUnknownEscrowErrorID() common.Hash {
	return common.HexToHash("0x198411553e40da89a94e88a1dd702a67a249a16f25b6c01bbbc6d3efcff57bc1")
}

// UnpackUnknownEscrowError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownEscrow(uint256 escrowId)
func (themisStaking *ThemisStaking) UnpackUnknownEscrowError(raw []byte) (*ThemisStakingUnknownEscrow, error) {
	out := new(ThemisStakingUnknownEscrow)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnknownEscrow", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnknownSequencer represents a UnknownSequencer error raised by the ThemisStaking contract.
type ThemisStakingUnknownSequencer struct {
	SequencerId *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnknownSequencer(uint256 sequencerId)
func ThemisStakingUnknownSequencerErrorID() common.Hash {
	return common.HexToHash("0x717c3e93c6a05fd03a4fcdf119c65b2bf1b75e2ba3195e84aac8847ee2b7b942")
}

// UnpackUnknownSequencerError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnknownSequencer(uint256 sequencerId)
func (themisStaking *ThemisStaking) UnpackUnknownSequencerError(raw []byte) (*ThemisStakingUnknownSequencer, error) {
	out := new(ThemisStakingUnknownSequencer)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnknownSequencer", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingUnlockNotReady represents a UnlockNotReady error raised by the ThemisStaking contract.
type ThemisStakingUnlockNotReady struct {
	SequencerId  *big.Int
	UnlockableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error UnlockNotReady(uint256 sequencerId, uint256 unlockableAt)
func ThemisStakingUnlockNotReadyErrorID() common.Hash {
	return common.HexToHash("0x91a574c8b97065665c83296b9fa6e5182d4e3e724273394c15d16877dadd5f96")
}

// UnpackUnlockNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error UnlockNotReady(uint256 sequencerId, uint256 unlockableAt)
func (themisStaking *ThemisStaking) UnpackUnlockNotReadyError(raw []byte) (*ThemisStakingUnlockNotReady, error) {
	out := new(ThemisStakingUnlockNotReady)
	if err := themisStaking.abi.UnpackIntoInterface(out, "UnlockNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingWithdrawExceedsLocked represents a WithdrawExceedsLocked error raised by the ThemisStaking contract.
type ThemisStakingWithdrawExceedsLocked struct {
	Amount *big.Int
	Locked *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WithdrawExceedsLocked(uint256 amount, uint256 locked)
func ThemisStakingWithdrawExceedsLockedErrorID() common.Hash {
	return common.HexToHash("0xe793df5658371a1ac6dd7df4d07e4e6acc6bdcfc91fde51c4f2dcd7f1fd166f7")
}

// UnpackWithdrawExceedsLockedError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WithdrawExceedsLocked(uint256 amount, uint256 locked)
func (themisStaking *ThemisStaking) UnpackWithdrawExceedsLockedError(raw []byte) (*ThemisStakingWithdrawExceedsLocked, error) {
	out := new(ThemisStakingWithdrawExceedsLocked)
	if err := themisStaking.abi.UnpackIntoInterface(out, "WithdrawExceedsLocked", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingWithdrawalNotReady represents a WithdrawalNotReady error raised by the ThemisStaking contract.
type ThemisStakingWithdrawalNotReady struct {
	SequencerId *big.Int
	ClaimableAt *big.Int
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error WithdrawalNotReady(uint256 sequencerId, uint256 claimableAt)
func ThemisStakingWithdrawalNotReadyErrorID() common.Hash {
	return common.HexToHash("0xb42fcca6bb4b1ebc214310297eb0ee39ba1a071b87b36bae8155171dad495058")
}

// UnpackWithdrawalNotReadyError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error WithdrawalNotReady(uint256 sequencerId, uint256 claimableAt)
func (themisStaking *ThemisStaking) UnpackWithdrawalNotReadyError(raw []byte) (*ThemisStakingWithdrawalNotReady, error) {
	out := new(ThemisStakingWithdrawalNotReady)
	if err := themisStaking.abi.UnpackIntoInterface(out, "WithdrawalNotReady", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingZeroAddress represents a ZeroAddress error raised by the ThemisStaking contract.
type ThemisStakingZeroAddress struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAddress()
func ThemisStakingZeroAddressErrorID() common.Hash {
	return common.HexToHash("0xd92e233df2717d4a40030e20904abd27b68fcbeede117eaaccbbdac9618c8c73")
}

// UnpackZeroAddressError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAddress()
func (themisStaking *ThemisStaking) UnpackZeroAddressError(raw []byte) (*ThemisStakingZeroAddress, error) {
	out := new(ThemisStakingZeroAddress)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ZeroAddress", raw); err != nil {
		return nil, err
	}
	return out, nil
}

// ThemisStakingZeroAmount represents a ZeroAmount error raised by the ThemisStaking contract.
type ThemisStakingZeroAmount struct {
}

// ErrorID returns the hash of canonical representation of the error's signature.
//
// Solidity: error ZeroAmount()
func ThemisStakingZeroAmountErrorID() common.Hash {
	return common.HexToHash("0x1f2a2005cb66a8e145327e8814e243a0996aec9bfe1e15a495778b1236dbd485")
}

// UnpackZeroAmountError is the Go binding used to decode the provided
// error data into the corresponding Go error struct.
//
// Solidity: error ZeroAmount()
func (themisStaking *ThemisStaking) UnpackZeroAmountError(raw []byte) (*ThemisStakingZeroAmount, error) {
	out := new(ThemisStakingZeroAmount)
	if err := themisStaking.abi.UnpackIntoInterface(out, "ZeroAmount", raw); err != nil {
		return nil, err
	}
	return out, nil
}
