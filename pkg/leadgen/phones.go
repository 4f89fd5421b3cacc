package leadgen

import (
	"math/rand/v2"
	"strconv"
	"strings"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// The phone pool: real-looking numbers of every country in the mix, each
// checked with phonenumbers (valid for its region, of the wanted type) and
// kept out of the ranges reserved for fiction and of implausible digit
// patterns. The pool is built once per process with a fixed seed, so
// generated files depend only on Options.
//
// By default the pool only gives each row's number its shape (area code or
// mobile range, length, formatting): the row gets a variant with other
// last four (rarely five) digits, checked like a pooled number and not
// issued before in the file (see generator.phoneNumber). With
// Options.PhonePool rows take the pooled numbers themselves.

// poolPerKind is how many numbers the pool keeps per (region, type).
const poolPerKind = 160

// phoneEntry is one pooled number in the formats people type.
type phoneEntry struct {
	region        string
	cc            int32                        // country calling code
	typ           phonenumbers.PhoneNumberType // the kind asked for: FIXED_LINE or MOBILE
	nsn           string                       // national significant number: "301234567"
	national      string                       // "(415) 392-1234", "030 1234567"
	international string                       // "+49 30 1234567"
	e164          string                       // "+49301234567"
	digits        string                       // national format without punctuation: "0301234567"
}

// tailLen is how many final digits of a pooled number a variant may
// replace: the last four, or the last five once the four-digit variants
// of an entry run short (a file of millions of rows asks for more US
// numbers than 160 pairs of area code and exchange give with four).
const tailLen = 5

// phoneNum is the number on a row: a pooled entry, or a variant of one
// with other final digits. Every format of a number ends with the last
// digits of its national significant number, in order, and a variant is
// formatted as its entry is (TestPhoneVariants checks both against
// phonenumbers.Format), so a variant is rendered by putting its digits in
// place of the last ones of the entry's rendering.
type phoneNum struct {
	entry *phoneEntry // nil: no number
	// tail is the variant's last tailLen digits, all zero for the pooled
	// number itself.
	tail [tailLen]byte
}

// render writes p in format f.
func (p phoneNum) render(f phoneFormat) string {
	s := p.entry.render(f)
	if p.tail == ([tailLen]byte{}) {
		return s
	}
	return withTail(s, p.tail[:])
}

// appendE164 appends p in E.164 format to dst.
func (p phoneNum) appendE164(dst []byte) []byte {
	e := p.entry.e164
	if p.tail == ([tailLen]byte{}) {
		return append(dst, e...)
	}
	return append(append(dst, e[:len(e)-len(p.tail)]...), p.tail[:]...)
}

// withTail returns s with its last len(tail) digits, counted from the
// right and skipping punctuation, replaced by tail.
func withTail(s string, tail []byte) string {
	b := []byte(s)
	j := len(tail) - 1
	for i := len(b) - 1; i >= 0 && j >= 0; i-- {
		if b[i] >= '0' && b[i] <= '9' {
			b[i] = tail[j]
			j--
		}
	}
	return string(b)
}

type phonePool struct {
	fixed  map[string][]phoneEntry
	mobile map[string][]phoneEntry
}

// prefixSpec lists leading national digits of real area codes and mobile
// ranges per region. The example numbers of libphonenumber alone would give
// one area code per country (and the US one, 201-555-01xx, is fictional).
var prefixSpecs = map[string][2][]string{ // region → {fixed, mobile}
	"US": {{"212", "415", "312", "617", "206", "512", "303", "404", "305", "646", "713", "214", "619", "202", "503", "612", "704", "480"}, nil},
	"CA": {{"416", "604", "514", "403", "613", "905", "780", "902"}, nil},
	"GB": {{"20", "161", "121", "131", "141", "113", "117", "1223", "1865"}, {"7700", "7911", "7825", "7976", "7400", "7500", "7723"}},
	"DE": {{"30", "40", "89", "69", "221", "711", "211", "341"}, {"151", "152", "160", "170", "171", "172", "176", "177", "1512"}},
	"FR": {{"1", "2", "3", "4", "5"}, {"6", "7"}},
	"ES": {{"91", "93", "95", "96", "94"}, {"6", "71"}},
	"NL": {{"20", "10", "30", "70", "40"}, {"6"}},
	"IN": {{"11", "22", "80", "44", "33", "40"}, {"98", "99", "97", "90", "70", "81", "88", "63"}},
	"AU": {{"2", "3", "7", "8"}, {"4"}},
	"BR": {{"112", "113", "213", "313", "413", "513", "613"}, {"119", "219", "319", "419"}},
	"JP": {{"3", "6", "45", "52", "92"}, {"90", "80", "70"}},
}

var (
	poolOnce sync.Once
	poolVal  *phonePool
)

// phones returns the shared phone pool, building it on first use.
func phones() *phonePool {
	poolOnce.Do(func() { poolVal = buildPool() })
	return poolVal
}

func buildPool() *phonePool {
	p := &phonePool{fixed: map[string][]phoneEntry{}, mobile: map[string][]phoneEntry{}}
	rng := rand.New(rand.NewPCG(0x1ead, 0x9e11))
	for _, c := range countries {
		spec := prefixSpecs[c.code]
		p.fixed[c.code] = buildKind(rng, c.code, phonenumbers.FIXED_LINE, spec[0])
		if spec[1] == nil {
			// NANP numbers do not tell fixed from mobile.
			p.mobile[c.code] = p.fixed[c.code]
		} else {
			p.mobile[c.code] = buildKind(rng, c.code, phonenumbers.MOBILE, spec[1])
		}
	}
	return p
}

// buildKind varies the digits after each prefix, keeping the length of
// libphonenumber's example number (±1 where lengths vary), and keeps the
// variants that phonenumbers calls valid for region and typ.
func buildKind(rng *rand.Rand, region string, typ phonenumbers.PhoneNumberType, prefixes []string) []phoneEntry {
	example := phonenumbers.GetExampleNumberForType(region, typ)
	if example == nil {
		return nil
	}
	cc := int32(phonenumbers.GetCountryCodeForRegion(region))
	exampleLen := len(phonenumbers.GetNationalSignificantNumber(example))
	out := make([]phoneEntry, 0, poolPerKind)
	seen := map[string]bool{}
	var digits []byte
	for attempt := 0; len(out) < poolPerKind && attempt < poolPerKind*60; attempt++ {
		prefix := prefixes[rng.IntN(len(prefixes))]
		length := exampleLen
		switch {
		case region == "DE" && typ == phonenumbers.FIXED_LINE:
			length = 9 + rng.IntN(3) // 030 12345678, 0221 1234567
		case region == "DE":
			length = 10 + rng.IntN(2) // 0151 12345678, 0170 1234567
		case region == "BR" && typ == phonenumbers.MOBILE:
			length = 11
		}
		if length <= len(prefix)+3 {
			continue
		}
		digits = append(digits[:0], prefix...)
		for len(digits) < length {
			// No leading 0/1 right after the prefix: exchanges and local
			// numbers rarely start so, and NANP forbids it.
			d := byte('0' + rng.IntN(10))
			if len(digits) == len(prefix) && d < '2' {
				d += 2
			}
			digits = append(digits, d)
		}
		nsn := string(digits)
		if seen[nsn] || !plausibleNSN(nsn) || fictionalNSN(region, nsn) {
			continue
		}
		if !validKind(region, cc, typ, nsn) {
			continue
		}
		national, err := strconv.ParseUint(nsn, 10, 64)
		if err != nil {
			continue
		}
		num := &phonenumbers.PhoneNumber{CountryCode: &cc, NationalNumber: &national}
		seen[nsn] = true
		nat := phonenumbers.Format(num, phonenumbers.NATIONAL)
		out = append(out, phoneEntry{
			region:        region,
			cc:            cc,
			typ:           typ,
			nsn:           nsn,
			national:      nat,
			international: phonenumbers.Format(num, phonenumbers.INTERNATIONAL),
			e164:          phonenumbers.Format(num, phonenumbers.E164),
			digits:        onlyDigits(nat),
		})
	}
	return out
}

func onlyDigits(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		if s[i] >= '0' && s[i] <= '9' {
			b.WriteByte(s[i])
		}
	}
	return b.String()
}

// plausibleNSN rejects national numbers a human would call fake: few
// distinct digits, a digit repeated five times in a row, a straight run of
// six (counting 9 to 0 as a step up, as leadclean's phone check does: 030
// 89012345), a block repeated three times.
func plausibleNSN(nsn string) bool {
	var distinct [10]bool
	n := 0
	for i := 0; i < len(nsn); i++ {
		if d := nsn[i] - '0'; !distinct[d] {
			distinct[d] = true
			n++
		}
	}
	if n < 5 {
		return false
	}
	same, up, down := 1, 1, 1
	for i := 1; i < len(nsn); i++ {
		same = bump(same, nsn[i] == nsn[i-1])
		step := (int(nsn[i]) - int(nsn[i-1]) + 10) % 10
		up = bump(up, step == 1)
		down = bump(down, step == 9)
		if same >= 5 || up >= 6 || down >= 6 {
			return false
		}
	}
	for size := 2; size*3 <= len(nsn); size++ {
		for i := 0; i+size*3 <= len(nsn); i++ {
			b := nsn[i : i+size]
			if nsn[i+size:i+2*size] == b && nsn[i+2*size:i+3*size] == b {
				return false
			}
		}
	}
	return true
}

func bump(run int, cont bool) int {
	if cont {
		return run + 1
	}
	return 1
}

// fictionalNSN reports national numbers in ranges reserved for drama and
// examples (Ofcom, ACMA, NANPA) and other service numbers no lead has.
func fictionalNSN(region, nsn string) bool {
	switch region {
	case "US", "CA":
		// NXX-555-xxxx: 555-0100..0199 is fiction, 555-1212 directory
		// assistance; the rest of 555 is unused. Avoid the whole exchange,
		// and N11 service codes.
		return len(nsn) == 10 && (nsn[3:6] == "555" || nsn[4:6] == "11")
	case "GB":
		if strings.HasPrefix(nsn, "2079460") || strings.HasPrefix(nsn, "1914980") ||
			strings.HasPrefix(nsn, "2896496") || strings.HasPrefix(nsn, "2920180") ||
			strings.HasPrefix(nsn, "1632960") || strings.HasPrefix(nsn, "7700900") ||
			strings.HasPrefix(nsn, "8081570") || strings.HasPrefix(nsn, "9098790") ||
			strings.HasPrefix(nsn, "3069990") {
			return true
		}
		for _, area := range []string{"113", "114", "115", "116", "117", "118", "121", "131", "141", "151", "161"} {
			if strings.HasPrefix(nsn, area+"4960") {
				return true
			}
		}
	case "AU":
		if len(nsn) == 9 && strings.Contains("2378", nsn[:1]) && (nsn[1:5] == "5550" || nsn[1:5] == "7010") {
			return true
		}
		return strings.HasPrefix(nsn, "491570") || strings.HasPrefix(nsn, "49157")
	}
	return false
}

// phoneFormat is how a phone cell is typed.
type phoneFormat int

const (
	formatNational phoneFormat = iota
	formatInternational
	formatE164
	formatDoubleZero
	formatDigits
	formatDashes // NANP "415-392-1234"
	formatDots   // NANP "415.392.1234"
	formatGermanParen
)

// render writes e in format f.
func (e *phoneEntry) render(f phoneFormat) string {
	switch f {
	case formatInternational:
		return e.international
	case formatE164:
		return e.e164
	case formatDoubleZero:
		// "0049 30 1234567" reads only where 00 is the international
		// prefix (not in NANP, Australia or Japan).
		switch e.region {
		case "GB", "DE", "FR", "ES", "NL", "IN":
			return "00" + e.international[1:]
		}
		return e.international
	case formatDigits:
		return e.digits
	case formatDashes, formatDots:
		if len(e.digits) == 10 && (e.region == "US" || e.region == "CA") {
			sep := "-"
			if f == formatDots {
				sep = "."
			}
			return e.digits[:3] + sep + e.digits[3:6] + sep + e.digits[6:]
		}
		return e.national
	case formatGermanParen:
		// "+49 (0)30 1234567", how German letterheads write it.
		if e.region == "DE" && strings.HasPrefix(e.national, "0") {
			return "+49 (0)" + e.national[1:]
		}
		return e.international
	}
	return e.national
}
