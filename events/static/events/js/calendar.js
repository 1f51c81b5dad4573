// Adds a "copy address" button beside each calendar address field. Without
// JavaScript the read-only field still lets people select and copy the address.
document.querySelectorAll("input[data-copy-label]").forEach((input) => {
  if (!navigator.clipboard) return;
  const button = document.createElement("button");
  button.type = "button";
  button.className = "button button--secondary calendar-subscribe__copy";
  button.textContent = input.dataset.copyLabel;
  const status = document.createElement("span");
  status.className = "calendar-subscribe__status";
  status.setAttribute("role", "status");
  button.addEventListener("click", () => {
    navigator.clipboard.writeText(input.value).then(() => {
      status.textContent = input.dataset.copiedLabel;
    });
  });
  input.after(button, status);
});
