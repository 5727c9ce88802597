"""Self-check questions (quiz, order, fill) parsed from a block's raw Markdown text.

Pure text in, frozen data out, with every problem's exact line. The lesson model uses
this to validate a build; the Blocks (quiz.py) use the same parser to render, and the
printed answer key uses the same data, so what is checked is what is shown.
"""
from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass
from typing import Any

from .problems import Problem

# Item text is optional so that "- [ ]" or "-" with trailing spaces trimmed by an editor
# is still seen as an (empty) option and reported, not silently read as text.
_TASK_RE = re.compile(r"^(?P<indent>[ \t]*)[-*+][ \t]+\[(?P<mark>[ xX])\](?:[ \t]+(?P<text>.*))?[ \t]*$")
_BULLET_RE = re.compile(r"^(?P<indent>[ \t]*)[-*+](?:[ \t]+(?P<text>.*))?$")
_NUMBER_RE = re.compile(r"^(?P<indent>[ \t]*)\d+[.)](?:[ \t]+(?P<text>.*))?$")
_ITEM_RE = {"quiz": _TASK_RE, "order": _NUMBER_RE, "fill": _BULLET_RE}

OPTIONS: dict[str, dict[str, type]] = {
    "quiz": {"shuffle": bool},
    "order": {},
    "fill": {"exact": bool},
}
LIST_HINT = {
    "quiz": "a task list ('- [x] right answer' and '- [ ] wrong answer')",
    "order": "a numbered list of the steps in the right order ('1. …')",
    "fill": "a list of accepted answers ('- answer')",
}
LIST_HINT_VI = {
    "quiz": "một danh sách lựa chọn (`- [x] đáp án đúng` và `- [ ] đáp án sai`)",
    "order": "danh sách đánh số các bước theo đúng thứ tự (`1. …`)",
    "fill": "danh sách các câu trả lời được chấp nhận (`- câu trả lời`)",
}
LETTERS = "ABCDEFGHIJKLMNOPQRSTUVWXYZ"


@dataclass(frozen=True)
class Option:
    text: str  # inline Markdown
    correct: bool
    feedback: str  # Markdown, may be empty
    line: int


@dataclass(frozen=True)
class Question:
    """One self-check question of a lesson."""

    kind: str  # quiz | order | fill
    id: str
    prompt: str
    context: str  # Markdown before the list
    options: tuple[Option, ...]  # quiz: choices; order: steps in the right order; fill: accepted answers
    explanation: str  # Markdown after the list
    shuffle: bool
    exact: bool
    line: int

    @property
    def multiple(self) -> bool:
        return self.kind == "quiz" and sum(o.correct for o in self.options) > 1

    @property
    def correct(self) -> tuple[Option, ...]:
        return tuple(o for o in self.options if o.correct)

    def shown(self) -> list[int]:
        """Indexes of the options in the order readers see them (web and print alike)."""
        if self.kind == "order" or (self.kind == "quiz" and self.shuffle):
            return deterministic_order(self.id, len(self.options))
        return list(range(len(self.options)))

    def accepted(self) -> list[str]:
        """A fill question's accepted answers, folded the way a typed answer is compared."""
        return sorted({fold(o.text, self.exact) for o in self.options})

    def key_text(self, lang: str = "vi") -> str:
        """The answer as one plain line, for the printed answer key and handouts."""
        if self.kind == "quiz":
            shown = self.shown()
            return "; ".join(f"{LETTERS[n % 26]}. {plain(self.options[i].text)}"
                             for n, i in enumerate(shown) if self.options[i].correct)
        if self.kind == "order":
            return " → ".join(f"{n + 1}. {plain(o.text)}" for n, o in enumerate(self.options))
        return " / ".join(plain(o.text) for o in self.options)


def plain(markdown: str) -> str:
    """Inline Markdown as plain text: links keep their words, emphasis and code marks go."""
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", markdown)
    text = re.sub(r"(\*\*|__|\*|`)", "", text)
    return re.sub(r"\s+", " ", text).strip()


def question_id(kind: str, prompt: str) -> str:
    """A stable id from the question text, not its position on the page."""
    folded = fold(prompt)
    slug = re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:32].strip("-") or kind
    digest = hashlib.sha1(f"{kind}:{prompt}".encode("utf-8")).hexdigest()[:6]
    return f"q-{slug}-{digest}"


def fold(text: str, exact: bool = False) -> str:
    """Normalise a typed answer: NFC, case-folded, trimmed, spaces collapsed; without diacritics unless exact.

    quiz.js repeats these rules; tests/browser/test_quiz_browser.py checks that both agree.
    """
    text = unicodedata.normalize("NFC", text).casefold().strip()
    text = re.sub(r"\s+", " ", text)
    if exact:
        return text
    text = text.replace("đ", "d")
    bare = unicodedata.normalize("NFD", text).translate(_COMBINING)  # (str.translate: the search index folds a lot)
    if not bare.isascii() and any(ord(c) > 0xFFFF for c in bare):  # marks beyond the first plane: rare, slow path
        bare = "".join(c for c in bare if not unicodedata.combining(c))
    return unicodedata.normalize("NFC", bare)


_COMBINING = {cp: None for cp in range(0x300, 0x10000) if unicodedata.combining(chr(cp))}


def deterministic_order(qid: str, n: int) -> list[int]:
    """A shuffled order of range(n) that depends only on the question id, never the identity."""
    if n < 2:
        return list(range(n))
    keyed = sorted(range(n), key=lambda i: hashlib.sha1(f"{qid}:{i}".encode()).hexdigest())
    if keyed == list(range(n)):
        keyed = keyed[1:] + keyed[:1]
    return keyed


def _problem(path: str, line: int, code: str, message: str, fix: str, vi: tuple[str, str] | None = None) -> Problem:
    return Problem(path, line, code, message, fix, vi)


def _dedent_block(lines: list[str]) -> str:
    stripped = [ln[4:] if ln.startswith("    ") else ln.lstrip("\t") if ln.startswith("\t") else ln.strip()
                for ln in lines]
    return "\n".join(stripped).strip()


def _top_item(item_re: re.Pattern, line: str) -> re.Match | None:
    m = item_re.match(line)
    return m if m and not m.group("indent") else None


def _check_options(path: str, kind: str, options: dict[str, Any], line: int) -> list:
    problems = []
    allowed = OPTIONS.get(kind, {})
    # Options sit one per line right under the header (the scanner split them off).
    for n, (key, value) in enumerate(options.items()):
        if key not in allowed:
            known = ", ".join(allowed) or "none"
            problems.append(_problem(path, line + 1 + n, "block-option-unknown",
                                     f"the '{kind}' block has no option '{key}'",
                                     f"remove it or fix its spelling (options of '{kind}': {known})",
                                     (f"khối `{kind}` không có tùy chọn `{key}`",
                                      f"xóa dòng này hoặc sửa chính tả (các tùy chọn của `{kind}`: "
                                      f"{', '.join(allowed) or 'không có'})")))
        elif not isinstance(value, allowed[key]):
            problems.append(_problem(path, line + 1 + n, "block-option-type",
                                     f"the option '{key}' must be true or false, not {value!r}",
                                     f"write '{key}: true' or '{key}: false'",
                                     (f"tùy chọn `{key}` phải là true (có) hoặc false (không), không phải {value!r}",
                                      f"viết `{key}: true` hoặc `{key}: false`")))
    return problems


def parse_block(path: str, kind: str, title: str, options: dict[str, Any], body: tuple[str, ...] | list[str],
                line: int, lang: str = "vi") -> tuple[Question | None, list]:
    """Parse a quiz/order/fill block body into a Question and every problem found.

    `line` is the opening fence's line number; `body` the lines after the options. The
    Question is None whenever there is a problem.
    """
    body = [ln.rstrip("\r") for ln in body]
    problems = _check_options(path, kind, options, line)
    if not title.strip():
        problems.append(_problem(path, line, "question-missing", f"the '{kind}' block has no question",
                                 f"write the question after a bar: '/// {kind} | Your question?'",
                                 (f"khối `{kind}` chưa có câu hỏi",
                                  f"viết câu hỏi sau dấu gạch đứng: `/// {kind} | Câu hỏi của bạn?`")))
    first = line + 1 + len(options)  # line number of body[0]
    item_re = _ITEM_RE[kind]
    start = next((i for i, ln in enumerate(body) if _top_item(item_re, ln)), None)
    if start is None:
        if kind == "fill":
            problems.append(_problem(path, line, "fill-no-answer", "the 'fill' block has no accepted answer",
                                     f"add {LIST_HINT[kind]}, e.g. '- 113'",
                                     ("khối `fill` chưa có câu trả lời đúng nào",
                                      f"thêm {LIST_HINT_VI[kind]}, ví dụ `- 113`")))
        else:
            problems.append(_problem(path, line, "list-missing", f"the '{kind}' block has no list of answers",
                                     f"add {LIST_HINT[kind]}",
                                     (f"khối `{kind}` chưa có danh sách đáp án", f"thêm {LIST_HINT_VI[kind]}")))
        return None, problems
    items: list[tuple[int, str, bool, list[str]]] = []  # (line, text, correct, feedback lines)
    # The next non-blank line after each line, found once: looking it up by slicing made a quiz with
    # thousands of blank lines take minutes.
    following: list[str | None] = [None] * (len(body) + 1)
    for n in range(len(body) - 1, -1, -1):
        following[n] = body[n + 1] if n + 1 < len(body) and body[n + 1].strip() else following[n + 1]
    i = start
    while i < len(body):
        ln = body[i]
        m = _top_item(item_re, ln)
        if m:
            correct = kind != "quiz" or m.group("mark") in "xX"
            items.append((first + i, (m.group("text") or "").strip(), correct, []))
            i += 1
            continue
        if not ln.strip():
            # A blank line ends the list unless an indented line or another item follows.
            nxt = following[i]
            if nxt is not None and (nxt.startswith(("    ", "\t")) or _top_item(item_re, nxt)):
                items[-1][3].append("")
                i += 1
                continue
            break
        if ln.startswith((" ", "\t")):
            if _TASK_RE.match(ln) or _BULLET_RE.match(ln) or _NUMBER_RE.match(ln):
                problems.append(_problem(path, first + i, "list-nested", "a list inside an answer option",
                                         "keep one level of options, none indented; write feedback as an "
                                         "indented sentence",
                                         ("có một danh sách nằm bên trong một lựa chọn",
                                          "giữ các lựa chọn ở cùng một cấp, không thụt lề; lời giải thích viết "
                                          "thành câu thụt vào 4 dấu cách")))
            items[-1][3].append(ln)
            i += 1
            continue
        if kind == "quiz" and _BULLET_RE.match(ln):
            problems.append(_problem(path, first + i, "option-no-box", "an option without '[ ]' or '[x]'",
                                     "start every option with '- [ ] ' (wrong) or '- [x] ' (right)",
                                     ("lựa chọn này thiếu ô `[ ]` hoặc `[x]`",
                                      "bắt đầu mỗi lựa chọn bằng `- [ ] ` (sai) hoặc `- [x] ` (đúng)")))
            i += 1
            continue
        break
    context = "\n".join(body[:start]).strip()
    rest = body[i:]
    explanation = "\n".join(rest).strip()
    if kind == "quiz":
        # Options after the explanation started: usually feedback that was not indented.
        for n, ln in enumerate(rest):
            if _top_item(_TASK_RE, ln):
                problems.append(_problem(path, first + i + n, "list-split",
                                         "an option after text that is not indented, which ended the list",
                                         "indent an option's feedback by 4 spaces, directly under the option",
                                         ("lựa chọn này đứng sau một đoạn chữ không thụt lề, nên danh sách đã bị "
                                          "ngắt", "thụt lời giải thích của lựa chọn vào 4 dấu cách, ngay dưới "
                                          "lựa chọn đó")))
                break
    opts: list[Option] = []
    seen: dict[str, int] = {}
    for ln_no, text, correct, fb in items:
        if not text:
            problems.append(_problem(path, ln_no, "option-empty", "an empty answer option",
                                     "write the option's text after the marker, or delete the line",
                                     ("lựa chọn này để trống",
                                      "viết nội dung lựa chọn sau dấu đánh dấu, hoặc xóa dòng này")))
            continue
        key = fold(text, exact=kind != "fill" or bool(options.get("exact")))
        if key in seen:
            problems.append(_problem(path, ln_no, "option-duplicate",
                                     f"the option '{text}' is the same as the one on line {seen[key]}",
                                     "make every option different, or delete the copy",
                                     (f"lựa chọn `{text}` giống hệt lựa chọn ở dòng {seen[key]}",
                                      "sửa cho mỗi lựa chọn khác nhau, hoặc xóa bản lặp")))
        seen.setdefault(key, ln_no)
        opts.append(Option(text, correct, _dedent_block(fb), ln_no))
    if kind == "quiz":
        if len(items) < 2:
            problems.append(_problem(path, line, "options-too-few", "a quiz needs at least 2 options",
                                     "add another option ('- [ ] …')",
                                     ("câu hỏi trắc nghiệm cần ít nhất 2 lựa chọn",
                                      "thêm một lựa chọn nữa (`- [ ] …`)")))
        if not any(c for _, _, c, _ in items):
            problems.append(_problem(path, line, "quiz-no-correct", "no option is marked correct",
                                     "mark the right option(s) with '[x]'",
                                     ("chưa có lựa chọn nào được đánh dấu là đúng",
                                      "đánh dấu lựa chọn đúng bằng `[x]`")))
    elif kind == "order":
        if len(items) < 3:
            problems.append(_problem(path, line, "order-too-few", "an order question needs at least 3 steps",
                                     "list 3 or more steps, in the right order",
                                     ("câu hỏi sắp xếp cần ít nhất 3 bước",
                                      "viết từ 3 bước trở lên, theo đúng thứ tự")))
    elif kind == "fill" and not opts:
        problems.append(_problem(path, line, "fill-no-answer", "the 'fill' block has no accepted answer",
                                 "write at least one accepted answer ('- 113')",
                                 ("khối `fill` chưa có câu trả lời đúng nào",
                                  "viết ít nhất một câu trả lời được chấp nhận (`- 113`)")))
    if problems:
        return None, problems
    qid = question_id(kind, title.strip())
    return Question(kind, qid, title.strip(), context, tuple(opts), explanation,
                    bool(options.get("shuffle", False)), bool(options.get("exact", False)), line), problems
