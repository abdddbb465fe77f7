package python

import "strconv"

// scheduledCall applies, at a call that hands an analysed function to
// something that runs it later, that function's summary with the arguments
// it will be given: FastAPI and Starlette background tasks, executors and
// thread or process pools, threads, processes and timers, event-loop
// callbacks, atexit and sched, and Celery's delay and apply_async. The
// data still reaches the function's sinks, only later; the trace names the
// call that scheduled it.
func (a *batch) scheduledCall(f *frame, c *call) {
	fnv, inner := a.scheduled(f, c)
	if fnv == nil || fnv.Fn == nil || inner == nil {
		return
	}
	fn := fnv.Fn
	if fn.IsMethod() && !fn.isStatic() && !fn.isClassMethod() {
		// A bound method (self.task): the instance fills self.
		inner.recv = &Value{Qual: "@bound()"}
	}
	inner.node, inner.fnNode, inner.callee, inner.qual = c.node, c.fnNode, fnv, fn.Qual
	if fnv.Elems[partialMark] != nil {
		inner.bindPartial() // submit(partial(task, url))
	}
	if inner.spread != nil {
		// An argument tuple of unknown length: any parameter may get any
		// element.
		for range fn.Params {
			inner.pos = append(inner.pos, inner.spread)
			inner.posNodes = append(inner.posNodes, c.node)
		}
	}
	if s := a.analyzeFunc(fn); s != nil {
		a.applySummary(f, inner, fn, s)
	}
}

// scheduled recognises a scheduling call and returns the function it
// schedules and the call that function will receive, or nil.
func (a *batch) scheduled(f *frame, c *call) (*Value, *call) {
	pos := func(i int) (*Value, NodeID) {
		if i < len(c.pos) {
			return c.pos[i], c.posNodes[i]
		}
		return nil, None
	}
	// rest forwards positional arguments from i on, and the keywords.
	rest := func(fnv *Value, i int, keywords bool) (*Value, *call) {
		inner := &call{starred: c.starred}
		if i < len(c.pos) {
			inner.pos, inner.posNodes = c.pos[i:], c.posNodes[i:]
		}
		if keywords {
			inner.kw, inner.kwNodes = c.kw, c.kwNodes
		}
		return fnv, inner
	}
	// packed builds the call from an argument tuple and a keyword dict.
	packed := func(fnv *Value, args *Value, argsNode NodeID, kwargs *Value, kwNode NodeID) (*Value, *call) {
		inner := &call{}
		if args != nil {
			if elems, ok := spreadTuple(args); ok {
				inner.pos = elems
				for range elems {
					inner.posNodes = append(inner.posNodes, argsNode)
				}
			} else if args.Const == nil {
				inner.spread = args.anyElem()
			}
		}
		if kwargs != nil {
			inner.kw, inner.kwNodes = map[string]*Value{}, map[string]NodeID{}
			if !f.splatKeywords(inner, kwargs, kwNode) {
				inner.kw["**"] = kwargs.anyElem()
				inner.kwNodes["**"] = kwNode
				inner.starred = true
			}
		}
		return fnv, inner
	}
	kw := func(name string, i int) (*Value, NodeID) {
		if v, ok := c.kw[name]; ok {
			return v, c.kwNodes[name]
		}
		return pos(i)
	}
	if c.recv != nil && c.recv.Fn != nil {
		// Celery: task.delay(*args, **kwargs), task.apply_async(args, kwargs),
		// and signatures, which are applied later.
		switch c.method {
		case "delay", "s", "si", "signature":
			return rest(c.recv, 0, true)
		case "apply_async", "apply":
			args, an := kw("args", 0)
			kwargs, kn := kw("kwargs", 1)
			return packed(c.recv, args, an, kwargs, kn)
		}
		return nil, nil
	}
	switch c.qual {
	case "threading.Thread", "multiprocessing.Process", "multiprocessing.context.Process":
		target, _ := kw("target", 1)
		args, an := kw("args", 3)
		kwargs, kn := kw("kwargs", 4)
		return packed(target, args, an, kwargs, kn)
	case "threading.Timer":
		target, _ := kw("function", 1)
		args, an := kw("args", 2)
		kwargs, kn := kw("kwargs", 3)
		return packed(target, args, an, kwargs, kn)
	case "asyncio.to_thread", "atexit.register", "anyio.to_thread.run_sync", "starlette.concurrency.run_in_threadpool":
		fnv, _ := pos(0)
		return rest(fnv, 1, c.qual != "anyio.to_thread.run_sync")
	case "builtins.map":
		fnv, _ := pos(0)
		if it, n := pos(1); it != nil {
			return fnv, &call{pos: []*Value{it.anyElem()}, posNodes: []NodeID{n}}
		}
		return nil, nil
	}
	if c.recv == nil {
		return nil, nil
	}
	switch c.method {
	case "add_task", "submit", "call_soon", "call_soon_threadsafe":
		// BackgroundTasks.add_task(fn, *args, **kwargs),
		// Executor.submit(fn, /, *args, **kwargs), loop.call_soon(cb, *args).
		fnv, _ := pos(0)
		return rest(fnv, 1, c.method == "add_task" || c.method == "submit")
	case "run_in_executor", "call_later", "call_at":
		// loop.run_in_executor(executor, fn, *args), loop.call_later(delay, cb, *args).
		fnv, _ := pos(1)
		return rest(fnv, 2, false)
	case "apply_async", "apply":
		// Pool.apply_async(func, args=(), kwds={}).
		fnv, _ := kw("func", 0)
		args, an := kw("args", 1)
		kwargs, kn := kw("kwds", 2)
		return packed(fnv, args, an, kwargs, kn)
	case "map", "imap", "imap_unordered", "map_async":
		// Pool.map(func, iterable), Executor.map(fn, *iterables): one
		// element per call.
		fnv, _ := kw("func", 0)
		if it, n := pos(1); it != nil {
			return fnv, &call{pos: []*Value{it.anyElem()}, posNodes: []NodeID{n}}
		}
	case "enter", "enterabs":
		// sched.scheduler.enter(delay, priority, action, argument=(), kwargs={}).
		fnv, _ := kw("action", 2)
		args, an := kw("argument", 3)
		kwargs, kn := kw("kwargs", 4)
		return packed(fnv, args, an, kwargs, kn)
	}
	return nil, nil
}

// spreadTuple returns the elements of an argument tuple in order, when
// they are all known.
func spreadTuple(v *Value) ([]*Value, bool) {
	if v.Rest != nil || len(v.Elems) == 0 {
		return nil, v.Const != nil // a constant: no data
	}
	out := make([]*Value, 0, len(v.Elems))
	for i := 0; ; i++ {
		e, ok := v.Elems[strconv.Itoa(i)]
		if !ok {
			break
		}
		out = append(out, e)
	}
	return out, len(out) == len(v.Elems)
}
