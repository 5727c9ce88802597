/* The presenter view (?mode=presenter) on the trainer's laptop, kept in step with the projector window both ways.
   present.js loads this in both windows, only when used. A move is sent three ways, so one always arrives:
   BroadcastChannel (same origin; not between file:// windows in Chromium), postMessage to the window that
   opened this one or that this one opened (works from file://), and a storage event (windows not related,
   or reloaded). Each message carries its sender and a count, so the copies after the first do nothing. */
(() => {
  const P = window.hvsPresent, KEY = "hvs:v1:present", path = location.pathname, self = Math.random() + "";
  const seen = {};
  let n = 0, bc, here; // here: the presenter view's render(k), in the presenter window

  const peer = () => { const w = window.hvsPeer || opener; return w && !w.closed ? w : null; };
  // k: the screen shown; k == null asks where the other window is (a window just opened)
  const send = window.hvsSync = k => {
    const m = {hvs: 1, path, k, from: self, n: ++n};
    try { bc && bc.postMessage(m); } catch (e) { /* closed */ }
    try { peer() && peer().postMessage(m, "*"); } catch (e) { /* gone */ }
    try { localStorage.setItem(KEY, JSON.stringify(m)); } catch (e) { /* off */ }
  };
  const hear = m => {
    if (!m || m.hvs != 1 || m.path != path || m.from == self || m.n <= (seen[m.from] || 0)) return;
    seen[m.from] = m.n;
    if (m.k == null) return send(here ? here.k : P.at());
    here ? here(m.k, 1) : P.go(m.k);
  };
  try { bc = new BroadcastChannel("hvs-present"); bc.onmessage = e => hear(e.data); } catch (e) { /* none */ }
  addEventListener("message", e => e.data && e.data.hvs == 1 && hear(e.data));
  addEventListener("storage", e => { if (e.key == KEY) try { hear(JSON.parse(e.newValue)); } catch (x) { /* odd */ } });

  window.hvsPresenter = () => {
    const d = document, plan = P.plan(), tpl = d.querySelector(".hvs-presenter-tpl");
    const box = d.body.appendChild(tpl.content.firstElementChild.cloneNode(true)), $ = s => box.querySelector(s);
    const [pos, title, notes, all, next, time, took] = [".hvs-presenter__pos", ".hvs-presenter__title",
      ".hvs-presenter__notes", ".hvs-presenter__all div", ".hvs-presenter__upnext strong", ".hvs-presenter__time",
      ".hvs-presenter__elapsed"].map($);
    // A screen's name: its heading, its question, or the name of its box ("Ghi nhớ", "Nguồn")
    const names = plan.g.map(s => {
      const h = s.map(e => e.matches("h1,h2") ? e : e.querySelector("h2,legend,.hvs-handout__title")).find(Boolean);
      return (h || s[0]).textContent.trim().slice(0, 140);
    });
    // Notes are copies of the page's own (hidden) ones; ids would clash, headings are said once above.
    const copy = (to, list) => {
      to.textContent = "";
      for (const e of list) {
        const c = to.appendChild(e.cloneNode(true));
        c.querySelectorAll("[id]").forEach(x => x.removeAttribute("id"));
        c.removeAttribute("id");
        c.firstElementChild && c.firstElementChild.matches(".hvs-trainer__title") && c.firstElementChild.remove();
      }
      if (!list.length) to.textContent = box.dataset.none;
    };
    copy(all, plan.w);
    all.parentNode.hidden = !plan.w.length;
    const render = here = (k, quiet) => {
      k = render.k = Math.max(0, Math.min(k | 0, plan.g.length - 1));
      pos.textContent = k + 1 + " / " + plan.g.length;
      title.textContent = names[k];
      copy(notes, plan.g[k].n);
      next.textContent = names[k + 1] || box.dataset.end;
      // the lesson's address follows too: a reload keeps the screen
      try { history.replaceState(history.state, "", "?mode=presenter" + (k ? "#" + plan.id[k] : "")); } catch (e) { /* file:// */ }
      quiet || send(k);
    };
    const start = Date.now(), lang = d.documentElement.lang || "vi";
    const tick = () => {
      const s = (Date.now() - start) / 1e3 | 0, m = s / 60 | 0;
      time.textContent = new Date().toLocaleTimeString(lang, {hour: "2-digit", minute: "2-digit"});
      took.textContent = (m > 59 ? (m / 60 | 0) + ":" + String(m % 60).padStart(2, "0") : m) + ":" + String(s % 60).padStart(2, "0");
    };
    tick();
    setInterval(tick, 1000);
    d.documentElement.classList.add("hvs-mode-presenter");
    const step = s => render(render.k + s);
    box.addEventListener("click", e => {
      const b = e.target.closest("button");
      if (!b) return;
      if (/prev/.test(b.className)) step(-1);
      else if (/next|upnext/.test(b.className)) step(1);
      else if (/open/.test(b.className)) {
        const u = new URL(location);
        u.searchParams.set("mode", "present");
        u.hash = render.k ? plan.id[render.k] : "";
        window.hvsPeer = window.open(u, "hvs-projector");
      }
    });
    d.addEventListener("keydown", e => {
      const s = {ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1}[e.key];
      if (!s || e.ctrlKey || e.metaKey || e.altKey || e.target.closest("summary")) return;
      e.preventDefault();
      step(e.key == " " && e.shiftKey ? -1 : s);
    });
    render(Math.max(0, plan.id.indexOf(decodeURIComponent(location.hash.slice(1)))), 1);
    send(null); // where is the projector?
    $("button").focus();
  };
})();
