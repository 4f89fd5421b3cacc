// Package dedup finds duplicate leads within one run, across all input
// files, keeping only hashed keys and the first occurrence's position in
// memory, never whole rows.
//
// Two leads are the same when their normalised email matches (see
// email.Address.DedupKey: case-insensitive, gmail dots and +tags folded);
// when a lead has no usable email, when its E.164 phone and normalised
// name match. The first occurrence stays; later ones are duplicates.
//
// The index also catches the cross-row half of wrong_name: a later row
// with the same email and the same phone as an earlier one, under a name
// that is not the earlier person's (not a nickname, initial or case
// variant; see personname.Related).
package dedup

import (
	"hash/maphash"
	"unicode/utf8"

	"github.com/leadclean/leadclean/pkg/lead"
	"github.com/leadclean/leadclean/pkg/personname"
)

// Position names where a lead was first seen.
type Position = lead.Position

// entry is what the index keeps of a first occurrence: 16 bytes without
// pointers, so a map of millions of them costs the garbage collector
// nothing to scan, and nothing of the row it came from stays alive.
type entry struct {
	file  int32
	line  int32
	phone uint32 // hash of the E.164 phone, 0 when none
	// name locates the first and last name in the names arena, kept for
	// the wrong_name comparison of email keys that have a phone.
	name uint32
}

// chunkBits sizes the chunks of the names arena (1 MiB); a uint32
// reference reaches 4 GiB of names, far beyond any export.
const chunkBits = 20

// maxNameLen is the longest first or last name kept, in bytes: no
// person's name is longer, and the comparison only needs the words at
// the start.
const maxNameLen = 255

// names is an append-only arena of names, in chunks so that growing it
// never copies what it holds. Each entry is the first name's length, the
// last name's length (a byte each), then both names.
type names struct {
	chunks [][]byte
}

// add stores first and last and returns their reference, or false when
// the arena is full.
func (n *names) add(first, last string) (uint32, bool) {
	first, last = cut(first, maxNameLen), cut(last, maxNameLen)
	size := 2 + len(first) + len(last)
	c := len(n.chunks) - 1
	if c < 0 || len(n.chunks[c])+size > cap(n.chunks[c]) {
		if len(n.chunks) >= 1<<(32-chunkBits) {
			return 0, false
		}
		n.chunks = append(n.chunks, make([]byte, 0, 1<<chunkBits))
		c++
	}
	ref := uint32(c<<chunkBits | len(n.chunks[c]))
	b := append(n.chunks[c], byte(len(first)), byte(len(last)))
	n.chunks[c] = append(append(b, first...), last...)
	return ref, true
}

// get returns the names stored under ref.
func (n *names) get(ref uint32) (first, last string) {
	chunk := n.chunks[ref>>chunkBits]
	b := chunk[ref&(1<<chunkBits-1):]
	lf, ll := int(b[0]), int(b[1])
	return string(b[2 : 2+lf]), string(b[2+lf : 2+lf+ll])
}

// cut returns s cut to at most n bytes, at a character boundary.
func cut(s string, n int) string {
	if len(s) <= n {
		return s
	}
	for n > 0 && !utf8.RuneStart(s[n]) {
		n--
	}
	return s[:n]
}

// Index remembers the leads seen so far. It is not safe for concurrent
// use: the pipeline feeds it rows in input order.
type Index struct {
	seed    maphash.Seed
	byEmail map[uint64]entry
	byPhone map[uint64]entry
	files   []string
	fileIdx map[string]int32
	names   names
}

// New returns an empty index.
func New() *Index {
	return &Index{
		seed:    maphash.MakeSeed(),
		byEmail: make(map[uint64]entry),
		byPhone: make(map[uint64]entry),
		fileIdx: make(map[string]int32),
	}
}

// Lead is what the index needs of a lead.
type Lead struct {
	File      string
	Line      int
	EmailKey  string // email.Address.DedupKey; "" when missing or bogus
	E164      string // "" when missing or invalid
	FirstName string
	LastName  string
}

// Result is the verdict on one lead.
type Result struct {
	// Duplicate is true when an earlier lead had the same key; First is
	// where that lead was.
	Duplicate bool
	First     Position
	// WrongName is true when the earlier lead had the same email and
	// phone under an unrelated name; Detail names it.
	WrongName bool
	Detail    string
}

// Check records l and reports whether it repeats an earlier lead.
func (ix *Index) Check(l Lead) Result {
	pos := entry{file: ix.file(l.File), line: int32(min(l.Line, 1<<31-1))}
	if l.EmailKey != "" {
		key := maphash.String(ix.seed, l.EmailKey)
		if first, ok := ix.byEmail[key]; ok {
			res := Result{Duplicate: true, First: ix.position(first)}
			if first.phone != 0 && l.E164 != "" && first.phone == ix.phoneHash(l.E164) {
				firstName, lastName := ix.names.get(first.name)
				if !personname.Related(firstName, lastName, l.FirstName, l.LastName) {
					res.WrongName = true
					res.Detail = "same email and phone as " + res.First.String() + " under another name"
				}
			}
			return res
		}
		// Names are only compared when the phone matches too, so they
		// are only kept with a phone.
		if l.E164 != "" {
			if ref, ok := ix.names.add(l.FirstName, l.LastName); ok {
				pos.phone = ix.phoneHash(l.E164)
				pos.name = ref
			}
		}
		ix.byEmail[key] = pos
		return Result{}
	}
	if l.E164 == "" {
		return Result{}
	}
	key := maphash.String(ix.seed, l.E164+"\x00"+personname.Key(l.FirstName, l.LastName))
	if first, ok := ix.byPhone[key]; ok {
		return Result{Duplicate: true, First: ix.position(first)}
	}
	ix.byPhone[key] = pos
	return Result{}
}

// phoneHash is a 32-bit hash of a phone number, never 0. It is only
// compared for leads whose email keys already match, so a collision
// (one in four billion) costs nothing but a skipped name comparison.
func (ix *Index) phoneHash(e164 string) uint32 {
	return max(1, uint32(maphash.String(ix.seed, e164)))
}

func (ix *Index) file(name string) int32 {
	if i, ok := ix.fileIdx[name]; ok {
		return i
	}
	i := int32(len(ix.files))
	ix.files = append(ix.files, name)
	ix.fileIdx[name] = i
	return i
}

func (ix *Index) position(e entry) Position {
	return Position{File: ix.files[e.file], Line: int(e.line)}
}
