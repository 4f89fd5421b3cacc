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
				m.Put(strconv.Itoa(i), i)
			}
			if n := m.Len(); n > tc.wantMaxLen || (tc.size > 0 && n == 0) {
				t.Errorf("Len = %d, want 1..%d", n, tc.wantMaxLen)
			}
			v, ok := m.Get("0")
			if tc.wantFirstRemained && (!ok || v != 0) {
				t.Errorf(`Get("0") = %d, %v; want 0, true`, v, ok)
			}
			if tc.size < 0 && ok {
				t.Error("a nil memo remembered a value")
			}
			// Whatever is held is right.
			for i := range tc.puts {
				if v, ok := m.Get(strconv.Itoa(i)); ok && v != i {
					t.Fatalf("Get(%d) = %d", i, v)
				}
			}
		})
	}
}

func TestStats(t *testing.T) {
	m := New[string](100)
	m.Put("a", "x")
	m.Get("a")
	m.Get("a")
	m.Get("b")
	if h, miss := m.Stats(); h != 2 || miss != 1 {
		t.Errorf("Stats = %d hits, %d misses; want 2, 1", h, miss)
	}
	var off *Memo[string]
	off.Get("a")
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
				k := strconv.Itoa((i * (w + 1)) % 700)
				if v, ok := m.Get(k); ok && strconv.Itoa(v) != k {
					t.Errorf("Get(%s) = %d", k, v)
				}
				m.Put(k, (i*(w+1))%700)
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
	m.Put("switchboard", 1)
	for i := range 100000 {
		m.Put(strconv.Itoa(i), i)
		if i%16 == 0 {
			if _, ok := m.Get("switchboard"); !ok {
				t.Fatalf("switchboard forgotten after %d other keys", i)
			}
		}
	}
	if n := m.Len(); n > 1024 {
		t.Errorf("Len = %d > 1024", n)
	}
}

// BenchmarkDistinct is a memo in front of a check whose inputs never
// repeat (phone numbers of a real list): every Get misses, every Put
// must make room.
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
		if _, ok := m.Get(k); !ok {
			m.Put(k, verdict{ok: true, a: k})
		}
	}
}

// TestHashCollision: two keys with one hash are told apart by the key
// kept in the entry (forced here; with 64-bit hashes it is rare).
func TestHashCollision(t *testing.T) {
	m := New[int](64)
	m.Put("a", 1)
	s, h := m.shard("a")
	s.young[h] = entry[int]{key: "b", v: 2} // "b" landed on a's hash
	if v, ok := m.Get("a"); ok {
		t.Errorf(`Get("a") = %d, true after a collision; want a miss`, v)
	}
	s.old, s.young = s.young, map[uint64]entry[int]{}
	if v, ok := m.Get("a"); ok {
		t.Errorf(`Get("a") = %d, true from the old generation after a collision; want a miss`, v)
	}
}
