package rules

// secretRules is the PP1xx family: credentials in any text file or message.
var secretRules = []*Rule{}
