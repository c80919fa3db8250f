"""Demo questions from readers: answers already published, one draft awaiting
an approver, one question the office has not assigned yet."""

from datetime import timedelta

from django.utils import timezone

from portal.documents.models import SubjectArea
from portal.followup.models import Unit
from portal.questions.models import Question, Status

# (subject area, unit, kind, name, contact, title, question, answer, days ago, state)
QUESTIONS = [
    (
        "Công tác tổ chức, cán bộ",
        "Ban Tổ chức Thành ủy",
        Question.Kind.QUESTION,
        "Nguyễn Văn Hải",
        "hai.nguyen@example.vn",
        "Thủ tục chuyển sinh hoạt đảng chính thức",
        "Tôi chuyển công tác từ quận Ba Đình sang huyện Đông Anh. Xin hỏi cần chuẩn "
        "bị những giấy tờ gì để chuyển sinh hoạt đảng chính thức?",
        "Đồng chí đề nghị chi bộ nơi đang sinh hoạt làm giấy giới thiệu chuyển sinh "
        "hoạt đảng, kèm hồ sơ đảng viên; trong thời hạn 30 ngày kể từ ngày giới "
        "thiệu, đồng chí xuất trình tại tổ chức đảng nơi chuyển đến.",
        40,
        Status.PUBLISHED,
    ),
    (
        "Công tác tuyên giáo",
        "Ban Tuyên giáo Thành ủy",
        Question.Kind.QUESTION,
        "Trần Thị Mai",
        "0912 345 678",
        "Tài liệu học tập nghị quyết cho chi bộ cơ sở",
        "Chi bộ khu dân cư có thể nhận tài liệu học tập, quán triệt nghị quyết mới "
        "ở đâu?",
        "Tài liệu được Ban Tuyên giáo Thành ủy phát hành qua các quận ủy, huyện ủy "
        "và đăng trên cổng thông tin, mục Văn bản; chi bộ liên hệ đảng ủy cấp trên "
        "trực tiếp để nhận bản in.",
        25,
        Status.PUBLISHED,
    ),
    (
        "Công tác kiểm tra, giám sát",
        "Ủy ban Kiểm tra Thành ủy",
        Question.Kind.FEEDBACK,
        "Lê Quang Minh",
        "minh.le@example.vn",
        "Góp ý công khai kết quả giám sát",
        "Đề nghị công khai rộng rãi hơn kết quả giám sát chuyên đề để đảng viên và "
        "nhân dân cùng theo dõi.",
        "Ủy ban Kiểm tra Thành ủy ghi nhận góp ý; kết quả giám sát chuyên đề được "
        "thông báo theo quy định và tóm tắt trên cổng thông tin sau mỗi đợt.",
        12,
        Status.PUBLISHED,
    ),
    (
        "Công tác văn phòng",
        "Văn phòng Thành ủy",
        Question.Kind.QUESTION,
        "Phạm Thu Hà",
        "024 3825 1234",
        "Tra cứu văn bản đã ban hành",
        "Xin hỏi bạn đọc có thể tra cứu toàn văn các văn bản của Thành ủy ở đâu?",
        "Bạn đọc tra cứu tại mục Văn bản của cổng thông tin: gõ số ký hiệu hoặc nội "
        "dung, có dấu hoặc không dấu, và lọc theo loại, cơ quan ban hành, năm.",
        5,
        Status.PUBLISHED,
    ),
    (
        "Công tác tuyên giáo",
        "Ban Tuyên giáo Thành ủy",
        Question.Kind.QUESTION,
        "Đỗ Văn Long",
        "long.do@example.vn",
        "Lịch tổ chức hội nghị báo cáo viên",
        "Hội nghị báo cáo viên quý tới được tổ chức vào thời gian nào?",
        "Hội nghị báo cáo viên quý tới dự kiến tổ chức vào tuần đầu của tháng.",
        2,
        Status.ANSWERED,
    ),
    (
        "Công tác tổ chức, cán bộ",
        None,
        Question.Kind.FEEDBACK,
        "Vũ Thị Hồng",
        "hong.vu@example.vn",
        "Góp ý thời gian tiếp đảng viên",
        "Đề nghị bố trí thêm buổi tiếp đảng viên vào sáng thứ Bảy.",
        "",
        1,
        Status.RECEIVED,
    ),
]


def load_questions():
    """Returns (all demo questions, those awaiting an answer or its approval);
    a rerun adds nothing."""
    now = timezone.now()
    for number, row in enumerate(QUESTIONS):
        area, unit, kind, name, contact, title, body, answer, days, state = row
        if Question.objects.filter(submission_key=f"demo-question-{number}").exists():
            continue
        # Stored as the workflow leaves them, without its e-mails.
        published = state == Status.PUBLISHED
        Question.objects.create(
            submission_key=f"demo-question-{number}",
            created_at=now - timedelta(days=days),
            kind=kind,
            name=name,
            contact=contact.replace(" ", ""),
            subject_area=SubjectArea.objects.get_or_create(name=area)[0],
            title=title,
            body=body,
            unit=Unit.objects.get(name=unit) if unit else None,
            answer=answer,
            status=state,
            published_answer=answer if published else "",
            published_at=now - timedelta(days=days - 1) if published else None,
        )
    demo = Question.objects.filter(submission_key__startswith="demo-question-")
    return demo.count(), demo.exclude(status=Status.PUBLISHED).count()
