package leadgen

// seenSet is a Bloom filter of the duplicate keys handed out so far. A
// false positive only makes the generator pick another spelling, so a
// fixed size serves any row count. Its hash is FNV-1a, not maphash: the
// set must behave the same in every process for the output to be
// deterministic.
type seenSet struct {
	bits []uint64
	mask uint64
}

const (
	minSeenBits = 1 << 16
	maxSeenBits = 1 << 28 // 32 MiB
)

// newSeenSet sizes the set for about rows keys (16 bits a key).
func newSeenSet(rows int) *seenSet {
	n := uint64(minSeenBits)
	for n < uint64(rows)*16 && n < maxSeenBits {
		n <<= 1
	}
	return &seenSet{bits: make([]uint64, n/64), mask: n - 1}
}

// add records key and reports whether it was new.
func (s *seenSet) add(key []byte) bool {
	h := uint64(14695981039346656037)
	for _, c := range key {
		h ^= uint64(c)
		h *= 1099511628211
	}
	h1, h2 := h, (h>>29|h<<35)|1
	isNew := false
	for i := uint64(0); i < 4; i++ {
		bit := (h1 + i*h2) & s.mask
		word, m := bit/64, uint64(1)<<(bit%64)
		if s.bits[word]&m == 0 {
			isNew = true
			s.bits[word] |= m
		}
	}
	return isNew
}
