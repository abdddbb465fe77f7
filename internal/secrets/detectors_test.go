package secrets

import (
	"math/rand/v2"
	"regexp"
	"slices"
	"testing"
)

// TestAWSSecretRunsMatchesRegexp holds the hand-written scan to the regular
// expression it replaces, on random text biased towards long runs.
func TestAWSSecretRunsMatchesRegexp(t *testing.T) {
	re := regexp.MustCompile(`[A-Za-z0-9/+]{40}`)
	rng := rand.New(rand.NewPCG(1, 2))
	alphabet := "aZ09/+= \n=-_."
	for n := 0; n < 2000; n++ {
		b := make([]byte, rng.IntN(300))
		for i := range b {
			if rng.IntN(100) < 97 {
				b[i] = "abcXYZ019/+"[rng.IntN(11)]
			} else {
				b[i] = alphabet[rng.IntN(len(alphabet))]
			}
		}
		var want [][2]int
		for _, m := range re.FindAllIndex(b, -1) {
			want = append(want, [2]int{m[0], m[1]})
		}
		if got := awsSecretRuns(b); !slices.Equal(got, want) {
			t.Fatalf("%q: got %v, want %v", b, got, want)
		}
	}
}
