"""Every role's admin pages read in Vietnamese, as the browser shows them.

The demo content gives each role real listings, forms, histories and a
document waiting in the moderation workflow. Each page's visible text, and the
placeholders, labels and tooltips a screen reader announces, must hold none of
the English strings below: those seen before the admin was translated, kept
here so that they cannot come back.
"""

import re
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.db import connections

from portal.correspondence.models import IncomingDocument, OutgoingDocument
from portal.demo.accounts import DEMO_PASSWORD
from portal.directory.models import StaffContact
from portal.documents.models import Document, IssuingBody
from portal.followup.models import Unit
from portal.meetings.models import Meeting
from portal.organisation.models import LeadershipPage
from portal.questions.models import Question, Status
from portal.schedule.models import Event
from tests.browser import log_in, screenshot

ENGLISH = [
    # reported in the first review of the admin
    "Save draft",
    "More actions",
    "Search…",
    "Reports",
    "Help",
    "Page 1 of 1",
    "Choose",
    "could not be created",
    "Awaiting your review",
    "Awaiting my review",
    "Request changes",
    "portal images",
    "Submit to",
    # menus, buttons and headings of Wagtail's admin
    "Dashboard",
    "Pages",
    "Images",
    "Documents",
    "Snippets",
    "Settings",
    "Users",
    "Groups",
    "Workflows",
    "Workflow tasks",
    "Locked pages",
    "Aging pages",
    "Site history",
    "Page types usage",
    "Collections",
    "Redirects",
    "Account",
    "Log out",
    "Actions",
    "Bulk actions",
    "Edit",
    "Delete",
    "History",
    "Usage",
    "Inspect",
    "Status",
    "Live",
    "Draft",
    "Publish",
    "Unpublish",
    "Approve",
    "Cancel",
    "Save",
    "Add",
    "Create",
    "Filter by",
    "Show filters",
    "Sort by",
    "Select all",
    "Previous",
    "Next",
    "Keyboard shortcuts",
    "Toggle sidebar",
    "Editor Guide",
    "Visible to all",
    "Private",
    "Privacy",
    "Locked",
    "Unlocked",
    "Updated",
    "Created",
    "Title",
    "Name",
    "Email",
    "Username",
    "Last login",
    "Active",
    "Owner",
    "Type",
    "Field",
    "Minimap",
    "Comments",
    "Unknown",
    "There are no",
    "No results",
    "No pages",
    "selected",
    # dates told as elapsed time
    "ago",
    "just now",
    "Just now",
    "minutes",
    "months",
]
WAITING = "Nghị quyết chờ lãnh đạo duyệt"
ENGLISH_PATTERN = re.compile(
    r"(?<![\w-])(" + "|".join(re.escape(text) for text in ENGLISH) + r")(?![\w-])"
)

READ_ALOUD = """() => Array.from(
    document.querySelectorAll("[placeholder], [aria-label], [title]"),
    (element) => [element.getAttribute("placeholder"), element.getAttribute("aria-label"),
                  element.getAttribute("title")].filter(Boolean).join(" | "),
).join("\\n")"""


def english_on(page):
    page.wait_for_load_state("networkidle")
    text = page.inner_text("body") + "\n" + page.evaluate(READ_ALOUD)
    return sorted(set(ENGLISH_PATTERN.findall(text)))


def admin_pages(role):
    """The pages each role works with, built from the demo content."""
    document = Document.objects.filter(live=True).order_by("pk").first()
    draft = Document.objects.get(title=WAITING)
    incoming = IncomingDocument.objects.order_by("pk").first()
    outgoing = OutgoingDocument.objects.order_by("pk").first()
    unit = Unit.objects.order_by("pk").first()
    meeting = Meeting.objects.filter(online=True).first()
    body = IssuingBody.objects.order_by("pk").first()
    event = Event.objects.order_by("pk").first()
    events = "/admin/snippets/schedule/event"
    answered = Question.objects.get(status=Status.ANSWERED)
    received = Question.objects.get(status=Status.RECEIVED)
    contact = StaffContact.objects.order_by("pk").first()
    leaders = LeadershipPage.objects.get()
    from wagtail.models import Page

    from portal.images.models import PortalImage

    article = Page.objects.filter(depth=4).order_by("pk").first()
    section = article.get_parent()
    image = PortalImage.objects.order_by("pk").first()
    documents = "/admin/snippets/documents/document"
    pages = {
        "editor": [
            "/admin/",
            "/admin/pages/",
            f"/admin/pages/{section.pk}/",
            f"/admin/pages/{article.pk}/edit/",
            f"/admin/pages/{article.pk}/history/",
            f"/admin/pages/add/news/articlepage/{section.pk}/",
            f"{documents}/",
            f"{documents}/add/",
            f"{documents}/edit/{draft.pk}/",
            f"{documents}/history/{document.pk}/",
            f"{documents}/sharing/{document.pk}/",
            "/admin/images/",
            f"/admin/images/{image.pk}/",
            "/admin/images/multiple/add/",
            f"/admin/pages/{leaders.pk}/edit/",
            f"/admin/pages/{leaders.get_parent().pk}/",
            f"{events}/",
            f"{events}/add/",
            f"{events}/edit/{event.pk}/",
            f"{events}/history/{event.pk}/",
            "/admin/snippets/comments/comment/",
            "/admin/hoi-dap/",
            f"/admin/hoi-dap/edit/{answered.pk}/",
            "/admin/reports/workflow/",
            "/admin/account/",
        ],
        "approver": [
            "/admin/",
            f"{documents}/edit/{draft.pk}/",
            f"{documents}/workflow_history/{draft.pk}/",
            "/admin/reports/workflow_tasks/",
            "/admin/reports/locked/",
            "/admin/reports/site-history/",
            "/admin/reports/aging-pages/",
            "/admin/meetings/",
            f"/admin/hoi-dap/publish/{answered.pk}/",
            f"/admin/hoi-dap/history/{answered.pk}/",
            f"/admin/pages/{article.pk}/edit/",
        ],
        "clerk": [
            "/admin/",
            "/admin/correspondence/incoming/",
            "/admin/correspondence/incoming/new/",
            f"/admin/correspondence/incoming/edit/{incoming.pk}/",
            f"/admin/correspondence/incoming/inspect/{incoming.pk}/",
            f"/admin/correspondence/incoming/history/{incoming.pk}/",
            f"/admin/correspondence/incoming/routing/{incoming.pk}/",
            "/admin/correspondence/outgoing/",
            "/admin/correspondence/outgoing/new/",
            f"/admin/correspondence/outgoing/edit/{outgoing.pk}/",
            "/admin/correspondence/statistics/",
            "/admin/meetings/",
            "/admin/meetings/new/",
            f"/admin/meetings/edit/{meeting.pk}/",
            "/admin/meetings/statistics/",
            "/admin/snippets/followup/unit/",
            f"/admin/snippets/followup/unit/edit/{unit.pk}/",
            "/admin/snippets/directory/staffcontact/",
            f"/admin/snippets/directory/staffcontact/edit/{contact.pk}/",
            f"/admin/hoi-dap/edit/{received.pk}/",
            f"/admin/hoi-dap/reject/{received.pk}/",
            "/admin/snippets/documents/issuingbody/",
            f"/admin/snippets/documents/issuingbody/edit/{body.pk}/",
        ],
        "admin": [
            "/admin/users/",
            "/admin/users/new/",
            "/admin/groups/",
            "/admin/workflows/list/",
            "/admin/workflows/tasks/index/",
            "/admin/sites/",
        ],
    }
    return pages[role]


@pytest.fixture
def demo(settings):
    """The demo's content and accounts, with one document waiting for approval.

    Loaded in a thread of its own: Playwright's event loop runs in this one,
    and signing the demo's letter starts an event loop of its own.
    """

    def load():
        try:
            call_command("load_demo", verbosity=0)
        finally:
            connections.close_all()

    with ThreadPoolExecutor(max_workers=1) as executor:
        executor.submit(load).result()
    from django.contrib.auth import get_user_model

    from portal.documents.factories import DocumentFactory

    editor = get_user_model().objects.get(username="bientap")
    draft = DocumentFactory(live=False, symbol="199-NQ/TW", title=WAITING)
    draft.save_revision(user=editor)
    draft.get_workflow().start(draft, editor)
    return {
        role: get_user_model().objects.get(username=username)
        for role, username in [
            ("editor", "bientap"),
            ("approver", "duyet"),
            ("clerk", "vanthu"),
            ("admin", "quantri"),
        ]
    }


@pytest.mark.browser
def test_every_role_reads_the_admin_in_vietnamese(browser_page, home_page, demo):
    page = browser_page
    visited, english = 0, {}
    for role, user in demo.items():
        page.context.clear_cookies()
        log_in(page, user, password=DEMO_PASSWORD)
        for url in admin_pages(role):
            response = page.goto(url)
            assert response.status == 200, f"{role} {url}: {response.status}"
            visited += 1
            if found := english_on(page):
                english[f"{role} {url}"] = found
            if url == "/admin/" and role in ("editor", "clerk"):
                screenshot(page, f"admin-{role}-dashboard")
            if role == "editor" and "/document/edit/" in url:
                screenshot(page, "admin-editor-document")
            if role == "clerk" and url.endswith("/incoming/"):
                screenshot(page, "admin-clerk-incoming-register")

    assert visited >= 25
    assert english == {}
