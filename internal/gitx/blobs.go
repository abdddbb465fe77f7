package gitx

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
)

// Blob is the content of one object spec. Missing is set when the spec
// names no blob (no such path, a submodule, a directory); TooLarge when the
// blob is bigger than the limit, in which case Data is nil but Size is
// known. Reason says why a blob is Missing or TooLarge.
type Blob struct {
	Data              []byte
	Size              int64
	Missing, TooLarge bool
	Reason            string
}

// Blobs reads object specs (":path" for the index, "<sha>:path" for a
// commit) through one `git cat-file --batch` process and returns their
// contents in the same order. maxSize <= 0 means no limit.
//
// cat-file --batch reads one spec per line, so a spec containing a newline
// (or ending in a carriage return, which git would strip) is first resolved
// to an object id with `git rev-parse`, and that id goes through the batch.
func (r *Repo) Blobs(ctx context.Context, specs []string, maxSize int64) ([]Blob, error) {
	blobs := make([]Blob, len(specs))
	lines := make([]string, 0, len(specs)) // what the batch reads
	index := make([]int, 0, len(specs))    // which spec each line answers
	for i, spec := range specs {
		switch {
		case spec == "" || strings.HasPrefix(spec, "-") || strings.ContainsRune(spec, 0):
			blobs[i] = Blob{Missing: true, Reason: "not an object name"}
			continue
		case strings.ContainsRune(spec, '\n') || strings.HasSuffix(spec, "\r"):
			oid, err := r.resolve(ctx, spec)
			if err != nil {
				return nil, err
			}
			if oid == "" {
				blobs[i] = Blob{Missing: true, Reason: "not found"}
				continue
			}
			spec = oid
		}
		lines = append(lines, spec)
		index = append(index, i)
	}
	if len(lines) == 0 {
		return blobs, nil
	}
	if err := r.catFileBatch(ctx, lines, func(n int, b Blob) { blobs[index[n]] = b }, maxSize); err != nil {
		return nil, err
	}
	return blobs, nil
}

// resolve turns a spec into an object id; "" when it names nothing.
func (r *Repo) resolve(ctx context.Context, spec string) (string, error) {
	out, err := r.run(ctx, nil, "rev-parse", "--verify", "--quiet", spec)
	if err != nil {
		var ce *CommandError
		if errors.As(err, &ce) && exitCode(ce.Err) == 1 {
			return "", nil
		}
		return "", fmt.Errorf("resolve %q: %w", spec, err)
	}
	return strings.TrimSpace(string(out)), nil
}

// catFileBatch feeds lines to one `git cat-file --batch` and hands each
// answer to put, in order.
func (r *Repo) catFileBatch(ctx context.Context, lines []string, put func(int, Blob), maxSize int64) error {
	args := []string{"cat-file", "--batch", "--buffer"}
	cmd := r.command(ctx, r.root, args...)
	stdin, err := cmd.StdinPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	stdout, err := cmd.StdoutPipe()
	if err != nil {
		return fmt.Errorf("git cat-file: %w", err)
	}
	var stderr strings.Builder
	cmd.Stderr = &limitedWriter{w: &stderr, n: 4096}
	if err := cmd.Start(); err != nil {
		return fmt.Errorf("start git cat-file: %w", err)
	}

	// Write every spec while reading the answers, so that neither side
	// blocks on a full pipe.
	written := make(chan error, 1)
	go func() {
		w := bufio.NewWriter(stdin)
		var werr error
		for _, l := range lines {
			if _, werr = w.WriteString(l + "\n"); werr != nil {
				break
			}
		}
		if werr == nil {
			werr = w.Flush()
		}
		if cerr := stdin.Close(); werr == nil {
			werr = cerr
		}
		written <- werr
	}()

	br := bufio.NewReaderSize(stdout, 64<<10)
	var readErr error
	for n, l := range lines {
		var b Blob
		if b, readErr = readBatchAnswer(br, maxSize); readErr != nil {
			readErr = fmt.Errorf("read answer %d (%q) of git cat-file --batch: %w", n+1, l, readErr)
			break
		}
		put(n, b)
	}
	if readErr != nil {
		_ = cmd.Process.Kill() // stop git; Wait below reaps it
	}
	_, _ = io.Copy(io.Discard, br)
	werr := <-written
	waitErr := cmd.Wait()
	switch {
	case ctx.Err() != nil:
		return fmt.Errorf("git cat-file --batch: %w", ctx.Err())
	case readErr != nil:
		if s := firstLine(stderr.String()); s != "" {
			return fmt.Errorf("%w: git said: %s", readErr, s)
		}
		return readErr
	case waitErr != nil:
		return &CommandError{Args: args, Stderr: firstLine(stderr.String()), Err: waitErr}
	case werr != nil:
		return fmt.Errorf("write specs to git cat-file --batch: %w", werr)
	}
	return nil
}

// readBatchAnswer reads one answer: "<oid> <type> <size>\n<data>\n", or
// "<spec> missing\n" / "<spec> ambiguous\n".
func readBatchAnswer(br *bufio.Reader, maxSize int64) (Blob, error) {
	header, err := br.ReadString('\n')
	if err != nil {
		return Blob{}, fmt.Errorf("header: %w", unexpectedEOF(err))
	}
	header = strings.TrimSuffix(header, "\n")
	if f := strings.Split(header, " "); len(f) == 3 && isObjectID(f[0]) {
		size, err := strconv.ParseInt(f[2], 10, 64)
		if err != nil || size < 0 {
			return Blob{}, fmt.Errorf("bad size in header %q", header)
		}
		b := Blob{Size: size}
		switch {
		case f[1] != "blob":
			b.Missing, b.Reason = true, "a "+f[1]+", not a file"
		case maxSize > 0 && size > maxSize:
			b.TooLarge, b.Reason = true, fmt.Sprintf("%d bytes, over the limit of %d", size, maxSize)
		default:
			b.Data = make([]byte, size)
			if _, err := io.ReadFull(br, b.Data); err != nil {
				return Blob{}, fmt.Errorf("content: %w", unexpectedEOF(err))
			}
			return b, readLF(br)
		}
		if _, err := io.CopyN(io.Discard, br, size); err != nil {
			return Blob{}, fmt.Errorf("content: %w", unexpectedEOF(err))
		}
		return b, readLF(br)
	}
	switch {
	case strings.HasSuffix(header, " missing"):
		return Blob{Missing: true, Reason: "not found"}, nil
	case strings.HasSuffix(header, " ambiguous"):
		return Blob{Missing: true, Reason: "ambiguous object name"}, nil
	}
	return Blob{}, fmt.Errorf("unexpected header %q", header)
}

func readLF(br *bufio.Reader) error {
	c, err := br.ReadByte()
	if err != nil {
		return fmt.Errorf("content end: %w", unexpectedEOF(err))
	}
	if c != '\n' {
		return fmt.Errorf("content end: got %q, expected a newline", c)
	}
	return nil
}

func unexpectedEOF(err error) error {
	if errors.Is(err, io.EOF) {
		return io.ErrUnexpectedEOF
	}
	return err
}

func isObjectID(s string) bool {
	if len(s) != 40 && len(s) != 64 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if c := s[i]; !('0' <= c && c <= '9' || 'a' <= c && c <= 'f') {
			return false
		}
	}
	return true
}

// limitedWriter keeps the first n bytes written to it and drops the rest.
type limitedWriter struct {
	w io.Writer
	n int
}

func (l *limitedWriter) Write(p []byte) (int, error) {
	if l.n > 0 {
		k := min(len(p), l.n)
		if _, err := l.w.Write(p[:k]); err != nil {
			return 0, err
		}
		l.n -= k
	}
	return len(p), nil
}
