package junk

import (
	"bytes"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/net/idna"
	"golang.org/x/net/publicsuffix"
)

// websiteHost returns the lower-case ASCII host of a website cell such as
// "https://www.Acme.com:8080/contact?x=1", "acme.com/", "//acme.com" or
// "WWW.ACME.COM." ("acme.com" for all), or "" when the cell holds no
// plausible host.
func websiteHost(cell string) string {
	s := strings.TrimSpace(cell)
	if i := strings.Index(s, "://"); i >= 0 {
		s = s[i+3:]
	}
	s = strings.TrimPrefix(s, "//")
	if i := strings.IndexAny(s, "/?#\\ \t"); i >= 0 {
		s = s[:i]
	}
	if i := strings.LastIndexByte(s, '@'); i >= 0 { // user:pass@host
		s = s[i+1:]
	}
	if i := strings.LastIndexByte(s, ':'); i >= 0 { // port
		s = s[:i]
	}
	s = strings.TrimSuffix(s, ".")
	if s == "" || strings.IndexByte(s, '.') < 0 {
		return ""
	}
	if !isASCII(s) {
		ascii, err := idna.Lookup.ToASCII(s)
		if err != nil {
			return ""
		}
		s = ascii
	}
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "www.")
	for rest := s; ; {
		label, after, more := strings.Cut(rest, ".")
		if !isHostLabel(label) {
			return ""
		}
		if !more {
			break
		}
		rest = after
	}
	if strings.IndexByte(s, '.') < 0 {
		return ""
	}
	return s
}

// normalizeDomain checks and normalises a domain written in a rulebook:
// lower case, ASCII (IDNA), no scheme, path or leading "www.". A domain
// that is itself a public suffix (co.uk) is refused: it would match every
// company under it.
func normalizeDomain(raw string) (string, error) {
	s := strings.TrimSpace(raw)
	if s == "" {
		return "", fmt.Errorf("empty domain")
	}
	host := websiteHost(s)
	if host == "" {
		return "", fmt.Errorf("%q is not a domain", raw)
	}
	for _, label := range strings.Split(host, ".") {
		if !isLDHLabel(label) {
			return "", fmt.Errorf("%q is not a domain", raw)
		}
	}
	if ps, _ := publicsuffix.PublicSuffix(host); ps == host {
		return "", fmt.Errorf("%q is a public suffix, not a company's domain", raw)
	}
	return host, nil
}

// isLDHLabel reports whether label is a letter-digit-hyphen DNS label
// (A-labels such as xn--bcher-kva included).
func isLDHLabel(label string) bool {
	if label == "" || len(label) > 63 || label[0] == '-' || label[len(label)-1] == '-' {
		return false
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

// isHostLabel is lenient where isLDHLabel is strict: websites in lead
// files may have underscores or edge hyphens, yet every label must be
// there and be made of letters, digits, hyphens and underscores.
func isHostLabel(label string) bool {
	if label == "" || len(label) > 63 {
		return false
	}
	for i := 0; i < len(label); i++ {
		c := label[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-' || c == '_') {
			return false
		}
	}
	return true
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// domainSet holds domains matched by whole labels: acme.com matches
// acme.com and sub.acme.com, never notacme.com.
type domainSet map[string]struct{}

// match returns the listed domain that host equals or is under.
func (ds domainSet) match(host string) (string, bool) {
	if len(ds) == 0 || host == "" {
		return "", false
	}
	for h := host; ; {
		if _, ok := ds[h]; ok {
			return h, true
		}
		i := strings.IndexByte(h, '.')
		if i < 0 {
			return "", false
		}
		h = h[i+1:]
	}
}

// legalSuffixes are company-form words removed from the end of a company
// name before names are compared. Written as a person would; folded once.
var legalSuffixes = []string{
	"Inc", "Inc.", "Incorporated", "LLC", "L.L.C.", "LLP", "Ltd", "Ltd.", "Limited",
	"GmbH", "gGmbH", "GmbH & Co. KG", "KG", "AG", "SE", "SA", "S.A.", "SAS", "S.A.S.",
	"SARL", "BV", "B.V.", "NV", "N.V.", "Pty", "Pty Ltd", "plc", "Corp", "Corp.",
	"Corporation", "Co", "Co.", "Company", "KK", "K.K.", "Oy", "Oyj", "AB", "SRL",
	"S.R.L.", "S.L.", "SL", "SpA", "S.p.A.", "AS", "A/S", "ApS", "Sp. z o.o.",
}

// companyNormalizer turns company names into comparison keys.
type companyNormalizer struct {
	// suffixes holds the folded legal suffixes as word lists, by their
	// last word.
	suffixes map[string][][]string
}

func newCompanyNormalizer() *companyNormalizer {
	cn := &companyNormalizer{suffixes: map[string][][]string{}}
	for _, s := range legalSuffixes {
		if f := folded(s); f != "" {
			words := strings.Split(f, " ")
			last := words[len(words)-1]
			cn.suffixes[last] = append(cn.suffixes[last], words)
		}
	}
	return cn
}

// key returns the comparison key of a company name: folded (case, accents,
// punctuation), legal suffixes removed from the end, words joined without
// spaces. "RivalSoft", "Rivalsoft Inc." and "RIVAL-SOFT GmbH" share the
// key "rivalsoft". A name made only of suffixes keeps its words.
func (cn *companyNormalizer) key(name string) string {
	var buf [128]byte
	return string(cn.appendKey(buf[:0], name))
}

// lookup finds name's key in m without allocating for names of common
// length.
func (cn *companyNormalizer) lookup(m map[string]string, name string) (string, bool) {
	var buf [128]byte
	v, ok := m[string(cn.appendKey(buf[:0], name))]
	return v, ok
}

// appendKey appends name's key to dst.
func (cn *companyNormalizer) appendKey(dst []byte, name string) []byte {
	start := len(dst)
	dst = appendFolded(dst, name)
	f := dst[start:]
	// Drop legal suffixes from the end while more than the suffix remains.
	for changed := true; changed; {
		changed = false
		last := f[bytes.LastIndexByte(f, ' ')+1:]
		for _, suf := range cn.suffixes[string(last)] {
			if cut, ok := trimWordSuffix(f, suf); ok {
				f = f[:cut]
				changed = true
				break
			}
		}
	}
	// Join the words: drop the spaces in place.
	out := f[:0]
	for _, c := range f {
		if c != ' ' {
			out = append(out, c)
		}
	}
	return dst[:start+len(out)]
}

// trimWordSuffix reports whether the folded text ends with the words of
// suf preceded by at least one other word, and where the text ends
// without them (the space before them dropped).
func trimWordSuffix(text []byte, suf []string) (int, bool) {
	end := len(text)
	for i := len(suf) - 1; i >= 0; i-- {
		w := suf[i]
		if end < len(w)+2 || string(text[end-len(w):end]) != w || text[end-len(w)-1] != ' ' {
			return 0, false
		}
		end -= len(w) + 1
	}
	return end, true
}
