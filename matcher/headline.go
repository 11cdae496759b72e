package matcher

// MatchedOccupation is the CV's occupation (desired or held) that matches
// the vacancy best, by the test the occupation score uses (the same
// concept, a synonym, the same ISCO group, shared skills, the title's
// words), with more years first among equals; ok is false when none
// matches. The employer's profile is headed by it: a nurse with 7 years
// as Sygeplejerske on a Sygeplejerske vacancy was headed by the first
// occupation her CV wished for, «Anlægsgartnerarbejder».
func (s *Scorer) MatchedOccupation(f *Features) (label string, ok bool) {
	best, years := 0.0, 0.0
	for _, o := range f.Occupations {
		if o.Label == "" {
			continue
		}
		m := s.occupation(o)
		if m.value <= 0 {
			continue
		}
		if m.value > best || (m.value == best && o.Years > years) {
			best, years, label = m.value, o.Years, o.Label
		}
	}
	return label, label != ""
}

// HasLicence reports whether the licences have meet want, a licence
// including those it presupposes (C meets B): the employer's profile names
// the licences that meet the vacancy's.
func HasLicence(have []string, want string) bool { return hasLicence(have, want) }
