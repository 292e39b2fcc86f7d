/* Progressive enhancement only: every core flow works without this file. */
(function () {
  "use strict";

  // "Lees voor": read the step aloud with the browser's speech synthesis, in the
  // language of the text. The button stays hidden where speech is unsupported.
  function setUpReadAloud(button) {
    if (!("speechSynthesis" in window) || typeof SpeechSynthesisUtterance === "undefined") {
      return;
    }
    var target = document.querySelector(button.getAttribute("data-read-aloud"));
    if (!target) { return; }
    var start = button.getAttribute("data-label-start");
    var stop = button.getAttribute("data-label-stop");
    button.closest(".read-aloud").hidden = false;
    button.setAttribute("aria-pressed", "false");

    function reset() {
      button.textContent = start;
      button.setAttribute("aria-pressed", "false");
    }

    button.addEventListener("click", function () {
      if (window.speechSynthesis.speaking) {
        window.speechSynthesis.cancel();
        reset();
        return;
      }
      var utterance = new SpeechSynthesisUtterance(target.innerText);
      utterance.lang = target.closest("[lang]").getAttribute("lang");
      utterance.rate = 0.95;
      utterance.onend = reset;
      utterance.onerror = reset;
      button.textContent = stop;
      button.setAttribute("aria-pressed", "true");
      window.speechSynthesis.speak(utterance);
    });
  }

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
    document.querySelectorAll("[data-read-aloud]").forEach(setUpReadAloud);
    document.querySelectorAll(".site-menu").forEach(setUpMenu);
    var quickExit = document.querySelector("[data-quick-exit]");
    if (quickExit) { setUpQuickExit(quickExit); }
    // A form that came back with errors: the summary at its top takes the focus, so
    // screen readers read it first and the keyboard starts there.
    var summary = document.querySelector("[data-error-summary]");
    if (summary) { summary.focus(); }
  });
})();
