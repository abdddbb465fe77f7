package deps

import (
	"context"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"
)

// osvServer is a test server that speaks the OSV API over a set of
// advisories: POST /v1/querybatch (package queries, pageSize results per
// page with next_page_token) and GET /v1/vulns/{id}. fail makes every
// request answer with that status.
type osvServer struct {
	t        testing.TB
	mem      *Memory
	pageSize int
	fail     int
	slow     time.Duration

	mu       sync.Mutex
	batches  int
	vulnGets int
	queries  []string
}

func (s *osvServer) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	s.mu.Lock()
	fail, slow := s.fail, s.slow
	s.mu.Unlock()
	if slow > 0 {
		select {
		case <-time.After(slow):
		case <-r.Context().Done():
			return
		}
	}
	if fail != 0 {
		http.Error(w, `{"code":13,"message":"internal error"}`, fail)
		return
	}
	switch {
	case r.Method == http.MethodPost && r.URL.Path == "/v1/querybatch":
		s.querybatch(w, r)
	case r.Method == http.MethodGet && strings.HasPrefix(r.URL.Path, "/v1/vulns/"):
		s.vuln(w, strings.TrimPrefix(r.URL.Path, "/v1/vulns/"))
	default:
		http.NotFound(w, r)
	}
}

func (s *osvServer) querybatch(w http.ResponseWriter, r *http.Request) {
	var req struct {
		Queries []struct {
			Package   struct{ Name, Ecosystem string }
			Version   string `json:"version"`
			PageToken string `json:"page_token"`
		} `json:"queries"`
	}
	if err := json.NewDecoder(r.Body).Decode(&req); err != nil {
		http.Error(w, "bad json", http.StatusBadRequest)
		return
	}
	s.mu.Lock()
	s.batches++
	s.mu.Unlock()
	type ref struct {
		ID       string `json:"id"`
		Modified string `json:"modified"`
	}
	type result struct {
		Vulns         []ref  `json:"vulns,omitempty"`
		NextPageToken string `json:"next_page_token,omitempty"`
	}
	var out struct {
		Results []result `json:"results"`
	}
	for _, q := range req.Queries {
		if q.Package.Ecosystem != "PyPI" || q.Version != "" {
			s.t.Errorf("query %+v: want a PyPI package query without a version", q)
		}
		s.mu.Lock()
		s.queries = append(s.queries, q.Package.Name)
		s.mu.Unlock()
		all := s.mem.Advisories(q.Package.Name)
		start := 0
		if q.PageToken != "" {
			start = len(strings.TrimPrefix(q.PageToken, "page-")) // token encodes the offset as its length
		}
		end := len(all)
		res := result{}
		if s.pageSize > 0 && end-start > s.pageSize {
			end = start + s.pageSize
			res.NextPageToken = "page-" + strings.Repeat("x", end)
		}
		for _, a := range all[start:end] {
			res.Vulns = append(res.Vulns, ref{a.ID, a.Modified})
		}
		out.Results = append(out.Results, res)
	}
	_ = json.NewEncoder(w).Encode(out)
}

func (s *osvServer) vuln(w http.ResponseWriter, id string) {
	s.mu.Lock()
	s.vulnGets++
	s.mu.Unlock()
	for _, name := range s.mem.Packages() {
		for _, a := range s.mem.Advisories(name) {
			if a.ID == id {
				_ = json.NewEncoder(w).Encode(a)
				return
			}
		}
	}
	http.Error(w, `{"code":5,"message":"Bug not found."}`, http.StatusNotFound)
}

func newOSVServer(t *testing.T) (*osvServer, *httptest.Server) {
	return newOSVServer2(t)
}

func newOSVServer2(t testing.TB) (*osvServer, *httptest.Server) {
	_, mem := realDB(t)
	s := &osvServer{t: t, mem: mem}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	return s, srv
}

func TestClientLookup(t *testing.T) {
	s, srv := newOSVServer(t)
	s.pageSize = 7 // django has far more advisories: several pages
	cache := t.TempDir()
	now := time.Date(2024, 10, 12, 0, 0, 0, 0, time.UTC)
	clock := func() time.Time { return now }
	c := NewClient(ClientOptions{BaseURL: srv.URL, CacheDir: cache, Now: clock})
	names := []string{"django", "requests", "not-a-known-package"}
	l := c.Lookup(context.Background(), names)
	if len(l.Missing) != 0 {
		t.Fatalf("missing %v: %s", l.Missing, l.Reason)
	}
	for _, n := range names {
		if got, want := sortedIDs(l.Found[n]), sortedIDs(s.mem.Advisories(n)); strings.Join(got, " ") != strings.Join(want, " ") {
			t.Errorf("%s: %d advisories, want %d", n, len(got), len(want))
		}
	}
	if s.batches < 2 {
		t.Errorf("%d querybatch calls: pagination was not followed", s.batches)
	}
	firstGets := s.vulnGets
	if firstGets == 0 {
		t.Fatal("no vulns/{id} requests")
	}

	// Warm cache: no request at all.
	l = c.Lookup(context.Background(), names)
	if s.batches > 0 && len(l.Missing) != 0 {
		t.Fatalf("warm lookup missing %v", l.Missing)
	}
	batches := s.batches
	l = c.Lookup(context.Background(), names)
	if s.batches != batches || s.vulnGets != firstGets {
		t.Errorf("a fresh cache still asked the server (%d batches, %d gets)", s.batches-batches, s.vulnGets-firstGets)
	}

	// Stale cache: querybatch again, but records with the same modified
	// time are not fetched again.
	now = now.Add(2 * DefaultCacheAge)
	l = c.Lookup(context.Background(), names)
	if s.batches == batches {
		t.Error("a stale cache did not query the server")
	}
	if s.vulnGets != firstGets {
		t.Errorf("%d records fetched again although unchanged", s.vulnGets-firstGets)
	}

	// Server down, stale cache: the cached answers are used, with a note.
	now = now.Add(2 * DefaultCacheAge)
	s.fail = http.StatusServiceUnavailable
	l = c.Lookup(context.Background(), names)
	if len(l.Missing) != 0 || len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "HTTP 503") || !strings.Contains(l.Notes[0], "days old") {
		t.Errorf("stale fallback: missing %v notes %q", l.Missing, l.Notes)
	}

	// Server down, nothing cached: missing, with the reason.
	l = NewClient(ClientOptions{BaseURL: srv.URL, CacheDir: t.TempDir()}).Lookup(context.Background(), []string{"requests"})
	if len(l.Missing) != 1 || !strings.Contains(l.Reason, "HTTP 503") {
		t.Errorf("down, no cache: %+v", l)
	}
}

func TestClientErrors(t *testing.T) {
	cases := []struct {
		name    string
		handler http.HandlerFunc
		reason  string
	}{
		{"not json", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, "<html>") }, "invalid character"},
		{"wrong result count", func(w http.ResponseWriter, r *http.Request) { io.WriteString(w, `{"results":[]}`) }, "0 results for 1 queries"},
		{"429", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "slow down", http.StatusTooManyRequests) }, "HTTP 429"},
		{"vuln missing", func(w http.ResponseWriter, r *http.Request) {
			if r.URL.Path == "/v1/querybatch" {
				io.WriteString(w, `{"results":[{"vulns":[{"id":"PYSEC-0000-0","modified":"2024-01-01T00:00:00Z"}]}]}`)
				return
			}
			http.NotFound(w, r)
		}, "HTTP 404"},
		{"endless pages", func(w http.ResponseWriter, r *http.Request) {
			io.WriteString(w, `{"results":[{"next_page_token":"again"}]}`)
		}, "more than 50 pages"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(c.handler)
			defer srv.Close()
			l := NewClient(ClientOptions{BaseURL: srv.URL}).Lookup(context.Background(), []string{"requests"})
			if len(l.Missing) != 1 || !strings.Contains(l.Reason, c.reason) {
				t.Errorf("reason %q, want it to mention %q (missing %v)", l.Reason, c.reason, l.Missing)
			}
		})
	}
}

func TestClientTimeout(t *testing.T) {
	s, srv := newOSVServer(t)
	s.slow = time.Second
	start := time.Now()
	l := NewClient(ClientOptions{BaseURL: srv.URL, Timeout: 100 * time.Millisecond}).Lookup(context.Background(), []string{"requests"})
	if time.Since(start) > time.Second {
		t.Errorf("lookup took %v with a 100ms timeout", time.Since(start))
	}
	if len(l.Missing) != 1 || !strings.Contains(l.Reason, "no answer in time") {
		t.Errorf("timeout: %+v", l)
	}
	// Nothing listens here: refused at once.
	l = NewClient(ClientOptions{BaseURL: "http://127.0.0.1:1"}).Lookup(context.Background(), []string{"requests"})
	if len(l.Missing) != 1 || l.Reason == "" {
		t.Errorf("refused: %+v", l)
	}
}

func TestClientCacheIgnoresUnsafeNames(t *testing.T) {
	dir := t.TempDir()
	c := NewClient(ClientOptions{CacheDir: dir})
	c.writePackage("../escape", &cachedPackage{})
	entries, _ := os.ReadDir(filepath.Dir(dir))
	for _, e := range entries {
		if e.Name() == "escape.json" || e.Name() == "x.json" {
			t.Errorf("wrote %s outside the cache", e.Name())
		}
	}
}
