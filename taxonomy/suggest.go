package taxonomy

import (
	"sort"
	"strings"
	"sync"
)

// Autocomplete: prefix matches on normalised labels, shortest first, from a
// sorted list of (label, concept) pairs, answered by binary search.

type suggestEntry struct {
	key, label, uri string
	full            int  // length of the whole normalised label
	start           bool // key is the label's start, not a later word
}

type suggester struct {
	once    sync.Once
	entries []suggestEntry
}

func (s *suggester) build(add func(func(label, uri string))) {
	s.once.Do(func() {
		seen := map[string]bool{}
		add(func(label, uri string) {
			k := Normalize(label)
			if k == "" || seen[k+"\x00"+uri] {
				return
			}
			seen[k+"\x00"+uri] = true
			s.entries = append(s.entries, suggestEntry{key: k, label: label, uri: uri, full: len(k), start: true})
			// Also index each later word, so "sundhed" finds "social- og sundhedsassistent".
			for i, r := range k {
				if r == ' ' && i+1 < len(k) {
					s.entries = append(s.entries, suggestEntry{key: k[i+1:], label: label, uri: uri, full: len(k)})
				}
			}
		})
		sort.Slice(s.entries, func(i, j int) bool { return s.entries[i].key < s.entries[j].key })
	})
}

func (s *suggester) find(prefix string, n int) []Match {
	p := Normalize(prefix)
	if p == "" {
		return nil
	}
	i := sort.Search(len(s.entries), func(i int) bool { return s.entries[i].key >= p })
	var out []Match
	seen := map[string]bool{}
	for ; i < len(s.entries) && strings.HasPrefix(s.entries[i].key, p); i++ {
		e := s.entries[i]
		if seen[e.uri] {
			continue
		}
		seen[e.uri] = true
		// Whole-label prefixes first, then shorter labels.
		score := float64(len(p)) / float64(e.full)
		if e.start {
			score++
		}
		out = append(out, Match{URI: e.uri, Form: e.label, Score: score})
		if len(out) >= 50*n {
			break
		}
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > n {
		out = out[:n]
	}
	return out
}

// SuggestOccupations completes an occupation title in Danish or English.
func (t *Taxonomy) SuggestOccupations(prefix, lang string, n int) []Match {
	// One switch on the language: which suggester, and which labels.
	s, labels := &t.suggestOccDA, func(o *Occupation) [][]string { return [][]string{{o.LabelDA}, o.AltDA, o.STAR} }
	if lang == "en" {
		s, labels = &t.suggestOccEN, func(o *Occupation) [][]string { return [][]string{{o.LabelEN}, o.AltEN} }
	}
	s.build(func(add func(label, uri string)) {
		for _, o := range t.Occupations {
			for _, group := range labels(o) {
				for _, l := range group {
					if l != "" {
						add(l, o.URI)
					}
				}
			}
		}
	})
	return s.find(prefix, n)
}

// SuggestSkills completes a skill (English ESCO labels).
func (t *Taxonomy) SuggestSkills(prefix string, n int) []Match {
	t.suggestSkill.build(func(add func(label, uri string)) {
		for _, s := range t.Skills {
			add(s.LabelEN, s.URI)
		}
	})
	return t.suggestSkill.find(prefix, n)
}
