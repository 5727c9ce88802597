"""Words of the site's own interface, in Vietnamese and English, for the templates."""
from __future__ import annotations

from .lessons import LEVELS

UI: dict[str, dict[str, str]] = {
    "vi": {
        "minutes": "{n} phút",
        "duration": "Thời lượng",
        "level": "Mức độ",
        "competencies": "Năng lực",
        "objectives": "Mục tiêu bài học",
        "updated": "Cập nhật: {date}",
        "sources": "Nguồn",
        "lesson_tools": "Công cụ bài học",
    },
    "en": {
        "minutes": "{n} min",
        "duration": "Duration",
        "level": "Level",
        "competencies": "Competencies",
        "objectives": "Learning objectives",
        "updated": "Updated: {date}",
        "sources": "Sources",
        "lesson_tools": "Lesson tools",
    },
}


def ui_text(lang: str) -> dict[str, object]:
    """The interface words of one language, with level names, for a template context."""
    lang = lang if lang in UI else "vi"
    return {**UI[lang], "levels": {k: v[lang] for k, v in LEVELS.items()}, "lang": lang}


def month_year(updated: str | None) -> str:
    """'2026-11' -> '11/2026' (the way both languages show it here)."""
    if not updated:
        return ""
    year, month = updated.split("-")[:2]
    return f"{int(month)}/{year}"
