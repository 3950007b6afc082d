/* Progressive enhancement only: every page reads and works without this file.
   It adds copy buttons, which need JavaScript to do anything, and runs the light and dark
   switch, which Material would otherwise run. */
(function () {
  "use strict";

  var status;
  /* Each message in the page's language: a translated page defines siteWords (overrides/main.html),
     which gives an English message in its words, and its months; elsewhere the English stays. */
  var t = window.siteWords || String;

  /* The light and dark switch (overrides/partials/palette.html), run as Material runs its own,
     the choice kept where Material keeps it (its inline script in the header applies it on the
     next page), less the work Material does as it starts: the body's colours are written only
     when they change, so a page already in the right colours is not restyled, and the browser's
     colours (theme-color, color-scheme) are read when the browser is idle. */
  var palette = document.querySelector("form[data-palette-switch]");
  if (palette) {
    var options = palette.querySelectorAll("input.md-option");
    var themeColour = document.head.appendChild(document.createElement("meta"));
    var colourScheme = document.head.appendChild(document.createElement("meta"));
    themeColour.name = "theme-color";
    colourScheme.name = "color-scheme";
    var shown = 0;
    var readColours = function () {
      var style = getComputedStyle(document.querySelector("[data-md-component=header]"));
      colourScheme.content = style.colorScheme;
      themeColour.content = "#" + style.backgroundColor.match(/\d+/g).slice(0, 3).map(function (value) {
        return (+value).toString(16).padStart(2, "0");
      }).join("");
    };
    var showPalette = function (index) {
      var option = options[index], colour = {};
      ["media", "scheme", "primary", "accent"].forEach(function (key) {
        colour[key] = option.getAttribute("data-md-color-" + key);
        if (document.body.getAttribute("data-md-color-" + key) !== colour[key]) {
          document.body.setAttribute("data-md-color-" + key, colour[key]);
        }
      });
      options.forEach(function (input, each) {
        if (input.nextElementSibling instanceof HTMLElement) input.nextElementSibling.hidden = each !== index;
      });
      shown = index;
      __md_set("__palette", { index: index, color: colour });
    };
    var saved = __md_get("__palette");
    var first = [].findIndex.call(options, function (input) {
      return matchMedia(input.getAttribute("data-md-color-media")).matches;
    });
    showPalette(Math.max(0, Math.min(saved ? saved.index : first, options.length - 1)));
    (window.requestIdleCallback || window.setTimeout)(readColours);
    options.forEach(function (input, index) {
      input.addEventListener("change", function () {
        /* No colour fades while the whole page changes (Material's stylesheet). */
        document.body.setAttribute("data-md-color-switching", "");
        showPalette(index);
        readColours();
        window.setTimeout(function () { document.body.removeAttribute("data-md-color-switching"); });
      });
    });
    palette.addEventListener("keydown", function (event) {
      if (event.key !== "Enter") return;
      var next = options[(shown + 1) % options.length];
      next.click();
      next.focus();
    });
  }

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

  /* Text, and with it HTML for email clients that keep formatting; text alone where the
     browser cannot write both. */
  function copy(text, html) {
    if (html && window.ClipboardItem && navigator.clipboard && navigator.clipboard.write) {
      return navigator.clipboard.write([new ClipboardItem({
        "text/plain": new Blob([text], { type: "text/plain" }),
        "text/html": new Blob([html], { type: "text/html" })
      })]).catch(function () { return copyText(text); });
    }
    return copyText(text);
  }

  /* `content()` gives what to copy, {text, html (optional), said}, or a message to announce
     instead when there is nothing to copy. A longer name, if any, starts with the words shown
     (WCAG 2.5.3); while "Copied" shows, that is the name. */
  function makeButton(label, accessibleName, content) {
    var button = document.createElement("button");
    button.type = "button";
    button.className = "copy-button";
    button.textContent = label;
    if (accessibleName) { button.setAttribute("aria-label", accessibleName); }
    button.addEventListener("click", function () {
      var copied = content();
      if (typeof copied === "string") return announce(copied);
      copy(copied.text, copied.html).then(function () {
        button.textContent = t("Copied");
        button.removeAttribute("aria-label");
        button.classList.add("copy-button--done");
        announce(copied.said);
        window.setTimeout(function () {
          button.textContent = label;
          if (accessibleName) { button.setAttribute("aria-label", accessibleName); }
          button.classList.remove("copy-button--done");
        }, 4000);
      }, function () {
        announce(t("Could not copy. Select the text and copy it instead."));
      });
    });
    return button;
  }

  /* A copy-link button on every clause, and on every entry of the clause index. */
  document.querySelectorAll("[data-link][data-clause]").forEach(function (item) {
    var id = item.getAttribute("data-clause");
    var link = item.getAttribute("data-link");
    item.appendChild(makeButton(t("Copy link"), t("Copy link to clause " + id), function () {
      return { text: link, said: t("Link to clause " + id + " copied: " + link) };
    }));
  });

  /* The clause index: tick clauses, then copy them in one go for a letter or email. The page
     keeps room for these controls (site.css), so adding them moves nothing. */
  var picker = document.querySelector("[data-clause-picker]");
  if (picker) {
    var entries = document.querySelectorAll("li.clause-ref");
    var count = document.createElement("p");
    var chosen = function () {
      return [].filter.call(entries, function (item) { return item.querySelector("input").checked; });
    };
    var clauses = function (n) { return (n || "No") + (n === 1 ? " clause" : " clauses"); };
    var showCount = function () { count.textContent = clauses(chosen().length) + " selected"; };
    entries.forEach(function (item) {
      var label = document.createElement("label");
      var box = label.appendChild(document.createElement("input"));
      box.type = "checkbox";
      box.addEventListener("change", showCount);
      label.className = "clause-pick";
      label.appendChild(document.createTextNode("Select " + item.getAttribute("data-clause")));
      item.insertBefore(label, item.querySelector(".copy-button"));
    });
    /* Plain text, one clause a paragraph; and a list with the ID bold and the link a link. */
    var copyChosen = makeButton("Copy selected clauses", "", function () {
      var items = chosen();
      if (!items.length) return "No clauses are selected. Select the clauses to copy first.";
      var list = document.createElement("ul"), text = [], ids = [];
      items.forEach(function (item) {
        var id = item.getAttribute("data-clause"), link = item.getAttribute("data-link");
        var words = item.querySelector(".clause-ref__text").textContent;
        var entry = list.appendChild(document.createElement("li"));
        entry.appendChild(document.createElement("strong")).textContent = id;
        entry.appendChild(document.createTextNode(" " + words));
        entry.appendChild(document.createElement("br"));
        var a = entry.appendChild(document.createElement("a"));
        a.href = a.textContent = link;
        text.push(id + " " + words + "\n" + link);
        ids.push(id);
      });
      return { text: text.join("\n\n"), html: list.outerHTML,
        said: clauses(ids.length) + " copied: " + ids.join(", ") };
    });
    var clear = document.createElement("button");
    clear.type = "button";
    clear.textContent = "Clear selection";
    clear.addEventListener("click", function () {
      entries.forEach(function (item) { item.querySelector("input").checked = false; });
      showCount();
      announce(count.textContent);
    });
    count.id = "clause-picker-count";
    count.className = "clause-picker__count";
    showCount();
    picker.appendChild(count);
    /* Screen readers hear the count with each button: "Clear selection, 2 clauses selected".
       (They look like copy buttons, but .copy-button marks one clause's or the rules'.) */
    [copyChosen, clear].forEach(function (button) {
      button.className = "clause-picker__button";
      button.setAttribute("aria-describedby", count.id);
      picker.appendChild(button);
    });
  }

  /* The date a printed page was printed on, as "24 November 2026". (Month names by hand:
     the first call into Intl loads locale data, a long task on a slow phone.) */
  var MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  function stampPrintDate() {
    var today = new Date();
    document.querySelectorAll("[data-print-date]").forEach(function (slot) {
      slot.textContent = t(" on " + today.getDate() + " " + (t.months || MONTHS)[today.getMonth()] + " " + today.getFullYear());
    });
  }
  stampPrintDate();
  /* A page left open overnight is printed with the day it is printed. */
  window.addEventListener("beforeprint", stampPrintDate);

  /* The code of conduct as WhatsApp text. */
  var rules = document.getElementById("whatsapp-text");
  if (rules) {
    var button = makeButton(
      t("Copy for WhatsApp"), null, function () {
        return { text: rules.textContent, said: t("The rules are copied. Paste them into your group.") };
      }
    );
    button.classList.add("copy-button--large");
    rules.parentNode.insertBefore(button, rules.nextSibling);
  }

  /* Material searches on each key released: text that comes without one (pasted from the menu,
     dictated, or composed by a keyboard for another script) searches too. */
  var query = document.querySelector(".md-search__input");
  if (query) {
    query.addEventListener("input", function () { query.dispatchEvent(new KeyboardEvent("keyup")); });
  }
})();
