/* Progressive enhancement only: every page works without this file. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  document.addEventListener("DOMContentLoaded", function () {
    // A form that comes back with errors: focus the summary, so screen reader and
    // keyboard users hear what to fix first; its links lead to each field.
    var summary = document.getElementById("error-summary");
    if (summary) {
      summary.focus();
    }
    // Filter selects fill a phone's first screen: there they start closed behind
    // their summary. Without this script they simply stay open.
    if (window.matchMedia("(max-width: 47.99em)").matches) {
      document.querySelectorAll("details[data-collapse-narrow]").forEach(function (details) {
        details.open = false;
      });
    }
    var toggle = document.querySelector(".main-nav__toggle");
    if (!toggle) {
      return;
    }
    toggle.hidden = false;
    toggle.addEventListener("click", function () {
      var expanded = toggle.getAttribute("aria-expanded") === "true";
      toggle.setAttribute("aria-expanded", expanded ? "false" : "true");
    });
  });
})();
