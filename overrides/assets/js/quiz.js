// Quizzes (markup: hocvuso/quiz.py) and path progress. Without it answers sit in <details>.
// Its words are the page's: data-* of each question and of the path (hocvuso/words/<lang>.yml).
// Never throws: with corrupt, full or disabled storage, progress lives in memory.
(() => {
  const KEY = "hvs:v1:progress";
  let mem = {}, stuck = false;
  const obj = (v) => (v && typeof v === "object" && !Array.isArray(v) ? v : {});
  const load = () => {
    if (!stuck) try { mem = obj(JSON.parse(localStorage.getItem(KEY) || "{}")); } catch (e) { /* keep memory */ }
    return mem;
  };
  const save = () => {
    try { localStorage.setItem(KEY, JSON.stringify(mem)); } catch (e) { stuck = true; }
  };
  const fmt = (s, o) => s.replace(/\{(\w)\}/g, (m, k) => o[k]);
  const $$ = (el, s) => Array.from(el.querySelectorAll(s));
  const el = (tag, cls, text) => {
    const e = document.createElement(tag);
    e.className = cls; e.textContent = text || "";
    return e;
  };
  // Same rules as questions.fold in Python.
  const fold = (s, exact) => {
    s = s.normalize("NFC").toLowerCase().trim().replace(/\s+/g, " ");
    return exact ? s : s.replace(/đ/g, "d").normalize("NFD").replace(/[\u0300-\u036f]/g, "").normalize("NFC");
  };
  // "aud/slug" from ".../aud/slug.html" or ".../en/aud/slug.html": vi and en share progress.
  const lessonKey = () => location.pathname.replace(/\.html$/, "").split("/").filter(Boolean).slice(-2).join("/");

  function page() {
    const quizzes = $$(document, ".hvs-quiz[data-kind]");
    if (!quizzes.length || quizzes[0].dataset.ready) return;  // this page is set up already
    const store = load(), key = lessonKey();
    const rec = store[key] = obj(store[key]);
    rec.a = obj(rec.a); rec.ok = obj(rec.ok);
    const last = quizzes[quizzes.length - 1];
    const next = last.nextElementSibling, score = next && next.matches(".hvs-score") ? next : el("p", "hvs-score");
    // The one score line of the page, announced when it changes.
    score.setAttribute("role", "status");
    last.after(score);
    const t = quizzes[0].dataset;
    const tally = () => {
      const k = quizzes.filter((q) => rec.ok[q.id] === 1).length, n = quizzes.length;
      if (k / n >= 0.8) rec.done = 1;
      score.textContent = quizzes.some((q) => q.id in rec.ok) ? fmt(t.score, { k, n }) + (rec.done ? " " + t.done : "") : "";
    };
    quizzes.forEach((q) => { try { quiz(q, rec, tally); } catch (e) { /* leave it readable */ } });
    tally();
  }

  function quiz(q, rec, tally) {
    const t = q.dataset;
    t.ready = 1;
    const kind = q.dataset.kind, id = q.id, at = (s) => q.querySelector(s);
    const check = at(".hvs-quiz__check"), retry = at(".hvs-quiz__retry"), status = at(".hvs-quiz__status");
    const explain = at(".hvs-quiz__explain"), list = at(".hvs-quiz__options,.hvs-quiz__steps"), input = at("input[type=text]");
    at(".hvs-quiz__answer").hidden = true;
    check.hidden = false;
    const items = () => $$(q, "li[data-i]");
    const lock = (on) => $$(q, "input,.hvs-quiz__move button").forEach((c) => { c.disabled = on; });
    if (kind === "order") items().forEach((li) => {
      const text = li.textContent.trim(), box = el("span", "hvs-quiz__move");
      [[t.up, "▲", -1], [t.down, "▼", 1]].forEach(([label, icon, d]) => {
        const b = el("button", "", icon);
        b.type = "button"; b.setAttribute("aria-label", label + ": " + text);
        b.onclick = () => {
          const other = d < 0 ? li.previousElementSibling : li.nextElementSibling;
          again();
          if (other) list.insertBefore(li, d < 0 ? other : other.nextElementSibling);
          b.focus();
          const all = items();
          status.textContent = fmt(t.position, { s: text, p: all.indexOf(li) + 1, n: all.length });
        };
        box.append(b);
      });
      li.append(box);
    });
    const read = () => {
      if (kind === "quiz") {
        const v = $$(q, "input:checked").map((i) => +i.value);
        return v.length ? v : null;
      }
      if (kind === "order") return items().map((li) => +li.dataset.i);
      return input.value.trim() ? input.value : null;
    };
    const put = (a) => {
      if (kind === "quiz") $$(q, "input").forEach((i) => { i.checked = a.includes(+i.value); });
      else if (kind === "order") a.forEach((i) => list.append(q.querySelector(`li[data-i="${i}"]`)));
      else input.value = a;
    };
    const clear = () => {
      $$(q, ".hvs-quiz__mark").forEach((m) => m.remove());
      $$(q, ".hvs-quiz__fb").forEach((f) => { f.hidden = true; });
      [q, ...$$(q, ".is-right,.is-wrong")].forEach((e) => e.classList.remove("is-right", "is-wrong"));
      lock(false);
      if (explain) explain.hidden = true;
      check.hidden = false; retry.hidden = true; status.textContent = "";
    };
    const mark = (li, good) => {
      const m = el("span", "hvs-quiz__mark", good ? t.rightMark : t.wrongMark);
      li.classList.add(good ? "is-right" : "is-wrong");
      const fb = li.querySelector(".hvs-quiz__fb");
      li.insertBefore(m, fb || li.querySelector(".hvs-quiz__move"));
      if (fb) fb.hidden = false;
    };
    const grade = (a, announce) => {
      let ok, part;
      if (kind === "quiz") {
        const right = items().filter((li) => li.hasAttribute("data-correct")).map((li) => +li.dataset.i);
        ok = right.length === a.length && right.every((i) => a.includes(i));
        part = !ok && a.every((i) => right.includes(i));
        items().forEach((li) => { if (a.includes(+li.dataset.i)) mark(li, li.hasAttribute("data-correct")); });
      } else if (kind === "order") {
        ok = a.every((v, i) => v === i);
        items().forEach((li, i) => mark(li, +li.dataset.i === i));
      } else {
        ok = JSON.parse(q.dataset.accept).includes(fold(a, q.hasAttribute("data-exact")));
        mark(q.querySelector("fieldset"), ok);
      }
      q.classList.add(ok ? "is-right" : "is-wrong");
      rec.a[id] = a; rec.ok[id] = ok ? 1 : 0;
      // Right: done, locked. Wrong: the reader changes the answer and checks again; "Làm lại" clears all.
      lock(ok);
      if (explain) explain.hidden = false;
      check.hidden = ok; retry.hidden = false;
      // Screen readers also hear the feedback that sighted readers see beside the options.
      const heard = el("span", "hvs-quiz__sr", $$(q, ".hvs-quiz__fb:not([hidden])").map((f) => " " + f.textContent.trim()).join(""));
      status.textContent = ok ? t.right : part ? t.part : t.wrong;
      status.append(heard);
      tally();
      if (announce) { save(); (ok ? retry : check).focus(); }
    };
    // A new answer after a wrong one: the old marks go, the answer stays.
    const again = () => { if (q.classList.contains("is-wrong")) clear(); };
    q.addEventListener("change", again);
    if (input) input.addEventListener("input", again);
    check.onclick = () => {
      const a = read();
      if (a === null) { status.textContent = t.pick; return; }
      clear();
      grade(a, true);
    };
    retry.onclick = () => {
      delete rec.a[id]; delete rec.ok[id];
      clear(); tally(); save();
      $$(q, "input:checked").forEach((i) => { i.checked = false; });
      (q.querySelector("input,.hvs-quiz__move button") || check).focus();
      if (input) input.select();
    };
    // Storage may hold anything: only an answer of this question's shape is shown again.
    const n = items().length, ints = (a) => Array.isArray(a) && a.every((i) => Number.isInteger(i) && i >= 0 && i < n)
      && new Set(a).size === a.length;
    const fits = (a) => kind === "fill" ? typeof a === "string" && a.trim() !== "" && a.length < 500
      : kind === "order" ? ints(a) && a.length === n
      : ints(a) && a.length > 0 && (a.length === 1 || q.hasAttribute("data-multiple"));
    const saved = rec.a[id];
    if (saved != null && !fits(saved)) { delete rec.a[id]; delete rec.ok[id]; }
    else if (saved != null) try { put(saved); grade(saved, false); } catch (e) { clear(); }
  }

  function paths() {
    $$(document, ".hvs-path").forEach((path) => {
      const items = $$(path, "[data-lesson]"), progress = path.querySelector(".hvs-path__progress");
      const reset = path.querySelector(".hvs-path__reset");
      const show = () => {
        const store = load();
        let k = 0, any = false;
        items.forEach((li) => {
          const rec = obj(store[li.dataset.lesson]), done = !!rec.done;
          const m = li.querySelector(".hvs-path__done");
          if (m) m.hidden = !done;
          k += done; any = any || done || Object.keys(obj(rec.ok)).length > 0;
        });
        if (progress) progress.textContent = fmt(progress.dataset.template, { k, n: progress.dataset.total });
        if (reset) reset.hidden = !any;
      };
      if (reset) reset.onclick = () => {
        if (!window.confirm(reset.dataset.confirm)) return;
        const store = load();
        items.forEach((li) => { delete store[li.dataset.lesson]; });
        save(); show();
        if (progress) { progress.tabIndex = -1; progress.focus(); }
      };
      show();
    });
  }

  let ran = false;
  const init = () => {
    ran = true;
    try { page(); paths(); } catch (e) { /* never break the page */ }
  };
  // document$ fires on each instant navigation but may never fire from file://.
  if (window.document$) window.document$.subscribe(init);
  window.addEventListener("load", () => { if (!ran) init(); });
})();
