package llm

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"net"
	"net/http"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// maxBody bounds how much of a reply is read: a review answer is a few
// kilobytes, a model list a few hundred.
const maxBody = 16 << 20

// Retry policy: at most 3 attempts on 429, 5xx and dropped connections,
// waiting what Retry-After (or retry-after-ms, or Gemini's RetryInfo) asks,
// else 0.5 s, 1 s with ±20 % jitter; a requested wait longer than maxWait
// ends the retries at once.
const (
	defaultAttempts = 3
	defaultBackoff  = 500 * time.Millisecond
	maxWait         = 30 * time.Second
)

// client is the thin HTTP client every backend shares: JSON in and out,
// per-attempt timeout, retries with backoff that honour Retry-After, and
// errors classified into Error kinds.
type client struct {
	backend  string
	base     string // without a trailing slash
	http     *http.Client
	header   func(h http.Header) // authentication and version headers
	timeout  time.Duration       // per attempt; 0: none
	attempts int
	backoff  time.Duration
}

func newClient(backend, base string, hc *http.Client, timeout time.Duration, header func(http.Header)) *client {
	if hc == nil {
		hc = &http.Client{}
	}
	if header == nil {
		header = func(http.Header) {}
	}
	return &client{backend: backend, base: strings.TrimRight(base, "/"), http: hc, header: header,
		timeout: timeout, attempts: defaultAttempts, backoff: defaultBackoff}
}

// do sends body (JSON-encoded unless nil) with method to path and decodes a
// 2xx reply into out (unless nil), retrying 429 and 5xx.
func (c *client) do(ctx context.Context, method, path string, body, out any) error {
	var payload []byte
	if body != nil {
		var err error
		if payload, err = json.Marshal(body); err != nil {
			return fmt.Errorf("%s: encode request: %w", c.backend, err)
		}
	}
	var last error
	for attempt := 1; ; attempt++ {
		status, data, hdr, err := c.once(ctx, method, path, payload)
		if err != nil {
			if ctx.Err() != nil && !errors.Is(ctx.Err(), context.DeadlineExceeded) {
				return ctx.Err()
			}
			var pe *Error
			if errors.As(err, &pe) && pe.Kind != ErrOther {
				return err // refused, timeout: retrying will not help
			}
			last = err
			if attempt >= c.attempts {
				return last
			}
			if err := sleep(ctx, c.jitter(attempt)); err != nil {
				return err
			}
			continue
		}
		if status >= 200 && status < 300 {
			if out == nil {
				return nil
			}
			if err := json.Unmarshal(data, out); err != nil {
				return newError(c.backend, ErrBadAnswer, status,
					fmt.Sprintf("%s %s: reply is not the documented JSON: %v", method, path, err), c.base, err)
			}
			return nil
		}
		perr := c.statusError(status, data, hdr)
		if !retryable(status) {
			return perr
		}
		last = perr
		if attempt >= c.attempts {
			return last
		}
		wait, asked := retryAfter(hdr, data)
		if !asked {
			wait = c.jitter(attempt)
		}
		if wait > maxWait {
			perr.Msg += fmt.Sprintf(" (the server asks to wait %s)", wait.Round(time.Second))
			return perr
		}
		if dl, ok := ctx.Deadline(); ok && time.Until(dl) < wait {
			return perr
		}
		if err := sleep(ctx, wait); err != nil {
			return err
		}
	}
}

// once makes one attempt and returns the status, the body and the headers,
// or a transport error.
func (c *client) once(ctx context.Context, method, path string, payload []byte) (int, []byte, http.Header, error) {
	actx, cancel := ctx, context.CancelFunc(func() {})
	if c.timeout > 0 {
		actx, cancel = context.WithTimeout(ctx, c.timeout)
	}
	defer cancel()
	var rd io.Reader
	if payload != nil {
		rd = bytes.NewReader(payload)
	}
	req, err := http.NewRequestWithContext(actx, method, c.base+path, rd)
	if err != nil {
		return 0, nil, nil, newError(c.backend, ErrBadRequest, 0, fmt.Sprintf("bad URL %s: %v", c.base+path, err), c.base, err)
	}
	if payload != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	req.Header.Set("Accept", "application/json")
	req.Header.Set("User-Agent", "patchpatrol")
	c.header(req.Header)
	resp, err := c.http.Do(req)
	if err != nil {
		return 0, nil, nil, c.transportError(ctx, actx, err)
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, maxBody))
	if err != nil {
		return 0, nil, nil, c.transportError(ctx, actx, err)
	}
	return resp.StatusCode, data, resp.Header, nil
}

// stream posts body and calls line for every line of a 2xx reply (NDJSON),
// without retries: a download already under way is not restarted.
func (c *client) stream(ctx context.Context, method, path string, body any, line func([]byte) error) error {
	payload, err := json.Marshal(body)
	if err != nil {
		return fmt.Errorf("%s: encode request: %w", c.backend, err)
	}
	req, err := http.NewRequestWithContext(ctx, method, c.base+path, bytes.NewReader(payload))
	if err != nil {
		return newError(c.backend, ErrBadRequest, 0, fmt.Sprintf("bad URL %s: %v", c.base+path, err), c.base, err)
	}
	req.Header.Set("Content-Type", "application/json")
	c.header(req.Header)
	resp, err := c.http.Do(req)
	if err != nil {
		return c.transportError(ctx, ctx, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode < 200 || resp.StatusCode > 299 {
		data, _ := io.ReadAll(io.LimitReader(resp.Body, maxBody))
		return c.statusError(resp.StatusCode, data, resp.Header)
	}
	sc := bufio.NewScanner(resp.Body)
	sc.Buffer(make([]byte, 64<<10), 1<<20)
	for sc.Scan() {
		b := bytes.TrimSpace(sc.Bytes())
		if len(b) == 0 {
			continue
		}
		if err := line(b); err != nil {
			return err
		}
	}
	if err := sc.Err(); err != nil {
		return c.transportError(ctx, ctx, err)
	}
	return nil
}

func (c *client) jitter(attempt int) time.Duration {
	d := c.backoff << (attempt - 1)
	return time.Duration(float64(d) * (0.8 + 0.4*rand.Float64()))
}

func sleep(ctx context.Context, d time.Duration) error {
	if d <= 0 {
		return nil
	}
	t := time.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C:
		return nil
	}
}

func retryable(status int) bool {
	switch status {
	case http.StatusTooManyRequests, http.StatusInternalServerError, http.StatusBadGateway,
		http.StatusServiceUnavailable, http.StatusGatewayTimeout, 529: // 529: Anthropic's "overloaded"
		return true
	}
	return false
}

// transportError classifies a failure to get a reply at all.
func (c *client) transportError(parent, attempt context.Context, err error) error {
	switch {
	case parent.Err() != nil && errors.Is(parent.Err(), context.Canceled):
		return parent.Err()
	case errors.Is(attempt.Err(), context.DeadlineExceeded) || errors.Is(err, context.DeadlineExceeded):
		limit := "its deadline"
		if c.timeout > 0 {
			limit = c.timeout.String()
		}
		return newError(c.backend, ErrTimeout, 0, fmt.Sprintf("no answer from %s within %s", c.base, limit), c.base, err)
	case errors.Is(err, syscall.ECONNREFUSED):
		return newError(c.backend, ErrUnreachable, 0, "connection refused at "+c.base, c.base, err)
	}
	var dnsErr *net.DNSError
	if errors.As(err, &dnsErr) {
		return newError(c.backend, ErrUnreachable, 0, fmt.Sprintf("cannot resolve %s", dnsErr.Name), c.base, err)
	}
	// A dropped connection or a reset: worth another attempt.
	return &Error{Backend: c.backend, Kind: ErrOther, Msg: fmt.Sprintf("request to %s failed: %v", c.base, err), Err: err}
}

// statusError turns a non-2xx reply into an Error with the server's own
// message.
func (c *client) statusError(status int, body []byte, hdr http.Header) *Error {
	kind := ErrOther
	switch {
	case status == http.StatusUnauthorized || status == http.StatusForbidden:
		kind = ErrAuth
	case status == http.StatusNotFound:
		kind = ErrNotFound
	case status == http.StatusTooManyRequests:
		kind = ErrRateLimit
	case status >= 500:
		kind = ErrServer
	case status == http.StatusBadRequest || status == http.StatusUnprocessableEntity || status == http.StatusRequestEntityTooLarge:
		kind = ErrBadRequest
	}
	msg := fmt.Sprintf("%d %s", status, strings.ToLower(http.StatusText(status)))
	if status == 529 {
		msg = "529 overloaded"
	}
	if m := serverMessage(body); m != "" {
		msg += ": " + m
	}
	return newError(c.backend, kind, status, msg, c.base, nil)
}

// serverMessage finds the message in the error bodies the backends send:
// {"error": "..."} (Ollama), {"error": {"message": "..."}} (OpenAI, Gemini,
// Anthropic, whose top level also has "type": "error").
func serverMessage(body []byte) string {
	var v struct {
		Error   json.RawMessage `json:"error"`
		Message string          `json:"message"`
	}
	if json.Unmarshal(body, &v) != nil {
		s := strings.TrimSpace(string(body))
		if len(s) > 200 {
			s = s[:200] + "..."
		}
		return s
	}
	var s string
	if json.Unmarshal(v.Error, &s) == nil && s != "" {
		return oneLine(s)
	}
	var obj struct {
		Message string `json:"message"`
		Type    string `json:"type"`
		Status  string `json:"status"`
	}
	if json.Unmarshal(v.Error, &obj) == nil && obj.Message != "" {
		return oneLine(obj.Message)
	}
	return oneLine(v.Message)
}

func oneLine(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 300 {
		s = s[:300] + "..."
	}
	return s
}

// retryAfter reads how long the server asks to wait: retry-after-ms,
// Retry-After (seconds or an HTTP date), or a google.rpc.RetryInfo detail in
// a Gemini error body.
func retryAfter(h http.Header, body []byte) (time.Duration, bool) {
	if v := h.Get("Retry-After-Ms"); v != "" {
		if ms, err := strconv.ParseFloat(v, 64); err == nil && ms >= 0 {
			return time.Duration(ms * float64(time.Millisecond)), true
		}
	}
	if v := strings.TrimSpace(h.Get("Retry-After")); v != "" {
		if s, err := strconv.ParseFloat(v, 64); err == nil && s >= 0 {
			return time.Duration(s * float64(time.Second)), true
		}
		if t, err := http.ParseTime(v); err == nil {
			return max(0, time.Until(t)), true
		}
	}
	var g struct {
		Error struct {
			Details []struct {
				Type       string `json:"@type"`
				RetryDelay string `json:"retryDelay"`
			} `json:"details"`
		} `json:"error"`
	}
	if json.Unmarshal(body, &g) == nil {
		for _, d := range g.Error.Details {
			if strings.HasSuffix(d.Type, "google.rpc.RetryInfo") && d.RetryDelay != "" {
				if dur, err := time.ParseDuration(d.RetryDelay); err == nil && dur >= 0 {
					return dur, true
				}
			}
		}
	}
	return 0, false
}
