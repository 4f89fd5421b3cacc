package memo

import (
	"strconv"
	"sync"
	"testing"
)

func TestMemo(t *testing.T) {
	tests := []struct {
		name              string
		size              int
		puts              int
		wantMaxLen        int
		wantFirstRemained bool // whether key "0" must still be there
	}{
		{"off", -1, 10, 0, false},
		{"roomy", 1000, 10, 10, true},
		{"bounded", 64, 10000, 64, false},
		{"tiny", 0, 100, 2 * shards, false}, // one per generation and shard
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			m := New[int](tc.size)
			for i := range tc.puts {
				if v := m.Do(strconv.Itoa(i), func() int { return i }); v != i {
					t.Fatalf("Do(%d) = %d", i, v)
				}
			}
			if n := m.Len(); n > tc.wantMaxLen || (tc.size > 0 && n == 0) {
				t.Errorf("Len = %d, want 1..%d", n, tc.wantMaxLen)
			}
			v, ok := m.get("0")
			if tc.wantFirstRemained && (!ok || v != 0) {
				t.Errorf(`Get("0") = %d, %v; want 0, true`, v, ok)
			}
			if tc.size < 0 && ok {
				t.Error("a nil memo remembered a value")
			}
			// Whatever is held is right.
			for i := range tc.puts {
				if v, ok := m.get(strconv.Itoa(i)); ok && v != i {
					t.Fatalf("Get(%d) = %d", i, v)
				}
			}
		})
	}
}

func TestStats(t *testing.T) {
	m := New[string](100)
	m.Do("a", func() string { return "x" }) // a miss, then remembered
	m.get("a")
	m.Do("a", func() string { return "y" })
	m.get("b")
	if h, miss := m.Stats(); h != 2 || miss != 2 {
		t.Errorf("Stats = %d hits, %d misses; want 2, 2", h, miss)
	}
	var off *Memo[string]
	off.get("a")
	if h, miss := off.Stats(); h != 0 || miss != 0 {
		t.Errorf("nil memo Stats = %d, %d", h, miss)
	}
}

// TestConcurrent is for the race detector: workers share one memo.
func TestConcurrent(t *testing.T) {
	m := New[int](256)
	var wg sync.WaitGroup
	for w := range 8 {
		wg.Go(func() {
			for i := range 2000 {
				n := (i * (w + 1)) % 700
				k := strconv.Itoa(n)
				if v := m.Do(k, func() int { return n }); v != n {
					t.Errorf("Do(%s) = %d", k, v)
				}
			}
		})
	}
	wg.Wait()
	if m.Len() > 256 {
		t.Errorf("Len = %d > 256", m.Len())
	}
}

// TestRepeatedValueStays: a key used all along survives any number of
// others passing through, as a switchboard number through a list.
func TestRepeatedValueStays(t *testing.T) {
	m := New[int](1024)
	m.Do("switchboard", func() int { return 1 })
	for i := range 100000 {
		m.Do(strconv.Itoa(i), func() int { return i })
		if i%16 == 0 {
			if _, ok := m.get("switchboard"); !ok {
				t.Fatalf("switchboard forgotten after %d other keys", i)
			}
		}
	}
	if n := m.Len(); n > 1024 {
		t.Errorf("Len = %d > 1024", n)
	}
}

// BenchmarkDistinct is a memo in front of a check whose inputs never
// repeat (phone numbers of a real list): every lookup misses, every new
// value must make room.
func BenchmarkDistinct(b *testing.B) {
	keys := make([]string, 1<<20)
	for i := range keys {
		keys[i] = "US:" + strconv.Itoa(2125550000+i*7)
	}
	type verdict struct {
		ok                     bool
		a, b, c, d, e, problem string
	}
	m := New[verdict](8192)
	b.ReportAllocs()
	for i := 0; b.Loop(); i++ {
		k := keys[i%len(keys)]
		m.Do(k, func() verdict { return verdict{ok: true, a: k} })
	}
}

// TestHashCollision: two keys with one hash are told apart by the key
// kept in the entry (forced here; with 64-bit hashes it is rare).
func TestHashCollision(t *testing.T) {
	m := New[int](64)
	m.Do("a", func() int { return 1 })
	s, h := m.shard("a")
	s.young[h] = entry[int]{key: "b", v: 2} // "b" landed on a's hash
	if v, ok := m.get("a"); ok {
		t.Errorf(`Get("a") = %d, true after a collision; want a miss`, v)
	}
	s.old, s.young = s.young, map[uint64]entry[int]{}
	if v, ok := m.get("a"); ok {
		t.Errorf(`Get("a") = %d, true from the old generation after a collision; want a miss`, v)
	}
}

// TestDoComputesOnMissOnly: Do runs compute for a key it does not hold
// and returns the remembered value after; a nil memo always computes.
func TestDoComputesOnMissOnly(t *testing.T) {
	calls := 0
	compute := func() string { calls++; return "v" + strconv.Itoa(calls) }
	m := New[string](64)
	for range 3 {
		if v := m.Do("k", compute); v != "v1" {
			t.Errorf(`Do("k") = %q, want the first value "v1"`, v)
		}
	}
	if calls != 1 {
		t.Errorf("compute ran %d times for one key, want 1", calls)
	}
	var off *Memo[string]
	off.Do("k", compute)
	off.Do("k", compute)
	if calls != 3 {
		t.Errorf("a nil memo ran compute %d times in two calls", calls-1)
	}
}

// get returns the value remembered for key, without computing one.
func (m *Memo[V]) get(key string) (V, bool) {
	if m == nil {
		var zero V
		return zero, false
	}
	s, h := m.shard(key)
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.lookup(h, key, m.perShard)
}
