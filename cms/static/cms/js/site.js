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
