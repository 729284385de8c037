// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "./IERC20.sol";
import {SafeTokenTransfer} from "./SafeTokenTransfer.sol";

/// @title ThemisStaking
/// @notice Sequencer staking on L1. Whitelisted operators lock the staking token for a signer
/// key; the Themis chain mirrors every lock change through the bridge, which relays the seven
/// events that carry a per-sequencer `nonce` (Locked, Relocked, Withdrawn, UnlockInitiated,
/// UnlockClaimed, SignerChanged, Slashed). The pool address (the sequencer set's threshold key)
/// submits reward batches and slashes; slashed tokens sit in escrow for a year, during which an
/// appeal can refund them, and are then releasable to the treasury.
/// @dev Every function changes state before it calls the token (checks-effects-interactions),
/// and the token is fixed at construction, so no reentrancy guard is needed.
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

    struct Escrow {
        uint256 sequencerId;
        uint256 amount;
        bytes32 offenceId;
        uint64 releasableAt;
        EscrowStatus status;
    }

    uint256 public constant PUBKEY_LENGTH = 64;
    uint256 public constant ESCROW_PERIOD = 365 days;
    /// @dev Caps how long the owner can make exits wait; an in-flight unlock keeps the
    /// unlockableAt it was given, so changing the delay never traps tokens already unlocking.
    uint256 public constant MAX_EXIT_DELAY = 365 days;

    IERC20 public immutable token;

    address public owner;
    address public treasury;
    address public poolAddress;
    bool public bootstrap = true;
    bool public paused;

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

    uint256 public nextEscrowId = 1;
    mapping(uint256 => Escrow) public escrows;
    mapping(bytes32 => bool) public offenceSlashed;

    // ---- Events relayed to the Themis chain: signatures are part of the bridge protocol. ----
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
    event Slashed(
        uint256 indexed sequencerId,
        uint256 indexed escrowId,
        bytes32 indexed offenceId,
        uint8 severity,
        uint256 amount,
        uint256 total,
        uint256 nonce
    );

    // ---- Events not relayed: they do not advance the sequencer nonce. ----
    event OwnershipTransferred(address indexed previousOwner, address indexed newOwner);
    event TreasuryUpdated(address indexed previousTreasury, address indexed newTreasury);
    event PoolAddressUpdated(address indexed previousPool, address indexed newPool, address indexed updatedBy);
    event BootstrapEnded(address indexed poolAddress);
    event WhitelistUpdated(address indexed account, bool allowed);
    event LockLimitsUpdated(uint256 minLock, uint256 maxLock);
    event ExitDelayUpdated(uint256 exitDelay);
    event Paused(address indexed account);
    event Unpaused(address indexed account);
    event RewardsFunded(address indexed funder, uint256 amount, uint256 reserve);
    event RewardCredited(uint256 indexed sequencerId, uint256 indexed batchId, uint256 amount, uint256 pending);
    event RewardBatchSubmitted(uint256 indexed batchId, uint256 count, uint256 total, uint256 reserve);
    event RewardsWithdrawn(uint256 indexed sequencerId, address indexed recipient, uint256 amount);
    event RewardRecipientUpdated(
        uint256 indexed sequencerId, address indexed previousRecipient, address indexed newRecipient
    );
    event EscrowReleased(
        uint256 indexed escrowId, uint256 indexed sequencerId, address indexed treasury, uint256 amount
    );
    event EscrowRefunded(
        uint256 indexed escrowId, uint256 indexed sequencerId, address indexed recipient, uint256 amount
    );

    error ZeroAddress();
    error ZeroAmount();
    error NotOwner(address caller);
    error NotPoolAddress(address caller);
    error NotSequencerOwner(uint256 sequencerId, address caller);
    error BootstrapOver();
    error PoolAddressNotSet();
    error ContractPaused();
    error ContractNotPaused();
    error InvalidLockLimits(uint256 minLock, uint256 maxLock);
    error ExitDelayTooLong(uint256 exitDelay, uint256 maxExitDelay);
    error NotWhitelisted(address account);
    error AlreadyHasSequencer(address account, uint256 sequencerId);
    error InvalidPubkeyLength(uint256 length);
    error SignerAlreadyUsed(address signer);
    error LockAmountOutOfRange(uint256 amount, uint256 minLock, uint256 maxLock);
    error ExceedsMaxLock(uint256 total, uint256 maxLock);
    error BelowMinLock(uint256 remaining, uint256 minLock);
    error WithdrawExceedsLocked(uint256 amount, uint256 locked);
    error UnknownSequencer(uint256 sequencerId);
    error SequencerNotActive(uint256 sequencerId, Status status);
    error SequencerNotUnlocking(uint256 sequencerId, Status status);
    error SequencerUnlocked(uint256 sequencerId);
    error UnlockNotReady(uint256 sequencerId, uint256 unlockableAt);
    error UnexpectedRewardBatch(uint256 expected, uint256 got);
    error LengthMismatch(uint256 ids, uint256 amounts);
    error InsufficientRewardReserve(uint256 needed, uint256 available);
    error NoPendingRewards(uint256 sequencerId);
    error OffenceAlreadySlashed(bytes32 offenceId);
    error NothingToSlash(uint256 sequencerId);
    error UnknownEscrow(uint256 escrowId);
    error EscrowSettled(uint256 escrowId, EscrowStatus status);
    error EscrowNotReleasable(uint256 escrowId, uint256 releasableAt);

    modifier onlyOwner() {
        if (msg.sender != owner) revert NotOwner(msg.sender);
        _;
    }

    modifier onlyPool() {
        if (msg.sender != poolAddress) revert NotPoolAddress(msg.sender);
        _;
    }

    modifier whenNotPaused() {
        if (paused) revert ContractPaused();
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
    constructor(IERC20 token_, address treasury_, uint256 minLock_, uint256 maxLock_, uint256 exitDelay_) {
        if (address(token_) == address(0) || treasury_ == address(0)) revert ZeroAddress();
        token = token_;
        _transferOwnership(msg.sender);
        _setTreasury(treasury_);
        _setLockLimits(minLock_, maxLock_);
        _setExitDelay(exitDelay_);
    }

    // ------------------------------------------------------------------ administration

    function transferOwnership(address newOwner) external onlyOwner {
        if (newOwner == address(0)) revert ZeroAddress();
        _transferOwnership(newOwner);
    }

    function setTreasury(address newTreasury) external onlyOwner {
        if (newTreasury == address(0)) revert ZeroAddress();
        _setTreasury(newTreasury);
    }

    function setWhitelist(address account, bool allowed) external onlyOwner {
        if (account == address(0)) revert ZeroAddress();
        whitelisted[account] = allowed;
        emit WhitelistUpdated(account, allowed);
    }

    function setLockLimits(uint256 newMinLock, uint256 newMaxLock) external onlyOwner {
        _setLockLimits(newMinLock, newMaxLock);
    }

    function setExitDelay(uint256 newExitDelay) external onlyOwner {
        _setExitDelay(newExitDelay);
    }

    function pause() external onlyOwner whenNotPaused {
        paused = true;
        emit Paused(msg.sender);
    }

    function unpause() external onlyOwner {
        if (!paused) revert ContractNotPaused();
        paused = false;
        emit Unpaused(msg.sender);
    }

    /// @notice Rotates the pool address: the current pool hands over to its successor, or the
    /// owner sets it while bootstrapping (before the first pool key exists).
    function setPoolAddress(address newPool) external {
        if (msg.sender != poolAddress) {
            if (msg.sender != owner) revert NotPoolAddress(msg.sender);
            if (!bootstrap) revert BootstrapOver();
        }
        if (newPool == address(0)) revert ZeroAddress();
        emit PoolAddressUpdated(poolAddress, newPool, msg.sender);
        poolAddress = newPool;
    }

    /// @notice Removes the owner's power over the pool address for good. Refused while no pool
    /// address is set, since nobody could set one afterwards.
    function endBootstrap() external onlyOwner {
        if (!bootstrap) revert BootstrapOver();
        if (poolAddress == address(0)) revert PoolAddressNotSet();
        bootstrap = false;
        emit BootstrapEnded(poolAddress);
    }

    /// @notice Adds tokens to the reserve that reward batches are paid from. Open to anyone.
    function fundRewards(uint256 amount) external {
        if (amount == 0) revert ZeroAmount();
        rewardReserve += amount;
        emit RewardsFunded(msg.sender, amount, rewardReserve);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    // ------------------------------------------------------------------ sequencer lifecycle

    /// @notice Locks `amount` for a new sequencer whose signer is derived from `pubkey`
    /// (uncompressed secp256k1 key without the 0x04 prefix).
    function lock(bytes calldata pubkey, uint256 amount, address rewardRecipient)
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
        if (amount < minLock || amount > maxLock) revert LockAmountOutOfRange(amount, minLock, maxLock);
        address signer = _claimSigner(pubkey);

        id = nextSequencerId++;
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
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Adds `amount` to an active sequencer's lock.
    function relock(uint256 id, uint256 amount) external whenNotPaused onlySequencerOwner(id) {
        Sequencer storage s = _active(id);
        if (amount == 0) revert ZeroAmount();
        uint256 total = s.locked + amount;
        if (total > maxLock) revert ExceedsMaxLock(total, maxLock);
        s.locked = total;
        emit Relocked(id, amount, total, ++s.nonce);
        token.safeTransferFrom(msg.sender, address(this), amount);
    }

    /// @notice Takes part of an active lock back; what remains must still meet the minimum.
    function withdraw(uint256 id, uint256 amount) external whenNotPaused onlySequencerOwner(id) {
        Sequencer storage s = _active(id);
        if (amount == 0) revert ZeroAmount();
        uint256 locked = s.locked;
        if (amount > locked) revert WithdrawExceedsLocked(amount, locked);
        uint256 total = locked - amount;
        if (total < minLock) revert BelowMinLock(total, minLock);
        s.locked = total;
        emit Withdrawn(id, amount, total, ++s.nonce);
        token.safeTransfer(s.owner, amount);
    }

    /// @notice Starts the exit: the lock stays slashable until claimUnlock after the exit delay.
    function initiateUnlock(uint256 id) external whenNotPaused onlySequencerOwner(id) {
        Sequencer storage s = _active(id);
        uint64 unlockableAt = uint64(block.timestamp + exitDelay);
        s.status = Status.Unlocking;
        s.unlockableAt = unlockableAt;
        emit UnlockInitiated(id, unlockableAt, ++s.nonce);
    }

    /// @notice Pays out the whole remaining lock once the exit delay has passed. The owner may
    /// then lock again, with a signer never used before.
    function claimUnlock(uint256 id) external whenNotPaused onlySequencerOwner(id) {
        Sequencer storage s = sequencers[id];
        if (s.status != Status.Unlocking) revert SequencerNotUnlocking(id, s.status);
        if (block.timestamp < s.unlockableAt) revert UnlockNotReady(id, s.unlockableAt);
        uint256 amount = s.locked;
        s.locked = 0;
        s.status = Status.Unlocked;
        emit UnlockClaimed(id, amount, ++s.nonce);
        if (amount > 0) token.safeTransfer(s.owner, amount);
    }

    /// @notice Binds a new signer key. Allowed while the sequencer is still slashable (Active or
    /// Unlocking); the old signer stays burned.
    function updateSigner(uint256 id, bytes calldata newPubkey) external whenNotPaused onlySequencerOwner(id) {
        Sequencer storage s = sequencers[id];
        if (s.status == Status.Unlocked) revert SequencerUnlocked(id);
        address newSigner = _claimSigner(newPubkey);
        address oldSigner = s.signer;
        s.signer = newSigner;
        s.pubkey = newPubkey;
        emit SignerChanged(id, oldSigner, newSigner, newPubkey, ++s.nonce);
    }

    function setRewardRecipient(uint256 id, address newRecipient) external onlySequencerOwner(id) {
        if (newRecipient == address(0)) revert ZeroAddress();
        Sequencer storage s = sequencers[id];
        emit RewardRecipientUpdated(id, s.rewardRecipient, newRecipient);
        s.rewardRecipient = newRecipient;
    }

    /// @notice Pays the sequencer's pending rewards to its reward recipient.
    function withdrawRewards(uint256 id) external whenNotPaused onlySequencerOwner(id) {
        uint256 amount = pendingRewards[id];
        if (amount == 0) revert NoPendingRewards(id);
        pendingRewards[id] = 0;
        address recipient = sequencers[id].rewardRecipient;
        emit RewardsWithdrawn(id, recipient, amount);
        token.safeTransfer(recipient, amount);
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
        emit RewardBatchSubmitted(batchId, ids.length, total, rewardReserve);
    }

    /// @notice Moves up to `amount` of the sequencer's lock into a new escrow entry. Works in
    /// every state that still holds tokens, including Unlocking, and while paused.
    function slash(uint256 id, uint256 amount, uint8 severity, bytes32 offenceId)
        external
        onlyPool
        returns (uint256 escrowId)
    {
        if (offenceSlashed[offenceId]) revert OffenceAlreadySlashed(offenceId);
        Sequencer storage s = sequencers[id];
        if (s.status == Status.None) revert UnknownSequencer(id);
        if (amount == 0) revert ZeroAmount();
        uint256 locked = s.locked;
        if (locked == 0) revert NothingToSlash(id);
        uint256 taken = amount < locked ? amount : locked;

        offenceSlashed[offenceId] = true;
        s.locked = locked - taken;
        escrowId = nextEscrowId++;
        escrows[escrowId] = Escrow({
            sequencerId: id,
            amount: taken,
            offenceId: offenceId,
            releasableAt: uint64(block.timestamp + ESCROW_PERIOD),
            status: EscrowStatus.Held
        });
        emit Slashed(id, escrowId, offenceId, severity, taken, locked - taken, ++s.nonce);
    }

    /// @notice An appeal succeeded: the escrowed tokens go back to the sequencer's owner (not
    /// back into the lock, which may have moved on since).
    function refundEscrow(uint256 escrowId) external onlyPool {
        Escrow storage e = _heldEscrow(escrowId);
        e.status = EscrowStatus.Refunded;
        address recipient = sequencers[e.sequencerId].owner;
        emit EscrowRefunded(escrowId, e.sequencerId, recipient, e.amount);
        token.safeTransfer(recipient, e.amount);
    }

    // ------------------------------------------------------------------ permissionless

    /// @notice Sends an escrow that was not refunded within its period to the treasury.
    function releaseEscrow(uint256 escrowId) external {
        Escrow storage e = _heldEscrow(escrowId);
        if (block.timestamp < e.releasableAt) revert EscrowNotReleasable(escrowId, e.releasableAt);
        e.status = EscrowStatus.Released;
        address to = treasury;
        emit EscrowReleased(escrowId, e.sequencerId, to, e.amount);
        token.safeTransfer(to, e.amount);
    }

    // ------------------------------------------------------------------ internals

    function _active(uint256 id) private view returns (Sequencer storage s) {
        s = sequencers[id];
        if (s.status != Status.Active) revert SequencerNotActive(id, s.status);
    }

    function _heldEscrow(uint256 escrowId) private view returns (Escrow storage e) {
        e = escrows[escrowId];
        if (e.status == EscrowStatus.None) revert UnknownEscrow(escrowId);
        if (e.status != EscrowStatus.Held) revert EscrowSettled(escrowId, e.status);
    }

    /// @dev Derives the Ethereum address of a 64-byte public key and burns it for good.
    function _claimSigner(bytes calldata pubkey) private returns (address signer) {
        if (pubkey.length != PUBKEY_LENGTH) revert InvalidPubkeyLength(pubkey.length);
        signer = address(uint160(uint256(keccak256(pubkey))));
        if (signerUsed[signer]) revert SignerAlreadyUsed(signer);
        signerUsed[signer] = true;
    }

    function _transferOwnership(address newOwner) private {
        emit OwnershipTransferred(owner, newOwner);
        owner = newOwner;
    }

    function _setTreasury(address newTreasury) private {
        emit TreasuryUpdated(treasury, newTreasury);
        treasury = newTreasury;
    }

    function _setLockLimits(uint256 newMinLock, uint256 newMaxLock) private {
        if (newMinLock == 0 || newMinLock > newMaxLock) revert InvalidLockLimits(newMinLock, newMaxLock);
        minLock = newMinLock;
        maxLock = newMaxLock;
        emit LockLimitsUpdated(newMinLock, newMaxLock);
    }

    function _setExitDelay(uint256 newExitDelay) private {
        if (newExitDelay > MAX_EXIT_DELAY) revert ExitDelayTooLong(newExitDelay, MAX_EXIT_DELAY);
        exitDelay = newExitDelay;
        emit ExitDelayUpdated(newExitDelay);
    }
}
