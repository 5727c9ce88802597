"""A lesson's front matter: split from the body, parsed once (libyaml), and every key checked.

Each mistake is a `Problem` at the key's own line, with an example of the right value in both languages.
"""
from __future__ import annotations

import datetime as _dt
import re
from typing import Any

import yaml

from .. import safety
from ..problems import Problem
from .model import LEVELS, OPTIONAL_KEYS, REQUIRED_KEYS, THEME_KEYS, Competency

_FM_RE = re.compile(r"\A---[ \t]*\n(.*?\n)?---[ \t]*\n", re.S)


def split_front_matter(text: str) -> tuple[str | None, str, int]:
    """Return (front matter YAML or None, body, line where the body starts)."""
    m = _FM_RE.match(text)
    if not m:
        return None, text, 1
    fm = m.group(1) or ""
    return fm, text[m.end():], text[: m.end()].count("\n") + 1


def _key_lines(node) -> dict[str, int]:
    """Line (relative to the YAML, 0-based) of each top-level key, from the parsed node tree."""
    lines: dict[str, int] = {}
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            lines[str(key.value)] = key.start_mark.line
            if isinstance(value, yaml.SequenceNode):  # 'sources[0]': each item's own line
                for n, item in enumerate(value.value):
                    lines[f"{key.value}[{n}]"] = item.start_mark.line
    return lines


def parse_front_matter(path: str, text: str) -> tuple[dict[str, Any], dict[str, int], list[Problem]]:
    """Parse the YAML front matter; return data, 1-based key lines and problems."""
    fm, _body, _start = split_front_matter(text)
    if fm is None:
        return {}, {}, [Problem(path, 1, "front-matter-missing",
                                "the file has no front matter",
                                "start the file with a '---' line, the keys title, description, order, "
                                "duration, level, competencies, objectives, and a closing '---' line",
                                ("tệp không có phần đầu bài (các dòng `tên: giá trị` nằm giữa hai dòng `---`)",
                                 "mở đầu tệp bằng một dòng `---`, rồi các dòng title, description, order, duration, "
                                 "level, competencies, objectives, rồi một dòng `---` nữa (xem /tac-gia/)"))]
    try:
        data, node = safety.load_yaml_node(fm)  # parsed once: data and each key's line
        data = data or {}
    except safety.YamlError as exc:
        code = "front-matter-alias" if exc.alias else "front-matter-yaml"
        return {}, {}, [Problem(path, exc.line + 2, code,
                                f"the front matter is not valid YAML ({exc.reason})",
                                "write each value out in full" if code == "front-matter-alias" else
                                "check the indentation and put text that contains ':' or '#' in quotes",
                                (f"phần đầu bài (giữa hai dòng `---`) viết sai: {exc.vi[0]}", exc.vi[1]))]
    if not isinstance(data, dict):
        return {}, {}, [Problem(path, 2, "front-matter-yaml", "the front matter is not a list of 'key: value' lines",
                                "write one 'key: value' per line between the two '---' lines",
                                ("phần đầu bài không phải là các dòng `tên: giá trị`",
                                 "giữa hai dòng `---`, viết mỗi dòng một `tên: giá trị`, ví dụ `order: 3`"))]
    lines = {k: v + 2 for k, v in _key_lines(node).items()}
    return data, lines, []


def _type_name(t: type | tuple[type, ...]) -> str:
    names = {str: "text", int: "a whole number", list: "a list", _dt.date: "a date"}
    if isinstance(t, tuple):
        return " or ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


def check_keys(path: str, data: dict[str, Any], lines: dict[str, int],
                competencies: dict[str, Competency]) -> list[Problem]:
    out: list[Problem] = []
    for key, typ in REQUIRED_KEYS.items():
        if key not in data or data[key] in (None, "", []):
            out.append(Problem(path, 1, "key-missing", f"the front matter has no '{key}'",
                               f"add a line '{key}: …' between the '---' lines (see /tac-gia/)",
                               (f"phần đầu bài thiếu dòng `{key}`",
                                f"thêm dòng {_EXAMPLES_VI[key]} vào giữa hai dòng `---` (xem /tac-gia/)")))
            continue
        value = data[key]
        if isinstance(value, bool) or not isinstance(value, typ):
            out.append(Problem(path, lines.get(key, 1), "key-type",
                               f"'{key}' should be {_type_name(typ)}, not {_shown(value)}",
                               f"write '{key}' as {_type_name(typ)}, e.g. {_EXAMPLES[key]}",
                               (f"`{key}` phải là {_type_name_vi(typ)}, không phải {_shown(value)}",
                                f"viết `{key}` là {_type_name_vi(typ)}, ví dụ {_EXAMPLES_VI[key]}")))
    for key, typ in OPTIONAL_KEYS.items():
        if key in data and not isinstance(data[key], typ):
            out.append(Problem(path, lines.get(key, 1), "key-type",
                               f"'{key}' should be {_type_name(typ)}, not {_shown(data[key])}",
                               f"write '{key}' as {_type_name(typ)}, e.g. {_EXAMPLES[key]}",
                               (f"`{key}` phải là {_type_name_vi(typ)}, không phải {_shown(data[key])}",
                                f"viết `{key}` là {_type_name_vi(typ)}, ví dụ {_EXAMPLES_VI[key]}")))
    for key in data:
        if key not in REQUIRED_KEYS and key not in OPTIONAL_KEYS and key not in THEME_KEYS:
            out.append(Problem(path, lines.get(key, 1), "key-unknown", f"unknown front-matter key '{key}'",
                               "check its spelling; the keys are " + ", ".join([*REQUIRED_KEYS, *OPTIONAL_KEYS]),
                               (f"phần đầu bài có tên `{key}` mà máy không biết",
                                "xem lại chính tả (viết bằng tiếng Anh, không dấu); các tên được dùng là " +
                                ", ".join([*REQUIRED_KEYS, *OPTIONAL_KEYS]))))
    for key in ("order", "duration"):
        v = data.get(key)
        if isinstance(v, int) and not isinstance(v, bool) and v < 1:
            out.append(Problem(path, lines.get(key, 1), "key-range", f"'{key}' must be 1 or more, not {v}",
                               f"write a positive whole number for '{key}'",
                               (f"`{key}` phải từ 1 trở lên, không phải {v}",
                                f"viết một số nguyên từ 1 trở lên, ví dụ `{key}: {_EXAMPLE_NUMBER[key]}`")))
    level = data.get("level")
    if isinstance(level, str) and level not in LEVELS:
        out.append(Problem(path, lines.get("level", 1), "level-unknown", f"unknown level '{level}'",
                           "write one of: " + ", ".join(LEVELS),
                           (f"không có mức độ `{level}`",
                            "viết một trong các mức: " + ", ".join(f"`{k}` ({v['vi']})" for k, v in LEVELS.items()))))
    comps = data.get("competencies")
    if isinstance(comps, list):
        for code in comps:
            if str(code) not in competencies or "." not in str(code):
                out.append(Problem(path, lines.get("competencies", 1), "competency-unknown",
                                   f"unknown competency code '{code}'",
                                   "use a component code from /khung-nang-luc/ such as \"4.2\" (in quotes)",
                                   (f"không có mã năng lực `{code}`",
                                    "dùng một mã năng lực thành phần trong /khung-nang-luc/, viết trong ngoặc kép, "
                                    "ví dụ `\"4.2\"`")))
    for key in ("objectives",):
        items = data.get(key)
        if isinstance(items, list) and not all(isinstance(x, str) and x.strip() for x in items):
            out.append(Problem(path, lines.get(key, 1), "key-type", f"every item of '{key}' must be a sentence",
                               f"write each item of '{key}' as '  - a sentence' on its own line",
                               (f"mỗi mục của `{key}` phải là một câu",
                                f"viết mỗi mục của `{key}` trên một dòng riêng: `  - một câu`")))
    sources = data.get("sources")
    if isinstance(sources, list):
        for n, item in enumerate(sources):
            if not (isinstance(item, dict) and isinstance(item.get("title"), str)
                    and isinstance(item.get("url"), str) and safety.is_web_address(item["url"])):
                out.append(Problem(path, lines.get(f"sources[{n}]", lines.get("sources", 1)), "source-invalid",
                                   f"a source must have a title and a full http(s) address, not {_shown(item)}",
                                   "write '  - title: Name of the source' and '    url: https://…'",
                                   (f"một nguồn phải có tên và địa chỉ đầy đủ bắt đầu bằng http(s), không phải "
                                    f"{_shown(item)}",
                                    "viết `  - title: Tên nguồn` rồi dòng dưới `    url: https://…`")))
    out += _check_updated(path, data.get("updated"), lines.get("updated", 1))
    return out


def _shown(value: Any, limit: int = 60) -> str:
    """A value as a message quotes it: short, whatever the author wrote."""
    text = repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _check_updated(path: str, updated: Any, line: int) -> list[Problem]:
    """'updated' is a real year and month (and day): 2026-11 or 2026-11-05."""
    if not isinstance(updated, str):
        return []
    m = re.fullmatch(r"(\d{4})-(\d{2})(?:-(\d{2}))?", updated)
    if not m:
        return [Problem(path, line, "key-type", f"'updated' should look like 2026-11, not {_shown(updated)}",
                        "write the year and month the facts were checked, e.g. 'updated: 2026-11'",
                        (f"`updated` phải có dạng 2026-11, không phải {_shown(updated)}",
                         "viết năm và tháng bạn kiểm tra thông tin, ví dụ `updated: 2026-11`"))]
    try:
        _dt.date(int(m.group(1)), int(m.group(2)), int(m.group(3) or 1))
    except ValueError:
        return [Problem(path, line, "date-invalid", f"'updated: {updated}' is not a real date",
                        "write a month from 01 to 12 (and a day that month has), e.g. 'updated: 2026-11'",
                        (f"`updated: {updated}` không phải là một ngày có thật",
                         "viết tháng từ 01 đến 12 (và ngày có trong tháng đó), ví dụ `updated: 2026-11`"))]
    return []


def _type_name_vi(t: type | tuple[type, ...]) -> str:
    names = {str: "chữ", int: "một số nguyên", list: "một danh sách", _dt.date: "một ngày"}
    if isinstance(t, tuple):
        return " hoặc ".join(names.get(x, x.__name__) for x in t)
    return names.get(t, t.__name__)


_EXAMPLE_NUMBER = {"order": 3, "duration": 15}
_EXAMPLES_VI = {
    "title": "`title: Gọi video bằng Zalo`",
    "description": "`description: Một câu nói về bài học.`",
    "order": "`order: 3`",
    "duration": "`duration: 15` (số phút)",
    "level": "`level: co-ban`",
    "competencies": "`competencies: [\"2.1\", \"4.2\"]`",
    "objectives": "`objectives:` rồi các dòng `  - …` bên dưới",
    "updated": "`updated: 2026-11`",
    "sources": "`sources:` rồi các dòng `  - title: …` và `    url: https://…`",
}
_EXAMPLES = {
    "title": "'title: Gọi video bằng Zalo'",
    "description": "'description: One sentence about the lesson.'",
    "order": "'order: 3'",
    "duration": "'duration: 15' (minutes)",
    "level": "'level: co-ban'",
    "competencies": "'competencies: [\"2.1\", \"4.2\"]'",
    "objectives": "a list of '  - …' lines",
    "updated": "'updated: 2026-11'",
    "sources": "a list of '  - title: …' with '    url: https://…'",
}

