package phone

import (
	"errors"
	"strconv"
	"strings"

	"github.com/nyaruka/phonenumbers"
)

// mirroredVersion is the nyaruka/phonenumbers release whose code this file
// and numbertype.go follow step for step (each step names the upstream
// function it mirrors, in phonenumberutil.go). TestMirroredVersion fails
// when go.mod requires another release: compare that release's functions
// with the steps here, then update this constant.
const mirroredVersion = "v1.8.1"

// parseDigits is phonenumbers.Parse(text, region) for the text a prepared
// cell gives: ASCII digits, after a "+" when plus. It returns the same
// number and the same error.
//
// Why: over distinct numbers, Parse was 90% of a check once the type
// lookup was compiled (numbertype.go), and half of Parse went to steps
// that cannot change a string of digits: the extension regexp (every one
// of its alternatives needs a letter or a sign), the viability regexp,
// punctuation and alpha normalisation, RFC 3966 handling. The rest,
// country-code extraction, the international and national prefixes and
// the transform rules, is parseHelper and maybeExtractCountryCode of
// phonenumbers v1.8.1 step for step, over the region patterns compiled
// once in numbertype.go. TestParseDigitsMatchesLibrary and
// FuzzParseDigits compare the two.
func parseDigits(plus bool, digits, region string) (*phonenumbers.PhoneNumber, error) {
	length := len(digits)
	if plus {
		length++
	}
	switch { // upstream: parseHelper, its first checks
	case length == 0:
		return nil, phonenumbers.ErrNotANumber
	case length > phonenumbers.MAX_INPUT_STRING_LENGTH:
		return nil, phonenumbers.ErrNumTooLong
	// isViablePhoneNumber: two digits, or at least three after the plus.
	case len(digits) < 2 || (plus && len(digits) < 3):
		return nil, phonenumbers.ErrNotANumber
	}
	meta := patternsFor(0, region) // nil for "" and unknown regions; upstream: getMetadataForRegion
	if meta == nil && !plus {
		return nil, phonenumbers.ErrInvalidCountryCode // upstream: checkRegionForParsing
	}
	// upstream: parseHelper's call of maybeExtractCountryCode, and its
	// retry without the plus on ErrInvalidCountryCode.
	cc, national, err := extractCountryCode(plus, digits, meta)
	if err != nil {
		if !errors.Is(err, phonenumbers.ErrInvalidCountryCode) || !plus {
			return nil, err
		}
		// "+0049…": the plus is dropped and the number read again.
		if cc, national, err = extractCountryCode(false, digits, meta); err != nil {
			return nil, err
		} else if cc == 0 {
			return nil, phonenumbers.ErrInvalidCountryCode
		}
	}
	if cc != 0 {
		// upstream: parseHelper, GetRegionCodeForCountryCode then
		// getMetadataForRegionOrCallingCode.
		if numRegion := phonenumbers.GetRegionCodeForCountryCode(cc); numRegion != region {
			meta = patternsFor(cc, numRegion)
		}
	} else {
		national = digits
		if meta != nil {
			cc = meta.countryCode
		}
	}
	if len(national) < phonenumbers.MIN_LENGTH_FOR_NSN {
		return nil, phonenumbers.ErrTooShortNSN
	}
	if meta != nil {
		// The national prefix is stripped only when what remains has a
		// possible length. upstream: parseHelper, its calls of
		// maybeStripNationalPrefixAndCarrierCode and testNumberLength.
		stripped := meta.stripNationalPrefix(national)
		switch meta.testLength(stripped) {
		case phonenumbers.TOO_SHORT, phonenumbers.IS_POSSIBLE_LOCAL_ONLY, phonenumbers.INVALID_LENGTH:
		default:
			national = stripped
		}
	}
	switch { // upstream: parseHelper, its last length checks
	case len(national) < phonenumbers.MIN_LENGTH_FOR_NSN:
		return nil, phonenumbers.ErrTooShortNSN
	case len(national) > phonenumbers.MAX_LENGTH_FOR_NSN:
		return nil, phonenumbers.ErrNumTooLong
	}
	cc32 := int32(cc)
	nn, _ := strconv.ParseUint(national, 10, 64) // at most 17 digits
	num := &phonenumbers.PhoneNumber{CountryCode: &cc32, NationalNumber: &nn}
	// upstream: setItalianLeadingZerosForPhoneNumber
	if len(national) >= 2 && national[0] == '0' {
		t := true
		num.ItalianLeadingZero = &t
		zeros := 1
		for zeros < len(national)-1 && national[zeros] == '0' {
			zeros++
		}
		if zeros != 1 {
			z := int32(zeros)
			num.NumberOfLeadingZeros = &z
		}
	}
	return num, nil
}

// extractCountryCode is upstream maybeExtractCountryCode for digits: the country
// code after a plus or the region's international prefix, else the
// region's own code when the number starts with it and reads better
// without it; 0 and the digits unchanged when there is none.
func extractCountryCode(plus bool, digits string, meta *regionPatterns) (int, string, error) {
	full := digits
	international := plus
	if !plus && meta != nil {
		// upstream: maybeStripInternationalPrefixAndNormalize and
		// parsePrefixAsIdd: the prefix must start the number and not be
		// followed by a 0 (no country code starts with one).
		if m := meta.internationalPrefix.FindStringIndex(full); m != nil && m[0] == 0 {
			if rest := full[m[1]:]; rest == "" || rest[0] != '0' {
				full, international = rest, true
			}
		}
	}
	if international {
		if len(full) <= phonenumbers.MIN_LENGTH_FOR_NSN {
			return 0, "", phonenumbers.ErrTooShortAfterIDD
		}
		if full[0] != '0' { // upstream: extractCountryCode
			for i := 1; i <= 3 && i <= len(full); i++ {
				cc, _ := strconv.Atoi(full[:i])
				if len(phonenumbers.GetRegionCodesForCountryCode(cc)) > 0 {
					return cc, full[i:], nil
				}
			}
		}
		return 0, "", phonenumbers.ErrInvalidCountryCode
	}
	if meta != nil {
		// upstream: maybeExtractCountryCode, the branch for a number that
		// starts with the default region's own country code.
		if own := strconv.Itoa(meta.countryCode); strings.HasPrefix(full, own) {
			national := meta.stripNationalPrefix(full[len(own):])
			fullValid := meta.general.matchPattern(full)
			nationalValid := meta.general.matchPattern(national)
			if (!fullValid && nationalValid) || meta.testLength(full) == phonenumbers.TOO_LONG {
				return meta.countryCode, national, nil
			}
		}
	}
	return 0, "", nil
}

// stripNationalPrefix is upstream maybeStripNationalPrefixAndCarrierCode without
// the carrier code: number without its national prefix (transformed where
// the region says so), or number itself when there is none or stripping
// would turn a valid-looking number into an invalid one.
func (m *regionPatterns) stripNationalPrefix(number string) string {
	re := m.nationalPrefixForParsing
	if number == "" || re == nil {
		return number
	}
	groups := re.FindStringSubmatchIndex(number)
	if groups == nil {
		return number
	}
	viable := m.general.matchPattern(number)
	last := len(groups)/2 - 1
	if m.nationalPrefixTransform == "" || groups[last*2] < 0 {
		if viable && !m.general.matchPattern(number[groups[1]:]) {
			return number
		}
		return number[groups[1]:]
	}
	transformed := re.ReplaceAllString(number, m.nationalPrefixTransform)
	if viable && !m.general.matchPattern(transformed) {
		return number
	}
	return transformed
}

// testLength is upstream testNumberLength(number, metadata, UNKNOWN).
func (m *regionPatterns) testLength(number string) phonenumbers.ValidationResult {
	possible := m.general.lengths
	if len(possible) == 0 || possible[0] == -1 {
		return phonenumbers.INVALID_LENGTH
	}
	n := int32(len(number))
	for _, l := range m.localOnlyLengths {
		if l == n {
			return phonenumbers.IS_POSSIBLE_LOCAL_ONLY
		}
	}
	switch {
	case possible[0] == n:
		return phonenumbers.IS_POSSIBLE
	case possible[0] > n:
		return phonenumbers.TOO_SHORT
	case possible[len(possible)-1] < n:
		return phonenumbers.TOO_LONG
	}
	for _, l := range possible[1:] {
		if l == n {
			return phonenumbers.IS_POSSIBLE
		}
	}
	return phonenumbers.INVALID_LENGTH
}
