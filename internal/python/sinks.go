package python

import (
	"fmt"
	"path"
	"regexp"
	"strings"

	"github.com/patchpatrol/patchpatrol/internal/finding"
	"github.com/patchpatrol/patchpatrol/internal/rules"
)

// unknownPolicy says what a sink does with a value that is not a constant
// and not known to come from an untrusted source.
type unknownPolicy uint8

const (
	unkIgnore unknownPolicy = iota // report only tainted data
	unkBuilt                       // report strings built at run time (SQL)
	unkAlways                      // report any non-constant value (eval, os.system)
	unkLow                         // report any non-constant value with low confidence (pickle)
)

// sinkSpec describes one dangerous argument of a call.
type sinkSpec struct {
	rule    *rules.Rule
	class   Class
	arg     int    // positional index, -1 for keyword-only
	kw      string // keyword name, "" for positional-only
	unknown unknownPolicy
	what    string // for messages: "cursor.execute()"
	// when, if set, must hold for the call to be a sink (shell=True).
	when func(c *call) bool
	// remoteOnly sinks report request data only: a command-line tool that
	// runs the program or imports the module it is given does its job.
	remoteOnly bool
	// recv makes the receiver the dangerous value (Path(x).read_text()).
	recv bool
	// allPos checks every positional argument (logging calls); allKw also
	// every keyword argument (template render calls).
	allPos, allKw bool
	// pick, if set, chooses the part of the argument that matters (the
	// $where of a Mongo filter).
	pick func(v *Value) *Value
	// applies, if set, must hold for a method sink to fit the call (the
	// receiver is a logger, a Mongo collection, ...).
	applies func(f *frame, c *call) bool
	// safe, if set, exempts values the sink cannot misuse (a URL whose scheme
	// and host are constants).
	safe func(v *Value) bool
}

// taints reports whether v carries untrusted data this sink reports.
func (s *sinkSpec) taints(v *Value) bool {
	if s.remoteOnly {
		return v != nil && v.Taint.Remote()&s.class != 0
	}
	return v.Tainted(s.class)
}

func shellTrue(c *call) bool {
	v, ok := c.kw["shell"]
	if !ok {
		return false
	}
	if b, ok := truthy(v.Const); ok {
		return b
	}
	return true // shell=flag: it may be true
}

func shellFalse(c *call) bool { return !shellTrue(c) }

var (
	sqlSink = func(what string) *sinkSpec {
		return &sinkSpec{rule: rules.SQLQueryBuilt, class: ClassSQL, arg: 0, unknown: unkBuilt, what: what}
	}
	shellSink = func(what string, arg int) *sinkSpec {
		return &sinkSpec{rule: rules.OSCommandBuilt, class: ClassShell, arg: arg, unknown: unkAlways, what: what}
	}
	codeSink = func(what string) *sinkSpec {
		return &sinkSpec{rule: rules.CodeEvaluated, class: ClassCode, arg: 0, unknown: unkAlways, what: what}
	}
	importSink = func(what string) *sinkSpec {
		return &sinkSpec{rule: rules.CodeEvaluated, class: ClassCode, arg: 0, unknown: unkIgnore, what: what, remoteOnly: true}
	}
	deserialize = func(what string) *sinkSpec {
		return &sinkSpec{rule: rules.UnsafeDeserialization, class: ClassDeserialize, arg: 0, unknown: unkLow, what: what}
	}
	subprocessFns = []string{"call", "run", "Popen", "check_call", "check_output"}
)

// qualSinks are sinks found by the callee's qualified name.
var qualSinks = func() map[string][]*sinkSpec {
	m := map[string][]*sinkSpec{
		"os.system":                           {shellSink("os.system()", 0)},
		"os.popen":                            {shellSink("os.popen()", 0)},
		"os.popen2":                           {shellSink("os.popen2()", 0)},
		"os.popen3":                           {shellSink("os.popen3()", 0)},
		"subprocess.getoutput":                {shellSink("subprocess.getoutput()", 0)},
		"subprocess.getstatusoutput":          {shellSink("subprocess.getstatusoutput()", 0)},
		"commands.getoutput":                  {shellSink("commands.getoutput()", 0)},
		"commands.getstatusoutput":            {shellSink("commands.getstatusoutput()", 0)},
		"asyncio.create_subprocess_shell":     {shellSink("asyncio.create_subprocess_shell()", 0)},
		"pexpect.spawn":                       {shellSink("pexpect.spawn()", 0)},
		"pexpect.run":                         {shellSink("pexpect.run()", 0)},
		"builtins.eval":                       {codeSink("eval()")},
		"builtins.exec":                       {codeSink("exec()")},
		"builtins.execfile":                   {codeSink("execfile()")},
		"builtins.compile":                    {codeSink("compile()")},
		"builtins.__import__":                 {importSink("__import__()")},
		"importlib.import_module":             {importSink("importlib.import_module()")},
		"importlib.__import__":                {importSink("importlib.__import__()")},
		"pickle.loads":                        {deserialize("pickle.loads()")},
		"pickle.load":                         {deserialize("pickle.load()")},
		"pickle.Unpickler":                    {deserialize("pickle.Unpickler()")},
		"cPickle.loads":                       {deserialize("cPickle.loads()")},
		"cPickle.load":                        {deserialize("cPickle.load()")},
		"_pickle.loads":                       {deserialize("pickle.loads()")},
		"dill.loads":                          {deserialize("dill.loads()")},
		"dill.load":                           {deserialize("dill.load()")},
		"marshal.loads":                       {deserialize("marshal.loads()")},
		"marshal.load":                        {deserialize("marshal.load()")},
		"jsonpickle.decode":                   {deserialize("jsonpickle.decode()")},
		"jsonpickle.loads":                    {deserialize("jsonpickle.loads()")},
		"shelve.open":                         {{rule: rules.UnsafeDeserialization, class: ClassDeserialize, arg: 0, kw: "filename", unknown: unkLow, what: "shelve.open()"}},
		"pandas.read_pickle":                  {deserialize("pandas.read_pickle()")},
		"joblib.load":                         {deserialize("joblib.load()")},
		"yaml.unsafe_load":                    {{rule: rules.UnsafeDeserialization, class: ClassDeserialize, arg: 0, kw: "stream", unknown: unkAlways, what: "yaml.unsafe_load()"}},
		"yaml.unsafe_load_all":                {{rule: rules.UnsafeDeserialization, class: ClassDeserialize, arg: 0, kw: "stream", unknown: unkAlways, what: "yaml.unsafe_load_all()"}},
		"torch.load":                          {{rule: rules.UnsafeDeserialization, class: ClassDeserialize, arg: 0, kw: "f", unknown: unkLow, what: "torch.load()", when: torchUnsafe}},
		"numpy.load":                          {{rule: rules.UnsafeDeserialization, class: ClassDeserialize, arg: 0, kw: "file", unknown: unkLow, what: "numpy.load(allow_pickle=True)", when: allowPickle}},
		"sqlalchemy.text":                     {sqlSink("sqlalchemy.text()")},
		"sqlalchemy.sql.text":                 {sqlSink("sqlalchemy.text()")},
		"sqlalchemy.sql.expression.text":      {sqlSink("sqlalchemy.text()")},
		"django.db.models.expressions.RawSQL": {sqlSink("RawSQL()")},
		"django.db.models.RawSQL":             {sqlSink("RawSQL()")},
		"pandas.read_sql":                     {sqlSink("pandas.read_sql()")},
		"pandas.read_sql_query":               {sqlSink("pandas.read_sql_query()")},
	}
	for _, fn := range subprocessFns {
		q := "subprocess." + fn
		m[q] = []*sinkSpec{
			{rule: rules.OSCommandBuilt, class: ClassShell, arg: 0, kw: "args", unknown: unkAlways, what: q + "(shell=True)", when: shellTrue},
			{rule: rules.OSCommandBuilt, class: ClassShell, arg: -2, kw: "args", unknown: unkIgnore, what: q + "()", when: shellFalse, remoteOnly: true},
		}
	}
	for _, fn := range []string{"execl", "execle", "execlp", "execlpe", "execv", "execve", "execvp", "execvpe", "posix_spawn", "posix_spawnp"} {
		m["os."+fn] = []*sinkSpec{{rule: rules.OSCommandBuilt, class: ClassShell, arg: 0, unknown: unkIgnore, what: "os." + fn + "()", remoteOnly: true}}
	}
	for _, fn := range []string{"spawnl", "spawnle", "spawnlp", "spawnlpe", "spawnv", "spawnve", "spawnvp", "spawnvpe"} {
		m["os."+fn] = []*sinkSpec{{rule: rules.OSCommandBuilt, class: ClassShell, arg: 1, unknown: unkIgnore, what: "os." + fn + "()", remoteOnly: true}}
	}
	m["asyncio.create_subprocess_exec"] = []*sinkSpec{{rule: rules.OSCommandBuilt, class: ClassShell, arg: 0, unknown: unkIgnore, what: "asyncio.create_subprocess_exec()", remoteOnly: true}}
	addTaintQualSinks(m)
	return m
}()

func torchUnsafe(c *call) bool {
	if v, ok := c.kwConst("weights_only"); ok {
		b, _ := truthy(v)
		return !b
	}
	return true
}

func allowPickle(c *call) bool {
	v, ok := c.kwConst("allow_pickle")
	b, _ := truthy(v)
	return ok && b
}

// methodSinks are sinks found by method name on a receiver of any type; the
// receiver check keeps "executor.execute(job)" out.
var methodSinks = addTaintMethodSinks(map[string][]*sinkSpec{
	"execute":         {sqlSink("execute()")},
	"executemany":     {sqlSink("executemany()")},
	"executescript":   {sqlSink("executescript()")},
	"exec_driver_sql": {sqlSink("exec_driver_sql()")},
	"raw":             {sqlSink("raw()")},
	"mogrify":         {sqlSink("mogrify()")},
	"read_sql":        {sqlSink("read_sql()")},
	"read_sql_query":  {sqlSink("read_sql_query()")},
	"exec_command":    {{rule: rules.OSCommandBuilt, class: ClassShell, arg: 0, kw: "command", unknown: unkIgnore, what: "exec_command()"}},
	"extra":           {{rule: rules.SQLQueryBuilt, class: ClassSQL, arg: -1, kw: "where", unknown: unkBuilt, what: "QuerySet.extra(where=...)"}, {rule: rules.SQLQueryBuilt, class: ClassSQL, arg: -1, kw: "select", unknown: unkBuilt, what: "QuerySet.extra(select=...)"}, {rule: rules.SQLQueryBuilt, class: ClassSQL, arg: -1, kw: "tables", unknown: unkBuilt, what: "QuerySet.extra(tables=...)"}},
})

var sqlText = regexp.MustCompile(`(?is)\b(select\b.+\bfrom|insert\s+into|update\b.+\bset\b|delete\s+from|create\s+(table|index|view|database)|drop\s+(table|index|view|database)|alter\s+table|truncate\s+table|replace\s+into|merge\s+into|\bwhere\b.+(=|\blike\b|\bin\b)|order\s+by|group\s+by|union\s+(all\s+)?select|exec(ute)?\s+\w|pragma\s+\w)`)

var dbReceiver = regexp.MustCompile(`(?i)(cur(sor)?|conn(ection)?|db|database|session|engine|sql|query|objects|manager|pg|mysql|sqlite|psycopg|pymysql|mysqldb|sqlalchemy|django\.db|asyncpg|oracle|cx_oracle|pyodbc|^c$|con$|tx|transaction|client)`)

// methodSinkApplies reports whether a method sink fits the receiver and the
// value: a database-looking receiver, or SQL-looking text.
func methodSinkApplies(f *frame, c *call, s *sinkSpec, v *Value) bool {
	if s.class != ClassSQL {
		return true
	}
	recvText := f.t.Text(f.t.Child(c.fnNode, FieldObject))
	if dbReceiver.MatchString(c.recv.Qual) || dbReceiver.MatchString(recvText) {
		return true
	}
	return sqlText.MatchString(v.Frag) || sqlText.MatchString(v.Prefix)
}

// printfConversion matches one %-conversion of a printf-style format.
var printfConversion = regexp.MustCompile(`%(\([^)]*\))?[#0 +-]*(\*|\d+)?(\.(\*|\d+))?[hlL]?([diouxXeEfFgGcrsa%])`)

// loggedArgs drops the arguments of a logging call that a constant format
// writes with %r, %a or a numeric conversion: repr() escapes line breaks, and
// a number has none. The format itself and the other arguments stay.
func loggedArgs(pos []*Value) []*Value {
	format, ok := pos[0].Str()
	if !ok {
		return pos
	}
	out := []*Value{pos[0]}
	i := 1
	for _, m := range printfConversion.FindAllStringSubmatch(format, -1) {
		conv := m[5]
		if conv == "%" {
			continue
		}
		if m[1] != "" {
			return pos // %(name)s: one mapping argument holds them all
		}
		if m[2] == "*" {
			i++ // a width argument
		}
		if m[4] == "*" {
			i++
		}
		if i >= len(pos) {
			break
		}
		if strings.ContainsAny(conv, "sc") {
			out = append(out, pos[i])
		}
		i++
	}
	return append(out, pos[min(i, len(pos)):]...)
}

// checkCall reports the sinks and call patterns a call matches.
func (a *batch) checkCall(f *frame, c *call) {
	for _, s := range qualSinks[c.qual] {
		a.checkSink(f, c, s, false)
	}
	if c.recv != nil && len(qualSinks[c.qual]) == 0 {
		for _, s := range methodSinks[c.method] {
			if !strings.HasPrefix(c.recv.Qual, "builtins.") {
				a.checkSink(f, c, s, true)
			}
		}
	}
	if check := callChecks[c.qual]; check != nil {
		check(a, f, c)
	}
	a.checkCallPatterns(f, c)
	a.checkMorePatterns(f, c)
	a.checkCoverage(f, c)
	a.checkURLPrefix(f, c)
}

func (a *batch) checkSink(f *frame, c *call, s *sinkSpec, byMethod bool) {
	if s.when != nil && !s.when(c) {
		return
	}
	if s.applies != nil && !s.applies(f, c) {
		return
	}
	if s.allPos || s.allKw {
		var vals []*Value
		if s.allPos {
			vals = append(vals, c.pos...)
			if s.class == ClassLog && len(c.pos) > 1 {
				vals = loggedArgs(c.pos)
			}
		}
		if s.allKw {
			for _, v := range c.kw {
				vals = append(vals, v)
			}
		}
		for _, v := range vals {
			if s.safe == nil || !s.safe(v) {
				a.sinkValue(f, c.node, s, v)
			}
		}
		return
	}
	if s.recv {
		if c.recv != nil && (s.safe == nil || !s.safe(c.recv)) {
			a.sinkValue(f, c.node, s, c.recv)
		}
		return
	}
	v, node := c.arg(s.arg, s.kw)
	if s.arg == -2 {
		// argv[0] of an exec-style call: the program to run.
		v, node = c.arg(0, s.kw)
		if v != nil && v.Elems == nil && v.Rest == nil && hasParamTaint(v, s.class) {
			// A parameter holding the whole argument vector: only its
			// first element, the program, matters to the callers.
			a.sinkValueElem(f, c.node, s, v.elem("0"), "0")
			return
		}
		if v != nil && (v.Elems != nil || v.Rest != nil) {
			if script := shellScript(v); script != nil {
				// ["sh", "-c", script] runs script through a shell.
				a.sinkValue(f, c.node, &sinkSpec{rule: s.rule, class: ClassShell, unknown: unkAlways,
					what: strings.TrimSuffix(s.what, "()") + "([\"sh\", \"-c\", ...])"}, script)
				return
			}
			v = v.elem("0")
		}
	}
	if v == nil {
		return
	}
	if byMethod && !methodSinkApplies(f, c, s, v) {
		return
	}
	if s.class == ClassSQL && !v.Built && v.Const == nil && !v.Tainted(ClassSQL) && !hasParamTaint(v, ClassSQL) {
		return
	}
	if s.pick != nil {
		if v = s.pick(v); v == nil {
			return
		}
	}
	if s.safe != nil && s.safe(v) {
		return
	}
	_ = node
	a.sinkValue(f, c.node, s, v)
}

// shellScript returns the script of an argument vector that runs a shell on
// it (["sh", "-c", script], ["cmd", "/c", script]), or nil.
func shellScript(argv *Value) *Value {
	prog, ok := argv.Elems["0"].Str()
	if !ok {
		return nil
	}
	flag, ok := argv.Elems["1"].Str()
	if !ok {
		return nil
	}
	prog = strings.ToLower(path.Base(strings.ReplaceAll(prog, "\\", "/")))
	prog = strings.TrimSuffix(prog, ".exe")
	switch prog {
	case "sh", "bash", "zsh", "dash", "ksh", "ash", "fish":
		if flag != "-c" && !(strings.HasPrefix(flag, "-") && strings.HasSuffix(flag, "c") && !strings.HasPrefix(flag, "--")) {
			return nil
		}
	case "cmd":
		if !strings.EqualFold(flag, "/c") && !strings.EqualFold(flag, "/k") {
			return nil
		}
	case "powershell", "pwsh":
		if !strings.EqualFold(flag, "-command") && !strings.EqualFold(flag, "-c") {
			return nil
		}
	default:
		return nil
	}
	if s := argv.Elems["2"]; s != nil {
		return s
	}
	return nil
}

func hasParamTaint(v *Value, cs Class) bool { return v.Taint.anyParam(cs) }

// sinkValue decides what a value reaching a sink means: a tainted flow (high
// confidence), a parameter to remember in the function's summary, or a
// non-constant value the rule reports on its own.
func (a *batch) sinkValue(f *frame, node NodeID, s *sinkSpec, v *Value) {
	a.sinkValueElem(f, node, s, v, "")
}

// sinkValueElem is sinkValue for a value that is element elem of a
// parameter ("" for the parameter itself).
func (a *batch) sinkValueElem(f *frame, node NodeID, s *sinkSpec, v *Value, elem string) {
	if s.taints(v) {
		a.reportTaint(f, f.m, node, s, s.class, v, nil)
	}
	for i := 0; i < maxParams; i++ {
		if v.Taint.Param(i)&s.class != 0 {
			f.sum.sinks = append(f.sum.sinks, paramSink{param: i, class: s.class, spec: s, mod: f.m, node: node, elem: elem})
		}
	}
	if s.taints(v) || v.Const != nil {
		return
	}
	sev, conf, msg, ok := unknownReport(s, v)
	if !ok {
		return
	}
	if v.Unsafe&s.class != 0 {
		// Unknown data from inside the function: report it here.
		a.report(f.m, node, s.rule, sev, conf, msg, nil)
		return
	}
	if hasParamTaint(v, s.class) && f.fn != nil {
		// Unknown only through parameters: the call sites decide.
		f.deferred = append(f.deferred, deferredFinding{mod: f.m, node: node, spec: s, msg: msg, sev: sev, conf: conf})
		for i := 0; i < maxParams; i++ {
			if v.Taint.Param(i)&s.class != 0 {
				f.sum.sinks = append(f.sum.sinks, paramSink{param: i, class: s.class, spec: s, mod: f.m, node: node, elem: elem, unknown: true})
			}
		}
	}
}

// unknownReport says how a sink reports a value of unknown origin.
func unknownReport(s *sinkSpec, v *Value) (finding.Severity, finding.Confidence, string, bool) {
	switch s.unknown {
	case unkBuilt:
		if v.Built {
			return finding.Medium, finding.ConfidenceMedium,
				fmt.Sprintf("%s built with string formatting from non-constant data reaches %s", sinkNoun(s), s.what), true
		}
	case unkAlways:
		return finding.Medium, finding.ConfidenceMedium, fmt.Sprintf("%s receives a value that is not a constant", s.what), true
	case unkLow:
		return finding.Medium, finding.ConfidenceLow,
			fmt.Sprintf("%s on data that is not a constant; make sure it never comes from outside", s.what), true
	}
	return 0, 0, "", false
}

func sinkNoun(s *sinkSpec) string {
	switch s.class {
	case ClassSQL:
		return "SQL text"
	case ClassShell:
		return "a shell command"
	}
	return "a value"
}

// reportTaint reports untrusted data reaching a sink in module m.
func (a *batch) reportTaint(f *frame, m *Module, node NodeID, s *sinkSpec, cs Class, v *Value, trace []finding.Step) {
	conf := finding.ConfidenceHigh
	if v.Taint.Remote()&cs == 0 {
		conf = finding.ConfidenceMedium // only local sources: argv, environment, input()
	}
	what := srcText(v.Src)
	var steps []finding.Step
	if v.Src != nil && v.Src.Line > 0 {
		steps = append(steps, finding.Step{Line: v.Src.Line, Message: "source: " + v.Src.What})
		if f.m != m {
			steps[0].Path = f.m.Path
		}
	}
	steps = append(steps, trace...)
	steps = append(steps, finding.Step{Line: m.Tree.Line(node), Column: m.Tree.Column(node), Message: "sink: " + s.what})
	msg := fmt.Sprintf("%s from %s reaches %s", strings.ToUpper(sinkNoun(s)[:1])+sinkNoun(s)[1:], what, s.what)
	if s.class != ClassSQL && s.class != ClassShell {
		msg = fmt.Sprintf("Data from %s reaches %s", what, s.what)
	}
	a.report(m, node, s.rule, s.rule.Severity, conf, msg, steps)
}
