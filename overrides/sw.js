/* Service worker of Học vụ số: pages a reader opened, or saved, open again with no network.
   Template: hocvuso/offline.py writes site/sw.js from it with the build's VERSION and CORE files.
   One cache per build ("hvs-<version>"); a new build's worker deletes the old cache.
   Only this site's own files are cached, never another origin's. */
"use strict";
const VERSION = "__HVS_VERSION__";
const CORE = __HVS_CORE__;
const CACHE = "hvs-" + VERSION;
const ROOT = new URL("./", self.location).href;
const PAGE = /(\.html|\/|\.xml|\.json)$/;

const own = (url) => url.startsWith(ROOT);
const keep = (res) => res && res.ok && res.type === "basic";

async function put(cache, url) {
  const res = await fetch(url, { cache: "no-cache" });
  if (keep(res)) await cache.put(url, res.clone());
  return res;
}

self.addEventListener("install", (event) => {
  event.waitUntil(caches.open(CACHE)
    .then((cache) => Promise.all(CORE.map((u) => put(cache, new URL(u, ROOT).href).catch(() => null))))
    .then(() => self.skipWaiting()));
});

// A new build: what the reader had (visited or saved) is fetched again from this build, then
// the old cache goes, so no stale page survives. A file that fails to fetch is dropped too.
self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const old = (await caches.keys()).filter((k) => k.startsWith("hvs-") && k !== CACHE);
    const urls = new Set();
    for (const name of old) for (const req of await (await caches.open(name)).keys()) urls.add(req.url);
    const todo = [...urls];
    const worker = async () => {
      for (let url = todo.pop(); url; url = todo.pop()) {
        if (!(await cache.match(url))) await put(cache, url).catch(() => null);
      }
    };
    await Promise.all([worker(), worker(), worker()]);
    await Promise.all(old.map((k) => caches.delete(k)));
    await self.clients.claim();
  })());
});

// Pages: the network first (fresh after a new build), the cache when the network fails or
// takes too long. Other files (CSS, JS, images, PDFs): the cache first.
async function answer(req) {
  const cache = await caches.open(CACHE);
  const url = req.url.split("#")[0];
  if (PAGE.test(new URL(url).pathname)) {
    const net = fetch(req).then((res) => {
      if (keep(res)) cache.put(url, res.clone());
      return res;
    });
    const slow = new Promise((ok) => setTimeout(ok, 6000));
    const found = await Promise.race([net.catch(() => null), slow.then(() => cache.match(url, { ignoreSearch: true }))]);
    if (found) return found;
    const hit = await cache.match(url, { ignoreSearch: true });
    if (hit) return hit;
    return req.mode === "navigate" ? net.catch(() => notSaved(cache, url)) : net;
  }
  const hit = await cache.match(url, { ignoreSearch: true });
  if (hit) return hit;
  try {
    const res = await fetch(req);
    if (keep(res)) cache.put(url, res.clone());
    return res;
  } catch (err) {
    // Offline, asked for another width of a saved image: answer with the width we have.
    const m = url.match(/^(.*)-\d+\.webp$/);
    if (m) {
      for (const key of await cache.keys()) {
        if (key.url.startsWith(m[1] + "-") && /-\d+\.webp$/.test(key.url)) return cache.match(key);
      }
    }
    throw err;
  }
}

// A page never saved, with no network: our page in the reader's language (en/ or not) instead of the
// browser's error, listing what this device has saved. hocvuso/offline.py writes offline.html.
async function notSaved(cache, url) {
  const en = url.startsWith(ROOT + "en/");
  const page = new URL(en ? "en/offline.html" : "offline.html", ROOT).href;
  const res = await cache.match(page);
  if (!res) return Response.error();
  const saved = [];
  for (const req of await cache.keys()) {
    const u = req.url.split("?")[0];
    if (!/\.html$/.test(u) || u.startsWith(ROOT + "en/") !== en || /\/(offline|404)\.html$/.test(u)) continue;
    const html = await (await cache.match(req)).text();
    const title = (html.match(/<title>([^<]*)<\/title>/) || [])[1];
    if (title && !saved.some((s) => s[0] === u)) saved.push([u, title.replace(/ - [^-]*$/, "")]);
  }
  saved.sort((a, b) => a[1].localeCompare(b[1]));
  const list = saved.map(([u, t]) => `<li><a href="${u}">${t}</a></li>`).join("");
  // Functions, not strings: a "$&" in a title or address stays as it is.
  const text = (await res.text()).replace("<head>", () => `<head><base href="${page}">`)
    .replace("<!--hvs-retry-->", () => url).replace(/<!--hvs-saved-->[^]*?<!--\/hvs-saved-->/, (m) => list ? `<ul>${list}</ul>` : m);
  return new Response(text, { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } });
}

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !own(req.url)) return; // other origins: not ours to cache
  event.respondWith(answer(req));
});

// "Save for offline": {type: "save", urls} -> cache each page and the images and PDFs it
// links to, reporting {done, total, failed} on the message port after each page.
const LINKS = /(?:src|href)="([^"#?]+\.(?:webp|svg|png|jpe?g|pdf))"/g;

self.addEventListener("message", (event) => {
  const data = event.data || {};
  const port = event.ports && event.ports[0];
  if (data.type === "hello" && port) port.postMessage({ save: true }); // the page may offer "Save for offline"
  if (data.type !== "save" || !Array.isArray(data.urls)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    const urls = data.urls.filter(own);
    let done = 0;
    let failed = 0;
    for (const url of urls) {
      try {
        const res = await put(cache, url);
        if (!keep(res)) throw new Error(res.status);
        const html = await res.clone().text();
        const files = new Set();
        for (const m of html.matchAll(LINKS)) files.add(new URL(m[1], url).href);
        await Promise.all([...files].filter(own).map((f) => cache.match(f).then((hit) => hit || put(cache, f)).catch(() => null)));
      } catch (err) {
        failed += 1;
      }
      done += 1;
      if (port) port.postMessage({ done, total: urls.length, failed });
    }
  })());
});
