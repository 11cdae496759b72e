package api

import "jobmatch"

// Route policy: every route of the service, API and pages, declares here
// which callers it admits. RequireRole (and the pages' own checks) enforce
// access; this table is the one statement of intent, and the role × route
// matrix test (api/matrix_test.go) asks every route of the router as each
// caller and compares with it. A route missing from the table fails that
// test, which prints the line to add:
//
//	"GET /api/v1/things/:id": Admits(Consultant, Admin),
//
// Keys are "METHOD path" exactly as registered with echo (":param" names
// included). Admitted means the route does its work for that caller (any
// answer but 401/403 or a bounce to the login page); a route that admits
// nobody of a role answers it 401 (anonymous) or 403.

// Anonymous is the caller without a session (employers, citizens, probes).
const Anonymous jobmatch.Role = "anonymous"

// Shorthands for the table.
const (
	Hotline    = jobmatch.RoleHotline
	Consultant = jobmatch.RoleConsultant
	Management = jobmatch.RoleManagement
	Admin      = jobmatch.RoleAdmin
)

// Admits lists the roles a route admits.
func Admits(roles ...jobmatch.Role) []jobmatch.Role { return roles }

// Callers are every kind of caller the matrix test plays, in its order.
var Callers = []jobmatch.Role{Anonymous, Hotline, Consultant, Management, Admin}

var (
	everyone    = Admits(Anonymous, Hotline, Consultant, Management, Admin)
	allStaff    = Admits(Hotline, Consultant, Management, Admin)
	operational = Admits(Hotline, Consultant, Admin) // not management: figures only
	cvReaders   = Admits(Consultant, Admin)          // CVs, matches, shortlists
	figures     = Admits(Consultant, Management, Admin)
	adminOnly   = Admits(Admin)
)

// RoutePolicy is the table of every route and the callers it admits.
var RoutePolicy = map[string][]jobmatch.Role{
	// Health and the public entry point.
	"GET /healthz":                everyone,
	"GET /readyz":                 everyone,
	"GET /static/*":               everyone,
	"GET /api/v1/openapi.json":    everyone,
	"POST /api/v1/vacancies":      everyone,
	"POST /api/v1/requests":       everyone,
	"POST /api/v1/auth/login":     everyone,
	"POST /api/v1/auth/logout":    everyone,
	"GET /":                       everyone,
	"POST /":                      everyone,
	"GET /about":                  everyone,
	"GET /about/privacy":          everyone,
	"GET /about/accessibility":    everyone,
	"GET /login":                  everyone,
	"POST /login":                 everyone,
	"POST /logout":                everyone,
	"GET /status/:token":          everyone, // the private link is the credential
	"POST /status/:token/answers": everyone,
	"GET /status/:token/answers":  everyone, // back to the status page
	"GET /survey/:token":          everyone,
	"POST /survey/:token":         everyone,

	// Every staff member.
	"GET /api/v1/auth/me":              allStaff,
	"GET /api/v1/taxonomy/occupations": allStaff,
	"GET /api/v1/taxonomy/skills":      allStaff,
	"GET /api/v1/settings/deadlines":   allStaff,

	// Companies and requests: not management (request texts, contacts).
	"GET /api/v1/vacancies":               operational,
	"GET /api/v1/vacancies/:id":           operational,
	"GET /api/v1/requests":                operational,
	"GET /api/v1/requests/:id":            operational,
	"GET /api/v1/companies":               operational,
	"GET /api/v1/companies/:cvr":          operational,
	"GET /api/v1/companies/:cvr/timeline": operational,
	"GET /api/v1/companies/search":        operational,
	"GET /api/v1/consultants":             operational,
	"GET /api/v1/worklist":                operational,
	"GET /staff":                          operational,
	"GET /staff/companies/:cvr":           operational,
	"GET /staff/hotline":                  operational,
	"POST /staff/hotline":                 operational,
	// Whoever logged a request withdraws it the same day (mistake, duplicate).
	"POST /api/v1/requests/:id/cancel":        operational,
	"POST /staff/hotline/requests/:id/cancel": operational,

	// Work on companies, CVs, matches and shortlists.
	"POST /staff/companies/:cvr/contacts":                cvReaders,
	"POST /staff/requests/:id/resolve":                   cvReaders,
	"POST /api/v1/contacts":                              cvReaders,
	"POST /api/v1/requests/:id/resolve":                  cvReaders,
	"PATCH /api/v1/vacancies/:id":                        cvReaders,
	"PUT /api/v1/vacancies/:id/occupation":               cvReaders,
	"DELETE /api/v1/vacancies/:id/occupation":            cvReaders,
	"POST /staff/vacancies/:id/occupation":               cvReaders,
	"GET /staff/candidates/:id/vacancies":                cvReaders,
	"POST /api/v1/candidates":                            cvReaders,
	"GET /api/v1/candidates/search":                      cvReaders,
	"POST /api/v1/candidates/import":                     cvReaders,
	"GET /api/v1/candidates/:id":                         cvReaders,
	"PUT /api/v1/candidates/:id":                         cvReaders,
	"DELETE /api/v1/candidates/:id":                      cvReaders,
	"GET /api/v1/jobs/:id":                               cvReaders,
	"POST /api/v1/candidates/:id/survey":                 cvReaders,
	"GET /api/v1/vacancies/:id/matches":                  cvReaders,
	"GET /api/v1/vacancies/:id/match-runs":               cvReaders,
	"GET /api/v1/candidates/:id/matches":                 cvReaders,
	"GET /api/v1/candidates/:id/shortlists":              cvReaders,
	"GET /api/v1/match-runs/:id":                         cvReaders,
	"POST /api/v1/vacancies/:id/shortlist":               cvReaders,
	"GET /api/v1/vacancies/:id/shortlist":                cvReaders,
	"POST /api/v1/shortlist/:entry_id/transitions":       cvReaders,
	"POST /api/v1/candidates/:id/consents":               cvReaders,
	"DELETE /api/v1/candidates/:id/consents/:vacancy_id": cvReaders,
	"DELETE /api/v1/vacancies/:id/status-link":           cvReaders,
	"GET /staff/candidates":                              cvReaders,
	"GET /staff/candidates/new":                          cvReaders,
	"POST /staff/candidates/new":                         cvReaders,
	"GET /staff/candidates/:id":                          cvReaders,
	"POST /staff/candidates/:id/survey":                  cvReaders,
	"GET /staff/vacancies":                               cvReaders,
	"GET /staff/vacancies/:id":                           cvReaders,
	"POST /staff/vacancies/:id/close":                    cvReaders,
	"POST /staff/vacancies/:id/shortlist":                cvReaders,
	"POST /staff/vacancies/:id/consent":                  cvReaders,
	"POST /staff/vacancies/:id/consent/withdraw":         cvReaders,
	"POST /staff/shortlist/:entry_id/move":               cvReaders,
	"POST /staff/shortlist/:entry_id/answers/:n/handled": cvReaders,

	// Figures.
	"GET /api/v1/kpi":            figures,
	"GET /api/v1/kpi/report":     figures,
	"GET /api/v1/kpi/export.csv": figures,
	"GET /api/v1/targets/:year":  figures,
	"GET /dashboard":             figures,
	"GET /dashboard/report":      figures,
	"POST /dashboard/targets":    adminOnly,

	// Administration.
	"GET /api/v1/users":                     adminOnly,
	"POST /api/v1/users":                    adminOnly,
	"PATCH /api/v1/users/:id":               adminOnly,
	"GET /api/v1/audit":                     adminOnly,
	"GET /api/v1/outbox":                    adminOnly,
	"PUT /api/v1/companies/:cvr/consultant": adminOnly,
	"POST /api/v1/companies/reassign":       adminOnly,
	"PUT /api/v1/settings/deadlines":        adminOnly,
	"GET /api/v1/settings/surveys":          adminOnly,
	"PUT /api/v1/settings/surveys":          adminOnly,
	"PUT /api/v1/targets/:year":             adminOnly,
	// An admin for anyone; each staff member for their own :id (the
	// matrix asks with someone else's id).
	"PUT /api/v1/users/:id/absence": adminOnly,
	// Issue 14: consent links, interviews, export, explanation, job postings; the CV edit page.
	"GET /about/matching":                              Admits(Anonymous, Hotline, Consultant, Management, Admin),
	"GET /api/v1/candidates/:id/export":                Admits(Consultant, Admin),
	"GET /api/v1/shortlist/:entry_id/interviews":       Admits(Consultant, Admin),
	"GET /api/v1/shortlist/:entry_id/interviews/:id":   Admits(Consultant, Admin),
	"GET /api/v1/vacancies/:id/explain":                Admits(Consultant, Admin),
	"GET /api/v1/vacancies/:id/jobposting":             Admits(Consultant, Admin),
	"GET /api/v1/vacancies/:id/publication":            Admits(Consultant, Admin),
	"GET /consent/:token":                              Admits(Anonymous, Hotline, Consultant, Management, Admin),
	"GET /feeds/vacancies.json":                        Admits(Anonymous, Hotline, Consultant, Management, Admin),
	"GET /jobs/:id":                                    Admits(Anonymous, Hotline, Consultant, Management, Admin),
	"GET /staff/candidates/:id/edit":                   Admits(Consultant, Admin),
	"GET /staff/candidates/:id/export":                 Admits(Consultant, Admin),
	"GET /staff/vacancies/:id/whynot":                  Admits(Consultant, Admin),
	"PATCH /api/v1/shortlist/:entry_id/interviews/:id": Admits(Consultant, Admin),
	"POST /api/v1/shortlist/:entry_id/consent-request": Admits(Consultant, Admin),
	"POST /api/v1/shortlist/:entry_id/interviews":      Admits(Consultant, Admin),
	"POST /consent/:token":                             Admits(Anonymous, Hotline, Consultant, Management, Admin),
	"POST /staff/shortlist/:entry_id/consent-request":  Admits(Consultant, Admin),
	"POST /staff/shortlist/:entry_id/interviews":       Admits(Consultant, Admin),
	"POST /staff/shortlist/:entry_id/interviews/:id":   Admits(Consultant, Admin),
	"PUT /api/v1/vacancies/:id/publication":            Admits(Consultant, Admin),
}
