package cli

import (
	"context"
	"errors"

	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// Exit codes.
const (
	ExitOK          = 0   // reviewed; approved, or soft mode
	ExitBlocked     = 1   // reviewed; not approved in hard mode
	ExitUsage       = 2   // usage, input, configuration or git error
	ExitIncomplete  = 3   // a required part of the review could not run (hard mode)
	ExitInterrupted = 130 // Ctrl-C
)

// UsageError is a bad command line.
type UsageError struct{ Err error }

func (e *UsageError) Error() string { return e.Err.Error() }
func (e *UsageError) Unwrap() error { return e.Err }

// IncompleteError says a required part of the review did not happen.
type IncompleteError struct{ Err error }

func (e *IncompleteError) Error() string { return e.Err.Error() }
func (e *IncompleteError) Unwrap() error { return e.Err }

// exitCode maps a review's outcome to the process exit code. It is pure and
// table-tested.
func exitCode(res *review.Result, err error) int {
	if err != nil {
		var inc *IncompleteError
		switch {
		case errors.Is(err, context.Canceled):
			return ExitInterrupted
		case errors.As(err, &inc):
			return ExitIncomplete
		}
		return ExitUsage
	}
	if res != nil && res.Blocked() {
		return ExitBlocked
	}
	return ExitOK
}

// isUserError reports errors whose message is meant for the user as is.
func isUserError(err error) bool {
	var ue *UsageError
	var ce *config.Error
	var nr *gitx.NotARepoError
	var br *gitx.BadRevisionError
	return errors.As(err, &ue) || errors.As(err, &ce) || errors.As(err, &nr) || errors.As(err, &br)
}
