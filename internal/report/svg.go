package report

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// This file draws the charts of the HTML reports as inline SVG. A chart is
// plain data (rectangles, lines and texts with coordinates already formatted)
// that the html/template in templates/ renders, so every label is escaped by
// the template and no SVG markup is ever assembled from strings. Coordinates
// go through svgNum, which never writes NaN or Inf.

// svgChart is one chart: a viewBox, an accessible title and description, and
// the shapes. Empty, when set, is drawn in the middle instead of data.
type svgChart struct {
	ID     string // unique on the page; the title and desc ids derive from it
	Title  string // read by screen readers and shown as the caption
	Desc   string // a one-sentence summary of the data, for screen readers
	Width  int
	Height int
	Rects  []svgRect
	Lines  []svgLine
	Texts  []svgText
	Empty  string
}

// svgRect is a bar or a legend swatch; Tip becomes its <title> tooltip.
type svgRect struct {
	X, Y, W, H string
	Class      string
	Tip        string
}

type svgLine struct {
	X1, Y1, X2, Y2 string
	Class          string
}

// svgText is a label. Anchor is "start", "middle" or "end"; Tip, when set,
// carries the full text of a shortened label.
type svgText struct {
	X, Y   string
	Anchor string
	Class  string
	Text   string
	Tip    string
}

// svgNum formats a coordinate with at most one decimal. A value that is not
// finite is written as 0: a chart may be wrong, but never invalid SVG.
func svgNum(f float64) string {
	if math.IsNaN(f) || math.IsInf(f, 0) {
		f = 0
	}
	f = math.Round(f*10) / 10
	if f == 0 {
		return "0" // also turns -0 into 0
	}
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// svgSeries is one layer of a stacked bar chart: a severity, say.
type svgSeries struct {
	Name  string
	Class string
}

// svgStack is one bar of a stacked bar chart: its x-axis label and one value
// per series, in the order of the chart's series.
type svgStack struct {
	Label  string
	Values []int
}

// svgNiceStep rounds raw up to 1, 2 or 5 times a power of ten, at least 1:
// the y-axis step for integer counts.
func svgNiceStep(raw float64) int {
	if !(raw > 1) || math.IsInf(raw, 0) {
		return 1
	}
	p := math.Pow(10, math.Floor(math.Log10(raw)))
	for _, m := range []float64{1, 2, 5, 10} {
		if m*p >= raw {
			return int(m * p)
		}
	}
	return int(10 * p)
}

// svgShorten cuts a label to at most n characters with an ellipsis. Paths
// keep their tail (the file name), anything else its head.
func svgShorten(s string, n int, keepTail bool) string {
	r := []rune(s)
	if n < 2 || len(r) <= n {
		return s
	}
	if keepTail {
		return "…" + string(r[len(r)-n+1:])
	}
	return string(r[:n-1]) + "…"
}

// svgLegend appends one swatch and name per series, left to right, at y.
func svgLegend(c *svgChart, series []svgSeries, x, y float64) {
	for _, s := range series {
		c.Rects = append(c.Rects, svgRect{X: svgNum(x), Y: svgNum(y - 9), W: "10", H: "10", Class: s.Class, Tip: s.Name})
		c.Texts = append(c.Texts, svgText{X: svgNum(x + 14), Y: svgNum(y), Anchor: "start", Class: "legend", Text: s.Name})
		x += 14 + float64(len([]rune(s.Name)))*7 + 16
	}
}

// svgStackedBars draws counts over time: one stacked bar per period, the
// series stacked bottom-up in the order given, a y axis with round ticks,
// x labels thinned so they never overlap, and a legend. Zero bars draw the
// axes and the empty message; one bar is drawn in the middle at a sensible
// width.
func svgStackedBars(id, title string, series []svgSeries, bars []svgStack, empty string) svgChart {
	const (
		width, height          = 760, 300
		left, right, top, foot = 48, 16, 34, 40
		charW                  = 6.5 // approximate width of one label character
	)
	plotW, plotH := float64(width-left-right), float64(height-top-foot)
	c := svgChart{ID: id, Title: title, Width: width, Height: height}

	peak, total := 0, 0
	for _, b := range bars {
		sum := 0
		for _, v := range b.Values {
			if v > 0 {
				sum += v
			}
		}
		total += sum
		peak = max(peak, sum)
	}
	step := svgNiceStep(float64(peak) / 4)
	ticks := (peak + step - 1) / step
	if ticks < 1 {
		ticks = 1
	}
	yTop := ticks * step
	y := func(v int) float64 { return top + plotH - float64(v)/float64(yTop)*plotH }

	for i := 0; i <= ticks; i++ {
		v := i * step
		c.Lines = append(c.Lines, svgLine{X1: svgNum(left), Y1: svgNum(y(v)), X2: svgNum(left + plotW), Y2: svgNum(y(v)), Class: "grid"})
		c.Texts = append(c.Texts, svgText{X: svgNum(left - 6), Y: svgNum(y(v) + 4), Anchor: "end", Class: "tick", Text: strconv.Itoa(v)})
	}
	c.Lines = append(c.Lines, svgLine{X1: svgNum(left), Y1: svgNum(top), X2: svgNum(left), Y2: svgNum(top + plotH), Class: "axis"},
		svgLine{X1: svgNum(left), Y1: svgNum(top + plotH), X2: svgNum(left + plotW), Y2: svgNum(top + plotH), Class: "axis"})
	svgLegend(&c, series, left, 14)

	if len(bars) == 0 || total == 0 {
		c.Empty = empty
		c.Desc = fmt.Sprintf("%s: no data in %d %s.", title, len(bars), plural(len(bars), "period", "periods"))
		return c
	}

	slot := plotW / float64(len(bars))
	barW := math.Min(slot*0.7, 56)
	if barW < 1 {
		barW = 1
	}
	longest := 1
	for _, b := range bars {
		longest = max(longest, len([]rune(b.Label)))
	}
	every := int(math.Ceil((float64(longest)*charW + 8) / slot))
	if every < 1 {
		every = 1
	}
	for i, b := range bars {
		x := left + float64(i)*slot + (slot-barW)/2
		base := 0
		var parts []string
		for k, v := range b.Values {
			if v <= 0 || k >= len(series) {
				continue
			}
			parts = append(parts, fmt.Sprintf("%d %s", v, series[k].Name))
			c.Rects = append(c.Rects, svgRect{X: svgNum(x), Y: svgNum(y(base + v)), W: svgNum(barW),
				H: svgNum(y(base) - y(base+v)), Class: series[k].Class,
				Tip: fmt.Sprintf("%s: %d %s", b.Label, v, series[k].Name)})
			base += v
		}
		if base == 0 {
			parts = append(parts, "none")
		}
		if i%every == 0 {
			// A label centred under its bar, unless that would cut it at
			// the edge of the chart.
			lx, anchor := x+barW/2, "middle"
			half := float64(len([]rune(b.Label))) * charW / 2
			switch {
			case lx-half < 0:
				lx, anchor = x, "start"
			case lx+half > width:
				lx, anchor = x+barW, "end"
			}
			c.Texts = append(c.Texts, svgText{X: svgNum(lx), Y: svgNum(top + plotH + 16), Anchor: anchor,
				Class: "tick", Text: b.Label, Tip: b.Label + ": " + strings.Join(parts, ", ")})
		}
	}
	c.Desc = fmt.Sprintf("%s: %d in %d %s, at most %d in one (%s to %s).", title, total, len(bars),
		plural(len(bars), "period", "periods"), peak, bars[0].Label, bars[len(bars)-1].Label)
	return c
}

// svgItem is one row of a horizontal bar chart.
type svgItem struct {
	Label string
	Value int
	Class string // "" for the default bar colour
}

// svgHorizontalBars draws a ranked list: the label on the left (shortened,
// the whole label in a tooltip), a bar proportional to the value and the
// value after it. keepTail shortens labels from the left, for paths.
func svgHorizontalBars(id, title string, items []svgItem, keepTail bool, empty string) svgChart {
	const (
		width        = 760
		labelW       = 250
		rowH         = 24
		top, foot    = 8, 8
		valueW       = 56
		labelChars   = 36
		barThickness = 16
	)
	c := svgChart{ID: id, Title: title, Width: width}
	if len(items) == 0 {
		c.Height = 48
		c.Empty = empty
		c.Desc = title + ": no data."
		return c
	}
	c.Height = top + foot + rowH*len(items)
	peak := 0
	for _, it := range items {
		peak = max(peak, it.Value)
	}
	scale := 0.0
	if peak > 0 {
		scale = float64(width-labelW-valueW) / float64(peak)
	}
	var desc []string
	for i, it := range items {
		yRow := float64(top + i*rowH)
		label := svgShorten(it.Label, labelChars, keepTail)
		c.Texts = append(c.Texts, svgText{X: svgNum(labelW - 8), Y: svgNum(yRow + rowH/2 + 4), Anchor: "end",
			Class: "label", Text: label, Tip: it.Label})
		v := it.Value
		if v < 0 {
			v = 0
		}
		w := float64(v) * scale
		if v > 0 && w < 2 {
			w = 2
		}
		class := it.Class
		if class == "" {
			class = "bar"
		}
		c.Rects = append(c.Rects, svgRect{X: svgNum(labelW), Y: svgNum(yRow + (rowH-barThickness)/2), W: svgNum(w),
			H: svgNum(barThickness), Class: class, Tip: fmt.Sprintf("%s: %d", it.Label, it.Value)})
		c.Texts = append(c.Texts, svgText{X: svgNum(labelW + w + 6), Y: svgNum(yRow + rowH/2 + 4), Anchor: "start",
			Class: "value", Text: strconv.Itoa(it.Value)})
		if i < 3 {
			desc = append(desc, fmt.Sprintf("%s %d", it.Label, it.Value))
		}
	}
	c.Desc = fmt.Sprintf("%s, %d %s: %s", title, len(items), plural(len(items), "row", "rows"), strings.Join(desc, ", "))
	if len(items) > 3 {
		c.Desc += ", …"
	}
	return c
}

// svgGauge draws a score between 0 and 1 as a bar with the threshold marked.
// The pass side of the threshold is tinted: below it for a risk score,
// above it for a quality score.
func svgGauge(id, title string, score, threshold float64, higherIsBetter bool) svgChart {
	const width, height, left, right, barY, barH = 320, 44, 8, 8, 6, 14
	plotW := float64(width - left - right)
	clamp := func(f float64) float64 {
		if math.IsNaN(f) {
			return 0
		}
		return math.Max(0, math.Min(1, f))
	}
	x := func(f float64) float64 { return left + clamp(f)*plotW }
	c := svgChart{ID: id, Title: title, Width: width, Height: height}
	c.Rects = append(c.Rects, svgRect{X: svgNum(left), Y: svgNum(barY), W: svgNum(plotW), H: svgNum(barH), Class: "gauge-bg"})
	passFrom, passTo := 0.0, threshold
	if higherIsBetter {
		passFrom, passTo = threshold, 1
	}
	c.Rects = append(c.Rects, svgRect{X: svgNum(x(passFrom)), Y: svgNum(barY), W: svgNum(x(passTo) - x(passFrom)), H: svgNum(barH),
		Class: "gauge-pass", Tip: "passing range"})
	c.Lines = append(c.Lines, svgLine{X1: svgNum(x(threshold)), Y1: svgNum(barY - 4), X2: svgNum(x(threshold)), Y2: svgNum(barY + barH + 4), Class: "gauge-threshold"})
	c.Rects = append(c.Rects, svgRect{X: svgNum(x(score) - 3), Y: svgNum(barY - 3), W: "6", H: svgNum(barH + 6), Class: "gauge-score",
		Tip: "score " + htmlScore(score)})
	// The threshold is labelled under its mark; the ends only when the
	// label leaves them room.
	t := clamp(threshold)
	anchor := "middle"
	switch {
	case t < 0.15:
		anchor = "start"
	case t > 0.85:
		anchor = "end"
	}
	c.Texts = append(c.Texts, svgText{X: svgNum(x(threshold)), Y: svgNum(height - 4), Anchor: anchor, Class: "tick",
		Text: "threshold " + htmlScore(threshold)})
	if t >= 0.3 {
		c.Texts = append(c.Texts, svgText{X: svgNum(left), Y: svgNum(height - 4), Anchor: "start", Class: "tick", Text: "0"})
	}
	if t <= 0.7 {
		c.Texts = append(c.Texts, svgText{X: svgNum(width - right), Y: svgNum(height - 4), Anchor: "end", Class: "tick", Text: "1"})
	}
	c.Desc = fmt.Sprintf("%s: score %s, threshold %s.", title, htmlScore(score), htmlScore(threshold))
	return c
}
