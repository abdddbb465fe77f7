package python

import (
	"context"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/finding"
)

// A project with its own web framework and helpers: nothing here is a
// source or a sanitizer until the configuration says so.
const corpApp = `import os

from corpsec import clean_shell, clean_sql
from corpweb import current_payload, request
from markupsafe import Markup


def page():
    return Markup(current_payload())


def listing(cursor):
    d = request.params["dir"]
    os.system("ls " + clean_shell(d))
    cursor.execute("SELECT * FROM f WHERE d = '" + clean_shell(d) + "'")
    cursor.execute("SELECT * FROM f WHERE d = '" + clean_sql(d) + "'")
`

func analyzeWith(t *testing.T, tc TaintConfig, src string) []finding.Finding {
	t.Helper()
	e, err := New(Options{Taint: tc})
	if err != nil {
		t.Fatal(err)
	}
	defer e.Close()
	rep, err := e.Analyze(context.Background(), &analysis.Unit{Path: "app/views.py", Content: []byte(src)})
	if err != nil {
		t.Fatal(err)
	}
	return rep.Findings
}

// remoteAt lists "rule:line" for the findings that name request data as
// their source (HIGH confidence taint findings).
func remoteAt(fs []finding.Finding) map[string]bool {
	out := map[string]bool{}
	for _, f := range fs {
		if f.Confidence == finding.ConfidenceHigh && strings.Contains(f.Message, " from ") {
			out[f.RuleID+":"+itoa(int64(f.Line))] = true
		}
	}
	return out
}

func TestConfiguredTaint(t *testing.T) {
	none := remoteAt(analyzeWith(t, TaintConfig{}, corpApp))
	if len(none) != 0 {
		t.Fatalf("without configuration nothing is request data, got %v", none)
	}
	got := remoteAt(analyzeWith(t, TaintConfig{
		Sources:    []string{"corpweb.current_payload", "corpweb.request"},
		Sanitizers: map[string][]string{"corpsec.clean_shell": {"shell"}, "corpsec.clean_sql": {"sql"}},
	}, corpApp))
	want := map[string]bool{
		"PP206:9":  true, // configured source function into Markup()
		"PP201:15": true, // a shell quoter does not protect SQL
	}
	for k := range want {
		if !got[k] {
			t.Errorf("missing %s; got %v", k, got)
		}
	}
	for k := range got {
		if !want[k] {
			t.Errorf("unexpected %s (line 14 is shell-quoted, line 16 SQL-cleaned)", k)
		}
	}
}

func TestConfiguredTaintErrors(t *testing.T) {
	for _, tc := range []struct {
		cfg  TaintConfig
		want string
	}{
		{TaintConfig{Sources: []string{"my app.x"}}, `taint source "my app.x"`},
		{TaintConfig{Sources: []string{"a..b"}}, "dotted Python name"},
		{TaintConfig{Sanitizers: map[string][]string{"a.b": {"sqll"}}}, `unknown sink class "sqll"`},
		{TaintConfig{Sanitizers: map[string][]string{"a.b": nil}}, "list the sink classes"},
	} {
		_, err := New(Options{Taint: tc.cfg})
		if err == nil || !strings.Contains(err.Error(), tc.want) {
			t.Errorf("New(%+v) = %v, want an error containing %q", tc.cfg, err, tc.want)
		}
	}
}
