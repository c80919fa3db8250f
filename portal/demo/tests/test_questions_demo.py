from django.contrib.auth import get_user_model

from portal.demo.accounts import load_accounts
from portal.demo.followup import load_units
from portal.demo.questions import load_questions
from portal.questions.models import Question, Status


def test_the_demo_has_published_answers_one_draft_and_one_new_question(client, db):
    load_accounts()
    load_units()

    assert load_questions() == (6, 2)
    assert load_questions() == (6, 2)  # a second run adds nothing

    listing = client.get("/hoi-dap/").content.decode()
    published = Question.objects.filter(status=Status.PUBLISHED)
    assert published.count() == 4
    assert all(question.title in listing for question in published)
    draft = Question.objects.get(status=Status.ANSWERED)
    assert draft.title not in listing
    # The draft is for the editor's unit, who sees it in the admin.
    editor = get_user_model().objects.get(username="bientap")
    assert Question.objects.handled_by(editor).filter(pk=draft.pk).exists()
    assert Question.objects.get(status=Status.RECEIVED).unit is None
