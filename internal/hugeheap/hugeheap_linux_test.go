//go:build linux

package hugeheap

import (
	"bufio"
	"os"
	"strconv"
	"strings"
	"testing"
)

// anonHuge returns the process's anonymous memory in transparent huge pages.
func anonHuge(t *testing.T) int64 {
	t.Helper()
	f, err := os.Open("/proc/self/smaps_rollup")
	if err != nil {
		t.Skip("no /proc/self/smaps_rollup:", err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if rest, ok := strings.CutPrefix(sc.Text(), "AnonHugePages:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSuffix(strings.TrimSpace(rest), " kB"), 10, 64)
			if err != nil {
				t.Fatal(err)
			}
			return kb << 10
		}
	}
	t.Fatal("no AnonHugePages line")
	return 0
}

// TestReserveGivesHugePages checks that memory the heap hands out after
// Reserve is backed by huge pages, where the kernel offers them on request.
func TestReserveGivesHugePages(t *testing.T) {
	mode, err := os.ReadFile("/sys/kernel/mm/transparent_hugepage/enabled")
	if err != nil || !strings.Contains(string(mode), "[madvise]") && !strings.Contains(string(mode), "[always]") {
		t.Skip("transparent huge pages are off here")
	}
	before := anonHuge(t)
	Reserve(512 << 20)
	b := make([]byte, 128<<20)
	for i := 0; i < len(b); i += 4096 {
		b[i] = 1
	}
	after := anonHuge(t)
	if after-before < 32<<20 {
		t.Errorf("huge pages grew by %d bytes after touching 128 MiB; want most of it", after-before)
	}
	b[0] = 2
}

func TestReserveSmallIsNoop(t *testing.T) {
	Reserve(0)
	Reserve(-1)
	Reserve(1 << 20)
}
