package phone

import (
	"hash/maphash"
	"strings"
	"sync"
)

// memoShards spreads the memo's locks so that workers checking numbers in
// parallel rarely wait on each other.
const memoShards = 16

// memo is a bounded, concurrency-safe map from a prepared number and its
// region to its verdict. When a shard is full, an arbitrary entry (Go's
// map iteration order is random) makes room: no unbounded growth, and the
// switchboard numbers that repeat all through an export stay in with high
// probability.
type memo struct {
	seed     maphash.Seed
	perShard int
	shards   [memoShards]memoShard
}

type memoShard struct {
	mu           sync.Mutex
	entries      map[string]Number
	hits, misses uint64 // counted under mu, for MemoStats
}

// newMemo returns a memo holding at most size entries, or nil (no
// memoisation) for size < 0.
func newMemo(size int) *memo {
	if size < 0 {
		return nil
	}
	m := &memo{seed: maphash.MakeSeed(), perShard: max(1, size/memoShards)}
	for i := range m.shards {
		m.shards[i].entries = make(map[string]Number)
	}
	return m
}

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

func (m *memo) shard(key string) *memoShard {
	return &m.shards[maphash.String(m.seed, key)%memoShards]
}

func (m *memo) get(key string) (Number, bool) {
	if m == nil {
		return Number{}, false
	}
	s := m.shard(key)
	s.mu.Lock()
	n, ok := s.entries[key]
	if ok {
		s.hits++
	} else {
		s.misses++
	}
	s.mu.Unlock()
	return n, ok
}

func (m *memo) put(key string, n Number) {
	if m == nil {
		return
	}
	s := m.shard(key)
	s.mu.Lock()
	if _, ok := s.entries[key]; !ok && len(s.entries) >= m.perShard {
		for old := range s.entries {
			delete(s.entries, old)
			break
		}
	}
	s.entries[key] = n
	s.mu.Unlock()
}

// stats returns the lookups that found a verdict and those that did not.
func (m *memo) stats() (hits, misses uint64) {
	if m == nil {
		return 0, 0
	}
	for i := range m.shards {
		m.shards[i].mu.Lock()
		hits += m.shards[i].hits
		misses += m.shards[i].misses
		m.shards[i].mu.Unlock()
	}
	return hits, misses
}

// len returns the number of entries held (for tests).
func (m *memo) len() int {
	if m == nil {
		return 0
	}
	total := 0
	for i := range m.shards {
		m.shards[i].mu.Lock()
		total += len(m.shards[i].entries)
		m.shards[i].mu.Unlock()
	}
	return total
}
