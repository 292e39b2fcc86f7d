/* The service worker's code. /sw.js (website.views.service_worker) sets its settings in
   self.SAMENREDZAAM_OFFLINE and imports this file; the page's side is offline.js.

   Pages: network first. A learning page (a step, a module, the index: config.pages) that
   comes back is kept, so the learner can read every step they opened when the connection
   is gone; no other page is kept (a shared phone: nothing of the person beyond the steps,
   and logging in or out makes the browser forget even those: website.middleware). Without
   a connection, the kept copy, else the offline page. Static files: network first too
   (the browser's HTTP cache answers the hashed ones at once), kept as a fallback.

   The queue: a step's action (config.actions: a tick, an answer, "Klaar met deze stap")
   made offline waits in IndexedDB, in order, until a page says the connection is back
   (its "online" event, or any page load) or Background Sync fires. Each one is sent once,
   then taken off; sent again only when the answer to the first try never came, and the
   server treats such a repeat as the same request (learning.services). Sending runs under
   a lock, so two pages, or an old and a new worker, never send the same entry side by side.

   CSRF: the queued form carries the token of the page it came from. Django's CSRF secret
   lives in a cookie that changes only at login, and logging in or out clears this queue
   (Clear-Site-Data), so the token is still good when the entry is sent. A 403 means
   someone else signed in on this phone in between: the entry is dropped and the page says
   it was not sent, rather than fetching a fresh token and saving one person's tick for
   another. */
"use strict";

const config = self.SAMENREDZAAM_OFFLINE;
const PREFIX = "samenredzaam-";
const CACHE = PREFIX + config.version;
const QUEUE = "wachtrij";
const SYNC_TAG = "samenredzaam-wachtrij";

// The shell's static files have hashed names: the copies the page just loaded are right,
// so the browser's HTTP cache answers (no second download on a first visit). The offline
// page (small) is asked for afresh.
function precacheRequest(url) {
  return new Request(url, {cache: url === config.offline ? "no-cache" : "default"});
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(CACHE)
      .then((cache) => cache.addAll(config.precache.map(precacheRequest)))
      .then(() => self.skipWaiting())
  );
});

// A new version's cache replaces the old ones (a deploy), and the worker takes over the
// open pages at once.
self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches.keys()
      .then((names) => Promise.all(
        names.filter((name) => name.startsWith(PREFIX) && name !== CACHE)
          .map((name) => caches.delete(name))
      ))
      .then(() => self.clients.claim())
  );
});

function isQueued(url) {
  return url.origin === self.location.origin
    && url.pathname.startsWith(config.pages)
    && config.actions.some((action) => url.pathname.endsWith("/" + action));
}

self.addEventListener("fetch", (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) { return; }
  if (request.method === "POST" && request.mode === "navigate" && isQueued(url)) {
    event.respondWith(sendOrQueue(request));
  } else if (request.method === "GET" && request.mode === "navigate") {
    event.respondWith(networkFirst(event, url.pathname.startsWith(config.pages)));
  } else if (request.method === "GET" && url.pathname.startsWith(config.static)) {
    event.respondWith(networkFirst(event, askedByLearningPage(event)));
  }
});

// A static file is kept when a learning page asks for it: what a kept page needs offline
// (the shell is kept at install), not what the admin or the forum use.
async function askedByLearningPage(event) {
  const page = event.clientId && await self.clients.get(event.clientId);
  return Boolean(page) && new URL(page.url).pathname.startsWith(config.pages);
}

// `keep`: whether (or a promise of whether) to keep a copy of the answer.
async function networkFirst(event, keep) {
  const request = event.request;
  try {
    const response = await fetch(request);
    if (response.status === 200 && !response.redirected && await keep) {
      const copy = response.clone();
      event.waitUntil(caches.open(CACHE).then((cache) => cache.put(request, copy)));
    }
    return response;
  } catch (offline) {
    const kept = await caches.match(request, {ignoreVary: true});
    if (kept) { return kept; }
    if (request.mode === "navigate") {
      const page = await caches.match(config.offline);
      if (page) { return page; }
    }
    throw offline;
  }
}

// A form the page sent although the connection was gone (the browser thought it was
// there): queue it and show the step again, where the page says it waits.
async function sendOrQueue(request) {
  const copy = request.clone();
  try {
    return await fetch(request);
  } catch (offline) {
    await enqueue(copy.url, await copy.text());
    return Response.redirect(copy.url.replace(/[^/]+\/$/, ""), 303);
  }
}

self.addEventListener("message", (event) => {
  const message = event.data || {};
  if (message.type === "queue") {
    const url = new URL(message.url, self.location.origin);
    const queued = isQueued(url);
    event.waitUntil(
      (queued ? enqueue(url.href, message.body) : Promise.resolve())
        .then(() => event.ports[0] && event.ports[0].postMessage({queued: queued}))
        .then(() => sendQueued())
        .catch(() => {})
    );
  } else if (message.type === "send") {
    event.waitUntil(sendQueued().catch(() => {}));
  }
});

// Background Sync, where the browser has it: it retries later when entries are left.
self.addEventListener("sync", (event) => {
  if (event.tag !== SYNC_TAG) { return; }
  event.waitUntil(sendQueued().then((pending) => {
    if (pending) { throw new Error("still offline"); }
  }));
});

async function enqueue(url, body) {
  await store("readwrite", (queue) => queue.add({url: url, body: body}));
  if (self.registration.sync) {
    await self.registration.sync.register(SYNC_TAG).catch(() => {});
  }
}

// Send what waits, oldest first; stop at the first that cannot go yet (no connection,
// or the server is busy), so the order stays. Tell every open page how it went.
function sendQueued() {
  return exclusive(async () => {
    let sent = 0;
    let failed = 0;
    for (const entry of await store("readonly", (queue) => queue.getAll())) {
      let response;
      try {
        response = await fetch(entry.url, {
          method: "POST",
          body: entry.body,
          headers: {"Content-Type": "application/x-www-form-urlencoded"},
          credentials: "same-origin",
          redirect: "manual"
        });
      } catch (offline) {
        break;
      }
      if (response.status === 429 || response.status >= 500) { break; }
      await store("readwrite", (queue) => queue.delete(entry.id));
      // Done: the server redirects after an action. Anything else it refused for good
      // (the step changed, or someone else signed in): sending again would not help.
      if (response.type === "opaqueredirect" || response.ok) { sent += 1; } else { failed += 1; }
    }
    const pending = await store("readonly", (queue) => queue.count());
    const pages = await self.clients.matchAll({type: "window"});
    pages.forEach((page) => page.postMessage({type: "queue", pending: pending, sent: sent, failed: failed}));
    return pending;
  });
}

let running = Promise.resolve();
function exclusive(task) {
  if (self.navigator.locks) { return self.navigator.locks.request(SYNC_TAG, task); }
  const result = running.then(task, task);
  running = result.catch(() => {});
  return result;
}

// The queue in IndexedDB: `work` gets the object store, and its request's result is the
// answer once the transaction is complete.
function store(mode, work) {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open("samenredzaam", 1);
    open.onupgradeneeded = () => open.result.createObjectStore(QUEUE, {keyPath: "id", autoIncrement: true});
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const database = open.result;
      const transaction = database.transaction(QUEUE, mode);
      const request = work(transaction.objectStore(QUEUE));
      transaction.oncomplete = () => { database.close(); resolve(request.result); };
      transaction.onerror = () => { database.close(); reject(transaction.error); };
    };
  });
}
