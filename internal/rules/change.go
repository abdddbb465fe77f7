package rules

// changeRules are checks on the change as a whole, implemented by review.
var changeRules = []*Rule{}
