package cli

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/deps"
)

// realRecords reads PyPA advisory records (../shared/data relative to the
// module root) for the given packages, or skips.
func realRecords(t testing.TB, pkgs ...string) []*deps.Advisory {
	t.Helper()
	db := filepath.Join("..", "..", "..", "shared", "data", "pypa-advisory-db", "vulns")
	var out []*deps.Advisory
	for _, p := range pkgs {
		advs, _, err := deps.ImportDir(context.Background(), filepath.Join(db, p))
		if err != nil {
			t.Skipf("the PyPA advisory data is not at %s (CI has it at ../shared/data): %v", db, err)
		}
		out = append(out, advs...)
	}
	return out
}

// fakeOSV speaks the OSV API (querybatch, vulns/{id}) over some records.
func fakeOSV(t testing.TB, advs []*deps.Advisory) (*httptest.Server, *atomic.Int64) {
	byName := map[string][]*deps.Advisory{}
	byID := map[string]*deps.Advisory{}
	for _, a := range advs {
		byID[a.ID] = a
		for _, p := range a.Packages() {
			byName[p] = append(byName[p], a)
		}
	}
	var calls atomic.Int64
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		calls.Add(1)
		if r.URL.Path == "/v1/querybatch" {
			var req struct {
				Queries []struct{ Package struct{ Name string } }
			}
			json.NewDecoder(r.Body).Decode(&req)
			var res struct {
				Results []map[string][]map[string]string `json:"results"`
			}
			for _, q := range req.Queries {
				var vulns []map[string]string
				for _, a := range byName[deps.NormalizeName(q.Package.Name)] {
					vulns = append(vulns, map[string]string{"id": a.ID, "modified": a.Modified})
				}
				res.Results = append(res.Results, map[string][]map[string]string{"vulns": vulns})
			}
			json.NewEncoder(w).Encode(res)
			return
		}
		if a := byID[strings.TrimPrefix(r.URL.Path, "/v1/vulns/")]; a != nil {
			json.NewEncoder(w).Encode(a)
			return
		}
		http.NotFound(w, r)
	}))
	t.Cleanup(srv.Close)
	return srv, &calls
}

type depsRepo struct {
	dir string
	env map[string]string
}

func newDepsRepo(t testing.TB, files map[string]string) *depsRepo {
	dir := t.TempDir()
	r := &depsRepo{dir: dir, env: map[string]string{"HOME": dir + "/home", "GIT_CONFIG_NOSYSTEM": "1", "GIT_AUTHOR_NAME": "a",
		"GIT_AUTHOR_EMAIL": "a@example.com", "GIT_COMMITTER_NAME": "a", "GIT_COMMITTER_EMAIL": "a@example.com", "PATH": os.Getenv("PATH")}}
	var env []string
	for k, v := range r.env {
		env = append(env, k+"="+v)
	}
	if out, err := runErr(dir, env, "git", "init", "-q"); err != nil {
		t.Fatal(err, out)
	}
	for name, body := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	if out, err := runErr(dir, env, "git", "add", "."); err != nil {
		t.Fatal(err, out)
	}
	return r
}

func (r *depsRepo) run(args ...string) (int, string, string) {
	var out, errb bytes.Buffer
	code := Run(context.Background(), args, IO{Stdout: &out, Stderr: &errb, Getenv: func(k string) string { return r.env[k] }, Dir: r.dir})
	return code, out.String(), errb.String()
}

// TestReviewOnlineOSV reviews a staged requirements file against a local
// server that speaks the OSV API, then again with the server gone: the
// cached answers are used.
func TestReviewOnlineOSV(t *testing.T) {
	srv, calls := fakeOSV(t, realRecords(t, "idna", "requests"))
	r := newDepsRepo(t, map[string]string{"requirements.txt": "idna==2.9\nrequests==2.31.0\n"})
	r.env["PATCHPATROL_OSV_URL"] = srv.URL
	code, out, errs := r.run("review-changes", "--mode", "security", "--hard", "--format", "json")
	if code != ExitBlocked || !strings.Contains(out, `"rule_id": "PP901"`) || !strings.Contains(out, "PYSEC-2024-60") {
		t.Fatalf("exit %d\n%s\n%s", code, out, errs)
	}
	if calls.Load() < 2 {
		t.Errorf("%d requests to the OSV API, want querybatch and vulns/{id}", calls.Load())
	}
	if n := deps.CacheStats(filepath.Join(r.env["HOME"], ".cache", "patchpatrol", "osv", "api")); n != 2 {
		t.Errorf("%d packages cached, want 2", n)
	}
	srv.Close()
	before := calls.Load()
	code, out, _ = r.run("review-changes", "--mode", "security", "--hard", "--require-advisories")
	if code != ExitBlocked || !strings.Contains(out, "PYSEC-2024-60") || calls.Load() != before {
		t.Errorf("cached review: exit %d, %d more requests\n%s", code, calls.Load()-before, out)
	}
}

// TestDBUpdateDownload downloads an export zip from a local server, with
// the integrity headers the real storage server sends, then reviews offline.
func TestDBUpdateDownload(t *testing.T) {
	advs := realRecords(t, "idna")
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	for _, a := range advs {
		w, _ := zw.Create(a.ID + ".json")
		json.NewEncoder(w).Encode(a)
	}
	zw.Close()
	data := buf.Bytes()
	sum := md5.Sum(data)
	srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("X-Goog-Hash", "md5="+base64.StdEncoding.EncodeToString(sum[:]))
		w.Header().Set("Content-Length", strconv.Itoa(len(data)))
		w.Write(data)
	}))
	defer srv.Close()
	r := newDepsRepo(t, map[string]string{"requirements.txt": "idna==2.9\n"})
	r.env["PATCHPATROL_OSV_DB_URL"] = srv.URL + "/PyPI/all.zip"
	code, out, errs := r.run("db", "update")
	if code != 0 || !strings.Contains(out, "1 advisories for 1 packages") || !strings.Contains(out, "verified length, md5") {
		t.Fatalf("db update: exit %d\n%s\n%s", code, out, errs)
	}
	code, out, _ = r.run("review-changes", "--mode", "security", "--offline", "-q")
	if code != 0 || !strings.Contains(out, "PYSEC-2024-60") {
		t.Errorf("offline review: exit %d\n%s", code, out)
	}
	// A damaged download is refused and the database stays.
	sum[0] ^= 0xff
	code, _, errs = r.run("db", "update", "--url", srv.URL+"/all.zip")
	if code != ExitUsage || !strings.Contains(errs, "MD5 does not match") {
		t.Errorf("damaged download: exit %d\n%s", code, errs)
	}
	if code, out, _ = r.run("db", "status"); code != 0 || !strings.Contains(out, "1 advisories for 1 packages") {
		t.Errorf("status after a failed update: %s", out)
	}
}

// BenchmarkReviewRequirements times review-changes in security mode on a
// staged 30-line requirements file with a warm OSV cache ("manifest"), and
// on the same bytes staged under a name that is not a manifest ("plain"):
// the difference is the time the dependency checks add to a review.
func BenchmarkReviewRequirements(b *testing.B) {
	var reqs strings.Builder
	for _, p := range []string{"requests==2.19.0", "django==3.2.0", "flask==2.0.1", "jinja2==2.10", "pyyaml==5.3", "urllib3==1.26.4",
		"certifi==2020.12.5", "idna==2.9", "lxml==4.6.2", "pillow==8.1.0", "numpy==1.21.0", "pandas==1.3.0", "click==8.0.1",
		"sqlalchemy==1.4.20", "celery==5.1.2", "redis==3.5.3", "boto3==1.18.0", "botocore==1.21.0", "cryptography==3.3.1",
		"paramiko==2.7.2", "pytest==6.2.4", "black==22.1.0", "setuptools==57.0.0", "wheel==0.36.2", "gunicorn==20.1.0",
		"werkzeug==2.0.1", "markupsafe==2.0.1", "six==1.16.0", "attrs==21.2.0", "aiohttp==3.7.4"} {
		fmt.Fprintln(&reqs, p)
	}
	names := []string{"requests", "django", "flask", "jinja2", "pyyaml", "urllib3", "certifi", "idna", "lxml", "pillow", "numpy",
		"pandas", "click", "sqlalchemy", "celery", "redis", "boto3", "botocore", "cryptography", "paramiko", "pytest", "black",
		"setuptools", "wheel", "gunicorn", "werkzeug", "markupsafe", "six", "attrs", "aiohttp"}
	var present []string
	for _, n := range names {
		if _, err := os.Stat(filepath.Join("..", "..", "..", "shared", "data", "pypa-advisory-db", "vulns", n)); err == nil {
			present = append(present, n)
		}
	}
	srv, _ := fakeOSV(b, realRecords(b, present...))
	for _, c := range []struct{ name, file string }{{"manifest", "requirements.txt"}, {"plain", "notes.txt"}} {
		b.Run(c.name, func(b *testing.B) {
			r := newDepsRepo(b, map[string]string{c.file: reqs.String()})
			r.env["PATCHPATROL_OSV_URL"] = srv.URL
			r.run("review-changes", "--mode", "security", "-q") // warm the cache
			b.ResetTimer()
			for b.Loop() {
				if code, out, errs := r.run("review-changes", "--mode", "security", "-q"); code != 0 {
					b.Fatalf("exit %d\n%s%s", code, out, errs)
				}
			}
		})
	}
}
