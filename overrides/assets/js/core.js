/* What this site uses of Material's 35 KB bundle, which costs a cheap phone seconds of its main thread:
   document$ (our scripts start from it), the colour-scheme toggle, the header title, the table of
   contents, n/p keys; the drawer and sidebars are CSS (hvs.css). main.html loads the bundle instead where a feature needs it (instant navigation). */
(() => {
  const d = document, $$ = (s, r) => [...(r || d).querySelectorAll(s)], on = addEventListener;
  d.documentElement.classList.replace("no-js", "js");

  // document$ as our scripts use it: subscribe(fn) runs fn once the page is parsed
  let todo = [];
  // one feature's error never stops another's start
  const run = f => { try { f(d); } catch (e) {} };
  window.document$ = { subscribe: f => todo ? todo.push(f) : run(f) };
  const ready = () => { todo.forEach(run); todo = 0; };
  d.readyState == "loading" ? d.addEventListener("DOMContentLoaded", ready) : ready();

  // Colour scheme: Material's palette form, its saved choice (__palette) and its attributes on <body>
  const form = d.querySelector("[data-md-component=palette]"), inputs = form ? $$("input", form) : [];
  const attr = (x, k) => x.getAttribute("data-md-color-" + k);
  const show = i => inputs.forEach((x, j) => {
    const l = x.nextElementSibling;
    x.checked = i == j;
    if (l && l.tagName == "LABEL") l.hidden = i != j;
  });
  if (form) {
    let i;
    try { i = __md_get("__palette").index; } catch (e) { i = inputs.findIndex(x => matchMedia(attr(x, "media")).matches); }
    show(i = Math.max(0, Math.min(i | 0, inputs.length - 1)));
    form.onchange = e => {
      const x = e.target, color = {};
      for (const k of ["media", "scheme", "primary", "accent"]) d.body.setAttribute("data-md-color-" + k, color[k] = attr(x, k));
      show(i = inputs.indexOf(x));
      __md_set("__palette", { index: i, color });
    };
    form.onkeydown = e => { if (e.key == "Enter") { const x = inputs[(i + 1) % inputs.length]; x.click(); x.focus(); } };
  }

  // The drawer closes when a link in it moves within the page
  on("hashchange", () => { const t = d.getElementById("__drawer"); if (t) t.checked = false; });

  // n / . next page, p / , previous (a lesson's "p" is projector mode: present.js takes it first)
  on("keydown", e => {
    const t = e.target, rel = { n: "next", ".": "next", p: "prev", ",": "prev" }[e.key];
    if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey || t.closest("input,textarea,select,[contenteditable],dialog")) return;
    const l = rel && d.querySelector(`link[rel=${rel}]`);
    if (l) location.href = l.href;
    // Enter opens a navigation section (a label) as a click does
    else if (e.key == "Enter" && t.tagName == "LABEL") t.click();
  });

  // While scrolling: the page title in the header once its heading is under it; where we are in the contents
  const h1 = d.querySelector(".md-content h1"), title = d.querySelector(".md-header__title");
  const links = $$("[data-md-component=toc] a"), heads = links.map(a => d.getElementById(decodeURIComponent(a.hash.slice(1))));
  let busy = 0;
  const spy = () => {
    const end = innerHeight + scrollY > d.body.scrollHeight - 2, y = heads.map(h => h ? h.getBoundingClientRect().top : 1e9);
    // the last heading above the fold (at the end of the page: the last of all)
    const at = Math.max(...y.filter(t => t < 80 || end));
    links.forEach((a, i) => { a.classList.toggle("md-nav__link--passed", y[i] <= at); a.classList.toggle("md-nav__link--active", y[i] == at); });
    if (h1 && title) title.classList.toggle("md-header__title--active", h1.getBoundingClientRect().bottom < 48);
    busy = 0;
  };
  on("scroll", () => { busy = busy || requestAnimationFrame(spy); }, { passive: true });
  // A code block wider than the screen scrolls by keyboard too
  on("load", () => $$("pre > code").forEach(c => { if (c.scrollWidth > c.clientWidth) c.tabIndex = 0; }));
})();
