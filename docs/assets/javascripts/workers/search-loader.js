/* Search on first use. Material starts its search worker and fetches the whole index as
   soon as any page opens; on a phone with slow data that is a sixth of the page's weight,
   spent before anyone searches. This stand-in worker answers "ready" at once, and fetches
   Material's worker and the full index only when the first search is typed.
   Protocol (Material's): 0 setup, 1 ready, 2 query, 3 result. */
(function () {
  "use strict";

  var here = new URL(self.location.href);
  var workerUrl = new URL(here.searchParams.get("worker"), here).href;
  /* Where the full index is comes with the settings (the index Material fetches first), not in
     this script's address: every language starts the loader at one address, fetched once. */
  var indexUrl = null;
  var toPage = self.postMessage.bind(self);
  var options = {};
  var loaded = null;

  /* Material's worker replies through the global postMessage: its "ready" is ours to keep. */
  function load() {
    if (!loaded) {
      loaded = fetch(indexUrl)
        .then(function (response) { return response.json(); })
        .then(function (index) {
          return new Promise(function (resolve) {
            self.postMessage = function (message) {
              if (message && message.type === 1) { resolve(); } else { toPage(message); }
            };
            importScripts(workerUrl);
            self.dispatchEvent(new MessageEvent("message", {
              data: { type: 0, data: { config: index.config, docs: index.docs, options: options } }
            }));
          });
        });
    }
    return loaded;
  }

  self.addEventListener("message", function (event) {
    if (!event.isTrusted) { return; }  /* our own replay to Material's worker */
    var message = event.data;
    if (message.type === 0) {
      options = message.data.options || {};
      indexUrl = new URL(message.data.config.full_index, here).href;
      toPage({ type: 1 });
    } else if (!loaded && message.type === 2 && !String(message.data).trim()) {
      /* Material asks an empty query as it starts: nothing to find, nothing to load. */
      toPage({ type: 3, data: { items: [] } });
    } else {
      load().then(function () {
        self.dispatchEvent(new MessageEvent("message", { data: message }));
      });
    }
  });
})();
