package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"path/filepath"
	"strconv"
	"strings"

	"jobmatch/eval"
	"jobmatch/internal/shareddata"
	"jobmatch/matcher"
)

// runEval prints the quality figures: `jobmatch eval melo --dir DIR`,
// `jobmatch eval rjdb --file FILE` and `jobmatch eval everyday
// [--candidates N]`, one summary line per set, last.
func runEval(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || (args[0] != "melo" && args[0] != "rjdb" && args[0] != "everyday") {
		fmt.Fprintln(stderr, "usage: jobmatch eval melo [--dir DIR] | rjdb [--file FILE] [--weights …] | everyday [--candidates N]")
		return errors.New("eval: want melo, rjdb or everyday")
	}
	fs := flag.NewFlagSet("eval "+args[0], flag.ContinueOnError)
	fs.SetOutput(stderr)
	// Each mode's own flags only: `eval melo --help` listed the others'
	// too, which melo ignores.
	var dir, file, weights string
	var candidates int
	switch args[0] {
	case "melo":
		fs.StringVar(&dir, "dir", "", "MELO set directory (default ../shared/data/eval_melo_dnk)")
	case "rjdb":
		fs.StringVar(&file, "file", "", "RJDB JSON Lines file (default ../shared/data/eval_rjdb/test.jsonl)")
		fs.StringVar(&weights, "weights", "", "component weights to try, e.g. text=0.3,occupation=0.2 (others keep their defaults)")
	case "everyday":
		fs.IntVar(&candidates, "candidates", 2000, "demo CVs to search")
	}
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	switch args[0] {
	case "everyday":
		// Per query on stderr, the summary on stdout.
		r, err := eval.Everyday(ctx, candidates, eval.EverydayQueries, stderr)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, r)
	case "melo":
		if dir == "" {
			d, err := shareddata.Find("eval_melo_dnk")
			if err != nil {
				return err
			}
			dir = d
		}
		r, err := eval.MELO(dir)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, r)
	case "rjdb":
		if file == "" {
			d, err := shareddata.Find("eval_rjdb")
			if err != nil {
				return err
			}
			file = filepath.Join(d, "test.jsonl")
		}
		var w matcher.Weights
		if weights != "" {
			w = matcher.DefaultWeights()
			for _, kv := range strings.Split(weights, ",") {
				k, v, _ := strings.Cut(kv, "=")
				f, err := strconv.ParseFloat(v, 64)
				if _, known := w[k]; !known || err != nil {
					return fmt.Errorf("eval: --weights: %q (components: %s)", kv, strings.Join(matcher.Components, ", "))
				}
				w[k] = f
			}
		}
		r, err := eval.RJDBWith(ctx, file, w, stderr)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, r)
	}
	return nil
}
