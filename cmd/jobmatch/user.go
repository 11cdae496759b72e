package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/user"
	"strings"

	"golang.org/x/term"

	"jobmatch"
	"jobmatch/app"
	"jobmatch/app/staff"
	"jobmatch/i18n"
)

func runUser(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) > 0 && args[0] == "set" {
		return runUserSet(ctx, args[1:], stdout, stderr)
	}
	if len(args) == 0 || args[0] != "add" {
		fmt.Fprintln(stderr, "usage: jobmatch user add --email E --name N --role hotline|consultant|admin|management [--phone P] [--areas 64,65] [--password P | --password-stdin]")
		fmt.Fprintln(stderr, "       jobmatch user set --email E [--active=false] [--role R] [--name N] [--phone P] [--areas 64,65] [--password-stdin]")
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
	// As `user set` has it: a password on the command line stays in the
	// shell's history.
	passwordStdin := fs.Bool("password-stdin", false, "prompt for the password (or read it from standard input)")
	if err := parseFlags(fs, args[1:]); err != nil {
		return err
	}
	if *passwordStdin && *password != "" {
		fmt.Fprintln(stderr, "  --password: give --password or --password-stdin, not both")
		return errors.New("user add: --password and --password-stdin")
	}
	in := staff.NewUser{Email: *email, Name: *name, Role: jobmatch.Role(*role), Phone: *phone, Password: *password}
	if *areas != "" {
		in.Areas = splitAreas(*areas)
	}
	// The flags first, by the rules CreateUser applies, so nobody types a
	// password for a command that then fails on a missing --email; a
	// password still to be prompted for stands in as one that passes.
	checked := in
	if checked.Password == "" {
		checked.Password = strings.Repeat("x", staff.MinPassword)
	}
	if err := app.NewValidator(nil).Validate(checked); err != nil {
		return userFieldErrors(stderr, err, in.Areas)
	}
	if in.Password == "" {
		var err error
		if in.Password, err = promptPassword(stderr); err != nil {
			return err
		}
	}
	sys, err := openSystem(ctx, &common, stderr)
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	u, err := sys.Staff.CreateUser(ctx, cliAdmin(), in)
	if err != nil {
		return userFieldErrors(stderr, err, in.Areas)
	}
	fmt.Fprintf(stdout, "created %s %s (%s)\n", u.Role, u.Email, u.Name)
	return nil
}

// runUserSet changes a user as an admin does (PATCH /api/v1/users/{id}):
// --active=false deactivates them and ends their sessions, --role, --name,
// --phone and --areas change those, --password-stdin gives them a new password,
// read as `user add` reads one. Only the flags given change anything.
func runUserSet(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("user set", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var common commonFlags
	common.register(fs)
	email := fs.String("email", "", "e-mail address of the user to change")
	active := fs.Bool("active", true, "false deactivates the user: logged out at once, and no login")
	role := fs.String("role", "", "hotline, consultant, admin or management")
	name := fs.String("name", "", "full name")
	phone := fs.String("phone", "", "phone number shown to employers")
	areas := fs.String("areas", "", "the consultant's areas, replacing theirs: comma-separated postal-code prefixes and i:<industry prefix> (\"\" for none)")
	newPassword := fs.Bool("password-stdin", false, "give the user a new password, prompted for (or read from standard input)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var in staff.UserPatch
	fs.Visit(func(f *flag.Flag) {
		switch f.Name {
		case "active":
			in.Active = active
		case "role":
			r := jobmatch.Role(*role)
			in.Role = &r
		case "name":
			in.Name = name
		case "phone":
			in.Phone = phone
		case "areas":
			as := splitAreas(*areas)
			in.Areas = &as
		}
	})
	if *email == "" {
		fmt.Fprintln(stderr, "  --email: required")
		return errors.New("user set: --email is required")
	}
	// The flags first, as `user add` does: no password is typed for a
	// command that fails on its --role.
	checked := in
	if *newPassword {
		pw := strings.Repeat("x", staff.MinPassword)
		checked.Password = &pw
	}
	var given []string
	if in.Areas != nil {
		given = *in.Areas
	}
	if err := app.NewValidator(nil).Validate(checked); err != nil {
		return userFieldErrors(stderr, err, given)
	}
	if *newPassword {
		pw, err := promptPassword(stderr)
		if err != nil {
			return err
		}
		in.Password = &pw
	}
	sys, err := openSystem(ctx, &common, stderr)
	if err != nil {
		return err
	}
	defer sys.Close(context.Background())
	u, err := sys.Staff.UpdateUser(ctx, cliAdmin(), *email, in)
	if errors.Is(err, jobmatch.ErrNotFound) {
		// Not the store's "get users: not found".
		fmt.Fprintf(stderr, "  --email: no user has the e-mail address %s\n", jobmatch.NormalizeEmail(*email))
		return fmt.Errorf("user set: no user %s", jobmatch.NormalizeEmail(*email))
	}
	if err != nil {
		return userFieldErrors(stderr, err, given)
	}
	state := "active"
	if !u.Active {
		state = "inactive"
	}
	fmt.Fprintf(stdout, "updated %s %s (%s), %s; %d sessions ended\n", u.Role, u.Email, u.Name, state, u.SessionsEnded)
	if in.Areas != nil {
		fmt.Fprintf(stdout, "areas: %s\n", strings.Join(u.Areas, ","))
	}
	if u.CompaniesToMove > 0 {
		fmt.Fprintf(stdout, "%d companies still have %s as contact person: move them (POST /api/v1/companies/reassign)\n", u.CompaniesToMove, u.Email)
	}
	return nil
}

// cliAdmin is whoever runs a user command on the server: they act as an
// admin, and the audit log names them by their login on the machine.
func cliAdmin() *jobmatch.User {
	actor := "cli"
	if u, err := user.Current(); err == nil {
		actor += ":" + u.Username
	}
	return &jobmatch.User{ID: actor, Role: jobmatch.RoleAdmin}
}

// userFieldErrors names the flags a validation error is about, one a line,
// with the message the API gives in English (as the imports print theirs)
// and the code after it; it returns err, or for those an error that says
// to read them. An area is named by its value
// ("--areas 9999: …"), not its place in a list the admin never saw.
func userFieldErrors(stderr io.Writer, err error, areas []string) error {
	var ve *jobmatch.ValidationError
	if errors.As(err, &ve) {
		for _, f := range ve.Fields {
			flag := f.Field
			var i int
			if _, serr := fmt.Sscanf(f.Field, "areas[%d]", &i); serr == nil && i >= 0 && i < len(areas) {
				flag = "areas " + areas[i]
			}
			fmt.Fprintf(stderr, "  --%s: %s (%s)\n", flag, i18n.FieldMessage(i18n.EN, f), f.Code)
		}
		// The lines above said why; the error's own text is the codes again.
		return errors.New("the flags above were refused")
	}
	return err
}

// splitAreas reads --areas: comma-separated, spaces around each ignored;
// "" is none.
func splitAreas(s string) []string {
	out := []string{}
	for _, a := range strings.Split(s, ",") {
		if a = strings.TrimSpace(a); a != "" {
			out = append(out, a)
		}
	}
	return out
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
