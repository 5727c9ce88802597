// Projector mode (?mode=present, p, Esc) and trainer view (?mode=trainer, kept) on lessons; see hvs-present.html.
(() => {
  const d = document, H = d.documentElement, C = H.classList, K = "hvs:v1:mode", q = (s, r) => (r || d).querySelector(s);
  let S; // presenting: {a: article, g: screens, id: their #hashes, i, p: "3 / 9"}

  const put = u => { try { history.replaceState(history.state, "", u); } catch (e) { /* file:// */ } };
  const trainer = (t, keep) => {
    C.toggle("hvs-mode-trainer", t);
    d.querySelectorAll(".hvs-trainer-toggle").forEach(b => { b.hidden = 0; b.setAttribute("aria-pressed", t); });
    try { keep && (t ? localStorage.setItem(K, "trainer") : localStorage.removeItem(K)); } catch (e) { /* off */ }
  };

  const go = k => {
    const {a, g} = S, n = g.length, f = d.activeElement, u = new URL(location);
    S.i = k = Math.max(0, Math.min(k, n - 1));
    g.forEach((s, j) => s.forEach(e => e.classList.toggle("hvs-on", j == k)));
    a.classList.toggle("hvs-present-first", !k);
    a.scrollTop = 0;
    S.p.textContent = k + 1 + " / " + n;
    u.searchParams.set("mode", "present");
    u.hash = k ? S.id[k] : "";
    put(u);
    a.contains(f) && !f.getClientRects().length && a.focus();
  };

  // A long section scrolls first: a clicker alone shows all of it.
  const move = s => {
    const a = S.a, r = s > 0 ? a.scrollHeight - a.clientHeight - a.scrollTop : a.scrollTop;
    r > 2 ? a.scrollTop += s * Math.min(r, a.clientHeight * .8) : go(S.i + s);
  };

  const start = k => {
    const a = q("article"), b = a && q(".hvs-present-bar", a), g = [[]];
    let c;
    if (!b) return;
    for (const e of a.children) {
      if (e.matches("h1,.hvs-meta,.hvs-objectives,.hvs-present-qr")) g[0].push(e);
      else if (e != b && !e.matches(".hvs-toolbar,.hvs-trainer")) {
        // The handout ("Ghi nhớ") is a screen of its own, unless it has a heading to itself already
        if (!c || e.matches("h2,.hvs-sources") || e.matches(".hvs-handout") && c.length > 1) g.push(c = []);
        (e.textContent.trim() || q("img,svg", e)) && c.push(e);
      }
    }
    const s = g.filter((x, j) => !j || x.length);
    S = {a, g: s, p: q(".hvs-present-pos", b), id: s.map((x, j) => j && (x[0].id || (q("h2", x[0]) || {}).id) || "s" + j)};
    a.tabIndex = -1;
    C.add("hvs-mode-present");
    go(k >= 0 ? k : S.id.indexOf(decodeURIComponent(location.hash.slice(1))));
    a.contains(d.activeElement) || a.focus();
  };

  const stop = left => { // left: the page was replaced
    if (!S) return;
    C.remove("hvs-mode-present");
    d.fullscreenElement && d.exitFullscreen().catch(Boolean);
    if (!left) {
      const u = new URL(location), o = q(".hvs-present-open");
      u.searchParams.delete("mode");
      put(u);
      S.i && S.g[S.i][0].scrollIntoView();
      o && o.focus({preventScroll: true});
    }
    S = 0;
  };

  const init = () => {
    const m = new URLSearchParams(location.search).get("mode");
    let t;
    try { t = localStorage.getItem(K); } catch (e) { /* off */ }
    stop(1);
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
    } else if (!e.button && S.a.contains(t) && !(getSelection() + "") &&
      !t.closest("a,button,input,select,textarea,label,details,[contenteditable],[class*=quiz]")) {
      const x = e.clientX / innerWidth;
      x > 2 / 3 ? move(1) : x < 1 / 3 && move(-1);
    }
  });

  // On document: before Material's "p" (previous page) on window. Keys stay with a field being typed in;
  // Space, ← and → also with a focused option, button or link.
  d.addEventListener("keydown", e => {
    const k = e.key, t = e.target, s = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1}[k];
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented ||
      t.closest("textarea,select,[contenteditable],input:not([type=radio],[type=checkbox])")) return;
    if (k == "p" || k == "Escape" && S) {
      if (!q(".hvs-present-bar")) return;
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

  addEventListener("hashchange", () => { const k = S ? S.id.indexOf(decodeURIComponent(location.hash.slice(1))) : -1; k < 0 || go(k); });
  window.document$ ? document$.subscribe(init) : d.readyState == "loading" ? d.addEventListener("DOMContentLoaded", init) : init();
})();
