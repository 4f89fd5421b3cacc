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
	"strconv"

	"github.com/leadclean/leadclean/pkg/personname"
)

// Position names where a lead was first seen.
type Position struct {
	File string
	Line int
}

type entry struct {
	file  int32
	line  int32
	phone uint64 // hash of the E.164 phone, 0 when none
	// first and last keep the name for the wrong_name comparison; most
	// are short, and they are only kept for email keys.
	first, last string
}

// Index remembers the leads seen so far. It is not safe for concurrent
// use: the pipeline feeds it rows in input order.
type Index struct {
	seed    maphash.Seed
	byEmail map[uint64]entry
	byPhone map[uint64]entry
	files   []string
	fileIdx map[string]int32
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
			if first.phone != 0 && l.E164 != "" && first.phone == maphash.String(ix.seed, l.E164) &&
				!personname.Related(first.first, first.last, l.FirstName, l.LastName) {
				res.WrongName = true
				res.Detail = "same email and phone as " + res.First.String() + " under another name"
			}
			return res
		}
		pos.first, pos.last = l.FirstName, l.LastName
		if l.E164 != "" {
			pos.phone = maphash.String(ix.seed, l.E164)
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

// Len returns the number of distinct keys held.
func (ix *Index) Len() int { return len(ix.byEmail) + len(ix.byPhone) }

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

// String renders file:line.
func (p Position) String() string {
	return p.File + ":" + strconv.Itoa(p.Line)
}
