/* "Save for offline" on a learning path (offline.js loads this when it is pressed): the worker caches each
   lesson of the path with its pictures and handout PDF and reports {done, total, failed} after each. */
window.hvsSave = path => {
  // The words ride on the path (hocvuso/pages.py): data-saving, data-saved, data-not-saved.
  const say = (w, o) => path.dataset[w].replace(/\{(\w)\}/g, (m, k) => o[k]);
  const urls = [...path.querySelectorAll(".hvs-path__item a[href]")].map(a => a.href.split("#")[0]), n = urls.length;
  const box = path.querySelector(".hvs-offline"), [btn, out] = box.children;
  // The bar appears only now, while saving.
  const bar = box.querySelector("progress") || box.insertBefore(document.createElement("progress"), out);
  const show = r => {
    bar.max = r.total; bar.value = r.done;
    out.textContent = r.done < r.total ? say("saving", { k: r.done, n }) : r.failed ? say("notSaved", { f: r.failed }) : say("saved", { n });
    btn.disabled = r.done < r.total;
  };
  show({ done: 0, total: n });
  hvsAsk({ type: "save", urls }, show).catch(() => show({ done: n, total: n, failed: n }));
};
