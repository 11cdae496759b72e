package api_test

import (
	"bufio"
	"net"
	"net/http"
	"strings"
	"testing"

	"jobmatch/demo"
	"jobmatch/system/systemtest"
)

// smtpServer is a minimal SMTP server on loopback that keeps what it is
// given: no mail server runs on these machines, and the client side under
// test is the standard library's net/smtp over a real TCP connection.
func smtpServer(t *testing.T) (string, <-chan string) {
	t.Helper()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { ln.Close() })
	got := make(chan string, 16)
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			go func(c net.Conn) {
				defer c.Close()
				r := bufio.NewReader(c)
				say := func(s string) { c.Write([]byte(s + "\r\n")) }
				say("220 test ESMTP")
				for {
					line, err := r.ReadString('\n')
					if err != nil {
						return
					}
					cmd := strings.ToUpper(strings.TrimSpace(line))
					switch {
					case strings.HasPrefix(cmd, "EHLO"), strings.HasPrefix(cmd, "HELO"):
						say("250 test")
					case strings.HasPrefix(cmd, "DATA"):
						say("354 go on")
						var msg strings.Builder
						for {
							l, err := r.ReadString('\n')
							if err != nil {
								return
							}
							if l == ".\r\n" {
								break
							}
							msg.WriteString(l)
						}
						got <- msg.String()
						say("250 queued")
					case strings.HasPrefix(cmd, "QUIT"):
						say("221 bye")
						return
					default:
						say("250 ok")
					}
				}
			}(conn)
		}
	}()
	return ln.Addr().String(), got
}

// TestMailGoesThroughSMTP: with an SMTP server configured, a message is
// delivered to it and the outbox records when.
func TestMailGoesThroughSMTP(t *testing.T) {
	addr, got := smtpServer(t)
	env := systemtest.Start(t, systemtest.Options{SMTPAddr: addr})
	var rec struct{ ID string }
	if res := env.Client().Do("POST", "/api/v1/vacancies", systemtest.VacancyBody(demo.CVR(91)), &rec); res.StatusCode != http.StatusCreated {
		t.Fatalf("vacancy: %d", res.StatusCode)
	}
	v, _ := env.Sys.Intake.Vacancy(t.Context(), rec.ID)
	if res := env.Login(v.ConsultantID).Do("PATCH", "/api/v1/vacancies/"+rec.ID, map[string]any{"status": "filled"}, nil); res.StatusCode != http.StatusOK {
		t.Fatalf("fill: %d %s", res.StatusCode, res.Body)
	}
	// The receipt's confirmation e-mail goes first; the survey follows the fill.
	msg := <-got
	if !strings.Contains(msg, "/survey/") {
		msg = <-got
	}
	if !strings.Contains(msg, "To: "+v.Contact.Email) || !strings.Contains(msg, "/survey/") || !strings.Contains(msg, "From: jobcenter@test.local") {
		t.Fatalf("delivered: %q", msg)
	}
	var box struct {
		Items []struct {
			Kind   string
			SentAt string `json:"sent_at"`
			Error  string
		}
	}
	env.Login("admin@demo.local").Do("GET", "/api/v1/outbox", nil, &box)
	if len(box.Items) == 0 || box.Items[0].SentAt == "" || box.Items[0].Error != "" {
		t.Fatalf("outbox: %+v", box.Items)
	}
}
