"""What an author sees when the program itself fails: the file it was reading and how to report it, never a traceback."""
from __future__ import annotations

import contextvars
import os
import traceback

READING: contextvars.ContextVar[str] = contextvars.ContextVar("hvs_reading", default="")


def author_lang() -> str:
    """The language of messages to authors: Vietnamese unless HOCVUSO_LANG=en."""
    return "en" if os.environ.get("HOCVUSO_LANG", "").lower().startswith("en") else "vi"


def internal_error(exc: BaseException, lang: str | None = None) -> str:
    """A plain message for an unexpected failure, naming the file being read; the details go to a log file."""
    lang = lang or author_lang()
    where = READING.get() or ("(không rõ tệp)" if lang == "vi" else "(no file)")
    log = os.path.join(os.getcwd(), ".cache", "hocvuso-error.txt")
    try:
        os.makedirs(os.path.dirname(log), exist_ok=True)
        with open(log, "w", encoding="utf-8") as out:
            out.write(f"reading: {where}\n")
            out.write("".join(traceback.format_exception(exc)))
    except OSError:
        log = ""
    if lang == "en":
        return (f"Internal error while reading {where}: {type(exc).__name__}: {exc}. This is a fault of the "
                f"program, not of your lesson. Please report it to the site's keeper with that file"
                + (f" and {log}" if log else "") + ".")
    return (f"Lỗi của chương trình khi đọc tệp {where}: {type(exc).__name__}: {exc}. Đây là lỗi của phần mềm, "
            f"không phải lỗi của bài bạn viết. Hãy báo cho người quản lý trang, gửi kèm tệp đó"
            + (f" và tệp {log}" if log else "") + ".")
