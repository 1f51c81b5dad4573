// Print buttons are hidden until this script shows them, so none is left dead without it.
document.querySelectorAll("[data-print]").forEach((button) => {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
});
