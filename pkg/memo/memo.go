// Package memo is a bounded, concurrency-safe memo from string keys to
// values, for checks whose inputs repeat through a lead list: phone numbers
// (switchboards), email domains (every colleague, every Gmail user).
//
// It is sharded so that workers checking rows in parallel rarely wait on
// each other's lock. Each shard keeps two generations: new entries go into
// the young one; when it is full it becomes the old one and the previous
// old one is dropped whole. A value found in the old generation moves back
// into the young one, so the values that repeat all through a list (a
// switchboard, gmail.com) stay in, and memory stays bounded. (Evicting one
// entry at a time from a single map was a twentieth of a run over distinct
// phone numbers: deleted slots slow every later lookup.) A nil *Memo
// remembers nothing, so memoisation can be turned off by not making one.
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

// The maps are keyed by the key's 64-bit hash, computed once for the
// shard too, and hold the key to tell the rare collision from a hit:
// lookups then compare integers instead of hashing the key again and
// comparing strings.
type shard[V any] struct {
	mu           sync.Mutex
	young, old   map[uint64]entry[V]
	hits, misses uint64 // counted under mu, for Stats
}

type entry[V any] struct {
	key string
	v   V
}

// New returns a memo holding at most size entries (at least one per
// generation and shard), or nil, which remembers nothing, for size < 0.
func New[V any](size int) *Memo[V] {
	if size < 0 {
		return nil
	}
	// Two generations of perShard/2 hold at most size entries in all.
	m := &Memo[V]{seed: maphash.MakeSeed(), perShard: max(1, size/shards/2)}
	for i := range m.shards {
		m.shards[i].young = make(map[uint64]entry[V])
	}
	return m
}

func (m *Memo[V]) shard(key string) (*shard[V], uint64) {
	h := maphash.String(m.seed, key)
	return &m.shards[h%shards], h
}

// Do returns the value remembered for key, or else compute's, which it
// remembers (forgetting the old generation of key's shard when the young
// one is full). compute runs outside the lock and must depend on key
// alone: two goroutines missing one key may both run it. A nil memo
// always runs compute.
func (m *Memo[V]) Do(key string, compute func() V) V {
	if m == nil {
		return compute()
	}
	s, h := m.shard(key)
	s.mu.Lock()
	v, ok := s.lookup(h, key, m.perShard)
	s.mu.Unlock()
	if ok {
		return v
	}
	v = compute()
	s.mu.Lock()
	delete(s.old, h)
	s.add(h, entry[V]{key: key, v: v}, m.perShard)
	s.mu.Unlock()
	return v
}

// lookup finds key (of hash h), moving it back to the young generation
// when it is found in the old one, and counts the hit or miss. Called
// under s.mu.
func (s *shard[V]) lookup(h uint64, key string, limit int) (V, bool) {
	e, ok := s.young[h]
	if !ok {
		if e, ok = s.old[h]; ok && e.key == key {
			delete(s.old, h)
			s.add(h, e, limit)
		}
	}
	if !ok || e.key != key {
		s.misses++
		var zero V
		return zero, false
	}
	s.hits++
	return e.v, true
}

// add puts e in the young generation, which becomes the old one first
// when it holds limit entries. Called under s.mu.
func (s *shard[V]) add(h uint64, e entry[V], limit int) {
	if _, ok := s.young[h]; !ok && len(s.young) >= limit {
		// The old generation's map, emptied, is the next young one:
		// rotating allocates nothing.
		s.old, s.young = s.young, s.old
		if s.young == nil {
			s.young = make(map[uint64]entry[V], limit)
		}
		clear(s.young)
	}
	s.young[h] = e
}

// Stats returns how many lookups (Do) found a value (hits) and how
// many did not (misses) since the memo was made; both are 0 for a nil
// memo.
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

// Len returns the number of entries held (tests of the memo's users check
// their bounds with it).
func (m *Memo[V]) Len() int {
	if m == nil {
		return 0
	}
	total := 0
	for i := range m.shards {
		m.shards[i].mu.Lock()
		total += len(m.shards[i].young) + len(m.shards[i].old)
		m.shards[i].mu.Unlock()
	}
	return total
}
