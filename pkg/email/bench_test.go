package email

import (
	"fmt"
	"testing"

	"github.com/leadclean/leadclean/pkg/memo"
)

// benchMix is a lead export's email column in miniature: mostly business
// and free-mail addresses, some mixed case and padding, a few typos,
// placeholders, disposables, empties and junk.
var benchMix = []string{
	"jane.doe@acme.com", "John.Smith@Globex.COM", "info@initech.io", "mwang@gmail.com",
	"priya.k+leads@gmail.com", "sales@umbrella-corp.co.uk", "  hans.mueller@siemens.de ",
	"carlos@empresa.com.br", "yuki.tanaka@sony.co.jp", "o'brien@dublin-tech.ie",
	"jane@yahoo.com", "bob@hotmail.com", "alice@outlook.com", "k.lee@student.mit.edu",
	"ceo@startup.ai", "marie@orange.fr", "", "n/a", "test@test.com", "jane@gmial.com",
	"jane@mailinator.com", "jürgen@müller.de", "support@company-name.com", "a.b@c-d.org",
}

func BenchmarkCheck(b *testing.B) {
	checker := NewChecker(Options{})
	for _, cell := range benchMix { // parse the lists and warm the memo
		checker.Check(cell)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		checker.Check(benchMix[i%len(benchMix)])
	}
}

func BenchmarkCheckParallel(b *testing.B) {
	checker := NewChecker(Options{})
	for _, cell := range benchMix {
		checker.Check(cell)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for i := 0; pb.Next(); i++ {
			checker.Check(benchMix[i%len(benchMix)])
		}
	})
}

// BenchmarkCheckUniqueDomains defeats the domain memo: every domain is new,
// as in a list of one lead per company.
func BenchmarkCheckUniqueDomains(b *testing.B) {
	checker := NewChecker(Options{})
	checker.Check("warm@acme.com")
	cells := make([]string, 4096)
	for i := range cells {
		cells[i] = fmt.Sprintf("jane.doe@company%d-group.com", i)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; b.Loop(); i++ {
		if i%len(cells) == 0 {
			checker.domains = memo.New[domainFacts](domainMemoSize)
		}
		checker.Check(cells[i%len(cells)])
	}
}

// BenchmarkTypo measures each typo path without the memo.
func BenchmarkTypo(b *testing.B) {
	for _, domain := range []string{"gmial.com", "gmail.con", "acme.con", "acme-industries.com", "gmail.com"} {
		b.Run(domain, func(b *testing.B) {
			last := len(domain) - 1
			for last > 0 && domain[last] != '.' {
				last--
			}
			tldReal := isRealSuffix(domain[last+1:])
			b.ReportAllocs()
			for b.Loop() {
				suggestDomain(domain, tldReal)
			}
		})
	}
}

func BenchmarkLoadTables(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		t := &tables{
			disposable: parseList(disposableText, 0),
			free:       parseList(freeText, 0),
			role:       parseList(roleText, 1),
			university: parseList(universityText, 1),
			academic:   parseList(academicSuffixText, 0),
		}
		_ = t
	}
}
