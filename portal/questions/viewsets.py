"""Questions in the admin: the office assigns, units draft, approvers publish."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.panels import FieldPanel, HelpPanel, ObjectList
from wagtail.admin.ui.tables import DateColumn
from wagtail.admin.views import generic
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.admin.widgets.button import Button

from portal.core.admin_guards import GuardedViewSetMixin
from portal.core.admin_menu import counting_menu_item
from portal.questions.models import Question, Status


class QuestionIndexView(generic.IndexView):
    def get_base_queryset(self):
        return Question.objects.handled_by(self.request.user).select_related(
            "subject_area", "unit"
        )


class QuestionEditView(generic.EditView):
    """Saving is a step of the question's way: assigning it to a unit, drafting
    its answer, each checked, logged and notified by the model."""

    def save_instance(self):
        question = self.form.instance
        user = self.request.user
        if "unit" in self.form.changed_data:
            question.assign(question.unit, user)
        if "answer" in self.form.changed_data:
            question.draft_answer(question.answer, user)
        return question

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ValidationError as error:
            form.add_error(None, error)
            self.produced_error_message = self.get_error_message()
            return self.form_invalid(form)

    @cached_property
    def header_more_buttons(self):
        buttons = super().header_more_buttons
        for step in STEPS:
            if step.is_offered(self.request.user, self.object):
                buttons.append(
                    Button(
                        step.label,
                        url=reverse(
                            f"reader_questions:{step.name}", args=[self.object.pk]
                        ),
                        icon_name=step.icon,
                        priority=5,
                    )
                )
        return buttons


class QuestionStepView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm, then take the question one step: publish, unpublish or reject."""

    template_name = "questions/admin/confirm_step.html"
    name = None
    label = None
    icon = None
    permission = None
    allowed_from = ()
    success_message = None
    header_icon = "help"

    @classmethod
    def is_offered(cls, user, question):
        return user.has_perm(cls.permission) and question.status in cls.allowed_from

    def dispatch(self, request, pk):
        self.question = get_object_or_404(
            Question.objects.handled_by(request.user), pk=pk
        )
        if not self.is_offered(request.user, self.question):
            raise PermissionDenied
        return super().dispatch(request)

    def get_page_title(self):
        return self.label

    def get_page_subtitle(self):
        return self.question.title

    def get_context_data(self, **kwargs):
        return super().get_context_data(question=self.question, step=self, **kwargs)

    def post(self, request):
        try:
            getattr(self.question, self.name)(request.user)
        except ValidationError as error:
            for message in error.messages:
                messages.error(request, message)
        else:
            messages.success(request, self.success_message)
        return redirect("reader_questions:edit", self.question.pk)


class PublishView(QuestionStepView):
    name = "publish"
    label = _("Publish the answer")
    icon = "upload"
    permission = "questions.publish_question"
    allowed_from = (Status.ANSWERED, Status.PUBLISHED)
    success_message = _("The answer is published.")


class UnpublishView(QuestionStepView):
    name = "unpublish"
    label = _("Unpublish the answer")
    icon = "download"
    permission = "questions.publish_question"
    allowed_from = (Status.PUBLISHED,)
    success_message = _("The answer is no longer public.")


class RejectView(QuestionStepView):
    name = "reject"
    label = _("Do not accept")
    icon = "cross"
    permission = "questions.assign_question"
    allowed_from = (Status.RECEIVED, Status.ASSIGNED, Status.ANSWERED)
    success_message = _("The question is marked as not accepted.")


STEPS = [PublishView, UnpublishView, RejectView]


class QuestionViewSet(GuardedViewSetMixin, ModelViewSet):
    model = Question
    name = "reader_questions"
    url_prefix = "hoi-dap"
    icon = "help"
    menu_label = _("Questions and feedback")
    menu_order = 260
    add_to_admin_menu = True
    index_view_class = QuestionIndexView
    edit_view_class = QuestionEditView
    copy_view_enabled = False
    inspect_view_enabled = False
    list_display = [
        "title",
        "subject_area",
        "unit",
        "status",
        DateColumn("created_at", label=_("sent at")),
    ]
    list_filter = ["status", "kind", "subject_area", "unit"]
    search_fields = ["title", "body", "name"]
    search_backend_name = None
    ordering = ["-created_at"]
    edit_handler = ObjectList(
        [
            HelpPanel(
                template="questions/admin/question_panel.html",
                heading=_("The reader's question"),
            ),
            FieldPanel(
                "unit", permission="questions.assign_question", widget=forms.Select
            ),
            FieldPanel("answer"),
        ]
    )

    def get_queryset(self, request):
        return Question.objects.handled_by(request.user)

    @property
    def menu_item_class(self):
        return counting_menu_item(
            super().menu_item_class,
            lambda user: Question.objects.waiting_for(user).count(),
        )

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(f"{step.name}/<int:pk>/", step.as_view(), name=step.name)
            for step in STEPS
        ]
