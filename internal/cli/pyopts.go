package cli

import (
	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/python"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// pythonOptions maps the settings onto the Python engine's options; every
// command that builds the engine uses it, so none forgets a setting.
func pythonOptions(s *config.Settings) python.Options {
	return python.Options{
		MaxFunctionLines: s.Quality.MaxFunctionLines,
		MaxComplexity:    s.Quality.MaxComplexity,
		AllowPrintIn:     s.Quality.AllowPrintIn,
		Taint:            python.TaintConfig{Sources: s.Taint.Sources, Sanitizers: s.Taint.Sanitizers},
		// A review keeps only its mode's kind of finding (review.Mode.Wants).
		Kinds: []finding.Kind{modeKind(s.Mode)},
	}
}

func modeKind(m review.Mode) finding.Kind {
	if m == review.ModeSecurity {
		return finding.KindSecurity
	}
	return finding.KindQuality
}
