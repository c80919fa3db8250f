"""Demo reader comments: some approved under the articles, some still waiting."""

from datetime import timedelta

from portal.comments.models import Comment
from portal.news.models import ArticlePage

COMMENTS = [
    (
        "Nguyễn Thị Lan",
        "0912 345 678",
        "Cảm ơn bài viết",
        "Bài viết cung cấp nhiều thông tin bổ ích cho cán bộ cơ sở.",
    ),
    (
        "Trần Văn Hùng",
        "",
        "Đề nghị đăng thêm văn bản",
        "Mong ban biên tập đăng kèm toàn văn các kết luận được nhắc tới.",
    ),
    (
        "Lê Minh Tuấn",
        "024 3825 1234",
        "Góp ý về số liệu",
        "Đề nghị bổ sung số liệu so sánh với cùng kỳ năm trước.",
    ),
    (
        "Phạm Thu Trang",
        "",
        "Câu hỏi về thủ tục",
        "Xin hỏi việc tiếp nhận văn bản điện tử đã áp dụng ở cấp xã chưa?",
    ),
]


def load_comments():
    """Approved comments on the newest articles, and two awaiting moderation.

    Returns (all comments, pending ones); a rerun adds nothing.
    """
    articles = (
        ArticlePage.objects.live().filter(access="public").order_by("-published_at")[:4]
    )
    for index, article in enumerate(articles):
        for number, (name, phone, subject, body) in enumerate(COMMENTS[: 4 - index]):
            pending = index == 0 and number >= 2
            Comment.objects.get_or_create(
                submission_key=f"demo-{article.pk}-{number}",
                defaults={
                    "page": article,
                    "name": name,
                    "phone": phone.replace(" ", ""),
                    "subject": subject,
                    "body": body,
                    "created_at": article.published_at + timedelta(hours=number + 2),
                    "status": Comment.Status.PENDING
                    if pending
                    else Comment.Status.APPROVED,
                },
            )
    return Comment.objects.count(), Comment.objects.pending().count()
