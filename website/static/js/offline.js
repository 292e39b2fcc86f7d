/* Installable and offline, on the page's side (the worker's side: offline-worker.js).
   Progressive enhancement only: without it every form is a plain form.

   - Registers the service worker (/sw.js), which keeps the steps the learner opened.
   - Offline, a form is not sent into the void: the step's actions (a tick, an answer,
     "Klaar met deze stap") go to the worker's queue, which sends them once the
     connection returns; any other form (search, the forum, logging in) says it needs
     the network. The page says which, in the words Django put on this script's tag.
   - On the offline page, lists the learning pages the worker kept. */
(function () {
  "use strict";

  var script = document.currentScript;
  if (!script || !("serviceWorker" in navigator)) { return; }
  var words = script.dataset;
  var worker = navigator.serviceWorker;
  var notice = null;
  var lastForm = null;

  // One notice, after the form it is about (else, and for the header's forms, at the
  // top of the content), read out by screen readers as it changes.
  function say(text, form) {
    if (!notice) {
      notice = document.createElement("p");
      notice.className = "offline-notice";
      notice.setAttribute("role", "status");
    }
    var place = form || lastForm;
    if (place && !place.closest("header")) {
      place.after(notice);
    } else {
      document.querySelector("main").prepend(notice);
    }
    notice.textContent = text;
  }

  function ask(message) {
    if (worker.controller) { worker.controller.postMessage(message); }
  }

  // What the worker's queue holds now: waiting, just sent, or refused by the server.
  worker.addEventListener("message", function (event) {
    var status = event.data || {};
    if (status.type !== "queue") { return; }
    if (status.failed) { say(words.failed); }
    else if (status.pending) { say(words.queued); }
    else if (status.sent) { say(words.sent); }
  });

  document.addEventListener("submit", function (event) {
    if (navigator.onLine || event.defaultPrevented) { return; }
    var form = event.target;
    event.preventDefault();
    lastForm = form;
    if (!worker.controller || form.method !== "post") {
      say(words.needsNetwork, form);
      return;
    }
    var channel = new MessageChannel();
    channel.port1.onmessage = function (reply) {
      if (!reply.data.queued) { say(words.needsNetwork, form); }
    };
    worker.controller.postMessage({
      type: "queue",
      url: form.action,
      body: new URLSearchParams(new FormData(form)).toString()
    }, [channel.port2]);
  });

  window.addEventListener("online", function () { ask({type: "send"}); });

  // A page shown offline is the worker's copy: its one-time messages ("Goed gedaan!")
  // were shown when it was fresh, and are not news now.
  if (!navigator.onLine) {
    document.querySelectorAll(".messages").forEach(function (element) { element.remove(); });
  }

  function listKeptPages(section) {
    var prefix = section.getAttribute("data-offline-pages");
    caches.keys().then(function (names) {
      return Promise.all(names.filter(function (name) {
        return name.indexOf("samenredzaam-") === 0;
      }).map(function (name) {
        return caches.open(name).then(function (cache) {
          return cache.keys().then(function (requests) {
            return Promise.all(requests.filter(function (request) {
              return new URL(request.url).pathname.indexOf(prefix) === 0;
            }).map(function (request) {
              return cache.match(request).then(function (response) { return response.text(); })
                .then(function (html) {
                  var heading = new DOMParser().parseFromString(html, "text/html").querySelector("h1");
                  return {url: request.url, title: heading ? heading.textContent.trim() : request.url};
                });
            }));
          });
        });
      }));
    }).then(function (lists) {
      var list = section.querySelector("ul");
      [].concat.apply([], lists).forEach(function (page) {
        var link = document.createElement("a");
        link.href = page.url;
        link.textContent = page.title;
        list.appendChild(document.createElement("li")).appendChild(link);
      });
      section.hidden = !list.children.length;
    });
  }

  window.addEventListener("load", function () {
    worker.register(words.worker).catch(function () { /* no worker: plain forms */ });
    ask({type: "send"});  // anything still waiting from an earlier visit
    var kept = document.querySelector("[data-offline-pages]");
    if (kept && window.caches) { listKeptPages(kept); }
  });
})();
