package junk

import (
	"fmt"
	"strings"

	"github.com/leadclean/leadclean/pkg/lead"
)

// defaultMaxPageViews is the image-view-only page-view ceiling when the
// rulebook sets none.
const defaultMaxPageViews = 2

// imageExtensions are the file endings of an image URL's path.
var imageExtensions = []string{".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg", ".bmp", ".avif", ".tif", ".tiff", ".ico"}

// imageViewOnly finds leads who only looked at an image or an
// infographic: every non-blank first/last-page-seen URL is an image file
// or a page whose path contains "infographic", page views are at most
// MaxPageViews, and there are no clicks and no form submissions.
//
// It needs a first- or last-page-seen column: without a URL it does not
// guess. A missing page-views, clicks or form-submissions column does not
// block a finding (the URLs are the evidence); a cell there that is not a
// count makes the row unjudged.
type imageViewOnly struct {
	maxPageViews float64
}

var _ Detector = (*imageViewOnly)(nil)

func newImageViewOnly(cfg ImageViewConfig) (*imageViewOnly, error) {
	if cfg.MaxPageViews < 0 {
		return nil, fmt.Errorf("max_page_views: %d is negative", cfg.MaxPageViews)
	}
	maxViews := cfg.MaxPageViews
	if maxViews == 0 {
		maxViews = defaultMaxPageViews
	}
	return &imageViewOnly{maxPageViews: float64(maxViews)}, nil
}

func (d *imageViewOnly) Reason() lead.Reason { return lead.ImageViewOnly }

func (d *imageViewOnly) Checkable(c *lead.Columns) (bool, string) {
	if c.Has(lead.FirstPageSeen) || c.Has(lead.LastPageSeen) {
		return true, ""
	}
	return false, "no first-page-seen or last-page-seen column"
}

func (d *imageViewOnly) Detect(l *lead.Lead) (string, bool) {
	var urls [2]string
	n := 0
	for _, f := range [...]lead.Field{lead.FirstPageSeen, lead.LastPageSeen} {
		u := l.Get(f)
		if u == "" {
			continue
		}
		if !isImageOrInfographic(u) {
			return "", false
		}
		if n == 0 || urls[0] != u {
			urls[n] = u
			n++
		}
	}
	if n == 0 {
		return "", false
	}
	e := &l.Engagement
	if !e.PageViews.Known || e.PageViews.N > d.maxPageViews {
		return "", false
	}
	for _, c := range [...]lead.Count{e.Clicks, e.Forms} {
		if !c.Known || c.N != 0 {
			return "", false
		}
	}
	if n == 1 {
		return "only viewed " + urls[0], true
	}
	return "only viewed " + urls[0] + " and " + urls[1], true
}

// isImageOrInfographic reports whether a page URL is an image file (by
// its path's extension, query and fragment ignored) or an infographic
// page (its path contains "infographic", any case).
func isImageOrInfographic(u string) bool {
	if i := strings.IndexAny(u, "?#"); i >= 0 {
		u = u[:i]
	}
	// Keep only the path: drop "scheme://host" or a bare "host".
	if i := strings.Index(u, "://"); i >= 0 {
		u = u[i+3:]
		if j := strings.IndexByte(u, '/'); j >= 0 {
			u = u[j:]
		} else {
			u = ""
		}
	} else if j := strings.IndexByte(u, '/'); j > 0 && strings.IndexByte(u[:j], '.') > 0 {
		u = u[j:]
	}
	u = strings.TrimRight(u, "/")
	for _, ext := range imageExtensions {
		if len(u) > len(ext) && strings.EqualFold(u[len(u)-len(ext):], ext) {
			return true
		}
	}
	return containsFold(u, "infographic")
}

// containsFold reports whether s contains the lower-case ASCII word sub,
// ignoring ASCII case, without allocating.
func containsFold(s, sub string) bool {
	for i := 0; i+len(sub) <= len(s); i++ {
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return true
		}
	}
	return false
}
