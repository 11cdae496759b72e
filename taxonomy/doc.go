// Package taxonomy holds the reference data jobmatch normalises against:
// Danish postal codes with coordinates (DAWA), ESCO occupations (Danish and
// English labels) and skills (English labels), ISCO-08/DISCO-08 groups, and
// STAR/Jobnet occupation titles as Danish synonyms. The data ships in the
// repository (taxonomy/data, see ATTRIBUTION.md) and is loaded once.
package taxonomy
