package phone

import (
	"sort"
	"strings"
	"testing"

	"github.com/nyaruka/phonenumbers"
)

func TestRegion(t *testing.T) {
	tests := []struct {
		in   string
		want string // "" means no region
	}{
		// ISO codes, any case, with dots.
		{"US", "US"}, {"us", "US"}, {"U.S.", "US"}, {"U.S.A.", "US"}, {"USA", "US"}, {"usa", "US"},
		{"GB", "GB"}, {"GBR", "GB"}, {"UK", "GB"}, {"U.K.", "GB"}, {"de", "DE"}, {"DEU", "DE"},
		{"fra", "FR"}, {"ESP", "ES"}, {"NLD", "NL"}, {"IND", "IN"}, {"AUS", "AU"}, {"BRA", "BR"},
		{"JPN", "JP"}, {"CAN", "CA"}, {"ca", "CA"}, {"CH", "CH"}, {"che", "CH"}, {" at ", "AT"},
		{"XK", "XK"}, {"el", "GR"},
		// English names and long forms.
		{"United States", "US"}, {"United States of America", "US"}, {"united states of america", "US"},
		{"United Kingdom", "GB"}, {"Great Britain", "GB"}, {"England", "GB"}, {"Scotland", "GB"},
		{"Wales", "GB"}, {"Northern Ireland", "GB"}, {"Germany", "DE"}, {"France", "FR"}, {"Spain", "ES"},
		{"Netherlands", "NL"}, {"The Netherlands", "NL"}, {"the netherlands", "NL"}, {"The\u00a0Netherlands", "NL"}, {"  The   Netherlands ", "NL"}, {"Netherlands, The", "NL"},
		{"Holland", "NL"}, {"India", "IN"}, {"Australia", "AU"}, {"Brazil", "BR"}, {"Japan", "JP"},
		{"Canada", "CA"}, {"Mexico", "MX"}, {"Ireland", "IE"}, {"Republic of Ireland", "IE"},
		{"South Korea", "KR"}, {"Korea, Republic of", "KR"}, {"Russian Federation", "RU"},
		{"Viet Nam", "VN"}, {"Vietnam", "VN"}, {"Czech Republic", "CZ"}, {"Czechia", "CZ"},
		{"Côte d'Ivoire", "CI"}, {"Ivory Coast", "CI"}, {"Turkey", "TR"}, {"Türkiye", "TR"},
		{"Hong Kong", "HK"}, {"Taiwan", "TW"}, {"UAE", "AE"}, {"United Arab Emirates", "AE"},
		{"New Zealand", "NZ"}, {"South Africa", "ZA"}, {"Singapore", "SG"}, {"Philippines", "PH"},
		{"Trinidad & Tobago", "TT"}, {"Bosnia and Herzegovina", "BA"}, {"St. Lucia", "LC"},
		{"Saint Lucia", "LC"}, {"Puerto Rico", "PR"}, {"Isle of Man", "IM"}, {"Guernsey", "GG"},
		// Spellings in the countries' own and neighbours' languages.
		{"Deutschland", "DE"}, {"DEUTSCHLAND", "DE"}, {"Brasil", "BR"}, {"España", "ES"}, {"Espana", "ES"},
		{"Nederland", "NL"}, {"Österreich", "AT"}, {"Osterreich", "AT"}, {"Oesterreich", "AT"},
		{"Schweiz", "CH"}, {"Suisse", "CH"}, {"Svizzera", "CH"}, {"Italia", "IT"}, {"Belgique", "BE"},
		{"België", "BE"}, {"Belgien", "BE"}, {"México", "MX"}, {"日本", "JP"}, {"中国", "CN"},
		{"대한민국", "KR"}, {"Sverige", "SE"}, {"Norge", "NO"}, {"Danmark", "DK"}, {"Suomi", "FI"},
		{"Polska", "PL"}, {"Frankreich", "FR"}, {"Allemagne", "DE"}, {"Alemania", "DE"},
		{"Vereinigte Staaten", "US"}, {"États-Unis", "US"}, {"Etats Unis", "US"}, {"EE.UU.", "US"},
		{"Royaume-Uni", "GB"}, {"Reino Unido", "GB"}, {"Großbritannien", "GB"}, {"Grossbritannien", "GB"},
		{"Inde", "IN"}, {"भारत", "IN"}, {"Australien", "AU"}, {"Japon", "JP"}, {"Kanada", "CA"},
		// Mixed cells.
		{"Germany (DE)", "DE"}, {"DE - Germany", "DE"}, {"Berlin, Germany", "DE"},
		// Nothing usable.
		{"", ""}, {"   ", ""}, {"NA", ""}, {"n/a", ""}, {"N.A.", ""}, {"unknown", ""}, {"-", ""},
		{"Narnia", ""}, {"Europe", ""}, {"Germany / France", ""}, {"none", ""}, {"ZZ", ""},
	}
	for _, tt := range tests {
		got, ok := Region(tt.in)
		if got != tt.want || ok != (tt.want != "") {
			t.Errorf("Region(%q) = %q, %v; want %q", tt.in, got, ok, tt.want)
		}
	}
}

// TestRegionCoversSupportedRegions checks that every region phonenumbers
// supports is found by its alpha-2 code and its English name.
func TestRegionCoversSupportedRegions(t *testing.T) {
	idx := loadRegions()
	english := map[string]string{}
	for line := range strings.Lines(regionsTSV) {
		if strings.HasPrefix(line, "#") {
			continue
		}
		cols := strings.Split(strings.TrimSpace(line), "\t")
		english[cols[0]] = strings.Split(cols[2], "|")[0]
	}
	for code := range phonenumbers.GetSupportedRegions() {
		if got, ok := Region(code); !ok || got != code {
			// NA (Namibia) is deliberately not a code in a country cell.
			if code != "NA" {
				t.Errorf("Region(%q) = %q, %v", code, got, ok)
			}
		}
		name, ok := english[code]
		if !ok {
			t.Errorf("regions.tsv lacks %s", code)
			continue
		}
		if got, ok := Region(name); !ok || got != code {
			t.Errorf("Region(%q) = %q, %v; want %s", name, got, ok, code)
		}
	}
	if len(idx.byKey) < 2000 {
		t.Errorf("region index holds only %d spellings", len(idx.byKey))
	}
}

// TestRegionTableAmbiguities lists the generated spellings dropped because
// they name two regions, and fails if a well-known one is among them.
func TestRegionTableAmbiguities(t *testing.T) {
	idx := loadRegions()
	var keys []string
	for k, codes := range idx.ambiguous {
		keys = append(keys, k+"="+strings.Join(codes, ","))
	}
	sort.Strings(keys)
	t.Logf("%d ambiguous generated spellings dropped: %v", len(keys), keys)
	if len(keys) > 40 {
		t.Errorf("too many ambiguous spellings (%d): check the generator", len(keys))
	}
}

func TestFoldCountry(t *testing.T) {
	for in, want := range map[string]string{
		"U.S.A.": "usa", "The Netherlands": "netherlands", "Österreich": "osterreich",
		"Großbritannien": "grossbritannien", "Côte d’Ivoire": "cotedivoire", "日本": "日本",
		"  São Tomé & Príncipe ": "saotomeprincipe", "Łódź": "lodz", "Færøerne": "faeroerne",
		"GROẞBRITANNIEN": "grossbritannien", "Ísland Þýskaland": "islandthyskaland", // ẞ and þ were missing here
	} {
		if got := foldCountry(in); got != want {
			t.Errorf("foldCountry(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestBuildRegionIndexAliasWins(t *testing.T) {
	idx := buildRegionIndex("AA\tAAA\tShared|Alpha\nBB\tBBB\tShared|Beta\n", "BB\tShared\n")
	if got := idx.byKey["shared"]; got != "BB" {
		t.Errorf("alias did not settle an ambiguous name: %q", got)
	}
	idx = buildRegionIndex("AA\tAAA\tShared|Alpha\nBB\tBBB\tShared|Beta\n", "")
	if got, ok := idx.byKey["shared"]; ok {
		t.Errorf("ambiguous generated name kept: %q", got)
	}
	if idx.byKey["alpha"] != "AA" || idx.byKey["bbb"] != "BB" {
		t.Errorf("index lost unambiguous names: %v", idx.byKey)
	}
}

func TestISOCodeColumn(t *testing.T) {
	tests := []struct {
		cells []string
		want  bool
	}{
		{[]string{"DE", "FR", "NA", "US", "GB", ""}, true},
		{[]string{"de", "fr", "na", "us", "gb"}, true},
		{[]string{"Germany", "France", "NA", "USA", "UK"}, false},
		{[]string{"DE", "FR", "NA"}, false}, // too few to tell
		{[]string{"DE", "FR", "N/A", "US", "GB"}, false},
	}
	for _, tt := range tests {
		if got := ISOCodeColumn(tt.cells); got != tt.want {
			t.Errorf("ISOCodeColumn(%q) = %v, want %v", tt.cells, got, tt.want)
		}
	}
	if got := NamibiaInISOColumn(" na "); got != "Namibia" {
		t.Errorf("NamibiaInISOColumn(na) = %q", got)
	}
	if got := NamibiaInISOColumn("DE"); got != "DE" {
		t.Errorf("NamibiaInISOColumn(DE) = %q", got)
	}
}
