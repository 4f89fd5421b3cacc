package email

import (
	"fmt"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/leadclean/leadclean/pkg/memo"
)

type verdict string

const (
	valid   verdict = "valid"
	bogusV  verdict = "bogus"
	missing verdict = "missing"
)

func verdictOf(a Address) verdict {
	switch {
	case a.Missing:
		return missing
	case a.Bogus:
		return bogusV
	}
	return valid
}

// signalsOf lists the signals set on a, space-separated, in a fixed order.
func signalsOf(a Address) string {
	var s []string
	if a.Free {
		s = append(s, "free")
	}
	if a.Role {
		s = append(s, "role")
	}
	if a.Academic {
		s = append(s, "academic")
	}
	if a.Disposable {
		s = append(s, "disposable")
	}
	return strings.Join(s, " ")
}

// checkCase is one row of the table: the cell, the verdict, and the
// expectations that are not "" (signals "?" means not checked; suggestion
// is always checked, "" meaning none).
type checkCase struct {
	in         string
	want       verdict
	signals    string
	normalized string
	problem    string
	suggestion string
	dedupKey   string
}

var checkCases = []checkCase{
	// Plain business and personal addresses.
	{in: "jane@acme.com", want: valid, normalized: "jane@acme.com", dedupKey: "jane@acme.com"},
	{in: "Jane.Doe@ACME.com", want: valid, normalized: "Jane.Doe@acme.com", dedupKey: "jane.doe@acme.com"},
	{in: "o'brien@acme.com", want: valid, normalized: "o'brien@acme.com"},
	{in: "O'Brien@Acme.COM", want: valid, normalized: "O'Brien@acme.com", dedupKey: "o'brien@acme.com"},
	{in: "first.last+tag@mail.example-corp.co.uk", want: valid, normalized: "first.last+tag@mail.example-corp.co.uk", dedupKey: "first.last+tag@mail.example-corp.co.uk"},
	{in: "j.ane+news@acme.com", want: valid, dedupKey: "j.ane+news@acme.com"}, // no folding off Gmail
	{in: "jane_doe@acme.com", want: valid},
	{in: "jane-doe@acme-corp.com", want: valid},
	{in: "jane.test@acme.com", want: valid}, // "Test" is a real surname
	{in: "test.jane@acme.com", want: valid},
	{in: "null.smith@acme.com", want: valid},
	{in: "doe@acme.com", want: valid},
	{in: "batman@acme.com", want: valid},
	{in: "lulu@acme.com", want: valid},
	{in: "coco@acme.com", want: valid},
	{in: "trew@acme.com", want: valid}, // inner keyboard run, and a surname
	{in: "ng@acme.com", want: valid},
	{in: "x.li@acme.com", want: valid},
	{in: "a@iana.org", want: valid},
	{in: "123@iana.org", want: valid, signals: "role"}, // "123" is on the role list
	{in: "jane@aaa.com", want: valid},                  // the automobile club
	{in: "jane2024@acme.io", want: valid},
	{in: "jane@acme.io", want: valid},
	{in: "jane@acme.ai", want: valid},
	{in: "jane@acme.co", want: valid},
	{in: "jane@acme.com.br", want: valid},
	{in: "jane@acme.com.au", want: valid},
	{in: "jane@acme.photography", want: valid},
	{in: "jane@sub.dept.acme.de", want: valid},
	{in: "jane@att.com", want: valid},
	{in: "jane@bt.com", want: valid},
	{in: "jane@love.com", want: valid},
	{in: "jane@wahoo.com", want: valid},
	{in: "jane@web.com", want: valid},
	{in: "jane@c--n.com", want: valid},
	{in: "jane@a.co.jp", want: valid},
	{in: "!#$%&'*+/=?^_`{|}~@acme.com", want: valid},
	{in: "jane@" + strings.Repeat("abcdefghi", 7) + ".com", want: valid},
	{in: strings.Repeat("jane.doe", 8) + "@acme.com", want: valid},

	// Trimming and unwrapping.
	{in: "  jane@acme.com  ", want: valid, normalized: "jane@acme.com"},
	{in: "\tjane@acme.com\r\n", want: valid, normalized: "jane@acme.com"},
	{in: "\u00a0jane@acme.com\u00a0", want: valid, normalized: "jane@acme.com"},
	{in: "\ufeffjane@acme.com", want: valid, normalized: "jane@acme.com"},
	{in: "mailto:jane@acme.com", want: valid, normalized: "jane@acme.com"},
	{in: "MAILTO: Jane@Acme.com", want: valid, normalized: "Jane@acme.com"},
	{in: "<jane@acme.com>", want: valid, normalized: "jane@acme.com"},

	// Internationalised domains and local parts.
	{in: "jürgen@müller.de", want: valid, normalized: "jürgen@xn--mller-kva.de", dedupKey: "jürgen@xn--mller-kva.de"},
	{in: "jane@MÜLLER.de", want: valid, normalized: "jane@xn--mller-kva.de"},
	{in: "jane@xn--mller-kva.de", want: valid, normalized: "jane@xn--mller-kva.de"},
	{in: "info@bücher-haus.ch", want: valid, signals: "role", normalized: "info@xn--bcher-haus-9db.ch"},
	{in: "用户@例子.中国", want: valid},
	{in: "jane@例え.jp", want: valid},
	{in: "josé@españa.es", want: valid, normalized: "josé@xn--espaa-rta.es"},

	// Signals: free mail, role accounts, academic domains.
	{in: "jane@gmail.com", want: valid, signals: "free", dedupKey: "jane@gmail.com"},
	{in: "J.A.N.E+leads@Gmail.com", want: valid, signals: "free", normalized: "J.A.N.E+leads@gmail.com", dedupKey: "jane@gmail.com"},
	{in: "jane.doe@googlemail.com", want: valid, signals: "free", dedupKey: "janedoe@gmail.com"},
	{in: "jane@yahoo.co.uk", want: valid, signals: "free"},
	{in: "jane@outlook.com", want: valid, signals: "free"},
	{in: "jane@gmx.de", want: valid, signals: "free"},
	{in: "jane@web.de", want: valid, signals: "free"},
	{in: "jane@protonmail.com", want: valid, signals: "free"},
	{in: "84512376@qq.com", want: valid, signals: "free"}, // QQ addresses are numeric
	{in: "jane@163.com", want: valid, signals: "free"},
	{in: "jane@email.com", want: valid, signals: "free"},
	{in: "jane@mail.com", want: valid, signals: "free"},
	{in: "jane@123.com", want: valid, signals: "free"},
	{in: "jane@ymail.com", want: valid, signals: "free"},
	{in: "jane@gmx.com", want: valid, signals: "free"},
	{in: "jane@hotmail.fr", want: valid, signals: "free"},
	{in: "info@acme.com", want: valid, signals: "role"},
	{in: "Sales@acme.com", want: valid, signals: "role"},
	{in: "noreply@acme.com", want: valid, signals: "role"},
	{in: "no-reply@acme.com", want: valid, signals: "role"},
	{in: "support+eu@acme.com", want: valid, signals: "role"},
	{in: "ceo@acme.com", want: valid, signals: "role"},
	{in: "careers@acme.com", want: valid, signals: "role"},
	{in: "info@gmail.com", want: valid, signals: "free role"},
	{in: "jane@mit.edu", want: valid, signals: "academic"},
	{in: "jane@cs.usc.edu", want: valid, signals: "academic", normalized: "jane@cs.usc.edu"},
	{in: "jane@ox.ac.uk", want: valid, signals: "academic"},
	{in: "jane@students.ox.ac.uk", want: valid, signals: "academic"},
	{in: "jane@unimelb.edu.au", want: valid, signals: "academic"},
	{in: "jane@u-tokyo.ac.jp", want: valid, signals: "academic"},
	{in: "jane@ethz.ch", want: valid, signals: "academic"},
	{in: "jane@mytum.tum.de", want: valid, signals: "academic"},
	{in: "jane@uct.ac.za", want: valid, signals: "academic"},
	{in: "jane@pku.edu.cn", want: valid, signals: "academic"},
	{in: "admissions@mit.edu", want: valid, signals: "role academic"},
	{in: "jane@education.com", want: valid},
	{in: "jane@edu.acme.com", want: valid},
	{in: "jane@acme.ac", want: valid},

	// Privacy relays forward to real people: not disposable.
	{in: "x7f9@privaterelay.appleid.com", want: valid},
	{in: "jane.abc123@mozmail.com", want: valid},
	{in: "jane@duck.com", want: valid, signals: "free"},

	// Typos of big providers: suggested; the typo alone is not junk, but a
	// typo of free mail is free mail, a disposable domain stays disposable
	// and a top-level domain that does not exist is bogus.
	{in: "jane@gmial.com", want: bogusV, signals: "free disposable", suggestion: "jane@gmail.com", problem: "disposable domain gmial.com"},
	{in: "jane@gmai.com", want: valid, signals: "free", suggestion: "jane@gmail.com", dedupKey: "jane@gmai.com"},
	{in: "jane@gmaill.com", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@gamil.com", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@gnail.com", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@mgail.com", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@gmail.con", want: bogusV, signals: "free", suggestion: "jane@gmail.com", problem: "unknown top-level domain con (did you mean gmail.com?)"},
	{in: "jane@gmail.co", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@gmail.cm", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@gmail.cmo", want: bogusV, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@gmial.con", want: bogusV, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@hotmial.com", want: bogusV, signals: "free disposable", suggestion: "jane@hotmail.com"},
	{in: "jane@hotmai.com", want: bogusV, signals: "free disposable", suggestion: "jane@hotmail.com"},
	{in: "jane@hormails.com", want: bogusV, signals: "free disposable", suggestion: "jane@hotmail.com"},
	{in: "jane@hotmal.com", want: valid, signals: "free", suggestion: "jane@hotmail.com"},
	{in: "jane@hotmai.co", want: valid}, // a real suffix and a label edit: no guess
	{in: "jane@hotmail.co", want: valid, signals: "free", suggestion: "jane@hotmail.com"},
	{in: "jane@hotmial.co.uk", want: valid, signals: "free", suggestion: "jane@hotmail.co.uk"},
	{in: "jane@yaho.com", want: valid, signals: "?", suggestion: "jane@yahoo.com"},
	{in: "jane@yahooo.com", want: valid, signals: "?", suggestion: "jane@yahoo.com"},
	{in: "jane@outlok.com", want: valid, signals: "?", suggestion: "jane@outlook.com"},
	{in: "jane@outlook.co", want: valid, signals: "free", suggestion: "jane@outlook.com"},
	{in: "jane@icloud.co", want: valid, signals: "free", suggestion: "jane@icloud.com"},
	{in: "jane@aol.con", want: bogusV, signals: "free", suggestion: "jane@aol.com"},
	{in: "jane@acme.con", want: bogusV, suggestion: "jane@acme.com", problem: "unknown top-level domain con (did you mean acme.com?)"},
	{in: "jane@fewlaps.con", want: bogusV, suggestion: "jane@fewlaps.com"},
	{in: "jane@acme.cpm", want: bogusV, suggestion: "jane@acme.com"},
	{in: "jane@acme.ogr", want: bogusV, suggestion: "jane@acme.org"},
	{in: "jane@acme.comm", want: bogusV, suggestion: "jane@acme.com"},
	// Transpositions, a misplaced dot, a missing or extra letter, a
	// neighbouring key, country variants (mailcheck's and similar suites).
	{in: "jane@gmailc.om", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@tahoo.com", want: valid, signals: "free", suggestion: "jane@yahoo.com"},
	{in: "jane@uahoo.com", want: valid, signals: "free", suggestion: "jane@yahoo.com"},
	{in: "jane@livr.com", want: valid, signals: "free", suggestion: "jane@live.com"},
	{in: "jane@ygmail.com", want: valid, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@hitmail.it", want: valid, signals: "free", suggestion: "jane@hotmail.it"},
	{in: "jane@comcast.nry", want: bogusV, signals: "free", suggestion: "jane@comcast.net"},
	{in: "jane@gmial.cpn", want: bogusV, signals: "free", suggestion: "jane@gmail.com"},
	{in: "jane@hotmail.ft", want: bogusV, signals: "free", suggestion: "jane@hotmail.fr"},
	{in: "jane@comcats.com", want: valid, signals: "free", suggestion: "jane@comcast.net"},
	{in: "jane@verizin.com", want: valid, signals: "free", suggestion: "jane@verizon.net"},
	// Real look-alike domains: never "fixed".
	{in: "jane@gmx.us", want: valid},
	{in: "jane@hotmail.co.jp", want: valid, signals: "free"},
	{in: "jane@yahoo.co.jp", want: valid, signals: "free"},
	{in: "jane@comcast.com", want: valid},
	{in: "jane@gm.com", want: valid},
	{in: "jane@yahoo.dk", want: valid, signals: "free"},
	{in: "jane@hotmail.se", want: valid, signals: "free"},
	{in: "jane@outlook.at", want: valid, signals: "free"},
	{in: "jane@gmx.at", want: valid, signals: "free"},
	{in: "jane@aol.de", want: valid},
	{in: "jane@lime.com", want: valid},
	{in: "jane@gmail.de", want: valid}, // a real domain, not a typo
	{in: "jane@live.de", want: valid, signals: "free"},
	{in: "jane@me.com", want: valid, signals: "free"},
	{in: "jane@mac.com", want: valid, signals: "free"},

	// Missing.
	{in: "", want: missing},
	{in: "   ", want: missing},
	{in: "\t\r\n", want: missing},
	{in: "\u00a0", want: missing},

	// Not an address.
	{in: "n/a", want: bogusV, problem: problemNotAddress},
	{in: "N/A", want: bogusV, problem: problemNotAddress},
	{in: "none", want: bogusV, problem: problemNotAddress},
	{in: "no email", want: bogusV, problem: problemNotAddress},
	{in: "unknown", want: bogusV, problem: problemNotAddress},
	{in: "-", want: bogusV, problem: problemNotAddress},
	{in: "John Smith", want: bogusV, problem: problemNotAddress},
	{in: "0", want: bogusV, problem: problemNotAddress},
	{in: "acme.com", want: bogusV, problem: problemNotAddress},
	{in: "www.acme.com", want: bogusV, problem: problemNotAddress},
	{in: "mailto:", want: bogusV, problem: problemNotAddress},
	{in: "jane @acme.com", want: bogusV, problem: problemNotAddress},
	{in: "jane@acme.com, joe@acme.com", want: bogusV, problem: problemNotAddress},

	// Syntax a lead list refuses.
	{in: "jane@", want: bogusV, problem: "syntax: empty domain"},
	{in: "@acme.com", want: bogusV, problem: "syntax: empty local part"},
	{in: "jane@@acme.com", want: bogusV, problem: "syntax: more than one @"},
	{in: "jane@joe@acme.com", want: bogusV, problem: "syntax: more than one @"},
	{in: ".jane@acme.com", want: bogusV, problem: "syntax: local part starts with a dot"},
	{in: "jane.@acme.com", want: bogusV, problem: "syntax: local part ends with a dot"},
	{in: "jane..doe@acme.com", want: bogusV, problem: "syntax: double dot in local part"},
	{in: "jane@acme..com", want: bogusV, problem: "syntax: double dot in domain"},
	{in: "jane@.acme.com", want: bogusV, problem: "syntax: domain starts with a dot"},
	{in: "jane@acme.com.", want: bogusV, problem: "syntax: domain ends with a dot"},
	{in: "John Smith <jane@acme.com>", want: bogusV, problem: "syntax: display name or angle brackets"},
	{in: "\"jane doe\"@acme.com", want: bogusV, problem: "syntax: quoted local part"},
	{in: "jane(comment)@acme.com", want: bogusV, problem: "syntax: comment"},
	{in: "jane@[192.168.0.1]", want: bogusV, problem: "syntax: ip literal"},
	{in: "jane@192.168.0.1", want: bogusV, problem: "syntax: numeric top-level domain"},
	{in: "jane@localhost", want: bogusV, problem: "syntax: domain without a dot"},
	{in: "jane@acme", want: bogusV, problem: "syntax: domain without a dot"},
	{in: "jane@-acme.com", want: bogusV, problem: "syntax: domain label starts or ends with a hyphen"},
	{in: "jane@acme-.com", want: bogusV, problem: "syntax: domain label starts or ends with a hyphen"},
	{in: "jane@ac_me.com", want: bogusV, problem: "syntax: invalid character in domain"},
	{in: "jane@acme.com;joe@acme.com", want: bogusV, problem: "syntax: more than one @"},
	{in: "jane@acme.com;", want: bogusV, problem: "syntax: invalid character in domain"},
	{in: "jane@acme,com", want: bogusV, problem: "syntax: invalid character in domain"},
	{in: "ja,ne@acme.com", want: bogusV, problem: "syntax: invalid character in local part"},
	{in: "jane\x00@acme.com", want: bogusV, problem: "syntax: invalid character in local part"},
	{in: "jane😀@acme.com", want: bogusV, problem: "syntax: invalid character in local part"},
	{in: "jane\xff@acme.com", want: bogusV, problem: "syntax: invalid character in local part"},
	{in: strings.Repeat("j", 65) + "@acme.com", want: bogusV, problem: "syntax: local part longer than 64 octets"},
	{in: "jane@" + strings.Repeat("a", 64) + ".com", want: bogusV, problem: "syntax: domain label longer than 63 octets"},
	{in: "jane@" + strings.Repeat("abcdefghi.", 26) + "com", want: bogusV, problem: "syntax: domain longer than 253 octets"},
	{in: strings.Repeat("j", 64) + "@" + strings.Repeat("abcdefghi.", 19) + "com", want: bogusV, problem: "syntax: address longer than 254 octets"},
	{in: "jane@iana.a", want: bogusV, problem: "unknown top-level domain a"},
	{in: "jane@iana.co-uk", want: bogusV, problem: "unknown top-level domain co-uk"},
	{in: "jane@acme.zzzzq", want: bogusV, problem: "unknown top-level domain zzzzq"},
	{in: "jane@co.uk", want: bogusV, problem: "domain is a public suffix"},
	{in: "jane@com.br", want: bogusV, problem: "domain is a public suffix"},
	{in: "jane@xn--zz.de", want: bogusV, problem: "syntax: invalid international domain"},

	// Reserved and example domains.
	{in: "jane@example.com", want: bogusV, problem: "reserved domain example.com"},
	{in: "jane@example.net", want: bogusV, problem: "reserved domain example.net"},
	{in: "jane@example.org", want: bogusV, problem: "reserved domain example.org"},
	{in: "jane@mail.example.com", want: bogusV, problem: "reserved domain mail.example.com"},
	{in: "jane@EXAMPLE.COM", want: bogusV, problem: "reserved domain example.com"},
	{in: "jane@acme.test", want: bogusV, problem: "reserved domain acme.test"},
	{in: "jane@acme.example", want: bogusV, problem: "reserved domain acme.example"},
	{in: "jane@acme.invalid", want: bogusV, problem: "reserved domain acme.invalid"},
	{in: "jane@host.localhost", want: bogusV, problem: "reserved domain host.localhost"},
	{in: "jane@printer.local", want: bogusV, problem: "reserved domain printer.local"},
	{in: "jane@abcdefghijklmnop.onion", want: bogusV, problem: "reserved domain abcdefghijklmnop.onion"},
	{in: "jane@1.in-addr.arpa", want: bogusV, problem: "reserved domain 1.in-addr.arpa"},
	{in: "jane@corp.internal", want: bogusV, problem: "reserved domain corp.internal"},
	{in: "jane@example.co.uk", want: bogusV, problem: problemPlaceholder, signals: "?"},

	// Disposable domains and their subdomains.
	{in: "jane@mailinator.com", want: bogusV, signals: "disposable", problem: "disposable domain mailinator.com"},
	{in: "jane@a.b.mailinator.com", want: bogusV, signals: "disposable", problem: "disposable domain a.b.mailinator.com"},
	{in: "jane@MAILINATOR.COM", want: bogusV, signals: "disposable", problem: "disposable domain mailinator.com"},
	{in: "jane@guerrillamail.com", want: bogusV, signals: "disposable"},
	{in: "jane@10minutemail.com", want: bogusV, signals: "disposable"},
	{in: "jane@yopmail.com", want: bogusV, signals: "disposable"},
	{in: "jane@sharklasers.com", want: bogusV, signals: "disposable"},
	{in: "jane@temp-mail.org", want: bogusV, signals: "disposable"},
	{in: "jane@trashmail.com", want: bogusV, signals: "disposable"},

	// Placeholders.
	{in: "test@test.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "TEST@TEST.COM", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "asdf@asdf.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "a@a.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "x@x.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "none@none.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "noemail@noemail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "no@email.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "email@email.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "mail@mail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "name@domain.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "user@domain.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@domain.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@yourcompany.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "fake@fake.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "qwerty@qwerty.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "noemail@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "nomail@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "no.email@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "no_email@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "test@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "test+1@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "test.test@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "dummy@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "sample@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "null@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "n/a@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@test.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@asdf.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@fake.de", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "foo@bar.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "your@email.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "a@b.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "abc@xyz.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "someone@somewhere.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "test123@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "user1@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	// Vanity domains: the local part equals the domain, and it is real.
	{in: "mike@mike.com", want: valid},
	{in: "acme@acme.com", want: valid},
	// Keyboard mashes.
	{in: "asdf@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "asdfgh@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "qwertyuiop@yahoo.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "hjkl@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "lkjh@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "zxcvbn@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "sdfsdf@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "asdasd@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jkjkjk@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "aaaa@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "xxx@acme.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "abcd@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "1234@gmail.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@qwerty.com", want: bogusV, signals: "?", problem: problemPlaceholder},
	{in: "jane@sdfgh.com", want: bogusV, signals: "?", problem: problemPlaceholder},
}

func TestCheck(t *testing.T) {
	if len(checkCases) < 150 {
		t.Fatalf("%d cases, the issue asks for at least 150", len(checkCases))
	}
	checker := NewChecker(Options{})
	seen := make(map[string]bool)
	for _, tt := range checkCases {
		if seen[tt.in] {
			t.Errorf("case %q is listed twice", tt.in)
		}
		seen[tt.in] = true
		t.Run(fmt.Sprintf("%q", tt.in), func(t *testing.T) {
			got := checker.Check(tt.in)
			if v := verdictOf(got); v != tt.want {
				t.Fatalf("Check(%q) is %s (%q), want %s", tt.in, v, got.Problem, tt.want)
			}
			if tt.want == bogusV && got.Problem == "" {
				t.Errorf("Check(%q) is bogus without a problem", tt.in)
			}
			if tt.want != bogusV && got.Problem != "" {
				t.Errorf("Check(%q) is %s with problem %q", tt.in, tt.want, got.Problem)
			}
			if tt.signals != "?" {
				if s := signalsOf(got); s != tt.signals {
					t.Errorf("Check(%q) signals %q, want %q", tt.in, s, tt.signals)
				}
			}
			if tt.normalized != "" && got.Normalized != tt.normalized {
				t.Errorf("Check(%q).Normalized = %q, want %q", tt.in, got.Normalized, tt.normalized)
			}
			if tt.problem != "" && got.Problem != tt.problem {
				t.Errorf("Check(%q).Problem = %q, want %q", tt.in, got.Problem, tt.problem)
			}
			if got.Suggestion != tt.suggestion {
				t.Errorf("Check(%q).Suggestion = %q, want %q", tt.in, got.Suggestion, tt.suggestion)
			}
			if tt.dedupKey != "" && got.DedupKey != tt.dedupKey {
				t.Errorf("Check(%q).DedupKey = %q, want %q", tt.in, got.DedupKey, tt.dedupKey)
			}
			checkInvariants(t, tt.in, got)
		})
	}
}

// checkInvariants holds for every result, whatever the input.
func checkInvariants(t *testing.T, in string, a Address) {
	t.Helper()
	switch {
	case a.Missing:
		if a != (Address{Missing: true}) {
			t.Errorf("Check(%q) is missing with other fields set: %+v", in, a)
		}
	case a.Bogus:
		if a.DedupKey != "" {
			t.Errorf("Check(%q) is bogus with a dedup key %q", in, a.DedupKey)
		}
	default:
		if a.Normalized == "" || a.DedupKey == "" || a.Domain == "" || a.Registrable == "" {
			t.Errorf("Check(%q) is valid with an empty field: %+v", in, a)
		}
		if a.Normalized != a.Local+"@"+a.Domain {
			t.Errorf("Check(%q).Normalized = %q, not Local@Domain", in, a.Normalized)
		}
		if a.Domain != strings.ToLower(a.Domain) {
			t.Errorf("Check(%q).Domain = %q, not lower case", in, a.Domain)
		}
		if !strings.HasSuffix(a.Domain, a.Registrable) {
			t.Errorf("Check(%q).Registrable = %q, not a suffix of %q", in, a.Registrable, a.Domain)
		}
		if a.DedupKey != strings.ToLower(a.DedupKey) {
			t.Errorf("Check(%q).DedupKey = %q, not lower case", in, a.DedupKey)
		}
	}
}

func TestCheckAllowDomains(t *testing.T) {
	checker := NewChecker(Options{AllowDomains: []string{" Mailinator.com ", "@example.com", "*.yopmail.com"}})
	tests := []struct {
		in             string
		bogus, dispose bool
	}{
		{"jane@mailinator.com", false, true},
		{"jane@team.mailinator.com", false, true},
		{"jane@example.com", false, false},
		{"jane@yopmail.com", false, true},
		{"jane@guerrillamail.com", true, true}, // not on the allowlist
		{"jane@example.net", true, false},
		{"test@mailinator.com", true, true}, // allowed domain, placeholder mailbox
	}
	for _, tt := range tests {
		got := checker.Check(tt.in)
		if got.Bogus != tt.bogus || got.Disposable != tt.dispose {
			t.Errorf("Check(%q) = bogus %v disposable %v (%q), want bogus %v disposable %v",
				tt.in, got.Bogus, got.Disposable, got.Problem, tt.bogus, tt.dispose)
		}
	}
	// The caller's slice is copied, not kept.
	domains := []string{"mailinator.com"}
	checker = NewChecker(Options{AllowDomains: domains})
	domains[0] = "other.com"
	if got := checker.Check("jane@mailinator.com"); got.Bogus {
		t.Errorf("allowlist changed by the caller's later write: %+v", got)
	}
}

func TestCheckFixTypos(t *testing.T) {
	checker := NewChecker(Options{FixTypos: true})
	tests := []struct {
		in, normalized, suggestion, dedupKey string
		free                                 bool
	}{
		{"Jane.Doe@gmial.com", "Jane.Doe@gmail.com", "Jane.Doe@gmail.com", "janedoe@gmail.com", true},
		{"jane@gmail.con", "jane@gmail.com", "jane@gmail.com", "jane@gmail.com", true},
		{"jane@hotmial.com", "jane@hotmail.com", "jane@hotmail.com", "jane@hotmail.com", true},
		{"jane@acme.con", "jane@acme.com", "jane@acme.com", "jane@acme.com", false},
		{"jane@acme.com", "jane@acme.com", "", "jane@acme.com", false},
		{"jane@att.com", "jane@att.com", "", "jane@att.com", false},
	}
	for _, tt := range tests {
		got := checker.Check(tt.in)
		if got.Bogus || got.Normalized != tt.normalized || got.Suggestion != tt.suggestion ||
			got.DedupKey != tt.dedupKey || got.Free != tt.free {
			t.Errorf("Check(%q) = %+v, want normalized %q, suggestion %q, key %q, free %v",
				tt.in, got, tt.normalized, tt.suggestion, tt.dedupKey, tt.free)
		}
		if again := checker.Check(got.Normalized); again.Normalized != got.Normalized || again.Suggestion != "" {
			t.Errorf("Check(%q) is not stable: %+v", got.Normalized, again)
		}
	}
	// A typo of a placeholder stays bogus after the fix.
	if got := checker.Check("test@gmail.con"); !got.Bogus || got.Problem != problemPlaceholder {
		t.Errorf("Check(test@gmail.con) = %+v, want a placeholder", got)
	}
}

// TestTypoTraps pins the wrong fixes that mailcheck's default lists make
// (../shared/DOMAIN.md) and the right ones.
func TestTypoTraps(t *testing.T) {
	tests := []struct{ domain, want string }{
		{"att.com", ""}, {"bt.com", ""}, {"acme.io", ""}, {"acme.ai", ""},
		{"acme.com.br", ""}, {"yaho.com", "yahoo.com"}, {"gmial.com", "gmail.com"},
		{"gmail.co", "gmail.com"}, {"gmail.cm", "gmail.com"}, {"hotmial.com", "hotmail.com"},
		{"acme.con", "acme.com"}, {"outlook.co", "outlook.com"}, {"gmail.com", ""},
		{"googlemail.com", ""}, {"mail.com", ""}, {"email.com", ""}, {"ymail.com", ""},
		{"wahoo.com", ""}, {"love.com", ""}, {"live.de", ""}, {"web.com", ""},
		{"gmx.com", ""}, {"qq.com", ""}, {"msn.co", ""}, {"aol.co", ""},
	}
	for _, tt := range tests {
		tldReal := isRealSuffix(tt.domain[strings.LastIndexByte(tt.domain, '.')+1:])
		if got := suggestDomain(tt.domain, tldReal); got != tt.want {
			t.Errorf("suggestDomain(%q) = %q, want %q", tt.domain, got, tt.want)
		}
	}
}

// TestNoSuggestionForRealProviders runs every free-mail domain of the
// embedded list through the typo rules: the few that get a suggestion must
// be typo-squatting domains, listed here after review.
func TestNoSuggestionForRealProviders(t *testing.T) {
	var suggested []string
	for domain := range loadTables().free {
		tld := domain[strings.LastIndexByte(domain, '.')+1:]
		if fixed := suggestDomain(domain, isRealSuffix(tld)); fixed != "" {
			suggested = append(suggested, domain+"->"+fixed)
		}
	}
	slices.Sort(suggested)
	reviewed := []string{
		"hitmail.com->hotmail.com", "homemail.com->hotmail.com",
		"hotmail.co->hotmail.com", "outiook.com->outlook.com",
		"prontomail.com->protonmail.com", "sbcglbal.net->sbcglobal.net",
		"yaho.com->yahoo.com", "yahoo.co->yahoo.com",
	}
	if !slices.Equal(suggested, reviewed) {
		t.Errorf("free-mail domains with a suggestion changed:\n got %q\nwant %q", suggested, reviewed)
	}
}

func TestDomainMemoBounded(t *testing.T) {
	checker := NewChecker(Options{})
	checker.domains = memo.New[domainFacts](64)
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 100 {
				got := checker.Check(fmt.Sprintf("jane@acme%d-%d.con", g, i))
				if got.Suggestion != fmt.Sprintf("jane@acme%d-%d.com", g, i) {
					t.Errorf("suggestion %q", got.Suggestion)
					return
				}
				if got := checker.Check("jane@gmial.com"); got.Suggestion != "jane@gmail.com" {
					t.Errorf("suggestion %q", got.Suggestion)
					return
				}
			}
		})
	}
	wg.Wait()
	if n := checker.domains.Len(); n > 64 {
		t.Errorf("memo holds %d domains, bound is 64", n)
	}
}

func TestIsAcademicDomain(t *testing.T) {
	tests := []struct {
		domain string
		want   bool
	}{
		{"mit.edu", true}, {"CS.USC.EDU", true}, {"cs.usc.edu.", true},
		{"ox.ac.uk", true}, {"unimelb.edu.au", true}, {"ethz.ch", true},
		{"inf.ethz.ch", true}, {"tum.de", true}, {"u-tokyo.ac.jp", true},
		{"uct.ac.za", true}, {"pku.edu.cn", true},
		{"acme.com", false}, {"education.com", false}, {"edu.acme.com", false},
		{"ac.uk", false}, {"edu", false}, {"", false}, {"acme.ac", false},
		{"academy.de", false}, {"gmail.com", false},
	}
	for _, tt := range tests {
		if got := IsAcademicDomain(tt.domain); got != tt.want {
			t.Errorf("IsAcademicDomain(%q) = %v, want %v", tt.domain, got, tt.want)
		}
	}
}

func TestCheckConcurrent(t *testing.T) {
	checker := NewChecker(Options{})
	want := make([]Address, len(checkCases))
	for i, tt := range checkCases {
		want[i] = checker.Check(tt.in)
	}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() {
			fresh := NewChecker(Options{})
			for i, tt := range checkCases {
				if got := fresh.Check(tt.in); got != want[i] {
					t.Errorf("concurrent Check(%q) = %+v, want %+v", tt.in, got, want[i])
				}
				if got := checker.Check(tt.in); got != want[i] {
					t.Errorf("concurrent shared Check(%q) = %+v, want %+v", tt.in, got, want[i])
				}
			}
		})
	}
	wg.Wait()
}

func TestMash(t *testing.T) {
	mashes := []string{"asdf", "qwerty", "hjkl", "poiu", "zxcv", "sdfgh", "asdasd", "sdfsdf", "jkjkjk", "aaa", "0000", "abcd", "1234", "lalala"}
	names := []string{"anna", "lulu", "coco", "trew", "wert", "bob", "otto", "asd", "jane", "sdf", "ewa", "abc", "mimi", "nana", "abba"}
	if len(mashes) == 0 || len(names) == 0 {
		t.Fatal("both lists must have examples")
	}
	for _, s := range mashes {
		if !isMash(s) {
			t.Errorf("isMash(%q) = false, want true", s)
		}
	}
	for _, s := range names {
		if isMash(s) {
			t.Errorf("isMash(%q) = true, want false", s)
		}
	}
}

func TestCountryVariantsIndex(t *testing.T) {
	if bigProviders[countryVariants-1] != "mail.ru" || bigProviders[countryVariants] != "hotmail.fr" {
		t.Errorf("countryVariants = %d does not point at the first country variant", countryVariants)
	}
}
