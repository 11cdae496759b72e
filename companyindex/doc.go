// Package companyindex is an in-memory lookup index of companies for the
// hotline: it finds a company "while typing" part of its CVR number or of
// its name, and tells who the company's contact consultant is.
//
// # Design
//
// The Index keeps its entries in a map keyed by CVR. Searches run against
// an immutable snapshot built from that map: documents sorted by CVR (so a
// document's ordinal is also its CVR rank), a sorted dictionary of
// normalised name tokens with flat posting lists of ordinals, and a sorted
// array of the CVR suffixes for "contains" look-ups. Put and Delete only
// mark the snapshot stale; the next Search rebuilds it once (outside the
// write lock, so writers and Get are not held up), and Searches without
// changes in between reuse it. A snapshot of 20,000 companies builds in
// about ten milliseconds; a query takes tens of microseconds.
//
// A query made only of digits (spaces and a leading "DK" allowed) is a CVR
// query: CVRs that start with the digits come first, in CVR order, then
// CVRs that contain them elsewhere. A full 8-digit CVR scores highest.
//
// Any other query is a name query. It is split into tokens the same way as
// the names; every token must match some name token by prefix for a full
// hit ("vest bil" finds "Vestjysk Bilcenter A/S"). Token prefix ranges are
// found by binary search in the dictionary; the candidates are the postings
// of the query token with the fewest, and each candidate is scored by
// comparing term ids. An exact match of the whole name (legal form aside)
// scores above every prefix match; an exact token above a token prefix;
// a name that starts with the first query token gets a small bonus. Ties are
// broken by the shorter name, then by the lower CVR, so the order is stable.
//
// When there are fewer full hits than asked for, a second pass tolerates
// typos and missing tokens: query tokens of at least 4 letters (after
// folding) may be 1 edit (2 edits from 8 letters) away from a prefix of a
// name token, counting an adjacent transposition as one edit. The
// dictionary is walked as a trie over its sorted order, with one
// edit-distance row per trie level and pruning of every branch that can no
// longer come within the limit. A multi-token query also accepts names that
// match all tokens but one. These hits are marked "fuzzy" and always score
// below full hits.
//
// # Normalisation and Danish folding
//
// Names and queries are lower-cased and split into tokens at anything that
// is not a letter or a digit; apostrophes are dropped ("Jensen's" is
// "jensens"). Letters are then folded so that the old and new Danish
// spellings and the keyboard-less spellings meet:
//
//	æ, ä    → ae
//	ø, ö    → o     and an "oe" in the text → o
//	å       → a     and an "aa" in the text → a
//	é, ü, … → e, u, … (accents dropped), ß → ss
//
// So "Århus" and "Aarhus" are both "arhus", "Søndergård" and "Sondergaard"
// both "sondergard", "Møller", "Moeller" and "Moller" all "moller". The
// digraph rule is applied left to right to both sides, which keeps it
// consistent for prefixes typed so far.
//
// Legal forms (A/S, ApS, I/S, IVS, P/S, K/S, a.m.b.a., f.m.b.a., s.m.b.a.)
// are not indexed. "AS", "IS", "PS" and "KS" count as legal forms only with
// their slash or dots, because "Is" is also a word. In a query, a legal form
// is ignored; a bare word that is, or begins, a legal form ("as", "A/",
// "ap") is optional: it raises the score of names it matches but is not
// required, so neither finished nor half-typed legal forms break a search.
package companyindex
