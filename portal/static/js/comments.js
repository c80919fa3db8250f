// "Get a new security code": load another image without leaving the page.
document.addEventListener("click", (event) => {
  const link = event.target.closest("[data-captcha-refresh]");
  if (!link) return;
  event.preventDefault();
  const box = link.closest(".captcha");
  const image = box.querySelector(".captcha__image");
  image.src = image.src.split("?")[0] + "?" + Date.now();
  box.querySelector("input[name=captcha]").value = "";
});

// After sending, the thanks stand where the form was: move the focus there,
// so that it is in view and screen readers read it out.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelector("[data-comment-sent]")?.focus();
});
