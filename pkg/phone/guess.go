package phone

import (
	"fmt"
	"sort"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// Guessing the phone region of a file
//
// A national number (no + and no 00 in front) on a row whose country
// cell names no region is read against the default region. When a file
// comes from another country and has no country column, most of its
// numbers are then invalid, and every lead is bogus_phone. [GuessRegion]
// looks at a sample of such numbers and says which region they fit.
//
// The rule (README, "The phone region"):
//
//   - Only national numbers on rows without a usable country are looked at
//     (the sample); an international number names its own country, and a
//     row's country always wins.
//   - With fewer than [MinGuessNumbers] numbers nothing is said or chosen.
//   - The default region fits when it validates at least half of them.
//   - Otherwise each region phonenumbers knows is tried on the sample; the
//     best is the one that validates the most (ties: the first code in
//     alphabetical order). Regions sharing a country calling code give the
//     same E.164 numbers, so the runner-up is the best region with another
//     calling code.
//   - A mismatch is reported when the best region validates at least half
//     of the numbers and more than the default does.
//   - --region auto takes the best region only when it is clearly
//     dominant: it validates at least 80% of the sample, at least twice as
//     many numbers as the default, and at least twice as many as the
//     runner-up, or, when the runner-up comes close, the sampled rows'
//     e-mail and website domains are under the best region's
//     country-code domain (.eg, .com.eg) at least [MinDomainHints] times
//     and never under the runner-up's. Otherwise it keeps the default and
//     says why. Many numbering plans overlap (Egyptian and Korean mobiles
//     both start 010 and have 11 digits; Berlin's 030 numbers are valid in
//     several plans), so refusing is common without such a hint.

// MinGuessNumbers is the fewest sampled numbers a region is guessed from.
const MinGuessNumbers = 20

// MinDomainHints is the fewest rows whose domains name a region for the
// domains to settle a close call.
const MinDomainHints = 3

// maxAlso is how many tied regions a guess names.
const maxAlso = 3

// MaxGuessNumbers bounds the sample: trying every region on it costs
// about 250 parses a number, so the sample is kept small.
const MaxGuessNumbers = 200

// RegionGuess is what [GuessRegion] found about a sample of national
// numbers.
type RegionGuess struct {
	// Default is the region the numbers were read against ("" for none).
	Default string `json:"default"`
	// Numbers is the size of the sample.
	Numbers int `json:"numbers"`
	// ValidDefault is how many are valid for Default.
	ValidDefault int `json:"valid_default"`
	// Region is the region that validates the most of them, when the
	// default does not fit ("" when the default fits or nothing fits).
	Region string `json:"region,omitempty"`
	// ValidRegion is how many are valid for Region.
	ValidRegion int `json:"valid_region"`
	// RunnerUp is the best region with another calling code than Region,
	// and ValidRunnerUp its count.
	RunnerUp      string `json:"runner_up,omitempty"`
	ValidRunnerUp int    `json:"valid_runner_up"`
	// Tied counts the regions with other calling codes that validate as
	// many numbers as Region (the numbers alone cannot tell them apart);
	// Also names the first few, in the order of the ranking.
	Tied int      `json:"tied"`
	Also []string `json:"also,omitempty"`
	// Hints is how many sampled rows' e-mail or website domains are in
	// Region's country-code top-level domain.
	Hints int `json:"domain_hints"`
	// Mismatch: most numbers are invalid for Default but valid for
	// Region; the user should be told.
	Mismatch bool `json:"mismatch"`
	// Confident: Region is clearly dominant, so --region auto takes it.
	Confident bool `json:"confident"`
	// Why says, when Confident is false, why --region auto keeps the
	// default.
	Why string `json:"why,omitempty"`
}

// CountryRegion returns the region a row's country cell names, when
// phonenumbers supports it: the region its numbers are read against.
func CountryRegion(country string) (string, bool) {
	r, ok := Region(country)
	if !ok || !phonenumbers.GetSupportedRegions()[r] {
		return "", false
	}
	return r, true
}

// NationalDigits returns the digits of a phone cell written as a national
// number (no + or 00 in front, enough digits), for [GuessRegion]; ok is
// false for an international, empty or unreadable cell.
func NationalDigits(cell string) (digits string, ok bool) {
	cell = strings.TrimSpace(cell)
	if cell == "" || IsPlaceholder(cell) || spreadsheetMangled(cell) {
		return "", false
	}
	in := prepare(cell)
	if !in.ok || in.plus || strings.HasPrefix(in.digits, "00") || allOneDigit(in.digits) {
		return "", false
	}
	return in.digits, true
}

// GuessRegion judges a sample of national numbers' digits (see
// [NationalDigits]) against defaultRegion and, when it does not fit, against
// every region; see the rule above. Only the first [MaxGuessNumbers] are
// used. It is deterministic: the same sample gives the same guess.
//
// hints counts, per region, the sampled rows whose e-mail or website domain
// ends in that region's country-code top-level domain (see [DomainRegion]):
// they break ties and may settle a close call, never outvote the numbers.
func GuessRegion(defaultRegion string, sample []string, hints map[string]int) RegionGuess {
	if len(sample) > MaxGuessNumbers {
		sample = sample[:MaxGuessNumbers]
	}
	def := supportedRegion(defaultRegion)
	g := RegionGuess{Default: def, Numbers: len(sample)}
	if def != "" {
		for _, d := range sample {
			if _, _, _, typ, err := parse(false, d, def); err == nil && typ != phonenumbers.UNKNOWN {
				g.ValidDefault++
			}
		}
	}
	if g.Numbers == 0 {
		g.Why = "no number without a country code on a row without a country"
		return g
	}
	if g.Numbers < MinGuessNumbers {
		g.Why = fmt.Sprintf("only %d numbers without a country code (at least %d are needed)", g.Numbers, MinGuessNumbers)
		return g
	}
	if 2*g.ValidDefault >= g.Numbers {
		g.Why = fmt.Sprintf("%s fits: %d of %d numbers are valid for it", def, g.ValidDefault, g.Numbers)
		return g
	}
	type score struct {
		region string
		cc     int
		valid  int
		accept float64 // how often the region takes random numbers shaped like the sample
	}
	// One score per calling code: its regions give the same E.164
	// numbers. The code's main region (FI for +358, not AX) names it
	// when it does as well as the best of them.
	byCode := map[int]*score{}
	for region := range phonenumbers.GetSupportedRegions() {
		if region == def || region == "001" {
			continue
		}
		n := 0
		for _, d := range sample {
			if nationalValid(d, region) {
				n++
			}
		}
		if n == 0 {
			continue
		}
		cc := phonenumbers.GetCountryCodeForRegion(region)
		main := phonenumbers.GetRegionCodeForCountryCode(cc)
		s := byCode[cc]
		switch {
		case s == nil:
			byCode[cc] = &score{region: region, cc: cc, valid: n}
		case n > s.valid, n == s.valid && (region == main || (s.region != main && region < s.region)):
			s.region, s.valid = region, n
		}
	}
	var scores []score
	top := 0
	for _, s := range byCode {
		top = max(top, s.valid)
	}
	for _, s := range byCode {
		if s.valid == top {
			s.accept = acceptance(s.region, sample)
		}
		scores = append(scores, *s)
	}
	sort.Slice(scores, func(i, j int) bool {
		a, b := scores[i], scores[j]
		if a.valid != b.valid {
			return a.valid > b.valid
		}
		if ha, hb := hints[a.region], hints[b.region]; ha != hb {
			return ha > hb
		}
		if a.accept != b.accept {
			// Among plans that take every number, the stricter one
			// explains them better; it only orders the names given,
			// --region auto never chooses on it.
			return a.accept < b.accept
		}
		return a.region < b.region
	})
	if len(scores) == 0 || scores[0].valid <= g.ValidDefault {
		g.Why = fmt.Sprintf("no region validates more of the %d numbers than %s", g.Numbers, orNone(def))
		return g
	}
	best := scores[0]
	g.Region, g.ValidRegion = best.region, best.valid
	if len(scores) > 1 {
		g.RunnerUp, g.ValidRunnerUp = scores[1].region, scores[1].valid
	}
	for _, s := range scores[1:] {
		if s.valid < best.valid {
			break
		}
		g.Tied++
		if len(g.Also) < maxAlso {
			g.Also = append(g.Also, s.region)
		}
	}
	g.Hints = hints[g.Region]
	g.Mismatch = 2*g.ValidRegion >= g.Numbers
	switch {
	case 5*g.ValidRegion < 4*g.Numbers:
		g.Why = fmt.Sprintf("the best region, %s, validates only %d of %d numbers (80%% are needed)", g.Region, g.ValidRegion, g.Numbers)
	case g.ValidRegion < 2*g.ValidDefault:
		g.Why = fmt.Sprintf("%s validates %d of %d numbers, not twice as many as %s (%d)", g.Region, g.ValidRegion, g.Numbers, def, g.ValidDefault)
	case g.RunnerUp != "" && g.ValidRegion < 2*g.ValidRunnerUp && (g.Hints < MinDomainHints || hints[g.RunnerUp] > 0):
		g.Why = fmt.Sprintf("the numbers fit both %s (%d of %d) and %s (%d), and the rows' e-mail and website domains do not settle it", g.Region, g.ValidRegion, g.Numbers, g.RunnerUp, g.ValidRunnerUp)
	default:
		g.Confident = true
	}
	return g
}

// nationalValid reports whether digits, read as a national number of
// region (never retried as international), is valid there.
func nationalValid(digits, region string) bool {
	num, err := parseDigits(false, digits, region)
	if err != nil || int(num.GetCountryCode()) != phonenumbers.GetCountryCodeForRegion(region) {
		return false
	}
	_, typ := regionAndType(num, phonenumbers.GetNationalSignificantNumber(num))
	return typ != phonenumbers.UNKNOWN
}

func orNone(region string) string {
	if region == "" {
		return "no region"
	}
	return region
}

// DomainRegion returns the region whose country-code top-level domain a
// host ends in ("acme.com.eg" and "acme.eg" give EG; "uk" gives GB), or
// "" for a generic domain (.com, .io is too often used as a brand to
// count: only regions phonenumbers supports are returned, and .io, .ai,
// .co, .me, .tv, .ly, .fm, .to are left out).
func DomainRegion(host string) string {
	i := strings.LastIndexByte(host, '.')
	if i < 0 || len(host)-i != 3 {
		return ""
	}
	tld := strings.ToUpper(host[i+1:])
	switch tld {
	case "UK":
		return "GB"
	case "IO", "AI", "CO", "ME", "TV", "LY", "FM", "TO", "AC", "SH", "GG", "AM", "CC", "WS", "NU":
		return ""
	}
	if !phonenumbers.GetSupportedRegions()[tld] {
		return ""
	}
	return tld
}

// acceptance estimates how often region takes a random national number
// shaped like the sample's (same length, same first two digits): a
// lenient numbering plan takes almost anything. It only orders regions
// the numbers cannot tell apart. Deterministic: the random digits come
// from a fixed generator.
func acceptance(region string, sample []string) float64 {
	const tries = 16
	seed := uint32(2463534242)
	next := func() byte {
		seed ^= seed << 13
		seed ^= seed >> 17
		seed ^= seed << 5
		return byte('0' + seed%10)
	}
	taken, total := 0, 0
	buf := make([]byte, 0, 20)
	for i, d := range sample {
		if i >= 20 || len(d) < 3 {
			break
		}
		for range tries {
			buf = append(buf[:0], d[:2]...)
			for len(buf) < len(d) {
				buf = append(buf, next())
			}
			if nationalValid(string(buf), region) {
				taken++
			}
			total++
		}
	}
	if total == 0 {
		return 1
	}
	return float64(taken) / float64(total)
}
