package deps

import "strings"

// Squat is a likely typo-squat: a name that imitates a popular one.
type Squat struct {
	Target string // the popular name imitated
	Reason string // "one edit away", "differs only in separators", ...
}

// SquatDetector flags names close to a popular package. A name on the
// popular list or on the allow list is never flagged.
type SquatDetector struct {
	popular   []string
	known     map[string]bool
	bySkel    map[string]string // separator-free skeleton → popular name
	byConfuse map[string]string // look-alike skeleton → popular name
	allow     map[string]bool
}

// NewSquatDetector builds a detector over the bundled popular list (or over
// popular, when given) with the allow-listed names (any spelling).
func NewSquatDetector(popular, allow []string) *SquatDetector {
	if popular == nil {
		popular = popularPackages
	}
	d := &SquatDetector{known: map[string]bool{}, bySkel: map[string]string{}, byConfuse: map[string]string{}, allow: map[string]bool{}}
	for _, p := range popular {
		k := NormalizeName(p)
		if d.known[k] {
			continue
		}
		d.known[k] = true
		d.popular = append(d.popular, k)
		if _, ok := d.bySkel[skeleton(k)]; !ok {
			d.bySkel[skeleton(k)] = k
		}
		if _, ok := d.byConfuse[confusable(k)]; !ok {
			d.byConfuse[confusable(k)] = k
		}
	}
	for _, a := range allow {
		d.allow[NormalizeName(a)] = true
	}
	return d
}

// skeleton drops the separators: "scikit-learn" → "scikitlearn".
func skeleton(k string) string { return strings.ReplaceAll(k, "-", "") }

// lookAlikes folds letter pairs that read as one letter.
var lookAlikes = strings.NewReplacer("rn", "m", "vv", "w")

// confusable maps characters that look alike in many fonts to one form, on
// the skeleton: 0→o, 1→l, i→l, rn→m, vv→w.
func confusable(k string) string {
	s := lookAlikes.Replace(skeleton(k))
	return strings.Map(func(r rune) rune {
		switch r {
		case '0':
			return 'o'
		case '1', 'i':
			return 'l'
		}
		return r
	}, s)
}

// Check returns the popular name key imitates, if any. key must be PEP 503
// normalised. Rules, from surest to least sure:
//   - the same letters as a popular name with different separators
//     (python-dateutil vs pythondateutil, py-yaml vs pyyaml);
//   - the same after mapping look-alike characters (reqests vs requests is
//     an edit, but requ3sts and dj4ngo are edits too; 0/o, 1/l, rn/m are
//     look-alikes);
//   - one edit (insertion, deletion, substitution or swap of neighbours)
//     from a popular name of five or more characters, two edits from one
//     of ten or more; not when the names are one family's siblings that
//     differ in a short segment (mypy-boto3-s3, mypy-boto3-ec2).
//
// Short popular names (six, tox, idna) are left out of the edit rule: too
// many legitimate names lie one edit away from them.
func (d *SquatDetector) Check(key string) (Squat, bool) {
	if key == "" || d.known[key] || d.allow[key] || len(key) < 4 {
		return Squat{}, false
	}
	if p, ok := d.bySkel[skeleton(key)]; ok && p != key {
		return Squat{Target: p, Reason: "differs from " + p + " only in separators"}, true
	}
	if p, ok := d.byConfuse[confusable(key)]; ok && p != key {
		return Squat{Target: p, Reason: "looks like " + p + " (look-alike characters)"}, true
	}
	best, bestDist := "", 3
	for _, p := range d.popular {
		limit := 0
		switch {
		case len(p) >= 10:
			limit = 2
		case len(p) >= 5:
			limit = 1
		}
		if limit == 0 || abs(len(p)-len(key)) > limit {
			continue
		}
		if extendsWithSegment(key, p) || siblingSegment(key, p) {
			continue
		}
		if dist := editDistance(key, p, limit); dist <= limit && dist < bestDist {
			best, bestDist = p, dist
		}
	}
	if best == "" {
		return Squat{}, false
	}
	edits := "one edit"
	if bestDist == 2 {
		edits = "two edits"
	}
	return Squat{Target: best, Reason: edits + " away from " + best}, true
}

// extendsWithSegment reports a name that is a popular one plus or minus a
// separated segment ("flask-x" from "flask"): the naming of plugins and
// companion packages, not of typos.
func extendsWithSegment(key, p string) bool {
	long, short := key, p
	if len(long) < len(short) {
		long, short = short, long
	}
	return strings.HasPrefix(long, short+"-") || strings.HasSuffix(long, "-"+short)
}

// siblingSegment reports names of one family that differ in one short
// segment ("mypy-boto3-s3" and "mypy-boto3-ec2", "jsonpath-ng" and
// "jsonpath-rw"): distinct companion packages, not typos.
func siblingSegment(key, p string) bool {
	a, b := strings.Split(key, "-"), strings.Split(p, "-")
	if len(a) < 2 || len(a) != len(b) {
		return false
	}
	diff := -1
	for i := range a {
		if a[i] != b[i] {
			if diff >= 0 {
				return false
			}
			diff = i
		}
	}
	return diff >= 0 && len(b[diff]) <= 3
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance is the optimal-string-alignment distance (Levenshtein plus
// swaps of adjacent characters), computed only as far as limit: any larger
// distance is returned as limit+1.
func editDistance(a, b string, limit int) int {
	if abs(len(a)-len(b)) > limit {
		return limit + 1
	}
	prev2 := make([]int, len(b)+1)
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		rowMin := cur[0]
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			v := min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			if i > 1 && j > 1 && a[i-1] == b[j-2] && a[i-2] == b[j-1] {
				v = min(v, prev2[j-2]+1)
			}
			cur[j] = v
			rowMin = min(rowMin, v)
		}
		if rowMin > limit {
			return limit + 1
		}
		prev2, prev, cur = prev, cur, prev2
	}
	return min(prev[len(b)], limit+1)
}
