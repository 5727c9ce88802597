/* Reading aids: text size, read-aloud (Web Speech API), search with or without diacritics. */
(() => {
  const KEY = "hvs:v1:aids", root = document.documentElement, $ = s => document.querySelector(s);
  const load = () => { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; } };

  // Text size 0..3
  const panel = $(".hvs-size__panel");
  const size = n => {
    n = Math.max(0, Math.min(3, n | 0));
    if (n) root.dataset.hvsSize = n; else delete root.dataset.hvsSize;
    const [less, out, more] = panel.children;
    out.value = `${n + 1}/4`;
    less.disabled = !n;
    more.disabled = n > 2;
    return n;
  };
  if (panel) {
    const details = panel.parentNode;
    size(load().size);
    panel.onclick = e => {
      const b = e.target.closest("button");
      if (!b) return;
      const n = size(+(root.dataset.hvsSize || 0) + +b.dataset.step);
      try { localStorage.setItem(KEY, JSON.stringify({ ...load(), size: n })); } catch (e) {}
      if (b.disabled) panel.querySelector(":enabled").focus();
    };
    document.addEventListener("click", e => { if (!details.contains(e.target)) details.open = false; });
    details.onkeydown = e => { if (e.key == "Escape") { details.open = false; details.firstElementChild.focus(); } };
  }

  // Read aloud, paragraph by paragraph
  const speech = window.speechSynthesis, SKIP = "nav,button,aside,[data-search-exclude],[hidden],.hvs-toolbar";
  const BLOCK = "h1,h2,h3,h4,p,li,dt,dd,th,td,figcaption,legend";
  let run = 0, state = 0, box, marked;  // state: stopped, speaking, paused
  const voice = lang => { try { return speech.getVoices().find(v => v.lang.replace("_", "-").startsWith(lang)); } catch (e) {} };
  const mark = el => {
    if (marked) marked.classList.remove("hvs-reading");
    if ((marked = el)) { el.classList.add("hvs-reading"); el.scrollIntoView({ block: "nearest" }); }
  };
  const show = s => {
    state = s;
    if (!box) return;
    box.querySelector("span").textContent = box.dataset.labels.split("|")[s];
    box.lastElementChild.hidden = !s;
  };
  const stop = () => {
    run++;
    try { speech.cancel(); } catch (e) {}
    mark();
    show(0);
  };
  const start = () => {
    const lang = box.dataset.lang, v = voice(lang.slice(0, 2)), id = ++run;
    // innerText leaves out what CSS hides (trainer notes, answers)
    const queue = [...document.querySelectorAll(`article :is(${BLOCK})`)]
      .filter(el => !el.parentNode.closest(BLOCK) && !el.closest(SKIP))
      .map(el => [el, el.innerText.trim()]).filter(c => c[1]);
    const next = () => {
      if (id != run) return;  // a late "end" after stop
      const c = queue.shift();
      if (!c) return stop();
      const u = new SpeechSynthesisUtterance(c[1]);
      u.lang = lang;
      if (v) u.voice = v;
      u.onend = next;
      u.onerror = () => id == run && stop();
      mark(c[0]);
      speech.speak(u);
    };
    show(1);
    next();
  };
  // Voices load late
  const check = () => { if (box) box.hidden = !voice(box.dataset.lang.slice(0, 2)); };
  const page = () => {
    stop();
    box = $(".hvs-listen");
    if (!box || !speech) return;
    check();
    box.firstElementChild.onclick = () => {
      try {
        if (!state) start();
        else if (state < 2) { speech.pause(); show(2); } else { speech.resume(); show(1); }
      } catch (e) { stop(); }
    };
    box.lastElementChild.onclick = stop;
  };
  try { speech.addEventListener("voiceschanged", check); } catch (e) {}
  addEventListener("pagehide", stop);
  if (window.document$) document$.subscribe(page);
  else if (document.readyState == "loading") document.addEventListener("DOMContentLoaded", page);
  else page();

  const dlg = $(".hvs-search"), btn = $(".hvs-search__open");
  if (!btn || !dlg.showModal) return;
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
  btn.hidden = false;
  btn.onclick = open;
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
  document.addEventListener("keydown", e => {
    const t = e.target;
    if ((e.key == "/" || e.key == "s") && !e.ctrlKey && !e.metaKey && !e.altKey && !t.isContentEditable
        && !t.matches("input,textarea,select") && !root.matches(".hvs-mode-present")) {
      e.preventDefault();
      open();
    }
  });
})();
