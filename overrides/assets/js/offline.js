/* Offline: registers site/sw.js, adds "Save for offline" to paths; no-op without service workers (file://). */
(() => {
  let sw;
  try { sw = navigator.serviceWorker; } catch (e) { /* blocked site data: no offline copy */ }
  const me = document.currentScript;
  if (!sw || !/^https?:$/.test(location.protocol) || !me) return;
  const T = document.documentElement.lang === "en"
    ? ["Save for offline", "Saving {k}/{n} lessons…", "{n} lessons saved: they open with no network.", "{f} lessons not saved. Try again online."]
    : ["Lưu để học khi không có mạng", "Đang lưu {k}/{n} bài…", "Đã lưu {n} bài: mở được cả khi không có mạng.", "Chưa lưu được {f} bài. Hãy thử lại khi có mạng."];
  const say = (i, o) => T[i].replace(/\{(\w)\}/g, (m, k) => o[k]);

  // The worker caches the pages with their images and PDFs, reporting {done, total, failed}.
  const save = (urls, cb) => sw.ready.then(reg => {
    const ch = new MessageChannel();
    ch.port1.onmessage = e => cb(e.data);
    reg.active.postMessage({ type: "save", urls }, [ch.port2]);
  });

  const button = () => document.querySelectorAll(".hvs-path").forEach(path => {
    const urls = [...path.querySelectorAll(".hvs-path__item a[href]")].map(a => a.href.split("#")[0]);
    if (!urls.length || path.querySelector(".hvs-offline")) return;
    const box = document.createElement("div");
    box.className = "hvs-offline";
    box.innerHTML = '<button type="button" class="md-button"></button><progress hidden></progress><p class="hvs-offline__status" role="status"></p>';
    const [btn, bar, out] = box.children, n = urls.length;
    btn.textContent = T[0];
    const show = r => {
      bar.max = r.total; bar.value = r.done;
      out.textContent = r.done < r.total ? say(1, { k: r.done, n }) : r.failed ? say(3, { f: r.failed }) : say(2, { n });
      btn.disabled = r.done < r.total;
    };
    btn.onclick = () => {
      bar.hidden = false;
      show({ done: 0, total: n });
      save(urls, show).catch(() => show({ done: n, total: n, failed: n }));
    };
    path.insertBefore(box, path.querySelector(".hvs-path__list"));
  });

  // The first page opened arrives before the worker runs: cache it too.
  const start = () => sw.register(new URL("../../sw.js", me.src)).then(() => save([location.href.split("#")[0]], () => 0)).catch(() => 0);
  if (document.readyState === "complete") start(); else addEventListener("load", start);
  if (window.document$) document$.subscribe(button); else button();
})();
