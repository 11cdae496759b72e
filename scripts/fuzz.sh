#!/bin/sh
# Runs every fuzz target of the parsers of outside input briefly (CI): each
# JSON body, the query strings, CSV and NDJSON import rows, cursors, search
# text, the CPR detector and CVR numbers. `go test -fuzz` takes one package
# and one target at a time. FUZZTIME per target (default 10000x: a count of
# inputs, not a duration: with a duration, Go 1.26's fuzzing coordinator can
# report "context deadline exceeded" when the time runs out during an input,
# with no failing input — go.dev/issue/75804, fixed in Go 1.27; a count
# never races a deadline). The first run also compiles the instrumented
# packages once.
set -eu
cd "$(dirname "$0")/.."
t="${FUZZTIME:-10000x}"
# A target that moved would otherwise pass as "no test files": refuse it.
run() {
	echo "fuzz $1 $2"
	go test "$1" -list "^$2\$" | grep -qx "$2" || { echo "fuzz: no target $2 in $1" >&2; exit 1; }
	go test "$1" -run '^$' -fuzz "^$2\$" -fuzztime "$t"
}
run . FuzzContainsCPR
run . FuzzCVR
run ./api FuzzJSONBodies
run ./api FuzzQueryParams
run ./api FuzzDecodeVacancy
run ./app/cvs FuzzImportNDJSONRows
run ./app/cvs FuzzImportCSVRows
run ./store FuzzParseCursor
run ./index FuzzSearchText
