/* Reading aids: text size, read-aloud (Web Speech API), search with or without diacritics. */
(() => {
  const KEY = "hvs:v1:aids", root = document.documentElement, $ = s => document.querySelector(s);
  const load = () => { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; } };

  // Text size 0..3, in steps; the live region says which
  const group = $(".hvs-size");
  const size = (n, say) => {
    n = Math.max(0, Math.min(3, n | 0));
    if (n) root.dataset.hvsSize = n; else delete root.dataset.hvsSize;
    const [less, more, out] = group.querySelectorAll("button,output");
    less.disabled = !n;
    more.disabled = n > 2;
    if (say) out.value = out.dataset.now.replace("{k}", n + 1);
    return n;
  };
  if (group) {
    size(load().size);
    group.onclick = e => {
      const b = e.target.closest("button");
      if (!b) return;
      const n = size(+(root.dataset.hvsSize || 0) + +b.dataset.step, 1);
      try { localStorage.setItem(KEY, JSON.stringify({ ...load(), size: n })); } catch (e) {}
      if (b.disabled) group.querySelector(":enabled").focus();
    };
  }

  // High contrast in one tap: picks Material's own scheme (so Material remembers it), and back
  const hc = $(".hvs-contrast"), body = document.body;
  const inputs = [...document.querySelectorAll("[data-md-component=palette] input")];
  const scheme = () => inputs.findIndex(i => i.dataset.mdColorScheme == body.dataset.mdColorScheme);
  const high = inputs.findIndex(i => i.dataset.mdColorScheme == "hvs-contrast");
  if (hc && high >= 0) {
    const show = () => hc.setAttribute("aria-pressed", scheme() == high);
    hc.hidden = false;
    hc.onclick = () => {
      const now = scheme(), back = load().back | 0;
      if (now != high) try { localStorage.setItem(KEY, JSON.stringify({ ...load(), back: Math.max(0, now) })); } catch (e) {}
      inputs[now != high ? high : back != high && inputs[back] ? back : 0].click();
      show();
    };
    new MutationObserver(show).observe(body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });
    show();
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

  // Search: the dialog's code and the index load on first use (assets/js/search.js)
  const dlg = $(".hvs-search"), btn = $(".hvs-search__open"), me = document.currentScript;
  if (!btn || !dlg.showModal) return;
  const open = () => {
    if (window.hvsFind) return hvsFind();
    if (open.s) return;
    const s = open.s = document.head.appendChild(document.createElement("script"));
    s.src = new URL("search.js", me.src);
    s.onload = () => hvsFind();
  };
  btn.hidden = false;
  btn.onclick = open;
  document.addEventListener("keydown", e => {
    const t = e.target;
    if ((e.key == "/" || e.key == "s") && !e.ctrlKey && !e.metaKey && !e.altKey && !t.isContentEditable
        && !t.matches("input,textarea,select") && !root.matches(".hvs-mode-present,.hvs-mode-presenter")) {
      e.preventDefault();
      open();
    }
  });
})();
