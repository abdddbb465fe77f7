//go:build linux

package hugeheap

import (
	"runtime"
	"syscall"
	"unsafe"
)

const hugePage = 2 << 20

// Reserve grows the Go heap by about n bytes of address space marked for
// transparent huge pages, then gives it back to the heap unused. See the
// package documentation.
func Reserve(n int64) {
	n = min(n, limit())
	if n < 16*hugePage {
		return
	}
	b := make([]byte, n) // fresh pages: not touched here, so nothing faults
	start := (uintptr(unsafe.Pointer(&b[0])) + hugePage - 1) &^ (hugePage - 1)
	end := (uintptr(unsafe.Pointer(&b[0])) + uintptr(n)) &^ (hugePage - 1)
	if end > start {
		// Best effort: a kernel without THP, or with THP off, refuses.
		_, _, _ = syscall.Syscall(syscall.SYS_MADVISE, start, end-start, 14 /* MADV_HUGEPAGE */)
	}
	runtime.KeepAlive(b)
	b = nil
	runtime.GC() // the span goes back to the heap's free pages, still mapped
}

// limit caps the reservation at a quarter of physical memory.
func limit() int64 {
	var si syscall.Sysinfo_t
	if err := syscall.Sysinfo(&si); err != nil {
		return 0
	}
	return int64(si.Totalram) * int64(si.Unit) / 4
}
