package deps

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// DefaultAPI is the OSV API.
const DefaultAPI = "https://api.osv.dev"

// Client defaults.
const (
	DefaultTimeout  = 3 * time.Second
	DefaultCacheAge = 24 * time.Hour
	batchSize       = 1000 // OSV's limit on queries per querybatch
	maxPages        = 50
	fetchWorkers    = 8
	maxBatchBody    = 32 << 20
	maxVulnBody     = 4 << 20
)

// ClientOptions configure the OSV API client.
type ClientOptions struct {
	BaseURL   string        // "" is DefaultAPI; PATCHPATROL_OSV_URL points it at a mirror
	HTTP      *http.Client  // nil: a client with no timeout of its own (the lookup has one)
	CacheDir  string        // "" disables the cache
	Timeout   time.Duration // bound on one whole lookup; 0 is DefaultTimeout
	MaxAge    time.Duration // cached answers younger than this are used as is; 0 is DefaultCacheAge
	Now       func() time.Time
	UserAgent string
}

// Client is a Source over the OSV API: one querybatch for the packages that
// are not freshly cached (following next_page_token), then GET /v1/vulns/{id}
// for the records not cached at their current modified time. Answers are
// cached under CacheDir; when the API cannot be reached, older cached answers
// are used and a note says how old they are.
type Client struct {
	o ClientOptions
}

// NewClient returns a client; it does no I/O.
func NewClient(o ClientOptions) *Client {
	if o.BaseURL == "" {
		o.BaseURL = DefaultAPI
	}
	o.BaseURL = strings.TrimRight(o.BaseURL, "/")
	if o.HTTP == nil {
		o.HTTP = &http.Client{}
	}
	if o.Timeout <= 0 {
		o.Timeout = DefaultTimeout
	}
	if o.MaxAge <= 0 {
		o.MaxAge = DefaultCacheAge
	}
	if o.Now == nil {
		o.Now = time.Now
	}
	if o.UserAgent == "" {
		o.UserAgent = "patchpatrol"
	}
	return &Client{o: o}
}

// vulnRef is what querybatch returns per vulnerability.
type vulnRef struct {
	ID       string `json:"id"`
	Modified string `json:"modified"`
}

// cachedPackage is a package's cached answer: the querybatch references
// and the records they name, in one file so that a warm lookup reads one
// file per package.
type cachedPackage struct {
	Fetched    time.Time   `json:"fetched"`
	Vulns      []vulnRef   `json:"vulns"`
	Advisories []*Advisory `json:"advisories"`
}

// complete reports whether the cache holds every referenced record.
func (cp *cachedPackage) complete() bool {
	have := map[string]bool{}
	for _, a := range cp.Advisories {
		have[a.ID] = true
	}
	for _, r := range cp.Vulns {
		if !have[r.ID] {
			return false
		}
	}
	return true
}

// Lookup answers names from the cache and the API.
func (c *Client) Lookup(ctx context.Context, names []string) Lookup {
	l := newLookup()
	l.Origin = "OSV API"
	stale := map[string]*cachedPackage{}
	var ask []string
	for _, n := range names {
		cp := c.readPackage(n)
		if cp != nil && cp.complete() && c.o.Now().Sub(cp.Fetched) < c.o.MaxAge {
			l.Found[n] = cp.Advisories
			continue
		}
		stale[n] = cp
		ask = append(ask, n)
	}
	if len(ask) == 0 {
		return l
	}
	ctx, cancel := context.WithTimeout(ctx, c.o.Timeout)
	defer cancel()
	refs, err := c.queryBatch(ctx, ask)
	var advs map[string]*Advisory
	if err == nil {
		cached := map[string]*Advisory{}
		for _, cp := range stale {
			if cp != nil {
				for _, a := range cp.Advisories {
					cached[a.ID] = a
				}
			}
		}
		advs, err = c.fetchVulns(ctx, refs, cached)
	}
	if err != nil {
		// Fall back on whatever was cached, however old.
		var oldest time.Duration
		for _, n := range ask {
			cp := stale[n]
			if cp == nil || !cp.complete() {
				l.Missing = append(l.Missing, n)
				continue
			}
			l.Found[n] = cp.Advisories
			oldest = max(oldest, c.o.Now().Sub(cp.Fetched))
		}
		reason := "OSV API " + c.o.BaseURL + " unreachable: " + shortError(err)
		if len(l.Missing) > 0 {
			l.Reason = reason
		}
		if len(l.Found) > 0 && oldest > 0 {
			l.Notes = append(l.Notes, fmt.Sprintf("%s; used cached advisories up to %s old", reason, HumanAge(oldest)))
		}
		return l
	}
	now := c.o.Now()
	for i, n := range ask {
		var list []*Advisory
		for _, r := range refs[i] {
			if a := advs[r.ID]; a != nil {
				list = append(list, a)
			}
		}
		l.Found[n] = list
		c.writePackage(n, &cachedPackage{Fetched: now, Vulns: refs[i], Advisories: list})
	}
	return l
}

// shortError keeps an error message to one readable line.
func shortError(err error) string {
	s := err.Error()
	if errors.Is(err, context.DeadlineExceeded) {
		return "no answer in time"
	}
	if len(s) > 200 {
		s = s[:200] + "..."
	}
	return s
}

type batchQuery struct {
	Package   batchPackage `json:"package"`
	PageToken string       `json:"page_token,omitempty"`
}

type batchPackage struct {
	Name      string `json:"name"`
	Ecosystem string `json:"ecosystem"`
}

type batchResponse struct {
	Results []struct {
		Vulns         []vulnRef `json:"vulns"`
		NextPageToken string    `json:"next_page_token"`
	} `json:"results"`
}

// queryBatch asks for every vulnerability of each package (no version: the
// matching is done here, against the full records) and follows
// next_page_token until every query is complete.
func (c *Client) queryBatch(ctx context.Context, names []string) ([][]vulnRef, error) {
	out := make([][]vulnRef, len(names))
	for start := 0; start < len(names); start += batchSize {
		end := min(start+batchSize, len(names))
		pending := make([]int, 0, end-start)
		tokens := map[int]string{}
		for i := start; i < end; i++ {
			pending = append(pending, i)
		}
		for page := 0; len(pending) > 0; page++ {
			if page >= maxPages {
				return nil, fmt.Errorf("querybatch: more than %d pages", maxPages)
			}
			qs := make([]batchQuery, len(pending))
			for j, i := range pending {
				qs[j] = batchQuery{Package: batchPackage{Name: names[i], Ecosystem: Ecosystem}, PageToken: tokens[i]}
			}
			body, err := json.Marshal(map[string]any{"queries": qs})
			if err != nil {
				return nil, err
			}
			var resp batchResponse
			if err := c.do(ctx, http.MethodPost, c.o.BaseURL+"/v1/querybatch", body, maxBatchBody, &resp); err != nil {
				return nil, err
			}
			if len(resp.Results) != len(pending) {
				return nil, fmt.Errorf("querybatch: %d results for %d queries", len(resp.Results), len(pending))
			}
			var next []int
			for j, i := range pending {
				r := resp.Results[j]
				out[i] = append(out[i], r.Vulns...)
				if r.NextPageToken != "" {
					tokens[i] = r.NextPageToken
					next = append(next, i)
				}
			}
			pending = next
		}
	}
	return out, nil
}

// fetchVulns returns the full record of every referenced id, from the cache
// when it holds the same modified time, else from GET /v1/vulns/{id}.
func (c *Client) fetchVulns(ctx context.Context, refs [][]vulnRef, cached map[string]*Advisory) (map[string]*Advisory, error) {
	out := map[string]*Advisory{}
	var need []vulnRef
	seen := map[string]bool{}
	for _, list := range refs {
		for _, r := range list {
			if seen[r.ID] {
				continue
			}
			seen[r.ID] = true
			if a := cached[r.ID]; a != nil && sameTime(a.Modified, r.Modified) {
				out[r.ID] = a
				continue
			}
			need = append(need, r)
		}
	}
	if len(need) == 0 {
		return out, nil
	}
	var mu sync.Mutex
	var firstErr error
	jobs := make(chan vulnRef)
	var wg sync.WaitGroup
	for w := 0; w < min(fetchWorkers, len(need)); w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for r := range jobs {
				var raw json.RawMessage
				err := c.do(ctx, http.MethodGet, c.o.BaseURL+"/v1/vulns/"+url.PathEscape(r.ID), nil, maxVulnBody, &raw)
				var a *Advisory
				if err == nil {
					a, err = ParseAdvisory(raw)
				}
				if err == nil {
					a = a.compacted()
				}
				mu.Lock()
				if err != nil && firstErr == nil {
					firstErr = fmt.Errorf("vulns/%s: %w", r.ID, err)
				}
				if err == nil {
					out[r.ID] = a
				}
				mu.Unlock()
			}
		}()
	}
	for _, r := range need {
		select {
		case jobs <- r:
		case <-ctx.Done():
		}
	}
	close(jobs)
	wg.Wait()
	if firstErr == nil {
		firstErr = ctx.Err()
	}
	if firstErr != nil {
		return nil, firstErr
	}
	return out, nil
}

func sameTime(a, b string) bool {
	ta, ea := time.Parse(time.RFC3339Nano, a)
	tb, eb := time.Parse(time.RFC3339Nano, b)
	if ea != nil || eb != nil {
		return a == b
	}
	return ta.Equal(tb)
}

// do sends one request and decodes a JSON answer of at most limit bytes.
func (c *Client) do(ctx context.Context, method, u string, body []byte, limit int64, v any) error {
	var rd io.Reader
	if body != nil {
		rd = bytes.NewReader(body)
	}
	req, err := http.NewRequestWithContext(ctx, method, u, rd)
	if err != nil {
		return err
	}
	req.Header.Set("User-Agent", c.o.UserAgent)
	req.Header.Set("Accept", "application/json")
	if body != nil {
		req.Header.Set("Content-Type", "application/json")
	}
	resp, err := c.o.HTTP.Do(req)
	if err != nil {
		if ctx.Err() != nil {
			return ctx.Err()
		}
		return err
	}
	defer resp.Body.Close()
	data, err := io.ReadAll(io.LimitReader(resp.Body, limit+1))
	if err != nil {
		return err
	}
	if resp.StatusCode != http.StatusOK {
		snippet := strings.TrimSpace(string(data))
		if len(snippet) > 120 {
			snippet = snippet[:120]
		}
		return fmt.Errorf("%s %s: HTTP %d %s", method, strings.TrimPrefix(u, c.o.BaseURL), resp.StatusCode, snippet)
	}
	if int64(len(data)) > limit {
		return fmt.Errorf("%s %s: answer larger than %d MiB", method, strings.TrimPrefix(u, c.o.BaseURL), limit>>20)
	}
	if err := json.Unmarshal(data, v); err != nil {
		return fmt.Errorf("%s %s: %w", method, strings.TrimPrefix(u, c.o.BaseURL), err)
	}
	return nil
}

// Cache files: pkgs/<name>.json under CacheDir. Writes are best-effort and
// atomic (temporary file, then rename).

func (c *Client) readPackage(name string) *cachedPackage {
	if c.o.CacheDir == "" || !safeName(name) {
		return nil
	}
	b, err := os.ReadFile(filepath.Join(c.o.CacheDir, "pkgs", name+".json"))
	if err != nil {
		return nil
	}
	var cp cachedPackage
	if json.Unmarshal(b, &cp) != nil {
		return nil
	}
	return &cp
}

func (c *Client) writePackage(name string, cp *cachedPackage) {
	if c.o.CacheDir == "" || !safeName(name) {
		return
	}
	if b, err := json.Marshal(cp); err == nil {
		writeAtomic(filepath.Join(c.o.CacheDir, "pkgs"), name+".json", b)
	}
}

// safeID reports an advisory id usable as a file name.
func safeID(id string) bool {
	if id == "" || len(id) > 100 || id[0] == '.' {
		return false
	}
	for i := 0; i < len(id); i++ {
		ch := id[i]
		if !(ch >= 'a' && ch <= 'z' || ch >= 'A' && ch <= 'Z' || ch >= '0' && ch <= '9' || ch == '-' || ch == '_' || ch == '.') {
			return false
		}
	}
	return true
}

func writeAtomic(dir, name string, b []byte) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, "."+name+".tmp-")
	if err != nil {
		return
	}
	_, werr := f.Write(b)
	cerr := f.Close()
	if werr != nil || cerr != nil {
		_ = os.Remove(f.Name())
		return
	}
	if os.Rename(f.Name(), filepath.Join(dir, name)) != nil {
		_ = os.Remove(f.Name())
	}
}

// CacheStats counts the packages in the API cache, for `db status`.
func CacheStats(dir string) int {
	entries, err := os.ReadDir(filepath.Join(dir, "pkgs"))
	if err != nil {
		return 0
	}
	n := 0
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".json") && !strings.HasPrefix(e.Name(), ".") {
			n++
		}
	}
	return n
}
