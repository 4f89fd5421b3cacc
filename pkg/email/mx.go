package email

import (
	"context"
	"errors"
	"net"
	"strings"
	"sync"
	"time"
)

// MXState is the outcome of a mail-exchanger lookup.
type MXState int

// The MX states. Only NoMail makes an address bogus; Unknown is never junk.
const (
	// MXUnknown: the lookup failed (time-out, SERVFAIL, network error).
	MXUnknown MXState = iota
	// MXOK: the domain has mail exchangers, or an address record that mail
	// falls back to (RFC 5321 5.1).
	MXOK
	// MXNoMail: the domain does not exist, publishes a null MX (RFC 7505),
	// or has neither MX nor A/AAAA records.
	MXNoMail
)

// String returns "ok", "no_mail" or "unknown".
func (s MXState) String() string {
	switch s {
	case MXOK:
		return "ok"
	case MXNoMail:
		return "no_mail"
	default:
		return "unknown"
	}
}

// MXResult is the outcome of [MXChecker.Check] for one domain.
type MXResult struct {
	State MXState
	// Detail says why, in lower case: "mx mail.acme.com", "a record",
	// "null mx", "no mx and no address records", "lookup timed out", ...
	Detail string
}

// MXChecker looks up whether domains can receive mail. It caches one
// result per domain for its lifetime, runs at most a fixed number of
// lookups at once and bounds each by a time-out. It is safe for concurrent
// use; concurrent checks of one domain share a single lookup.
type MXChecker struct {
	resolver *net.Resolver
	timeout  time.Duration
	slots    chan struct{}

	mu    sync.Mutex
	cache map[string]*mxEntry

	// canaries are domains known to receive mail (see SetCanaries).
	canaries   []string
	canaryOnce sync.Once
	untrusted  string // why the resolver's "no mail" cannot be believed
}

// MXStats counts a checker's lookups, one per domain.
type MXStats struct {
	// Domains is the number of distinct domains looked up.
	Domains int `json:"domains"`
	// Failed counts lookups that came back unknown (time-out, SERVFAIL,
	// no network, an untrusted resolver): their addresses were not judged.
	Failed int `json:"failed"`
	// NoMail counts domains found unable to receive mail.
	NoMail int `json:"no_mail"`
	// Untrusted, when set, says why every "no mail" answer was taken as
	// unknown: the resolver denied mail to a domain that has it.
	Untrusted string `json:"untrusted,omitempty"`
}

// SetCanaries names domains known to receive mail (large providers). The
// first Check looks them up first: when none of them has mail, the
// resolver is broken or lying (an outage, a captive portal, a sandbox
// answering NXDOMAIN for everything), and every "no mail" answer becomes
// unknown instead of rejecting a whole list. Canary lookups that fail
// leave results as they are (each failure is unknown anyway).
func (m *MXChecker) SetCanaries(domains ...string) { m.canaries = domains }

// Stats counts the lookups done so far.
func (m *MXChecker) Stats() MXStats {
	m.mu.Lock()
	defer m.mu.Unlock()
	st := MXStats{Untrusted: m.untrusted}
	for _, e := range m.cache {
		select {
		case <-e.done:
		default:
			continue
		}
		st.Domains++
		switch e.result.State {
		case MXUnknown:
			st.Failed++
		case MXNoMail:
			st.NoMail++
		}
	}
	return st
}

// checkCanaries decides once whether the resolver can be trusted.
func (m *MXChecker) checkCanaries(ctx context.Context) {
	if len(m.canaries) == 0 {
		return
	}
	denied := 0
	for _, d := range m.canaries {
		r := m.lookup(ctx, d)
		switch r.State {
		case MXOK:
			return
		case MXNoMail:
			denied++
		}
	}
	if denied > 0 {
		m.mu.Lock()
		m.untrusted = "the resolver says " + strings.Join(m.canaries, " and ") + " cannot receive mail either"
		m.mu.Unlock()
	}
}

// mxEntry is one domain's cached result; done is closed once it is set.
type mxEntry struct {
	done   chan struct{}
	result MXResult
}

// NewMXChecker returns an MXChecker using resolver (nil means
// net.DefaultResolver), giving each domain's lookups timeout (at most 5 s
// when zero or less) and running at most limit lookups at once (1 when
// limit is less than 1).
func NewMXChecker(resolver *net.Resolver, timeout time.Duration, limit int) *MXChecker {
	if resolver == nil {
		resolver = net.DefaultResolver
	}
	if timeout <= 0 {
		timeout = 5 * time.Second
	}
	if limit < 1 {
		limit = 1
	}
	return &MXChecker{
		resolver: resolver,
		timeout:  timeout,
		slots:    make(chan struct{}, limit),
		cache:    make(map[string]*mxEntry),
	}
}

// Check reports whether domain (ASCII, as in [Address.Domain]) can receive
// mail. A result is cached unless ctx ended before the lookup did.
func (m *MXChecker) Check(ctx context.Context, domain string) MXResult {
	domain = strings.TrimSuffix(strings.ToLower(domain), ".")
	if domain == "" {
		return MXResult{State: MXNoMail, Detail: "empty domain"}
	}
	for {
		m.mu.Lock()
		entry, ok := m.cache[domain]
		if !ok {
			entry = &mxEntry{done: make(chan struct{})}
			m.cache[domain] = entry
		}
		m.mu.Unlock()
		if !ok {
			return m.fill(ctx, domain, entry)
		}
		select {
		case <-entry.done:
		case <-ctx.Done():
			return MXResult{State: MXUnknown, Detail: "lookup cancelled"}
		}
		if entry.result.Detail != "" {
			return entry.result
		}
		// The lookup that filled entry was cancelled: try again.
	}
}

// fill runs the lookup for domain and publishes it in entry, or removes
// entry when ctx ended first so that a later Check tries again.
func (m *MXChecker) fill(ctx context.Context, domain string, entry *mxEntry) MXResult {
	m.canaryOnce.Do(func() { m.checkCanaries(ctx) })
	result := m.lookup(ctx, domain)
	m.mu.Lock()
	if result.State == MXNoMail && m.untrusted != "" {
		result = MXResult{State: MXUnknown, Detail: "lookup not trusted: " + m.untrusted}
	}
	if ctx.Err() != nil {
		delete(m.cache, domain)
	} else {
		entry.result = result
	}
	m.mu.Unlock()
	close(entry.done)
	return result
}

// lookup asks for MX records, then falls back to A/AAAA as mail does.
func (m *MXChecker) lookup(ctx context.Context, domain string) MXResult {
	select {
	case m.slots <- struct{}{}:
		defer func() { <-m.slots }()
	case <-ctx.Done():
		return MXResult{State: MXUnknown, Detail: "lookup cancelled"}
	}
	ctx, cancel := context.WithTimeout(ctx, m.timeout)
	defer cancel()

	// A trailing dot keeps the resolver from trying the search list.
	fqdn := domain + "."
	records, err := m.resolver.LookupMX(ctx, fqdn)
	if err == nil || len(records) > 0 {
		if len(records) == 1 && records[0].Host == "." {
			return MXResult{State: MXNoMail, Detail: "null mx"}
		}
		for _, mx := range records {
			if mx.Host != "." {
				return MXResult{State: MXOK, Detail: "mx " + strings.TrimSuffix(mx.Host, ".")}
			}
		}
		// An empty answer without error: fall through to addresses.
	} else if !notFound(err) {
		return failure(err)
	}

	addrs, err := m.resolver.LookupNetIP(ctx, "ip", fqdn)
	switch {
	case err == nil && len(addrs) > 0:
		return MXResult{State: MXOK, Detail: "a record"}
	case err == nil || notFound(err):
		return MXResult{State: MXNoMail, Detail: "no mx and no address records"}
	default:
		return failure(err)
	}
}

// notFound reports an authoritative "no such domain" or "no such record".
func notFound(err error) bool {
	var dnsErr *net.DNSError
	return errors.As(err, &dnsErr) && dnsErr.IsNotFound
}

// failure turns a lookup error that proves nothing into an Unknown result.
func failure(err error) MXResult {
	var dnsErr *net.DNSError
	switch {
	case errors.Is(err, context.DeadlineExceeded), errors.As(err, &dnsErr) && dnsErr.IsTimeout:
		return MXResult{State: MXUnknown, Detail: "lookup timed out"}
	case errors.Is(err, context.Canceled):
		return MXResult{State: MXUnknown, Detail: "lookup cancelled"}
	case errors.As(err, &dnsErr) && dnsErr.Err != "":
		return MXResult{State: MXUnknown, Detail: "lookup failed: " + dnsErr.Err}
	default:
		return MXResult{State: MXUnknown, Detail: "lookup failed"}
	}
}
