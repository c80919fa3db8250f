"""Demo news: four sections of articles written for the demo, with images.

Facts echo the office's 2022 report (800 major documents issued, 40 online
conferences); the wording is the demo's own.
"""

import io
import random
from datetime import timedelta
from pathlib import Path

from django.core.files.images import ImageFile
from django.utils import timezone
from PIL import Image as PillowImage
from PIL import ImageDraw, ImageFont
from wagtail.images import get_image_model

from portal.news.models import ArticlePage, SectionPage

SECTIONS = {
    "tin-hoat-dong": (
        "Tin hoạt động",
        (165, 14, 14),
        [
            "Hội nghị sơ kết công tác Văn phòng cấp ủy 6 tháng đầu năm",
            "Thường trực Thành ủy làm việc với các quận, huyện về tiến độ đầu tư công",
            "Tổng kết công tác thi đua, khen thưởng khối các cơ quan Đảng",
            "Trao tặng Huy hiệu Đảng cho đảng viên lão thành",
            "Gặp mặt cán bộ hưu trí nhân dịp Tết Nguyên đán",
            "Hội nghị trực tuyến quán triệt nghị quyết của Trung ương",
            "Đoàn công tác của Thành ủy thăm và làm việc tại huyện ngoại thành",
            "Giao ban công tác văn phòng cấp ủy quý III",
            "Tập huấn nghiệp vụ cho cán bộ văn phòng đảng ủy cơ sở",
            "Kỷ niệm ngày truyền thống Văn phòng cấp ủy",
        ],
    ),
    "cong-tac-van-phong": (
        "Công tác văn phòng",
        (11, 79, 138),
        [
            "Nâng cao chất lượng thẩm định văn bản của cấp ủy",
            "Quy trình tiếp nhận, xử lý văn bản đến được chuẩn hóa",
            "Văn phòng Thành ủy ban hành hướng dẫn thể thức văn bản mới",
            "Lưu trữ hồ sơ điện tử: những việc cần làm ngay",
            "Công tác quản lý con dấu và bảo mật tài liệu",
            "Đổi mới phương thức tham mưu, tổng hợp phục vụ Thường trực cấp ủy",
            "Theo dõi, đôn đốc thực hiện thông báo kết luận: kinh nghiệm từ cơ sở",
            "Chuẩn hóa chế độ thông tin, báo cáo định kỳ",
            "Bảo đảm hậu cần phục vụ các kỳ họp của cấp ủy",
            "Phối hợp giữa văn phòng cấp ủy và các ban đảng",
        ],
    ),
    "xay-dung-dang": (
        "Xây dựng Đảng",
        (120, 60, 10),
        [
            "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ",
            "Tăng cường kỷ luật, kỷ cương trong các cơ quan Đảng",
            "Nâng cao chất lượng sinh hoạt chi bộ",
            "Công tác phát triển đảng viên trong doanh nghiệp",
            "Kiểm tra, giám sát việc thực hiện quy chế làm việc",
            "Bồi dưỡng lý luận chính trị cho cán bộ trẻ",
            "Đánh giá, xếp loại chất lượng tổ chức đảng cuối năm",
            "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
            "Công tác dân vận của cấp ủy cơ sở",
            "Rà soát, bổ sung quy hoạch cán bộ",
        ],
    ),
    "chuyen-doi-so": (
        "Chuyển đổi số",
        (20, 110, 70),
        [
            "Đưa vào sử dụng phần mềm theo dõi, đôn đốc nhiệm vụ",
            "Văn phòng điện tử dùng chung cho các cơ quan Đảng",
            "Nâng cấp hệ thống hội nghị trực tuyến đến cấp xã",
            "Chữ ký số trong văn bản của cấp ủy",
            "Bảo đảm an toàn thông tin trên mạng diện rộng của Đảng",
            "Số hóa kho lưu trữ văn bản giai đoạn 2015 - 2025",
            "Tra cứu văn bản nhanh hơn với cổng thông tin mới",
            "Đào tạo kỹ năng số cho cán bộ văn phòng",
            "Kết nối dữ liệu giữa các phần mềm dùng chung",
            "Kế hoạch ứng dụng công nghệ thông tin năm tới",
        ],
    ),
}
# What the editors chose for the home page's "Tin nổi bật".
FEATURED = {
    "Hội nghị trực tuyến quán triệt nghị quyết của Trung ương",
    "Văn phòng Thành ủy ban hành hướng dẫn thể thức văn bản mới",
    "Đưa vào sử dụng phần mềm theo dõi, đôn đốc nhiệm vụ",
}
SENTENCES = [
    "Năm qua, hệ thống văn phòng cấp ủy đã tham mưu, thẩm định và phục vụ ban hành khoảng 800 văn bản lớn của cấp ủy.",
    "Đã tổ chức 40 hội nghị trực tuyến, kết nối đến các điểm cầu quận, huyện, xã, phường, thị trấn.",
    "Việc tiếp nhận, chuyển giao văn bản đến và phát hành văn bản đi được thực hiện đúng quy trình, không để thất lạc.",
    "Đồng chí Chánh Văn phòng nhấn mạnh yêu cầu nâng cao chất lượng tham mưu, bảo đảm kịp thời, chính xác.",
    "Các đại biểu thảo luận về giải pháp khắc phục tình trạng chậm báo cáo của một số đơn vị.",
    "Hội nghị thống nhất các nhiệm vụ trọng tâm cho thời gian tới, gắn với trách nhiệm của người đứng đầu.",
    "Ứng dụng công nghệ thông tin giúp việc tra cứu văn bản, tài liệu thuận lợi và chính xác hơn.",
    "Các đơn vị được giao chủ trì cần chủ động phối hợp, báo cáo kết quả đúng hạn.",
]


def _image(title, colour):
    picture = PillowImage.new("RGB", (1200, 675), colour)
    draw = ImageDraw.Draw(picture)
    font_path = Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")
    font = ImageFont.truetype(str(font_path), 56) if font_path.exists() else None
    draw.text((60, 540), title, fill=(255, 255, 255), font=font)
    buffer = io.BytesIO()
    picture.save(buffer, "PNG")
    image = get_image_model()(title=title)
    image.file = ImageFile(buffer, name=f"{title.lower().replace(' ', '-')}.png")
    image.save()
    return image


def load_news(home):
    """Four sections of ten articles; a rerun changes nothing. Returns the count."""
    rng = random.Random(2023)
    now = timezone.now()
    for order, (slug, (title, colour, headlines)) in enumerate(SECTIONS.items()):
        section = SectionPage.objects.filter(slug=slug).first()
        if section is None:
            section = home.add_child(
                instance=SectionPage(title=title, slug=slug, show_in_menus=True)
            )
        image = get_image_model().objects.filter(title=title).first() or _image(
            title, colour
        )
        for number, headline in enumerate(headlines):
            if section.get_children().filter(title=headline).exists():
                continue
            paragraphs = rng.sample(SENTENCES, 4)
            article = ArticlePage(
                title=headline,  # the slug is made from it, in ASCII
                lead=paragraphs[0],
                author=rng.choice(["Trọng Toàn", "Minh Anh", "Thu Hà", "Quang Huy"]),
                published_at=now - timedelta(days=1 + order + 4 * number, hours=number),
                hero_image=image,
                hero_caption=f"{title}: ảnh minh họa",
                body=[("paragraph", f"<p>{text}</p>") for text in paragraphs[1:]]
                + [("quote", {"text": paragraphs[-1], "source": "Văn phòng Thành ủy"})],
                access="internal" if number == 9 else "public",
                featured=headline in FEATURED,
            )
            section.add_child(instance=article)
            article.tags.add(title, "Văn phòng cấp ủy")
            article.save_revision().publish()
    return ArticlePage.objects.count()
