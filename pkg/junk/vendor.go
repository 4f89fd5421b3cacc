package junk

import (
	"bytes"
	"errors"
	"fmt"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// A pitch is recognised by its structure, not by a list of sentences. Its
// parts, each a small set of cues in English, German, French and Spanish
// (matched as whole words after folding case, accents and punctuation):
//   - seller: the writer speaks for a firm that sells ("we are a web
//     design agency", "our developers", "I run a small agency");
//   - offer: services are offered ("we offer", "we help companies",
//     "packages start at", "per hour", "free audit");
//   - promise: something is promised about the reader's site, traffic,
//     rankings, pipeline or costs ("your website", "increase your
//     traffic", "cut your costs", "first page of Google");
//   - call: a call to action from the seller ("open to a quick call?",
//     "shall I send", "reply YES", "book a call").
//
// A message pitches when it shows at least two of these parts, one of
// them an offer or a promise (what is sold). A prospect asking for the
// same services ("we need help with SEO", "looking for an agency for our
// app", "can you send a quote") shows asking cues instead; a message with
// asking cues pitches only with three parts. A company name that sounds
// like an agency and a sales title are supporting evidence: they count as
// one more part, never alone. A few products are pitched to a website
// owner and bought by nobody through its contact form (guest posts, link
// building, attendee lists): they are an offer and a promise at once.
var (
	sellerCues = []string{
		"our team", "our agency", "our company", "our developers", "our designers", "our experts",
		"our consultants", "our growth team", "our development team", "our engineers", "our studio",
		"we offer", "we provide", "we are offering", "we re offering", "were offering", "i noticed your website",
		"i came across your website", "i was checking your website", "i was on your website",
		"i ran your site", "i noticed your site", "wir bieten", "nous proposons", "nous offrons", "ofrecemos",
		"i run a", "i am an expert", "i m an expert", "i am a freelance", "i specialise", "i specialize",
		"we specialise", "we specialize", "we have delivered", "we have helped", "we helped",
		"i helped", "i have been helping", "unser team", "unser entwicklerteam", "unsere agentur",
		"unsere entwickler", "notre equipe", "notre agence", "nos designers", "nos developpeurs",
		"nuestro equipo", "nuestra agencia", "nuestros desarrolladores",
		"going through your website", "surfing through your website", "visiting your website", "analysed your website", "analyzed your website", "examining your website", "checked your website", "i am affiliated with", "has helped over", "have helped over", "my company", "our clients range", "beim besuch ihrer website", "ihre website gepruft", "unsere firma", "en parcourant votre site", "notre societe", "a aide plus de", "nuestra empresa", "revise su sitio web", "somos un equipo",
	}
	// sellerLeads followed within a few words by a sellerNoun say "we are
	// an agency"; "we are a 20-person logistics company" is not one.
	sellerLeads = []string{"we are a", "we are an", "we re a", "we re an", "were a", "were an", "we are the", "we are team",
		"we are a team", "wir sind eine", "wir sind ein", "nous sommes une", "nous sommes un",
		"somos una", "somos un"}
	sellerNouns = []string{"agency", "agencies", "studio", "consultancy", "consultants", "freelancer",
		"outsourcing", "provider", "development company", "design company", "marketing company",
		"seo company", "software house", "certified", "experts", "agentur", "full service agentur",
		"dienstleister", "agence", "cabinet", "prestataire", "agencia", "empresa de externalizacion",
		"consultora", "estudio"}
	offerCues = []string{
		"we offer", "we provide", "we can fix", "we can help", "we can reduce", "we can increase",
		"we can redesign", "we can migrate", "we can streamline", "we help companies",
		"we help businesses", "we help firms", "we help saas", "we help startups", "we help b2b",
		"we help local", "helps local", "helping startups", "i can get", "i can offer", "i can make",
		"i can fix", "can start next week", "packages start", "package starts", "our package",
		"our packages", "our seo package", "link building packages", "our maintenance plan",
		"our rates", "my rates", "price list", "per hour", "an hour", "a month", "per month",
		"free audit", "free quote", "free consultation", "free trial week", "free teardown",
		"free vulnerability scan", "free 15 minute", "fixed price", "at affordable prices",
		"affordable prices", "at a fraction", "done for you", "dedicated developers",
		"dedicated development team", "offshore development", "offshore team", "outsourcing partner",
		"white hat", "hire me", "pilot it free", "we are offering", "we re offering", "were offering", "in 30 days",
		"within 30 days", "within 90 days", "in 90 days", "in 2 weeks", "in two weeks", "in 6 months", "wir bieten", "wir helfen", "ubernimmt ihre",
		"pro stunde", "zu fairen preisen", "kostenloses angebot", "nous proposons", "nous aidons",
		"nous pouvons", "a moindre cout", "prix fixe", "par mois", "consultation gratuite",
		"ofrecemos", "ayudamos a empresas", "le ayudamos", "podemos solucionarlo", "la hora",
		"presupuesto gratis", "paquetes de enlaces",
		"we can get you", "we can build you", "we can show you", "we can put you", "we can take you", "we can rocket you", "we guarantee", "guaranteed", "reasonable price", "cheaper price", "rock bottom price", "low cost", "excellent rates", "offshore facility", "offshore prices", "seo services", "seo company", "seo experts", "skilled developers", "do you need website", "do you need web", "do you need seo", "do you need app", "wir bringen sie", "podemos ponerle", "nous pouvons vous", "bajo coste", "expertos en seo", "a bas prix",
	}
	promiseCues = []string{
		"your website", "your site", "your traffic", "your organic traffic", "your rankings",
		"your ranking", "your competitors", "your checkout", "your reviews", "your costs",
		"your pipeline", "your landing page", "your conversions", "your cloud costs",
		"your staffing costs", "your crm", "your inbox", "your business", "your team",
		"increase your", "boost your", "double their", "double your", "lift conversions",
		"cut your", "reduce your", "save up to", "costing you", "first page of google",
		"ranking for", "qualified demos", "qualified buyers", "qualified prospects", "3x pipeline",
		"faster without adding headcount", "ihre website", "ihren traffic", "ihre konkurrenz",
		"ihre personalkosten", "ihre softwareprojekte", "erste seite bei google", "steigern wir",
		"senken", "votre site", "vos projets", "vos frais", "reduire vos", "premiere page de google",
		"la votre", "su web", "su competencia", "sus visitas", "sus costes", "primera pagina de google",
		"como la suya", "rendez vous qualifies", "reuniones cualificadas", "qualifizierte termine",
		"top of google", "top page ranking", "page 1", "1st page", "top ranking", "more traffic", "more clients", "potential clients", "triple your", "spitze von google", "an die spitze", "la premiere page", "primera pagina", "engineering capacity", "reducing the time and cost", "not ranking", "your most important keywords", "ihre wichtigsten", "votre site", "su sitio web",
	}
	callCues = []string{
		"open to a quick", "open to a 15", "open to a call", "worth a quick", "worth a 10",
		"worth a conversation", "quick chat", "quick call", "can we schedule", "shall i", "want me to send",
		"can i send", "may i send", "i will send", "i ll send", "i will share", "reply yes",
		"reply to book", "reply and i", "replying to this", "if you reply", "just reply",
		"book a call", "book a free", "let me know if interested", "let me know if you would like",
		"let us know a good time", "when can we talk", "would you be open", "would it be useful",
		"are you free for a call", "interested", "get a free quote", "check our price list",
		"hire dedicated", "hire our", "get your site", "get your website",
		"darf ich ihnen", "wann passt ihnen", "hatten sie nachste woche", "gerne sende ich",
		"jetzt kostenloses", "je vous envoie", "pouvons nous planifier", "seriez vous disponible",
		"contactez nous pour", "puis je vous envoyer", "repondez oui", "le envio", "cuando podemos hablar",
		"tiene 15 minutos", "solicite su", "le interesa",
		"just reply", "reply now", "reply to this email", "share your phone", "send us your", "when i can call you", "let me know when", "claim the offer", "love to share", "antworten sie einfach", "sende ihnen gern", "quand puis je vous appeler", "le podemos llamar",
	}
	// askingCues are how prospects ask for services: a request, a need.
	askingCues = []string{
		"we need", "we urgently need", "we are looking for", "we re looking for", "looking for an",
		"looking for a", "looking for help", "our team is looking", "we would like", "we want",
		"can you send", "could you send", "can you tell", "could you tell", "could someone",
		"please send", "send me a quote", "send us", "do you offer", "do you support", "do you have",
		"do you integrate", "does the tool", "does your tool", "is there a free trial",
		"requesting a quote", "interested in your", "who should i contact", "what does onboarding",
		"what are your", "are you able to take", "can you help", "can your product", "can we book a demo",
		"we brauchen", "wir brauchen", "wir suchen", "bitte senden sie", "konnen sie", "bieten sie",
		"funktioniert das tool", "nous avons besoin", "nous cherchons", "pouvez vous", "merci de nous envoyer",
		"proposez vous", "est ce que", "pourriez vous", "necesitamos", "buscamos", "nos pueden",
		"por favor envienme", "tienen una", "me pueden", "la herramienta funciona",
	}
	// productCues are sold to website owners and bought by nobody through
	// a lead form: an offer and a promise at once.
	productCues = []string{
		"guest post", "guest posts", "guest posting", "link building", "backlinks", "high quality backlinks",
		"attendee list", "attendees list", "list of attendees", "email list of attendees",
		"contact list of attendees", "verified list of attendees", "appointment setting",
	}
	// agencyCompanyWords in a company name and salesTitleWords in a job
	// title are supporting evidence for a pitch, never enough alone. Both
	// are narrow: prospects work at media companies and in sales too.
	agencyCompanyWords = []string{"agency", "seo", "outsourcing", "offshore", "leadgen", "lead generation",
		"digital agency", "marketing agency", "web design", "webdesign", "agentur", "agence", "agencia"}
	salesTitleWords = []string{"business development", "growth consultant", "growth hacker", "partnerships",
		"outreach", "bdr", "sdr"}
)

// vendor finds people pitching services to us: a message shaped like a
// pitch (see the cue lists above), one of the rulebook's extra phrases,
// or the company on the rulebook's vendor list (compared like competitor
// names: exact after normalising, never by substring).
type vendor struct {
	seller, offer, promise, call, asking, product, extra *phraseSet
	sellerNouns                                          *phraseSet
	sellerLeads                                          [][]byte // folded, each ending in a space
	companies                                            map[string]string
	norm                                                 *companyNormalizer
}

var _ Detector = (*vendor)(nil)

func newVendor(cfg VendorConfig, cn *companyNormalizer) (*vendor, error) {
	d := &vendor{
		companies:   map[string]string{},
		norm:        cn,
		seller:      newPhraseSet(sellerCues),
		offer:       newPhraseSet(offerCues),
		promise:     newPhraseSet(promiseCues),
		call:        newPhraseSet(callCues),
		asking:      newPhraseSet(askingCues),
		product:     newPhraseSet(productCues),
		sellerNouns: newPhraseSet(sellerNouns),
	}
	for _, lead := range sellerLeads {
		d.sellerLeads = append(d.sellerLeads, append(appendFolded(nil, lead), ' '))
	}
	var errs []error
	for i, p := range cfg.Phrases {
		if strings.TrimSpace(folded(p)) == "" {
			errs = append(errs, fmt.Errorf("phrases[%d]: %q has no letters or digits", i, p))
		}
	}
	for i, name := range cfg.Companies {
		k := cn.key(name)
		if k == "" {
			errs = append(errs, fmt.Errorf("companies[%d]: %q has no letters or digits", i, name))
			continue
		}
		d.companies[k] = name
	}
	d.extra = newPhraseSet(cfg.Phrases)
	return d, errors.Join(errs...)
}

func (d *vendor) Reason() lead.Reason { return lead.Vendor }

func (d *vendor) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.Message) || (len(d.companies) > 0 && c.Has(lead.Company)) {
		return true, ""
	}
	if len(d.companies) > 0 {
		return false, "no message or company column"
	}
	return false, "no message column"
}

func (d *vendor) Detect(l *lead.Lead) (string, bool) {
	if len(d.companies) > 0 {
		if name := l.Get(lead.Company); name != "" {
			if listed, ok := d.norm.lookup(d.companies, name); ok {
				return fmt.Sprintf("company %q is on the vendor list as %q", name, listed), true
			}
		}
	}
	msg := l.Get(lead.Message)
	if msg == "" {
		return "", false
	}
	var buf [512]byte
	text := appendFolded(buf[:0], msg)
	if p, ok := d.extra.match(text); ok {
		return fmt.Sprintf("message pitches %q", p), true
	}
	return d.pitch(text, l.Get(lead.Company), l.Get(lead.JobTitle))
}

// pitch judges a folded message by its parts; company and title are
// supporting evidence.
func (d *vendor) pitch(text []byte, company, title string) (string, bool) {
	var parts []string
	cue := func(part string, ps *phraseSet) bool {
		if p, ok := ps.match(text); ok {
			parts = append(parts, fmt.Sprintf("%s %q", part, p))
			return true
		}
		return false
	}
	product := cue("product", d.product)
	seller := cue("seller", d.seller)
	if !seller {
		if p, ok := d.sellerVoice(text); ok {
			parts = append(parts, fmt.Sprintf("seller %q", p))
			seller = true
		}
	}
	offer := cue("offer", d.offer)
	promise := cue("promise", d.promise)
	call := cue("call", d.call)
	_, asking := d.asking.match(text)

	count := countTrue(seller, offer, promise, call)
	if product {
		count += 2
	}
	if count > 0 && containsWord(folded(company), agencyCompanyWords) {
		parts = append(parts, fmt.Sprintf("company %q", company))
		count++
	}
	if count > 0 && containsWord(folded(title), salesTitleWords) {
		parts = append(parts, fmt.Sprintf("title %q", title))
		count++
	}
	need := 2
	if asking {
		need = 3
	}
	if count < need || !(offer || promise || product) {
		return "", false
	}
	return "message pitches: " + strings.Join(parts, ", "), true
}

// sellerVoice finds "we are a/an ..." followed within six words by a word
// that names a selling firm ("we are a web performance agency").
func (d *vendor) sellerVoice(text []byte) (string, bool) {
	for start := 0; start < len(text); {
		rest := text[start:]
		for _, p := range d.sellerLeads {
			if !bytes.HasPrefix(rest, p) {
				continue
			}
			window := rest[len(p):]
			for i, n := 0, 0; i < len(window) && n < 7; i++ {
				if window[i] == ' ' {
					n++
				}
				if n == 7 {
					window = window[:i]
				}
			}
			if noun, ok := d.sellerNouns.match(window); ok {
				return strings.TrimSpace(string(p)) + " … " + noun, true
			}
		}
		next := bytes.IndexByte(rest, ' ')
		if next < 0 {
			break
		}
		start += next + 1
	}
	return "", false
}

func countTrue(bs ...bool) int {
	n := 0
	for _, b := range bs {
		if b {
			n++
		}
	}
	return n
}

// containsWord reports whether folded text holds one of the words (or
// word sequences) as whole words.
func containsWord(text string, words []string) bool {
	if text == "" {
		return false
	}
	padded := " " + text + " "
	for _, w := range words {
		if strings.Contains(padded, " "+w+" ") {
			return true
		}
	}
	return false
}
