"""What the API says of a document and an article: what their pages show."""

from rest_framework import serializers

from portal.documents.models import Document
from portal.news.models import ArticlePage


def absolute(request, url):
    return request.build_absolute_uri(url) if url else None


class IssuingBodySerializer(serializers.Serializer):
    id = serializers.IntegerField()
    name = serializers.CharField()
    abbreviation = serializers.CharField()


class DocumentSerializer(serializers.ModelSerializer):
    type = serializers.CharField(source="document_type")
    type_label = serializers.CharField(source="get_document_type_display")
    status_label = serializers.CharField(source="get_status_display")
    issuer = IssuingBodySerializer()
    url = serializers.SerializerMethodField()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:document-detail")

    class Meta:
        model = Document
        fields = [
            "id",
            "symbol",
            "type",
            "type_label",
            "issuer",
            "issued_on",
            "effective_on",
            "status",
            "status_label",
            "title",
            "url",
            "api_url",
        ]

    def get_url(self, document) -> str | None:
        archive = self.context.get("archive")
        return absolute(
            self.context["request"], archive and archive.document_url(document)
        )


class AttachmentSerializer(serializers.Serializer):
    title = serializers.CharField(source="__str__")
    url = serializers.SerializerMethodField()

    def get_url(self, attachment) -> str | None:
        archive = self.context.get("archive")
        return absolute(
            self.context["request"], archive and archive.attachment_url(attachment)
        )


class DocumentDetailSerializer(DocumentSerializer):
    subject_areas = serializers.SlugRelatedField(
        many=True, read_only=True, slug_field="name"
    )
    attachments = AttachmentSerializer(many=True)
    relations = serializers.SerializerMethodField()

    class Meta(DocumentSerializer.Meta):
        fields = DocumentSerializer.Meta.fields + [
            "signer",
            "signer_position",
            "term",
            "subject_areas",
            "body",
            "attachments",
            "relations",
        ]

    def get_relations(self, document) -> list[dict]:
        """Related documents the caller may see, in both directions, under the
        relation as this document's side reads it ("Thay thế", "Bị thay thế bởi")."""
        diagram = document.relation_diagram_for(self.context["request"].user)
        return [
            {
                "relation": label,
                "documents": DocumentSerializer(
                    documents, many=True, context=self.context
                ).data,
            }
            for direction in ("outgoing", "incoming")
            for label, documents in diagram[direction]
        ]


class ArticleSerializer(serializers.ModelSerializer):
    section = serializers.SerializerMethodField()
    url = serializers.SerializerMethodField()
    api_url = serializers.HyperlinkedIdentityField(view_name="api:article-detail")

    class Meta:
        model = ArticlePage
        fields = [
            "id",
            "title",
            "lead",
            "author",
            "published_at",
            "section",
            "url",
            "api_url",
        ]

    def get_section(self, article) -> str | None:
        section = article.get_parent()
        return section.title if section else None

    def get_url(self, article) -> str | None:
        request = self.context["request"]
        return absolute(request, article.get_url(request=request))


class ArticleDetailSerializer(ArticleSerializer):
    body = serializers.CharField(source="body_text")
    tags = serializers.SerializerMethodField()

    class Meta(ArticleSerializer.Meta):
        fields = ArticleSerializer.Meta.fields + ["body", "tags"]

    def get_tags(self, article) -> list[str]:
        return article.tag_names()
