import factory
from django.utils import timezone

from portal.documents.models import SubjectArea
from portal.questions.models import Question, Status


class SubjectAreaFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = SubjectArea
        django_get_or_create = ["name"]

    name = "Công tác tổ chức"


class QuestionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Question

    name = "Lê Văn Cường"
    contact = "cuong@example.vn"
    subject_area = factory.SubFactory(SubjectAreaFactory)
    title = factory.Sequence(lambda n: f"Hỏi về thủ tục chuyển sinh hoạt đảng số {n}")
    body = "Tôi chuyển công tác sang quận khác, cần chuẩn bị những giấy tờ gì?"
    submission_key = factory.Sequence(lambda n: f"question-key-{n}")
    ip_address = "203.0.113.8"

    class Params:
        published = factory.Trait(
            status=Status.PUBLISHED,
            answer="Đảng viên làm thủ tục tại chi bộ nơi đang sinh hoạt.",
            published_answer="Đảng viên làm thủ tục tại chi bộ nơi đang sinh hoạt.",
            published_at=factory.LazyFunction(timezone.now),
        )
