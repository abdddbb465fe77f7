// Package llm holds the model side of PatchPatrol: the registry of model
// aliases and, with the AI review, the providers behind one small Provider
// interface.
//
// It takes in a model name or alias and gives out what it resolves to. It
// must never send code anywhere that has not been redacted, and never be
// needed for a review: without a model the embedded engine runs alone.
package llm
