package review

import (
	"bufio"
	"context"
	"os"
	"strconv"
	"strings"
	"testing"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// TestOversizedFixtures runs the PP809 cases in testdata/PP809/cases.txt.
func TestOversizedFixtures(t *testing.T) {
	f, err := os.Open("testdata/PP809/cases.txt")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	n := 0
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		parts := strings.Split(line, "|")
		if len(parts) != 4 {
			t.Fatalf("bad case %q", line)
		}
		name := strings.TrimSpace(parts[0])
		limit, err := strconv.Atoi(strings.TrimSpace(parts[1]))
		if err != nil {
			t.Fatalf("%s: bad limit: %v", name, err)
		}
		var units []*analysis.Unit
		for _, fa := range strings.Fields(parts[2]) {
			p, count, _ := strings.Cut(fa, "=")
			c, err := strconv.Atoi(count)
			if err != nil {
				t.Fatalf("%s: bad count %q", name, fa)
			}
			added := make([]int, c)
			for i := range added {
				added[i] = i + 1
			}
			units = append(units, &analysis.Unit{Path: p, Content: []byte("x\n"), Lines: linesAdded(p, added...)})
		}
		want := strings.TrimSpace(parts[3]) == rules.OversizedChange.ID
		n++
		t.Run(name, func(t *testing.T) {
			res, err := Run(context.Background(), &Request{Mode: ModeQuality, Units: units, Policy: Policy{Threshold: -1, MaxChangedLines: limit}})
			if err != nil {
				t.Fatal(err)
			}
			got := false
			for _, f := range res.Findings {
				if f.RuleID == rules.OversizedChange.ID {
					got = true
				}
			}
			if got != want {
				t.Errorf("PP809 reported = %v, want %v", got, want)
			}
		})
	}
	if n == 0 {
		t.Fatal("no cases")
	}
}
