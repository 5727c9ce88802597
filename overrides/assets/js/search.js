/* Search with or without diacritics: the dialog of partials/hvs-aids.html, loaded by aids.js on first use. */
(() => {
  const root = document.documentElement, dlg = document.querySelector(".hvs-search");
  const btn = document.querySelector(".hvs-search__open");
  const lang = root.lang == "en" ? "en" : "vi", msg = k => dlg.dataset[k], base = window.__md_scope || location.href;
  const [input, status, list] = ["input", "[role=status]", "ul"].map(s => dlg.querySelector(s));
  // Folded words, as hocvuso.questions.fold
  const words = s => s.normalize("NFC").toLowerCase().replace(/đ/g, "d").normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "").match(/[\p{L}\p{N}_]+/gu) || [];
  const line = s => ` ${words(s).join(" ")} `;
  let pages;
  const find = () => {
    if (!pages) return;
    // Whole words but the last (being typed); per word title 10, heading 5, description 3, body 1; phrase x2
    const raw = input.value.trim().toLowerCase(), terms = words(raw), phrase = " " + terms.join(" ");
    const keys = terms.map((w, i) => ` ${w}${terms[i + 1] ? " " : ""}`);
    const score = p => {
      let n = (p.t + p.d).toLowerCase().includes(raw) ? 2 : 0;
      for (const w of terms[1] ? [...keys, phrase] : keys) {
        const s = p.ft.includes(w) ? 10 : p.h.some(h => h[2].includes(w)) ? 5 : p.fd.includes(w) ? 3 : p.x.includes(w) ? 1 : 0;
        if (!s && w != phrase) return 0;
        n += w == phrase ? 2 * s : s;
      }
      return n;
    };
    const hits = terms[0] ? pages.map(p => [score(p), p]).filter(r => r[0])
      .sort((a, b) => b[0] - a[0] || a[1].t.localeCompare(b[1].t)).slice(0, 30) : [];
    list.textContent = "";
    for (const [, p] of hits) {
      const li = list.appendChild(document.createElement("li")), url = new URL(p.u, base).href;
      const h = p.h.find(h => keys.some(w => h[2].includes(w)));
      const add = (tag, text, href) => {
        const a = li.appendChild(document.createElement(tag));
        a.textContent = text;
        if (href) a.href = href;
      };
      add("a", p.t, url);
      if (h) add("a", "› " + h[1], url + "#" + h[0]);
      if (p.d) add("span", p.d);
    }
    status.textContent = !terms[0] ? "" : hits[0] ? msg("found").replace("{n}", hits.length) : msg("none");
  };
  const open = () => {
    if (dlg.open) return;
    dlg.showModal();
    input.select();
    if (pages !== undefined) return;
    pages = null;
    status.textContent = msg("loading");
    const s = document.head.appendChild(document.createElement("script"));
    s.src = new URL(`assets/search-${lang}.js`, base);
    s.onload = () => {
      pages = ((window.hvsSearch || {})[lang] || []).map(([u, t, d, h, x]) =>
        ({ u, t, d, ft: line(t), fd: line(d), x: ` ${x} `, h: h.map(([id, s]) => [id, s, line(s)]) }));
      find();
    };
  };
  window.hvsFind = open;
  input.oninput = find;
  dlg.onclose = () => btn.focus();
  dlg.onclick = e => { if (e.target == dlg || e.target.closest("a")) dlg.close(); };
  dlg.onkeydown = e => {
    if (e.key == "Escape") { dlg.close(); btn.focus(); }  // not just clear the box
    if (e.key == "Enter" && e.target == input) {
      e.preventDefault();
      const a = list.querySelector("a");
      if (a) a.click();
    }
  };
})();
