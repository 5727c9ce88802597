/* Offline: registers site/sw.js and, on paths, offers "Save for offline" once the worker says it can save
   (the preview's worker never does). The saving itself is offline-save.js, loaded when pressed.
   A no-op without service workers (file://). */
(() => {
  let sw;
  try { sw = navigator.serviceWorker; } catch (e) { /* blocked site data: no offline copy */ }
  const me = document.currentScript;
  if (!sw || !/^https?:$/.test(location.protocol) || !me) return;
  // A question to the worker; cb gets each answer.
  const ask = window.hvsAsk = (msg, cb) => sw.ready.then(reg => {
    const ch = new MessageChannel();
    ch.port1.onmessage = e => cb(e.data);
    reg.active.postMessage(msg, [ch.port2]);
  });
  const button = () => ask({ type: "hello" }, r => r.save && document.querySelectorAll(".hvs-path").forEach(path => {
    if (path.querySelector(".hvs-offline") || !path.querySelector(".hvs-path__item a[href]")) return;
    const box = document.createElement("div");
    box.className = "hvs-offline";
    box.innerHTML = '<button type="button" class="md-button"></button><p class="hvs-offline__status" role="status"></p>';
    box.firstChild.textContent = path.dataset.save;  // the words: hocvuso/pages.py
    box.firstChild.onclick = () => {
      if (window.hvsSave) return hvsSave(path);
      const s = document.head.appendChild(document.createElement("script"));
      s.src = new URL("offline-save.js", me.src);
      s.onload = () => hvsSave(path);
    };
    path.insertBefore(box, path.querySelector(".hvs-path__list"));
  })).catch(() => 0);

  // The first page opened arrives before the worker runs: cache it too.
  const start = () => sw.register(new URL("../../sw.js", me.src)).then(() => ask({ type: "save", urls: [location.href.split("#")[0]] }, () => 0)).catch(() => 0);
  if (document.readyState === "complete") start(); else addEventListener("load", start);
  if (window.document$) document$.subscribe(button); else button();
})();
