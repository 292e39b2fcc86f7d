/* "Lees voor" on a step: optional, so a page in low-data mode leaves it out
   (core/lowdata.py); the button stays hidden without it. */
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

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-read-aloud]").forEach(setUpReadAloud);
  });
})();
