"""Every problem code in one place: its severity and what the author's guide says of it, in both languages.

`Problem` codes must be listed here (a test scans the package); the author's guide table is generated
from this registry by the `/// problem-codes` block, and a test makes every code fire on a fixture.
"""
from __future__ import annotations

from dataclasses import dataclass


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
    "handout-overflow": _c(('Tờ hướng dẫn in không vừa một trang A4; thông báo cho biết thừa bao nhiêu mm. ', 'Rút ngắn khối `handout` hoặc bớt chữ trong câu hỏi.'),
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
    "link-broken": _c(("Liên kết trỏ tới một trang không có trong thư mục `docs/`.",
                        "Sửa địa chỉ cho đúng tệp, tính từ tệp đang viết (ví dụ `../nguoi-cao-tuoi/index.md`)."),
                       ("A link points at a page that is not in `docs/`.",
                        "Point it at the right file, relative to the one you are writing (e.g. `../nguoi-cao-tuoi/index.md`).")),
    "section-too-long": _c(("Một phần dài quá khoảng 120 chữ hoặc 8 dòng liệt kê: khi trình chiếu phải cuộn.",
                             "Chia thành hai phần `##` hoặc rút gọn."),
                            ("A part is longer than about 120 words or 8 list lines: it scrolls in projector mode.",
                             "Split it into two `##` parts or shorten it."), "warning"),
}
