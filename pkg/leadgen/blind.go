package leadgen

import (
	"regexp/syntax"
	"slices"
	"strconv"
	"sync"

	"github.com/nyaruka/phonenumbers"
)

// Proving variants valid without asking phonenumbers.
//
// Checking a fresh number with phonenumbers costs about 10 µs (ten times
// that under the race detector), most of a generated row. Yet its verdicts
// on a number of a given length follow from a few pattern matches alone:
// for each region of the calling code, whether the region's leading-digits
// pattern matches a prefix of the national significant number, and whether
// each number pattern that getNumberTypeHelper consults (general,
// premium-rate, toll-free, shared-cost, VoIP, personal, pager, UAN,
// voicemail, fixed-line, mobile) matches it in full. A variant of a pooled
// entry has the entry's length. When no one of those patterns can tell the
// entry's variants apart (whatever their last digits, the pattern matches
// all of them or none) every variant gets the entry's verdicts, and the
// entry's were "valid for its region, of its kind": blindVariants proves
// this once per entry, and generator.phoneNumber then skips phonenumbers
// for the entry's variants.
//
// The list of facts is read off phonenumbers v1.8.1 (GetNumberType,
// GetRegionCodeForNumber, IsValidNumberForRegion, getNumberTypeHelper);
// TestPhoneVariants checks variants of every pooled entry against
// phonenumbers itself, so a version that consults other patterns shows.

// blindVariants reports whether IsValidNumberForRegion and GetNumberType
// give every number that replaces the last n digits of nsn (calling code
// cc) the verdicts they give nsn. false means "not proven".
func blindVariants(cc int32, nsn string, n int) bool {
	if n > len(nsn) {
		return false
	}
	prefix := nsn[:len(nsn)-n]
	for _, region := range phonenumbers.GetRegionCodesForCountryCode(int(cc)) {
		md := regionMetadata()[region]
		if md == nil {
			return false
		}
		if ld := md.GetLeadingDigits(); ld != "" && !tailBlind("^(?:"+ld+")", prefix, n) {
			return false
		}
		for _, d := range []*phonenumbers.PhoneNumberDesc{md.GetGeneralDesc(), md.GetPremiumRate(),
			md.GetTollFree(), md.GetSharedCost(), md.GetVoip(), md.GetPersonalNumber(), md.GetPager(),
			md.GetUan(), md.GetVoicemail(), md.GetFixedLine(), md.GetMobile()} {
			// As isNumberMatchingDesc builds it; a missing description
			// has the empty pattern, which matches no number.
			if !tailBlind("^(?:"+d.GetNationalNumberPattern()+")$", prefix, n) {
				return false
			}
		}
	}
	return true
}

var (
	metadataOnce sync.Once
	metadataVal  map[string]*phonenumbers.PhoneMetadata
)

// regionMetadata returns the metadata phonenumbers validates with, by
// region.
func regionMetadata() map[string]*phonenumbers.PhoneMetadata {
	metadataOnce.Do(func() {
		metadataVal = map[string]*phonenumbers.PhoneMetadata{}
		coll, err := phonenumbers.MetadataCollection()
		if err != nil {
			return // nothing is proven; every variant is checked
		}
		for _, md := range coll.GetMetadata() {
			metadataVal[md.GetId()] = md
		}
	})
	return metadataVal
}

// tailBlind reports whether the regular expression expr, matched as
// regexp.MatchString does, gives the same answer for prefix+t for every
// string t of n ASCII digits. It runs expr's automaton over prefix, then
// over every way of going on with n digits, keeping each distinct set of
// states once; the answers at the end must agree. expr must start with ^
// (the search starts at the beginning only). false means "not proven":
// also for an expr that does not compile or uses an assertion other than
// ^, $ and word boundaries.
func tailBlind(expr, prefix string, n int) bool {
	m := machineFor(expr)
	if m == nil {
		return false
	}
	total := len(prefix) + n
	if total == 0 {
		return true // one string, one answer
	}
	m.mu.Lock()
	defer m.mu.Unlock()
	cur, ok := m.start, m.startOK
	matched := ok && m.hasMatch(cur)
	for i := 0; ok && i < len(prefix); i++ {
		cur, ok = m.step(cur, rune(prefix[i]), i+1, total)
		matched = matched || ok && m.hasMatch(cur)
	}
	switch {
	case !ok:
		return false
	case matched:
		return true // matched on the prefix alone
	}
	// What follows depends only on the states and on how many digits are
	// left: entries of one shape share it.
	key := strconv.Itoa(n) + ":" + stateKey(cur, false)
	if blind, ok := m.memo[key]; ok {
		return blind
	}
	blind := m.blindTail(cur, len(prefix), total)
	m.memo[key] = blind
	return blind
}

// blindTail reports whether every way of reading digits from the states
// in set, at position pos, to the end of a text of total digits gives
// the same answer.
func (m *machine) blindTail(set []uint32, pos, total int) bool {
	type state struct {
		set     []uint32
		matched bool // a match ended at or before this position
	}
	frontier := []state{{set, false}}
	for pos++; pos <= total; pos++ {
		var next []state
		seen := map[string]bool{}
		for _, s := range frontier {
			for d := '0'; d <= '9'; d++ {
				ns, ok := m.step(s.set, d, pos, total)
				if !ok {
					return false
				}
				st := state{ns, s.matched || m.hasMatch(ns)}
				if key := stateKey(st.set, st.matched); !seen[key] {
					seen[key] = true
					next = append(next, st)
				}
			}
		}
		frontier = next
	}
	for _, s := range frontier[1:] {
		if s.matched != frontier[0].matched {
			return false
		}
	}
	return true
}

func stateKey(set []uint32, matched bool) string {
	b := make([]byte, 0, 4*len(set)+1)
	if matched {
		b = append(b, 'm')
	}
	for _, pc := range set {
		b = strconv.AppendUint(b, uint64(pc), 36)
		b = append(b, ',')
	}
	return string(b)
}

// machine is a compiled expression, run one set of states at a time.
type machine struct {
	prog    *syntax.Prog
	start   []uint32 // the states at position 0 of a non-empty text
	startOK bool
	mu      sync.Mutex      // guards what follows
	memo    map[string]bool // blindTail by digits left and states
	mark    []bool          // scratch for closure
	stack   []uint32
}

var machines sync.Map // expr → *machine, nil when expr does not compile

// machineFor returns expr's machine, compiled as regexp compiles it.
func machineFor(expr string) *machine {
	if m, ok := machines.Load(expr); ok {
		return m.(*machine)
	}
	var m *machine
	if re, err := syntax.Parse(expr, syntax.Perl); err == nil {
		if prog, err := syntax.Compile(re.Simplify()); err == nil {
			m = &machine{prog: prog, memo: map[string]bool{}, mark: make([]bool, len(prog.Inst))}
			m.start, m.startOK = m.closure([]uint32{uint32(prog.Start)}, 0, 1)
		}
	}
	actual, _ := machines.LoadOrStore(expr, m)
	return actual.(*machine)
}

// closure returns the instructions reachable from pcs without reading, at
// position pos of a text of total ASCII digits: the sorted set of those
// that read a rune or match. ok is false for an assertion it cannot judge.
func (m *machine) closure(pcs []uint32, pos, total int) (set []uint32, ok bool) {
	before, after := rune(-1), rune(-1)
	if pos > 0 {
		before = '0'
	}
	if pos < total {
		after = '0'
	}
	ctx := syntax.EmptyOpContext(before, after)
	var visited []uint32
	defer func() {
		for _, pc := range visited {
			m.mark[pc] = false
		}
	}()
	stack := append(m.stack[:0], pcs...)
	defer func() { m.stack = stack[:0] }()
	for len(stack) > 0 {
		pc := stack[len(stack)-1]
		stack = stack[:len(stack)-1]
		if m.mark[pc] {
			continue
		}
		m.mark[pc] = true
		visited = append(visited, pc)
		inst := &m.prog.Inst[pc]
		switch inst.Op {
		case syntax.InstAlt, syntax.InstAltMatch:
			stack = append(stack, inst.Out, inst.Arg)
		case syntax.InstCapture, syntax.InstNop:
			stack = append(stack, inst.Out)
		case syntax.InstEmptyWidth:
			if syntax.EmptyOp(inst.Arg)&^ctx == 0 {
				stack = append(stack, inst.Out)
			}
		case syntax.InstFail:
		case syntax.InstMatch, syntax.InstRune, syntax.InstRune1, syntax.InstRuneAny, syntax.InstRuneAnyNotNL:
			set = append(set, pc)
		default:
			return nil, false
		}
	}
	slices.Sort(set)
	return set, true
}

// step reads r from the states in set, landing at position pos.
func (m *machine) step(set []uint32, r rune, pos, total int) ([]uint32, bool) {
	var outs []uint32
	for _, pc := range set {
		if inst := &m.prog.Inst[pc]; inst.Op != syntax.InstMatch && inst.MatchRune(r) {
			outs = append(outs, inst.Out)
		}
	}
	return m.closure(outs, pos, total)
}

func (m *machine) hasMatch(set []uint32) bool {
	for _, pc := range set {
		if m.prog.Inst[pc].Op == syntax.InstMatch {
			return true
		}
	}
	return false
}
