package gitx

import (
	"bytes"
	"context"
	"fmt"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/diff"
)

// PatchID returns `git patch-id --stable` of the change files describe: a
// hash that ignores line numbers and whitespace, so the same patch staged
// again, rebased or cherry-picked gets the same id. The files are rendered
// back into a unified diff (binary files and mode-only changes carry no
// hunks and do not count). A change without hunks has no patch id: "".
func (r *Repo) PatchID(ctx context.Context, files []diff.File) (string, error) {
	patch := RenderPatch(files)
	if len(patch) == 0 {
		return "", nil
	}
	out, err := r.run(ctx, bytes.NewReader(patch), "patch-id", "--stable")
	if err != nil {
		return "", fmt.Errorf("patch id: %w", err)
	}
	id, _, _ := strings.Cut(strings.TrimSpace(string(out)), " ")
	if id == "" {
		return "", nil
	}
	if !isObjectID(id) {
		return "", fmt.Errorf("patch id: git patch-id printed %q: expected a hash", out)
	}
	return id, nil
}

// RenderPatch writes files as a unified diff with a/ and b/ prefixes, the
// form git patch-id reads. Files without hunks are left out.
func RenderPatch(files []diff.File) []byte {
	var b bytes.Buffer
	for i := range files {
		f := &files[i]
		if len(f.Hunks) == 0 {
			continue
		}
		oldP, newP := f.OldPath, f.NewPath
		if oldP == "" {
			oldP = newP
		}
		if newP == "" {
			newP = oldP
		}
		fmt.Fprintf(&b, "diff --git a/%s b/%s\n", oldP, newP)
		if f.OldPath == "" {
			b.WriteString("--- /dev/null\n")
		} else {
			fmt.Fprintf(&b, "--- a/%s\n", f.OldPath)
		}
		if f.NewPath == "" {
			b.WriteString("+++ /dev/null\n")
		} else {
			fmt.Fprintf(&b, "+++ b/%s\n", f.NewPath)
		}
		for _, h := range f.Hunks {
			fmt.Fprintf(&b, "@@ -%d,%d +%d,%d @@\n", h.OldStart, h.OldLines, h.NewStart, h.NewLines)
			for _, l := range h.Lines {
				b.WriteByte(byte(l.Kind))
				b.WriteString(l.Text)
				b.WriteByte('\n')
			}
		}
	}
	return b.Bytes()
}
