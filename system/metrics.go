package system

import (
	"github.com/prometheus/client_golang/prometheus"

	"jobmatch/index"
	"jobmatch/matcher"
	"jobmatch/web"
)

func registerIndexMetrics(srv *web.Server, ix *index.Index, s *index.Syncer, pool *matcher.Pool) {
	srv.Metrics.MustRegister(
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "jobmatch_index_lag_changes", Help: "Candidate changes not yet in the search index."},
			func() float64 { c, _ := s.Lag(); return float64(c) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "jobmatch_index_lag_seconds", Help: "How long the search index has been behind the store."},
			func() float64 { _, sec := s.Lag(); return sec }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "jobmatch_index_documents", Help: "Candidates in the search index."},
			func() float64 { n, _ := ix.Count(); return float64(n) }),
		prometheus.NewGaugeFunc(prometheus.GaugeOpts{Name: "jobmatch_match_features", Help: "Candidates whose match features are in memory."},
			func() float64 { return float64(pool.Len()) }),
		prometheus.NewCounterFunc(prometheus.CounterOpts{Name: "jobmatch_index_applied_total", Help: "Candidate changes applied to the index."},
			func() float64 { return float64(s.Applied()) }),
	)
}
