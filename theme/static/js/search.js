// Start Pagefind's search UI in #search; pagefind-ui.js (deferred before us) finds its own index.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var label = element.dataset.searchLabel || "Search";
  new PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: true,
    translations: { placeholder: label },
  });
  // Pagefind labels its box only with a title; give it a real accessible name.
  var name = function () {
    var input = element.querySelector("input");
    if (input) input.setAttribute("aria-label", label);
    return Boolean(input);
  };
  if (!name()) {
    new MutationObserver(function (changes, observer) {
      if (name()) observer.disconnect();
    }).observe(element, { childList: true, subtree: true });
  }
});
