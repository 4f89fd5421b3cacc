package leadgen

import (
	"regexp"
	"slices"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Deciding which numbers are valid, from phonenumbers' own metadata.
//
// The generator must not ask leadclean's phone package (the code under
// test) whether a number is valid, and asking phonenumbers itself costs
// about 30 µs a number (it rebuilds and looks up each anchored pattern by
// its text, kilobytes long, on every call), most of a generated row. So
// validKind takes the library's metadata, compiles each pattern once, and
// follows the library's steps, named at each place below
// (IsValidNumberForRegion, GetNumberType, GetRegionCodeForNumber,
// getNumberTypeHelper, isNumberMatchingDesc, all of phonenumbers v1.8.1).
// TestPhoneVariants compares validKind with the library's functions on
// variants of every pooled number.

// desc is a compiled PhoneNumberDesc.
type desc struct {
	lengths []int32        // PossibleLength; empty: any
	re      *regexp.Regexp // "^(?:NationalNumberPattern)$"
}

// matches is isNumberMatchingDesc: a possible length (when any is listed)
// and a full match of the national number pattern.
func (d *desc) matches(nsn string) bool {
	if len(d.lengths) > 0 && !slices.Contains(d.lengths, int32(len(nsn))) {
		return false
	}
	return d.re.MatchString(nsn)
}

// regionRules is one region's compiled metadata.
type regionRules struct {
	leading *regexp.Regexp // "^(?:LeadingDigits)"; nil when none
	general, premium, tollFree, sharedCost, voip, personal, pager, uan, voicemail,
	fixed, mobile desc
	sameMobileAndFixed bool
}

// numberType is getNumberTypeHelper.
func (m *regionRules) numberType(nsn string) phonenumbers.PhoneNumberType {
	if !m.general.matches(nsn) {
		return phonenumbers.UNKNOWN
	}
	for _, d := range [...]struct {
		desc *desc
		typ  phonenumbers.PhoneNumberType
	}{
		{&m.premium, phonenumbers.PREMIUM_RATE}, {&m.tollFree, phonenumbers.TOLL_FREE},
		{&m.sharedCost, phonenumbers.SHARED_COST}, {&m.voip, phonenumbers.VOIP},
		{&m.personal, phonenumbers.PERSONAL_NUMBER}, {&m.pager, phonenumbers.PAGER},
		{&m.uan, phonenumbers.UAN}, {&m.voicemail, phonenumbers.VOICEMAIL},
	} {
		if d.desc.matches(nsn) {
			return d.typ
		}
	}
	if m.fixed.matches(nsn) {
		if m.sameMobileAndFixed || m.mobile.matches(nsn) {
			return phonenumbers.FIXED_LINE_OR_MOBILE
		}
		return phonenumbers.FIXED_LINE
	}
	if !m.sameMobileAndFixed && m.mobile.matches(nsn) {
		return phonenumbers.MOBILE
	}
	return phonenumbers.UNKNOWN
}

// allRegionRules returns every region's compiled metadata, built once.
var allRegionRules = sync.OnceValue(func() map[string]*regionRules {
	out := map[string]*regionRules{}
	coll, err := phonenumbers.MetadataCollection()
	if err != nil {
		return out // no region is known: every number is invalid
	}
	compile := func(d *phonenumbers.PhoneNumberDesc) desc {
		return desc{lengths: d.GetPossibleLength(), re: regexp.MustCompile("^(?:" + d.GetNationalNumberPattern() + ")$")}
	}
	for _, md := range coll.GetMetadata() {
		m := &regionRules{
			general: compile(md.GetGeneralDesc()), premium: compile(md.GetPremiumRate()),
			tollFree: compile(md.GetTollFree()), sharedCost: compile(md.GetSharedCost()),
			voip: compile(md.GetVoip()), personal: compile(md.GetPersonalNumber()),
			pager: compile(md.GetPager()), uan: compile(md.GetUan()), voicemail: compile(md.GetVoicemail()),
			fixed: compile(md.GetFixedLine()), mobile: compile(md.GetMobile()),
			sameMobileAndFixed: md.GetSameMobileAndFixedLinePattern(),
		}
		if ld := md.GetLeadingDigits(); ld != "" {
			m.leading = regexp.MustCompile("^(?:" + ld + ")")
		}
		out[md.GetId()] = m
	}
	return out
})

// validKind reports whether nsn, a national significant number of
// region's calling code cc, is valid for region and, outside the NANP
// (whose numbers do not tell fixed from mobile), of type typ or
// FIXED_LINE_OR_MOBILE: not toll-free, VoIP, pager, ... That is
// phonenumbers.IsValidNumberForRegion and GetNumberType, decided as
// described at the top of this file.
func validKind(region string, cc int32, typ phonenumbers.PhoneNumberType, nsn string) bool {
	rules := allRegionRules()
	// IsValidNumberForRegion
	m := rules[region]
	if m == nil || phonenumbers.GetCountryCodeForRegion(region) != int(cc) {
		return false
	}
	inRegion := m.numberType(nsn)
	if inRegion == phonenumbers.UNKNOWN {
		return false
	}
	if cc == 1 {
		return true
	}
	got := numberType(rules, cc, nsn, region, inRegion)
	return got == typ || got == phonenumbers.FIXED_LINE_OR_MOBILE
}

// numberType is GetNumberType: the type in the region the number belongs
// to (GetRegionCodeForNumber: the only region of its calling code, or the
// first whose leading digits start it or, without leading digits, whose
// patterns know it). known is the number's type in region, already found.
func numberType(rules map[string]*regionRules, cc int32, nsn, region string, known phonenumbers.PhoneNumberType) phonenumbers.PhoneNumberType {
	typeIn := func(r string, m *regionRules) phonenumbers.PhoneNumberType {
		if r == region {
			return known
		}
		return m.numberType(nsn)
	}
	regions := phonenumbers.GetRegionCodesForCountryCode(int(cc))
	if len(regions) == 1 {
		if m := rules[regions[0]]; m != nil {
			return typeIn(regions[0], m)
		}
		return phonenumbers.UNKNOWN
	}
	for _, r := range regions {
		m := rules[r]
		if m == nil {
			continue
		}
		if m.leading != nil {
			if m.leading.MatchString(nsn) {
				return typeIn(r, m)
			}
			continue
		}
		if t := typeIn(r, m); t != phonenumbers.UNKNOWN {
			return t
		}
	}
	return phonenumbers.UNKNOWN
}
