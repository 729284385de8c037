// SPDX-License-Identifier: MIT
pragma solidity 0.8.37;

import {IERC20} from "./IERC20.sol";

/// @notice The token call returned `false`, or the token address has no code.
error TokenTransferFailed(address token);

/// @notice Token transfers that accept both ERC-20 styles: tokens that return a bool and
/// tokens that return nothing. A token that reverts has its own revert data passed through
/// unchanged, so callers see the token's reason (for example an allowance error).
library SafeTokenTransfer {
    function safeTransfer(IERC20 token, address to, uint256 amount) internal {
        _call(token, abi.encodeCall(IERC20.transfer, (to, amount)));
    }

    function safeTransferFrom(IERC20 token, address from, address to, uint256 amount) internal {
        _call(token, abi.encodeCall(IERC20.transferFrom, (from, to, amount)));
    }

    function _call(IERC20 token, bytes memory data) private {
        (bool ok, bytes memory ret) = address(token).call(data);
        if (!ok) {
            assembly ("memory-safe") {
                revert(add(ret, 32), mload(ret))
            }
        }
        // A call to an address without code "succeeds" with no data: that is not a transfer.
        bool accepted = ret.length == 0 ? address(token).code.length > 0 : abi.decode(ret, (bool));
        if (!accepted) revert TokenTransferFailed(address(token));
    }
}
