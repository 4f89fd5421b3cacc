package lead

import "strings"

// SourceKey folds a lead source name for comparison: trimmed, lower
// case, inner runs of white space made one space, so "Trade Show",
// "trade show" and "Trade  Show " are one source. It is the one rule every
// part of leadclean compares sources by: the summary's per-source rows,
// --fail-if's rate[SOURCE], --costs, and audit's sources and agreement.
//
// Where a source is shown, its name is the first spelling seen in input
// order (for a source no lead has, the costs file's or the rulebook's
// spelling), so the same input always shows the same name.
func SourceKey(s string) string {
	return strings.ToLower(strings.Join(strings.Fields(s), " "))
}

// SourceName is a lead source cell parsed once: as written, and folded.
type SourceName struct {
	Text string // trimmed, as written
	Key  string // SourceKey(Text)
}

// ParseSource reads a lead source cell.
func ParseSource(cell string) SourceName {
	text := strings.TrimSpace(cell)
	return SourceName{Text: text, Key: SourceKey(text)}
}

// SourceGroup returns the key reports group l under and the name they
// show for it: l's source (shown as the group's first lead spells it), or
// "(file) NAME" for a lead without one, grouped by its file.
func (l *Lead) SourceGroup() (key, name string) {
	if l.Source.Key != "" {
		return l.Source.Key, l.Source.Text
	}
	name = "(file) " + l.File
	return name, name
}
