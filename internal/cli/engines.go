package cli

import (
	"context"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/deps"
	"github.com/patchpatrol/patchpatrol/internal/gitx"
	"github.com/patchpatrol/patchpatrol/internal/message"
	"github.com/patchpatrol/patchpatrol/internal/python"
	"github.com/patchpatrol/patchpatrol/internal/review"
	"github.com/patchpatrol/patchpatrol/internal/secrets"
)

// engines are the analyzers of one run: built once and shared by every
// review of the run (an audit's commits included). The Python engine, the
// secrets detector, the dependency engine and the message checks are all
// safe for concurrent use: they keep no state between calls except the
// dependency engine's totals, which it guards.
type engines struct {
	py  *python.Engine
	sec *secrets.Detector
	dep *deps.Analyzer   // nil outside security mode
	msg *message.Checker // nil when no message is reviewed
}

// newEngines builds the engines the settings ask for; withMessage adds the
// commit-message checks (one more git command, for the comment character).
func (a *app) newEngines(ctx context.Context, repo *gitx.Repo, s *config.Settings, withMessage bool) (*engines, error) {
	py, err := python.New(pythonOptions(s))
	if err != nil {
		return nil, err
	}
	sec, err := secrets.New(secrets.Options{})
	if err != nil {
		py.Close()
		return nil, err
	}
	e := &engines{py: py, sec: sec, dep: a.depsEngine(s)} // dependency checks (db.go)
	if withMessage {
		commentChar := s.Message.CommentChar
		if s.Sources["message.comment_char"] == "default" {
			commentChar = repo.CommentChar(ctx)
		}
		e.msg = message.New(message.Options{MaxSubject: s.Message.MaxSubject, MaxBody: s.Message.MaxBody,
			Conventional: s.Message.Conventional, ConventionalTypes: s.Message.ConventionalTypes, CommentChar: commentChar})
	}
	return e, nil
}

// close releases the Python engine's parsers.
func (e *engines) close() { e.py.Close() }

// apply puts the engines into a review request.
func (e *engines) apply(req *review.Request) {
	req.Engines = []analysis.Analyzer{e.py, e.sec}
	if e.dep != nil {
		req.Engines = append(req.Engines, e.dep)
	}
	if e.msg != nil {
		req.Messages = []analysis.MessageAnalyzer{e.msg, e.sec}
	}
	req.Redact = e.redact
}

// redact masks secrets in text a finding carries.
func (e *engines) redact(text string) string {
	out, _ := e.sec.Redact(text, secrets.RedactOptions{})
	return out
}
