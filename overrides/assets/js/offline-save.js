/* "Save for offline" on a learning path (offline.js loads this when it is pressed): the worker caches each
   lesson of the path with its pictures and handout PDF and reports {done, total, failed} after each. */
window.hvsSave = path => {
  const T = document.documentElement.lang === "en"
    ? ["Saving {k}/{n} lessons…", "{n} lessons saved: they open with no network.", "{f} lessons not saved. Try again online."]
    : ["Đang lưu {k}/{n} bài…", "Đã lưu {n} bài: mở được cả khi không có mạng.", "Chưa lưu được {f} bài. Hãy thử lại khi có mạng."];
  const say = (i, o) => T[i].replace(/\{(\w)\}/g, (m, k) => o[k]);
  const urls = [...path.querySelectorAll(".hvs-path__item a[href]")].map(a => a.href.split("#")[0]), n = urls.length;
  const box = path.querySelector(".hvs-offline"), [btn, out] = box.children;
  // The bar appears only now, while saving.
  const bar = box.querySelector("progress") || box.insertBefore(document.createElement("progress"), out);
  const show = r => {
    bar.max = r.total; bar.value = r.done;
    out.textContent = r.done < r.total ? say(0, { k: r.done, n }) : r.failed ? say(2, { f: r.failed }) : say(1, { n });
    btn.disabled = r.done < r.total;
  };
  show({ done: 0, total: n });
  hvsAsk({ type: "save", urls }, show).catch(() => show({ done: n, total: n, failed: n }));
};
