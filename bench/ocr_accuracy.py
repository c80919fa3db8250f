"""Benchmark: how well scanned Vietnamese pages are recognised, and how fast.

    .venv/bin/python bench/ocr_accuracy.py [--pages 3]

Pages of known Vietnamese text (``PAGES`` below, written for the benchmark)
are rendered with DejaVu Serif at 12 points (``bench/scans.py``), turned by
0.4–1.0° and sprinkled with specks of noise (0.4 % of the pixels flipped), at
200 and 300 dpi, saved as image-only PDFs, and recognised by the portal's own
OCR (``portal.ocr.engine.recognise``: OCRmyPDF + Tesseract ``vie`` in its
bounded child process, one core). The reference, measured in the same run on
the same machine, is the same pages clean and straight at 300 dpi.

- Character accuracy: 1 − (edit distance ÷ length of the known text), both
  NFC with runs of white space made one space.
- Distinctive words found: of the words of four letters or more that appear on
  only one page of the text, the share that search finds on the recognised
  page, typed with their diacritics — matched as the search matches whole
  words (``portal.core.text.word_text`` and ``typed_words``, what both
  backends index and query).
- Pages per minute: wall-clock time of the whole recognition of each page,
  child process start included.
"""

import argparse
import os
import re
import sys
import time
from pathlib import Path

import django

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")
django.setup()  # the OCR reads its limits from the settings

from bench.scans import scan_bytes  # noqa: E402
from bench.table import print_table  # noqa: E402
from portal.core.text import normalize, typed_words, word_text  # noqa: E402
from portal.ocr.engine import recognise  # noqa: E402

PAGES = [
    [
        "ĐẢNG BỘ THÀNH PHỐ",
        "THÀNH ỦY",
        "Số 215-CV/TU",
        "V/v triển khai công tác chuyển đổi số năm 2027",
        "Kính gửi: các huyện ủy, quận ủy, thị ủy, đảng ủy trực thuộc.",
        "Thực hiện Nghị quyết của Ban Chấp hành Đảng bộ thành phố về",
        "đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của các",
        "cơ quan đảng, Ban Thường vụ Thành ủy yêu cầu các cấp ủy tập trung",
        "thực hiện tốt một số nhiệm vụ trọng tâm sau đây:",
        "1. Rà soát toàn bộ hồ sơ lưu trữ giấy, lập danh mục tài liệu cần",
        "số hóa trước ngày 30 tháng 6; ưu tiên văn bản có giá trị lâu dài.",
        "2. Bố trí cán bộ văn thư được tập huấn nghiệp vụ, bảo đảm mỗi văn",
        "bản đến đều được quét, vào sổ và chuyển xử lý trong ngày làm việc.",
        "3. Kiểm tra định kỳ việc bảo mật thông tin, không lưu văn bản mật",
        "trên máy tính có kết nối mạng Internet.",
        "Văn phòng Thành ủy chủ trì, phối hợp với Ban Tuyên giáo theo dõi,",
        "đôn đốc, tổng hợp kết quả, báo cáo Thường trực Thành ủy.",
    ],
    [
        "BÁO CÁO",
        "kết quả khảo sát tình hình sản xuất nông nghiệp vụ đông xuân",
        "Năm nay, diện tích gieo cấy lúa của toàn huyện đạt khoảng ba nghìn",
        "hai trăm héc-ta, tăng nhẹ so với cùng kỳ; năng suất bình quân ước",
        "đạt sáu mươi mốt tạ mỗi héc-ta. Các hợp tác xã đã chủ động nạo vét",
        "kênh mương, bảo đảm đủ nước tưới cho đồng ruộng vùng trũng.",
        "Tuy nhiên, thời tiết rét đậm kéo dài làm một số diện tích mạ bị",
        "chết, phải gieo bổ sung; giá phân bón còn ở mức cao khiến nhiều",
        "hộ nông dân giảm lượng bón, ảnh hưởng đến sinh trưởng của cây.",
        "Đàn gia súc, gia cầm cơ bản ổn định; chưa phát hiện ổ dịch mới.",
        "Trạm khuyến nông đã tổ chức mười hai lớp hướng dẫn kỹ thuật chăm",
        "sóc lúa, phòng trừ sâu cuốn lá và bệnh đạo ôn cho bà con.",
        "Đề nghị Ủy ban nhân dân huyện hỗ trợ giống cho các xã bị thiệt hại",
        "và chỉ đạo ngành điện cung ứng đủ điện cho các trạm bơm tiêu úng.",
    ],
    [
        "QUY ĐỊNH",
        "về chế độ họp trong hoạt động của cơ quan tham mưu, giúp việc",
        "Điều 1. Phạm vi điều chỉnh và đối tượng áp dụng",
        "Quy định này áp dụng đối với các cuộc họp, hội nghị do lãnh đạo",
        "cơ quan triệu tập, bao gồm họp giao ban tuần, họp chuyên đề và",
        "hội nghị sơ kết, tổng kết; không áp dụng đối với sinh hoạt chi bộ.",
        "Điều 2. Nguyên tắc tổ chức cuộc họp",
        "Cuộc họp phải có mục đích, nội dung, thành phần rõ ràng; tài liệu",
        "được gửi trước cho người dự họp ít nhất hai ngày làm việc, trừ",
        "trường hợp khẩn cấp. Người chủ trì kết luận từng vấn đề, giao",
        "nhiệm vụ cụ thể, có thời hạn và người chịu trách nhiệm.",
        "Điều 3. Thông báo kết luận",
        "Chậm nhất ba ngày sau cuộc họp, bộ phận tổng hợp dự thảo thông báo",
        "kết luận, trình người chủ trì ký, gửi các đơn vị để thực hiện và",
        "cập nhật vào hệ thống theo dõi, đôn đốc nhiệm vụ của cơ quan.",
    ],
]
SKEWS = [0.4, -0.7, 1.0]
CONDITIONS = [
    ("clean, straight (reference)", 300, False),
    ("scanned: turned, noisy", 300, True),
    ("scanned: turned, noisy", 200, True),
]


def flat(text):
    return re.sub(r"\s+", " ", normalize(text)).strip()


def edit_distance(a, b):
    previous = list(range(len(b) + 1))
    for i, char in enumerate(a, start=1):
        current = [i]
        for j, other in enumerate(b, start=1):
            current.append(
                min(
                    previous[j] + 1,
                    current[j - 1] + 1,
                    previous[j - 1] + (char != other),
                )
            )
        previous = current
    return previous[-1]


def distinctive_words(pages):
    """Per page, the words of four letters or more found on no other page."""
    seen = [set(typed_words(" ".join(page))) for page in pages]
    return [
        {
            word
            for word in words
            if len(word) >= 4
            and not word.isdigit()
            and all(word not in other for other in seen if other is not words)
        }
        for words in seen
    ]


def found_by_search(word, recognised):
    return f" {word} " in word_text(recognised)


def measure(pages, dpi, scanned):
    known = [flat("\n".join(lines)) for lines in pages]
    wanted = distinctive_words(pages)
    errors = length = found = distinct = 0
    seconds = 0.0
    for number, lines in enumerate(pages):
        options = {"skew": SKEWS[number % 3], "noise": 0.004, "seed": number}
        if not scanned:
            options = {"skew": 0, "noise": 0}
        scan = scan_bytes(lines, dpi=dpi, **options)
        started = time.perf_counter()
        result = recognise(scan)
        seconds += time.perf_counter() - started
        text = flat(result.text)
        errors += edit_distance(known[number], text)
        length += len(known[number])
        found += sum(found_by_search(word, result.text) for word in wanted[number])
        distinct += len(wanted[number])
    return {
        "accuracy": 100 * (1 - errors / length),
        "found": 100 * found / distinct,
        "distinct": distinct,
        "per_minute": 60 * len(pages) / seconds,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=len(PAGES))
    pages = PAGES[: parser.parse_args().pages]
    rows = []
    for label, dpi, scanned in CONDITIONS:
        figures = measure(pages, dpi, scanned)
        rows.append(
            [
                label,
                dpi,
                len(pages),
                f"{figures['accuracy']:.2f} %",
                f"{figures['found']:.1f} % of {figures['distinct']}",
                figures["per_minute"],
            ]
        )
    print_table(
        [
            "pages",
            "dpi",
            "n",
            "character accuracy",
            "distinctive words found",
            "pages/min",
        ],
        rows,
    )


if __name__ == "__main__":
    main()
