package lead

import "strconv"

// Position is a place in an input file, carried as data so messages never
// need to parse it back out of text.
type Position struct {
	File   string
	Line   int
	Column int // 1-based; 0 when unknown
}

// String renders file:line or file:line:column, or the file alone when
// the line is unknown (0).
func (p Position) String() string {
	if p.Line <= 0 {
		return p.File
	}
	s := p.File + ":" + strconv.Itoa(p.Line)
	if p.Column > 0 {
		s += ":" + strconv.Itoa(p.Column)
	}
	return s
}

// Problem is a problem with an input a person must fix (a lead file, a
// rulebook, a costs file), where it is, and a hint that names the fix.
// Every package that reports such problems uses it, so the command line
// prints them all the same way.
type Problem struct {
	File   string
	Line   int // 1-based; 0 when the problem is with the file as a whole
	Column int // 1-based; 0 when only the line is known
	Msg    string
	// Hint names the fix ("did you mean min_revenue?"); may be empty.
	Hint string
}

// Position returns where the problem is.
func (p *Problem) Position() Position {
	return Position{File: p.File, Line: p.Line, Column: p.Column}
}

// Error renders "file:line:col: message", without the hint.
func (p *Problem) Error() string { return p.Position().String() + ": " + p.Msg }
