package finding

import (
	"fmt"
	"strings"
)

// Severity says how bad a problem is. The zero value is None: no problem.
type Severity int

// Severities, in increasing order; comparisons such as s >= High are meaningful.
const (
	None Severity = iota
	Low
	Medium
	High
	Critical
)

var severityNames = [...]string{"NONE", "LOW", "MEDIUM", "HIGH", "CRITICAL"}

func (s Severity) String() string {
	if s < None || s > Critical {
		return fmt.Sprintf("Severity(%d)", int(s))
	}
	return severityNames[s]
}

// ParseSeverity reads a severity name, case-insensitively.
func ParseSeverity(s string) (Severity, error) {
	u := strings.ToUpper(strings.TrimSpace(s))
	for i, n := range severityNames {
		if n == u {
			return Severity(i), nil
		}
	}
	return None, fmt.Errorf("unknown severity %q (want one of LOW, MEDIUM, HIGH, CRITICAL)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (s Severity) MarshalText() ([]byte, error) { return []byte(s.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (s *Severity) UnmarshalText(b []byte) error {
	v, err := ParseSeverity(string(b))
	if err != nil {
		return err
	}
	*s = v
	return nil
}

// Confidence says how sure an engine is that a finding is real, kept apart
// from Severity as gosec does. The zero value is unset and reads as Medium.
type Confidence int

// Confidence levels, in increasing order.
const (
	ConfidenceUnset Confidence = iota
	ConfidenceLow
	ConfidenceMedium
	ConfidenceHigh
)

var confidenceNames = [...]string{"MEDIUM", "LOW", "MEDIUM", "HIGH"}

func (c Confidence) String() string {
	if c < ConfidenceUnset || c > ConfidenceHigh {
		return fmt.Sprintf("Confidence(%d)", int(c))
	}
	return confidenceNames[c]
}

// Normalize maps the unset value to Medium.
func (c Confidence) Normalize() Confidence {
	if c == ConfidenceUnset {
		return ConfidenceMedium
	}
	return c
}

// ParseConfidence reads a confidence name, case-insensitively.
func ParseConfidence(s string) (Confidence, error) {
	switch strings.ToUpper(strings.TrimSpace(s)) {
	case "LOW":
		return ConfidenceLow, nil
	case "MEDIUM":
		return ConfidenceMedium, nil
	case "HIGH":
		return ConfidenceHigh, nil
	}
	return ConfidenceUnset, fmt.Errorf("unknown confidence %q (want LOW, MEDIUM or HIGH)", s)
}

// MarshalText implements encoding.TextMarshaler.
func (c Confidence) MarshalText() ([]byte, error) { return []byte(c.String()), nil }

// UnmarshalText implements encoding.TextUnmarshaler.
func (c *Confidence) UnmarshalText(b []byte) error {
	v, err := ParseConfidence(string(b))
	if err != nil {
		return err
	}
	*c = v
	return nil
}
