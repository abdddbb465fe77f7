package audit

import (
	"fmt"
	"math"
	"sort"
	"strings"
	"time"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/review"
)

// TopN is how many rows the ranked tables keep.
const TopN = 10

// NoFile is the file key of findings that have none (commit-message checks,
// whole-change checks).
const NoFile = "(no file)"

// CommitMessage is the file key of findings in a commit message.
const CommitMessage = "(commit message)"

// dayBucketSpan is the longest history whose trend is given per day; longer
// ones are given per ISO week.
const dayBucketSpan = 62 * 24 * time.Hour

// Severities lists the severity keys every by-severity table carries, most
// severe first.
var severities = []finding.Severity{finding.Critical, finding.High, finding.Medium, finding.Low}

// SortCommits orders commits newest first by author date, then by id. The
// order depends only on the commits, so shards merged in any order sort
// exactly as the whole audit does.
func SortCommits(cs []Commit) {
	sort.SliceStable(cs, func(i, j int) bool {
		ti, tj := commitTime(&cs[i]), commitTime(&cs[j])
		if !ti.Equal(tj) {
			return ti.After(tj)
		}
		return cs[i].SHA < cs[j].SHA
	})
}

func commitTime(c *Commit) time.Time {
	t, err := time.Parse(time.RFC3339, c.Date)
	if err != nil {
		return time.Time{}
	}
	return t
}

// Summarize computes every counted field of s from the commits (which must
// carry their Result): the caller sets Range, Mode, Shard, CommitsSkipped
// and Notes. It is a pure function of the commits, so the summary of merged
// shards equals the summary of the whole audit.
func Summarize(s *Summary, commits []Commit) {
	s.CommitsAnalyzed = len(commits)
	s.CommitsWithFindings, s.FindingsTotal, s.Baselined, s.Suppressed = 0, 0, 0, 0
	s.FindingsBySeverity = severityTable()
	s.FindingsByCWE = map[string]int{}
	s.FindingsByOWASP = map[string]int{}
	s.FindingsByFile = map[string]int{}
	s.FindingsByAuthor = map[string]int{}
	s.FindingsByRule = map[string]int{}
	engines := map[string]bool{}
	var risky []RiskyCommit
	type period struct {
		commits int
		sev     map[string]int
	}
	periods := map[string]*period{}
	s.TrendBucket = trendBucket(commits)

	for i := range commits {
		c := &commits[i]
		res := c.Result
		if res == nil {
			continue
		}
		for _, e := range res.Coverage.Engines {
			engines[e] = true
		}
		key := periodOf(commitTime(c), s.TrendBucket)
		p := periods[key]
		if p == nil {
			p = &period{sev: severityTable()}
			periods[key] = p
		}
		p.commits++
		active := 0
		top := finding.None
		for j := range res.Findings {
			f := &res.Findings[j]
			if !f.Scope.InChange() {
				continue
			}
			if f.Suppressed != nil {
				if strings.EqualFold(f.Suppressed.Kind, "baseline") {
					s.Baselined++
				} else {
					s.Suppressed++
				}
				continue
			}
			active++
			if f.Severity > top {
				top = f.Severity
			}
			if f.Severity > finding.None {
				s.FindingsBySeverity[f.Severity.String()]++
				p.sev[f.Severity.String()]++
			}
			if id := f.CWEID(); id != "" {
				s.FindingsByCWE[id]++
			}
			if f.OWASP != "" {
				s.FindingsByOWASP[string(f.OWASP)]++
			}
			file := f.Path
			switch {
			case file == "":
				file = NoFile
			case file == "commit "+c.ShortSHA: // the commit message's source
				file = CommitMessage
			}
			s.FindingsByFile[file]++
			s.FindingsByAuthor[c.Author]++
			rule := f.RuleID
			if rule == "" {
				rule = "UNKNOWN"
			}
			s.FindingsByRule[rule]++
		}
		s.FindingsTotal += active
		if active > 0 {
			s.CommitsWithFindings++
			risky = append(risky, RiskyCommit{SHA: c.SHA, ShortSHA: c.ShortSHA, Subject: c.Subject, Author: c.Author,
				Score: res.Score, Findings: active, Severity: top.String()})
		}
	}
	if s.CommitsAnalyzed > 0 {
		s.IssuesPerCommit = math.Round(float64(s.FindingsTotal)/float64(s.CommitsAnalyzed)*100) / 100
	} else {
		s.IssuesPerCommit = 0
	}

	s.Trend = []TrendPoint{}
	for key, p := range periods {
		s.Trend = append(s.Trend, TrendPoint{Period: key, Commits: p.commits, BySeverity: p.sev})
	}
	sort.Slice(s.Trend, func(i, j int) bool { return s.Trend[i].Period < s.Trend[j].Period })

	security := s.Mode != string(review.ModeQuality)
	sort.Slice(risky, func(i, j int) bool {
		a, b := &risky[i], &risky[j]
		if a.Score != b.Score {
			if security {
				return a.Score > b.Score // risk: higher is worse
			}
			return a.Score < b.Score // quality: lower is worse
		}
		if a.Findings != b.Findings {
			return a.Findings > b.Findings
		}
		if sa, sb := severityRank(a.Severity), severityRank(b.Severity); sa != sb {
			return sa > sb
		}
		return a.SHA < b.SHA
	})
	if len(risky) > TopN {
		risky = risky[:TopN]
	}
	s.RiskiestCommits = append([]RiskyCommit{}, risky...)
	s.RiskiestFiles = ranked(s.FindingsByFile)
	s.TopCWEs = ranked(s.FindingsByCWE)

	s.Engines = []string{}
	for e := range engines {
		s.Engines = append(s.Engines, e)
	}
	sort.Strings(s.Engines)
	if s.Notes == nil {
		s.Notes = []string{}
	}
}

func severityTable() map[string]int {
	m := make(map[string]int, len(severities))
	for _, sev := range severities {
		m[sev.String()] = 0
	}
	return m
}

func severityRank(s string) int {
	v, err := finding.ParseSeverity(s)
	if err != nil {
		return 0
	}
	return int(v)
}

// ranked returns the TopN keys by count, ties by key.
func ranked(m map[string]int) []Count {
	out := make([]Count, 0, len(m))
	for k, n := range m {
		out = append(out, Count{Key: k, Count: n})
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Count != out[j].Count {
			return out[i].Count > out[j].Count
		}
		return out[i].Key < out[j].Key
	})
	if len(out) > TopN {
		out = out[:TopN]
	}
	return out
}

// trendBucket is "day" when the commits span at most about two months,
// "week" otherwise.
func trendBucket(commits []Commit) string {
	var lo, hi time.Time
	for i := range commits {
		t := commitTime(&commits[i])
		if t.IsZero() {
			continue
		}
		if lo.IsZero() || t.Before(lo) {
			lo = t
		}
		if hi.IsZero() || t.After(hi) {
			hi = t
		}
	}
	if hi.Sub(lo) > dayBucketSpan {
		return "week"
	}
	return "day"
}

// periodOf is the UTC day ("2026-11-25") or ISO week ("2026-W48") of t.
func periodOf(t time.Time, bucket string) string {
	if t.IsZero() {
		return "unknown"
	}
	t = t.UTC()
	if bucket == "week" {
		y, w := t.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	}
	return t.Format("2006-01-02")
}
