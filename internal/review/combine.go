package review

import (
	"fmt"
	"regexp"
	"sort"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/analysis"
)

// shardSuffix is what a sharded run adds to its target.
var shardSuffix = regexp.MustCompile(` \(shard [0-9]+/[0-9]+\)$`)

// baselineNote is the note Run writes when a baseline is applied; Combine
// writes it again with the combined count.
var baselineNote = regexp.MustCompile(`^baseline (.*): [0-9]+ findings? baselined \(accepted earlier, not counted\)$`)

// secretsOnlyNote starts the note otherLanguages writes; Combine writes it
// again for the combined files.
const secretsOnlyNote = "file(s) checked for secrets only"

// Combine merges the results of one review split into parts (the shards of
// `scan --shard`) into the result of the whole: the findings of every part
// (one per fingerprint), the coverage added up, and the score, verdict and
// comments decided again over everything. Every part must have the same mode
// and threshold. A part's Hard is known only when it blocked, so hard makes
// the combined result hard in any case.
func Combine(parts []*Result, hard bool) (*Result, error) {
	if len(parts) == 0 {
		return nil, fmt.Errorf("combine: no results")
	}
	first := parts[0]
	res := &Result{Mode: first.Mode, Threshold: first.Threshold, Hard: hard}
	cov := &res.Coverage
	cov.Files, cov.FilesSkipped, cov.Engines, cov.Notes = []string{}, []Skip{}, []string{}, []string{}
	var targets, warnings, engines, notes []string
	seen := map[string]bool{}
	add := func(list []string, s string, kind string) []string {
		if seen[kind+"\x00"+s] {
			return list
		}
		seen[kind+"\x00"+s] = true
		return append(list, s)
	}
	compliance := map[string]bool{}
	baselineName := ""
	for i, p := range parts {
		if p.Mode != first.Mode {
			return nil, fmt.Errorf("combine: result %d is a %s review and result 1 a %s review: merge results of one kind", i+1, p.Mode, first.Mode)
		}
		if p.Threshold != first.Threshold {
			return nil, fmt.Errorf("combine: result %d has threshold %.2f and result 1 %.2f: merge results run with the same settings", i+1, p.Threshold, first.Threshold)
		}
		res.Hard = res.Hard || p.Blocked()
		targets = add(targets, shardSuffix.ReplaceAllString(p.Target, ""), "target")
		for _, w := range p.Warnings {
			warnings = add(warnings, w, "warning")
		}
		for _, e := range p.Coverage.Engines {
			engines = add(engines, e, "engine")
		}
		for _, n := range p.Coverage.Notes {
			if m := baselineNote.FindStringSubmatch(n); m != nil {
				baselineName = m[1]
				continue
			}
			if !strings.Contains(n, secretsOnlyNote) {
				notes = add(notes, n, "note")
			}
		}
		for _, c := range p.Compliance {
			compliance[c] = true
		}
		if res.Champion == "" {
			res.Champion = p.Champion
		}
		res.Findings = append(res.Findings, p.Findings...)
		cov.FilesReviewed += p.Coverage.FilesReviewed
		cov.Files = append(cov.Files, p.Coverage.Files...)
		cov.FilesSkipped = append(cov.FilesSkipped, p.Coverage.FilesSkipped...)
		cov.MessageReviewed = cov.MessageReviewed || p.Coverage.MessageReviewed
		cov.LinesAdded += p.Coverage.LinesAdded
		cov.Baselined += p.Coverage.Baselined
	}
	res.Target = strings.Join(targets, ", ")
	res.Warnings = append([]string{}, warnings...)
	cov.Engines = append(cov.Engines, engines...)
	sort.Strings(cov.Files)
	sort.SliceStable(cov.FilesSkipped, func(i, j int) bool { return cov.FilesSkipped[i].File < cov.FilesSkipped[j].File })
	sort.Strings(notes)
	cov.Notes = append(cov.Notes, notes...)
	if res.Mode == ModeSecurity {
		units := make([]*analysis.Unit, len(cov.Files))
		for i, f := range cov.Files {
			units[i] = &analysis.Unit{Path: f}
		}
		if other := otherLanguages(units); other != "" {
			cov.Notes = append(cov.Notes, other)
		}
	}
	if baselineName != "" {
		what := "findings"
		if cov.Baselined == 1 {
			what = "finding"
		}
		cov.Notes = append(cov.Notes, fmt.Sprintf("baseline %s: %d %s baselined (accepted earlier, not counted)", baselineName, cov.Baselined, what))
	}

	sort.SliceStable(res.Findings, func(i, j int) bool { return findingLess(&res.Findings[i], &res.Findings[j]) })
	kept := res.Findings[:0]
	fps := map[string]bool{}
	for _, f := range res.Findings {
		if f.Fingerprint != "" {
			if fps[f.Fingerprint] {
				continue
			}
			fps[f.Fingerprint] = true
		}
		kept = append(kept, f)
	}
	res.Findings = kept
	sortFindings(res.Findings)
	champion := res.Champion
	decide(res, &Policy{Threshold: res.Threshold, Hard: res.Hard})
	res.Champion = champion
	filtered := res.Compliance[:0]
	for _, c := range res.Compliance {
		if compliance[c] {
			filtered = append(filtered, c)
		}
	}
	res.Compliance = filtered
	return res, nil
}
