package deps

import (
	"context"
	"crypto/md5"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"net/http"
	"strings"
)

// DefaultExportURL is OSV's export of every PyPI advisory.
const DefaultExportURL = "https://osv-vulnerabilities.storage.googleapis.com/PyPI/all.zip"

// DownloadOptions configure Download.
type DownloadOptions struct {
	URL      string       // "" is DefaultExportURL
	HTTP     *http.Client // nil: http.DefaultClient
	MaxBytes int64        // 0: 1 GiB
	// Progress is called as bytes arrive; total is -1 when the server did
	// not say.
	Progress  func(done, total int64)
	UserAgent string
}

// DownloadInfo describes a finished download.
type DownloadInfo struct {
	Bytes   int64
	SHA256  string
	Checked []string // the integrity checks that passed: "length", "md5", "crc32c"
}

// Download fetches the export into w and checks its integrity: the length
// against Content-Length, and the MD5 and CRC32C digests the storage server
// sends in x-goog-hash, when it sends them. (The zip's own CRC-32 of every
// entry is checked again on import.)
func Download(ctx context.Context, o DownloadOptions, w io.Writer) (DownloadInfo, error) {
	var info DownloadInfo
	u := o.URL
	if u == "" {
		u = DefaultExportURL
	}
	client := o.HTTP
	if client == nil {
		client = http.DefaultClient
	}
	limit := o.MaxBytes
	if limit <= 0 {
		limit = 1 << 30
	}
	req, err := http.NewRequestWithContext(ctx, http.MethodGet, u, nil)
	if err != nil {
		return info, fmt.Errorf("download %s: %w", u, err)
	}
	if o.UserAgent != "" {
		req.Header.Set("User-Agent", o.UserAgent)
	}
	resp, err := client.Do(req)
	if err != nil {
		return info, fmt.Errorf("download %s: %w", u, err)
	}
	defer resp.Body.Close()
	if resp.StatusCode != http.StatusOK {
		return info, fmt.Errorf("download %s: HTTP %d", u, resp.StatusCode)
	}
	total := resp.ContentLength
	if total > limit {
		return info, fmt.Errorf("download %s: %d bytes is more than the %d MiB limit", u, total, limit>>20)
	}
	wantMD5, wantCRC := googHashes(resp.Header.Values("X-Goog-Hash"))
	sha := sha256.New()
	md := md5.New()
	crc := crc32.New(crc32.MakeTable(crc32.Castagnoli))
	sinks := io.MultiWriter(w, sha, md, crc)
	buf := make([]byte, 64<<10)
	for {
		n, rerr := resp.Body.Read(buf)
		if n > 0 {
			if _, err := sinks.Write(buf[:n]); err != nil {
				return info, fmt.Errorf("download %s: write: %w", u, err)
			}
			info.Bytes += int64(n)
			if info.Bytes > limit {
				return info, fmt.Errorf("download %s: more than the %d MiB limit", u, limit>>20)
			}
			if o.Progress != nil {
				o.Progress(info.Bytes, total)
			}
		}
		if rerr == io.EOF {
			break
		}
		if rerr != nil {
			return info, fmt.Errorf("download %s: %w", u, rerr)
		}
	}
	if total >= 0 {
		if info.Bytes != total {
			return info, fmt.Errorf("download %s: got %d of %d bytes: the transfer was cut; try again", u, info.Bytes, total)
		}
		info.Checked = append(info.Checked, "length")
	}
	if wantMD5 != nil {
		if !equalBytes(md.Sum(nil), wantMD5) {
			return info, fmt.Errorf("download %s: MD5 does not match the server's x-goog-hash: the file is damaged; try again", u)
		}
		info.Checked = append(info.Checked, "md5")
	}
	if wantCRC != nil {
		if !equalBytes(crcBytes(crc), wantCRC) {
			return info, fmt.Errorf("download %s: CRC32C does not match the server's x-goog-hash: the file is damaged; try again", u)
		}
		info.Checked = append(info.Checked, "crc32c")
	}
	info.SHA256 = hex.EncodeToString(sha.Sum(nil))
	return info, nil
}

// googHashes reads "crc32c=<base64>, md5=<base64>" headers (one or several).
func googHashes(values []string) (md5sum, crc []byte) {
	for _, v := range values {
		for _, part := range strings.Split(v, ",") {
			k, val, ok := strings.Cut(strings.TrimSpace(part), "=")
			if !ok {
				continue
			}
			b, err := base64.StdEncoding.DecodeString(strings.TrimSpace(val))
			if err != nil {
				continue
			}
			switch strings.ToLower(k) {
			case "md5":
				md5sum = b
			case "crc32c":
				crc = b
			}
		}
	}
	return md5sum, crc
}

func crcBytes(h hash.Hash32) []byte {
	var b [4]byte
	binary.BigEndian.PutUint32(b[:], h.Sum32())
	return b[:]
}

func equalBytes(a, b []byte) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
