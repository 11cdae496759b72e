package cvs

import (
	"bufio"
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"jobmatch/app"
	"math"
	"strconv"
	"strings"
	"sync"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"

	"jobmatch"
)

// Bulk import of CVs: NDJSON (one CandidateInput per line) or CSV (the
// columns in csvColumns, lists separated by ";", experience entries as
// "title|employer|years", education as "level|field", languages as
// "da:B2" or as a consultant writes them, "dansk B2", "dansk PD3",
// "arabisk modersmål": ParseLanguage). The input is streamed: memory stays
// constant for any size but for 8 bytes a row, the references seen (a
// reference twice in one file is a row error).
// Rows are upserted by external reference in batches; a bad row is
// reported with its row number, reference, field and message and never
// stops the rest. A CSV file's rows are numbered as a spreadsheet shows
// them (the header is row 1), its column names the field; it may be
// separated by ";" (Danish Excel) or ",", and be in Windows-1252 (Excel's
// "CSV" on a Danish Windows) as well as UTF-8.

var csvColumns = []string{"external_ref", "name", "email", "phone", "postal_code", "max_commute_km", "target_group",
	"eligibility", "desired_occupations", "skills", "languages", "driving_licences", "available_from", "summary",
	"consent", "consent_channel", "experience", "education", "hours", "shifts"}

const (
	importBatch  = 500
	maxRowErrors = 1000
)

// codeErased is the row error of a citizen erased at their request: the
// row is skipped (counted apart from the failed ones), and a consultant
// creates the CV by hand if the person has come back.
const codeErased = "erased"

// ImportCandidates reads r (format "ndjson" or "csv") and upserts every valid
// row. progress, if set, is called after each batch.
func (cs *Service) ImportCandidates(ctx context.Context, by *jobmatch.User, r io.Reader, format string, progress func(jobmatch.ImportProgress)) (jobmatch.ImportProgress, error) {
	var p jobmatch.ImportProgress
	isCSV := format == "csv"
	next, err := rowReader(r, format)
	if ve := (*jobmatch.ValidationError)(nil); isCSV && errors.As(err, &ve) {
		// A header the import cannot use is row 1's error, as the
		// spreadsheet shows it: the job's reader and the command line
		// see it in their language, as any row's.
		for _, f := range ve.Fields {
			p.Errors = append(p.Errors, csvRowError(jobmatch.RowError{Row: 1, Field: f.Field, Code: f.Code, Param: f.Param, Of: f.Of}))
		}
	}
	if err != nil {
		return p, err
	}
	// The citizens erased at their request stay erased: the case system
	// still lists them, and each import brought them back under a new id.
	erased, err := cs.st.ErasedRefs(ctx)
	if err != nil {
		return p, err
	}
	var batch []*jobmatch.Candidate
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		res, err := cs.st.UpsertCandidates(ctx, batch, cs.env.Now().UTC())
		if err != nil {
			return err
		}
		for _, w := range res {
			switch {
			case w.Created && w.Changed:
				p.Created++
			case w.Changed:
				p.Updated++
			default:
				p.Unchanged++
			}
		}
		// Stored: the sync indexes these as written, without reading
		// them back.
		cs.syncer.Written(batch)
		batch = batch[:0]
		cs.syncer.Notify()
		// At the index's pace: the CVs handed over stay in memory until
		// indexed, instead of being read back.
		if err := cs.syncer.Room(ctx); err != nil {
			return err
		}
		if progress != nil {
			progress(p)
		}
		return nil
	}
	// Normalising a row against the taxonomy is the CPU-heavy part; do it on
	// both cores while the store writes.
	type parsed struct {
		row  int
		c    *jobmatch.Candidate
		errs []jobmatch.RowError
	}
	in := make(chan struct {
		row int
		ci  CandidateInput
		rer []jobmatch.RowError
	}, 256)
	out := make(chan parsed, 256)
	var wg sync.WaitGroup
	for w := 0; w < 2; w++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for x := range in {
				if len(x.rer) > 0 {
					out <- parsed{row: x.row, errs: x.rer}
					continue
				}
				c, err := cs.ToCandidate(x.ci)
				var ve *jobmatch.ValidationError
				if errors.As(err, &ve) {
					var rer []jobmatch.RowError
					for _, f := range ve.Fields {
						e := jobmatch.RowError{Row: x.row, Ref: rowRef(x.ci), Field: f.Field, Code: f.Code, Param: f.Param, Of: f.Of}
						if isCSV {
							e = csvRowError(e)
						}
						rer = append(rer, e)
					}
					out <- parsed{row: x.row, errs: rer}
					continue
				}
				out <- parsed{row: x.row, c: c}
			}
		}()
	}
	readErr := make(chan error, 1)
	go func() {
		defer close(in)
		// The row of each reference seen (by a hash of it, 8 bytes): a
		// reference a second time in the file was written over the first
		// row's person, or counted "unchanged" when the two were in one
		// batch; it is the later row's error now, which names the first.
		seen := map[uint64]int{}
		seed := maphash.MakeSeed()
		first := 1
		if isCSV {
			first = 2 // the header is row 1, as the spreadsheet shows it
		}
		for row := first; ; row++ {
			ci, rer, err := next()
			if err == io.EOF {
				readErr <- nil
				return
			}
			if err != nil {
				readErr <- err
				return
			}
			if ref := strings.TrimSpace(ci.ExternalRef); len(rer) == 0 && ref != "" && erased(ref) {
				rer = []jobmatch.RowError{{Field: "external_ref", Code: codeErased}}
			}
			if ref := strings.TrimSpace(ci.ExternalRef); len(rer) == 0 && ref != "" {
				h := maphash.String(seed, ref)
				if at, ok := seen[h]; ok {
					rer = []jobmatch.RowError{{Field: "external_ref", Code: "duplicate_ref", Param: strconv.Itoa(at)}}
				} else {
					seen[h] = row
				}
			}
			for i := range rer {
				rer[i].Row, rer[i].Ref = row, rowRef(ci)
			}
			select {
			case in <- struct {
				row int
				ci  CandidateInput
				rer []jobmatch.RowError
			}{row, ci, rer}:
			case <-ctx.Done():
				readErr <- ctx.Err()
				return
			}
		}
	}()
	go func() { wg.Wait(); close(out) }()
	var firstErr error
	for x := range out {
		if firstErr != nil {
			continue // drain
		}
		p.Rows++
		if len(x.errs) > 0 {
			if x.errs[0].Code == codeErased {
				p.SkippedErased++ // skipped on purpose, not the file's fault
			} else {
				p.Failed++
			}
			for _, e := range x.errs {
				if len(p.Errors) < maxRowErrors {
					p.Errors = append(p.Errors, e)
				} else {
					p.ErrorsDropped++
				}
			}
			continue
		}
		batch = append(batch, x.c)
		if len(batch) >= importBatch {
			if err := flush(); err != nil {
				firstErr = err
			}
		}
	}
	if firstErr != nil {
		return p, firstErr
	}
	if err := <-readErr; err != nil {
		return p, err
	}
	if err := flush(); err != nil {
		return p, err
	}
	actor := "cli"
	if by != nil {
		actor = by.ID
	}
	err = cs.audit.Record(ctx, jobmatch.AuditEvent{Actor: actor, Action: "cv.import", Count: p.Created + p.Updated})
	return p, err
}

// rowReader returns a function that yields one CandidateInput per call, or
// row-level errors for a row that cannot even be decoded, and io.EOF at the end.
func rowReader(r io.Reader, format string) (func() (CandidateInput, []jobmatch.RowError, error), error) {
	switch format {
	case "ndjson", "jsonl", "json":
		br := bufio.NewReaderSize(r, 1<<16)
		return func() (CandidateInput, []jobmatch.RowError, error) {
			for {
				line, err := br.ReadBytes('\n')
				if len(bytes.TrimSpace(line)) == 0 {
					if err != nil {
						return CandidateInput{}, nil, err
					}
					continue
				}
				if len(line) > 1<<20 {
					return CandidateInput{}, []jobmatch.RowError{{Field: "", Code: "max", Message: "line longer than 1 MiB"}}, nil
				}
				if !utf8.Valid(line) {
					// encoding/json would store U+FFFD for the bytes
					// silently: a file saved in Latin-1 is refused
					// row by row, as the CSV reader does.
					return CandidateInput{}, []jobmatch.RowError{{Code: "utf8"}}, nil
				}
				var ci CandidateInput
				dec := json.NewDecoder(bytes.NewReader(line))
				dec.DisallowUnknownFields()
				if derr := dec.Decode(&ci); derr != nil {
					return CandidateInput{}, []jobmatch.RowError{jsonRowError(derr)}, nil
				}
				app.RepairText(&ci)
				return ci, nil, nil
			}
		}, nil
	case "csv":
		br := bufio.NewReaderSize(r, 1<<16)
		cr := csv.NewReader(br)
		cr.Comma = csvSeparator(br)
		cr.FieldsPerRecord = -1
		cr.ReuseRecord = true
		head, err := cr.Read()
		var pe *csv.ParseError
		switch {
		case errors.As(err, &pe):
			// The header line is the file's as much as a row is: what is
			// wrong with it is the consultant's to fix, said as a row's
			// is. It was "internal error; see the server log".
			return nil, jobmatch.Invalid("", csvParseCode(pe), "")
		case errors.Is(err, io.EOF):
			return nil, jobmatch.Invalid("external_ref", "missing_column", "") // an empty file
		case err != nil:
			return nil, fmt.Errorf("cvs: import: CSV header: %w", err)
		}
		col := map[string]int{}
		for i, h := range head {
			h = fromWindows1252(h)
			col[strings.TrimSpace(strings.TrimPrefix(h, "\ufeff"))] = i
		}
		for _, need := range []string{"external_ref", "name", "postal_code", "target_group"} {
			if _, ok := col[need]; !ok {
				return nil, jobmatch.Invalid(need, "missing_column", "")
			}
		}
		for h := range col {
			if !contains(csvColumns, h) {
				return nil, jobmatch.Invalid(jobmatch.WithoutCPR(h), "unknown_field", "")
			}
		}
		return func() (CandidateInput, []jobmatch.RowError, error) {
			rec, err := cr.Read()
			if err != nil {
				var pe *csv.ParseError
				if errors.As(err, &pe) {
					return CandidateInput{}, []jobmatch.RowError{{Code: csvParseCode(pe)}}, nil
				}
				return CandidateInput{}, nil, err
			}
			for i := range rec {
				rec[i] = fromWindows1252(rec[i])
			}
			return csvRow(rec, col)
		}, nil
	}
	return nil, jobmatch.Invalid("format", "oneof", "ndjson csv")
}

// csvParseCode is what a line the CSV reader cannot read has wrong, as a
// field error's code, so it is said in the reader's language (the text
// was Go's own: `bare " in non-quoted-field`).
func csvParseCode(pe *csv.ParseError) string {
	if errors.Is(pe.Err, csv.ErrBareQuote) || errors.Is(pe.Err, csv.ErrQuote) {
		return "csv_quote"
	}
	return "csv"
}

// csvSeparator is the separator of the CSV file br reads: ";" when its
// header line has more of them than of ",". Excel on a Danish Windows saves
// "CSV" with ";" (the comma is the decimal mark), and the file was refused
// as missing its first column.
func csvSeparator(br *bufio.Reader) rune {
	head, _ := br.Peek(br.Size())
	if i := bytes.IndexByte(head, '\n'); i >= 0 {
		head = head[:i]
	}
	if bytes.Count(head, []byte(";")) > bytes.Count(head, []byte(",")) {
		return ';'
	}
	return ','
}

// fromWindows1252 reads a field that is not UTF-8 as Windows-1252, which
// Excel's "CSV" is on a Danish Windows (and ISO-8859-1 is, but for
// 0x80–0x9F): every such row was refused for its æ, ø and å. A file in
// UTF-8 (with or without a BOM) is read as it is.
func fromWindows1252(s string) string {
	if utf8.ValidString(s) {
		return s
	}
	d, err := charmap.Windows1252.NewDecoder().String(s)
	if err != nil {
		return s
	}
	return d
}

// rowRef is a row's external reference as its errors show it: never a CPR
// number (a CPR number as the reference is the row's error).
func rowRef(ci CandidateInput) string {
	return jobmatch.WithoutCPR(strings.TrimSpace(ci.ExternalRef))
}

// csvRowError says a row error of a CSV file in the file's words: the
// column (languages, not languages[0].code), and the target groups by their
// Danish names, which the column takes as well as the codes.
func csvRowError(e jobmatch.RowError) jobmatch.RowError {
	if i := strings.IndexAny(e.Field, "[."); i >= 0 {
		e.Field = e.Field[:i]
	}
	if e.Field == "target_group" && e.Code == "oneof" {
		e.Code, e.Param = "target_group", ""
	}
	return e
}

// targetGroupNames are the target groups as a consultant names them in a
// CSV file (the pages' Danish names, lower case), besides their codes.
var targetGroupNames = map[string]string{
	"jobparat": "close_to_job", "aktivitetsparat": "further_from_job", "ung under 30": "young", "ung": "young",
	"flygtning/familiesammenført": "refugee_family_reunified", "flygtning": "refugee_family_reunified", "familiesammenført": "refugee_family_reunified",
}

func contains(xs []string, x string) bool {
	for _, v := range xs {
		if v == x {
			return true
		}
	}
	return false
}

func jsonRowError(err error) jobmatch.RowError {
	var te *json.UnmarshalTypeError
	switch {
	case errors.As(err, &te):
		return jobmatch.RowError{Field: te.Field, Code: "type", Param: jobmatch.JSONKind(te.Type)}
	case strings.HasPrefix(err.Error(), "json: unknown field "):
		// The key as the file wrote it, which the job stores: never a
		// CPR number.
		return jobmatch.RowError{Field: jobmatch.WithoutCPR(strings.Trim(strings.TrimPrefix(err.Error(), "json: unknown field "), `"`)), Code: "unknown_field"}
	}
	return jobmatch.RowError{Code: "json"}
}

func csvRow(rec []string, col map[string]int) (CandidateInput, []jobmatch.RowError, error) {
	get := func(k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	list := func(k string) []string {
		var out []string
		for _, s := range strings.Split(get(k), ";") {
			if s = strings.TrimSpace(s); s != "" {
				out = append(out, s)
			}
		}
		return out
	}
	var errs []jobmatch.RowError
	ci := CandidateInput{ExternalRef: get("external_ref"), Name: get("name"), Email: get("email"), Phone: get("phone"),
		PostalCode: get("postal_code"), TargetGroup: get("target_group"), Eligibility: list("eligibility"),
		DesiredOccupations: list("desired_occupations"), Skills: list("skills"), DrivingLicences: list("driving_licences"),
		Hours: list("hours"), Shifts: list("shifts"), AvailableFrom: get("available_from"), Summary: get("summary")}
	if code, ok := targetGroupNames[strings.ToLower(ci.TargetGroup)]; ok {
		ci.TargetGroup = code
	}
	if v := get("max_commute_km"); v != "" {
		n, err := strconv.Atoi(v)
		if err != nil {
			errs = append(errs, jobmatch.RowError{Field: "max_commute_km", Code: "number"})
		}
		ci.MaxCommuteKm = n
	}
	for _, l := range list("languages") {
		ci.Languages = append(ci.Languages, ParseLanguage(l))
	}
	switch strings.ToLower(get("consent")) {
	case "yes", "ja", "true", "1":
		ci.Consent = &ConsentInput{Given: true, Channel: get("consent_channel")}
	case "", "no", "nej", "false", "0":
	default:
		errs = append(errs, jobmatch.RowError{Field: "consent", Code: "yes_no"})
	}
	for _, e := range list("experience") {
		parts := strings.Split(e, "|")
		x := ExperienceInput{Title: parts[0]}
		if len(parts) > 1 {
			x.Employer = parts[1]
		}
		if len(parts) > 2 {
			// "2,5" as a Dane writes it, or "2.5"; decimals are taken, so
			// "fem" is told to write a number, not a whole one.
			y, err := strconv.ParseFloat(strings.Replace(strings.TrimSpace(parts[2]), ",", ".", 1), 64)
			if err != nil || math.IsNaN(y) || math.IsInf(y, 0) {
				errs = append(errs, jobmatch.RowError{Field: "experience", Code: "years"})
			}
			x.Years = y
		}
		ci.Experience = append(ci.Experience, x)
	}
	for _, e := range list("education") {
		level, field, _ := strings.Cut(e, "|")
		ci.Education = append(ci.Education, EducationInput{Level: level, Field: field})
	}
	app.RepairText(&ci)
	return ci, errs, nil
}

// StartImportJob runs an import in the background and records its progress.
// The body is read to the end before this returns, so the request can end.
func (cs *Service) StartImportJob(ctx context.Context, by *jobmatch.User, body io.Reader, format string, spool func(io.Reader) (io.ReadCloser, error)) (*jobmatch.Job, error) {
	rc, err := spool(body)
	if err != nil {
		return nil, err
	}
	job := &jobmatch.Job{ID: jobmatch.NewID(), Kind: "import_candidates", Status: "running", By: by.ID, StartedAt: cs.env.Now().UTC()}
	if err := cs.st.JobStarted(ctx, job); err != nil {
		rc.Close()
		return nil, err
	}
	go func() {
		defer rc.Close()
		bg := context.WithoutCancel(ctx)
		p, err := cs.ImportCandidates(bg, by, rc, format, func(p jobmatch.ImportProgress) {
			j := *job
			j.Progress = p
			_ = cs.st.JobProgressed(bg, &j)
		})
		end := cs.env.Now().UTC()
		job.Progress, job.EndedAt, job.Status = p, &end, "failed"
		var ve *jobmatch.ValidationError
		switch {
		case err == nil:
			job.Status = "done"
		case errors.As(err, &ve):
			// The file's fault, said in its errors (the header's is row
			// 1's): nothing for the log.
			job.Error = ve.Error()
		default:
			// The job says "see the server log": this is that line.
			job.Error = "internal error; see the server log"
			cs.env.Logger().Error("import job failed", "job", job.ID, "err", err)
		}
		if err := cs.st.JobProgressed(bg, job); err != nil {
			cs.env.Logger().Error("import job", "job", job.ID, "err", err)
		}
	}()
	return job, nil
}

// Job reads a job.
func (cs *Service) Job(ctx context.Context, id string) (*jobmatch.Job, error) {
	return cs.st.Job(ctx, id)
}
