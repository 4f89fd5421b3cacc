package phone

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// guessSample makes n made-up national numbers from a format with %d
// verbs filled from i, reduced to digits as the pipeline samples them.
func guessSample(t *testing.T, n int, format func(i int) string) []string {
	t.Helper()
	var out []string
	for i := range n {
		d, ok := NationalDigits(format(i))
		if !ok {
			t.Fatalf("%q is not a national number", format(i))
		}
		out = append(out, d)
	}
	return out
}

func egyptian(i int) string {
	return fmt.Sprintf("%s %04d %04d", []string{"010", "011", "012", "015"}[i%4], (i*37+100)%10000, (i*7919+1234)%10000)
}

func TestGuessRegion(t *testing.T) {
	eg := guessSample(t, 83, egyptian)
	berlin := guessSample(t, 60, func(i int) string { return fmt.Sprintf("030 %08d", 20000000+i*1237) })
	us := guessSample(t, 40, func(i int) string { return fmt.Sprintf("(415) %03d-%04d", 392+i%200, 1000+i*17) })
	tests := []struct {
		name      string
		def       string
		sample    []string
		hints     map[string]int
		region    string
		mismatch  bool
		confident bool
		why       string
	}{
		{"Egyptian mobiles under US: EG, but Korean mobiles look the same", "US", eg, nil, "EG", true, false, "fit both EG"},
		{"Egyptian mobiles with .eg domains", "US", eg, map[string]int{"EG": 5}, "EG", true, true, ""},
		{"a hint for the runner-up too leaves it open", "US", eg, map[string]int{"EG": 5, "KR": 1}, "EG", true, false, "fit both"},
		{"Berlin numbers with .de domains", "US", berlin, map[string]int{"DE": 4}, "DE", true, true, ""},
		{"the default fits", "US", us, nil, "", false, false, "US fits: 40 of 40"},
		{"too few numbers", "US", eg[:10], nil, "", false, false, "only 10 numbers"},
		{"no default region", "", eg, map[string]int{"EG": 3}, "EG", true, true, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			g := GuessRegion(tt.def, tt.sample, tt.hints)
			if g.Region != tt.region || g.Mismatch != tt.mismatch || g.Confident != tt.confident || !strings.Contains(g.Why, tt.why) {
				t.Errorf("got %+v; want region %q, mismatch %v, confident %v, why containing %q", g, tt.region, tt.mismatch, tt.confident, tt.why)
			}
			if g.Numbers != len(tt.sample) {
				t.Errorf("Numbers = %d, want %d", g.Numbers, len(tt.sample))
			}
		})
	}
	// The same sample always gives the same guess.
	if a, b := GuessRegion("US", eg, nil), GuessRegion("US", eg, nil); !reflect.DeepEqual(a, b) {
		t.Errorf("not deterministic: %+v then %+v", a, b)
	}
}

func TestNationalDigits(t *testing.T) {
	for _, tc := range []struct {
		cell   string
		digits string
		ok     bool
	}{
		{"010 1234 5678", "01012345678", true},
		{"(415) 392-1234", "4153921234", true},
		{"+20 10 1234 5678", "", false},
		{"0020 10 1234 5678", "", false},
		{"n/a", "", false},
		{"", "", false},
		{"1111111111", "", false},
		{"12", "", false},
	} {
		d, ok := NationalDigits(tc.cell)
		if d != tc.digits || ok != tc.ok {
			t.Errorf("NationalDigits(%q) = %q, %v; want %q, %v", tc.cell, d, ok, tc.digits, tc.ok)
		}
	}
}

func TestDomainRegion(t *testing.T) {
	for host, want := range map[string]string{
		"acme.com.eg": "EG", "acme.eg": "EG", "acme.co.uk": "GB", "acme.de": "DE",
		"acme.com": "", "acme.io": "", "acme.co": "", "localhost": "", "acme.zz": "",
	} {
		if got := DomainRegion(host); got != want {
			t.Errorf("DomainRegion(%q) = %q, want %q", host, got, want)
		}
	}
}

// FuzzGuessRegion: any cells give a guess without panicking, the same
// guess twice, and counts within the sample.
func FuzzGuessRegion(f *testing.F) {
	for _, seed := range []string{"010 1234 5678|011 2345 6789", "(415) 392-1234", "+20 10 1234 5678|0030 123", "", "ab|12|٠١٠١٢٣٤٥٦٧٨"} {
		f.Add(seed, "US")
	}
	f.Fuzz(func(t *testing.T, joined, region string) {
		var sample []string
		for _, cell := range strings.Split(joined, "|") {
			if d, ok := NationalDigits(cell); ok {
				sample = append(sample, d)
			}
		}
		g := GuessRegion(region, sample, map[string]int{"EG": 3})
		if !reflect.DeepEqual(g, GuessRegion(region, sample, map[string]int{"EG": 3})) {
			t.Fatal("not deterministic")
		}
		if g.Numbers != min(len(sample), MaxGuessNumbers) || g.ValidDefault > g.Numbers || g.ValidRegion > g.Numbers || g.ValidRunnerUp > g.ValidRegion {
			t.Fatalf("counts out of range: %+v", g)
		}
		if g.Confident && !g.Mismatch {
			t.Fatalf("confident without a mismatch: %+v", g)
		}
	})
}
