package l2

import (
	"errors"
	"fmt"
	"io"
	"net/http"
)

// errTooLarge marks an answer over the limit (with ErrMalformed): a range read asks
// again for fewer blocks.
var errTooLarge = errors.New("answer too large")

// limitedTransport caps every HTTP answer body at limit bytes. go-ethereum's rpc client
// reads an answer (and an error page) to its end; a node that streams without end must
// not make it allocate without end.
type limitedTransport struct {
	next  http.RoundTripper
	limit int64
}

func (t limitedTransport) RoundTrip(req *http.Request) (*http.Response, error) {
	resp, err := t.next.RoundTrip(req)
	if err != nil {
		return nil, err
	}
	if resp.ContentLength > t.limit {
		resp.Body.Close()
		return nil, fmt.Errorf("%w: %w: answer of %d bytes exceeds %d", ErrMalformed, errTooLarge, resp.ContentLength, t.limit)
	}
	resp.Body = &limitedBody{rc: resp.Body, left: t.limit, limit: t.limit}
	return resp, nil
}

// limitedBody fails the read that would go past the limit, rather than cutting the
// answer short (a cut answer could still decode as something else).
type limitedBody struct {
	rc          io.ReadCloser
	left, limit int64
}

func (b *limitedBody) Read(p []byte) (int, error) {
	if b.left <= 0 {
		// One byte more tells a body of exactly the limit from a longer one.
		var one [1]byte
		n, err := b.rc.Read(one[:])
		if n > 0 {
			return 0, fmt.Errorf("%w: %w: answer exceeds %d bytes", ErrMalformed, errTooLarge, b.limit)
		}
		return 0, err
	}
	if int64(len(p)) > b.left {
		p = p[:b.left]
	}
	n, err := b.rc.Read(p)
	b.left -= int64(n)
	return n, err
}

func (b *limitedBody) Close() error { return b.rc.Close() }
