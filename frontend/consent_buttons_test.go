package frontend_test

import (
	"testing"

	"github.com/chromedp/chromedp"

	"jobmatch/internal/browser"
	"jobmatch/system/systemtest"
)

// touchingButtons lists the page's visible buttons that touch another
// (less than 8 px apart across and down): on a phone a row of buttons
// wraps, and DKFDS's buttons have no margin of their own.
const touchingButtons = `(() => {
  const bs = [...document.querySelectorAll('main button, main .button, main input[type=submit]')]
    .filter(b => b.offsetParent !== null && b.getClientRects().length > 0);
  const out = [];
  for (let i = 0; i < bs.length; i++) for (let j = i + 1; j < bs.length; j++) {
    const a = bs[i].getBoundingClientRect(), b = bs[j].getBoundingClientRect();
    const gapX = Math.max(a.left, b.left) - Math.min(a.right, b.right);
    const gapY = Math.max(a.top, b.top) - Math.min(a.bottom, b.bottom);
    if (Math.max(gapX, gapY) < 8) out.push(bs[i].textContent.trim() + ' | ' + bs[j].textContent.trim() + ' (' + Math.round(gapX) + ', ' + Math.round(gapY) + ')');
  }
  return out;
})()`

// TestStatusPageButtonsOnAPhone: the employer's status page on a phone
// (390×844): the answer buttons of a presented candidate wrapped onto
// lines of their own and touched each other. Every two buttons are at
// least 8 px apart.
func TestStatusPageButtonsOnAPhone(t *testing.T) {
	env := systemtest.Start(t)
	ec := newEmployerCase(t, env, 95, nil, nil)
	ctx := browser.New(t)
	var touching []string
	var overflow bool
	err := chromedp.Run(ctx,
		chromedp.EmulateViewport(390, 844, chromedp.EmulateScale(3), chromedp.EmulateMobile),
		chromedp.Navigate(env.URL+ec.status),
		chromedp.WaitVisible(`.answer-form`),
		chromedp.Evaluate(`document.querySelectorAll('.answer-form details').forEach(d => d.open = true)`, nil),
		chromedp.Evaluate(touchingButtons, &touching),
		chromedp.Evaluate(`document.documentElement.scrollWidth > document.documentElement.clientWidth`, &overflow),
	)
	if err != nil {
		t.Fatal(err)
	}
	browser.Screenshot(t, ctx, "status-phone")
	if len(touching) > 0 || overflow {
		t.Fatalf("buttons that touch on a phone: %q; wider than the screen: %v", touching, overflow)
	}
}
