package api

import "jobmatch/web"

// Server and Config are the web kernel's: the API adds its routes to the
// server the pages share.
type (
	Server = web.Server
	Config = web.Config
)

// New builds the web kernel with the API's foundation routes (the entry
// point, sessions, lists); the other groups register themselves from
// system (RegisterCandidates, RegisterMatching, …).
func New(cfg Config) *Server {
	s := web.New(cfg)
	registerFoundation(s)
	return s
}
