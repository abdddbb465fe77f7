package python

import "testing"

func TestNestedQuantifierSeparated(t *testing.T) {
	for pat, want := range map[string]bool{
		`(a+)+`:                         true,
		`^(\w+\s?)*$`:                   true,
		`^([a-zA-Z0-9]+)*@`:             true,
		`^[a-z]+(?:\.[a-z]+)*$`:         false,
		`^([a-z]+,)*$`:                  false,
		`^(?:[a-z0-9]+-)*[a-z0-9]+$`:    false,
		`^(?:[a-z0-9-]+-)*[a-z0-9]+$`:   true, // "-" is inside the inner class
		`^(\d+|\d+\.\d+)*$`:             true,
		`(?:x(?:ab|cd)+)*`:              true, // complex inner repetition
		`^[a-z]{1,64}(?:_[a-z]{1,5})*$`: false,
	} {
		if got := nestedQuantifier(pat); got != want {
			t.Errorf("nestedQuantifier(%q) = %v, want %v", pat, got, want)
		}
	}
}
