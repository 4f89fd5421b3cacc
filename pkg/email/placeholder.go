package email

import "strings"

// placeholderWords are local parts and domain labels that people and
// importers type when there is no address: test@test.com, noemail@acme.com,
// name@domain.com. A local part is a placeholder when it is one of them,
// when its separated tokens all are (test.test) or when it is one of them
// once separators are removed (no.email). Free-mail providers that look like
// placeholders (email.com, mail.com, 123.com) are real and are not here.
var placeholderWords = map[string]bool{
	"test": true, "testing": true, "testtest": true, "asdf": true,
	"qwerty": true, "noemail": true, "nomail": true, "noaddress": true,
	"none": true, "null": true, "nil": true, "dummy": true, "sample": true,
	"fake": true, "fakeemail": true, "fakemail": true, "example": true,
	"no": true, "n/a": true, "unknown": true, "noone": true, "nobody": true,
	"notprovided": true, "notavailable": true, "donotemail": true,
	"dontemail": true, "declined": true, "refused": true, "noname": true,
	"yourname": true, "youremail": true, "yourmail": true, "name": true,
	"user": true, "username": true, "firstname": true, "lastname": true,
	"firstnamelastname": true, "placeholder": true,
	"invalid": true, "blank": true, "empty": true,
	// Metasyntactic names and the words of "your@email.com" and
	// "someone@somewhere.com".
	"foo": true, "foobar": true, "your": true, "someone": true,
	"somebody": true, "anyone": true, "anybody": true, "whoever": true,
}

// placeholderLabels are registrable-domain labels (the label below the
// public suffix) that no real lead writes from: jane@domain.com,
// jane@yourcompany.com, jane@test.com. Words that are real companies'
// domains (name.com, user.com) are placeholders only as local parts.
var placeholderLabels = map[string]bool{
	"domain": true, "yourdomain": true, "yourcompany": true,
	"company-domain": true, "companydomain": true, "mydomain": true,
	"email-domain": true, "nowhere": true, "noemail": true, "nomail": true,
	"test": true, "testing": true, "asdf": true, "qwerty": true,
	"none": true, "null": true, "dummy": true, "fake": true,
	"fakeemail": true, "example": true, "sample": true, "noaddress": true,
	"foo": true, "bar": true, "baz": true, "foobar": true, "xyz": true,
	"somewhere": true, "somedomain": true, "anywhere": true,
}

// isPlaceholder reports whether the lower-case local part box (without its
// +tag) at the registrable domain (free-mail when free) is a placeholder
// address. The domain's
// own label is not judged when the domain is on the allowlist.
func isPlaceholder(box, registrable, suffix string, allowed, free bool) bool {
	label := registrable
	if len(registrable) > len(suffix) {
		label = registrable[:len(registrable)-len(suffix)-1]
	}
	// A label of three (aaa.com, the automobile club) is spared, and so is
	// a vanity domain (mike@mike.com): a local part equal to the domain's
	// label is a placeholder only when it is one by itself (test@test.com,
	// asdf@asdf.com), or at a free-mail provider (email@email.com: nobody
	// owns a provider's name as a mailbox). One letter at one letter
	// (a@b.com) is.
	if !allowed && (placeholderLabels[label] || len(label) >= 4 && isMash(label) ||
		len(box) == 1 && len(label) == 1 || box == label && free) {
		return true
	}
	if placeholderWords[box] || isMash(box) {
		return true
	}
	// A placeholder word with digits: test123, user1, asdf2024.
	if trimmed := strings.TrimRight(box, "0123456789"); len(trimmed) < len(box) && len(trimmed) >= 3 && (placeholderWords[trimmed] || isMash(trimmed)) {
		return true
	}
	// Tokens: test.test, no_email, fake-fake.
	if strings.IndexAny(box, "._-") < 0 {
		return false
	}
	all := true
	joined := make([]byte, 0, len(box))
	for token := range strings.FieldsFuncSeq(box, isSeparator) {
		joined = append(joined, token...)
		if !placeholderWords[token] {
			all = false
		}
	}
	return all || placeholderWords[string(joined)]
}

func isSeparator(r rune) bool { return r == '.' || r == '_' || r == '-' }

// keyboardRows are the letter rows of a QWERTY keyboard, forwards and
// backwards.
var keyboardRows = [...]string{
	"qwertyuiop", "asdfghjkl", "zxcvbnm",
	"poiuytrewq", "lkjhgfdsa", "mnbvcxz",
}

// isMash reports whether s (lower case) is a keyboard mash: one character
// repeated (aaa, xxxx, 0000), a straight run of the alphabet or of digits
// from its start (abcd, 1234), a run along a keyboard row of at least four
// keys that starts or ends at the row's edge (asdf, qwerty, hjkl, poiu) or
// of at least five keys anywhere, or a short run repeated (asdasd, sdfsdf).
// Real names are spared: "trew" and "wert" are inner runs of four, "lulu" a
// two-letter unit repeated only twice.
func isMash(s string) bool {
	n := len(s)
	if n < 3 {
		return false
	}
	same := true
	for i := 1; i < n; i++ {
		if s[i] != s[0] {
			same = false
			break
		}
	}
	if same {
		return true
	}
	if n >= 4 && (s[0] == 'a' || s[0] == '0' || s[0] == '1') {
		run := true
		for i := 1; i < n; i++ {
			if s[i] != s[i-1]+1 {
				run = false
				break
			}
		}
		if run {
			return true
		}
	}
	if n >= 4 && keyboardRun(s) {
		return true
	}
	// A unit of two or three letters repeated: asdasd, sdfsdf, jkjkjk.
	for unit := 2; unit <= 3 && unit*2 <= n; unit++ {
		if n%unit != 0 {
			continue
		}
		repeated := true
		for i := unit; i < n; i++ {
			if s[i] != s[i-unit] {
				repeated = false
				break
			}
		}
		if repeated && (n/unit >= 3 || unit == 3 && onRow(s[:unit])) {
			return true
		}
	}
	return false
}

// keyboardRun reports whether s runs along one keyboard row (forwards or
// backwards), touching the row's edge unless it is at least five keys long.
func keyboardRun(s string) bool {
	for _, row := range keyboardRows {
		i := strings.Index(row, s)
		if i >= 0 && (len(s) >= 5 || i == 0 || i+len(s) == len(row)) {
			return true
		}
	}
	return false
}

// onRow reports whether s is a contiguous run on one keyboard row.
func onRow(s string) bool {
	for _, row := range keyboardRows {
		if strings.Contains(row, s) {
			return true
		}
	}
	return false
}
