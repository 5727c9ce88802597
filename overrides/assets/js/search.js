/* Search: a dialog finding pages with or without diacritics; the language's index loads on first open. */
(() => {
  const dlg = document.querySelector(".hvs-search"), btn = document.querySelector(".hvs-search__open");
  if (!dlg || !btn) return;
  if (!dlg.showModal) { btn.hidden = true; return; }  // very old browsers: no dialog element
  const lang = document.documentElement.lang === "en" ? "en" : "vi";
  // The site root: Material's __md_scope, fixed at the first page, since the header outlives instant navigation.
  const base = window.__md_scope || new URL(".", location);
  const input = dlg.querySelector("input"), status = dlg.querySelector("[role=status]"),
    list = dlg.querySelector("ul"), msg = k => dlg.dataset[k];
  // The same folding as hocvuso.questions.fold: NFC, lower case, đ -> d, no diacritics.
  const fold = s => s.normalize("NFC").toLowerCase().replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "");
  const words = s => fold(s).match(/[\p{L}\p{N}_]+/gu) || [];
  const line = s => " " + words(s).join(" ");
  let pages = null, loading = false;

  const load = () => {
    if (pages || loading) return;
    loading = true;
    status.textContent = msg("loading");
    const s = document.createElement("script");
    s.src = new URL(`assets/search-${lang}.js`, base);
    s.onload = () => {
      pages = ((window.hvsSearch || {})[lang] || []).map(([u, t, d, h, x]) => ({
        u, t, d, ft: line(t), fd: line(d), x: " " + x, h: h.map(([id, s]) => [id, s, line(s)]),
      }));
      find();
    };
    s.onerror = () => { loading = false; status.textContent = msg("none"); };
    document.head.appendChild(s);
  };

  // Title beats headings beats description beats body; every word must be somewhere; a whole phrase scores more.
  const score = (p, terms, phrase, raw) => {
    let n = 0;
    for (const w of terms) {
      const k = " " + w;
      if (p.ft.includes(k)) n += 10;
      else if (p.h.some(h => h[2].includes(k))) n += 5;
      else if (p.fd.includes(k)) n += 3;
      else if (p.x.includes(k)) n += 1;
      else return 0;
    }
    if (terms.length > 1) n += p.ft.includes(phrase) ? 10 : p.h.some(h => h[2].includes(phrase)) ? 5 : p.x.includes(phrase) ? 2 : 0;
    if ((p.t + " " + p.d).toLowerCase().includes(raw)) n += 2;  // typed with the right diacritics
    return n;
  };

  const item = (href, label, tag) => {
    const a = document.createElement(tag || "a");
    if (href) a.href = href;
    a.textContent = label;
    return a;
  };
  const find = () => {
    if (!pages) return;
    const raw = input.value.trim().toLowerCase(), terms = words(raw), phrase = " " + terms.join(" ");
    list.textContent = "";
    if (!terms.length) { status.textContent = ""; return; }
    const hits = pages.map(p => [score(p, terms, phrase, raw), p]).filter(r => r[0])
      .sort((a, b) => b[0] - a[0] || a[1].t.localeCompare(b[1].t)).slice(0, 30);
    for (const [, p] of hits) {
      const li = document.createElement("li"), url = new URL(p.u, base).href;
      const h = p.h.find(h => terms.some(w => h[2].includes(" " + w)));
      li.append(item(url, p.t));
      if (h) li.append(item(url + "#" + h[0], "› " + h[1]));
      if (p.d) li.append(item(0, p.d, "span"));
      list.append(li);
    }
    status.textContent = hits.length ? msg("found").replace("{n}", hits.length) : msg("none");
  };

  const open = () => {
    if (dlg.open) return;
    dlg.showModal();
    input.select();
    load();
  };
  btn.hidden = false;
  btn.addEventListener("click", open);
  // Focus goes back to the search button at once (a closed dialog's input must not keep eating keys).
  dlg.addEventListener("close", () => btn.focus());
  input.addEventListener("input", find);
  list.addEventListener("click", e => { if (e.target.closest("a")) dlg.close(); });
  dlg.addEventListener("click", e => {  // a click on the backdrop closes
    const r = dlg.getBoundingClientRect();
    if (e.target === dlg && (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom)) dlg.close();
  });
  dlg.addEventListener("keydown", e => {
    if (e.key === "Escape") dlg.close();  // a search box would only clear its text on the first Escape
    if (e.key === "Enter" && e.target === input) {  // the best result, rather than the form's close button
      e.preventDefault();
      const a = list.querySelector("a");
      if (a) a.click();
    }
    if (e.key !== "ArrowDown" && e.key !== "ArrowUp") return;
    const all = [input, ...list.querySelectorAll("a")], i = all.indexOf(document.activeElement);
    if (i < 0) return;
    e.preventDefault();
    all[(i + (e.key === "ArrowDown" ? 1 : all.length - 1)) % all.length].focus();
  });
  document.addEventListener("keydown", e => {
    const t = e.target;
    if ((e.key === "/" || e.key === "s") && !e.ctrlKey && !e.metaKey && !e.altKey && !dlg.open
        && !/^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName) && !t.isContentEditable
        && !document.documentElement.classList.contains("hvs-mode-present")) {
      e.preventDefault();
      open();
    }
  });
})();
