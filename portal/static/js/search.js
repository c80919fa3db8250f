// The search page's facet groups stand open beside the results on wide screens
// and folded above them on narrow ones, where they would push the results away.
const wideScreen = window.matchMedia("(min-width: 64rem)");

function fitFacetGroups() {
  document.querySelectorAll("details.facet-group").forEach((group) => {
    group.open = wideScreen.matches;
  });
}

fitFacetGroups();
wideScreen.addEventListener("change", fitFacetGroups);
