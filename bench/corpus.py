"""Synthetic Vietnamese archive for benchmarks: realistic symbols, titles and texts.

Deterministic for a given seed, so runs compare like with like.
"""

import json
import random
from datetime import date, timedelta

TYPES = [
    "NQ",
    "CT",
    "KL",
    "QĐ",
    "QC",
    "TB",
    "TT",
    "KH",
    "CTr",
    "ĐA",
    "HD",
    "BC",
    "TTr",
    "CV",
]
# Notices and reports dominate a real year's output, as in the seed article's figures.
TYPE_WEIGHTS = [9, 5, 52, 20, 6, 388, 3, 60, 3, 4, 25, 145, 30, 250]
ISSUERS = [
    ("Bộ Chính trị", "TW"),
    ("Ban Bí thư", "TW"),
    ("Văn phòng Trung ương Đảng", "VPTW"),
    ("Ban Thường vụ Thành ủy", "TU"),
    ("Thành ủy", "TU"),
    ("Văn phòng Thành ủy", "VPTU"),
    ("Ban Tuyên giáo Thành ủy", "BTGTU"),
    ("Ban Tổ chức Thành ủy", "BTCTU"),
    ("Ủy ban Kiểm tra Thành ủy", "UBKTTU"),
    *(
        (f"Quận ủy {name}", "QU")
        for name in [
            "Ba Đình",
            "Hoàn Kiếm",
            "Đống Đa",
            "Cầu Giấy",
            "Tây Hồ",
            "Long Biên",
        ]
    ),
    *(
        (f"Huyện ủy {name}", "HU")
        for name in ["Sóc Sơn", "Đông Anh", "Gia Lâm", "Thanh Trì", "Ba Vì"]
    ),
]
SUBJECTS = [
    "công tác xây dựng Đảng",
    "chỉnh đốn Đảng",
    "hệ thống chính trị",
    "phát triển kinh tế - xã hội",
    "chuyển đổi số",
    "cải cách hành chính",
    "công tác cán bộ",
    "kiểm tra, giám sát",
    "phòng, chống tham nhũng, tiêu cực",
    "công tác dân vận",
    "bảo vệ chính trị nội bộ",
    "phát triển văn hóa",
    "giáo dục và đào tạo",
    "y tế cơ sở",
    "quy hoạch đô thị",
    "giao thông vận tải",
    "bảo vệ môi trường",
    "an ninh trật tự",
    "quốc phòng địa phương",
    "công tác văn thư, lưu trữ",
    "thi đua, khen thưởng",
    "đại hội đảng bộ các cấp",
    "phát triển Thủ đô",
    "kinh tế tư nhân",
    "khoa học công nghệ",
    "đổi mới sáng tạo",
]
QUALIFIERS = [
    "trong tình hình mới",
    "giai đoạn 2021 - 2025",
    "đến năm 2030, tầm nhìn đến năm 2045",
    "nhiệm kỳ 2020 - 2025",
    "năm 2024",
    "của các cơ quan Đảng",
    "trên địa bàn thành phố",
    "tại các đảng bộ trực thuộc",
    "6 tháng đầu năm",
    "quý III",
]
OPENERS = [
    "Về",
    "Về việc",
    "Về tăng cường",
    "Về đẩy mạnh",
    "Về nâng cao chất lượng",
    "Về thực hiện",
    "Về sơ kết",
    "Về tổng kết",
    "Về tiếp tục đổi mới",
]
SENTENCES = [
    "Các cấp ủy, tổ chức đảng tập trung lãnh đạo, chỉ đạo thực hiện nghiêm túc",
    "Văn phòng Thành ủy chủ trì, phối hợp với các ban đảng theo dõi, đôn đốc",
    "định kỳ báo cáo kết quả về Ban Thường vụ Thành ủy",
    "bảo đảm tiến độ, chất lượng và hiệu quả",
    "kịp thời phát hiện, tháo gỡ khó khăn, vướng mắc",
    "nâng cao vai trò, trách nhiệm của người đứng đầu",
    "đẩy mạnh ứng dụng công nghệ thông tin trong hoạt động của cơ quan",
    "tăng cường công tác kiểm tra, giám sát việc thực hiện",
    "phát huy sức mạnh của khối đại đoàn kết toàn dân tộc",
    "xây dựng đội ngũ cán bộ có đủ phẩm chất, năng lực, uy tín",
    "sơ kết, đánh giá, rút kinh nghiệm sau mỗi giai đoạn",
    "gắn với việc thực hiện nhiệm vụ chính trị của địa phương",
]


def documents(count, seed=2023, start=date(2015, 1, 1)):
    """``count`` documents as import rows, spread over ten years."""
    rng = random.Random(seed)
    numbers = {}
    for _ in range(count):
        issuer, abbreviation = rng.choice(ISSUERS)
        doc_type = rng.choices(TYPES, TYPE_WEIGHTS)[0]
        issued_on = start + timedelta(days=rng.randrange(3650))
        key = (doc_type, abbreviation, issued_on.year, issuer)
        numbers[key] = numbers.get(key, 0) + 1
        subject = rng.choice(SUBJECTS)
        title = f"{rng.choice(OPENERS)} {subject} {rng.choice(QUALIFIERS)}"
        body = ". ".join(
            f"{rng.choice(SENTENCES)} {rng.choice(SUBJECTS)}"
            for _ in range(rng.randrange(8, 30))
        )
        row = {
            "type": doc_type,
            "symbol": f"{numbers[key]:02d}-{doc_type}/{abbreviation}",
            "issuer": issuer,
            "issued_on": issued_on.isoformat(),
            "title": title,
            "body": body + ".",
            "status": rng.choice(["in_force"] * 8 + ["expired", "amended"]),
        }
        roll = rng.random()
        if roll < 0.1:
            row["access"] = "internal"
        elif roll < 0.13:
            row.update(access="restricted", groups=["Người duyệt"])
        yield row


def write_jsonl(path, count, seed=2023):
    with open(path, "w", encoding="utf-8") as out:
        for row in documents(count, seed):
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
