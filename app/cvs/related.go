package cvs

import (
	"slices"

	"jobmatch"
)

// relatedAs names the related occupation a hit found only by one holds
// (index.Hit.Related): the first of the CV's wished and held occupations
// among related; "" for a hit the words or the occupations searched found.
func (cs *Service) relatedAs(c *jobmatch.Candidate, related []string, only bool) string {
	if !only {
		return ""
	}
	var uris []string
	for _, o := range c.DesiredOccupations {
		uris = append(uris, o.URI)
	}
	for _, e := range c.Experience {
		uris = append(uris, e.Occupation)
	}
	for _, u := range uris {
		if u == "" || !slices.Contains(related, u) {
			continue
		}
		if o, ok := cs.tax.Occupation(u); ok {
			return o.LabelDA
		}
	}
	return ""
}
