package phone

import (
	_ "embed"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/nyaruka/phonenumbers"
	"golang.org/x/text/unicode/norm"

	"github.com/leadclean/leadclean/pkg/fold"
)

// The region tables, generated (regions.tsv, see gen_regions.go) and
// hand-written (region-aliases.tsv). data/README.md records their sources.
var (
	//go:embed data/regions.tsv
	regionsTSV string
	//go:embed data/region-aliases.tsv
	regionAliasesTSV string
)

//go:generate go run gen_regions.go

// notACountry lists folded cell values that mean "no country given". "na"
// is here rather than Namibia: in a country column "NA" nearly always means
// "not available".
var notACountry = map[string]bool{
	"": true, "na": true, "none": true, "unknown": true, "other": true, "null": true,
	"nil": true, "notavailable": true, "notapplicable": true, "nd": true, "tbd": true,
	"xx": true, "zz": true, "unbekannt": true, "inconnu": true, "desconocido": true,
}

// regionIndex maps folded country spellings to alpha-2 codes.
type regionIndex struct {
	byKey map[string]string
	// ambiguous holds generated keys that name two regions; they are
	// dropped unless an alias settles them.
	ambiguous map[string][]string
}

var loadRegions = sync.OnceValue(func() *regionIndex {
	return buildRegionIndex(regionsTSV, regionAliasesTSV)
})

// buildRegionIndex reads the generated table and the aliases. Generated
// keys that collide between regions are dropped; an alias always wins.
func buildRegionIndex(generated, aliases string) *regionIndex {
	idx := &regionIndex{byKey: make(map[string]string, 4096), ambiguous: map[string][]string{}}
	for line := range strings.Lines(generated) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) < 2 {
			continue
		}
		code := strings.ToUpper(cols[0])
		idx.addGenerated(foldCountry(code), code)
		idx.addGenerated(foldCountry(cols[1]), code)
		if len(cols) > 2 {
			for name := range strings.SplitSeq(cols[2], "|") {
				idx.addGenerated(foldCountry(name), code)
			}
		}
	}
	for key := range idx.ambiguous {
		delete(idx.byKey, key)
	}
	for line := range strings.Lines(aliases) {
		line = strings.TrimRight(line, "\r\n")
		if line == "" || line[0] == '#' {
			continue
		}
		code, names, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		code = strings.ToUpper(code)
		for name := range strings.SplitSeq(names, "|") {
			if key := foldCountry(name); key != "" {
				idx.byKey[key] = code
				delete(idx.ambiguous, key)
			}
		}
	}
	for key := range notACountry {
		delete(idx.byKey, key)
	}
	return idx
}

func (idx *regionIndex) addGenerated(key, code string) {
	if key == "" {
		return
	}
	if _, bad := idx.ambiguous[key]; bad {
		idx.ambiguous[key] = append(idx.ambiguous[key], code)
		return
	}
	if prev, ok := idx.byKey[key]; ok && prev != code {
		idx.ambiguous[key] = []string{prev, code}
		return
	}
	idx.byKey[key] = code
}

// Region returns the ISO 3166 alpha-2 code for a country cell such as
// "USA", "U.S.", "Deutschland", "The Netherlands", "日本" or "gb". It knows
// alpha-2 and alpha-3 codes and the CLDR names in the common export
// languages of every region phonenumbers supports, plus the spellings
// exports use (data/region-aliases.tsv). Case, accents, dots, spaces,
// hyphens and a leading "The" are ignored. A cell such as "Germany (DE)"
// resolves when all of its recognised parts agree. "NA", "n/a", "unknown"
// and similar give ("", false).
func Region(country string) (string, bool) {
	var buf [64]byte
	key := appendFolded(buf[:0], country)
	if notACountry[string(key)] {
		return "", false
	}
	idx := loadRegions()
	if code, ok := idx.byKey[string(key)]; ok {
		return code, true
	}
	// "Germany (DE)", "DE - Germany", "Berlin, Germany": accept when every
	// recognised part names the same region.
	parts := strings.FieldsFunc(country, func(r rune) bool {
		return strings.ContainsRune("()[],;/|-–—:", r)
	})
	if len(parts) < 2 {
		return "", false
	}
	found := ""
	for _, part := range parts {
		k := foldCountry(part)
		if notACountry[k] {
			continue
		}
		code, ok := idx.byKey[k]
		if !ok {
			continue
		}
		if found != "" && found != code {
			return "", false
		}
		found = code
	}
	return found, found != ""
}

// ISOCodeColumn reports whether a sample of a country column is written
// as ISO 3166 alpha-2 codes: at least five non-empty cells, nine in ten of
// them two letters that name a region phonenumbers supports. In such a
// column "NA" is Namibia, not "not available" ([NamibiaInISOColumn]).
func ISOCodeColumn(cells []string) bool {
	n, codes := 0, 0
	regions := phonenumbers.GetSupportedRegions()
	for _, c := range cells {
		c = strings.TrimSpace(c)
		if c == "" {
			continue
		}
		n++
		if len(c) == 2 && regions[strings.ToUpper(c)] {
			codes++
		}
	}
	return n >= 5 && codes*10 >= n*9
}

// NamibiaInISOColumn returns the country cell to check a number against
// in a column of ISO codes: "NA" (any case) there is Namibia.
func NamibiaInISOColumn(country string) string {
	if strings.EqualFold(strings.TrimSpace(country), "NA") {
		return "Namibia"
	}
	return country
}

// foldCountry reduces a country spelling to its lookup key: lower case,
// accents removed, a leading "the" and the words "and" and "&" dropped, and
// everything but letters and digits removed ("U.S." and "us" meet, "The
// Netherlands" and "Netherlands" meet, "Österreich" and "osterreich" meet,
// "Bosnia and Herzegovina" and "Bosnia & Herzegovina" meet).
func foldCountry(s string) string { return string(appendFolded(nil, s)) }

// appendFolded appends the folded form of s (see foldCountry) to dst.
func appendFolded(dst []byte, s string) []byte {
	s = strings.TrimSpace(s)
	if len(s) > 5 && strings.EqualFold(s[len(s)-5:], ", the") {
		s = s[:len(s)-5]
	}
	if !isASCII(s) {
		s = norm.NFD.String(s)
	}
	first := true
	for s != "" {
		word := s
		if i := strings.IndexFunc(s, unicode.IsSpace); i >= 0 {
			_, size := utf8.DecodeRuneInString(s[i:])
			word, s = s[:i], s[i+size:]
		} else {
			s = ""
		}
		if word == "" {
			continue
		}
		skip := word == "&" || strings.EqualFold(word, "and") || (first && s != "" && strings.EqualFold(word, "the"))
		first = false
		if !skip {
			dst = appendFoldedWord(dst, word)
		}
	}
	return dst
}

func appendFoldedWord(dst []byte, word string) []byte {
	for _, r := range word {
		switch {
		case fold.IsMark(r):
			// combining accent: drop
		case r < utf8.RuneSelf:
			c := byte(r)
			switch {
			case 'a' <= c && c <= 'z', '0' <= c && c <= '9':
				dst = append(dst, c)
			case 'A' <= c && c <= 'Z':
				dst = append(dst, c+'a'-'A')
			}
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			dst = fold.AppendRune(dst, r)
		}
	}
	return dst
}

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}
