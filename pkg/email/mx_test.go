package email

import (
	"context"
	"net"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/miekg/dns"
)

// dnsZone answers from a fixed table; names under "slow." are never
// answered and "broken." gets SERVFAIL.
type dnsZone struct {
	mx      map[string][]*dns.MX
	a       map[string]net.IP
	queries atomic.Int64
	// Names under "hold." wait for release, then get SERVFAIL; held
	// records each distinct name asked.
	release chan struct{}
	held    sync.Map
}

func (z *dnsZone) ServeDNS(w dns.ResponseWriter, req *dns.Msg) {
	z.queries.Add(1)
	q := req.Question[0]
	name := dns.CanonicalName(q.Name)
	if strings.HasPrefix(name, "slow.") {
		return // never answer: the client must time out
	}
	if strings.HasPrefix(name, "hold.") {
		z.held.Store(name, true)
		<-z.release
		resp := new(dns.Msg)
		resp.SetReply(req)
		resp.Rcode = dns.RcodeServerFailure
		_ = w.WriteMsg(resp)
		return
	}
	resp := new(dns.Msg)
	resp.SetReply(req)
	resp.Authoritative = true
	if strings.HasPrefix(name, "broken.") {
		resp.Rcode = dns.RcodeServerFailure
		_ = w.WriteMsg(resp)
		return
	}
	_, hasMX := z.mx[name]
	_, hasA := z.a[name]
	if !hasMX && !hasA {
		resp.Rcode = dns.RcodeNameError
		_ = w.WriteMsg(resp)
		return
	}
	switch q.Qtype {
	case dns.TypeMX:
		for _, mx := range z.mx[name] {
			rr := *mx
			rr.Hdr = dns.RR_Header{Name: q.Name, Rrtype: dns.TypeMX, Class: dns.ClassINET, Ttl: 60}
			resp.Answer = append(resp.Answer, &rr)
		}
	case dns.TypeA:
		if ip, ok := z.a[name]; ok {
			resp.Answer = append(resp.Answer, &dns.A{
				Hdr: dns.RR_Header{Name: q.Name, Rrtype: dns.TypeA, Class: dns.ClassINET, Ttl: 60},
				A:   ip,
			})
		}
	}
	_ = w.WriteMsg(resp)
}

// startDNS runs zone on a loopback UDP port and returns a resolver that
// asks only it.
func startDNS(t *testing.T, zone *dnsZone) *net.Resolver {
	t.Helper()
	conn, err := net.ListenPacket("udp", "127.0.0.1:0")
	if err != nil {
		t.Fatalf("listen: %v", err)
	}
	started := make(chan struct{})
	server := &dns.Server{PacketConn: conn, Handler: zone, NotifyStartedFunc: func() { close(started) }}
	go func() { _ = server.ActivateAndServe() }()
	<-started
	t.Cleanup(func() { _ = server.Shutdown() })
	addr := conn.LocalAddr().String()
	return &net.Resolver{
		PreferGo: true,
		Dial: func(ctx context.Context, _, _ string) (net.Conn, error) {
			var d net.Dialer
			return d.DialContext(ctx, "udp", addr)
		},
	}
}

func testZone() *dnsZone {
	return &dnsZone{
		mx: map[string][]*dns.MX{
			"acme.test.":      {{Preference: 10, Mx: "mail.acme.test."}},
			"nullmx.test.":    {{Preference: 0, Mx: "."}},
			"twomx.test.":     {{Preference: 20, Mx: "b.twomx.test."}, {Preference: 10, Mx: "a.twomx.test."}},
			"mail.acme.test.": nil,
		},
		a: map[string]net.IP{
			"aonly.test.":     net.IPv4(192, 0, 2, 1),
			"mail.acme.test.": net.IPv4(192, 0, 2, 2),
			"nullmx.test.":    net.IPv4(192, 0, 2, 3),
		},
	}
}

func TestMXChecker(t *testing.T) {
	zone := testZone()
	checker := NewMXChecker(startDNS(t, zone), 300*time.Millisecond, 4)
	tests := []struct {
		domain string
		want   MXState
		detail string
	}{
		{"acme.test", MXOK, "mx mail.acme.test"},
		{"ACME.test.", MXOK, "mx mail.acme.test"},
		{"twomx.test", MXOK, ""},
		{"aonly.test", MXOK, "a record"},
		{"nxdomain.test", MXNoMail, "no mx and no address records"},
		{"nullmx.test", MXNoMail, "null mx"}, // a null MX wins over its A record
		{"slow.test", MXUnknown, "lookup timed out"},
		{"broken.test", MXUnknown, ""},
		{"", MXNoMail, "empty domain"},
	}
	for _, tt := range tests {
		t.Run(tt.domain, func(t *testing.T) {
			got := checker.Check(context.Background(), tt.domain)
			if got.State != tt.want {
				t.Fatalf("Check(%q) = %v (%s), want %v", tt.domain, got.State, got.Detail, tt.want)
			}
			if tt.detail != "" && got.Detail != tt.detail {
				t.Errorf("Check(%q).Detail = %q, want %q", tt.domain, got.Detail, tt.detail)
			}
		})
	}
}

func TestMXCheckerCachesAndLimits(t *testing.T) {
	zone := testZone()
	checker := NewMXChecker(startDNS(t, zone), time.Second, 2)
	var wg sync.WaitGroup
	for range 16 {
		wg.Go(func() {
			if got := checker.Check(context.Background(), "acme.test"); got.State != MXOK {
				t.Errorf("Check(acme.test) = %v (%s), want ok", got.State, got.Detail)
			}
		})
	}
	wg.Wait()
	if n := zone.queries.Load(); n != 1 {
		t.Errorf("16 checks of one domain sent %d queries, want 1 (cached, shared)", n)
	}
	// A cancelled caller gets Unknown and the result is not cached.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if got := checker.Check(ctx, "aonly.test"); got.State != MXUnknown {
		t.Errorf("Check with a cancelled context = %v, want unknown", got.State)
	}
	if got := checker.Check(context.Background(), "aonly.test"); got.State != MXOK {
		t.Errorf("Check after a cancelled one = %v (%s), want ok", got.State, got.Detail)
	}
}

func TestMXStateString(t *testing.T) {
	for state, want := range map[MXState]string{MXOK: "ok", MXNoMail: "no_mail", MXUnknown: "unknown"} {
		if got := state.String(); got != want {
			t.Errorf("%d.String() = %q, want %q", state, got, want)
		}
	}
}

func TestMXCheckerConcurrencyLimit(t *testing.T) {
	zone := testZone()
	zone.release = make(chan struct{})
	checker := NewMXChecker(startDNS(t, zone), 30*time.Second, 2)
	held := func() int {
		n := 0
		zone.held.Range(func(_, _ any) bool { n++; return true })
		return n
	}
	var wg sync.WaitGroup
	for _, domain := range []string{"hold.a.test", "hold.b.test", "hold.c.test", "hold.d.test"} {
		wg.Go(func() {
			if got := checker.Check(context.Background(), domain); got.State != MXUnknown {
				t.Errorf("Check(%q) = %v, want unknown", domain, got.State)
			}
		})
	}
	// Two lookups reach the server and are held there; the other two
	// must wait for a slot, however long we give them.
	for deadline := time.Now().Add(10 * time.Second); held() < 2 && time.Now().Before(deadline); {
		time.Sleep(10 * time.Millisecond)
	}
	time.Sleep(200 * time.Millisecond)
	if n := held(); n != 2 {
		t.Errorf("%d domains looked up at once with a limit of 2", n)
	}
	close(zone.release)
	wg.Wait()
	if n := held(); n != 4 {
		t.Errorf("%d domains looked up in all, want 4", n)
	}
}

// TestMXResolverOutage: a resolver that denies mail to every domain (an
// outage, a sandbox answering NXDOMAIN) is caught by the canaries: no
// address is bogus for it, and the stats say every lookup failed.
func TestMXResolverOutage(t *testing.T) {
	zone := testZone()
	lying := NewMXChecker(startDNS(t, zone), time.Second, 2)
	lying.SetCanaries("bigmail.test") // not in the zone: the resolver denies it
	for _, d := range []string{"nxdomain.test", "other.test", "acme.test"} {
		got := lying.Check(context.Background(), d)
		if got.State == MXNoMail {
			t.Errorf("Check(%q) = no_mail from an untrusted resolver (%s)", d, got.Detail)
		}
	}
	st := lying.Stats()
	if st.Domains != 3 || st.Failed != 2 || st.NoMail != 0 || st.Untrusted == "" {
		t.Errorf("stats %+v, want 3 domains, 2 failed, none without mail, untrusted", st)
	}

	trusted := NewMXChecker(startDNS(t, zone), time.Second, 2)
	trusted.SetCanaries("acme.test")
	if got := trusted.Check(context.Background(), "nxdomain.test"); got.State != MXNoMail {
		t.Errorf("with a canary that has mail, nxdomain.test = %v (%s), want no_mail", got.State, got.Detail)
	}
	if st := trusted.Stats(); st.NoMail != 1 || st.Untrusted != "" {
		t.Errorf("stats %+v", st)
	}
}
