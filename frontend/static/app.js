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
  document.addEventListener("DOMContentLoaded", function () {
    var form = document.querySelector("form.entry");
    if (form) {
      syncTopic(form);
      form.addEventListener("change", function (e) { if (e.target.name === "topic") syncTopic(form); });
    }
    var summary = document.getElementById("errorsummary");
    if (summary) summary.focus();
    // Prevent double submits; the server also de-duplicates by the form token.
    document.querySelectorAll("form").forEach(function (f) {
      f.addEventListener("submit", function () {
        var b = f.querySelector('button[type="submit"]');
        if (b) setTimeout(function () { b.disabled = true; }, 0);
      });
    });
  });
})();
