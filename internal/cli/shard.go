package cli

import (
	"github.com/patchpatrol/patchpatrol/internal/audit"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// shardFiles keeps the files (and the skipped files) of one shard of a scan,
// by the hash of their path, so a file stays in its shard however the tree
// grows, and the shards together hold every file exactly once.
func shardFiles(sh audit.Shard, files []scanFile, skipped []review.Skip) ([]scanFile, []review.Skip) {
	if sh.Count <= 1 {
		return files, skipped
	}
	keep := files[:0:0]
	for _, f := range files {
		if sh.Has(f.path) {
			keep = append(keep, f)
		}
	}
	var skips []review.Skip
	for _, s := range skipped {
		if sh.Has(s.File) {
			skips = append(skips, s)
		}
	}
	return keep, skips
}
