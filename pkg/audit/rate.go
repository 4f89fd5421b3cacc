package audit

import "math"

// MinClosed is the fewest closed leads (converted + lost) a group needs
// before its conversion rate is judged and ranked. Below it the 95%
// interval is wider than about ±20 points whatever the rate (at 20 closed
// leads and a rate of 30% the Wilson interval runs from 14.5% to 51.9%),
// so a source, decision or reason with fewer says "too few closed leads to
// judge" instead: a program whose data is immature must not be cut on
// noise.
const MinClosed = 20

// z95 is the standard normal quantile of a two-sided 95% interval.
const z95 = 1.95996

// TooFew is the note of a group below MinClosed.
const TooFew = "too few closed leads to judge"

// Rate is a conversion rate among closed leads with its 95% Wilson score
// interval. Rate, Low and High are nil when the group has no closed lead.
type Rate struct {
	Closed    int      `json:"closed"`
	Converted int      `json:"converted"`
	Rate      *float64 `json:"rate"`
	Low       *float64 `json:"low"`
	High      *float64 `json:"high"`
	// Judged is false below MinClosed closed leads; Note then says why.
	Judged bool   `json:"judged"`
	Note   string `json:"note,omitempty"`
}

// NewRate returns the rate of converted among closed leads.
func NewRate(converted, closed int) Rate {
	r := Rate{Closed: closed, Converted: converted, Judged: closed >= MinClosed}
	if !r.Judged {
		r.Note = TooFew
	}
	if closed == 0 {
		return r
	}
	p := float64(converted) / float64(closed)
	lo, hi := Wilson(converted, closed, z95)
	r.Rate, r.Low, r.High = &p, &lo, &hi
	return r
}

// Wilson returns the Wilson score interval of k successes in n trials at
// normal quantile z (Wilson 1927; method 3 of Newcombe 1998, Statistics
// in Medicine 17:857). For n = 0 it returns 0, 1.
func Wilson(k, n int, z float64) (low, high float64) {
	if n <= 0 {
		return 0, 1
	}
	nf := float64(n)
	p := float64(k) / nf
	z2 := z * z
	center := p + z2/(2*nf)
	spread := z * math.Sqrt(p*(1-p)/nf+z2/(4*nf*nf))
	den := 1 + z2/nf
	low, high = (center-spread)/den, (center+spread)/den
	// The bounds are exactly 0 and 1 at k = 0 and k = n; keep rounding
	// from making them -1e-17.
	if k == 0 {
		low = 0
	}
	if k == n {
		high = 1
	}
	return low, high
}

// Lift is how many times more often qualified leads converted than
// rejected ones, among closed leads. Value is nil, and Note says why,
// when either group is below MinClosed or rejected leads never converted.
type Lift struct {
	Value *float64 `json:"value"`
	Note  string   `json:"note,omitempty"`
}

// newLift compares the qualified rate with the rejected one.
func newLift(qualified, rejected Rate) Lift {
	switch {
	case !qualified.Judged || !rejected.Judged:
		return Lift{Note: TooFew}
	case *rejected.Rate == 0:
		return Lift{Note: "no rejected lead converted"}
	}
	v := *qualified.Rate / *rejected.Rate
	return Lift{Value: &v}
}
