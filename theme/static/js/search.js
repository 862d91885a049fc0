// Start Pagefind's search UI in #search; pagefind-ui.js (deferred before us) finds its own index.
// A large archive is indexed in shards: pagefind/shards.json lists the other bundles to merge.
window.addEventListener("DOMContentLoaded", function () {
  var element = document.getElementById("search");
  if (!element || typeof PagefindUI === "undefined") return;
  var label = element.dataset.searchLabel || "Search";
  var script = document.querySelector('script[src$="pagefind/pagefind-ui.js"]');
  var base = script ? script.src.replace(/pagefind\/pagefind-ui\.js$/, "") : "";

  var start = function (shards) {
    new PagefindUI({
      element: "#search",
      showImages: false,
      showSubResults: true,
      translations: { placeholder: label },
      mergeIndex: shards.map(function (bundle) { return { bundlePath: base + bundle }; }),
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
  };

  fetch(base + "pagefind/shards.json")
    .then(function (response) { return response.ok ? response.json() : []; })
    .catch(function () { return []; })
    .then(function (shards) { start(Array.isArray(shards) ? shards : []); });
});
