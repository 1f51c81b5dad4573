// "Tick all" in the registrations table ticks or clears every row for the bulk action.
document.addEventListener("change", (event) => {
  if (!event.target.matches("[data-select-all]")) return;
  const table = event.target.closest("table");
  for (const box of table.querySelectorAll('tbody input[type="checkbox"]')) {
    box.checked = event.target.checked;
  }
});
