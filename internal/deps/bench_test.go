package deps

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
)

// benchRequirements is a 30-line requirements file of popular packages,
// about half with advisories.
func benchRequirements() []byte {
	var b strings.Builder
	for _, r := range []string{"requests==2.19.0", "django==3.2.0", "flask==2.0.1", "jinja2==2.10", "pyyaml==5.3", "urllib3==1.26.4",
		"certifi==2020.12.5", "idna==2.9", "lxml==4.6.2", "pillow==8.1.0", "numpy==1.21.0", "pandas==1.3.0", "click==8.0.1",
		"sqlalchemy==1.4.20", "celery==5.1.2", "redis==3.5.3", "boto3==1.18.0", "botocore==1.21.0", "cryptography==3.3.1",
		"paramiko==2.7.2", "pytest==6.2.4", "black==22.1.0", "setuptools==57.0.0", "wheel==0.36.2", "gunicorn==20.1.0",
		"werkzeug==2.0.1", "markupsafe==2.0.1", "six==1.16.0", "attrs==21.2.0", "aiohttp==3.7.4"} {
		fmt.Fprintln(&b, r)
	}
	return []byte(b.String())
}

// BenchmarkAnalyzeWarmCache is the time a review spends on a changed
// requirements file when the OSV answers are cached: a fresh client and
// analyzer (as in every CLI run), cache reads, parsing and matching. The
// server is there but must not be asked.
func BenchmarkAnalyzeWarmCache(b *testing.B) {
	s, srv := newOSVServer2(b)
	dir := b.TempDir()
	unit := &analysis.Unit{Path: "requirements.txt", Content: benchRequirements()}
	warm := New(Options{Source: NewClient(ClientOptions{BaseURL: srv.URL, CacheDir: dir})})
	if _, err := warm.Analyze(context.Background(), unit); err != nil {
		b.Fatal(err)
	}
	batches := s.batches
	b.ResetTimer()
	for b.Loop() {
		a := New(Options{Source: NewClient(ClientOptions{BaseURL: srv.URL, CacheDir: dir})})
		rep, err := a.Analyze(context.Background(), unit)
		if err != nil || len(rep.Findings) == 0 {
			b.Fatalf("%v, %d findings", err, len(rep.Findings))
		}
	}
	b.StopTimer()
	if s.batches != batches {
		b.Fatalf("the warm cache asked the server %d times", s.batches-batches)
	}
}

// BenchmarkAnalyzeOfflineStore is the same with the local database of
// `patchpatrol db update` (--offline).
func BenchmarkAnalyzeOfflineStore(b *testing.B) {
	advs, _ := realDB(b)
	st := &Store{Dir: b.TempDir() + "/db"}
	if _, err := st.Write(context.Background(), advs, StoreMeta{Source: "bench"}); err != nil {
		b.Fatal(err)
	}
	unit := &analysis.Unit{Path: "requirements.txt", Content: benchRequirements()}
	b.ResetTimer()
	for b.Loop() {
		a := New(Options{Source: &Store{Dir: st.Dir}})
		if _, err := a.Analyze(context.Background(), unit); err != nil {
			b.Fatal(err)
		}
	}
}
