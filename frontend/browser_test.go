package frontend_test

import (
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch/demo"
	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// TestEntryFormInBrowser fills the one entry point in a real browser: a bad
// CVR shows its message next to the field with the values kept; a good one
// ends on the receipt with the contact consultant.
func TestEntryFormInBrowser(t *testing.T) {
	env := systemtest.Start(t)
	ctx := browser.New(t)
	var cvrError, nameValue, title string
	err := chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/"),
		chromedp.WaitVisible(`form.entry`),
		chromedp.SendKeys(`#f-company\.cvr`, "12345678"),
		chromedp.SendKeys(`#f-company\.name`, "Als Tømrer ApS"),
		chromedp.SendKeys(`#f-company\.postal_code`, "6400"),
		chromedp.SendKeys(`#f-company\.contact\.name`, "Ole Olsen"),
		chromedp.SendKeys(`#f-company\.contact\.email`, "ole@als-toemrer.dk"),
		chromedp.SendKeys(`#f-title`, "Tømrer"),
		chromedp.SendKeys(`#f-description`, "Vi søger en dygtig tømrer til renovering på Als."),
		chromedp.SendKeys(`#f-skills_required`, "tagarbejde\nforskalling"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`#e-company\.cvr`),
		chromedp.Text(`#e-company\.cvr`, &cvrError),
		chromedp.Value(`#f-company\.name`, &nameValue),
		chromedp.Title(&title),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "entry-error")
	if !strings.Contains(cvrError, "CVR") {
		t.Fatalf("CVR error next to the field = %q", cvrError)
	}
	if nameValue != "Als Tømrer ApS" {
		t.Fatalf("entered value not kept: %q", nameValue)
	}

	var cpName, cpEmail, ref string
	err = chromedp.Run(ctx,
		chromedp.Clear(`#f-company\.cvr`),
		chromedp.SendKeys(`#f-company\.cvr`, demo.CVR(7)),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`.contact-person`),
		chromedp.Text(`.cp-name`, &cpName),
		chromedp.Text(`.cp-email`, &cpEmail),
		chromedp.Text(`.reference`, &ref),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "receipt")
	if cpName != "Karen Konsulent" || cpEmail != "konsulent@demo.local" || !strings.HasPrefix(ref, "JM-") {
		t.Fatalf("receipt shows %q %q %q", cpName, cpEmail, ref)
	}
}

// TestEntryFormInEnglish switches language with one click and shows messages in English.
func TestEntryFormInEnglish(t *testing.T) {
	env := systemtest.Start(t)
	ctx := browser.New(t)
	var msg, lang string
	err := chromedp.Run(ctx,
		chromedp.Navigate(env.URL+"/"),
		chromedp.Click(`a[hreflang=en]`),
		chromedp.WaitReady(`html[lang=en]`),
		chromedp.Click(`input[name=topic][value=other]`),
		chromedp.SendKeys(`#f-company\.cvr`, "1"),
		chromedp.Click(`button[type=submit]`),
		chromedp.WaitVisible(`#e-company\.cvr`),
		chromedp.Text(`#e-company\.cvr`, &msg),
		chromedp.AttributeValue(`html`, "lang", &lang, nil),
	)
	if err != nil {
		t.Fatal(err)
	}
	if lang != "en" || !strings.Contains(msg, "The CVR number must be 8 digits") {
		t.Fatalf("lang %q, message %q", lang, msg)
	}
}
