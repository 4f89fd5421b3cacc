package cli

import (
	"bytes"
	"io"
)

// colorEnabled decides whether messages on stderr are coloured: only on a
// terminal, never when NO_COLOR is set to anything (https://no-color.org)
// or TERM is "dumb". A redirected stderr is never a terminal.
func colorEnabled(isTerminal bool, getenv func(string) string) bool {
	return isTerminal && getenv("NO_COLOR") == "" && getenv("TERM") != "dumb"
}

// ANSI colours of message prefixes.
const (
	ansiBoldRed = "\x1b[1;31m"
	ansiYellow  = "\x1b[33m"
	ansiCyan    = "\x1b[36m"
	ansiReset   = "\x1b[0m"
)

// messagePrefixes are coloured at the start of a line, longest first.
var messagePrefixes = []struct{ prefix, color string }{
	{"leadclean: warning:", ansiYellow},
	{"leadclean:", ansiBoldRed},
	{"hint:", ansiCyan},
}

// errWriter is where messages for people go: stderr, with coloured
// prefixes when ColorEnabled.
func (s *Streams) errWriter() io.Writer {
	if !s.ColorEnabled {
		return s.ErrOut
	}
	return &colorWriter{w: s.ErrOut}
}

// colorWriter colours the prefix of each message line written to it
// (messages are written a line per Write).
type colorWriter struct{ w io.Writer }

func (c *colorWriter) Write(p []byte) (int, error) {
	for _, m := range messagePrefixes {
		if bytes.HasPrefix(p, []byte(m.prefix)) {
			var b bytes.Buffer
			b.WriteString(m.color)
			b.WriteString(m.prefix)
			b.WriteString(ansiReset)
			b.Write(p[len(m.prefix):])
			if _, err := c.w.Write(b.Bytes()); err != nil {
				return 0, err
			}
			return len(p), nil
		}
	}
	return c.w.Write(p)
}
