"""Every problem code in one place, and `Problem`, one author mistake found with its code.

Each code has its severity and what the author's guide says of it, in both languages. `Problem` codes must
be listed here (a test scans the package); the author's guide table is generated from this registry by the
`/// problem-codes` block, and a test makes every code fire on a fixture. Nothing here imports the rest of
the package but `errors`, so every module that finds problems can import this one.
"""
from __future__ import annotations

from dataclasses import dataclass, field

from .errors import author_lang


@dataclass(frozen=True)
class Problem:
    """One author mistake: where it is, what is wrong and how to fix it, in English and in Vietnamese.

    `message`/`fix` are English; `vi` holds the Vietnamese (message, fix). Shown in the author's language
    (Vietnamese unless HOCVUSO_LANG=en or `--lang en`); a problem written without its Vietnamese words
    falls back to the registry's explanation of its code, still in Vietnamese.
    """

    path: str
    line: int
    code: str
    message: str
    fix: str
    vi: tuple[str, str] | None = field(default=None, compare=False)

    def words(self, lang: str | None = None) -> tuple[str, str]:
        """(what is wrong, how to fix it) in `lang` (default: the author's language)."""
        lang = lang or author_lang()
        if lang != "vi":
            return self.message, self.fix
        if self.vi:
            return self.vi
        entry = CODES.get(self.code)
        return (entry.meaning["vi"].rstrip(". "), entry.fix["vi"].rstrip(". ")) if entry else (self.message, self.fix)

    def text(self, lang: str | None = None) -> str:
        message, fix = self.words(lang)
        return f"{self.path}:{self.line}: {message} — {fix} [{self.code}]"

    def __str__(self) -> str:
        return self.text()


@dataclass(frozen=True)
class Code:
    """One problem code: error (stops the build) or warning, and the guide's words (what it means, the fix)."""

    severity: str
    meaning: dict[str, str]
    fix: dict[str, str]


def _c(vi: tuple[str, str], en: tuple[str, str], severity: str = "error") -> Code:
    return Code(severity, {"vi": vi[0], "en": en[0]}, {"vi": vi[1], "en": en[1]})


CODES: dict[str, Code] = {
    "front-matter-missing": _c(('Tệp không có phần đầu giữa hai dòng `---`.', 'Thêm phần đầu như mẫu ở trên.'),
                                 ('The file has no part between two `---` lines at the top.', 'Add it as in the template above.')),
    "front-matter-yaml": _c(('Phần đầu viết sai cú pháp.', 'Kiểm tra thụt lề; câu có dấu `:` hoặc `#` thì đặt trong ngoặc kép.'),
                              ("The front matter's syntax is wrong.", 'Check the indentation; quote text containing `:` or `#`.')),
    "key-missing": _c(('Thiếu một khóa bắt buộc.', 'Thêm dòng `khóa: giá trị` còn thiếu.'),
                        ('A required key is missing.', 'Add the missing `key: value` line.')),
    "key-type": _c(('Giá trị sai kiểu (ví dụ `order: ba`).', 'Viết đúng kiểu: số cho `order`, `duration`; danh sách cho `objectives`.'),
                     ('A value has the wrong type (e.g. `order: three`).', 'Use a number for `order` and `duration`, a list for `objectives`.')),
    "key-unknown": _c(('Khóa lạ, thường do gõ sai (`objective` thay vì `objectives`).', 'Sửa chính tả tên khóa.'),
                        ('An unknown key, usually a typo (`objective` for `objectives`).', "Fix the key's spelling.")),
    "key-range": _c(('`order` hoặc `duration` nhỏ hơn 1.', 'Viết số từ 1 trở lên.'),
                      ('`order` or `duration` is below 1.', 'Use a number from 1 up.')),
    "level-unknown": _c(('Mức độ không tồn tại.', 'Dùng `co-ban`, `trung-binh` hoặc `nang-cao`.'),
                          ('The level does not exist.', 'Use `co-ban`, `trung-binh` or `nang-cao`.')),
    "competency-unknown": _c(('Mã năng lực không có trong khung.', 'Dùng mã dạng `"4.2"` trong trang Khung năng lực số.'),
                               ('The competency code is not in the framework.', 'Use a code like `"4.2"` from the competency framework page.')),
    "source-invalid": _c(('Nguồn thiếu tên hoặc địa chỉ đầy đủ.', 'Viết `title:` và `url: https://…`.'),
                           ('A source lacks a title or a full address.', 'Write `title:` and `url: https://…`.')),
    "lesson-outside-audience": _c(('Bài nằm ngoài năm thư mục nhóm người học.', 'Chuyển tệp vào đúng thư mục.'),
                                    ('A lesson outside the five audience folders.', 'Move the file into the right folder.')),
    "order-duplicate": _c(('Hai bài cùng nhóm trùng số `order`.', 'Đổi số của một bài.'),
                            ('Two lessons of one audience share an `order`.', 'Change one of the numbers.')),
    "twin-missing": _c(('Thiếu bản tiếng Anh `.en.md`.', 'Tạo bản tiếng Anh (lệnh `scripts/new_lesson` tạo sẵn cả hai).'),
                         ('The English twin `.en.md` is missing.', 'Create it (`scripts/new_lesson` writes both).')),
    "twin-orphan": _c(('Có bản tiếng Anh nhưng không có bản tiếng Việt.', 'Thêm bản tiếng Việt hoặc đổi tên tệp.'),
                        ('An English file without a Vietnamese one.', 'Add the Vietnamese file or rename.')),
    "twin-mismatch": _c(('Bản tiếng Anh khác `order`, `duration`, `level` hoặc `competencies`.', 'Làm cho hai bản giống nhau.'),
                          ("The twin's `order`, `duration`, `level` or `competencies` differ.", 'Make both the same.')),
    "twin-questions": _c(('Hai bản có số câu hỏi khác nhau.', 'Dịch đủ mọi câu hỏi.'),
                           ('The two languages have different numbers of questions.', 'Translate every question.')),
    "twin-answers": _c(('Một câu hỏi của bản tiếng Anh khác bản tiếng Việt: khác loại câu, khác số lựa chọn hoặc số bước, '
                         'hoặc đánh dấu `[x]` ở lựa chọn khác.',
                         'Dịch đủ mọi lựa chọn theo đúng thứ tự và đánh dấu `[x]` ở cùng các lựa chọn như bản tiếng Việt.'),
                        ("A question of the English twin differs from the Vietnamese one: another kind of block, "
                         "another number of options or steps, or `[x]` on other options.",
                         "Translate every option in the same order and mark the same options with `[x]`.")),
    "twin-handout": _c(('Tờ hướng dẫn của bản tiếng Anh có số ý đánh số khác bản tiếng Việt.',
                         'Dịch đủ từng ý, để hai tờ in nói cùng một nội dung.'),
                        ('The English handout has another number of numbered points than the Vietnamese one.',
                         'Translate every point, so both printed pages say the same.')),
    "handout-missing": _c(('Bài chưa có khối `handout`.', 'Thêm khối `/// handout` … `///`.'),
                            ('The lesson has no `handout` block.', 'Add `/// handout` … `///`.')),
    "handout-duplicate": _c(('Bài có hơn một khối `handout`.', 'Gộp lại thành một khối.'),
                              ('More than one `handout` block.', 'Join them into one.')),
    "quiz-missing": _c(('Bài chưa có câu hỏi tự kiểm tra nào.', 'Thêm ít nhất một khối `quiz`, `order` hoặc `fill`.'),
                         ('The lesson has no self-check question.', 'Add at least one `quiz`, `order` or `fill` block.')),
    "template-leftover": _c(('Bài còn chữ của bài mẫu do lệnh `new` tạo (ví dụ "Bước thứ nhất.", "Lesson title").',
                              'Viết nội dung của bạn vào dòng đó, hoặc xóa dòng; làm vậy ở cả hai bản.'),
                             ('The lesson still holds text of the template that `new` writes (e.g. "Bước thứ nhất.", '
                              '"Lesson title").', 'Write your own words on that line, or delete it, in both files.')),
    "heading-h1": _c(('Trong bài có tiêu đề cấp một (dòng bắt đầu bằng một dấu `#`); trang đã tự in tên bài từ `title:`.',
                       'Xóa dòng đó nếu nó lặp lại tên bài, hoặc đổi thành một phần `## `.'),
                      ('The body has a top-level heading (a line starting with one `#`); the page prints the title '
                       'from `title:` itself.', 'Delete the line if it repeats the title, or make it a `## ` part.')),
    "block-unclosed": _c(('Một khối mở bằng `///` mà không có dòng `///` đóng lại.', 'Thêm dòng chỉ có `///` ở cuối khối.'),
                           ('A block opened with `///` is never closed.', 'Add a line with only `///` at its end.')),
    "block-unknown": _c(('Tên khối lạ.', 'Dùng `quiz`, `order`, `fill`, `trainer` hoặc `handout`.'),
                          ('An unknown block name.', 'Use `quiz`, `order`, `fill`, `trainer` or `handout`.')),
    "block-empty": _c(('Khối `handout` hoặc `trainer` trống.', 'Viết nội dung vào giữa hai dòng `///`.'),
                        ('An empty `handout` or `trainer` block.', 'Write its content between the `///` lines.')),
    "block-option-unknown": _c(('Tùy chọn lạ dưới dòng mở khối (ví dụ `shufle`).', 'Sửa chính tả hoặc xóa dòng đó.'),
                                 ("An unknown option under a block's first line (e.g. `shufle`).", 'Fix its spelling or delete the line.')),
    "block-option-type": _c(('Tùy chọn sai giá trị.', 'Viết `true` hoặc `false`.'),
                              ('An option has the wrong value.', 'Write `true` or `false`.')),
    "question-missing": _c(('Khối câu hỏi chưa có câu hỏi sau dấu &#124;.', 'Viết câu hỏi sau dấu &#124;.'),
                             ('A question block has no question after &#124;.', 'Write the question after &#124;.')),
    "list-missing": _c(('Khối câu hỏi chưa có danh sách lựa chọn.', 'Thêm danh sách như các mẫu ở trên.'),
                         ('A question block has no list of answers.', 'Add a list as in the examples.')),
    "list-nested": _c(('Có danh sách con bên trong một lựa chọn.', 'Mỗi lựa chọn một dòng; lời nhận xét là một câu thụt vào.'),
                        ('A list inside an option.', 'One line per option; feedback is an indented sentence.')),
    "list-split": _c(('Một lựa chọn nằm sau một dòng không thụt lề, nên danh sách bị cắt đôi.', 'Thụt lời nhận xét vào 4 dấu cách, ngay dưới lựa chọn của nó.'),
                       ('An option after a line that is not indented, which cut the list in two.', 'Indent feedback by 4 spaces, directly under its option.')),
    "option-no-box": _c(('Lựa chọn thiếu ô `[ ]` hoặc `[x]`.', 'Bắt đầu lựa chọn bằng `- [ ]` hoặc `- [x]`.'),
                          ('An option without `[ ]` or `[x]`.', 'Start options with `- [ ]` or `- [x]`.')),
    "option-empty": _c(('Lựa chọn trống.', 'Viết nội dung hoặc xóa dòng.'),
                         ('An empty option.', 'Write its text or delete the line.')),
    "option-duplicate": _c(('Hai lựa chọn giống nhau.', 'Sửa cho khác nhau hoặc xóa bản trùng.'),
                             ('Two identical options.', 'Make them differ or delete the copy.')),
    "options-too-few": _c(('Câu chọn đáp án có ít hơn 2 lựa chọn.', 'Thêm lựa chọn.'),
                            ('A multiple-choice question with fewer than 2 options.', 'Add options.')),
    "quiz-no-correct": _c(('Không lựa chọn nào được đánh dấu đúng.', 'Đánh dấu đáp án đúng bằng `[x]`.'),
                            ('No option is marked right.', 'Mark the right answer(s) with `[x]`.')),
    "order-too-few": _c(('Câu sắp xếp có ít hơn 3 bước.', 'Viết từ 3 bước trở lên.'),
                          ('An ordering question with fewer than 3 steps.', 'Write 3 steps or more.')),
    "fill-no-answer": _c(('Câu điền chưa có câu trả lời nào được chấp nhận.', 'Liệt kê ít nhất một câu trả lời.'),
                           ('A typed-answer question with no accepted answer.', 'List at least one answer.')),
    "image-no-alt": _c(('Hình chưa có lời mô tả trong ngoặc vuông `![...]`.', 'Viết điều hình cho thấy: `![Nút Cài đặt trên màn hình](img/cai-dat.jpg)`.'),
                         ('A picture with no description in the brackets `![...]`.', 'Say what it shows: `![The Settings button on the screen](img/settings.jpg)`.')),
    "image-too-big": _c(('Ảnh nặng hơn 300 KB.', 'Lưu lại ảnh nhỏ hơn (rộng tối đa 1600 điểm ảnh, JPEG chất lượng 80).'),
                          ('A picture file over 300 KB.', 'Save it smaller (at most 1600 px wide, JPEG quality 80).')),
    "handout-overflow": _c(('Tờ hướng dẫn in không vừa một trang A4; thông báo cho biết thừa bao nhiêu mm.', 'Rút ngắn khối `handout` hoặc bớt chữ trong câu hỏi.'),
                             ('The printed handout does not fit one A4 page; the message says by how many mm.', "Shorten the `handout` block or the questions' text.")),
    "handouts-engine": _c(('Máy thiếu thư viện để tạo tệp PDF.', 'Cài các gói Debian ghi trong README (Pango, HarfBuzz).'),
                            ('The machine lacks the libraries that make PDFs.', 'Install the Debian packages named in the README (Pango, HarfBuzz).')),
    "data-missing": _c(("Thiếu tệp dữ liệu khung năng lực `docs/_data/competencies.yml`.",
                         "Lấy lại tệp đó từ dự án gốc."),
                        ("The competency framework file `docs/_data/competencies.yml` is missing.",
                         "Restore it from the project.")),
    "data-yaml": _c(("Tệp dữ liệu khung năng lực viết sai cú pháp.", "Kiểm tra thụt lề của tệp."),
                     ("The competency framework file is not valid YAML.", "Check its indentation.")),
    "site-url-missing": _c(("Lệnh xây dựng trang để xuất bản không có địa chỉ công khai của trang (`SITE_URL`), nên mã QR "
                             "và tờ in sẽ mang địa chỉ máy của bạn.",
                             "Chạy `SITE_URL=https://ten-mien-cua-ban/ python -m hocvuso build` (xem trang Dành cho "
                             "giảng viên); xem thử bằng `python -m hocvuso serve` thì không cần."),
                            ("A publishing build has no public address of the site (`SITE_URL`), so QR codes and "
                             "handouts would carry your machine's address.",
                             "Run `SITE_URL=https://your.host/ python -m hocvuso build`; the preview "
                             "(`python -m hocvuso serve`) needs none.")),
    "front-matter-alias": _c(('Phần đầu dùng `&` hoặc `*` (neo và bí danh YAML): vài dòng như vậy có thể nở ra hàng tỉ giá trị.', 'Viết đầy đủ từng giá trị.'),
                               ('The front matter uses `&` or `*` (YAML anchors and aliases): a few such lines can expand to billions of values.', 'Write each value out in full.')),
    "encoding-not-utf8": _c(('Tệp không lưu bằng UTF-8 (thường là bảng mã cũ như Windows-1258, TCVN3, VNI); thông báo chỉ dòng đầu tiên bị lỗi.', 'Mở tệp trong trình soạn thảo, lưu lại với bảng mã UTF-8.'),
                              ('The file is not saved as UTF-8 (usually an old encoding such as Windows-1258, TCVN3 or VNI); the message names the first wrong line.', 'Open the file in your editor and save it again as UTF-8.')),
    "text-control-char": _c(('Tệp chứa một ký tự điều khiển vô hình (thường do dán từ chương trình khác).', 'Xóa rồi gõ lại dòng đó.'),
                              ('The file holds an invisible control character (usually pasted from another program).', 'Delete and retype that line.')),
    "file-too-big": _c(('Tệp Markdown lớn hơn 64 KB.', 'Chia thành nhiều bài, hoặc xóa phần dán nhầm.'),
                         ('A Markdown file over 64 KB.', 'Split it into several lessons, or remove what was pasted by mistake.')),
    "file-unreadable": _c(('Không đọc được tệp.', 'Kiểm tra đó là một tệp bình thường mở được, rồi kiểm tra lại.'),
                            ('The file cannot be read.', 'Check it is a normal file you can open, then check again.')),
    "date-invalid": _c(('`updated` không phải một tháng có thật (ví dụ `2026-13` hay `2026-02-30`).', 'Viết tháng từ 01 đến 12, ví dụ `updated: 2026-11`.'),
                         ('`updated` is not a real month (e.g. `2026-13` or `2026-02-30`).', 'Write a month from 01 to 12, e.g. `updated: 2026-11`.')),
    "question-nested": _c(('Khối câu hỏi nằm trong một khối khác, một danh sách hay một trích dẫn, hoặc bị thụt lề; ở đó không kiểm tra được.', 'Đưa `/// quiz` (hay `order`, `fill`) và dòng `///` đóng ra đầu dòng, ngoài mọi khối và danh sách.'),
                            ('A question block inside another block, a list or a quote, or indented: it cannot be checked there.', 'Move `/// quiz` (or `order`, `fill`) and its closing `///` to the start of the line, outside any block or list.')),
    "raw-html": _c(('Bài có mã HTML (`<...>`), kể cả khối `/// html`. Bài học do nhiều người gửi nên không được chứa HTML.', 'Viết bằng Markdown; muốn hiện dấu `<` thì viết `&lt;`.'),
                     ('HTML (`<...>`) in a lesson, an `/// html` block included. Lessons come from many people, so they hold no HTML.', 'Write it in Markdown; to show a `<` write `&lt;`.')),
    "link-unsafe": _c(('Liên kết hay hình có địa chỉ bắt đầu bằng `javascript:`, `data:`, `file:`…', 'Chỉ liên kết tới trang web (`https://…`), thư (`mailto:`), số điện thoại (`tel:`) hoặc tệp của trang (`img/anh.png`).'),
                        ('A link or picture address starting with `javascript:`, `data:`, `file:`…', 'Link only to web pages (`https://…`), e-mail (`mailto:`), phone numbers (`tel:`) or files of the site (`img/picture.png`).')),
    "attr-unsafe": _c(('Thuộc tính lạ trong `{ ... }` hay `attrs:` (ví dụ `onclick`, `style`, `href`).', 'Chỉ dùng `.lop`, `#ma`, `width`, `height`, `title`, `lang`, `dir`, `loading`, `alt`.'),
                        ('An unknown attribute in `{ ... }` or `attrs:` (e.g. `onclick`, `style`, `href`).', 'Use only `.class`, `#id`, `width`, `height`, `title`, `lang`, `dir`, `loading`, `alt`.')),
    "text-too-complex": _c(('Một đoạn có hơn 120 dấu `[`, hoặc một dòng lồng sâu hơn 16 mức: trang sẽ dựng rất lâu.', 'Tách đoạn ngắn hơn; thụt lề ít hơn.'),
                             ('A paragraph with more than 120 `[`, or a line nested more than 16 levels: the page would take very long to build.', 'Split the paragraph; indent less.')),
    "file-type": _c(('Trong `docs/` có tệp mà trình duyệt sẽ chạy (`.html`, `.js`, `.xml`…).', 'Xóa tệp đó: bài học chỉ gồm tệp `.md` và hình `.jpg`, `.png`, `.webp`, `.gif`, `.svg`.'),
                      ('A file in `docs/` that browsers would run (`.html`, `.js`, `.xml`…).', 'Remove it: lessons are `.md` files with `.jpg`, `.png`, `.webp`, `.gif` or `.svg` pictures.')),
    "file-name": _c(('Tên tệp hay thư mục có dấu cách, dấu ngoặc kép, chữ hoa hay chữ có dấu.', 'Đổi tên chỉ dùng chữ thường không dấu, chữ số và `-` (ví dụ `goi-video-zalo.md`).'),
                      ('A file or folder name with spaces, quotes, capitals or diacritics.', 'Rename it with lowercase letters, digits and `-` only (e.g. `goi-video-zalo.md`).')),
    "symlink-outside": _c(('Một tệp là liên kết tượng trưng (symlink) trỏ ra ngoài `docs/` hoặc trỏ vào chỗ không có gì.', 'Thay liên kết bằng một bản sao của tệp, đặt trong `docs/`.'),
                            ('A file is a symbolic link pointing outside `docs/` or to nothing.', 'Replace the link with a copy of the file inside `docs/`.')),
    "symlink-folder": _c(('Một thư mục là liên kết tượng trưng.', 'Thay bằng một thư mục thật.'),
                           ('A folder is a symbolic link.', 'Replace it with a real folder.')),
    "image-outside": _c(('Địa chỉ hình bắt đầu bằng `/` hoặc leo ra ngoài `docs/` bằng `..`.', 'Đặt hình trong `docs/` (ví dụ thư mục `img/` cạnh bài) và viết địa chỉ tương đối: `img/anh.png`.'),
                          ('A picture address starting with `/` or climbing out of `docs/` with `..`.', 'Put the picture in `docs/` (e.g. an `img/` folder beside the lesson) and write a relative address: `img/picture.png`.')),
    "image-corrupt": _c(('Ảnh hỏng, bị cắt cụt, hoặc không đúng định dạng như đuôi tên tệp (ví dụ ảnh PNG đặt tên `.jpg`).', 'Mở ảnh bằng phần mềm sửa ảnh rồi lưu lại đúng định dạng.'),
                          ('A damaged or cut-short picture, or one whose format is not what its name says (a PNG named `.jpg`).', 'Open it in an image editor and save it again in the right format.')),
    "image-pixels": _c(('Ảnh có quá nhiều điểm ảnh (hơn 40 triệu), dù tệp nhỏ.', 'Lưu lại ảnh rộng tối đa 1600 điểm ảnh.'),
                         ('A picture with too many pixels (over 40 million), however small the file.', 'Save it at most 1600 px wide.')),
    "svg-unsafe": _c(('Hình SVG chứa mã chạy được (`<script>`, `onload=`…), trang nhúng hoặc liên kết tới tệp khác.', 'Xuất lại hình dưới dạng SVG thường, không có mã hay liên kết.'),
                       ('An SVG picture holding code (`<script>`, `onload=`…), an embedded page or a link to another file.', 'Export it again as plain SVG, without code or links.')),
    "handout-file-outside": _c(('Tờ hướng dẫn đòi một tệp ngoài thư mục bài học. Lỗi này chỉ hiện khi xây dựng trang.', 'Chỉ dùng hình trong `docs/`, địa chỉ tương đối như `img/anh.png`.'),
                                 ('A handout asks for a file outside the lesson folders. Only the build reports it.', 'Use only pictures inside `docs/`, with relative addresses such as `img/picture.png`.')),
    "internal-error": _c(('Lỗi của chính công cụ kiểm tra khi đọc tệp này (không phải lỗi của bạn).', 'Báo cho nhóm dự án, gửi kèm tệp.'),
                           ('The check itself failed on this file (a bug of the tool, not your mistake).', 'Report it to the project with the file attached.')),
    "link-broken": _c(("Liên kết trỏ tới một trang không có trong thư mục `docs/`.",
                        "Sửa địa chỉ cho đúng tệp, tính từ tệp đang viết (ví dụ `../nguoi-cao-tuoi/index.md`)."),
                       ("A link points at a page that is not in `docs/`.",
                        "Point it at the right file, relative to the one you are writing (e.g. `../nguoi-cao-tuoi/index.md`).")),
    "section-too-long": _c(("Một phần dài quá khoảng 120 chữ hoặc 8 dòng liệt kê: khi trình chiếu phải cuộn.",
                             "Chia thành hai phần `##` hoặc rút gọn."),
                            ("A part is longer than about 120 words or 8 list lines: it scrolls in projector mode.",
                             "Split it into two `##` parts or shorten it."), "warning"),
}


def stopped(problems: list) -> str:
    """What a build that stops on problems says last, in the author's language."""
    if author_lang() == "vi":
        return (f"Còn {len(problems)} lỗi cần sửa (ghi ở trên): sửa rồi dựng lại (lệnh python -m hocvuso check "
                "cũng liệt kê chúng).")
    return (f"{len(problems)} problem(s) to fix (listed above); fix them and build again (python -m hocvuso check "
            "lists them too).")
