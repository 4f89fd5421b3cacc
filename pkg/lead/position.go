package lead

import "strconv"

// Position is a place in an input file, carried as data so messages never
// need to parse it back out of text.
type Position struct {
	File   string
	Line   int
	Column int // 1-based; 0 when unknown
}

// String renders file:line or file:line:column.
func (p Position) String() string {
	s := p.File + ":" + strconv.Itoa(p.Line)
	if p.Column > 0 {
		s += ":" + strconv.Itoa(p.Column)
	}
	return s
}
