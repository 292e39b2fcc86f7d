/* Progressive enhancement only: every core flow works without this file. */
(function () {
  "use strict";

  // "Snel weg": the link works without this; with it the page leaves no entry in the
  // history (Back does not return here), and Escape pressed three times leaves too.
  function setUpQuickExit(link) {
    var presses = [];
    function leave(event) {
      if (event) { event.preventDefault(); }
      document.body.hidden = true;
      window.location.replace(link.href);
    }
    link.addEventListener("click", leave);
    document.addEventListener("keydown", function (event) {
      if (event.key !== "Escape") { return; }
      var now = Date.now();
      presses = presses.filter(function (time) { return now - time < 2000; });
      presses.push(now);
      if (presses.length >= 3) { leave(event); }
    });
  }

  // The menu is a <details>: Escape closes it and gives the focus back to its button.
  function setUpMenu(menu) {
    menu.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && menu.open) {
        menu.open = false;
        menu.querySelector("summary").focus();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll(".site-menu").forEach(setUpMenu);
    var quickExit = document.querySelector("[data-quick-exit]");
    if (quickExit) { setUpQuickExit(quickExit); }
    // A form that came back with errors: the summary at its top takes the focus, so
    // screen readers read it first and the keyboard starts there.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  });
})();
