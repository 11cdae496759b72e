package index

import (
	"context"
	"strings"
	"sync"
)

// skillLabelSample is how many CVs holding a skill are read to learn the
// words CVs use for it.
const skillLabelSample = 20

// skillLabels remembers the words CVs use for skill concepts (SkillLabels).
type skillLabels struct {
	mu sync.Mutex
	m  map[string]string
	// spelt: the most common spelling of each skill as the index holds it
	// (skillSpellings).
	spelt map[string]string
}

// SkillLabels returns, for each skill concept URI some CV holds, the words
// the CVs themselves use for it: the most common label among up to 20 of
// them ("truckcertifikat B", not ESCO's "operate forklift"). The taxonomy
// has English labels only for skills, and a Danish page should not show a
// consultant "use microsoft office" for what the CVs call "Microsoft
// Office". A URI no CV holds is left out. Answers are remembered: what CVs
// call a skill does not change from one page to the next.
func (ix *Index) SkillLabels(ctx context.Context, uris []string) (map[string]string, error) {
	out := make(map[string]string, len(uris))
	var missing []string
	ix.skills.mu.Lock()
	for _, u := range uris {
		if l, ok := ix.skills.m[u]; ok {
			out[u] = l
		} else {
			missing = append(missing, u)
		}
	}
	ix.skills.mu.Unlock()
	for _, u := range missing {
		res, err := ix.Search(ctx, Query{RequireSkills: []string{u}, Size: skillLabelSample, CVs: true})
		if err != nil {
			return nil, err
		}
		count := map[string]int{}
		best, bestN := "", 0
		for _, h := range res.Hits {
			c, ok := h.Candidate()
			if !ok {
				continue
			}
			for _, s := range c.Skills {
				l := strings.TrimSpace(s.Label)
				if s.URI != u || l == "" {
					continue
				}
				k := strings.ToLower(l)
				count[k]++
				if n := count[k]; n > bestN {
					best, bestN = l, n
				}
				break
			}
		}
		if best == "" {
			continue
		}
		out[u] = best
		ix.skills.mu.Lock()
		if ix.skills.m == nil {
			ix.skills.m = map[string]string{}
		}
		ix.skills.m[u] = best
		ix.skills.mu.Unlock()
	}
	return out, nil
}

// skillSpellings returns, for each skill as the "skill_labels" field holds
// it (SkillLabel: "truckcertifikat b"), the spelling most common among up
// to skillLabelSample CVs holding it ("truckcertifikat B"), the facet's
// label; the value itself when no CV holds it. Remembered as SkillLabels
// are: one search per skill the first time it is a facet's value.
func (ix *Index) skillSpellings(ctx context.Context, values []string) (map[string]string, error) {
	out := make(map[string]string, len(values))
	var missing []string
	ix.skills.mu.Lock()
	for _, v := range values {
		if l, ok := ix.skills.spelt[v]; ok {
			out[v] = l
		} else {
			missing = append(missing, v)
		}
	}
	ix.skills.mu.Unlock()
	for _, v := range missing {
		res, err := ix.Search(ctx, Query{SkillLabels: []string{v}, Size: skillLabelSample, CVs: true})
		if err != nil {
			return nil, err
		}
		count := map[string]int{}
		best, bestN := v, 0
		for _, h := range res.Hits {
			c, ok := h.Candidate()
			if !ok {
				continue
			}
			for _, s := range c.Skills {
				l := strings.Join(strings.Fields(s.Label), " ")
				if SkillLabel(l) != v {
					continue
				}
				count[l]++
				if n := count[l]; n > bestN || n == bestN && l < best {
					best, bestN = l, n
				}
				break
			}
		}
		out[v] = best
		if bestN == 0 {
			continue // not held yet: nothing to remember
		}
		ix.skills.mu.Lock()
		if ix.skills.spelt == nil {
			ix.skills.spelt = map[string]string{}
		}
		ix.skills.spelt[v] = best
		ix.skills.mu.Unlock()
	}
	return out, nil
}
