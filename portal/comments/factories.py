import factory

from portal.comments.models import Comment


class CommentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Comment

    name = "Trần Thị Bình"
    subject = "Ý kiến về bài viết"
    body = "Bài viết rất hữu ích cho cán bộ cơ sở."
    submission_key = factory.Sequence(lambda n: f"key-{n}")
    ip_address = "203.0.113.7"
