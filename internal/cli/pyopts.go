package cli

import (
	"github.com/patchpatrol/patchpatrol/internal/config"
	"github.com/patchpatrol/patchpatrol/internal/python"
)

// pythonOptions maps the settings onto the Python engine's options; every
// command that builds the engine uses it, so none forgets a setting.
func pythonOptions(s *config.Settings) python.Options {
	return python.Options{
		MaxFunctionLines: s.Quality.MaxFunctionLines,
		MaxComplexity:    s.Quality.MaxComplexity,
		AllowPrintIn:     s.Quality.AllowPrintIn,
		Taint:            python.TaintConfig{Sources: s.Taint.Sources, Sanitizers: s.Taint.Sanitizers},
	}
}
