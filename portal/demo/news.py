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
# Each article's opening paragraph (sapo), about what its headline says.
LEADS = {
    "Hội nghị sơ kết công tác Văn phòng cấp ủy 6 tháng đầu năm": "Hội nghị sơ kết đánh giá kết quả công tác văn phòng cấp ủy 6 tháng đầu năm và bàn nhiệm vụ những tháng cuối năm.",
    "Thường trực Thành ủy làm việc với các quận, huyện về tiến độ đầu tư công": "Thường trực Thành ủy yêu cầu các quận, huyện tháo gỡ vướng mắc, đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
    "Tổng kết công tác thi đua, khen thưởng khối các cơ quan Đảng": "Khối các cơ quan Đảng tổng kết công tác thi đua, khen thưởng, biểu dương các tập thể và cá nhân tiêu biểu.",
    "Trao tặng Huy hiệu Đảng cho đảng viên lão thành": "Các đảng viên lão thành được trao tặng Huy hiệu Đảng, ghi nhận những đóng góp bền bỉ cho Đảng.",
    "Gặp mặt cán bộ hưu trí nhân dịp Tết Nguyên đán": "Nhân dịp Tết Nguyên đán, lãnh đạo Văn phòng gặp mặt, thăm hỏi các cán bộ hưu trí qua các thời kỳ.",
    "Hội nghị trực tuyến quán triệt nghị quyết của Trung ương": "Hội nghị trực tuyến quán triệt nghị quyết của Trung ương được kết nối đến các điểm cầu quận, huyện, xã, phường.",
    "Đoàn công tác của Thành ủy thăm và làm việc tại huyện ngoại thành": "Đoàn công tác của Thành ủy thăm và làm việc tại huyện ngoại thành, nghe báo cáo tình hình phát triển kinh tế - xã hội.",
    "Giao ban công tác văn phòng cấp ủy quý III": "Giao ban công tác văn phòng cấp ủy quý III rà soát việc thực hiện nhiệm vụ và thống nhất trọng tâm quý IV.",
    "Tập huấn nghiệp vụ cho cán bộ văn phòng đảng ủy cơ sở": "Cán bộ văn phòng đảng ủy cơ sở được tập huấn nghiệp vụ văn thư, lưu trữ và tham mưu, tổng hợp.",
    "Kỷ niệm ngày truyền thống Văn phòng cấp ủy": "Lễ kỷ niệm ngày truyền thống Văn phòng cấp ủy ôn lại chặng đường xây dựng và trưởng thành của ngành.",
    "Nâng cao chất lượng thẩm định văn bản của cấp ủy": "Nâng cao chất lượng thẩm định văn bản là yêu cầu đặt ra với văn phòng cấp ủy trước khi văn bản được ban hành.",
    "Quy trình tiếp nhận, xử lý văn bản đến được chuẩn hóa": "Quy trình tiếp nhận, xử lý văn bản đến được chuẩn hóa, bảo đảm văn bản đến đúng người, đúng hạn.",
    "Văn phòng Thành ủy ban hành hướng dẫn thể thức văn bản mới": "Văn phòng Thành ủy ban hành hướng dẫn thể thức văn bản mới, áp dụng thống nhất trong các cơ quan Đảng của thành phố.",
    "Lưu trữ hồ sơ điện tử: những việc cần làm ngay": "Lưu trữ hồ sơ điện tử đòi hỏi các cơ quan chuẩn hóa dữ liệu, phân loại và bảo quản ngay từ khâu lập hồ sơ.",
    "Công tác quản lý con dấu và bảo mật tài liệu": "Công tác quản lý con dấu và bảo mật tài liệu được kiểm tra định kỳ, không để xảy ra sai sót.",
    "Đổi mới phương thức tham mưu, tổng hợp phục vụ Thường trực cấp ủy": "Đổi mới phương thức tham mưu, tổng hợp giúp Thường trực cấp ủy nắm tình hình kịp thời, chính xác hơn.",
    "Theo dõi, đôn đốc thực hiện thông báo kết luận: kinh nghiệm từ cơ sở": "Kinh nghiệm từ cơ sở cho thấy theo dõi, đôn đốc thực hiện thông báo kết luận cần rõ việc, rõ người, rõ thời hạn.",
    "Chuẩn hóa chế độ thông tin, báo cáo định kỳ": "Chế độ thông tin, báo cáo định kỳ được chuẩn hóa về biểu mẫu, thời hạn và cách gửi.",
    "Bảo đảm hậu cần phục vụ các kỳ họp của cấp ủy": "Văn phòng bảo đảm hậu cần, tài liệu và kỹ thuật phục vụ các kỳ họp của cấp ủy chu đáo, an toàn.",
    "Phối hợp giữa văn phòng cấp ủy và các ban đảng": "Quy chế phối hợp giữa văn phòng cấp ủy và các ban đảng giúp công việc chung được giải quyết nhanh hơn.",
    "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ": "Sơ kết giữa nhiệm kỳ thực hiện Nghị quyết Đại hội Đảng bộ chỉ rõ kết quả, hạn chế và giải pháp cho nửa nhiệm kỳ còn lại.",
    "Tăng cường kỷ luật, kỷ cương trong các cơ quan Đảng": "Các cơ quan Đảng tăng cường kỷ luật, kỷ cương, đề cao trách nhiệm của người đứng đầu.",
    "Nâng cao chất lượng sinh hoạt chi bộ": "Nâng cao chất lượng sinh hoạt chi bộ bằng nội dung thiết thực, gắn với nhiệm vụ chính trị của từng cơ quan.",
    "Công tác phát triển đảng viên trong doanh nghiệp": "Công tác phát triển đảng viên trong doanh nghiệp được chú trọng, nhất là ở doanh nghiệp ngoài nhà nước.",
    "Kiểm tra, giám sát việc thực hiện quy chế làm việc": "Cấp ủy kiểm tra, giám sát việc thực hiện quy chế làm việc, kịp thời chấn chỉnh những thiếu sót.",
    "Bồi dưỡng lý luận chính trị cho cán bộ trẻ": "Lớp bồi dưỡng lý luận chính trị giúp cán bộ trẻ nắm vững đường lối, chủ trương của Đảng.",
    "Đánh giá, xếp loại chất lượng tổ chức đảng cuối năm": "Việc đánh giá, xếp loại chất lượng tổ chức đảng cuối năm được thực hiện thực chất, đúng quy định.",
    "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh": "Học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh được gắn với việc làm cụ thể của mỗi cán bộ.",
    "Công tác dân vận của cấp ủy cơ sở": "Cấp ủy cơ sở đổi mới công tác dân vận, lắng nghe và giải quyết kịp thời kiến nghị của nhân dân.",
    "Rà soát, bổ sung quy hoạch cán bộ": "Các cấp ủy rà soát, bổ sung quy hoạch cán bộ, bảo đảm cơ cấu và chất lượng nguồn cán bộ.",
    "Đưa vào sử dụng phần mềm theo dõi, đôn đốc nhiệm vụ": "Phần mềm theo dõi, đôn đốc nhiệm vụ được đưa vào sử dụng, giúp đơn vị nắm tiến độ và hạn giải quyết từng việc.",
    "Văn phòng điện tử dùng chung cho các cơ quan Đảng": "Hệ thống văn phòng điện tử dùng chung kết nối các cơ quan Đảng, giảm văn bản giấy.",
    "Nâng cấp hệ thống hội nghị trực tuyến đến cấp xã": "Hệ thống hội nghị trực tuyến được nâng cấp, kết nối đến cấp xã với chất lượng hình ảnh, âm thanh tốt hơn.",
    "Chữ ký số trong văn bản của cấp ủy": "Chữ ký số được sử dụng trong văn bản của cấp ủy, rút ngắn thời gian ban hành và gửi nhận.",
    "Bảo đảm an toàn thông tin trên mạng diện rộng của Đảng": "Các biện pháp bảo đảm an toàn thông tin trên mạng diện rộng của Đảng được triển khai đồng bộ.",
    "Số hóa kho lưu trữ văn bản giai đoạn 2015 - 2025": "Kho lưu trữ văn bản giai đoạn 2015 - 2025 được số hóa, phục vụ tra cứu nhanh và bảo quản lâu dài.",
    "Tra cứu văn bản nhanh hơn với cổng thông tin mới": "Cổng thông tin mới giúp tra cứu văn bản nhanh hơn, kể cả khi gõ không dấu hoặc chỉ nhớ số ký hiệu.",
    "Đào tạo kỹ năng số cho cán bộ văn phòng": "Cán bộ văn phòng được đào tạo kỹ năng số để khai thác hiệu quả các phần mềm dùng chung.",
    "Kết nối dữ liệu giữa các phần mềm dùng chung": "Dữ liệu giữa các phần mềm dùng chung được kết nối, tránh nhập lại nhiều lần.",
    "Kế hoạch ứng dụng công nghệ thông tin năm tới": "Kế hoạch ứng dụng công nghệ thông tin năm tới tập trung vào dữ liệu, an toàn thông tin và dịch vụ trực tuyến.",
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
                lead=LEADS[headline],
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
