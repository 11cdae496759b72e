package taxonomy

import "strings"

// Terms returns the distinct terms of a text as the matcher compares them:
// the normalised words (see Normalize), stop words dropped, each as its
// Danish Snowball stem and, where it differs, its English stem prefixed
// "en:". Both sides of a comparison go through the same function, so a
// Danish CV and an English vacancy meet where their words do.
func Terms(text string) []string {
	n := Normalize(text)
	if n == "" {
		return nil
	}
	seen := map[string]bool{}
	var out []string
	add := func(t string) {
		if !seen[t] {
			seen[t] = true
			out = append(out, t)
		}
	}
	for _, w := range strings.Fields(n) {
		if stopwords[w] || termStopwords[w] || len(w) < 2 {
			continue
		}
		st := stemsOf(w)
		add(st.da)
		if st.en != "" {
			add(st.en)
		}
	}
	return out
}

// stems are a word's term forms: its Danish stem, and "en:" and its
// English stem where that differs from the word.
type stems struct{ da, en string }

// stemMemo memoises stemsOf: CVs and vacancies mostly use words others
// have used; Terms was an eighth of an import's CPU (20,000 CVs, the
// guard's profile), most of it stemming the same words again.
var stemMemo memo[stems]

func stemsOf(w string) stems {
	if st, ok := stemMemo.get(w); ok {
		return st
	}
	st := stems{da: stemDA(w)}
	if e := stemEN(w); e != w {
		st.en = "en:" + e
	}
	stemMemo.put(strings.Clone(w), st) // w is part of a whole text
	return st
}

// termStopwords are frequent Danish and English words that say nothing
// about a job or a person's qualifications.
var termStopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`an as at be by is it or to on we us our you your are was were will
		with from this that these those have has had not but can all any its their they them than then
		there which who whom what when where how also such into over under about more most other some
		such very well within across per via etc ability able strong good excellent proven required
		requirement requirements preferred plus including include includes knowledge understanding
		skills skill experience years year work working job role team responsible responsibilities
		er en et at den det de der som har have vil skal kan ikke eller men fra om over under efter
		hos ved vi du jeg sig sin sine hans hendes deres være været blev bliver godt god gode meget
		samt også alle andre anden andet mange flere mere nogle kunne skulle ville`) {
		m[w] = true
	}
	return m
}()
