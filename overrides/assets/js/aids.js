/* Reading aids: text size (remembered in hvs:v1:aids) and read-aloud of the lesson (Web Speech API). */
(() => {
  const KEY = "hvs:v1:aids", MAX = 3, root = document.documentElement;
  const load = () => { try { return JSON.parse(localStorage.getItem(KEY)) || {}; } catch (e) { return {}; } };

  // Text size: the header stays during instant navigation, so this is set up once.
  const panel = document.querySelector(".hvs-size__panel");
  const size = n => {
    n = Math.max(0, Math.min(MAX, n | 0));
    if (n) root.dataset.hvsSize = n; else delete root.dataset.hvsSize;
    if (panel) {
      panel.querySelector("output").value = `${n + 1}/${MAX + 1}`;
      panel.querySelector("[data-step='-1']").disabled = !n;
      panel.querySelector("[data-step='1']").disabled = n === MAX;
    }
    return n;
  };
  if (panel) {
    size(load().size);
    panel.addEventListener("click", e => {
      const b = e.target.closest("button");
      if (!b) return;
      const n = size((+root.dataset.hvsSize || 0) + +b.dataset.step);
      try { localStorage.setItem(KEY, JSON.stringify({ ...load(), size: n })); } catch (e) { /* full or disabled */ }
      if (b.disabled) b.parentNode.querySelector("button:not(:disabled)").focus();
    });
    const details = panel.parentNode;
    document.addEventListener("click", e => { if (!details.contains(e.target)) details.open = false; });
    details.addEventListener("keydown", e => {
      if (e.key === "Escape" && details.open) { details.open = false; details.firstElementChild.focus(); }
    });
  }

  // Read aloud: one utterance per paragraph, so the one being read can be highlighted.
  const speech = window.speechSynthesis;
  const SKIP = "nav,button,aside,[data-search-exclude],[hidden],[aria-hidden=true],.hvs-toolbar,script,style,svg";
  const BLOCK = "h1,h2,h3,h4,h5,h6,p,li,dt,dd,th,td,figcaption";
  let run = 0, state = 0, box = null, marked = null;  // state: 0 idle, 1 speaking, 2 paused

  const voice = lang => {
    try { return speech.getVoices().find(v => v.lang.replace("_", "-").toLowerCase().startsWith(lang)); } catch (e) { return null; }
  };
  const text = el => {
    let out = "";
    const walk = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    for (let n; (n = walk.nextNode());) {
      const p = n.parentElement;
      if (!p.closest(SKIP) && p.getClientRects().length) out += n.data;
    }
    return out.replace(/\s+/g, " ").trim();
  };
  const mark = el => {
    if (marked) marked.classList.remove("hvs-reading");
    marked = el;
    if (el) { el.classList.add("hvs-reading"); el.scrollIntoView({ block: "nearest", behavior: "smooth" }); }
  };
  const show = s => {
    state = s;
    if (!box) return;
    box.querySelector(".hvs-listen__play span").textContent = box.dataset.labels.split("|")[s];
    box.querySelector(".hvs-listen__stop").hidden = !s;
  };
  const stop = () => {
    run++;
    try { if (speech) speech.cancel(); } catch (e) { /* nothing to stop */ }
    mark(null);
    show(0);
  };
  const start = () => {
    const lang = box.dataset.lang, v = voice(lang.slice(0, 2)), id = ++run;
    const queue = [...document.querySelectorAll("article " + BLOCK.replace(/,/g, ",article "))]
      .filter(el => !el.parentElement.closest(BLOCK) && !el.closest(SKIP))
      .map(el => [el, text(el)]).filter(c => c[1]);
    const next = () => {
      if (id !== run) return;
      const c = queue.shift();
      if (!c) return stop();
      const u = new SpeechSynthesisUtterance(c[1]);
      u.lang = lang;
      if (v) u.voice = v;
      u.onend = next;
      u.onerror = () => id === run && stop();
      mark(c[0]);
      speech.speak(u);
    };
    show(1);
    next();
  };
  // Voices load asynchronously: show the control once the page's language has one.
  const check = () => { if (box) box.hidden = !voice(box.dataset.lang.slice(0, 2)); };
  try { speech.addEventListener("voiceschanged", check); } catch (e) { /* no speech here */ }
  const page = () => {
    stop();
    box = document.querySelector(".hvs-listen");
    if (!box || !speech) return;
    check();
    box.querySelector(".hvs-listen__play").onclick = () => {
      try {
        if (state === 0) start();
        else if (state === 1) { speech.pause(); show(2); } else { speech.resume(); show(1); }
      } catch (e) { stop(); }
    };
    box.querySelector(".hvs-listen__stop").onclick = stop;
  };
  addEventListener("pagehide", stop);
  if (window.document$) window.document$.subscribe(page);
  else if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", page);
  else page();
})();
