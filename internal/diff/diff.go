package diff

// Status is what a change did to a file.
type Status string

// File statuses, as git's --name-status letters name them.
const (
	Added    Status = "added"
	Modified Status = "modified"
	Deleted  Status = "deleted"
	Renamed  Status = "renamed"
	Copied   Status = "copied"
)

// LineKind is the role of one line in a hunk.
type LineKind byte

// Line kinds, as the first byte of a hunk line.
const (
	Context LineKind = ' '
	Add     LineKind = '+'
	Delete  LineKind = '-'
)

// File is one file of a unified diff. Paths are repository-relative, without
// the a/ and b/ prefixes and with git's C-quoting undone. For a deleted file
// NewPath is empty; for an added file OldPath is empty.
//
// A sample hunk and how it is numbered:
//
//	@@ -10,3 +10,4 @@ def handler():
//	     x = 1          Context  Old 10  New 10
//	-    y = 2          Delete   Old 11  New 0
//	+    y = 3          Add      Old 0   New 11
//	+    z = 4          Add      Old 0   New 12
//	     return x       Context  Old 12  New 13
type File struct {
	OldPath, NewPath string
	Status           Status
	OldMode, NewMode string // "100644", "100755", "120000" (symlink), "160000" (submodule)
	Binary           bool
	Hunks            []Hunk
}

// Path returns the path the change leaves behind (the old path for a deletion).
func (f *File) Path() string {
	if f.NewPath != "" {
		return f.NewPath
	}
	return f.OldPath
}

// IsSubmodule reports whether either side is a gitlink.
func (f *File) IsSubmodule() bool { return f.OldMode == "160000" || f.NewMode == "160000" }

// IsSymlink reports whether the new side is a symbolic link.
func (f *File) IsSymlink() bool { return f.NewMode == "120000" }

// Hunk is one @@ section.
type Hunk struct {
	OldStart, OldLines int
	NewStart, NewLines int
	Section            string // the text after the closing @@, often a function header
	Lines              []Line
}

// Line is one line of a hunk. Old and New are 1-based line numbers on each
// side; the side a line does not exist on is 0.
type Line struct {
	Kind     LineKind
	Old, New int
	Text     string // without the leading marker and the newline
}

// AddedLines returns the new-side line numbers that the change adds or
// modifies, in increasing order.
func (f *File) AddedLines() []int {
	var out []int
	for _, h := range f.Hunks {
		for _, l := range h.Lines {
			if l.Kind == Add {
				out = append(out, l.New)
			}
		}
	}
	return out
}

// Stats counts added and deleted lines.
func (f *File) Stats() (added, deleted int) {
	for _, h := range f.Hunks {
		for _, l := range h.Lines {
			switch l.Kind {
			case Add:
				added++
			case Delete:
				deleted++
			}
		}
	}
	return added, deleted
}
