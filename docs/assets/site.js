/* Progressive enhancement only: every page reads and works without this file.
   It adds copy buttons, which need JavaScript to do anything. */
(function () {
  "use strict";

  var status;

  /* One polite live region tells screen readers what was copied. */
  function announce(message) {
    if (!status) {
      status = document.createElement("div");
      status.className = "copy-status";
      status.setAttribute("role", "status");
      document.body.appendChild(status);
    }
    status.textContent = "";
    window.setTimeout(function () { status.textContent = message; }, 50);
  }

  function copyText(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text);
    }
    /* Older browsers and plain-http previews: copy through a hidden text area. */
    return new Promise(function (resolve, reject) {
      var area = document.createElement("textarea");
      area.value = text;
      area.setAttribute("readonly", "");
      area.className = "copy-buffer";
      document.body.appendChild(area);
      area.select();
      var done = document.execCommand("copy");
      document.body.removeChild(area);
      (done ? resolve : reject)();
    });
  }

  /* A longer name, if any, starts with the words shown (WCAG 2.5.3); while "Copied" shows,
     that is the name. */
  function makeButton(label, accessibleName, text, confirmation) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    if (accessibleName) { button.setAttribute("aria-label", accessibleName); }
    button.addEventListener("click", function () {
      copyText(text()).then(function () {
        button.textContent = "Copied";
        button.removeAttribute("aria-label");
        button.classList.add("copy-button--done");
        announce(confirmation);
        window.setTimeout(function () {
          button.textContent = label;
          if (accessibleName) { button.setAttribute("aria-label", accessibleName); }
          button.classList.remove("copy-button--done");
        }, 4000);
      }, function () {
        announce("Could not copy. Select the text and copy it instead.");
      });
    });
    return button;
  }

  /* A copy-link button on every clause, and on every entry of the clause index. */
  document.querySelectorAll("[data-link][data-clause]").forEach(function (item) {
    var id = item.getAttribute("data-clause");
    var link = item.getAttribute("data-link");
    item.appendChild(makeButton(
      "Copy link", "Copy link to clause " + id, function () { return link; },
      "Link to clause " + id + " copied: " + link
    ));
  });

  /* The date a printed page was printed on, as "24 November 2026". (Month names by hand:
     the first call into Intl loads locale data, a long task on a slow phone.) */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function stampPrintDate() {
    var today = new Date();
    document.querySelectorAll("[data-print-date]").forEach(function (slot) {
      slot.textContent = " on " + today.getDate() + " " + MONTHS[today.getMonth()] + " " + today.getFullYear();
    });
  }
  stampPrintDate();
  /* A page left open overnight is printed with the day it is printed. */
  window.addEventListener("beforeprint", stampPrintDate);

  /* The code of conduct as WhatsApp text. */
  var rules = document.getElementById("whatsapp-text");
  if (rules) {
    var button = makeButton(
      "Copy for WhatsApp", null,
      function () { return rules.textContent; },
      "The rules are copied. Paste them into your group."
    );
    button.classList.add("copy-button--large");
    rules.parentNode.insertBefore(button, rules.nextSibling);
  }
})();
