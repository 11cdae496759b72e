package main

import (
	"context"
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"

	"jobmatch"
	"jobmatch/app/companies"
	"jobmatch/system"
)

// importCompanies reads a CSV with the columns cvr, p_number, name, address,
// postal_code, industry_code, employees (Danish headers cvr, pnr, navn,
// adresse, postnr, branchekode, ansatte also work) and upserts by CVR.
func importCompanies(ctx context.Context, sys *system.System, r io.Reader, progress func(jobmatch.ImportProgress)) (jobmatch.ImportProgress, error) {
	var p jobmatch.ImportProgress
	cr := csv.NewReader(r)
	cr.FieldsPerRecord = -1
	head, err := cr.Read()
	if err != nil {
		return p, fmt.Errorf("companies CSV header: %w", err)
	}
	alias := map[string]string{"pnr": "p_number", "navn": "name", "adresse": "address", "postnr": "postal_code", "branchekode": "industry_code", "ansatte": "employees"}
	col := map[string]int{}
	for i, h := range head {
		h = strings.ToLower(strings.TrimSpace(strings.TrimPrefix(h, "\ufeff")))
		if a, ok := alias[h]; ok {
			h = a
		}
		col[h] = i
	}
	for _, need := range []string{"cvr", "name", "postal_code"} {
		if _, ok := col[need]; !ok {
			return p, jobmatch.Invalid(need, "missing_column", "")
		}
	}
	get := func(rec []string, k string) string {
		if i, ok := col[k]; ok && i < len(rec) {
			return strings.TrimSpace(rec[i])
		}
		return ""
	}
	var batch []companies.CompanyRow
	flush := func() error {
		if len(batch) == 0 {
			return nil
		}
		c, u, err := sys.Companies.ImportCompanies(ctx, batch)
		p.Created += c
		p.Updated += u
		batch = batch[:0]
		if progress != nil {
			progress(p)
		}
		return err
	}
	for row := 1; ; row++ {
		rec, err := cr.Read()
		if err == io.EOF {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				p.Rows++
				p.Failed++
				p.Errors = append(p.Errors, jobmatch.RowError{Row: row, Code: "csv", Message: pe.Err.Error()})
				continue
			}
			return p, err
		}
		p.Rows++
		cr := companies.CompanyRow{CVR: jobmatch.NormalizeCVR(get(rec, "cvr")), PNumber: get(rec, "p_number"), Name: get(rec, "name"),
			Address: get(rec, "address"), PostalCode: get(rec, "postal_code"), Industry: get(rec, "industry_code")}
		if e := get(rec, "employees"); e != "" {
			n, err := strconv.Atoi(e)
			if err != nil {
				p.Failed++
				p.Errors = append(p.Errors, jobmatch.RowError{Row: row, Field: "employees", Code: "number"})
				continue
			}
			cr.Employees = n
		}
		if err := sys.Env.Validator().Validate(cr); err != nil {
			var ve *jobmatch.ValidationError
			if !errors.As(err, &ve) {
				return p, err
			}
			p.Failed++
			for _, f := range ve.Fields {
				p.Errors = append(p.Errors, jobmatch.RowError{Row: row, Field: f.Field, Code: f.Code, Param: f.Param, Of: f.Of})
			}
			continue
		}
		batch = append(batch, cr)
		if len(batch) >= 500 {
			if err := flush(); err != nil {
				return p, err
			}
		}
	}
	return p, flush()
}
