"""Every role × access level × surface, against the table in permission_matrix.csv.

Each level has one document (with an attachment) and one news article.

Run on PostgreSQL and the real search engine by the test command.
"""

import csv
import datetime
from datetime import time
from pathlib import Path

import pytest
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone
from guardian.shortcuts import assign_perm
from rest_framework.authtoken.models import Token
from wagtail.documents import get_document_model
from wagtail.log_actions import log
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from portal.access.factories import UserFactory
from portal.accounts.models import ExternalAccount
from portal.alerts.models import SavedSearch, SentItem
from portal.correspondence.factories import IncomingDocumentFactory
from portal.correspondence.models import IncomingDocument
from portal.documents.factories import DocumentFactory
from portal.documents.feeds import type_slug
from portal.documents.models import (
    Attachment,
    Document,
    DocumentRelation,
    IssuingBody,
)
from portal.documents.types import DocumentType, RelationKind
from portal.drafting.factories import make_draft
from portal.drafting.models import Draft
from portal.followup.factories import UnitFactory
from portal.followup.models import Membership, Task, Unit
from portal.images.factories import ImageFactory
from portal.meetings.factories import (
    BridgePointFactory,
    MeetingFactory,
    add_document,
)
from portal.meetings.models import Meeting
from portal.news.factories import make_article, make_section
from portal.ocr.models import Recognition
from portal.organisation.factories import make_section as make_about_section
from portal.organisation.models import AboutPage
from portal.questions.factories import QuestionFactory
from portal.questions.models import Question
from portal.schedule.factories import EventFactory
from portal.schedule.models import Event, FeedToken
from portal.signing.models import FileVerification, SigningKey
from portal.signing.reports import SignatureReport

TABLE = Path(__file__).with_name("permission_matrix.csv")
LEVELS = ["public", "internal", "restricted"]
# Each level's item has a word and a type of its own, so that counts can be read apart.
WORDS = {"public": "congkhai", "internal": "noibo", "restricted": "hanche"}
ARTICLE_WORDS = {level: f"tin{word}" for level, word in WORDS.items()}
TYPES = {
    "public": DocumentType.RESOLUTION,
    "internal": DocumentType.DIRECTIVE,
    "restricted": DocumentType.CONCLUSION,
}
TYPE_LABELS = {"public": "Nghị quyết", "internal": "Chỉ thị", "restricted": "Kết luận"}


def read_table():
    with TABLE.open(encoding="utf-8") as lines:
        rows = csv.DictReader(line for line in lines if not line.startswith("#"))
        return [
            (
                row["role"],
                row["surface"],
                {level: row[level] == "Y" for level in LEVELS},
            )
            for row in rows
        ]


def make_user(role):
    if role == "anonymous":
        return None
    if role == "shared_staff":
        user = UserFactory(role="staff")
        user.groups.add(Group.objects.get(name="Nhóm được chia sẻ"))
        return user
    return UserFactory(role=role)


@pytest.fixture
def items(archive_page, search_backend):
    shared_group = Group.objects.create(name="Nhóm được chia sẻ")
    section = make_section(archive_page.get_parent())
    items = {}
    for number, level in enumerate(LEVELS, start=1):
        document = DocumentFactory(
            symbol=f"{number:02d}-{TYPES[level].value}/TW",
            document_type=TYPES[level],
            title=f"Văn bản {WORDS[level]} về công tác văn phòng",
            access=level,
        )
        log(instance=document, action="wagtail.edit")  # for the site history
        attachment = Attachment(document=document, title="Phụ lục")
        attachment.file.save("phu-luc.pdf", ContentFile(b"%PDF-1.4"), save=True)
        article = make_article(
            section,
            title=f"Tin {ARTICLE_WORDS[level]} hôm nay",
            slug=f"tin-{level}",
            access=level,
            hero_image=ImageFactory(title=f"Ảnh {level}"),
        )
        items[level] = (document, attachment, article)
    assign_perm("documents.view_document", shared_group, items["restricted"][0])
    assign_perm("news.view_articlepage", shared_group, items["restricted"][2])
    search_backend.refresh_indexes()
    return items


def search_json(client, word):
    return client.get("/search/", {"q": word, "format": "json"}).json()


def article_hits(client, word):
    return [
        hit["url"]
        for hit in search_json(client, word)["results"]
        if hit["kind"] == "article"
    ]


def agreed(*seen):
    """The answer when every part of a surface gives the same one; otherwise all
    of them, which match neither Y nor N: a leak through any one part fails."""
    return seen[0] if len(set(seen)) == 1 else list(seen)


def answers(client, url, **params):
    return client.get(url, params).status_code == 200


def shows(client, text, url, **params):
    response = client.get(url, params)
    return response.status_code == 200 and text in response.content.decode()


def admin_document_views(c, a, doc, att, art, level):
    return agreed(
        *(
            answers(
                c, reverse(f"wagtailsnippets_documents_document:{view}", args=[doc.pk])
            )
            for view in ("edit", "history", "usage", "workflow_history")
        )
    )


def admin_document_chooser(c, a, doc, att, art, level):
    chooser = "wagtailsnippetchoosers_documents_document"
    return agreed(
        shows(c, doc.symbol, reverse(f"{chooser}:choose_results")),
        shows(c, doc.symbol, reverse(f"{chooser}:choose_results"), q=WORDS[level]),
        answers(c, reverse(f"{chooser}:chosen", args=[doc.pk])),
    )


def admin_article_views(c, a, doc, att, art, level):
    return agreed(
        *(
            answers(c, reverse(f"wagtailadmin_pages:{view}", args=[art.pk]))
            for view in ("edit", "view_draft", "history", "usage")
        )
    )


def admin_article_listings(c, a, doc, att, art, level):
    section = art.get_parent().pk
    word = ARTICLE_WORDS[level]  # ASCII, as the choosers answer in JSON
    api = c.get("/admin/api/main/pages/", {"child_of": section})
    return agreed(
        shows(c, word, reverse("wagtailadmin_explore", args=[section])),
        shows(c, word, reverse("wagtailadmin_choose_page_child", args=[section])),
        shows(c, word, reverse("wagtailadmin_choose_page_search"), q=word),
        api.status_code == 200
        and art.pk in [page["id"] for page in api.json()["items"]],
        answers(c, f"/admin/api/main/pages/{art.pk}/"),
    )


def admin_site_history(c, a, doc, att, art, level):
    url = reverse("wagtailadmin_reports:site_history")
    return agreed(shows(c, doc.symbol, url), shows(c, ARTICLE_WORDS[level], url))


def sandboxed(response):
    return (
        response.status_code == 200
        and response["Content-Security-Policy"] == "sandbox"
        and response["X-Content-Type-Options"] == "nosniff"
    )


def library_document(level):
    document, _created = get_document_model().objects.get_or_create(
        title=f"Tài liệu {level}",
        defaults={"file": ContentFile(b"%PDF-1.4", name=f"tai-lieu-{level}.pdf")},
    )
    return document


# Readers' questions: the level stands for how far one has gone. Public: its
# answer is published; internal: the unit's draft awaits approval; restricted:
# just received, assigned to no unit. The signed-in user belongs to the unit
# that answers the first two: staff still stay out of the admin, editors work
# on their unit's questions, the office on all of them.
QUESTION_STATES = {
    "public": {"published": True},
    "internal": {"status": "answered", "answer": "Dự thảo của đơn vị"},
    "restricted": {},
}


def level_question(c, level):
    if not Question.objects.exists():
        unit = Unit.objects.create(name="Ban trả lời bạn đọc")
        for state_level, state in QUESTION_STATES.items():
            QuestionFactory(
                title=f"Hỏi đáp {WORDS[state_level]}",
                contact="bandoc@example.vn",
                unit=unit if state_level != "restricted" else None,
                **state,
            )
    question = Question.objects.get(title=f"Hỏi đáp {WORDS[level]}")
    user_id = c.session.get("_auth_user_id")
    if user_id and question.unit:
        Membership.objects.get_or_create(unit=question.unit, user_id=user_id)
    return question


def questions_listing(c, a, doc, att, art, level):
    question = level_question(c, level)
    return agreed(
        shows(c, question.title, "/hoi-dap/"),
        shows(c, question.title, "/hoi-dap/", q=WORDS[level]),
        shows(c, question.title, "/hoi-dap/", linh_vuc=question.subject_area_id),
    )


def questions_lookup(c, a, doc, att, art, level):
    """Whoever holds the code sees the status, never the sender's contact."""
    question = level_question(c, level)
    page = c.post("/hoi-dap/tra-cuu/", {"code": question.lookup_code})
    text = page.content.decode()
    return question.title in text and question.contact not in text


def admin_questions(c, a, doc, att, art, level):
    question = level_question(c, level)
    return agreed(
        shows(c, question.title, reverse("reader_questions:index")),
        answers(c, reverse("reader_questions:edit", args=[question.pk])),
    )


def api_get(client, url):
    """An API request with the signed-in user's token (anonymous without one)."""
    user_id = client.session.get("_auth_user_id")
    headers = {}
    if user_id:
        token, _created = Token.objects.get_or_create(user_id=user_id)
        headers["HTTP_AUTHORIZATION"] = f"Token {token.key}"
    return client.get(url, **headers)


def api_lists_and_shows(client, kind, pk):
    listing = api_get(client, f"/api/v1/{kind}/")
    return agreed(
        listing.status_code == 200
        and pk in [item["id"] for item in listing.json()["results"]],
        api_get(client, f"/api/v1/{kind}/{pk}/").status_code == 200,
    )


def alert_notices(client, archive_page, document, attachment, article, level):
    """An intranet alert lists an item only while its user may still see it."""
    if user_id := client.session.get("_auth_user_id"):
        saved, _created = SavedSearch.objects.get_or_create(
            user_id=user_id,
            name="Văn bản về công tác văn phòng",
            defaults={"query": "q=van+phong", "channel": SavedSearch.Channel.INTRANET},
        )
        SentItem.objects.get_or_create(
            saved_search=saved,
            item_label=document._meta.label,
            item_pk=str(document.pk),
            defaults={"sent_at": timezone.now()},
        )
    return document.title in client.get("/tim-kiem-da-luu/thong-bao/").content.decode()


def reporting_unit():
    """A unit that is also an issuing body: it leads tasks and sends reports."""
    unit, _created = Unit.objects.get_or_create(
        name="Ban Ma trận Thành ủy", defaults={"abbreviation": "BMTTU"}
    )
    body, _created = IssuingBody.objects.get_or_create(
        name=unit.name, defaults={"abbreviation": unit.abbreviation}
    )
    return unit, body


def source_task(document):
    unit, _body = reporting_unit()
    task, _created = Task.objects.get_or_create(
        source_document=document,
        defaults={
            "content": "Triển khai thực hiện văn bản",
            "lead_unit": unit,
            "deadline": timezone.localdate(),
        },
    )
    return task


def task_source(client, archive_page, document, attachment, article, level):
    """A task names its source document to its unit's members who may see it."""
    task = source_task(document)
    if user_id := client.session.get("_auth_user_id"):
        Membership.objects.get_or_create(unit=task.lead_unit, user_id=user_id)
    return document.symbol in client.get("/noi-bo/nhiem-vu/").content.decode()


def reported_tasks(client, archive_page, document, attachment, article, level):
    """An incoming report proposes the tasks of the document it cites."""
    task = source_task(document)
    _unit, body = reporting_unit()
    entry = IncomingDocumentFactory(
        sender=body, title=f"Báo cáo kết quả thực hiện {document.symbol}"
    )
    page = client.get(reverse("incoming:reported_tasks", args=[entry.pk]))
    return f"{document.symbol} — {task.lead_unit}" in page.content.decode()


def register_entry(level):
    """An incoming register entry with the level's word (entries have no level
    of their own: the register's readers see them all, nobody else any)."""
    entry = IncomingDocument.objects.filter(title__contains=WORDS[level]).first()
    if entry is None:
        entry = IncomingDocumentFactory(title=f"Công văn so{WORDS[level]} đến")
        get_search_backend().refresh_indexes()
    return entry


def register_search(c, a, doc, att, art, level):
    return register_entry(level).symbol in [
        hit.symbol
        for hit in c.get("/search/", {"q": f"so{WORDS[level]}"}).context["results"].hits
    ]


def register_json(c, a, doc, att, art, level):
    entry = register_entry(level)
    answer = search_json(c, f"so{WORDS[level]}")
    return answer["count"] == 1 and [hit["symbol"] for hit in answer["results"]] == [
        entry.symbol
    ]


def register_facet_count(c, a, doc, att, art, level):
    register_entry(level)
    facets = search_json(c, f"so{WORDS[level]}")["facets"]
    return facets.get("type", {}).get("Hướng dẫn") == 1


def register_suggest(c, a, doc, att, art, level):
    entry = register_entry(level)
    answer = c.get("/search/suggest/", {"q": f"so{WORDS[level]}"[:7]}).json()
    return entry.symbol in [hit["symbol"] for hit in answer["results"]]


def failed_recognition(holder):
    recognition, _ = Recognition.objects.get_or_create(
        content_type=ContentType.objects.get_for_model(holder),
        object_id=holder.pk,
        defaults={"source_name": holder.file.name, "status": "failed"},
    )
    return f"/admin/ocr/{recognition.pk}/rerun/"


def schedule_event(level):
    """The level's event, today: in the week every schedule surface shows."""
    event, created = Event.objects.get_or_create(
        title=f"Lịch {WORDS[level]} trong tuần",
        defaults={
            "date": timezone.localdate(),
            "start_time": time(8, 0),
            "end_time": time(9, 0),
            "access": level,
        },
    )
    if created and level == "restricted":
        shared_group = Group.objects.get(name="Nhóm được chia sẻ")
        assign_perm("schedule.view_event", shared_group, event)
    return event


def schedule_week(c, a, doc, att, art, level):
    title = schedule_event(level).title
    return agreed(
        shows(c, title, "/lich-cong-tac/"), shows(c, title, "/lich-cong-tac/in/")
    )


def schedule_intranet(c, a, doc, att, art, level):
    title = schedule_event(level).title
    return agreed(
        shows(c, title, "/lich-cong-tac/noi-bo/"),
        shows(c, title, "/lich-cong-tac/noi-bo/in/"),
    )


def schedule_personal_feed(c, a, doc, att, art, level):
    """The signed-in user takes part in the event: their feed lists it if they
    may see it."""
    event = schedule_event(level)
    user_id = c.session.get("_auth_user_id")
    if not user_id:
        return False
    Event.participants.through.objects.get_or_create(event=event, user_id=user_id)
    token = FeedToken.for_user(event.participants.get(pk=user_id)).token
    return shows(c, event.title, f"/lich-cong-tac/ca-nhan/{token}.ics")


def admin_event_views(c, a, doc, att, art, level):
    event = schedule_event(level)
    return agreed(
        *(
            answers(
                c, reverse(f"wagtailsnippets_schedule_event:{view}", args=[event.pk])
            )
            for view in ("edit", "history", "usage", "workflow_history")
        )
    )


def admin_event_chooser(c, a, doc, att, art, level):
    event = schedule_event(level)
    chooser = "wagtailsnippetchoosers_schedule_event"
    return agreed(
        shows(c, event.title, reverse(f"{chooser}:choose_results")),
        answers(c, reverse(f"{chooser}:chosen", args=[event.pk])),
    )


# Meetings: for each level, an online conference whose schedule entry has the
# level, and an internal meeting holding a document of the level. The shared
# group's members are invited to both, so a restricted meeting document is
# theirs to read and nobody else's. Built on first use, after the role's user
# has joined the group.
MEETINGS_HELD_ON = datetime.date(2026, 3, 2)


def invited_meeting(title, access):
    meeting = Meeting.objects.filter(event__title=title).first()
    if meeting:
        return meeting
    shared_group = Group.objects.get(name="Nhóm được chia sẻ")
    event = EventFactory(
        title=title,
        date=MEETINGS_HELD_ON,
        access=access,
        participants=list(shared_group.user_set.all()),
    )
    if access == "restricted":
        assign_perm("schedule.view_event", shared_group, event)
    return MeetingFactory(event=event, online=True)


def level_meeting(level):
    meeting = invited_meeting(f"Hội nghị {WORDS[level]} trực tuyến", level)
    if not meeting.bridge_points.exists():
        BridgePointFactory(
            meeting=meeting, host_unit=UnitFactory(name=f"Điểm cầu {WORDS[level]}")
        )
    return meeting


def meeting_document(level):
    meeting = invited_meeting(f"Cuộc họp có tài liệu {WORDS[level]}", "internal")
    return meeting.documents.first() or add_document(
        meeting, title=f"Tài liệu họp {WORDS[level]}", access=level
    )


def meeting_page(c, a, doc, att, art, level):
    meeting = level_meeting(level)
    return agreed(
        answers(c, reverse("meetings:meeting", args=[meeting.pk])),
        shows(c, meeting.event.title, reverse("meetings:meetings")),
    )


def meeting_documents(c, a, doc, att, art, level):
    document = meeting_document(level)
    page = reverse("meetings:meeting", args=[document.meeting_id])
    return agreed(
        shows(c, document.title, page),
        answers(c, reverse("meetings:document", args=[document.pk])),
    )


def meeting_attendance(c, a, doc, att, art, level):
    url = reverse("meetings:meeting", args=[level_meeting(level).pk])
    return shows(c, 'class="attendance"', url)


def meeting_statistics(c, a, doc, att, art, level):
    unit = level_meeting(level).bridge_points.get().host_unit.name
    url = reverse("meetings_statistics:index")
    return shows(c, unit, url, year=MEETINGS_HELD_ON.year)


def admin_meeting_listing(c, a, doc, att, art, level):
    title = level_meeting(level).event.title
    return shows(c, title, reverse("meeting_admin:index"))


def document_type_feed(c, a, doc, att, art, level):
    url = f"/feeds/van-ban/{type_slug(doc.document_type)}/"
    return doc.symbol in c.get(url).content.decode()


def relation_diagram(c, a, doc, att, art, level):
    """A public plan implementing the item: does its page name the item?"""
    plan = Document.objects.filter(symbol="90-KH/TW").first() or DocumentFactory(
        symbol="90-KH/TW", document_type=DocumentType.PLAN, title="Kế hoạch"
    )
    DocumentRelation.objects.get_or_create(
        source=plan, kind=RelationKind.IMPLEMENTS, target=doc
    )
    return doc.symbol in c.get(a.document_url(plan)).content.decode()


def directory_member():
    """A member of a unit, the same whatever the level: people have none."""
    unit, _created = Unit.objects.get_or_create(name="Văn phòng Thành ủy")
    membership = Membership.objects.filter(unit=unit).first()
    if membership is None:
        user = UserFactory(role="staff", last_name="Đặng Văn", first_name="Danh")
        membership = Membership.objects.create(unit=unit, user=user)
    return membership.user


def directory(c, a, doc, att, art, level):
    directory_member()
    return agreed(
        shows(c, "Đặng Văn Danh", "/noi-bo/danh-ba/"),
        shows(c, "Đặng Văn Danh", "/noi-bo/danh-ba/", q="dang van danh"),
    )


def directory_vcard(c, a, doc, att, art, level):
    return answers(c, f"/noi-bo/danh-ba/{directory_member().pk}.vcf")


def organisation_pages(c, a, doc, att, art, level):
    about = AboutPage.objects.first() or make_about_section(a.get_parent())["about"]
    pages = Page.objects.descendant_of(about, inclusive=True)
    return agreed(*(answers(c, page.url) for page in pages))


# Outgoing drafts: the level stands for how the signed-in user is involved.
# Public: a member of the drafting unit; internal: the holder of the step the
# draft waits at; restricted: not involved. Each draft has a unit of its own.
def level_draft(c, level):
    title = f"Dự thảo {WORDS[level]} về công tác văn phòng"
    draft = Draft.objects.filter(title=title).first()
    if draft is None:
        unit = Unit.objects.create(name=f"Phòng soạn thảo {WORDS[level]}")
        draft = make_draft(unit=unit, title=title)
        holders = [UserFactory(role="staff"), UserFactory(role="staff")]
        draft.submit(draft.created_by, [(holder, "") for holder in holders])
    if user_id := c.session.get("_auth_user_id"):
        if level == "public":
            Membership.objects.get_or_create(unit=draft.unit, user_id=user_id)
        elif level == "internal":
            draft.steps.filter(reached_at__isnull=False).update(holder_id=user_id)
    return draft


def draft_surfaces(c, a, doc, att, art, level):
    draft = level_draft(c, level)
    return agreed(
        answers(c, reverse("drafting:draft", args=[draft.pk])),
        answers(c, reverse("drafting:version", args=[draft.pk, 1])),
        shows(c, draft.title, reverse("drafting:list")),
    )


def verified_signer(attachment, level):
    """The signer a verification of the level's attachment found."""
    signer = f"Người ký {WORDS[level]}"
    report = SignatureReport(
        signer=signer,
        organisation="Văn phòng Thành ủy",
        signed_at=None,
        intact=True,
        trusted=True,
        role="personal",
    )
    FileVerification.objects.update_or_create(
        file_name=attachment.file.name, defaults={"signatures": [report.to_json()]}
    )
    return signer


def signing_key(level):
    key, _created = SigningKey.objects.get_or_create(
        name=f"Khóa {WORDS[level]}",
        defaults={"owner": UserFactory(role="approver"), "kind": "pkcs12"},
    )
    return key


def linked_account(level):
    account, _created = ExternalAccount.objects.get_or_create(
        subject=f"tai-khoan-{WORDS[level]}",
        defaults={
            "user": UserFactory(role="staff"),
            "source": ExternalAccount.Source.DIRECTORY,
            "issuer": "ou=people,dc=vptu,dc=vn",
        },
    )
    return account


def readiness_details(c, a, doc, att, art, level):
    return "checks" in c.get(reverse("ready")).json()


SURFACES = {
    # operators' views: nobody reads them unless configured (addresses, token)
    "readiness_details": readiness_details,
    "metrics": lambda c, a, doc, att, art, level: answers(c, reverse("metrics")),
    # what verifying an attachment's signatures found, on its document's page
    "signature_verification": lambda c, a, doc, att, art, level: shows(
        c, verified_signer(att, level), a.document_url(doc)
    ),
    "admin_signing_keys": lambda c, a, doc, att, art, level: shows(
        c, signing_key(level).name, reverse("signing_keys:index")
    ),
    "admin_linked_accounts": lambda c, a, doc, att, art, level: shows(
        c, linked_account(level).subject, reverse("external_accounts:index")
    ),
    "drafts": draft_surfaces,
    "admin_waiting_drafts": lambda c, a, doc, att, art, level: shows(
        c, level_draft(c, level).title[:40], reverse("wagtailadmin_home")
    ),
    "document_feed": lambda c, a, doc, att, art, level: (
        doc.symbol in c.get("/feeds/van-ban/").content.decode()
    ),
    "document_type_feed": document_type_feed,
    "relation_diagram": relation_diagram,
    "directory": directory,
    "directory_vcard": directory_vcard,
    "organisation_pages": organisation_pages,
    "questions_listing": questions_listing,
    "questions_answer_page": lambda c, a, doc, att, art, level: answers(
        c, f"/hoi-dap/{level_question(c, level).pk}/"
    ),
    "questions_lookup": questions_lookup,
    "questions_form": lambda c, a, doc, att, art, level: shows(
        c, level_question(c, level).title, "/hoi-dap/gui-cau-hoi/"
    ),
    "admin_questions": admin_questions,
    "page": lambda c, a, doc, att, art, level: (
        c.get(a.document_url(doc)).status_code == 200
    ),
    "archive_listing": lambda c, a, doc, att, art, level: (
        a.document_url(doc) in c.get("/van-ban/").content.decode()
    ),
    "search_hit": lambda c, a, doc, att, art, level: (
        doc.symbol
        in [
            hit.symbol
            for hit in c.get("/search/", {"q": WORDS[level]}).context["results"].hits
        ]
    ),
    "search_count": lambda c, a, doc, att, art, level: (
        search_json(c, WORDS[level])["count"] == 1
    ),
    "facet_count": lambda c, a, doc, att, art, level: (
        search_json(c, WORDS[level])["facets"]["type"].get(TYPE_LABELS[level]) == 1
    ),
    "highlight": lambda c, a, doc, att, art, level: (
        f"<mark>{WORDS[level]}</mark>"
        in c.get("/search/", {"q": WORDS[level]}).content.decode()
    ),
    "suggest": lambda c, a, doc, att, art, level: (
        doc.symbol
        in [
            hit["symbol"]
            for hit in c.get("/search/suggest/", {"q": WORDS[level][:5]}).json()[
                "results"
            ]
        ]
    ),
    "json": lambda c, a, doc, att, art, level: (
        doc.symbol in [hit["symbol"] for hit in search_json(c, WORDS[level])["results"]]
    ),
    "attachment": lambda c, a, doc, att, art, level: (
        c.get(a.attachment_url(att)).status_code == 200
    ),
    # served, and in a sandbox where nothing in the file runs
    "attachment_sandboxed": lambda c, a, doc, att, art, level: sandboxed(
        c.get(a.attachment_url(att))
    ),
    # Wagtail's own library is closed: its files are outside the access model
    "document_library": lambda c, a, doc, att, art, level: (
        c.get(library_document(level).url).status_code == 200
    ),
    "statistics": lambda c, a, doc, att, art, level: (
        f"{TYPE_LABELS[level]},1\r\n"
        in c.get("/van-ban/thong-ke/?year=2022&format=csv").content.decode()
    ),
    "alert_notices": alert_notices,
    "task_source": task_source,
    "reported_tasks": reported_tasks,
    # the registers in the portal's search: for their readers only
    "register_search_hit": register_search,
    "register_json": register_json,
    "register_facet_count": register_facet_count,
    "register_suggest": register_suggest,
    # running a file's text recognition again: who may change its item
    "ocr_rerun_attachment": lambda c, a, doc, att, art, level: answers(
        c, failed_recognition(att)
    ),
    "ocr_rerun_register": lambda c, a, doc, att, art, level: answers(
        c, failed_recognition(register_entry(level))
    ),
    # the year in figures counts by type what the reader may see
    "year_in_figures": lambda c, a, doc, att, art, level: (
        f"{TYPE_LABELS[level]},1\r\n"
        in c.get("/noi-bo/so-lieu-nam/?year=2022&format=csv").content.decode()
    ),
    # the clerk's page of tasks proposed from a document's text
    "task_drafting": lambda c, a, doc, att, art, level: (
        c.get(reverse("followup:draft", args=[doc.pk])).status_code == 200
    ),
    "article_page": lambda c, a, doc, att, art, level: (
        c.get(art.url).status_code == 200
    ),
    "section_listing": lambda c, a, doc, att, art, level: (
        art.title in c.get(art.get_parent().url).content.decode()
    ),
    "article_image": lambda c, a, doc, att, art, level: (
        c.get(art.hero_image.get_rendition("width-900").url).status_code == 200
    ),
    "article_search": lambda c, a, doc, att, art, level: (
        art.url in article_hits(c, ARTICLE_WORDS[level])
    ),
    "feed": lambda c, a, doc, att, art, level: (
        art.title in c.get("/feeds/").content.decode()
    ),
    "sitemap": lambda c, a, doc, att, art, level: (
        art.url in c.get("/sitemap-trang.xml").content.decode()
    ),
    "document_sitemap": lambda c, a, doc, att, art, level: (
        a.document_url(doc) in c.get("/sitemap-van-ban.xml").content.decode()
    ),
    "api_document": lambda c, a, doc, att, art, level: api_lists_and_shows(
        c, "documents", doc.pk
    ),
    "api_article": lambda c, a, doc, att, art, level: api_lists_and_shows(
        c, "articles", art.pk
    ),
    "admin_document_views": admin_document_views,
    "admin_document_chooser": admin_document_chooser,
    "admin_article_views": admin_article_views,
    "admin_article_listings": admin_article_listings,
    "admin_site_history": admin_site_history,
    "admin_listing": lambda c, a, doc, att, art, level: (
        c.get("/admin/snippets/documents/document/").status_code == 200
        and doc.symbol in c.get("/admin/snippets/documents/document/").content.decode()
    ),
    "meeting_page": meeting_page,
    "meeting_documents": meeting_documents,
    "meeting_attendance": meeting_attendance,
    "meeting_statistics": meeting_statistics,
    "admin_meeting_views": lambda c, a, doc, att, art, level: answers(
        c, reverse("meeting_admin:edit", args=[level_meeting(level).pk])
    ),
    "admin_meeting_listing": admin_meeting_listing,
    "schedule_week": schedule_week,
    "schedule_intranet": schedule_intranet,
    "schedule_feed": lambda c, a, doc, att, art, level: shows(
        c, schedule_event(level).title, "/lich-cong-tac/lich.ics"
    ),
    "schedule_personal_feed": schedule_personal_feed,
    "admin_event_views": admin_event_views,
    "admin_event_listing": lambda c, a, doc, att, art, level: shows(
        c, schedule_event(level).title, "/admin/snippets/schedule/event/"
    ),
    "admin_event_chooser": admin_event_chooser,
}


def expected_for(role):
    return {
        surface: expected
        for row_role, surface, expected in read_table()
        if row_role == role
    }


ROLES = sorted({role for role, _surface, _expected in read_table()})


# One test per role: the items and the index are built once for all surfaces,
# which keeps the matrix fast enough to grow; a mismatch names every cell.
@pytest.mark.engine
@pytest.mark.parametrize("role", ROLES)
def test_permission_matrix(client, archive_page, items, role):
    user = make_user(role)
    if user:
        client.force_login(user)

    seen = {
        surface: {
            level: SURFACES[surface](client, archive_page, *items[level], level)
            for level in LEVELS
        }
        for surface in expected_for(role)
    }

    expected = expected_for(role)
    assert {
        surface: seen[surface] for surface in seen if seen[surface] != expected[surface]
    } == {}, f"expected for {role}: " + repr(
        {
            surface: expected[surface]
            for surface in seen
            if seen[surface] != expected[surface]
        }
    )


def test_the_table_covers_every_role_and_surface():
    rows = read_table()
    roles = {role for role, _surface, _expected in rows}
    surfaces = {surface for _role, surface, _expected in rows}
    assert roles == {
        "anonymous",
        "staff",
        "shared_staff",
        "editor",
        "approver",
        "clerk",
        "admin",
    }
    assert surfaces == set(SURFACES)
    assert len(rows) == len(roles) * len(surfaces)
