// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "./IERC20.sol";
import {SafeTokenTransfer} from "./SafeTokenTransfer.sol";

/// @title ThemisStaking
/// @notice Sequencer staking on L1. Whitelisted operators lock the staking token for a signer
/// key they prove they hold; the Themis chain mirrors every change to a sequencer through the
/// bridge, from the eight events that carry a per-sequencer `nonce` (Locked, Relocked,
/// Withdrawn, UnlockInitiated, UnlockClaimed, SignerChanged, RewardRecipientChanged, Slashed),
/// every change to the contract's configuration from the events that carry `configNonce`, and
/// every movement of the reward reserve, credited rewards and escrows from the events that
/// carry `ledgerNonce` (RewardsFunded, RewardBatchSubmitted, RewardsWithdrawn, EscrowRefunded,
/// EscrowReleased).
///
/// Who may do what:
/// - Bootstrap (from deployment until `bootstrapDeadline`, or until the owner or the pool ends
///   it): the owner administers (whitelist, treasury, lock limits, exit delay, pause) and may
///   propose the first pool address. Once a pool address is set, only the pool rotates it.
/// - After bootstrap every administrative function is the pool's alone: themis governance,
///   through pool-signed transactions, is the one place that changes them.
/// - A lost pool key (fewer than t+1 shares survive) is recovered by the owner proposing a new
///   pool address, on a themis governance decision: it takes effect only after
///   POOL_RECOVERY_DELAY, the new address must accept it, the current pool can cancel it
///   until then, and any change of the pool voids it. The owner gets no other power back.
/// - A pause stops only new money coming in (lock, relock) and expires by itself; exits,
///   withdrawal claims, reward withdrawals and signer rotations always work.
/// - Tokens leave only after the exit delay (unlock or partial withdrawal), and stay slashable
///   until then.
/// @dev Every function changes state before it calls the token (checks-effects-interactions;
/// the balance-checked pulls run last and revert the whole call on a mismatch), and the token
/// is fixed at construction, so no reentrancy guard is needed.
contract ThemisStaking {
    using SafeTokenTransfer for IERC20;

    /// @dev None marks an id that was never assigned, so a zero-valued struct is never mistaken
    /// for a live sequencer.
    enum Status {
        None,
        Active,
        Unlocking,
        Unlocked
    }

    enum EscrowStatus {
        None,
        Held,
        Released,
        Refunded
    }

    /// @dev Field order is the order of the `sequencers(id)` getter's outputs.
    struct Sequencer {
        address owner;
        address signer;
        bytes pubkey;
        uint256 locked;
        address rewardRecipient;
        Status status;
        uint64 unlockableAt;
        uint256 nonce;
    }

    /// @dev Tokens taken out of a lock by `withdraw`: no longer locked (no power), still
    /// slashable until they are claimed after the exit delay.
    struct PendingWithdrawal {
        uint256 amount;
        uint64 claimableAt;
    }

    struct Escrow {
        uint256 sequencerId;
        uint256 amount;
        bytes32 offenceId;
        uint64 releasableAt;
        EscrowStatus status;
    }

    uint256 public constant PUBKEY_LENGTH = 64;
    uint256 public constant SIGNATURE_LENGTH = 65;
    uint256 public constant ESCROW_PERIOD = 365 days;
    /// @dev Caps how long an administrator can make exits wait; an in-flight unlock keeps the
    /// unlockableAt it was given, so changing the delay never traps tokens already unlocking.
    uint256 public constant MAX_EXIT_DELAY = 365 days;
    /// @dev The floor under the exit delay (for unlocks and withdrawals alike): longer than the
    /// worst-case time from an offence to its slash landing on L1, including a pool that cannot
    /// sign while the offenders keep the chain below quorum (contracts/README.md argues the
    /// figure), so an offender cannot take its tokens out before its slash.
    uint256 public constant MIN_EXIT_DELAY = 7 days;
    /// @dev Bootstrap ends before any escrow can be released (ESCROW_PERIOD), so a treasury the
    /// owner set during bootstrap can always be corrected by the pool before it receives anything.
    uint256 public constant MAX_BOOTSTRAP_PERIOD = 180 days;
    /// @dev The longest a single pause lasts; renewing it is an administrative act with its event.
    uint256 public constant MAX_PAUSE_DURATION = 30 days;
    /// @dev How long a pool-key-loss recovery waits before the proposed pool can take over: long
    /// enough for themis governance to see the proposal (its event is relayed) and for a pool
    /// that can still sign to cancel one governance did not decide.
    uint256 public constant POOL_RECOVERY_DELAY = 30 days;
    /// @dev The smallest reward funding (one whole token of 18 decimals).
    uint256 public constant MIN_REWARD_FUNDING = 1e18;

    /// @dev Severities of the slashing ladder (SPEC 3.3) and the largest fraction of the current
    /// lock each may take: medium 1/16, high 1/8, critical 1/4.
    uint8 public constant SEVERITY_MEDIUM = 1;
    uint8 public constant SEVERITY_HIGH = 2;
    uint8 public constant SEVERITY_CRITICAL = 3;

    /// @dev Domain tag of the signer-key proof: keccak256(abi.encode(SIGNER_PROOF_TAG, chainid,
    /// this contract, owner, sequencer id, nonce)) signed by the key itself.
    bytes32 public constant SIGNER_PROOF_TAG = keccak256("ThemisStaking.SignerKeyProof.v1");

    /// @dev secp256k1: field prime and half the group order (signatures must be low-s).
    uint256 private constant FIELD_P = 0xFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFFEFFFFFC2F;
    uint256 private constant HALF_N = 0x7FFFFFFFFFFFFFFFFFFFFFFFFFFFFFFF5D576E7357A4501DDFE92F46681B20A0;

    IERC20 public immutable token;
    uint64 public immutable bootstrapDeadline;

    address public owner;
    address public pendingOwner;
    address public treasury;
    address public poolAddress;
    address public pendingPoolAddress;
    bool public bootstrapEnded;
    /// @notice Lock and relock are refused until this time (0: not paused).
    uint64 public pausedUntil;
    /// @notice Bumped by every configuration change the chain mirrors; carried by its event.
    uint256 public configNonce;
    /// @notice Bumped by every reserve, reward and escrow movement the chain mirrors; carried by its event.
    uint256 public ledgerNonce;
    /// @notice A pool-key-loss recovery in progress (zero address: none) and when it may complete.
    address public recoveryPool;
    uint64 public recoveryEffectiveAt;

    uint256 public minLock;
    uint256 public maxLock;
    uint256 public exitDelay;

    uint256 public nextSequencerId = 1;
    mapping(uint256 => Sequencer) public sequencers;
    /// @notice The most recent sequencer id of an owner (0 if none).
    mapping(address => uint256) public sequencerOf;
    /// @notice Signers ever bound to any sequencer; they can never be bound again.
    mapping(address => bool) public signerUsed;
    mapping(address => bool) public whitelisted;

    uint256 public rewardReserve;
    uint256 public lastRewardBatch;
    mapping(uint256 => uint256) public pendingRewards;
    mapping(uint256 => PendingWithdrawal) public pendingWithdrawals;

    uint256 public nextEscrowId = 1;
    mapping(uint256 => Escrow) public escrows;
    /// @notice offenceSlashed[offenceId][sequencerId]: one offence slashes each member once.
    mapping(bytes32 => mapping(uint256 => bool)) public offenceSlashed;

    // ---- Sequencer events relayed to the Themis chain; each bumps that sequencer's nonce once. ----
    event Locked(
        uint256 indexed sequencerId,
        address indexed owner,
        address indexed signer,
        bytes pubkey,
        uint256 amount,
        address rewardRecipient,
        uint256 nonce
    );
    event Relocked(uint256 indexed sequencerId, uint256 amount, uint256 total, uint256 nonce);
    event Withdrawn(uint256 indexed sequencerId, uint256 amount, uint256 total, uint256 nonce);
    event UnlockInitiated(uint256 indexed sequencerId, uint256 unlockableAt, uint256 nonce);
    event UnlockClaimed(uint256 indexed sequencerId, uint256 amount, uint256 nonce);
    event SignerChanged(
        uint256 indexed sequencerId,
        address indexed oldSigner,
        address indexed newSigner,
        bytes newPubkey,
        uint256 nonce
    );
    event RewardRecipientChanged(
        uint256 indexed sequencerId, address indexed previousRecipient, address indexed newRecipient, uint256 nonce
    );
    event Slashed(
        uint256 indexed sequencerId,
        uint256 indexed escrowId,
        bytes32 indexed offenceId,
        uint8 severity,
        uint256 amount,
        uint256 total,
        uint256 nonce
    );

    // ---- Configuration events; each bumps configNonce once. ----
    event WhitelistUpdated(address indexed account, bool allowed, uint256 configNonce);
    event LockLimitsUpdated(uint256 minLock, uint256 maxLock, uint256 configNonce);
    event ExitDelayUpdated(uint256 exitDelay, uint256 configNonce);
    event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury, uint256 configNonce);
    event PauseUpdated(address indexed by, uint64 pausedUntil, uint256 configNonce);
    event PoolAddressUpdated(address indexed previousPool, address indexed newPool, uint256 configNonce);
    event BootstrapEnded(address indexed endedBy, address poolAddress, uint256 configNonce);
    event BootstrapStarted(address indexed owner, uint64 deadline, uint256 configNonce);
    event PoolRecoveryProposed(
        address indexed currentPool, address indexed proposedPool, uint64 effectiveAt, uint256 configNonce
    );
    event PoolRecoveryCancelled(address indexed proposedPool, address indexed cancelledBy, uint256 configNonce);

    // ---- Ledger events (reserve, rewards, escrows); each bumps ledgerNonce once. They confirm the
    // pool's reward batches and escrow refunds, and what operators and anyone else moved. ----
    event RewardsFunded(address indexed funder, uint256 amount, uint256 reserve, uint256 ledgerNonce);
    event RewardBatchSubmitted(
        uint256 indexed batchId, uint256 count, uint256 total, uint256 reserve, uint256 ledgerNonce
    );
    event RewardsWithdrawn(uint256 indexed sequencerId, address indexed recipient, uint256 amount, uint256 ledgerNonce);
    event EscrowReleased(
        uint256 indexed escrowId,
        uint256 indexed sequencerId,
        address indexed treasury,
        uint256 amount,
        uint256 ledgerNonce
    );
    event EscrowRefunded(
        uint256 indexed escrowId,
        uint256 indexed sequencerId,
        address indexed recipient,
        uint256 amount,
        uint256 ledgerNonce
    );

    // ---- Other events. ----
    event OwnershipTransferStarted(address indexed previousOwner, address indexed newOwner);
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event PoolAddressProposed(address indexed currentPool, address indexed proposedPool, address indexed proposedBy);
    event RewardCredited(uint256 indexed sequencerId, uint256 indexed batchId, uint256 amount, uint256 pending);
    event WithdrawalClaimed(uint256 indexed sequencerId, address indexed owner, uint256 amount);

    error ZeroAddress();
    error ZeroAmount();
    error NotOwner(address caller);
    error NotPendingOwner(address caller);
    error NotAdmin(address caller);
    error NotPoolAddress(address caller);
    error NotPendingPoolAddress(address caller);
    error NotSequencerOwner(uint256 sequencerId, address caller);
    error BootstrapOver();
    error BootstrapPeriodTooLong(uint256 period, uint256 maxPeriod);
    error PoolAddressNotSet();
    error PoolAddressAlreadySet(address poolAddress);
    error ContractPaused(uint64 pausedUntil);
    error PauseTooLong(uint256 duration, uint256 maxDuration);
    error InvalidLockLimits(uint256 minLock, uint256 maxLock);
    error ExitDelayOutOfRange(uint256 exitDelay, uint256 minExitDelay, uint256 maxExitDelay);
    error NotWhitelisted(address account);
    error AlreadyHasSequencer(address account, uint256 sequencerId);
    error InvalidPubkeyLength(uint256 length);
    error PubkeyNotOnCurve();
    error InvalidSignerProof(address expectedSigner, address recovered);
    error SignerAlreadyUsed(address signer);
    error BelowMinLock(uint256 amount, uint256 minLock);
    error WithdrawExceedsLocked(uint256 amount, uint256 locked);
    error NoPendingWithdrawal(uint256 sequencerId);
    error WithdrawalNotReady(uint256 sequencerId, uint256 claimableAt);
    error TransferAmountMismatch(uint256 expected, uint256 received);
    error UnknownSequencer(uint256 sequencerId);
    error SequencerNotActive(uint256 sequencerId, Status status);
    error SequencerNotUnlocking(uint256 sequencerId, Status status);
    error SequencerUnlocked(uint256 sequencerId);
    error UnlockNotReady(uint256 sequencerId, uint256 unlockableAt);
    error UnexpectedRewardBatch(uint256 expected, uint256 got);
    error LengthMismatch(uint256 ids, uint256 amounts);
    error InsufficientRewardReserve(uint256 needed, uint256 available);
    error NoPendingRewards(uint256 sequencerId);
    error InvalidSeverity(uint8 severity);
    error OffenceAlreadySlashed(bytes32 offenceId, uint256 sequencerId);
    error UnknownEscrow(uint256 escrowId);
    error EscrowSettled(uint256 escrowId, EscrowStatus status);
    error EscrowNotReleasable(uint256 escrowId, uint256 releasableAt);
    error EscrowRefundWindowClosed(uint256 escrowId, uint256 releasableAt);
    error NoPoolRecovery();
    error FundingTooSmall(uint256 amount, uint256 minimum);
    error NotRecoveryPool(address caller);
    error PoolRecoveryNotReady(uint256 effectiveAt);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    modifier onlyPool() {
        if (msg.sender != poolAddress) revert NotPoolAddress(msg.sender);
        _;
    }

    /// @dev The owner during bootstrap; afterwards the pool alone. The pool may also act during
    /// bootstrap once it is set: it is the authority bootstrap hands over to.
    modifier onlyAdmin() {
        if (msg.sender != poolAddress || poolAddress == address(0)) {
            if (msg.sender != owner || !bootstrapOpen()) revert NotAdmin(msg.sender);
        }
        _;
    }

    modifier whenNotPaused() {
        if (block.timestamp < pausedUntil) revert ContractPaused(pausedUntil);
        _;
    }

    modifier onlySequencerOwner(uint256 id) {
        address seqOwner = sequencers[id].owner;
        if (seqOwner == address(0)) revert UnknownSequencer(id);
        if (msg.sender != seqOwner) revert NotSequencerOwner(id, msg.sender);
        _;
    }

    /// @param token_ the staking and reward token.
    /// @param treasury_ receives slashed tokens once their escrow period ends.
    /// @param bootstrapPeriod_ seconds from deployment after which the owner's powers end by
    /// themselves (at most MAX_BOOTSTRAP_PERIOD).
    constructor(
        IERC20 token_,
        address treasury_,
        uint256 minLock_,
        uint256 maxLock_,
        uint256 exitDelay_,
        uint256 bootstrapPeriod_
    ) {
        if (address(token_) == address(0) || treasury_ == address(0)) revert ZeroAddress();
        if (bootstrapPeriod_ > MAX_BOOTSTRAP_PERIOD) {
            revert BootstrapPeriodTooLong(bootstrapPeriod_, MAX_BOOTSTRAP_PERIOD);
        }
        token = token_;
        bootstrapDeadline = uint64(block.timestamp + bootstrapPeriod_);
        owner = msg.sender;
        emit OwnershipTransferred(address(0), msg.sender);
        emit BootstrapStarted(msg.sender, bootstrapDeadline, ++configNonce);
        _setTreasury(treasury_);
        _setLockLimits(minLock_, maxLock_);
        _setExitDelay(exitDelay_);
    }

    // ------------------------------------------------------------------ phases and roles

    /// @notice True while the owner may administer: before the deadline and before anyone ended it.
    function bootstrapOpen() public view returns (bool) {
        return !bootstrapEnded && block.timestamp < bootstrapDeadline;
    }

    /// @notice True while lock and relock are refused.
    function paused() external view returns (bool) {
        return block.timestamp < pausedUntil;
    }

    /// @notice First step of an ownership transfer; the new owner must accept. The zero address
    /// cancels a pending transfer. Ownership matters only during bootstrap.
    function transferOwnership(address newOwner) external onlyOwner {
        pendingOwner = newOwner;
        emit OwnershipTransferStarted(owner, newOwner);
    }

    function acceptOwnership() external {
        if (msg.sender != pendingOwner) revert NotPendingOwner(msg.sender);
        emit OwnershipTransferred(owner, msg.sender);
        owner = msg.sender;
        pendingOwner = address(0);
    }

    /// @notice Proposes the pool address; the proposed address must accept. The owner may
    /// propose the first one during bootstrap; once a pool is set only the pool rotates it.
    /// Proposing again replaces a pending proposal, so a wrong address is simply overwritten.
    function proposePoolAddress(address newPool) external {
        if (newPool == address(0)) revert ZeroAddress();
        address current = poolAddress;
        if (msg.sender != current || current == address(0)) {
            if (msg.sender != owner) revert NotPoolAddress(msg.sender);
            if (!bootstrapOpen()) revert BootstrapOver();
            if (current != address(0)) revert PoolAddressAlreadySet(current);
        }
        pendingPoolAddress = newPool;
        emit PoolAddressProposed(current, newPool, msg.sender);
    }

    /// @notice The proposed pool takes over, which proves the address can sign. The first pool
    /// (proposed by the owner) must accept while bootstrap is open, so an owner's proposal can
    /// never hand it the pool role later.
    function acceptPoolAddress() external {
        if (msg.sender != pendingPoolAddress) revert NotPendingPoolAddress(msg.sender);
        if (poolAddress == address(0) && !bootstrapOpen()) revert BootstrapOver();
        address previous = poolAddress;
        poolAddress = msg.sender;
        pendingPoolAddress = address(0);
        // A recovery was proposed against the pool that just handed over: it is void, so a
        // retired key can never complete it later.
        recoveryPool = address(0);
        recoveryEffectiveAt = 0;
        emit PoolAddressUpdated(previous, msg.sender, ++configNonce);
    }

    /// @notice Ends bootstrap for good (it also ends by itself at bootstrapDeadline). The owner
    /// can end it only once a pool address is set, since nobody could set one afterwards.
    function endBootstrap() external {
        if (!bootstrapOpen()) revert BootstrapOver();
        address pool = poolAddress;
        if (msg.sender != pool || pool == address(0)) {
            if (msg.sender != owner) revert NotAdmin(msg.sender);
            if (pool == address(0)) revert PoolAddressNotSet();
        }
        bootstrapEnded = true;
        emit BootstrapEnded(msg.sender, pool, ++configNonce);
    }

    // ------------------------------------------------------------------ pool-key-loss recovery

    /// @notice Starts the recovery of a lost pool key: `newPool` may take over once
    /// POOL_RECOVERY_DELAY has passed. The owner acts on a themis governance decision; the chain
    /// mirrors the proposal, and a pool that can still sign cancels one governance did not make.
    /// Proposing again replaces the proposal and restarts the delay.
    function proposePoolRecovery(address newPool) external onlyOwner {
        if (newPool == address(0)) revert ZeroAddress();
        address current = poolAddress;
        if (current == address(0)) revert PoolAddressNotSet();
        uint64 effectiveAt = uint64(block.timestamp + POOL_RECOVERY_DELAY);
        recoveryPool = newPool;
        recoveryEffectiveAt = effectiveAt;
        emit PoolRecoveryProposed(current, newPool, effectiveAt, ++configNonce);
    }

    /// @notice The current pool refuses a recovery (its key is not lost, or governance did not ask).
    function cancelPoolRecovery() external onlyPool {
        address proposed = recoveryPool;
        if (proposed == address(0)) revert NoPoolRecovery();
        recoveryPool = address(0);
        recoveryEffectiveAt = 0;
        emit PoolRecoveryCancelled(proposed, msg.sender, ++configNonce);
    }

    /// @notice The recovered pool takes over after the delay, which proves the address can sign.
    /// A pending ordinary handover is dropped: the pool that proposed it is the one replaced.
    function completePoolRecovery() external {
        address proposed = recoveryPool;
        if (proposed == address(0)) revert NoPoolRecovery();
        if (msg.sender != proposed) revert NotRecoveryPool(msg.sender);
        if (block.timestamp < recoveryEffectiveAt) revert PoolRecoveryNotReady(recoveryEffectiveAt);
        address previous = poolAddress;
        poolAddress = proposed;
        pendingPoolAddress = address(0);
        recoveryPool = address(0);
        recoveryEffectiveAt = 0;
        emit PoolAddressUpdated(previous, proposed, ++configNonce);
    }

    // ------------------------------------------------------------------ administration

    function setTreasury(address newTreasury) external onlyAdmin {
        if (newTreasury == address(0)) revert ZeroAddress();
        _setTreasury(newTreasury);
    }

    function setWhitelist(address account, bool allowed) external onlyAdmin {
        if (account == address(0)) revert ZeroAddress();
        whitelisted[account] = allowed;
        emit WhitelistUpdated(account, allowed, ++configNonce);
    }

    /// @notice maxLock caps power and rewards on the chain; it never stops a lock or relock.
    function setLockLimits(uint256 newMinLock, uint256 newMaxLock) external onlyAdmin {
        _setLockLimits(newMinLock, newMaxLock);
    }

    function setExitDelay(uint256 newExitDelay) external onlyAdmin {
        _setExitDelay(newExitDelay);
    }

    /// @notice Refuses new locks and relocks for `duration` seconds (at most MAX_PAUSE_DURATION)
    /// from now; a duration of 0 lifts the pause. Nothing else is ever paused.
    function pause(uint256 duration) external onlyAdmin {
        if (duration > MAX_PAUSE_DURATION) revert PauseTooLong(duration, MAX_PAUSE_DURATION);
        uint64 until = duration == 0 ? 0 : uint64(block.timestamp + duration);
        pausedUntil = until;
        emit PauseUpdated(msg.sender, until, ++configNonce);
    }

    /// @notice Adds tokens to the reserve that reward batches are paid from. Open to anyone,
    /// at least MIN_REWARD_FUNDING at a time: each funding is an event every validator relays
    /// and votes on, which dust must not flood.
    function fundRewards(uint256 amount) external {
        if (amount < MIN_REWARD_FUNDING) revert FundingTooSmall(amount, MIN_REWARD_FUNDING);
        rewardReserve += amount;
        emit RewardsFunded(msg.sender, amount, rewardReserve, ++ledgerNonce);
        _pullExact(msg.sender, amount);
    }

    // ------------------------------------------------------------------ sequencer lifecycle

    /// @notice Locks `amount` (at least minLock; above maxLock is allowed, the chain caps power)
    /// for a new sequencer whose signer is derived from `pubkey` (uncompressed secp256k1 key
    /// without the 0x04 prefix). `proof` is the key's signature over signerProofDigest(caller,
    /// nextSequencerId, 1).
    function lock(bytes calldata pubkey, uint256 amount, address rewardRecipient, bytes calldata proof)
        external
        whenNotPaused
        returns (uint256 id)
    {
        if (!whitelisted[msg.sender]) revert NotWhitelisted(msg.sender);
        uint256 current = sequencerOf[msg.sender];
        if (current != 0 && sequencers[current].status != Status.Unlocked) {
            revert AlreadyHasSequencer(msg.sender, current);
        }
        if (rewardRecipient == address(0)) revert ZeroAddress();
        if (amount < minLock) revert BelowMinLock(amount, minLock);
        id = nextSequencerId++;
        address signer = _claimSigner(pubkey, proof, id, 1);

        Sequencer storage s = sequencers[id];
        s.owner = msg.sender;
        s.signer = signer;
        s.pubkey = pubkey;
        s.locked = amount;
        s.rewardRecipient = rewardRecipient;
        s.status = Status.Active;
        s.nonce = 1;
        sequencerOf[msg.sender] = id;

        emit Locked(id, msg.sender, signer, pubkey, amount, rewardRecipient, 1);
        _pullExact(msg.sender, amount);
    }

    /// @notice Adds `amount` to an active sequencer's lock. No upper bound: lowering maxLock
    /// never stops a sequencer from relocking.
    function relock(uint256 id, uint256 amount) external whenNotPaused onlySequencerOwner(id) {
        Sequencer storage s = _active(id);
        if (amount == 0) revert ZeroAmount();
        uint256 total = s.locked + amount;
        s.locked = total;
        emit Relocked(id, amount, total, ++s.nonce);
        _pullExact(msg.sender, amount);
    }

    /// @notice Takes part of an active lock out; what remains must still meet the minimum. The
    /// amount stops counting at once (the chain lowers the power) but stays slashable for the
    /// exit delay, like an unlock: claimWithdrawal pays it after that. A later withdrawal
    /// restarts the delay for everything pending.
    function withdraw(uint256 id, uint256 amount) external onlySequencerOwner(id) {
        Sequencer storage s = _active(id);
        if (amount == 0) revert ZeroAmount();
        uint256 locked = s.locked;
        if (amount > locked) revert WithdrawExceedsLocked(amount, locked);
        uint256 total = locked - amount;
        if (total < minLock) revert BelowMinLock(total, minLock);
        s.locked = total;
        PendingWithdrawal storage w = pendingWithdrawals[id];
        w.amount += amount;
        w.claimableAt = uint64(block.timestamp + exitDelay);
        emit Withdrawn(id, amount, total, ++s.nonce);
    }

    /// @notice Pays the sequencer's pending withdrawal to its owner once its delay has passed.
    /// Never paused. Not a mirrored change (the lock already fell at withdraw), so no nonce.
    function claimWithdrawal(uint256 id) external onlySequencerOwner(id) {
        uint256 amount = _takeWithdrawal(id);
        if (amount == 0) revert NoPendingWithdrawal(id);
    }

    /// @notice Starts the exit: the lock stays slashable until claimUnlock after the exit delay
    /// (and not before a pending withdrawal's own delay ends).
    function initiateUnlock(uint256 id) external onlySequencerOwner(id) {
        Sequencer storage s = _active(id);
        uint64 unlockableAt = uint64(block.timestamp + exitDelay);
        uint64 withdrawalAt = pendingWithdrawals[id].claimableAt;
        if (pendingWithdrawals[id].amount > 0 && withdrawalAt > unlockableAt) unlockableAt = withdrawalAt;
        s.status = Status.Unlocking;
        s.unlockableAt = unlockableAt;
        emit UnlockInitiated(id, unlockableAt, ++s.nonce);
    }

    /// @notice Pays out the whole remaining lock, and any pending withdrawal, once the exit
    /// delay has passed. The owner may then lock again, with a signer never used before.
    /// Never paused.
    function claimUnlock(uint256 id) external onlySequencerOwner(id) {
        Sequencer storage s = sequencers[id];
        if (s.status != Status.Unlocking) revert SequencerNotUnlocking(id, s.status);
        if (block.timestamp < s.unlockableAt) revert UnlockNotReady(id, s.unlockableAt);
        uint256 amount = s.locked;
        s.locked = 0;
        s.status = Status.Unlocked;
        emit UnlockClaimed(id, amount, ++s.nonce);
        if (amount > 0) token.safeTransfer(s.owner, amount);
        _takeWithdrawal(id);
    }

    /// @notice Binds a new signer key, proven by its signature over signerProofDigest(owner,
    /// id, nonce + 1). Allowed while the sequencer is still slashable (Active or Unlocking) and
    /// never paused, so a leaked key can always be rotated; the old signer stays burned.
    function updateSigner(uint256 id, bytes calldata newPubkey, bytes calldata proof)
        external
        onlySequencerOwner(id)
    {
        Sequencer storage s = sequencers[id];
        if (s.status == Status.Unlocked) revert SequencerUnlocked(id);
        uint256 nonce = s.nonce + 1;
        address newSigner = _claimSigner(newPubkey, proof, id, nonce);
        address oldSigner = s.signer;
        s.signer = newSigner;
        s.pubkey = newPubkey;
        s.nonce = nonce;
        emit SignerChanged(id, oldSigner, newSigner, newPubkey, nonce);
    }

    /// @notice Changes where rewards are paid; the chain mirrors it, so it bumps the nonce.
    function setRewardRecipient(uint256 id, address newRecipient) external onlySequencerOwner(id) {
        if (newRecipient == address(0)) revert ZeroAddress();
        Sequencer storage s = sequencers[id];
        address previous = s.rewardRecipient;
        s.rewardRecipient = newRecipient;
        emit RewardRecipientChanged(id, previous, newRecipient, ++s.nonce);
    }

    /// @notice Pays the sequencer's pending rewards to its reward recipient. Never paused.
    function withdrawRewards(uint256 id) external onlySequencerOwner(id) {
        uint256 amount = pendingRewards[id];
        if (amount == 0) revert NoPendingRewards(id);
        pendingRewards[id] = 0;
        address recipient = sequencers[id].rewardRecipient;
        emit RewardsWithdrawn(id, recipient, amount, ++ledgerNonce);
        token.safeTransfer(recipient, amount);
    }

    /// @notice The digest a signer key signs to prove it is held by whoever binds it: the
    /// chain id and this contract (no replay elsewhere), the owner (no copying the key from
    /// the mempool into another lock), the sequencer id and the nonce the change will carry
    /// (no replay later).
    function signerProofDigest(address seqOwner, uint256 sequencerId, uint256 nonce) public view returns (bytes32) {
        return keccak256(abi.encode(SIGNER_PROOF_TAG, block.chainid, address(this), seqOwner, sequencerId, nonce));
    }

    // ------------------------------------------------------------------ pool only

    /// @notice Credits rewards from the reserve. Batch ids are consecutive from 1, so a batch
    /// can be applied once only and never skipped.
    function submitRewardBatch(uint256 batchId, uint256[] calldata ids, uint256[] calldata amounts)
        external
        onlyPool
    {
        if (batchId != lastRewardBatch + 1) revert UnexpectedRewardBatch(lastRewardBatch + 1, batchId);
        if (ids.length != amounts.length) revert LengthMismatch(ids.length, amounts.length);
        uint256 total;
        for (uint256 i = 0; i < amounts.length; ++i) {
            total += amounts[i];
        }
        if (total > rewardReserve) revert InsufficientRewardReserve(total, rewardReserve);

        lastRewardBatch = batchId;
        rewardReserve -= total;
        for (uint256 i = 0; i < ids.length; ++i) {
            uint256 id = ids[i];
            if (sequencers[id].status == Status.None) revert UnknownSequencer(id);
            uint256 pending = pendingRewards[id] + amounts[i];
            pendingRewards[id] = pending;
            emit RewardCredited(id, batchId, amounts[i], pending);
        }
        emit RewardBatchSubmitted(batchId, ids.length, total, rewardReserve, ++ledgerNonce);
    }

    /// @notice Moves up to `amount`, capped at the severity's fraction of what the sequencer has
    /// at stake (its lock plus a pending withdrawal, so withdrawing after an offence does not
    /// shrink the slash), into a new escrow entry; the lock is taken first, then the pending
    /// withdrawal. Works in every state and while paused. Each (offence, sequencer) pair is
    /// slashed once, so one outage offence can slash every member of the group. A sequencer
    /// with nothing left to take still gets a Slashed event (amount 0, escrow id 0), so the
    /// chain can close the offence. `total` in the event is the lock after the slash: it falls
    /// by at most `amount` (less when part came from the pending withdrawal).
    function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId)
        external
        onlyPool
        returns (uint256 escrowId)
    {
        uint256 cap = _severityCap(severity);
        Sequencer storage s = sequencers[id];
        if (s.status == Status.None) revert UnknownSequencer(id);
        if (offenceSlashed[offenceId][id]) revert OffenceAlreadySlashed(offenceId, id);
        if (amount == 0) revert ZeroAmount();
        uint256 locked = s.locked;
        PendingWithdrawal storage w = pendingWithdrawals[id];
        uint256 limit = (locked + w.amount) / cap;
        uint256 taken = amount < limit ? amount : limit;
        uint256 fromLock = taken < locked ? taken : locked;

        offenceSlashed[offenceId][id] = true;
        s.locked = locked - fromLock;
        w.amount -= taken - fromLock;
        if (taken > 0) {
            escrowId = nextEscrowId++;
            escrows[escrowId] = Escrow({
                sequencerId: id,
                amount: taken,
                offenceId: offenceId,
                releasableAt: uint64(block.timestamp + ESCROW_PERIOD),
                status: EscrowStatus.Held
            });
        }
        emit Slashed(id, escrowId, offenceId, severity, taken, locked - fromLock, ++s.nonce);
    }

    /// @notice An appeal succeeded within the escrow period: the escrowed tokens go back to the
    /// sequencer's owner (not back into the lock, which may have moved on since).
    function refundEscrow(uint256 escrowId) external onlyPool {
        Escrow storage e = _heldEscrow(escrowId);
        if (block.timestamp >= e.releasableAt) revert EscrowRefundWindowClosed(escrowId, e.releasableAt);
        e.status = EscrowStatus.Refunded;
        address recipient = sequencers[e.sequencerId].owner;
        emit EscrowRefunded(escrowId, e.sequencerId, recipient, e.amount, ++ledgerNonce);
        token.safeTransfer(recipient, e.amount);
    }

    // ------------------------------------------------------------------ permissionless

    /// @notice Sends an escrow that was not refunded within its period to the treasury.
    function releaseEscrow(uint256 escrowId) external {
        Escrow storage e = _heldEscrow(escrowId);
        if (block.timestamp < e.releasableAt) revert EscrowNotReleasable(escrowId, e.releasableAt);
        e.status = EscrowStatus.Released;
        address to = treasury;
        emit EscrowReleased(escrowId, e.sequencerId, to, e.amount, ++ledgerNonce);
        token.safeTransfer(to, e.amount);
    }

    // ------------------------------------------------------------------ internals

    function _active(uint256 id) private view returns (Sequencer storage s) {
        s = sequencers[id];
        if (s.status != Status.Active) revert SequencerNotActive(id, s.status);
    }

    /// @dev Pays the pending withdrawal to the owner if its delay has passed (reverts
    /// WithdrawalNotReady otherwise); returns what was paid (0: nothing pending).
    function _takeWithdrawal(uint256 id) private returns (uint256 amount) {
        PendingWithdrawal storage w = pendingWithdrawals[id];
        amount = w.amount;
        if (amount == 0) return 0;
        if (block.timestamp < w.claimableAt) revert WithdrawalNotReady(id, w.claimableAt);
        delete pendingWithdrawals[id];
        address seqOwner = sequencers[id].owner;
        emit WithdrawalClaimed(id, seqOwner, amount);
        token.safeTransfer(seqOwner, amount);
    }

    function _heldEscrow(uint256 escrowId) private view returns (Escrow storage e) {
        e = escrows[escrowId];
        if (e.status == EscrowStatus.None) revert UnknownEscrow(escrowId);
        if (e.status != EscrowStatus.Held) revert EscrowSettled(escrowId, e.status);
    }

    /// @dev The divisor of the ladder's fraction for a severity (16, 8, 4).
    function _severityCap(uint8 severity) private pure returns (uint256) {
        if (severity == SEVERITY_MEDIUM) return 16;
        if (severity == SEVERITY_HIGH) return 8;
        if (severity == SEVERITY_CRITICAL) return 4;
        revert InvalidSeverity(severity);
    }

    /// @dev Checks that pubkey is a point on secp256k1 whose holder signed the proof digest for
    /// (caller, id, nonce), derives its Ethereum address and burns it for good.
    function _claimSigner(bytes calldata pubkey, bytes calldata proof, uint256 id, uint256 nonce)
        private
        returns (address signer)
    {
        if (pubkey.length != PUBKEY_LENGTH) revert InvalidPubkeyLength(pubkey.length);
        if (!_onCurve(uint256(bytes32(pubkey[0:32])), uint256(bytes32(pubkey[32:64])))) revert PubkeyNotOnCurve();
        signer = address(uint160(uint256(keccak256(pubkey))));
        address recovered = _recover(signerProofDigest(msg.sender, id, nonce), proof);
        if (recovered != signer) revert InvalidSignerProof(signer, recovered);
        if (signerUsed[signer]) revert SignerAlreadyUsed(signer);
        signerUsed[signer] = true;
    }

    /// @dev y^2 == x^3 + 7 (mod p), both coordinates reduced.
    function _onCurve(uint256 x, uint256 y) private pure returns (bool) {
        if (x >= FIELD_P || y >= FIELD_P) return false;
        uint256 lhs = mulmod(y, y, FIELD_P);
        uint256 rhs = addmod(mulmod(mulmod(x, x, FIELD_P), x, FIELD_P), 7, FIELD_P);
        return lhs == rhs;
    }

    /// @dev ecrecover of a 65-byte r || s || v signature (v 27/28 or 0/1, low s); address(0)
    /// for anything malformed, which never equals a derived signer.
    function _recover(bytes32 digest, bytes calldata sig) private pure returns (address) {
        if (sig.length != SIGNATURE_LENGTH) return address(0);
        bytes32 r = bytes32(sig[0:32]);
        bytes32 s = bytes32(sig[32:64]);
        uint8 v = uint8(sig[64]);
        if (v < 27) v += 27;
        if ((v != 27 && v != 28) || uint256(s) > HALF_N) return address(0);
        return ecrecover(digest, v, r, s);
    }

    /// @dev Pulls `amount` and reverts unless exactly that arrived (the balance difference): a
    /// fee-on-transfer or rebasing token would otherwise credit tokens the contract does not
    /// hold, and the last to leave would find the contract insolvent.
    function _pullExact(address from, uint256 amount) private {
        uint256 before = token.balanceOf(address(this));
        token.safeTransferFrom(from, address(this), amount);
        uint256 received = token.balanceOf(address(this)) - before;
        if (received != amount) revert TransferAmountMismatch(amount, received);
    }

    function _setTreasury(address newTreasury) private {
        emit TreasuryUpdated(treasury, newTreasury, ++configNonce);
        treasury = newTreasury;
    }

    function _setLockLimits(uint256 newMinLock, uint256 newMaxLock) private {
        if (newMinLock == 0 || newMinLock > newMaxLock) revert InvalidLockLimits(newMinLock, newMaxLock);
        minLock = newMinLock;
        maxLock = newMaxLock;
        emit LockLimitsUpdated(newMinLock, newMaxLock, ++configNonce);
    }

    function _setExitDelay(uint256 newExitDelay) private {
        if (newExitDelay < MIN_EXIT_DELAY || newExitDelay > MAX_EXIT_DELAY) {
            revert ExitDelayOutOfRange(newExitDelay, MIN_EXIT_DELAY, MAX_EXIT_DELAY);
        }
        exitDelay = newExitDelay;
        emit ExitDelayUpdated(newExitDelay, ++configNonce);
    }
}
