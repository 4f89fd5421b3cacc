package phone

import "github.com/nyaruka/phonenumbers"

// implausible returns the Problem of a national significant number that
// nobody would give as their own, or "".
//
// The whole-number checks follow the field notes: one digit throughout, a
// straight run (1234567890, 9876543210), a block repeated three times
// (1212121212), at most two distinct digits over nine or more. The
// subscriber checks look at what follows an area or mobile code of one to
// four digits, when that leaves seven digits or more: a straight run there
// ("030 12345678", "06 12345678") or one nonzero digit throughout ("0171
// 1111111"; trailing zeros are a switchboard's habit: 030 2000 0000).
// Seven digits keep real numbers out: a random subscriber number is such a
// run about once in a million.
//
// Toll-free, shared-cost and UAN numbers are companies' chosen vanity
// numbers (0800 800 8000, 1-800-888-8888): only one digit throughout and
// straight runs count for them.
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
	for k := 1; k <= 4 && len(nsn)-k >= 7; k++ {
		if straightRun(nsn[k:]) {
			return ProblemStraightRun
		}
	}
	if typ == phonenumbers.TOLL_FREE || typ == phonenumbers.SHARED_COST || typ == phonenumbers.UAN {
		return ""
	}
	for k := 1; k <= 4 && len(nsn)-k >= 7; k++ {
		if nsn[len(nsn)-1] != '0' && allOneDigit(nsn[k:]) {
			return ProblemOneDigit
		}
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
