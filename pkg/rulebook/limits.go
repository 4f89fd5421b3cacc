package rulebook

import "fmt"

// maxBlockIndent bounds how far a line's block structure may reach: its
// indentation plus the "- ", "? " and ": " indicators that open nested
// collections on the same line ("- - - - x"). goccy/go-yaml's lexer and
// parser cost memory that grows with the square of the nesting (a 64 KB
// line of "- " took 1.5 GiB), so nesting is refused before they run. A
// real rulebook stays under 20 columns.
const maxBlockIndent = 256

// checkNesting scans src once, before any YAML parsing, and returns the
// 1-based line and column where block nesting (maxBlockIndent) or flow
// nesting ([ { beyond maxFlowDepth) goes too deep, with a message; 0 when
// the file is within bounds. Quoted strings and comments are skipped, so
// "[[:alpha:]]" in a regular expression counts as written.
func checkNesting(src []byte) (line, col int, msg string) {
	line = 1
	depth := 0
	atLineStart := true
	prefix := 0    // columns of block prefix on this line
	lineStart := 0 // index of the line's first byte
	for i := 0; i < len(src); i++ {
		c := src[i]
		if c == '\n' {
			line++
			atLineStart, prefix, lineStart = true, 0, i+1
			continue
		}
		if atLineStart {
			switch {
			case c == ' ' || c == '\t':
				prefix++
				if prefix > maxBlockIndent {
					return line, prefix, fmt.Sprintf("block collections are nested more than %d columns deep", maxBlockIndent)
				}
				continue
			case (c == '-' || c == '?' || c == ':') && (i+1 == len(src) || src[i+1] == ' ' || src[i+1] == '\n' || src[i+1] == '\t'):
				prefix++
				if prefix > maxBlockIndent {
					return line, prefix, fmt.Sprintf("block collections are nested more than %d columns deep", maxBlockIndent)
				}
				continue
			}
			atLineStart = false
		}
		switch c {
		case '#':
			if i == 0 || src[i-1] == ' ' || src[i-1] == '\t' || src[i-1] == '\n' {
				for i+1 < len(src) && src[i+1] != '\n' {
					i++
				}
			}
		case '"', '\'':
			q := c
			for i+1 < len(src) && src[i+1] != '\n' {
				i++
				if src[i] == '\\' && q == '"' && i+1 < len(src) {
					i++
					continue
				}
				if src[i] == q {
					break
				}
			}
		case '[', '{':
			depth++
			if depth > maxFlowDepth {
				return line, i - lineStart + 1, fmt.Sprintf("collections are nested more than %d deep", maxFlowDepth)
			}
		case ']', '}':
			if depth > 0 {
				depth--
			}
		}
	}
	return 0, 0, ""
}
