// Progressive enhancement only: every form works without this file.
(function () {
  "use strict";
  function syncTopic(form) {
    var checked = form.querySelector('input[name="topic"]:checked');
    var topic = checked ? checked.value : "vacancy";
    form.querySelectorAll(".for-vacancy").forEach(function (el) { el.hidden = topic !== "vacancy"; });
    form.querySelectorAll(".for-request").forEach(function (el) { el.hidden = topic === "vacancy"; });
    form.querySelectorAll(".for-subsidy").forEach(function (el) { el.hidden = topic !== "subsidy"; });
  }

  // In-place forms (data-inplace, on the vacancy page): post in the
  // background, take the page the server answers with (the same page the
  // browser would land on without JavaScript, message inside the row) and
  // swap its main content in without moving the view; then focus the
  // message where the action happened.
  function inPlace(form, submitter) {
    var data;
    try { data = new FormData(form, submitter || undefined); } catch (err) { data = new FormData(form); if (submitter && submitter.name) data.append(submitter.name, submitter.value); }
    var main = document.getElementById("main");
    main.setAttribute("aria-busy", "true");
    return fetch(form.action, { method: "POST", body: new URLSearchParams(data), credentials: "same-origin", headers: { "Accept": "text/html", "X-Requested-With": "fetch" } })
      .then(function (r) { return r.text(); })
      .then(function (html) {
        var doc = new DOMParser().parseFromString(html, "text/html");
        var fresh = doc.getElementById("main");
        if (!fresh) throw new Error("no page");
        var x = window.scrollX, y = window.scrollY;
        main.innerHTML = fresh.innerHTML;
        main.removeAttribute("aria-busy");
        window.scrollTo(x, y);
        var msg = main.querySelector(".row-message");
        if (msg) {
          msg.focus({ preventScroll: true });
          var box = msg.getBoundingClientRect();
          if (box.top < 0 || box.bottom > window.innerHeight) msg.scrollIntoView({ block: "center" });
        }
      });
  }

  document.addEventListener("submit", function (e) {
    var form = e.target;
    if (!form.hasAttribute || !form.hasAttribute("data-inplace") || !window.fetch || !window.DOMParser) return;
    e.preventDefault();
    var submitter = e.submitter;
    inPlace(form, submitter).catch(function () { form.submit(); });
  });

  document.addEventListener("click", function (e) {
    var p = e.target.closest && e.target.closest("[data-print]");
    if (p) { e.preventDefault(); window.print(); }
  });

  // An occupation field offers the taxonomy's names as one types (its
  // datalist); the server reads whatever is sent, picked or typed.
  function suggestOccupations(input) {
    var list = document.getElementById(input.getAttribute("list"));
    var timer;
    if (!list) return;
    input.addEventListener("input", function () {
      clearTimeout(timer);
      var q = input.value.trim();
      if (q.length < 2) return;
      timer = setTimeout(function () {
        fetch("/api/v1/taxonomy/occupations?limit=12&q=" + encodeURIComponent(q), { credentials: "same-origin", headers: { "Accept": "application/json" } })
          .then(function (r) { return r.ok ? r.json() : { items: [] }; })
          .then(function (d) {
            var seen = {};
            list.replaceChildren();
            (d.items || []).forEach(function (it) {
              if (!it.label || seen[it.label]) return;
              seen[it.label] = true;
              var o = document.createElement("option");
              o.value = it.label;
              list.appendChild(o);
            });
          })
          .catch(function () {});
      }, 150);
    });
  }

  // An interview at the jobcentre or the employer needs an address, one
  // online a link: the browser says so before sending (a refusal after it
  // lost the date and times typed).
  function interviewPlace(form) {
    var mode = form.querySelector("select[name=mode]");
    var place = form.querySelector("input[name=place]");
    var url = form.querySelector("input[name=url]");
    if (!mode || !place || !url) return;
    var sync = function () {
      place.required = mode.value !== "online";
      url.required = mode.value === "online";
    };
    mode.addEventListener("change", sync);
    sync();
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("input[data-suggest=occupations][list]").forEach(suggestOccupations);
    document.querySelectorAll("form.interview-form").forEach(interviewPlace);
    var form = document.querySelector("form.entry");
    if (form) {
      syncTopic(form);
      form.addEventListener("change", function (e) { if (e.target.name === "topic") syncTopic(form); });
    }
    // The error of a form further down the page (an employer's answer
    // on the status page) is where the reader is taken, not the top.
    var summary = document.getElementById("errorsummary") || document.getElementById("resent") || document.getElementById("answer-error");
    // A page that puts the cursor in the field in error (the hotline's
    // phone, retyped in a second while the caller waits) keeps it there;
    // the summary above still lists the error.
    var atField = document.querySelector('.form-error [autofocus], [aria-invalid="true"][autofocus]');
    if (summary && !atField) summary.focus();
    var msg = document.querySelector(".row-message");
    if (msg && !summary) msg.focus({ preventScroll: true });
    // Prevent double submits of a form that writes; the server also
    // de-duplicates by the form token. A search (GET) is never held: the
    // browser restores a page from its back-forward cache as it was left,
    // and "Søg" stayed disabled after Back.
    document.querySelectorAll('form[method="post"]:not([data-inplace])').forEach(function (f) {
      f.addEventListener("submit", function () {
        var b = f.querySelector('button[type="submit"]');
        if (b) setTimeout(function () { b.disabled = true; }, 0);
      });
    });
  });
  // A table that scrolls in its box can be scrolled from the keyboard.
  function scrollables() {
    document.querySelectorAll(".table-scroll").forEach(function (box) {
      if (box.scrollWidth > box.clientWidth + 1) {
        box.tabIndex = 0;
        box.setAttribute("role", "region");
        var cap = box.querySelector("caption") || box.previousElementSibling;
        box.setAttribute("aria-label", cap && cap.textContent.trim() ? cap.textContent.trim().slice(0, 80) : document.title);
      } else if (box.hasAttribute("role")) {
        box.removeAttribute("tabindex");
        box.removeAttribute("role");
        box.removeAttribute("aria-label");
      }
    });
  }
  document.addEventListener("DOMContentLoaded", scrollables);
  window.addEventListener("resize", scrollables);
  // A page shown again from the back-forward cache: its forms can be sent.
  window.addEventListener("pageshow", function (e) {
    if (!e.persisted) return;
    document.querySelectorAll("form button[type=submit][disabled]").forEach(function (b) { b.disabled = false; });
  });
})();
