package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"

	"golang.org/x/term"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/staff"
	"jobmatch/system"
)

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(stderr, "usage: jobmatch user add --email E --name N --role hotline|consultant|admin|management [--phone P] [--areas 64,65] [--password P]")
		return errors.New("unknown user command")
	}
	fs := flag.NewFlagSet("user add", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	email := fs.String("email", "", "e-mail address (the login)")
	name := fs.String("name", "", "full name")
	role := fs.String("role", "consultant", "hotline, consultant, admin or management (reads the figures, no CVs)")
	phone := fs.String("phone", "", "phone number shown to employers")
	areas := fs.String("areas", "", "comma-separated postal-code prefixes and i:<industry prefix> the consultant covers")
	password := fs.String("password", "", "password; prompted for when empty")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	in := staff.NewUser{Email: *email, Name: *name, Role: jobmatch.Role(*role), Phone: *phone, Password: *password}
	if *areas != "" {
		in.Areas = strings.Split(*areas, ",")
	}
	// The flags first, by the rules CreateUser applies, so nobody types a
	// password for a command that then fails on a missing --email; a
	// password still to be prompted for stands in as one that passes.
	checked := in
	if checked.Password == "" {
		checked.Password = strings.Repeat("x", staff.MinPassword)
	}
	if err := app.NewValidator(nil).Validate(checked); err != nil {
		return userFieldErrors(stderr, err)
	}
	if in.Password == "" {
		var err error
		if in.Password, err = promptPassword(stderr); err != nil {
			return err
		}
	}
	sys, err := system.Open(ctx, common.system(common.logger(stderr)))
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	u, err := sys.Staff.CreateUser(ctx, in)
	if err != nil {
		return userFieldErrors(stderr, err)
	}
	fmt.Fprintf(stdout, "created %s %s (%s)\n", u.Role, u.Email, u.Name)
	return nil
}

// userFieldErrors names the flags a validation error is about, one a line,
// and returns err.
func userFieldErrors(stderr io.Writer, err error) error {
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			fmt.Fprintf(stderr, "  --%s: %s\n", f.Field, f.Code)
		}
	}
	return err
}

func promptPassword(w io.Writer) (string, error) {
	fmt.Fprint(w, "Password: ")
	if term.IsTerminal(int(os.Stdin.Fd())) {
		b, err := term.ReadPassword(int(os.Stdin.Fd()))
		fmt.Fprintln(w)
		return string(b), err
	}
	line, err := bufio.NewReader(os.Stdin).ReadString('\n')
	if err != nil && line == "" {
		return "", fmt.Errorf("read password: %w", err)
	}
	return strings.TrimRight(line, "\r\n"), nil
}
