// Package memo is a bounded, concurrency-safe memo from string keys to
// values, for checks whose inputs repeat through a lead list: phone numbers
// (switchboards), email domains (every colleague, every Gmail user).
//
// It is sharded so that workers checking rows in parallel rarely wait on
// each other's lock. When a shard is full, an arbitrary entry (Go's map
// iteration order is random) makes room: memory stays bounded, and the
// values that repeat all through a list stay in with high probability. A
// nil *Memo remembers nothing, so memoisation can be turned off by not
// making one.
package memo

import (
	"hash/maphash"
	"sync"
)

const shards = 16

// Memo maps keys to values, holding at most about the size it was made
// with.
type Memo[V any] struct {
	seed     maphash.Seed
	perShard int
	shards   [shards]shard[V]
}

type shard[V any] struct {
	mu           sync.Mutex
	entries      map[string]V
	hits, misses uint64 // counted under mu, for Stats
}

// New returns a memo holding at most size entries (at least one per
// shard), or nil, which remembers nothing, for size < 0.
func New[V any](size int) *Memo[V] {
	if size < 0 {
		return nil
	}
	m := &Memo[V]{seed: maphash.MakeSeed(), perShard: max(1, size/shards)}
	for i := range m.shards {
		m.shards[i].entries = make(map[string]V)
	}
	return m
}

func (m *Memo[V]) shard(key string) *shard[V] {
	return &m.shards[maphash.String(m.seed, key)%shards]
}

// Get returns the value remembered for key.
func (m *Memo[V]) Get(key string) (V, bool) {
	if m == nil {
		var zero V
		return zero, false
	}
	s := m.shard(key)
	s.mu.Lock()
	v, ok := s.entries[key]
	if ok {
		s.hits++
	} else {
		s.misses++
	}
	s.mu.Unlock()
	return v, ok
}

// Put remembers v for key, forgetting another entry of its shard when the
// shard is full.
func (m *Memo[V]) Put(key string, v V) {
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
	s.entries[key] = v
	s.mu.Unlock()
}

// Stats returns how many Gets found a value (hits) and how many did not
// (misses) since the memo was made; both are 0 for a nil memo.
func (m *Memo[V]) Stats() (hits, misses uint64) {
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

// Len returns the number of entries held.
func (m *Memo[V]) Len() int {
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
