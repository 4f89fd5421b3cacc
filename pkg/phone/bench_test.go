package phone

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

// benchNumbers are national-format numbers per country, checked with the
// country's name as a lead row would give it.
var benchNumbers = []struct {
	country, name string
	numbers       []string
}{
	{"US", "United States", []string{"(202) 456-1111", "650-253-0000", "1 (617) 495-1000", "(415) 867-5309 x12"}},
	{"GB", "UK", []string{"020 7219 3000", "0161 234 5000", "07400 183927", "+44 (0)131 200 2000"}},
	{"DE", "Deutschland", []string{"030 2270 0", "089 233-36000", "0171 3859624", "+49 151 28461937"}},
	{"IN", "India", []string{"022 2202 8000", "+91 98201 37461", "098201 37461", "011 2301 2345"}},
	{"JP", "Japan", []string{"03-3581-3111", "090-3456-7812", "06-6941-0351", "+81 45 671 2121"}},
}

// BenchmarkCheck measures a check without the memo (every number is new):
// the per-row cost of the phone column in a list without repeats.
func BenchmarkCheck(b *testing.B) {
	for _, bn := range benchNumbers {
		b.Run(bn.country, func(b *testing.B) {
			c := NewCheckerWithOptions(Options{DefaultRegion: "US", MemoSize: -1})
			for _, n := range bn.numbers { // warm libphonenumber's lazily compiled regexps
				c.Check(n, bn.name)
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; b.Loop(); i++ {
				c.Check(bn.numbers[i%len(bn.numbers)], bn.name)
			}
		})
	}
}

// BenchmarkCheckDistinct measures the memo's cost when nothing repeats:
// every number is new to a memoising checker (its memo stays bounded).
func BenchmarkCheckDistinct(b *testing.B) {
	c := newChecker("US")
	numbers := make([]string, 100_000)
	for i := range numbers {
		numbers[i] = fmt.Sprintf("+1 617 %03d %04d", 200+i/10000, i%10000)
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Check(numbers[i%len(numbers)], "")
	}
}

// BenchmarkCheckMemo measures repeated numbers (switchboards, a list
// exported twice): after the first check each one is a memo hit.
func BenchmarkCheckMemo(b *testing.B) {
	for _, bn := range benchNumbers {
		b.Run(bn.country, func(b *testing.B) {
			c := newChecker("US")
			b.ReportAllocs()
			for i := 0; b.Loop(); i++ {
				c.Check(bn.numbers[i%len(bn.numbers)], bn.name)
			}
		})
	}
}

// BenchmarkCheckParallel measures the memo under concurrent workers.
func BenchmarkCheckParallel(b *testing.B) {
	c := newChecker("US")
	numbers := benchNumbers[0].numbers
	b.ReportAllocs()
	b.RunParallel(func(pb *testing.PB) {
		i := 0
		for pb.Next() {
			c.Check(numbers[i%len(numbers)], "")
			i++
		}
	})
}

// BenchmarkCheckGarbage measures cells rejected before parsing.
func BenchmarkCheckGarbage(b *testing.B) {
	c := newChecker("US")
	cells := []string{"n/a", "none", "-", "call me", "1234", "4.91511E+12"}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Check(cells[i%len(cells)], "")
	}
}

// BenchmarkRegion measures the country lookup every row makes.
func BenchmarkRegion(b *testing.B) {
	names := []string{"US", "United States of America", "Deutschland", "The Netherlands", "日本", "Narnia"}
	Region("warm")
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		Region(names[i%len(names)])
	}
}

// distinctNumbers returns n national-format numbers of 12 countries, fixed
// line and mobile, each the example number with its last four digits
// varied: nearly all distinct, as in a real list.
func distinctNumbers(n int) (cells, regions []string) {
	rng := rand.New(rand.NewPCG(1, 2))
	countries := []string{"US", "US", "US", "GB", "DE", "FR", "IN", "CA", "AU", "NL", "ES", "BR", "JP"}
	for i := range n {
		r := countries[i%len(countries)]
		typ := phonenumbers.FIXED_LINE
		if i%2 == 0 {
			typ = phonenumbers.MOBILE
		}
		b := []byte(phonenumbers.Format(phonenumbers.GetExampleNumberForType(r, typ), phonenumbers.NATIONAL))
		for j, k := len(b)-1, 0; j >= 0 && k < 4; j-- {
			if b[j] >= '0' && b[j] <= '9' {
				b[j] = byte('0' + rng.IntN(10))
				k++
			}
		}
		cells, regions = append(cells, string(b)), append(regions, r)
	}
	return cells, regions
}

// BenchmarkCheckDistinctCountries is the phone column of a real list: no
// memo hits, twelve countries. Compare BenchmarkLibraryDistinctCountries.
func BenchmarkCheckDistinctCountries(b *testing.B) {
	cells, regions := distinctNumbers(20000)
	c := NewCheckerWithOptions(Options{DefaultRegion: "US", MemoSize: -1})
	for i := range 200 { // compile each region's patterns
		c.Check(cells[i], regions[i])
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		c.Check(cells[i%len(cells)], regions[i%len(regions)])
	}
}

// BenchmarkLibraryDistinctCountries is what the same numbers cost through
// phonenumbers' own Parse, GetNumberType, GetRegionCodeForNumber and
// Format: the calls parseDigits and regionAndType stand in for.
func BenchmarkLibraryDistinctCountries(b *testing.B) {
	cells, regions := distinctNumbers(20000)
	for i := range cells {
		cells[i] = onlyASCIIDigits(cells[i])
	}
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		num, err := phonenumbers.Parse(cells[i%len(cells)], regions[i%len(regions)])
		if err != nil {
			b.Fatal(err)
		}
		if phonenumbers.GetNumberType(num) != phonenumbers.UNKNOWN {
			_ = phonenumbers.GetRegionCodeForNumber(num)
			_ = phonenumbers.Format(num, phonenumbers.E164)
		}
	}
}
