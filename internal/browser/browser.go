// Package browser starts Debian's headless Chromium for the page tests.
package browser

import (
	"context"
	"os"
	"os/exec"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// Path finds the Chromium binary: $CHROMIUM, then the usual Debian paths.
func Path() string {
	if p := os.Getenv("CHROMIUM"); p != "" {
		return p
	}
	for _, p := range []string{"/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(p); err == nil {
			return p
		}
	}
	if p, err := exec.LookPath("chromium"); err == nil {
		return p
	}
	return ""
}

// New starts a headless browser tab for the test. A missing browser fails
// the test: CI installs Debian's chromium (.ci/run), and so must a developer.
func New(t testing.TB) context.Context {
	t.Helper()
	return NewTimeout(t, 90*time.Second)
}

// NewTimeout is New with a time budget of its own, for a test that walks
// many pages in one browser.
func NewTimeout(t testing.TB, budget time.Duration) context.Context {
	t.Helper()
	path := Path()
	if path == "" {
		t.Fatal("no Chromium found: install Debian's chromium (apt-get install chromium) or set CHROMIUM")
	}
	// Chromium sometimes dies while starting on a loaded CI machine (the
	// crash reporter's "no stack mapping", seen once in a hundred runs):
	// a test of our pages should not fail for that, so a start that fails
	// is tried again, with a fresh profile, twice.
	var lastErr error
	for attempt := 1; attempt <= 3; attempt++ {
		ctx, stop, err := start(path, budget)
		if err == nil {
			t.Cleanup(stop)
			return ctx
		}
		stop()
		lastErr = err
		t.Logf("start chromium, attempt %d: %v", attempt, err)
		time.Sleep(time.Duration(attempt) * time.Second)
	}
	t.Fatalf("start chromium: %v", lastErr)
	return nil
}

// start launches one browser and its first tab. stop ends both and
// removes the profile; it is safe to call after a failed start.
func start(path string, budget time.Duration) (context.Context, func(), error) {
	// The profile directory is ours to remove: Chromium's helper processes
	// may still write to it for a moment after the browser is gone, which
	// makes t.TempDir's cleanup fail the test.
	profile, err := os.MkdirTemp("", "jobmatch-chromium-*")
	if err != nil {
		return nil, func() {}, err
	}
	opts := append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(path),
		chromedp.Flag("headless", true),
		chromedp.NoSandbox,
		chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true),
		chromedp.NoFirstRun,
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile),
		chromedp.WindowSize(1200, 1600),
	)
	actx, cancelA := chromedp.NewExecAllocator(context.Background(), opts...)
	// chromedp logs every CDP event it cannot decode from a newer Chromium;
	// those are noise for these tests.
	ctx, cancelC := chromedp.NewContext(actx, chromedp.WithErrorf(func(string, ...any) {}))
	ctx, cancelT := context.WithTimeout(ctx, budget)
	stop := func() {
		cancelT()
		cancelC()
		cancelA()
		for i := 0; i < 20; i++ {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(50 * time.Millisecond)
		}
	}
	if err := chromedp.Run(ctx); err != nil {
		return nil, stop, err
	}
	return ctx, stop, nil
}

// Screenshot saves a full-page PNG when JOBMATCH_SCREENSHOTS names a directory.
func Screenshot(t testing.TB, ctx context.Context, name string) {
	dir := os.Getenv("JOBMATCH_SCREENSHOTS")
	if dir == "" {
		return
	}
	var buf []byte
	if err := chromedp.Run(ctx, chromedp.FullScreenshot(&buf, 100)); err != nil {
		t.Logf("screenshot %s: %v", name, err)
		return
	}
	_ = os.MkdirAll(dir, 0o755)
	_ = os.WriteFile(dir+"/"+name+".png", buf, 0o644)
}
