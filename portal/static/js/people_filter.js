// The sharing panel's filter box: shows only the people whose name or unit
// contains what was typed, with or without diacritics.
const fold = (text) =>
  text
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .toLowerCase();

document.querySelectorAll("[data-people-filter]").forEach((box) => {
  const list = document.getElementById(box.getAttribute("aria-controls"));
  if (!list) return;
  box.addEventListener("input", () => {
    const wanted = fold(box.value.trim());
    list.querySelectorAll("label").forEach((label) => {
      const item = label.closest("#" + list.id + " > div") || label;
      item.hidden = !fold(label.textContent).includes(wanted);
    });
  });
});
