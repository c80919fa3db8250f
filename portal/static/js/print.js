// The print view's "Print" button (the site runs no inline script).
document.addEventListener("click", (event) => {
  if (event.target.closest("[data-print]")) window.print();
});
