// Start Pagefind's search UI in #search; pagefind-ui.js (deferred before us) finds its own index.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  new PagefindUI({
    element: "#search",
    showImages: false,
    showSubResults: true,
    translations: { placeholder: element.dataset.searchPlaceholder || "Search" },
  });
});
