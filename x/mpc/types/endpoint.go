package types

import (
	"net"
	"net/url"
	"strconv"

	errorsmod "cosmossdk.io/errors"
)

// MaxEndpointLen bounds an engine's transport URL.
const MaxEndpointLen = 200

// ValidateEndpoint checks an engine's transport URL: "" (none), or http:// or https://
// followed by host:port with an explicit port in [1, 65535] and nothing else (no user,
// path beyond "/", query or fragment), at most MaxEndpointLen bytes. The chain only
// publishes it; engines authenticate each other by their signer keys, not by it.
func ValidateEndpoint(s string) error {
	if s == "" {
		return nil
	}
	if len(s) > MaxEndpointLen {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "%d bytes > %d", len(s), MaxEndpointLen)
	}
	u, err := url.Parse(s)
	if err != nil {
		return errorsmod.Wrap(ErrInvalidEndpoint, err.Error())
	}
	if u.Scheme != "http" && u.Scheme != "https" {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "scheme %q, want http or https", u.Scheme)
	}
	if u.Opaque != "" || u.User != nil || (u.Path != "" && u.Path != "/") || u.RawQuery != "" || u.Fragment != "" || u.ForceQuery {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "%q: only scheme://host:port", s)
	}
	host, port, err := net.SplitHostPort(u.Host)
	if err != nil {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "%q: %v", u.Host, err)
	}
	if host == "" {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "%q: no host", u.Host)
	}
	n, err := strconv.ParseUint(port, 10, 16)
	if err != nil || n == 0 || port[0] == '0' {
		return errorsmod.Wrapf(ErrInvalidEndpoint, "port %q, want 1-65535", port)
	}
	return nil
}
