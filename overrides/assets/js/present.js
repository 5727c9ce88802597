// Projector mode (?mode=present, p, Esc) and trainer view (?mode=trainer, kept). Markup: partials/hvs-present.html
(() => {
  const H = document.documentElement, d = document, K = "hvs:v1:mode", q = (s, r) => (r || d).querySelector(s);
  let S = null; // presenting: {a: article, g: screens, id: their #hashes, i: current, p: "3 / 9"}

  const trainer = (on, keep) => {
    H.classList.toggle("hvs-mode-trainer", on);
    d.querySelectorAll(".hvs-trainer-toggle").forEach(b => {
      b.setAttribute("aria-pressed", on);
      b.hidden = !on && !!b.closest(".hvs-toolbar"); // learners never meet it
    });
    try { keep && (on ? localStorage.setItem(K, "trainer") : localStorage.removeItem(K)); } catch (e) { /* off */ }
  };

  const url = on => {
    const u = new URL(location);
    on ? u.searchParams.set("mode", "present") : u.searchParams.delete("mode");
    u.hash = S.i ? S.id[S.i] : "";
    try { history.replaceState(history.state, "", u); } catch (e) { /* file:// may refuse */ }
  };

  const go = k => {
    const {a, g} = S, n = g.length, f = d.activeElement;
    S.i = k = k < 0 ? 0 : k < n ? k : n - 1;
    g.forEach((s, j) => s.forEach(e => e.classList.toggle("hvs-on", j == k)));
    a.classList.toggle("hvs-present-first", !k);
    a.scrollTop = 0;
    S.p.textContent = k + 1 + " / " + n;
    url(1);
    if (a.contains(f) && !f.getClientRects().length) a.focus();
  };

  // A long section scrolls first: a clicker alone shows all of it.
  const move = s => {
    const a = S.a, r = s > 0 ? a.scrollHeight - a.clientHeight - a.scrollTop : a.scrollTop;
    r > 2 ? a.scrollTop += s * Math.min(r, a.clientHeight * .8) : go(S.i + s);
  };

  const start = k => {
    const a = q("article"), b = a && q(".hvs-present-bar", a), g = [[]];
    if (!b) return;
    let c = null;
    for (const e of a.children) {
      if (e.matches("h1,.hvs-meta,.hvs-objectives,.hvs-present-qr")) g[0].push(e);
      else if (e != b && !e.matches(".hvs-toolbar,.hvs-trainer")) {
        if (!c || e.matches("h2,.hvs-handout,.hvs-sources")) g.push(c = []);
        if (e.textContent.trim() || q("img,svg", e)) c.push(e);
      }
    }
    const s = g.filter((x, j) => !j || x.length);
    S = {a, g: s, i: 0, p: q(".hvs-present-pos", b), id: s.map((x, j) => j && (x[0].id || (q("h2", x[0]) || {}).id) || "s" + j)};
    a.tabIndex = -1;
    H.classList.add("hvs-mode-present");
    go(k != null ? k : Math.max(0, S.id.indexOf(decodeURIComponent(location.hash.slice(1)))));
    a.contains(d.activeElement) || a.focus();
  };

  const stop = left => { // left: instant navigation replaced the page
    if (!S) return;
    H.classList.remove("hvs-mode-present");
    d.fullscreenElement && d.exitFullscreen().catch(() => {});
    if (!left) {
      url(0);
      S.i && S.g[S.i][0].scrollIntoView();
      const o = q(".hvs-present-open");
      o && o.focus({preventScroll: true});
    }
    S = null;
  };

  const init = () => {
    stop(1);
    const m = new URLSearchParams(location.search).get("mode");
    let t = null;
    try { t = localStorage.getItem(K); } catch (e) { /* off */ }
    trainer(m == "trainer" || m != "learner" && t == "trainer", m == "trainer" || m == "learner");
    d.querySelectorAll(".hvs-present-open").forEach(b => { b.hidden = false; });
    const f = q(".hvs-present-full");
    f && (f.hidden = !H.requestFullscreen);
    m == "present" && start();
  };

  d.addEventListener("click", e => {
    const t = e.target, c = (t.closest("button") || {}).className || "";
    if (c.includes("hvs-trainer-toggle")) trainer(!H.classList.contains("hvs-mode-trainer"), 1);
    else if (c.includes("hvs-present-open")) start(0);
    else if (!S) return;
    else if (c.includes("hvs-present-prev")) move(-1);
    else if (c.includes("hvs-present-next")) move(1);
    else if (c.includes("hvs-present-exit")) stop();
    else if (c.includes("hvs-present-full")) (d.fullscreenElement ? d.exitFullscreen() : H.requestFullscreen()).catch(() => {});
    // Right or left third, never on what a class answers with
    else if (!e.button && S.a.contains(t) && !String(getSelection()) &&
      !t.closest("a,button,input,select,textarea,label,summary,details,form,fieldset,[role],[contenteditable],[class*=quiz]")) {
      const x = e.clientX / innerWidth;
      x > 2 / 3 ? move(1) : x < 1 / 3 && move(-1);
    }
  });

  // On document: before Material's "p" (previous page) on window
  d.addEventListener("keydown", e => {
    const k = e.key, t = e.target;
    if (e.ctrlKey || e.metaKey || e.altKey || e.defaultPrevented || t.isContentEditable ||
      /^(TEXTAREA|SELECT)$/.test(t.tagName) || t.tagName == "INPUT" && !/radio|checkbox/.test(t.type)) return;
    let s = 0;
    if (!S) {
      if (k != "p" || !q(".hvs-present-bar")) return;
      start(0);
    } else if (k == "p" || k == "Escape") stop();
    // Space, ← → stay with a focused option, button, link
    else if (k == " " ? !t.closest("input,button,a,summary,label,[role]")
      : /^(Arrow(Left|Right)|Page(Up|Down))$/.test(k) && (k[0] == "P" || !t.closest("input,[role]"))) {
      s = /Left|Up/.test(k) || e.shiftKey ? -1 : 1;
    } else return;
    e.preventDefault();
    e.stopPropagation();
    s && move(s);
  });

  let X = 0, Y = 0;
  d.addEventListener("touchstart", e => { X = e.touches[0].clientX; Y = e.touches[0].clientY; }, {passive: true});
  d.addEventListener("touchend", e => {
    const x = e.changedTouches[0].clientX - X, y = e.changedTouches[0].clientY - Y;
    S && x * x > 3600 && x * x > 4 * y * y && !e.target.closest("pre,table") && go(S.i + (x < 0 ? 1 : -1));
  }, {passive: true});

  window.document$ ? window.document$.subscribe(init)
    : d.readyState == "loading" ? d.addEventListener("DOMContentLoaded", init) : init();
})();
