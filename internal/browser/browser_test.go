package browser

import (
	"os"
	"path/filepath"
	"testing"

	"github.com/chromedp/chromedp"
)

// TestStartSurvivesABrowserThatDiesOnce runs a Chromium that exits at once
// on its first start, as Debian's did once in CI ("no stack mapping"): the
// page tests must get a working browser from the second start.
func TestStartSurvivesABrowserThatDiesOnce(t *testing.T) {
	real := Path()
	if real == "" {
		t.Fatal("no Chromium found: install Debian's chromium or set CHROMIUM")
	}
	dir := t.TempDir()
	marker := filepath.Join(dir, "started-once")
	wrapper := filepath.Join(dir, "chromium")
	script := "#!/bin/sh\n" +
		"if [ ! -e '" + marker + "' ]; then touch '" + marker + "'; echo 'crashed while starting' >&2; exit 1; fi\n" +
		"exec '" + real + "' \"$@\"\n"
	if err := os.WriteFile(wrapper, []byte(script), 0o755); err != nil {
		t.Fatal(err)
	}
	t.Setenv("CHROMIUM", wrapper)

	ctx := New(t)
	if _, err := os.Stat(marker); err != nil {
		t.Fatalf("the wrapper never ran: %v", err)
	}
	var title string
	if err := chromedp.Run(ctx, chromedp.Navigate("data:text/html,<title>ok</title>"), chromedp.Title(&title)); err != nil {
		t.Fatal(err)
	}
	if title != "ok" {
		t.Fatalf("title %q, want ok", title)
	}
}
