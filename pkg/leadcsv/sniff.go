package leadcsv

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"
)

// Encoding names what the input's bytes are and how to decode them.
type Encoding struct {
	// Name is shown to users: "utf-8", "utf-8 (bom)", "utf-16le (bom)",
	// "windows-1252", ...
	Name string
	// decoder is nil for UTF-8, which is read without transformation.
	decoder encoding.Encoding
	// bom is the number of bytes of byte-order mark to skip.
	bom int
}

// NamedEncoding returns an Encoding that only carries a name, for row
// sources that are not text (a workbook says "xlsx").
func NamedEncoding(name string) Encoding { return Encoding{Name: name} }

// IsUTF8 reports whether the input is read without transcoding.
func (e Encoding) IsUTF8() bool { return e.decoder == nil }

// NotTextError reports an input that is not delimited text at all, such as
// a workbook or an image renamed .csv.
type NotTextError struct {
	Kind string // "an Excel workbook or zip archive", "a PNG image", ...
}

func (e *NotTextError) Error() string {
	return "file is " + e.Kind + ", not CSV text"
}

// signatures are the magic numbers of files people rename to .csv.
var signatures = []struct {
	magic []byte
	kind  string
	hint  string
}{
	{[]byte("PK\x03\x04"), "an Excel workbook or zip archive (.xlsx)", "open it in Excel and save as CSV UTF-8"},
	{[]byte("\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"), "an old Excel workbook (.xls)", "open it in Excel and save as CSV UTF-8"},
	{[]byte("\x89PNG\r\n\x1a\n"), "a PNG image", ""},
	{[]byte("\xff\xd8\xff"), "a JPEG image", ""},
	{[]byte("GIF8"), "a GIF image", ""},
	{[]byte("%PDF-"), "a PDF document", ""},
	{[]byte("\x1f\x8b"), "gzip-compressed", "decompress it first: gunzip -c FILE | leadclean clean -"},
	{[]byte("BZh"), "bzip2-compressed", "decompress it first"},
	{[]byte("\xfd7zXZ\x00"), "xz-compressed", "decompress it first"},
	{[]byte("\x28\xb5\x2f\xfd"), "zstd-compressed", "decompress it first"},
}

// SniffBinary returns a *NotTextError and a hint when sample starts like a
// known binary format.
func SniffBinary(sample []byte) (*NotTextError, string) {
	for _, s := range signatures {
		if bytes.HasPrefix(sample, s.magic) {
			return &NotTextError{Kind: s.kind}, s.hint
		}
	}
	return nil, ""
}

// DetectEncoding decides how to decode an input from its first bytes:
// a byte-order mark wins (UTF-8, UTF-16LE, UTF-16BE); UTF-16 without a BOM
// is recognised by its pattern of zero bytes; otherwise text that is valid
// UTF-8 is UTF-8, and text that is not, and holds no valid multi-byte
// UTF-8 sequence at all, is Windows-1252 (what a German or French Excel
// writes). A sample that mixes valid UTF-8 sequences with invalid bytes is
// read as UTF-8; the rows holding the invalid bytes are then reported.
func DetectEncoding(sample []byte) Encoding {
	switch {
	case bytes.HasPrefix(sample, []byte("\xef\xbb\xbf")):
		return Encoding{Name: "utf-8 (bom)", bom: 3}
	case bytes.HasPrefix(sample, []byte("\xff\xfe")):
		return Encoding{Name: "utf-16le (bom)", decoder: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM), bom: 2}
	case bytes.HasPrefix(sample, []byte("\xfe\xff")):
		return Encoding{Name: "utf-16be (bom)", decoder: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM), bom: 2}
	}
	if le, be := utf16Shape(sample); le {
		return Encoding{Name: "utf-16le", decoder: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}
	} else if be {
		return Encoding{Name: "utf-16be", decoder: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}
	}
	valid, invalid := countUTF8(sample)
	if invalid > 0 && valid == 0 {
		return Encoding{Name: "windows-1252", decoder: charmap.Windows1252}
	}
	return Encoding{Name: "utf-8"}
}

// utf16Shape reports whether sample looks like BOM-less UTF-16: text in
// the Latin range has a zero in every other byte.
func utf16Shape(sample []byte) (le, be bool) {
	n := len(sample) &^ 1
	if n < 4 {
		return false, false
	}
	var zeroEven, zeroOdd int
	for i := 0; i < n; i += 2 {
		if sample[i] == 0 {
			zeroEven++
		}
		if sample[i+1] == 0 {
			zeroOdd++
		}
	}
	pairs := n / 2
	// Most of the text is ASCII: its high bytes are zero, its low bytes not.
	le = zeroOdd*10 >= pairs*7 && zeroEven*10 < pairs
	be = zeroEven*10 >= pairs*7 && zeroOdd*10 < pairs
	return le, be
}

// countUTF8 counts valid multi-byte sequences and invalid bytes, ignoring
// a sequence cut off at the end of the sample.
func countUTF8(b []byte) (valid, invalid int) {
	for len(b) > 0 {
		if b[0] < utf8.RuneSelf {
			b = b[1:]
			continue
		}
		r, size := utf8.DecodeRune(b)
		if r == utf8.RuneError && size <= 1 {
			if !utf8.FullRune(b) {
				break // truncated at the end of the sample
			}
			invalid++
			b = b[1:]
			continue
		}
		valid++
		b = b[size:]
	}
	return valid, invalid
}

// LookupEncoding returns the encoding named by --encoding: "utf-8",
// "utf-16le", "utf-16be", "windows-1252", "latin1", "iso-8859-15", "shift_jis"
// and every other WHATWG encoding label.
func LookupEncoding(name string) (Encoding, error) {
	n := strings.ToLower(strings.TrimSpace(name))
	switch n {
	case "utf-8", "utf8":
		return Encoding{Name: "utf-8"}, nil
	case "utf-16le", "utf16le":
		return Encoding{Name: "utf-16le", decoder: unicode.UTF16(unicode.LittleEndian, unicode.ExpectBOM)}, nil
	case "utf-16be", "utf16be":
		return Encoding{Name: "utf-16be", decoder: unicode.UTF16(unicode.BigEndian, unicode.ExpectBOM)}, nil
	case "utf-16", "utf16":
		return Encoding{Name: "utf-16", decoder: unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)}, nil
	}
	e, err := htmlindex.Get(n)
	if err != nil {
		return Encoding{}, fmt.Errorf("unknown encoding %q (try utf-8, utf-16le, utf-16be, windows-1252, iso-8859-15)", name)
	}
	canonical, _ := htmlindex.Name(e)
	return Encoding{Name: canonical, decoder: e}, nil
}

// Delimiters are the candidates DetectDelimiter chooses from, in order of
// preference on a tie.
var Delimiters = []rune{',', ';', '\t', '|'}

// DetectDelimiter picks the delimiter that splits the first lines of
// decoded text into the same number of fields, outside quotes, and the most
// of them. With no evidence it returns ','.
func DetectDelimiter(text string) rune {
	lines := sampleRecords(text, 20)
	best, bestScore := ',', 0
	for _, d := range Delimiters {
		counts := make([]int, len(lines))
		for i, l := range lines {
			counts[i] = countOutsideQuotes(l, d)
		}
		if len(counts) == 0 || counts[0] == 0 {
			continue
		}
		consistent := 0
		for _, c := range counts {
			if c == counts[0] {
				consistent++
			}
		}
		// Consistency across lines dominates; the number of fields breaks ties.
		score := consistent*1000 + counts[0]
		if score > bestScore {
			best, bestScore = d, score
		}
	}
	return best
}

// sampleRecords splits text into at most n records, honouring quotes so a
// quoted newline does not end a record; the last, possibly cut-off record
// is dropped when there are others.
func sampleRecords(text string, n int) []string {
	var recs []string
	inQuote := false
	start := 0
	for i := 0; i < len(text) && len(recs) < n; i++ {
		switch text[i] {
		case '"':
			inQuote = !inQuote
		case '\n':
			if !inQuote {
				if rec := strings.TrimRight(text[start:i], "\r"); rec != "" {
					recs = append(recs, rec)
				}
				start = i + 1
			}
		}
	}
	if len(recs) == 0 && start < len(text) {
		recs = append(recs, text[start:])
	}
	return recs
}

func countOutsideQuotes(s string, d rune) int {
	n := 0
	inQuote := false
	for _, r := range s {
		switch {
		case r == '"':
			inQuote = !inQuote
		case r == d && !inQuote:
			n++
		}
	}
	return n
}

// DelimiterName renders a delimiter for messages.
func DelimiterName(d rune) string {
	switch d {
	case '\t':
		return "tab"
	case ',':
		return "comma"
	case ';':
		return "semicolon"
	case '|':
		return "pipe"
	}
	return string(d)
}

// ParseDelimiter reads --delimiter: a single character, or one of the names
// comma, semicolon, tab, pipe (and "\t").
func ParseDelimiter(s string) (rune, error) {
	switch strings.ToLower(s) {
	case "comma", ",":
		return ',', nil
	case "semicolon", ";":
		return ';', nil
	case "tab", `\t`, "\t":
		return '\t', nil
	case "pipe", "|":
		return '|', nil
	}
	if r, size := utf8.DecodeRuneInString(s); size == len(s) && r != utf8.RuneError && r != '"' && r != '\r' && r != '\n' {
		return r, nil
	}
	return 0, fmt.Errorf("invalid delimiter %q (use comma, semicolon, tab, pipe or one character)", s)
}
