"""QR codes of lesson addresses as inline SVG (vector: sharp on paper and on a projector)."""
from __future__ import annotations

import functools
import io

import segno


@functools.lru_cache(maxsize=4096)
def qr_svg(url: str, title: str = "", scale: int = 4) -> str:
    """An <svg> element (no XML declaration) encoding `url`, black on white, with a quiet zone."""
    code = segno.make(url, error="m", micro=False)
    out = io.BytesIO()
    code.save(out, kind="svg", scale=scale, border=4, xmldecl=False, svgns=True, nl=False,
              title=title or None, svgclass="hvs-qr", lineclass=None, dark="#000", light="#fff")
    return out.getvalue().decode("utf-8")
