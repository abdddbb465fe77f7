// Package hugeheap prepares the Go heap for a large, short-lived analysis.
//
// A whole-tree scan builds hundreds of megabytes of syntax trees and
// interpreter state in a few seconds. Every fresh 4 KiB page costs a page
// fault, and on virtual machines those faults were a third of the scan's
// time. Linux backs memory with 2 MiB transparent huge pages only where a
// program asks for them (the default "madvise" setting), and the Go runtime
// does not ask. Reserve allocates one large block up front, asks for huge
// pages on it, and frees it: the heap then grows into that block, 512 times
// fewer faults.
package hugeheap
