// Package kpi owns the figures of the management dashboard and the
// half-yearly follow-up report: satisfaction shares with confidence
// intervals, median response times (exact, or from hour-bucket counters),
// reporting periods ("2026", "2026-H1", "2026-05") in Europe/Copenhagen,
// progress against a yearly target, and the server-side SVG charts and
// tables that show them.
package kpi
