package rulebook

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"unicode"
)

func TestRequiredLiterals(t *testing.T) {
	tests := []struct {
		pattern string
		want    []string // nil: no prefilter
	}{
		{`(?i)\b(pricing|quote|demo)\b`, []string{"pricing", "quote", "demo"}},
		{`demo`, []string{"demo"}},
		{`Demo`, []string{"demo"}},
		{`(?i)prices?`, []string{"price"}},
		{`cotizaci[oó]n`, []string{"cotizaci"}},
		{`dueño`, []string{"due"}},
		{`(?i)this (week|month)`, []string{"this "}},
		{`(?i)\b(asap|urgent(ly)?)\b`, []string{"asap", "urgent"}},
		{`(demo)+`, []string{"demo"}},
		{`x{2,3}`, []string{"x"}},
		{`\d{3}-\d{4}`, []string{"-"}},
		// No literal every match must contain.
		{`.*`, nil},
		{`(demo)?`, nil},
		{`(demo|)`, nil},
		{`[a-z]+`, nil},
		{`^$`, nil},
		{`(demo|\d+)`, nil},
		{`ñ`, nil},
		{`[`, nil}, // does not compile: left to expr's error
	}
	for _, tt := range tests {
		m, ok := newMatcher(tt.pattern)
		if tt.want == nil {
			if ok {
				t.Errorf("newMatcher(%q) has literals %q, want no prefilter", tt.pattern, m.literals)
			}
			continue
		}
		if !ok {
			t.Errorf("newMatcher(%q): no prefilter, want %q", tt.pattern, tt.want)
			continue
		}
		var got []string
		for _, l := range m.literals {
			got = append(got, string(l))
		}
		slices.Sort(got)
		want := slices.Sorted(slices.Values(tt.want))
		if !slices.Equal(got, want) {
			t.Errorf("newMatcher(%q) literals %q, want %q", tt.pattern, got, want)
		}
	}
}

// TestOnlyKelvinAndLongSFoldToASCII guards mayMatch's assumption: apart
// from the Kelvin sign and the long s, no character outside ASCII is the
// case fold of an ASCII letter, so lower-casing ASCII finds every literal
// a (?i) pattern can match.
func TestOnlyKelvinAndLongSFoldToASCII(t *testing.T) {
	for r := rune(utf8RuneSelf); r <= unicode.MaxRune; r++ {
		for f := unicode.SimpleFold(r); f != r; f = unicode.SimpleFold(f) {
			if f < utf8RuneSelf && r != '\u212a' && r != '\u017f' {
				t.Errorf("%U folds to ASCII %q", r, f)
			}
		}
	}
}

const utf8RuneSelf = 0x80

// matcherPatterns are the patterns of the sample rulebooks and a few more.
var matcherPatterns = []string{
	`(?i)\b(pricing|prices?|quote|demo|trial|proposal|angebot|preise|devis|tarifs?|cotizaci[oó]n|precios?)\b`,
	`(?i)\b(asap|urgent|urgently|immediately|this (week|month|quarter)|next (week|month|quarter)|dringend|sofort|urgente)\b`,
	`(?i)\b(pricing|quote|demo)\b`,
	`Demo`,
	`(?i)skate`,
	`(?i)dueño|ñandú`,
	`(?i)^(re|fwd):`,
}

// matcherTexts exercise case, word boundaries, the folds mayMatch must
// not miss, non-ASCII text, and texts longer than mayMatch's buffer.
var matcherTexts = []string{
	"", "demo", "DEMO", "Demo please", "a demonstration", "Can we get PRICING?", "Preise bitte",
	"cotización", "COTIZACIÓN urgente", "need it this Quarter", "next  week", "ASAP!!",
	"\u212aate", "s\u212aate", "\u017fkate", "\u017f\u212aATE", "DUEÑO", "Ñandú", "RE: hi", "fwd: x",
	"Bitte um ein Angebot", "trial", "triall", "proposals", "tarifs", "prices", "price",
	strings.Repeat("x", 600) + " demo", strings.Repeat("é", 400) + "PRICING",
	"\xff\xfe demo", "de\u0301mo",
}

func TestMatcherAgreesWithRegexp(t *testing.T) {
	for _, p := range matcherPatterns {
		m, ok := newMatcher(p)
		if !ok {
			t.Fatalf("newMatcher(%q): no prefilter", p)
		}
		re := regexp.MustCompile(p)
		for _, s := range matcherTexts {
			if got, want := m.match(s), re.MatchString(s); got != want {
				t.Errorf("%q matches %q: %v, regexp says %v", s, p, got, want)
			}
		}
	}
}

func FuzzMatcher(f *testing.F) {
	for i, s := range matcherTexts {
		f.Add(uint8(i), s)
	}
	f.Fuzz(func(t *testing.T, which uint8, s string) {
		p := matcherPatterns[int(which)%len(matcherPatterns)]
		m, ok := newMatcher(p)
		if !ok {
			t.Fatalf("newMatcher(%q): no prefilter", p)
		}
		if got, want := m.match(s), regexp.MustCompile(p).MatchString(s); got != want {
			t.Errorf("%q matches %q: %v, regexp says %v", s, p, got, want)
		}
	})
}

// TestDefaultRulebookPrefilters checks that the default rulebook's
// message rules go through the prefilter and still decide as the plain
// regular expression does.
func TestDefaultRulebookPrefilters(t *testing.T) {
	r := Default()
	patched := 0
	for _, ru := range r.rules {
		if strings.Contains(ru.program.Node().String(), matchFunc) {
			patched++
		}
	}
	if patched != 2 {
		t.Errorf("%d default rules use the prefilter, want 2 (need_asked, timeframe_soon)", patched)
	}
	// A condition on a non-constant pattern is left to expr.
	rb, err := Parse("t.yaml", []byte(strings.Replace(string(defaultYAML), "when: engagement.forms > 0", "when: 'message matches title'", 1)))
	if err != nil {
		t.Fatal(err)
	}
	for _, ru := range rb.rules {
		if ru.name == "engaged_form" && strings.Contains(ru.program.Node().String(), matchFunc) {
			t.Error("message matches title was rewritten")
		}
	}
}

func BenchmarkMatcher(b *testing.B) {
	p := matcherPatterns[0]
	texts := []string{"", "Please send the datasheet and a reference customer in manufacturing.",
		"We'd like a demo for our team of 40 people, ideally next week.", "Wie ist der Preis für 50 Lizenzen?"}
	b.Run("regexp", func(b *testing.B) {
		re := regexp.MustCompile(p)
		for i := 0; b.Loop(); i++ {
			re.MatchString(texts[i%len(texts)])
		}
	})
	b.Run("prefiltered", func(b *testing.B) {
		m, _ := newMatcher(p)
		b.ReportAllocs()
		for i := 0; b.Loop(); i++ {
			m.match(texts[i%len(texts)])
		}
	})
}
