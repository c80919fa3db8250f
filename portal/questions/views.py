from django.contrib import messages
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from portal.comments import captcha
from portal.core.cache import keep_for_query
from portal.core.proxies import client_ip
from portal.questions.forms import AnswerFilterForm, LookupForm, QuestionForm
from portal.questions.models import Question
from portal.questions.tasks import notify_office

PER_PAGE = 20


def answers(request):
    """The published answers, by subject area and words."""
    form = AnswerFilterForm(request.GET)
    questions = form.filter(Question.objects.published().select_related("subject_area"))
    for error in form.error_list():
        messages.error(request, error)
    results = Paginator(questions.order_by("-published_at", "-pk"), PER_PAGE).get_page(
        request.GET.get("page")
    )
    response = TemplateResponse(
        request, "questions/question_list.html", {"form": form, "results": results}
    )
    return keep_for_query(response, "page", *form.fields)


def detail(request, pk):
    question = get_object_or_404(
        Question.objects.published().select_related("subject_area", "unit"), pk=pk
    )
    return TemplateResponse(
        request, "questions/question_detail.html", {"question": question}
    )


# No CSRF token on these public forms, as on the comment form: the pages stay
# the same for every reader and can be cached. Sending is guarded by the
# security code; looking up changes nothing.
@csrf_exempt
@require_http_methods(["GET", "POST"])
def ask(request):
    if request.method == "GET":
        return TemplateResponse(
            request, "questions/question_form.html", {"form": QuestionForm()}
        )
    form = QuestionForm(
        request.POST,
        captcha_token=request.COOKIES.get(captcha.COOKIE_NAME),
        ip_address=client_ip(request),
    )
    if form.is_valid():
        question, created = form.save()
        if created:
            notify_office.enqueue(question.pk)
        # The code is shown here only; a repeated submit shows it again.
        response = TemplateResponse(
            request, "questions/question_sent.html", {"question": question}
        )
    else:
        response = TemplateResponse(
            request, "questions/question_form.html", {"form": form}
        )
    add_never_cache_headers(response)
    return response


@csrf_exempt
@require_http_methods(["GET", "POST"])
def lookup(request):
    """The status of a question, and its answer once published; never the
    sender's contact details."""
    form = LookupForm(request.POST or None)
    question = None
    if form.is_valid():
        # The code is not written back into the page.
        question, form = form.question, LookupForm()
    response = TemplateResponse(
        request, "questions/question_lookup.html", {"form": form, "question": question}
    )
    if request.method == "POST":
        add_never_cache_headers(response)
    return response
