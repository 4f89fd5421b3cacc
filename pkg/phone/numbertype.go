package phone

import (
	"regexp"
	"regexp/syntax"
	"slices"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// regionAndType returns what phonenumbers.GetRegionCodeForNumber and
// phonenumbers.GetNumberType return for num, whose national significant
// number is nsn, in one pass.
//
// Why not call the two: for every number-type description it tests,
// phonenumbers v1.8.1 builds the anchored pattern string twice, looks each
// up in a cache under a lock, and runs the same regexp twice (once in
// isNumberPossibleForDesc, once in isNumberMatchingDesc); and GetNumberType
// calls GetRegionCodeForNumber, which for a country code shared by several
// regions (+1, +44, +7, +61, ...) classifies the number once more to find
// its region. Profiled over distinct numbers, those two calls were 60% of a
// check. Here each pattern is compiled once, on first use, run at most
// once (and not at all when the number's first digit rules it out), and
// the type found while looking for the region is kept.
// The logic mirrors upstream GetRegionCodeForNumber,
// getRegionCodeForNumberFromRegionList and getNumberTypeHelper (of the
// release in mirroredVersion) line for line; TestRegionAndTypeMatchesLibrary and
// FuzzRegionAndType compare the two over every region's example numbers
// and arbitrary digits.
func regionAndType(num *phonenumbers.PhoneNumber, nsn string) (string, phonenumbers.PhoneNumberType) {
	cc := int(num.GetCountryCode())
	regions := phonenumbers.GetRegionCodesForCountryCode(cc)
	switch len(regions) {
	case 0:
		return "", phonenumbers.UNKNOWN
	case 1:
		m := patternsFor(cc, regions[0])
		if m == nil {
			return regions[0], phonenumbers.UNKNOWN
		}
		return regions[0], m.numberType(nsn)
	}
	for _, region := range regions {
		m := patternsFor(cc, region)
		if m == nil {
			continue
		}
		if m.leadingDigits != nil {
			if m.leadingDigits.MatchString(nsn) {
				return region, m.numberType(nsn)
			}
		} else if t := m.numberType(nsn); t != phonenumbers.UNKNOWN {
			return region, t
		}
	}
	return "", phonenumbers.UNKNOWN
}

// descPatterns is one number-type description: its possible lengths and
// its anchored national-number pattern, compiled on first use (a region's
// descriptions are many, and a list meets few of them: compiling all of a
// region's at once put 20 ms on a ten-row clean). An empty pattern matches
// nothing but the empty string, which no national significant number is.
type descPatterns struct {
	lengths []int32
	pattern string
	once    sync.Once
	re      *regexp.Regexp
	// first has bit d set when a match may start with digit d: most
	// descriptions (premium rate, toll free, ...) are ruled out by the
	// first digit without running the regexp.
	first uint16
}

func (d *descPatterns) init(desc *phonenumbers.PhoneNumberDesc) {
	d.lengths, d.pattern = desc.GetPossibleLength(), desc.GetNationalNumberPattern()
}

func (d *descPatterns) compile() {
	d.once.Do(func() {
		d.re = regexp.MustCompile("^(?:" + d.pattern + ")$")
		d.first = firstDigitsOf(d.pattern)
	})
}

// match reports whether nsn has one of the description's possible lengths
// and matches its pattern, as upstream isNumberMatchingDesc does (with
// isNumberPossibleForDesc folded in).
func (d *descPatterns) match(nsn string) bool {
	if len(d.lengths) > 0 && !slices.Contains(d.lengths, int32(len(nsn))) {
		return false
	}
	return d.matchPattern(nsn)
}

const allDigits = 1<<10 - 1

// firstDigitsOf returns the digits a match of pattern may start with, as
// bits; all of them when the pattern does not parse or can match the
// empty string.
func firstDigitsOf(pattern string) uint16 {
	re, err := syntax.Parse(pattern, syntax.Perl)
	if err != nil {
		return allDigits
	}
	set, nullable := firstDigits(re)
	if nullable {
		return allDigits
	}
	return set
}

// firstDigits returns the digits a match of re may start with and whether
// re matches the empty string. Where it cannot tell it answers all
// digits: a superset only costs a regexp run.
func firstDigits(re *syntax.Regexp) (set uint16, nullable bool) {
	switch re.Op {
	case syntax.OpLiteral:
		if len(re.Rune) == 0 {
			return 0, true
		}
		return digitsIn(re.Rune[0], re.Rune[0]), false
	case syntax.OpCharClass:
		for i := 0; i+1 < len(re.Rune); i += 2 {
			set |= digitsIn(re.Rune[i], re.Rune[i+1])
		}
		return set, false
	case syntax.OpCapture:
		return firstDigits(re.Sub[0])
	case syntax.OpConcat:
		for _, sub := range re.Sub {
			s, n := firstDigits(sub)
			set |= s
			if !n {
				return set, false
			}
		}
		return set, true
	case syntax.OpAlternate:
		for _, sub := range re.Sub {
			s, n := firstDigits(sub)
			set |= s
			nullable = nullable || n
		}
		return set, nullable
	case syntax.OpQuest, syntax.OpStar:
		s, _ := firstDigits(re.Sub[0])
		return s, true
	case syntax.OpPlus:
		return firstDigits(re.Sub[0])
	case syntax.OpRepeat:
		s, n := firstDigits(re.Sub[0])
		return s, n || re.Min == 0
	case syntax.OpEmptyMatch, syntax.OpBeginLine, syntax.OpEndLine, syntax.OpBeginText, syntax.OpEndText,
		syntax.OpWordBoundary, syntax.OpNoWordBoundary:
		return 0, true
	}
	return allDigits, true
}

// digitsIn returns the digits in [lo, hi] as bits.
func digitsIn(lo, hi rune) uint16 {
	var set uint16
	for d := max(lo, '0'); d <= min(hi, '9'); d++ {
		set |= 1 << (d - '0')
	}
	return set
}

// regionPatterns is one region's metadata compiled.
type regionPatterns struct {
	general, premium, tollFree, sharedCost, voip, personal, pager, uan, voicemail, fixedLine, mobile descPatterns
	sameMobileAndFixedLine                                                                           bool
	leadingDigits                                                                                    *regexp.Regexp // nil when the region has none

	// What parsing needs (parse.go).
	countryCode              int
	internationalPrefix      *regexp.Regexp // unanchored, as the library uses it
	nationalPrefixForParsing *regexp.Regexp // anchored at the start; nil when none
	nationalPrefixTransform  string
	localOnlyLengths         []int32 // general description's
}

// numberType is upstream getNumberTypeHelper over compiled patterns.
func (m *regionPatterns) numberType(nsn string) phonenumbers.PhoneNumberType {
	switch {
	case !m.general.match(nsn):
		return phonenumbers.UNKNOWN
	case m.premium.match(nsn):
		return phonenumbers.PREMIUM_RATE
	case m.tollFree.match(nsn):
		return phonenumbers.TOLL_FREE
	case m.sharedCost.match(nsn):
		return phonenumbers.SHARED_COST
	case m.voip.match(nsn):
		return phonenumbers.VOIP
	case m.personal.match(nsn):
		return phonenumbers.PERSONAL_NUMBER
	case m.pager.match(nsn):
		return phonenumbers.PAGER
	case m.uan.match(nsn):
		return phonenumbers.UAN
	case m.voicemail.match(nsn):
		return phonenumbers.VOICEMAIL
	case m.fixedLine.match(nsn):
		if m.sameMobileAndFixedLine || m.mobile.match(nsn) {
			return phonenumbers.FIXED_LINE_OR_MOBILE
		}
		return phonenumbers.FIXED_LINE
	case !m.sameMobileAndFixedLine && m.mobile.match(nsn):
		return phonenumbers.MOBILE
	}
	return phonenumbers.UNKNOWN
}

// lazyPatterns compiles one region's patterns on first use: compiling all
// of them would cost every run tens of milliseconds, and a list touches a
// handful of regions.
type lazyPatterns struct {
	once sync.Once
	meta *phonenumbers.PhoneMetadata
	p    *regionPatterns
}

type patternKey struct {
	cc     int
	region string // "001" for the non-geographical entities, per cc
}

// allPatterns maps every region of phonenumbers' metadata to its lazily
// compiled patterns; built on the first check.
var allPatterns = sync.OnceValue(func() map[patternKey]*lazyPatterns {
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		// The library panics in init on the same call; unreachable.
		panic("phone: phonenumbers metadata: " + err.Error())
	}
	m := make(map[patternKey]*lazyPatterns, len(coll.GetMetadata()))
	for _, meta := range coll.GetMetadata() {
		k := patternKey{region: meta.GetId()}
		if k.region == "001" {
			k.cc = int(meta.GetCountryCode())
		}
		m[k] = &lazyPatterns{meta: meta}
	}
	return m
})

// patternsFor returns the compiled patterns of region (of country code cc
// for the non-geographical entity "001"), or nil when the metadata has
// none, as getMetadataForRegionOrCallingCode returns nil.
func patternsFor(cc int, region string) *regionPatterns {
	k := patternKey{region: region}
	if region == "001" {
		k.cc = cc
	} else if !phonenumbers.GetSupportedRegions()[region] {
		return nil // as getMetadataForRegion
	}
	l := allPatterns()[k]
	if l == nil {
		return nil
	}
	l.once.Do(func() {
		meta := l.meta
		p := &regionPatterns{sameMobileAndFixedLine: meta.GetSameMobileAndFixedLinePattern()}
		p.general.init(meta.GetGeneralDesc())
		p.premium.init(meta.GetPremiumRate())
		p.tollFree.init(meta.GetTollFree())
		p.sharedCost.init(meta.GetSharedCost())
		p.voip.init(meta.GetVoip())
		p.personal.init(meta.GetPersonalNumber())
		p.pager.init(meta.GetPager())
		p.uan.init(meta.GetUan())
		p.voicemail.init(meta.GetVoicemail())
		p.fixedLine.init(meta.GetFixedLine())
		p.mobile.init(meta.GetMobile())
		if ld := meta.GetLeadingDigits(); ld != "" {
			p.leadingDigits = regexp.MustCompile("^(?:" + ld + ")")
		}
		p.countryCode = int(meta.GetCountryCode())
		p.internationalPrefix = regexp.MustCompile(meta.GetInternationalPrefix())
		if np := meta.GetNationalPrefixForParsing(); np != "" {
			p.nationalPrefixForParsing = regexp.MustCompile("^(?:" + np + ")")
		}
		p.nationalPrefixTransform = meta.GetNationalPrefixTransformRule()
		p.localOnlyLengths = meta.GetGeneralDesc().GetPossibleLengthLocalOnly()
		l.p = p
	})
	return l.p
}

// matchPattern reports whether the whole of s matches the description's
// pattern, lengths aside. upstream: the general description's pattern as
// maybeExtractCountryCode (validNumberPattern) and
// maybeStripNationalPrefixAndCarrierCode (nationalNumberRule) run it,
// there unanchored; FuzzParseDigits compares the parse results.
func (d *descPatterns) matchPattern(s string) bool {
	if d.pattern == "" {
		return s == ""
	}
	d.compile()
	if s != "" {
		if c := s[0]; '0' <= c && c <= '9' && d.first&(1<<(c-'0')) == 0 {
			return false
		}
	}
	return d.re.MatchString(s)
}
