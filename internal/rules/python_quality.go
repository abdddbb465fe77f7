package rules

// pythonQualityRules is the PP8xx family implemented by the Python analyzer.
var pythonQualityRules = []*Rule{}
