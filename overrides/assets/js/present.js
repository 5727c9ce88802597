// Projector mode (?mode=present, p, Esc), trainer view (?mode=trainer, kept) and the presenter view's hooks
// (?mode=presenter: presenter.js, loaded only then); see hvs-present.html.
(() => {
  const d = document, H = d.documentElement, C = H.classList, K = "hvs:v1:mode", q = (s, r) => (r || d).querySelector(s);
  const me = d.currentScript;
  let S, P; // S presenting: {i, p: "3 / 9"}; P the page's plan: {a: article, g: screens, id: their #hashes, w: notes}

  const put = u => { try { history.replaceState(history.state, "", u); } catch (e) { /* file:// */ } };
  const trainer = (t, keep) => {
    C.toggle("hvs-mode-trainer", t);
    d.querySelectorAll(".hvs-trainer-toggle").forEach(b => { b.hidden = 0; b.setAttribute("aria-pressed", t); });
    try { keep && (t ? localStorage.setItem(K, "trainer") : localStorage.removeItem(K)); } catch (e) { /* off */ }
  };
  // presenter.js (the presenter view and keeping windows in step), loaded the first time it is needed
  const load = cb => {
    if (window.hvsSync) return cb && cb();
    const s = load.s = load.s || d.head.appendChild(d.createElement("script"));
    s.src || (s.src = new URL("presenter.js", me.src));
    cb && s.addEventListener("load", cb);
  };

  // Screens: the title screen, then one per ## section, the handout ("Ghi nhớ") and every question on its own.
  // Each screen keeps the trainer notes written in it (g[j].n); notes after all of the lesson are for the whole
  // lesson (P.w). Trainer view then shows each note at the top of its section.
  const plan = () => {
    const a = q("article"), b = a && q(".hvs-present-bar", a), g = [[]], w = [];
    let c, quiz;
    if (!b) return;
    g[0].n = [];
    for (const e of [...a.children]) {
      if (e.matches(".hvs-trainer")) w.push([e, c || g[0]]);
      else if (e.matches("h1,.hvs-meta,.hvs-objectives,.hvs-present-qr")) g[0].push(e);
      else if (e != b && !e.matches(".hvs-toolbar")) {
        // what a learner reads: notes before it belong to their screen
        if (!e.matches(".hvs-handout,.hvs-sources,.hvs-key,.hvs-score")) w.splice(0).forEach(([n, s]) => s.n.push(n));
        const isq = e.matches(".hvs-quiz");
        if (!c || e.matches("h2,.hvs-sources") || isq && quiz || e.matches(".hvs-handout") && (quiz || c.length > 1)) {
          g.push(c = []);
          c.n = [];
          quiz = 0;
        }
        quiz = quiz || isq;
        (e.textContent.trim() || q("img,svg", e)) && c.push(e);
      }
    }
    const s = g.filter((x, j) => !j || x.length);
    let o = q(".hvs-objectives", a) || g[0][0];
    const after = (e, n) => { e.after(n); return n; };
    for (const x of s) {
      const e = x.n.reduce(after, x == s[0] ? o : x[0].matches("h2") ? x[0] : x[0].previousSibling);
      if (x == s[0]) o = e;
    }
    w.forEach(([n]) => { n.classList.add("hvs-trainer--all"); o = after(o, n); });
    return {a, b, g: s, w: w.map(x => x[0]), id: s.map((x, j) => j && (x[0].id || (q("h2", x[0]) || {}).id) || "s" + j)};
  };

  const go = (k, quiet) => {
    const {a, g} = P, n = g.length, f = d.activeElement, u = new URL(location);
    S.i = k = Math.max(0, Math.min(k, n - 1));
    g.forEach((s, j) => s.forEach(e => e.classList.toggle("hvs-on", j == k)));
    a.classList.toggle("hvs-present-first", !k);
    a.scrollTop = 0;
    S.p.textContent = k + 1 + " / " + n;
    u.searchParams.set("mode", "present");
    u.hash = k ? P.id[k] : "";
    put(u);
    a.contains(f) && !f.getClientRects().length && a.focus();
    quiet || window.hvsSync && hvsSync(k);
  };

  // A long section scrolls first: a clicker alone shows all of it.
  const move = s => {
    const a = P.a, r = s > 0 ? a.scrollHeight - a.clientHeight - a.scrollTop : a.scrollTop;
    r > 2 ? a.scrollTop += s * Math.min(r, a.clientHeight * .8) : go(S.i + s);
  };
  const at = () => P.id.indexOf(decodeURIComponent(location.hash.slice(1)));

  const start = k => {
    if (!P) return;
    S = {p: q(".hvs-present-pos", P.b)};
    P.a.tabIndex = -1;
    C.add("hvs-mode-present");
    go(k >= 0 ? k : at());
    P.a.contains(d.activeElement) || P.a.focus();
    load(); // keeps a presenter window in step, if the trainer opens one
  };

  const stop = left => { // left: the page was replaced
    if (!S) return;
    C.remove("hvs-mode-present");
    d.fullscreenElement && d.exitFullscreen().catch(Boolean);
    if (!left) {
      const u = new URL(location), o = q(".hvs-present-open");
      u.searchParams.delete("mode");
      put(u);
      S.i && P.g[S.i][0].scrollIntoView();
      o && o.focus({preventScroll: true});
    }
    S = 0;
  };

  // For presenter.js: the plan, where the projector is, and moving it without echoing back.
  window.hvsPresent = {plan: () => P, at: () => S ? S.i : Math.max(0, at()), go: k => S && go(k, 1), open: () => start(0)};

  const init = () => {
    const m = new URLSearchParams(location.search).get("mode");
    let t;
    try { t = localStorage.getItem(K); } catch (e) { /* off */ }
    stop(1);
    P = plan();
    if (m == "presenter") return P && (C.add("hvs-mode-presenter"), load(() => hvsPresenter()));
    trainer(m == "trainer" || m != "learner" && t == "trainer", /^(trainer|learner)$/.test(m));
    d.querySelectorAll(".hvs-present-open").forEach(b => { b.hidden = 0; });
    m == "present" && start();
  };

  // Buttons, and the right or left third: never on what a class answers with
  d.addEventListener("click", e => {
    const t = e.target, c = (t.closest("button") || {}).className + "";
    if (/trainer-toggle/.test(c)) trainer(!C.contains("hvs-mode-trainer"), 1);
    else if (/present-open/.test(c)) start(0);
    else if (!S) return;
    else if (/present-(prev|next)/.test(c)) move(/next/.test(c) ? 1 : -1);
    else if (/present-exit/.test(c)) stop();
    else if (/present-full/.test(c)) {
      Promise.resolve(d.fullscreenElement ? d.exitFullscreen() : H.requestFullscreen && H.requestFullscreen()).catch(Boolean);
    } else if (/present-notes/.test(c)) {
      // In the click itself, or the browser blocks the window; presenter.js talks to it once loaded.
      const u = new URL(location);
      u.searchParams.set("mode", "presenter");
      window.hvsPeer = window.open(u, "hvs-presenter", "popup,width=960,height=640");
    } else if (!e.button && P.a.contains(t) && !(getSelection() + "") &&
      !t.closest("a,button,input,select,textarea,label,details,[contenteditable],[class*=quiz]")) {
      const x = e.clientX / innerWidth;
      x > 2 / 3 ? move(1) : x < 1 / 3 && move(-1);
    }
  });

  // On document: before Material's "p" (previous page) on window. Keys stay with a field being typed in;
  // Space, ← and → also with a focused option, button or link.
  d.addEventListener("keydown", e => {
    const k = e.key, t = e.target, s = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1}[k];
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || C.contains("hvs-mode-presenter") ||
      t.closest("textarea,select,[contenteditable],input:not([type=radio],[type=checkbox])")) return;
    if (k == "p" || k == "Escape" && S) {
      if (!P) return;
      S ? stop() : start(0);
    } else if (S && s && !(k[0] != "P" && t.closest(k == " " ? "input,button,a,summary,label,[role]" : "input,[role]"))) {
      move(k == " " && e.shiftKey ? -1 : s);
    } else return;
    e.preventDefault();
    e.stopPropagation();
  });

  let X = 0, Y = 0;
  d.addEventListener("touchstart", e => { X = e.touches[0].clientX; Y = e.touches[0].clientY; }, {passive: true});
  d.addEventListener("touchend", e => {
    const x = e.changedTouches[0].clientX - X, y = e.changedTouches[0].clientY - Y;
    S && x * x > 3600 && x * x > 4 * y * y && !e.target.closest("pre,table") && go(S.i + (x < 0 ? 1 : -1));
  }, {passive: true});

  addEventListener("hashchange", () => { const k = S ? at() : -1; k < 0 || k == S.i || go(k); });
  window.document$ ? document$.subscribe(init) : d.readyState == "loading" ? d.addEventListener("DOMContentLoaded", init) : init();
})();
