// After a form comes back with errors, move focus to the summary so screen reader and
// keyboard users hear what to fix first; the summary's links lead to each field.
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("error-summary");
  if (summary) {
    summary.focus();
  }
});
