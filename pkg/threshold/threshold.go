// Package threshold reads and evaluates `leadclean clean --fail-if`
// conditions: a completed run that crosses one exits with a distinct code,
// so a nightly job can alert. The grammar is documented on [Threshold].
package threshold

import (
	"fmt"
	"slices"
	"sort"
	"strconv"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/summary"
)

// A Threshold is one condition of --fail-if, such as `rejected_rate > 0.6`.
// A run that completed and crosses one exits with a distinct code, so a
// nightly job can alert.
//
// The grammar is METRIC[SCOPE] OP NUMBER:
//
//   - METRIC is a count (rows, qualified, nurture, rejected, duplicates),
//     a rate over the rows read (qualified_rate, nurture_rate,
//     rejected_rate, duplicate_rate) or reason:CODE, the share of rows with
//     that reason code.
//   - SCOPE is optional: [NAME] looks at the lead source NAME only (as the
//     summary names it), [*] at every source, crossing when any does.
//   - OP is one of >, >=, <, <=.
//   - NUMBER is a plain number; a rate may be written as a percentage
//     ("60%" is 0.6).
//
// Checks that could not run are metrics too, over the whole run (no
// SCOPE): not_checked:CODE, the share of rows whose file or rulebook left
// the detector of CODE unable to judge them; no_contact_columns, the
// number of files with no e-mail, phone or mobile column; and
// region_mismatch, the number of files whose national numbers mostly fit
// another phone region than the one they were read against. Written alone,
// without OP and NUMBER, such a metric means "> 0": `--fail-if
// no_contact_columns` fails a run with any such file, `--fail-if
// not_checked:bogus_phone` one where bogus_phone could not judge some rows.
// Hyphens may stand for underscores in these names (not-checked:bogus_phone).
type Threshold struct {
	// Text is the condition as written, trimmed.
	Text   string
	Metric string
	// Reason is the code of a reason:CODE metric.
	Reason lead.Reason
	// Source is "" for the whole run, "*" for any source, else a source.
	Source string
	Op     string
	Value  float64
}

// Crossing is a threshold a summary crosses.
type Crossing struct {
	Threshold Threshold
	// Source names the source that crossed it ("" for the whole run).
	Source string
	Actual float64
}

// String says what crossed, for a message: `rejected_rate > 0.6:
// rejected_rate is 0.714`.
func (c Crossing) String() string {
	name := c.Threshold.Metric
	if c.Threshold.Reason != "" && c.Threshold.Metric == "not_checked" {
		name += ":" + string(c.Threshold.Reason) + " (share of rows not checked)"
	} else if c.Threshold.Reason != "" {
		name += ":" + string(c.Threshold.Reason)
	}
	if c.Source != "" {
		name += " of source " + strconv.Quote(c.Source)
	}
	return fmt.Sprintf("%s: %s is %s", c.Threshold.Text, name, formatValue(c.Actual))
}

func formatValue(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

// counted lists each count metric with the count it reads; its rate
// metric (rows has none) is the count over the rows. countMetrics,
// rateMetrics and metric are derived from it.
var counted = []struct {
	name, rate string
	count      func(summary.Counts) int
}{
	{"rows", "", func(c summary.Counts) int { return c.Rows }},
	{"qualified", "qualified_rate", func(c summary.Counts) int { return c.Qualified }},
	{"nurture", "nurture_rate", func(c summary.Counts) int { return c.Nurture }},
	{"rejected", "rejected_rate", func(c summary.Counts) int { return c.Rejected }},
	{"duplicates", "duplicate_rate", func(c summary.Counts) int { return c.Duplicates }},
}

var countMetrics, rateMetrics = func() (counts, rates []string) {
	for _, m := range counted {
		counts = append(counts, m.name)
		if m.rate != "" {
			rates = append(rates, m.rate)
		}
	}
	return counts, rates
}()

// checkMetrics count what could not be checked, over the whole run; each
// may be written alone, meaning "> 0".
var checkMetrics = []string{"no_contact_columns", "region_mismatch"}

// Metrics lists the metric names --fail-if accepts, for help and errors.
func Metrics() []string {
	out := append(append([]string(nil), countMetrics...), rateMetrics...)
	out = append(out, "reason:CODE", "not_checked:CODE")
	return append(out, checkMetrics...)
}

// Parse reads --fail-if values: each may hold several
// conditions separated by commas. It is strict: an unknown metric or
// reason, a missing or unknown operator, a number that is not one, a rate
// outside [0, 1] or a count that is not a whole number is an error that
// quotes the condition.
func Parse(values []string) ([]Threshold, error) {
	var out []Threshold
	for _, v := range values {
		for _, part := range splitConditions(v) {
			t, err := parseThreshold(part)
			if err != nil {
				return nil, err
			}
			out = append(out, t)
		}
	}
	return out, nil
}

// splitConditions splits on commas outside brackets.
func splitConditions(s string) []string {
	var out []string
	depth, start := 0, 0
	for i, r := range s {
		switch r {
		case '[':
			depth++
		case ']':
			if depth > 0 {
				depth--
			}
		case ',':
			if depth == 0 {
				out = append(out, s[start:i])
				start = i + 1
			}
		}
	}
	return append(out, s[start:])
}

func parseThreshold(raw string) (Threshold, error) {
	text := strings.TrimSpace(raw)
	t := Threshold{Text: text}
	fail := func(format string, args ...any) (Threshold, error) {
		return Threshold{}, fmt.Errorf("--fail-if %q: %s", text, fmt.Sprintf(format, args...))
	}
	if text == "" {
		return fail("empty condition (write METRIC OP NUMBER, such as rejected_rate > 0.6)")
	}
	// The operator: the first of <, > outside the scope brackets.
	opAt := -1
	depth := 0
	for i, r := range text {
		if r == '[' {
			depth++
		} else if r == ']' && depth > 0 {
			depth--
		} else if depth == 0 && (r == '<' || r == '>' || r == '=' || r == '!') {
			opAt = i
			break
		}
	}
	left, rest := text, "> 0"
	if opAt >= 0 {
		left, rest = strings.TrimSpace(text[:opAt]), text[opAt:]
	} else if m := checkMetricName(text); !contains(checkMetrics, m) && !strings.HasPrefix(m, "not_checked:") {
		return fail("no comparison (use >, >=, < or <=; only %s and not_checked:CODE may stand alone)", strings.Join(checkMetrics, ", "))
	}
	switch {
	case strings.HasPrefix(rest, ">="), strings.HasPrefix(rest, "<="):
		t.Op, rest = rest[:2], rest[2:]
	case strings.HasPrefix(rest, ">"), strings.HasPrefix(rest, "<"):
		t.Op, rest = rest[:1], rest[1:]
	default:
		return fail("unknown comparison %q (use >, >=, < or <=)", strings.TrimRight(rest[:min(2, len(rest))], " 0123456789."))
	}
	if left == "" {
		return fail("no metric before %s (metrics: %s)", t.Op, strings.Join(Metrics(), ", "))
	}
	// Scope.
	if i := strings.IndexByte(left, '['); i >= 0 {
		if !strings.HasSuffix(left, "]") {
			return fail("a source scope is written [NAME] right after the metric")
		}
		t.Source = strings.TrimSpace(left[i+1 : len(left)-1])
		if t.Source == "" {
			return fail("empty source scope (write [NAME], or [*] for every source)")
		}
		left = strings.TrimSpace(left[:i])
	}
	// Metric.
	isRate := true
	if m := checkMetricName(left); contains(checkMetrics, m) || strings.HasPrefix(m, "not_checked:") {
		if t.Source != "" {
			return fail("%s is counted over the whole run, not per lead source", m)
		}
		left = m
	}
	switch {
	case strings.HasPrefix(left, "not_checked:"):
		code := lead.Reason(strings.TrimSpace(strings.TrimPrefix(left, "not_checked:")))
		if !slices.Contains(lead.Reasons(), code) {
			var codes []string
			for _, r := range lead.Reasons() {
				codes = append(codes, string(r))
			}
			return fail("unknown reason code %q (codes: %s)", code, strings.Join(codes, ", "))
		}
		t.Metric, t.Reason = "not_checked", code
	case contains(checkMetrics, left):
		t.Metric, isRate = left, false
	case strings.HasPrefix(left, "reason:"):
		code := lead.Reason(strings.TrimSpace(strings.TrimPrefix(left, "reason:")))
		known := false
		var codes []string
		for _, r := range lead.Reasons() {
			codes = append(codes, string(r))
			known = known || r == code
		}
		if !known {
			return fail("unknown reason code %q (codes: %s)", code, strings.Join(codes, ", "))
		}
		t.Metric, t.Reason = "reason", code
	case contains(rateMetrics, left):
		t.Metric = left
	case contains(countMetrics, left):
		t.Metric, isRate = left, false
	default:
		return fail("unknown metric %q (metrics: %s)", left, strings.Join(Metrics(), ", "))
	}
	// Number.
	num := strings.TrimSpace(rest)
	if num == "" {
		return fail("no number after %s", t.Op)
	}
	percent := strings.HasSuffix(num, "%")
	if percent {
		if !isRate {
			return fail("%s is a count; a percentage fits only a rate", t.Metric)
		}
		num = strings.TrimSpace(strings.TrimSuffix(num, "%"))
	}
	v, err := strconv.ParseFloat(num, 64)
	if err != nil || strings.ContainsAny(num, "xXpP_") || strings.EqualFold(num, "nan") || strings.Contains(strings.ToLower(num), "inf") {
		return fail("%q is not a number", strings.TrimSpace(rest))
	}
	if percent {
		v /= 100
	}
	if isRate && (v < 0 || v > 1) {
		return fail("a rate is between 0 and 1 (or 0%% and 100%%), not %s", strings.TrimSpace(rest))
	}
	if !isRate && (v < 0 || v != float64(int64(v))) {
		return fail("%s is a count: use a whole number, not %s", t.Metric, num)
	}
	t.Value = v
	return t, nil
}

// checkMetricName spells a check metric with underscores
// ("not-checked:bogus_phone" is not_checked:bogus_phone); the reason code
// after the colon is kept as written.
func checkMetricName(s string) string {
	s = strings.TrimSpace(s)
	name, code, colon := strings.Cut(s, ":")
	name = strings.ReplaceAll(strings.TrimSpace(name), "-", "_")
	if colon {
		return name + ":" + strings.TrimSpace(code)
	}
	return name
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// Evaluate returns the thresholds s crosses, in the order given (and, for
// [*], in the summary's source order). A threshold scoped to a source the
// run did not see is not crossed: it compares nothing.
func Evaluate(s *summary.Summary, ts []Threshold) []Crossing {
	var out []Crossing
	for _, t := range ts {
		switch t.Source {
		case "":
			v := metric(t, s.Counts, s.ReasonCount(t.Reason))
			switch t.Metric {
			case "not_checked":
				v = 0
				if s.Rows > 0 {
					v = float64(s.NotCheckedRows(t.Reason)) / float64(s.Rows)
				}
			case "no_contact_columns":
				v = float64(s.FilesWithoutContactColumns())
			case "region_mismatch":
				v = float64(s.RegionMismatches())
			}
			if compare(v, t.Op, t.Value) {
				out = append(out, Crossing{Threshold: t, Actual: v})
			}
		default:
			var only *summary.GroupStats // the scoped source, in any case and spacing
			if t.Source != "*" {
				if only = s.Source(t.Source); only == nil {
					continue
				}
			}
			for _, g := range s.Sources {
				if only != nil && g != only {
					continue
				}
				if v := metric(t, g.Counts, g.ReasonCount(t.Reason)); compare(v, t.Op, t.Value) {
					out = append(out, Crossing{Threshold: t, Source: g.Name, Actual: v})
				}
			}
		}
	}
	return out
}

// UnknownSources returns the source scopes of ts that s has no source
// for, sorted, so a caller can warn about a misspelt name.
func UnknownSources(s *summary.Summary, ts []Threshold) []string {
	seen := map[string]bool{}
	var out []string
	for _, t := range ts {
		if t.Source == "" || t.Source == "*" || seen[t.Source] {
			continue
		}
		seen[t.Source] = true
		if s.Source(t.Source) == nil {
			out = append(out, t.Source)
		}
	}
	sort.Strings(out)
	return out
}

func metric(t Threshold, c summary.Counts, reasonCount int) float64 {
	rate := func(n int) float64 {
		if c.Rows == 0 {
			return 0
		}
		return float64(n) / float64(c.Rows)
	}
	if t.Metric == "reason" {
		return rate(reasonCount)
	}
	for _, m := range counted {
		if t.Metric == m.name {
			return float64(m.count(c))
		}
		if m.rate != "" && t.Metric == m.rate {
			return rate(m.count(c))
		}
	}
	return 0
}

func compare(v float64, op string, limit float64) bool {
	switch op {
	case ">":
		return v > limit
	case ">=":
		return v >= limit
	case "<":
		return v < limit
	case "<=":
		return v <= limit
	}
	return false
}
