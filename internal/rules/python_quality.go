package rules

import "github.com/patchpatrol/patchpatrol/internal/finding"

func quality(id, name, title, category string, sev finding.Severity, aliases []string, remediation string, doc Doc) *Rule {
	return &Rule{ID: id, Name: name, Title: title, Kind: finding.KindQuality, Category: category, Severity: sev,
		Confidence: finding.ConfidenceHigh, Engine: EnginePython, Status: Stable, Since: "v0.1.0",
		Aliases: aliases, Remediation: remediation, Doc: doc}
}

// Code-quality rules on added Python code.
var (
	DebuggerCall = quality("PP801", "debugger-call", "Debugger call left in code", "debugging", finding.High,
		[]string{"T100"}, "Remove the breakpoint before committing.", Doc{
			Flags:      "`breakpoint()`, `pdb.set_trace()`, `ipdb`, `pudb`, `pdbpp`, `debugpy.breakpoint()` and `import pdb; pdb.set_trace()`-style one-liners.",
			Why:        "A forgotten breakpoint hangs the process in production or in CI, waiting for a debugger that never comes.",
			Example:    "def handler(x):\n    breakpoint()\n    return x * 2",
			Fix:        "def handler(x):\n    return x * 2",
			References: []string{"https://docs.python.org/3/library/functions.html#breakpoint"},
		})
	PrintInLibrary = quality("PP802", "print-in-library", "print() in library code", "maintainability", finding.Low,
		[]string{"T201"}, "Use the logging module, or move the output to the command-line entry point.", Doc{
			Flags:      "`print(...)` calls in modules that are not scripts, command-line entry points, tests, examples or `if __name__ == \"__main__\":` blocks (the allowed paths are configurable).",
			Why:        "Library code that prints cannot be silenced or redirected by its callers and mixes debugging output into program output.",
			Example:    "def load(path):\n    print(\"loading\", path)\n    return open(path).read()",
			Fix:        "log = logging.getLogger(__name__)\n\ndef load(path):\n    log.debug(\"loading %s\", path)\n    return open(path).read()",
			References: []string{"https://docs.python.org/3/howto/logging.html"},
		})
	BareExcept = quality("PP803", "bare-except", "Bare except clause", "error-handling", finding.Medium,
		[]string{"E722"}, "Catch the exceptions you expect (except ValueError:), or except Exception: when you really mean every error.", Doc{
			Flags:      "`except:` with no exception type.",
			Why:        "A bare except also catches KeyboardInterrupt and SystemExit, so Ctrl-C and sys.exit() stop working inside it, and it hides bugs.",
			Example:    "try:\n    value = int(text)\nexcept:\n    value = 0",
			Fix:        "try:\n    value = int(text)\nexcept ValueError:\n    value = 0",
			References: []string{"https://peps.python.org/pep-0008/#programming-recommendations"},
		})
	ExceptionSwallowed = quality("PP804", "exception-swallowed", "Exception caught and silently ignored", "error-handling", finding.Medium,
		[]string{"S110", "B110"}, "Handle the error, log it, or let it propagate; if ignoring is intended, use contextlib.suppress(SpecificError).", Doc{
			Flags:      "`except:` or `except Exception:` (or `BaseException`) whose body is only `pass`, `...` or `continue`.",
			Why:        "Silently swallowed errors turn failures into wrong results that surface far from their cause.",
			Example:    "try:\n    save(record)\nexcept Exception:\n    pass",
			Fix:        "try:\n    save(record)\nexcept OSError:\n    log.exception(\"could not save %s\", record.id)",
			References: []string{"https://docs.python.org/3/library/contextlib.html#contextlib.suppress"},
		})
	MutableDefault = quality("PP805", "mutable-default-argument", "Mutable default argument", "correctness", finding.Medium,
		[]string{"B006"}, "Default to None and create the list, dict or set inside the function.", Doc{
			Flags:      "Parameters whose default is a list, dict or set literal or comprehension, or a call to `list()`, `dict()`, `set()`, `collections.defaultdict()` and friends.",
			Why:        "The default is created once, when the function is defined, and shared by every call: changes leak between calls.",
			Example:    "def add(item, items=[]):\n    items.append(item)\n    return items",
			Fix:        "def add(item, items=None):\n    items = [] if items is None else items\n    items.append(item)\n    return items",
			References: []string{"https://docs.python.org/3/reference/compound_stmts.html#function-definitions"},
		})
	TodoComment = quality("PP806", "todo-comment", "TODO or FIXME comment added", "maintainability", finding.Low,
		[]string{"FIX001", "FIX002"}, "Finish the work, or track it in an issue and reference it in the comment.", Doc{
			Flags:      "Comments that start with (or contain as a word) TODO, FIXME, XXX or HACK on added lines.",
			Why:        "Markers of unfinished work tend to ship; a reviewer should see each new one.",
			Example:    "# TODO: validate the input\nrun(data)",
			Fix:        "# Validation is tracked in #412.\nrun(data)",
			References: []string{"https://docs.astral.sh/ruff/rules/line-contains-todo/"},
		})
	FunctionTooLong = quality("PP807", "function-too-long", "New function is too long", "maintainability", finding.Low,
		nil, "Split the function into smaller ones with one job each.", Doc{
			Flags:      "Functions added or rewritten by the change whose body is longer than `max_function_lines` (default 60) lines, not counting docstrings, comments and blank lines.",
			Why:        "Long functions are hard to review, test and change; defects hide in them.",
			Example:    "def process(order):\n    ...  # 120 lines of validation, pricing and persistence",
			Fix:        "def process(order):\n    validate(order)\n    price = compute_price(order)\n    persist(order, price)",
			References: []string{"https://pylint.readthedocs.io/en/stable/user_guide/messages/refactor/too-many-statements.html"},
		})
	FunctionTooComplex = quality("PP808", "function-too-complex", "New function is too complex", "maintainability", finding.Medium,
		[]string{"C901"}, "Reduce branching: return early, extract helpers, or replace if/elif chains with a lookup table.", Doc{
			Flags:      "Functions added or rewritten by the change whose McCabe cyclomatic complexity exceeds `max_complexity` (default 10): one plus each if, elif, for, while, except, with, assert, boolean operator, conditional expression, comprehension condition and match case.",
			Why:        "Each independent path needs its own test; past about ten, functions are rarely tested fully.",
			Example:    "def rate(u):\n    if a:\n        ...\n    elif b:\n        ...  # and many more branches",
			Fix:        "RATES = {\"gold\": 0.2, \"silver\": 0.1}\n\ndef rate(u):\n    return RATES.get(u.tier, 0.0)",
			References: []string{"https://en.wikipedia.org/wiki/Cyclomatic_complexity", "https://docs.astral.sh/ruff/rules/complex-structure/"},
		})
)

// pythonQualityRules is the PP8xx family implemented by the Python analyzer.
var pythonQualityRules = []*Rule{
	DebuggerCall, PrintInLibrary, BareExcept, ExceptionSwallowed, MutableDefault, TodoComment,
	FunctionTooLong, FunctionTooComplex,
}

// DefaultAllowPrintIn lists the paths where print() belongs (PP802): scripts,
// command-line entry points, tests, examples, documentation and the usual
// top-level task files. It is the default of quality.allow_print_in; globs
// are matched by internal/pathglob.
var DefaultAllowPrintIn = []string{"scripts/**", "bin/**", "tools/**", "**/scripts/**", "**/__main__.py", "**/cli.py",
	"tests/**", "**/tests/**", "**/test/**", "**/test_*.py", "**/*_test.py", "**/conftest.py", "examples/**",
	"**/examples/**", "docs/**", "**/management/commands/**", "/setup.py", "/manage.py", "/noxfile.py", "/fabfile.py",
	"/tasks.py"}
