package phone

import "github.com/nyaruka/phonenumbers"

// implausible returns the Problem of a national significant number that
// libphonenumber accepts but nobody would give as their number, or "".
//
// The checks look at the whole national significant number, never at a
// part of it, so an area code or a subscriber number that happens to
// repeat is not flagged on its own. Toll-free, shared-cost and UAN numbers
// are companies' chosen vanity numbers (0800 800 8000, 1-800-888-8000):
// only one digit throughout and straight runs count for them.
func implausible(nsn string, typ phonenumbers.PhoneNumberType) string {
	if len(nsn) < 6 {
		return ""
	}
	if allOneDigit(nsn) {
		return ProblemOneDigit
	}
	if straightRun(nsn) {
		return ProblemStraightRun
	}
	if typ == phonenumbers.TOLL_FREE || typ == phonenumbers.SHARED_COST || typ == phonenumbers.UAN {
		return ""
	}
	if repeatedBlock(nsn) {
		return ProblemRepeated
	}
	if len(nsn) >= 9 && distinctDigits(nsn) <= 2 {
		return ProblemFewDistinct
	}
	return ""
}

// straightRun reports whether every digit is one more than the one before
// (wrapping 9 to 0: 1234567890, 2345678901) or one less (9876543210).
func straightRun(nsn string) bool {
	up, down := true, true
	for i := 1; i < len(nsn); i++ {
		step := (int(nsn[i]) - int(nsn[i-1]) + 10) % 10
		up = up && step == 1
		down = down && step == 9
	}
	return up || down
}

// repeatedBlock reports whether the number is one block of two or more
// digits repeated at least three times (1212121212, 123123123, 4567845678
// is not: only twice). A number made of one digit is caught before.
func repeatedBlock(nsn string) bool {
	for period := 2; period*3 <= len(nsn); period++ {
		periodic := true
		for i := period; i < len(nsn); i++ {
			if nsn[i] != nsn[i-period] {
				periodic = false
				break
			}
		}
		if periodic {
			return true
		}
	}
	return false
}

// distinctDigits counts the different digits in s.
func distinctDigits(s string) int {
	var seen [10]bool
	n := 0
	for i := 0; i < len(s); i++ {
		if d := s[i] - '0'; d <= 9 && !seen[d] {
			seen[d] = true
			n++
		}
	}
	return n
}
