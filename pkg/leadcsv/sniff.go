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
	"golang.org/x/text/transform"
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
		return Encoding{Name: "windows-1252", decoder: windows1252{}}
	}
	return Encoding{Name: "utf-8"}
}

// bomIn is the length of this encoding's byte-order mark at the start of
// sample, 0 when there is none: --encoding utf-16le reads files with and
// without one.
func (e Encoding) bomIn(sample []byte) int {
	var bom []byte
	switch e.Name {
	case "utf-8":
		bom = []byte("\xef\xbb\xbf")
	case "utf-16le":
		bom = []byte("\xff\xfe")
	case "utf-16be":
		bom = []byte("\xfe\xff")
	}
	if len(bom) > 0 && bytes.HasPrefix(sample, bom) {
		return len(bom)
	}
	return 0
}

// win1252 maps every byte to a rune as WHATWG's windows-1252 decoder does:
// the five bytes Windows-1252 leaves undefined (0x81, 0x8D, 0x8F, 0x90,
// 0x9D) become the C1 controls of the same value instead of U+FFFD, so no
// byte is lost. (golang.org/x/text's charmap replaces them.)
var win1252 = func() (t [256]rune) {
	for b := range 256 {
		r := charmap.Windows1252.DecodeByte(byte(b))
		if r == utf8.RuneError {
			r = rune(b)
		}
		t[b] = r
	}
	return t
}()

// decode1252 reads s as Windows-1252.
func decode1252(s string) string {
	if isASCII(s) {
		return s
	}
	var b strings.Builder
	b.Grow(len(s) + len(s)/2)
	for i := 0; i < len(s); i++ {
		b.WriteRune(win1252[s[i]])
	}
	return b.String()
}

// decodeCells1252 reads every cell as Windows-1252, in place.
func decodeCells1252(cells []string) {
	for i, c := range cells {
		cells[i] = decode1252(c)
	}
}

// windows1252 is the Windows-1252 encoding with win1252's decoding.
type windows1252 struct{}

func (windows1252) NewDecoder() *encoding.Decoder {
	return &encoding.Decoder{Transformer: &decoder1252{}}
}

func (windows1252) NewEncoder() *encoding.Encoder { return charmap.Windows1252.NewEncoder() }

type decoder1252 struct{ transform.NopResetter }

func (*decoder1252) Transform(dst, src []byte, atEOF bool) (nDst, nSrc int, err error) {
	for nSrc < len(src) {
		c := src[nSrc]
		if c < utf8.RuneSelf {
			if nDst == len(dst) {
				return nDst, nSrc, transform.ErrShortDst
			}
			dst[nDst] = c
			nDst++
			nSrc++
			continue
		}
		r := win1252[c]
		if nDst+utf8.RuneLen(r) > len(dst) {
			return nDst, nSrc, transform.ErrShortDst
		}
		nDst += utf8.EncodeRune(dst[nDst:], r)
		nSrc++
	}
	return nDst, nSrc, nil
}

// utf16Shape reports whether sample looks like BOM-less UTF-16. Text in
// the Latin range has a zero in every other byte; text that is mostly CJK
// has few zeros, but its ASCII delimiters, line ends and digits still put
// theirs on one side only. So: zeros in at least one pair in 20, nearly
// all on one side, and the sample decodes without an unpaired surrogate.
// Text that is not UTF-16 has no zero bytes at all.
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
	zeros := zeroEven + zeroOdd
	if zeros < 2 || zeros*20 < pairs {
		return false, false
	}
	le = zeroOdd*10 >= zeros*9 && zeroEven*20 < pairs && validUTF16(sample[:n], false)
	be = !le && zeroEven*10 >= zeros*9 && zeroOdd*20 < pairs && validUTF16(sample[:n], true)
	return le, be
}

// csvUnits reports whether the ASCII units of UTF-16 text b hold a
// delimiter or a line end: what every CSV sample has, and what a stray
// zero byte in other text does not make.
func csvUnits(b []byte, bigEndian bool) bool {
	for i := 0; i+1 < len(b); i += 2 {
		hi, lo := b[i+1], b[i]
		if bigEndian {
			hi, lo = b[i], b[i+1]
		}
		if hi == 0 && (lo == ',' || lo == ';' || lo == '\t' || lo == '|' || lo == '\n' || lo == '\r') {
			return true
		}
	}
	return false
}

// validUTF16 reports whether b holds no unpaired surrogate and no NUL
// character (a surrogate cut at the end is fine), and looks like CSV.
func validUTF16(b []byte, bigEndian bool) bool {
	unit := func(i int) uint16 {
		if bigEndian {
			return uint16(b[i])<<8 | uint16(b[i+1])
		}
		return uint16(b[i+1])<<8 | uint16(b[i])
	}
	for i := 0; i+1 < len(b); i += 2 {
		u := unit(i)
		switch {
		case u == 0:
			return false
		case u >= 0xD800 && u < 0xDC00:
			if i+3 >= len(b) {
				return csvUnits(b, bigEndian)
			}
			if v := unit(i + 2); v < 0xDC00 || v >= 0xE000 {
				return false
			}
			i += 2
		case u >= 0xDC00 && u < 0xE000:
			return false
		}
	}
	return csvUnits(b, bigEndian)
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
		return Encoding{Name: "utf-16le", decoder: unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)}, nil
	case "utf-16be", "utf16be":
		return Encoding{Name: "utf-16be", decoder: unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)}, nil
	case "utf-16", "utf16":
		return Encoding{Name: "utf-16", decoder: unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)}, nil
	}
	e, err := htmlindex.Get(n)
	if err != nil {
		return Encoding{}, fmt.Errorf("unknown encoding %q (try utf-8, utf-16le, utf-16be, windows-1252, iso-8859-15)", name)
	}
	canonical, _ := htmlindex.Name(e)
	if e == charmap.Windows1252 {
		e = windows1252{}
	}
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
