// Package llm is the model side of PatchPatrol: the registry of model
// aliases, the providers behind one small Provider interface (Ollama's native
// API, OpenAI-compatible chat completions, Anthropic messages, Gemini
// generateContent) over one thin HTTP client, and the Reviewer that turns a
// change into prompts and model answers into a validated Outcome.
//
// It takes in a model choice, the change (diff.File values), the commit
// message, the embedded engine's findings and settings, and gives out an
// Outcome: the merged answer, the files the model reviewed and the ones it
// did not, with why. Optional interfaces (Lister, Puller, Remover, Tester)
// manage models. The Reviewer redacts every text taken from the change before
// it enters a prompt, fences the diff and the message as untrusted data
// behind a random nonce, validates answers against AnswerSchema, re-asks once,
// halves chunks whose answer was cut off, and caches outcomes by git patch-id.
//
// It must never send text from a change that the caller's redactor has not
// seen, never read keys from anywhere but the environment function it is
// given, never decide a verdict (review merges), and never be needed for a
// review: without a model the embedded engine runs alone.
package llm
