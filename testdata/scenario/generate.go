//go:build ignore

// generate writes the prize-draw scenario: a Salesforce export of Q3 2026
// (with a few June leads outside the quarter) with outcome columns, from
// three lead sources: a trade-show prize draw (a big bowl of cards, few
// real buyers), partner referrals (few leads, most of them buyers) and a
// webinar (no cost given in costs.csv). Deterministic: run it again and
// the files are byte-identical.
//
//	go run testdata/scenario/generate.go
package main

import (
	"encoding/csv"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"time"
)

var (
	firsts = []string{"Margaret", "Dieter", "Priya", "Tomás", "Aiko", "Kwame", "Sofia", "Liam", "Chen", "Fatima", "Oliver", "Ingrid",
		"Rahul", "Elena", "Marcus", "Yuki", "Hannah", "Mateo", "Amara", "Jonas", "Claire", "Diego", "Nadia", "Ethan", "Leila",
		"Samuel", "Greta", "Arjun", "Chloe", "Viktor", "Maya", "Bruno", "Zara", "Felix", "Isabel", "Noah", "Ayesha", "Lucas", "Mei", "Owen"}
	lasts = []string{"O'Brien", "Schmidt", "Raman", "García", "Tanaka", "Mensah", "Rossi", "Walsh", "Wei", "Haddad", "Bennett", "Larsen",
		"Kapoor", "Petrova", "Reid", "Sato", "Fischer", "López", "Okafor", "Berg", "Dubois", "Silva", "Hussein", "Clarke", "Nasser",
		"Adeyemi", "Novak", "Iyer", "Martin", "Kowalski", "Lindqvist", "Costa", "Ahmed", "Weber", "Moreno", "Taylor", "Malik", "Brooks", "Lin", "Doyle"}
	companies = []string{"Harbor Freight Logistics", "Summit Dental Group", "Brightline Manufacturing", "Northwind Traders", "Cedar Health Partners",
		"Bluewater Marine", "Ironwood Construction", "Pioneer Agritech", "Crescent Hotels", "Granite Insurance", "Redwood Analytics",
		"Silverline Foods", "Atlas Packaging", "Meridian Clinics", "Keystone Robotics", "Lakeshore Utilities", "Orchard Retail",
		"Falcon Aviation Services", "Evergreen Property", "Copperfield Mining", "Quartz Semiconductor", "Beacon Legal", "Sterling Wholesale",
		"Maple Ridge Schools Supply", "Horizon Telecom"}
	phones = []string{"212 736", "312 744", "617 253", "415 392", "206 386", "303 866", "404 330", "512 974", "713 837", "602 262"}
	free   = []string{"gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "aol.com", "icloud.com"}
)

type row struct {
	first, last, company, email, phone, title, source, status, converted, amount, created, message string
}

func main() {
	rng := rand.New(rand.NewPCG(2026, 9))
	pick := func(list []string) string { return list[rng.IntN(len(list))] }
	day := func(from, to time.Time) string {
		d := from.AddDate(0, 0, rng.IntN(int(to.Sub(from).Hours()/24)+1))
		return fmt.Sprintf("%d/%d/%d", d.Month(), d.Day(), d.Year())
	}
	q3from, q3to := time.Date(2026, 7, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 9, 30, 0, 0, 0, 0, time.UTC)
	show := time.Date(2026, 8, 18, 0, 0, 0, 0, time.UTC) // the three days of the trade show
	n := 0
	person := func() (string, string) { n++; return pick(firsts), pick(lasts) }
	slug := func(s string) string {
		s = strings.ToLower(s)
		r := strings.NewReplacer("'", "", "á", "a", "é", "e", "í", "i", "ó", "o", "ú", "u", "ñ", "n", " ", ".")
		return r.Replace(s)
	}
	phone := func() string { return fmt.Sprintf("+1 %s %04d", pick(phones), 1000+rng.IntN(9000)) }
	business := func(first, last, company string) string {
		dom := strings.NewReplacer(" ", "", "'", "").Replace(strings.ToLower(company)) + ".com"
		return fmt.Sprintf("%s.%s%d@%s", slug(first), slug(last), n, dom)
	}
	var rows []row
	outcome := func(r *row, p float64, low, high int) {
		if rng.Float64() < p {
			r.status, r.converted = "Closed - Converted", "true"
			r.amount = fmt.Sprintf("$%d,000", low+rng.IntN(high-low+1))
		} else {
			r.status, r.converted = "Closed - Not Converted", "false"
		}
	}

	// The trade-show prize draw: 640 cards in a bowl for a tablet.
	var cards []row
	for i := 0; i < 640; i++ {
		first, last := person()
		r := row{first: first, last: last, source: "Trade Show", created: day(show, show.AddDate(0, 0, 2)), phone: phone()}
		switch x := rng.Float64(); {
		case x < 0.09: // a real buyer who happened to stop by
			r.company = pick(companies)
			r.email = business(first, last, r.company)
			r.title = pick([]string{"Operations Director", "VP Operations", "Head of Procurement", "IT Manager"})
			r.message = "Please send pricing"
			outcome(&r, 0.12, 6, 14)
		case x < 0.24: // students filling in cards
			r.title, r.company = "Student", "State University"
			r.email = fmt.Sprintf("%s.%s%d@stanford.edu", slug(first), slug(last), n)
			r.status, r.converted = "Closed - Not Converted", "false"
		case x < 0.34: // made-up addresses to enter the draw
			r.email = pick([]string{"test@test.com", "asdf@asdf.com", "none@none.com", "noemail@gmail.com", "a@a.com"})
			r.status, r.converted = "Closed - Not Converted", "false"
		case x < 0.41: // made-up numbers
			r.email = fmt.Sprintf("%s%d@%s", slug(first), n, pick(free))
			r.phone = pick([]string{"1234567890", "0000000000", "+1 212 555 0123", "999-999-9999"})
			r.status, r.converted = "Closed - Not Converted", "false"
		case x < 0.45: // cartoon names
			r.first, r.last = pick([]string{"Mickey", "Donald", "Asdf"}), pick([]string{"Mouse", "Duck", "Asdf"})
			r.email = fmt.Sprintf("%s%d@%s", slug(first), n, pick(free))
			r.status, r.converted = "Closed - Not Converted", "false"
		default: // prize hunters: a private address, no title
			r.email = fmt.Sprintf("%s.%s%d@%s", slug(first), slug(last), n, pick(free))
			r.status, r.converted = "Closed - Not Converted", "false"
		}
		cards = append(cards, r)
		if rng.Float64() < 0.08 { // dropped a second card for a second chance
			dup := r
			cards = append(cards, dup)
		}
	}
	rows = append(rows, cards...)

	// Partner referrals: few, introduced by a partner, asking to buy.
	for i := 0; i < 26; i++ {
		first, last := person()
		r := row{first: first, last: last, company: pick(companies), source: "Partner Referral", created: day(q3from, q3to), phone: phone()}
		r.email = business(first, last, r.company)
		r.title = pick([]string{"CFO", "VP Finance", "Director of Operations", "Head of IT", "COO"})
		r.message = pick([]string{"Referred by our partner; we need a quote this quarter", "Looking for a demo and pricing", "Asked for a proposal"})
		outcome(&r, 0.35, 18, 60)
		rows = append(rows, r)
	}

	// A webinar: no cost in costs.csv, so it shows "no cost given".
	for i := 0; i < 90; i++ {
		first, last := person()
		r := row{first: first, last: last, source: "Webinar", created: day(q3from, q3to)}
		if rng.Float64() < 0.6 {
			r.company = pick(companies)
			r.email = business(first, last, r.company)
			r.title = pick([]string{"Operations Manager", "IT Manager", "Director of Finance", "Analyst"})
			r.phone = phone()
			outcome(&r, 0.08, 8, 25)
		} else {
			r.email = fmt.Sprintf("%s.%s%d@%s", slug(first), slug(last), n, pick(free))
			r.status, r.converted = "Closed - Not Converted", "false"
		}
		rows = append(rows, r)
	}

	// June leads: outside the quarter, counted in rows read only.
	for i := 0; i < 12; i++ {
		first, last := person()
		r := row{first: first, last: last, company: pick(companies), source: pick([]string{"Webinar", "Partner Referral"}),
			created: day(time.Date(2026, 6, 1, 0, 0, 0, 0, time.UTC), time.Date(2026, 6, 30, 0, 0, 0, 0, time.UTC)), phone: phone()}
		r.email = business(first, last, r.company)
		r.title = "Director of Operations"
		outcome(&r, 0.3, 10, 30)
		rows = append(rows, r)
	}

	rng.Shuffle(len(rows), func(i, j int) { rows[i], rows[j] = rows[j], rows[i] })
	dir := filepath.Join("testdata", "scenario")
	f, err := os.Create(filepath.Join(dir, "leads-q3.csv"))
	if err != nil {
		panic(err)
	}
	w := csv.NewWriter(f)
	w.Write([]string{"First Name", "Last Name", "Company", "Email", "Phone", "Title", "Lead Source", "Description", "Lead Status", "IsConverted", "Closed Won Amount", "Create Date"})
	for _, r := range rows {
		w.Write([]string{r.first, r.last, r.company, r.email, r.phone, r.title, r.source, r.message, r.status, r.converted, r.amount, r.created})
	}
	w.Flush()
	if err := w.Error(); err != nil {
		panic(err)
	}
	if err := f.Close(); err != nil {
		panic(err)
	}
}
