package deps

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/md5"
	"encoding/base64"
	"encoding/binary"
	"encoding/json"
	"hash/crc32"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

// exportZip builds an OSV export zip (one <ID>.json per record, like
// PyPI/all.zip) from the real advisories of a few packages.
func exportZip(t *testing.T, mem *Memory, pkgs ...string) []byte {
	t.Helper()
	var buf bytes.Buffer
	zw := zip.NewWriter(&buf)
	seen := map[string]bool{}
	for _, p := range pkgs {
		for _, a := range mem.Advisories(p) {
			if seen[a.ID] {
				continue
			}
			seen[a.ID] = true
			w, err := zw.Create(a.ID + ".json")
			if err != nil {
				t.Fatal(err)
			}
			if err := json.NewEncoder(w).Encode(a); err != nil {
				t.Fatal(err)
			}
		}
	}
	if err := zw.Close(); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

func TestStoreImportWriteLookup(t *testing.T) {
	_, mem := realDB(t)
	data := exportZip(t, mem, "requests", "django", "0requests")
	advs, st, err := ImportZip(context.Background(), bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	if st.Kept != len(advs) || st.Kept == 0 {
		t.Errorf("stats %+v for %d advisories", st, len(advs))
	}
	now := time.Date(2024, 10, 12, 0, 0, 0, 0, time.UTC)
	s := &Store{Dir: filepath.Join(t.TempDir(), "db"), Now: func() time.Time { return now }}
	l := s.Lookup(context.Background(), []string{"requests"})
	if len(l.Missing) != 1 || !strings.Contains(l.Reason, "patchpatrol db update") {
		t.Errorf("empty store: %+v", l)
	}
	meta, err := s.Write(context.Background(), advs, StoreMeta{Source: "test.zip", Updated: now})
	if err != nil {
		t.Fatal(err)
	}
	if meta.Packages != 3 || meta.Malicious != 1 || meta.Advisories != len(advs) {
		t.Errorf("meta %+v", meta)
	}
	l = s.Lookup(context.Background(), []string{"requests", "django", "flask"})
	if len(l.Missing) != 0 || len(l.Found["requests"]) != len(mem.Advisories("requests")) || len(l.Found["flask"]) != 0 {
		t.Errorf("lookup: missing %v, %d requests advisories", l.Missing, len(l.Found["requests"]))
	}
	if len(l.Notes) != 0 {
		t.Errorf("fresh store notes %q", l.Notes)
	}
	// Replacing keeps the directory whole and drops what is gone.
	if _, err := s.Write(context.Background(), mem.Advisories("requests"), StoreMeta{Source: "second", Updated: now}); err != nil {
		t.Fatal(err)
	}
	if l := s.Lookup(context.Background(), []string{"django"}); len(l.Found["django"]) != 0 {
		t.Error("an advisory of the old database survived the update")
	}
	now = now.Add(30 * 24 * time.Hour)
	if l := s.Lookup(context.Background(), []string{"requests"}); len(l.Notes) != 1 || !strings.Contains(l.Notes[0], "30 days old") {
		t.Errorf("stale notes %q", l.Notes)
	}
	leftovers, _ := filepath.Glob(s.Dir + ".*")
	if len(leftovers) != 0 {
		t.Errorf("temporary directories left: %v", leftovers)
	}
}

func TestImportRejects(t *testing.T) {
	_, mem := realDB(t)
	good := exportZip(t, mem, "requests")
	// Flip a byte inside the first entry's compressed data: its CRC-32 no
	// longer matches.
	corrupt := append([]byte{}, good...)
	corrupt[60] ^= 0xff
	var notOSV bytes.Buffer
	zw := zip.NewWriter(&notOSV)
	w, _ := zw.Create("README.json")
	w.Write([]byte(`{"hello": "world"}`))
	zw.Close()
	cases := map[string][]byte{"corrupt entry": corrupt, "not a zip": []byte("not a zip at all"), "not OSV": notOSV.Bytes()}
	for name, data := range cases {
		t.Run(name, func(t *testing.T) {
			if _, _, err := ImportZip(context.Background(), bytes.NewReader(data), int64(len(data))); err == nil {
				t.Error("import succeeded")
			}
		})
	}
}

func TestImportDirYAML(t *testing.T) {
	dir := advisoryDBDir(t)
	advs, st, err := ImportDir(context.Background(), filepath.Join(dir, "requests"))
	if err != nil {
		t.Fatal(err)
	}
	if len(advs) == 0 || st.Files != len(advs)+st.Withdrawn+st.Other {
		t.Errorf("stats %+v", st)
	}
	empty := t.TempDir()
	os.WriteFile(filepath.Join(empty, "notes.yaml"), []byte("just: notes\n"), 0o644)
	if _, st, err := ImportDir(context.Background(), empty); err == nil || st.Invalid != 1 {
		t.Errorf("a directory without OSV records: %v, %+v", err, st)
	}
	if _, _, err := ImportPath(context.Background(), filepath.Join(empty, "missing")); err == nil {
		t.Error("a missing path imported")
	}
}

func TestDownloadIntegrity(t *testing.T) {
	payload := bytes.Repeat([]byte("osv export "), 50000)
	md := md5.Sum(payload)
	var crc [4]byte
	binary.BigEndian.PutUint32(crc[:], crc32.Checksum(payload, crc32.MakeTable(crc32.Castagnoli)))
	goodHash := "crc32c=" + base64.StdEncoding.EncodeToString(crc[:]) + ",md5=" + base64.StdEncoding.EncodeToString(md[:])
	cases := []struct {
		name    string
		hash    string
		body    []byte
		length  string
		wantErr string
		checked string
	}{
		{name: "good", hash: goodHash, body: payload, checked: "length,md5,crc32c"},
		{name: "no hashes", body: payload, checked: "length"},
		{name: "md5 mismatch", hash: "md5=" + base64.StdEncoding.EncodeToString(make([]byte, 16)), body: payload, wantErr: "MD5 does not match"},
		{name: "crc mismatch", hash: "crc32c=AAAAAA==", body: payload, wantErr: "CRC32C does not match"},
		{name: "cut short", body: payload[:1000], length: "550000", wantErr: "unexpected EOF"},
		{name: "chunked, no length", body: payload, length: "-", checked: ""},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			srv := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
				if c.hash != "" {
					w.Header().Set("X-Goog-Hash", c.hash)
				}
				switch c.length {
				case "":
					w.Header().Set("Content-Length", strconv.Itoa(len(c.body)))
				case "-":
				default:
					w.Header().Set("Content-Length", c.length)
				}
				w.Write(c.body)
			}))
			defer srv.Close()
			var out bytes.Buffer
			calls := 0
			info, err := Download(context.Background(), DownloadOptions{URL: srv.URL, Progress: func(done, total int64) { calls++ }}, &out)
			if c.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), c.wantErr) {
					t.Errorf("err %v, want %q", err, c.wantErr)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(out.Bytes(), payload) || info.Bytes != int64(len(payload)) || calls == 0 {
				t.Errorf("downloaded %d bytes, %d progress calls", out.Len(), calls)
			}
			if got := strings.Join(info.Checked, ","); got != c.checked {
				t.Errorf("checked %q, want %q", got, c.checked)
			}
		})
	}
	srv := httptest.NewServer(http.NotFoundHandler())
	defer srv.Close()
	if _, err := Download(context.Background(), DownloadOptions{URL: srv.URL}, &bytes.Buffer{}); err == nil || !strings.Contains(err.Error(), "HTTP 404") {
		t.Errorf("404: %v", err)
	}
}
