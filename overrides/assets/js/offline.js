/* Offline on the web: registers the service worker (site/sw.js) and adds "Save for offline"
   to learning paths. Does nothing where service workers are unavailable (file://, old browsers). */
(() => {
  const sw = navigator.serviceWorker;
  const me = document.currentScript;
  if (!sw || !/^https?:$/.test(location.protocol) || !me) return;
  const ROOT = new URL("../../", me.src).href; // this file is assets/js/offline.js
  const T = {
    vi: { save: "Lưu để học khi không có mạng", saving: "Đang lưu {k}/{n} bài…",
      saved: "Đã lưu {n} bài: mở được cả khi không có mạng.", failed: "Chưa lưu được {f} bài. Hãy thử lại khi có mạng." },
    en: { save: "Save for offline", saving: "Saving {k}/{n} lessons…",
      saved: "{n} lessons saved: they open with no network.", failed: "{f} lessons could not be saved. Try again online." },
  }[document.documentElement.lang === "en" ? "en" : "vi"];
  const say = (s, o) => s.replace(/\{(\w)\}/g, (m, k) => o[k]);

  // Sends {type: "save", urls} to the active worker; calls back with {done, total, failed}.
  const save = (urls, progress) => sw.ready.then(reg => {
    const ch = new MessageChannel();
    ch.port1.onmessage = e => progress(e.data);
    reg.active.postMessage({ type: "save", urls }, [ch.port2]);
  });

  const button = () => {
    document.querySelectorAll(".hvs-path").forEach(path => {
      const links = [...path.querySelectorAll(".hvs-path__item a[href]")].map(a => a.href.split("#")[0]);
      if (!links.length || path.querySelector(".hvs-offline")) return;
      const box = document.createElement("div");
      box.className = "hvs-offline";
      box.innerHTML = '<button type="button" class="md-button"></button>' +
        '<progress hidden max="1" value="0"></progress><p class="hvs-offline__status" role="status"></p>';
      const [btn, bar, out] = box.children;
      btn.textContent = T.save;
      btn.onclick = () => {
        btn.disabled = true;
        bar.hidden = false;
        bar.max = links.length;
        out.textContent = say(T.saving, { k: 0, n: links.length });
        save(links, r => {
          bar.value = r.done;
          out.textContent = r.done < r.total ? say(T.saving, { k: r.done, n: r.total })
            : r.failed ? say(T.failed, { f: r.failed }) : say(T.saved, { n: r.total });
          if (r.done >= r.total) btn.disabled = false;
        }).catch(() => { btn.disabled = false; out.textContent = say(T.failed, { f: links.length }); });
      };
      const list = path.querySelector(".hvs-path__list");
      path.insertBefore(box, list || null);
    });
  };

  // The first page a reader opens is fetched before the worker runs: save it (and its images) too.
  const start = () => {
    sw.register(ROOT + "sw.js").then(() => save([location.href.split("#")[0]], () => {})).catch(() => {});
  };
  if (document.readyState === "complete") start(); else addEventListener("load", start);
  if (window.document$) window.document$.subscribe(button); else button();
})();
