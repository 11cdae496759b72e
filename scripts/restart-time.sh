#!/bin/sh
# Time from `jobmatch serve` starting to /readyz saying ready, on an existing
# data directory (fill one with `jobmatch demo --candidates N --data-dir DIR`).
# Usage: scripts/restart-time.sh BINARY DATA_DIR [kill9|term]
# Starts the service twice: the first start may rebuild what is missing (and
# writes the match features snapshot); the second is the restart measured,
# after the first was stopped with SIGTERM (default) or SIGKILL.
set -eu
bin=$1 dir=$2 how=${3:-term}
addr=127.0.0.1:${PORT:-18765}
ready() {
	start=$(date +%s.%N)
	"$bin" serve --data-dir "$dir" --addr "$addr" --log-level info >>"$dir/restart-time.log" 2>&1 &
	pid=$!
	until curl -fs "http://$addr/readyz" >/dev/null 2>&1; do
		kill -0 $pid 2>/dev/null || { echo "serve exited; see $dir/restart-time.log" >&2; exit 1; }
		sleep 0.05
	done
	end=$(date +%s.%N)
	# CPU seconds the process used until ready (user + system): a figure a
	# shared machine disturbs less than the wall clock.
	cpu=$(awk -v hz="$(getconf CLK_TCK)" '{print ($14+$15)/hz}' /proc/$pid/stat)
	echo "$1: ready after $(echo "$end - $start" | bc) s wall, $cpu s CPU; load $(cut -d' ' -f1 /proc/loadavg): $(curl -fs "http://$addr/readyz")"
}
ready "first start"
if [ "$how" = kill9 ]; then kill -9 $pid; else kill -TERM $pid; fi
wait $pid 2>/dev/null || true
ready "restart ($how)"
kill -TERM $pid
wait $pid 2>/dev/null || true
grep -E "match features|taxonomy lexicons|index" "$dir/restart-time.log" | tail -6
