package audit

import (
	"fmt"
	"hash/fnv"
	"strconv"
	"strings"
)

// Shard is one part of a job split n ways: commits by the hash of their id,
// files by the hash of their path. The split depends only on the key, never
// on its position, so a commit stays in its shard however the range grows.
// The zero Shard is the whole job.
type Shard struct {
	Index, Count int // 1-based index; Count 0 means not sharded
}

// ParseShard reads "i/n" with 1 <= i <= n; "" is the whole job.
func ParseShard(s string) (Shard, error) {
	s = strings.TrimSpace(s)
	if s == "" {
		return Shard{}, nil
	}
	is, ns, ok := strings.Cut(s, "/")
	i, ierr := strconv.Atoi(strings.TrimSpace(is))
	n, nerr := strconv.Atoi(strings.TrimSpace(ns))
	switch {
	case !ok || ierr != nil || nerr != nil:
		return Shard{}, fmt.Errorf("--shard %s: expected i/n, such as 2/4 (the second of four shards)", s)
	case n < 1:
		return Shard{}, fmt.Errorf("--shard %s: n must be at least 1", s)
	case i < 1 || i > n:
		return Shard{}, fmt.Errorf("--shard %s: i must be in 1..n", s)
	}
	return Shard{Index: i, Count: n}, nil
}

// String is "i/n", or "" for the whole job.
func (s Shard) String() string {
	if s.Count == 0 {
		return ""
	}
	return fmt.Sprintf("%d/%d", s.Index, s.Count)
}

// Has reports whether key (a commit id, a path) belongs to this shard.
func (s Shard) Has(key string) bool {
	if s.Count <= 1 {
		return true
	}
	h := fnv.New64a()
	h.Write([]byte(key))
	return int(h.Sum64()%uint64(s.Count)) == s.Index-1
}
