package python

import (
	"strconv"
	"strings"
)

func itoa(i int64) string   { return strconv.FormatInt(i, 10) }
func ftoa(f float64) string { return strconv.FormatFloat(f, 'g', -1, 64) }

// stringPrefix returns the lowercase prefix letters of a string literal
// ("f", "rb", "") and its quote.
func (t *Tree) stringPrefix(str NodeID) string {
	start := t.Child(str, FieldNone)
	for c := t.First(str); c != None; c = t.N(c).NextSibling {
		if t.N(c).Kind == KindStringStart {
			start = c
			break
		}
	}
	if start == None || t.Kind(start) != KindStringStart {
		return ""
	}
	s := t.Text(start)
	return strings.ToLower(strings.TrimRight(s, "\"'"))
}

// IsFString reports whether a string node is an f-string.
func (t *Tree) IsFString(str NodeID) bool {
	return strings.ContainsRune(t.stringPrefix(str), 'f')
}

// StringValue returns the value of a string literal without interpolations
// (escape sequences decoded for ordinary strings, kept for raw ones). ok is
// false for f-strings with interpolations and for anything that is not a
// string literal or an implicit concatenation of them.
func (t *Tree) StringValue(id NodeID) (string, bool) {
	id = t.Unparen(id)
	switch t.Kind(id) {
	case KindString:
		var b strings.Builder
		raw := strings.ContainsRune(t.stringPrefix(id), 'r')
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			switch t.N(c).Kind {
			case KindStringContent:
				t.appendContent(&b, c, raw)
			case KindInterpolation:
				return "", false
			}
		}
		return b.String(), true
	case KindConcatenatedString:
		var b strings.Builder
		for c := t.First(id); c != None; c = t.N(c).NextSibling {
			if t.N(c).Kind != KindString {
				continue
			}
			s, ok := t.StringValue(c)
			if !ok {
				return "", false
			}
			b.WriteString(s)
		}
		return b.String(), true
	}
	return "", false
}

// appendContent writes a string_content node, decoding its escape sequences
// unless the literal is raw.
func (t *Tree) appendContent(b *strings.Builder, content NodeID, raw bool) {
	n := t.N(content)
	pos := n.Start
	for c := t.First(content); c != None; c = t.N(c).NextSibling {
		cn := t.N(c)
		if cn.Kind != KindEscapeSequence {
			continue
		}
		b.Write(t.Src[pos:cn.Start])
		esc := t.Text(c)
		if raw {
			b.WriteString(esc)
		} else {
			b.WriteString(decodeEscape(esc))
		}
		pos = cn.End
	}
	if pos < n.End {
		b.Write(t.Src[pos:n.End])
	}
}

func decodeEscape(esc string) string {
	if len(esc) < 2 {
		return esc
	}
	switch esc[1] {
	case 'n':
		return "\n"
	case 'r':
		return "\r"
	case 't':
		return "\t"
	case '\\':
		return "\\"
	case '\'':
		return "'"
	case '"':
		return "\""
	case '0':
		return "\x00"
	case 'x', 'u', 'U':
		if v, err := strconv.ParseUint(esc[2:], 16, 32); err == nil {
			return string(rune(v))
		}
	case '\n':
		return ""
	}
	return esc
}

// LiteralValue evaluates a literal expression without any variable state:
// strings, numbers, True/False/None, and arithmetic or concatenation of them.
// It returns nil when the expression is not a literal constant.
func (t *Tree) LiteralValue(id NodeID) any {
	id = t.Unparen(id)
	switch t.Kind(id) {
	case KindString, KindConcatenatedString:
		if s, ok := t.StringValue(id); ok {
			return s
		}
	case KindInteger:
		return parseInt(t.Text(id))
	case KindFloat:
		if f, err := strconv.ParseFloat(strings.ReplaceAll(t.Text(id), "_", ""), 64); err == nil {
			return f
		}
	case KindTrue:
		return true
	case KindFalse:
		return false
	case KindNone:
		return noneValue
	case KindUnaryOperator:
		v := t.LiteralValue(t.Child(id, FieldArgument))
		if t.HasToken(id, "-") {
			switch x := v.(type) {
			case int64:
				return -x
			case float64:
				return -x
			}
			return nil
		}
		return v
	case KindBinaryOperator:
		l := t.LiteralValue(t.Child(id, FieldLeft))
		r := t.LiteralValue(t.Child(id, FieldRight))
		if l == nil || r == nil {
			return nil
		}
		return foldBinary(t.Text(t.Child(id, FieldOperator)), l, r)
	}
	return nil
}

func parseInt(s string) any {
	s = strings.ReplaceAll(strings.ToLower(s), "_", "")
	base := 10
	switch {
	case strings.HasPrefix(s, "0x"):
		base, s = 16, s[2:]
	case strings.HasPrefix(s, "0o"):
		base, s = 8, s[2:]
	case strings.HasPrefix(s, "0b"):
		base, s = 2, s[2:]
	}
	if strings.HasSuffix(s, "j") || strings.HasSuffix(s, "l") {
		return nil
	}
	v, err := strconv.ParseInt(s, base, 64)
	if err != nil {
		return nil
	}
	return v
}

// foldBinary evaluates a binary operator over two constants, or returns nil.
func foldBinary(op string, l, r any) any {
	switch lv := l.(type) {
	case string:
		if rv, ok := r.(string); ok && op == "+" {
			if len(lv)+len(rv) > 1<<16 {
				return nil
			}
			return lv + rv
		}
		if n, ok := r.(int64); ok && op == "*" && n >= 0 && int64(len(lv))*n <= 1<<16 {
			return strings.Repeat(lv, int(n))
		}
		return nil
	case bool:
		if lv {
			return foldBinary(op, int64(1), r)
		}
		return foldBinary(op, int64(0), r)
	case int64:
		switch rv := r.(type) {
		case int64:
			switch op {
			case "+":
				return lv + rv
			case "-":
				return lv - rv
			case "*":
				return lv * rv
			case "//":
				if rv != 0 {
					q := lv / rv
					if (lv%rv != 0) && ((lv < 0) != (rv < 0)) {
						q--
					}
					return q
				}
			case "%":
				if rv != 0 {
					m := lv % rv
					if m != 0 && ((m < 0) != (rv < 0)) {
						m += rv
					}
					return m
				}
			case "/":
				if rv != 0 {
					return float64(lv) / float64(rv)
				}
			case "**":
				if rv >= 0 && rv < 64 {
					out := int64(1)
					for i := int64(0); i < rv; i++ {
						out *= lv
					}
					return out
				}
			case "&":
				return lv & rv
			case "|":
				return lv | rv
			case "^":
				return lv ^ rv
			case "<<":
				if rv >= 0 && rv < 63 {
					return lv << rv
				}
			case ">>":
				if rv >= 0 {
					return lv >> min(rv, 63)
				}
			}
			return nil
		case float64:
			return foldBinary(op, float64(lv), rv)
		case bool:
			return foldBinary(op, l, boolInt(rv))
		}
	case float64:
		var rf float64
		switch rv := r.(type) {
		case float64:
			rf = rv
		case int64:
			rf = float64(rv)
		default:
			return nil
		}
		switch op {
		case "+":
			return lv + rf
		case "-":
			return lv - rf
		case "*":
			return lv * rf
		case "/":
			if rf != 0 {
				return lv / rf
			}
		}
	}
	return nil
}

func boolInt(b bool) int64 {
	if b {
		return 1
	}
	return 0
}

// compareConst evaluates a comparison between two constants; ok is false when
// it cannot be decided.
func compareConst(op string, l, r any) (result, ok bool) {
	if op == "==" || op == "!=" || op == "is" || op == "is not" {
		eq, known := constEqual(l, r)
		if !known {
			return false, false
		}
		if op == "==" || op == "is" {
			return eq, true
		}
		return !eq, true
	}
	if op == "in" || op == "not in" {
		ls, ok1 := l.(string)
		rs, ok2 := r.(string)
		if !ok1 || !ok2 {
			return false, false
		}
		in := strings.Contains(rs, ls)
		return in == (op == "in"), true
	}
	lf, lok := number(l)
	rf, rok := number(r)
	if lok && rok {
		switch op {
		case "<":
			return lf < rf, true
		case "<=":
			return lf <= rf, true
		case ">":
			return lf > rf, true
		case ">=":
			return lf >= rf, true
		}
		return false, false
	}
	ls, ok1 := l.(string)
	rs, ok2 := r.(string)
	if ok1 && ok2 {
		switch op {
		case "<":
			return ls < rs, true
		case "<=":
			return ls <= rs, true
		case ">":
			return ls > rs, true
		case ">=":
			return ls >= rs, true
		}
	}
	return false, false
}

func number(v any) (float64, bool) {
	switch x := v.(type) {
	case int64:
		return float64(x), true
	case float64:
		return x, true
	case bool:
		return float64(boolInt(x)), true
	}
	return 0, false
}

func constEqual(l, r any) (eq, known bool) {
	if lf, ok := number(l); ok {
		if rf, ok := number(r); ok {
			return lf == rf, true
		}
		if _, ok := r.(string); ok {
			return false, true
		}
	}
	switch lv := l.(type) {
	case string:
		switch rv := r.(type) {
		case string:
			return lv == rv, true
		case int64, float64, bool, noneType:
			return false, true
		}
	case noneType:
		_, isNone := r.(noneType)
		return isNone, true
	}
	return false, false
}

// truthy returns the truth value of a constant; ok is false when unknown.
func truthy(v any) (value, ok bool) {
	switch x := v.(type) {
	case bool:
		return x, true
	case int64:
		return x != 0, true
	case float64:
		return x != 0, true
	case string:
		return x != "", true
	case noneType:
		return false, true
	}
	return false, false
}
