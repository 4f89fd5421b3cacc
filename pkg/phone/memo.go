package phone

import "strings"

// memoKey identifies what decides a verdict: the region the number is read
// against (none for an international number), whether it is written
// internationally, and its digits. The extension does not change the
// verdict and is left out, so "… x12" and "… x13" share an entry.
func memoKey(plus bool, digits, region string) string {
	var b strings.Builder
	b.Grow(len(region) + 2 + len(digits))
	b.WriteString(region)
	if plus {
		b.WriteByte('+')
	} else {
		b.WriteByte(':')
	}
	b.WriteString(digits)
	return b.String()
}
