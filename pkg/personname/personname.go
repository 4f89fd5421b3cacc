// Package personname judges whether a name on a lead is a person's name,
// and whether two names could belong to the same person.
package personname

// Check reports whether first and last (either may be empty) are not a
// person's name: a placeholder pair (Mickey Mouse, John Doe, Test Test), a
// keyboard mash, gibberish, repeated or single letters. why is a short
// explanation when bogus is true. Real names from many cultures (O'Brien,
// Nguyễn, Østergaard, 田中, Li Na) must never be bogus.
func Check(first, last string) (bogus bool, why string) { return false, "" } // TODO(personname helper)

// Related reports whether two names could be the same person: equal after
// folding case and accents, a nickname (Bob/Robert), an initial (J. Smith),
// first and last swapped, or close by Jaro-Winkler.
func Related(firstA, lastA, firstB, lastB string) bool { return true } // TODO(personname helper)
