from django import forms
from django.utils.translation import gettext_lazy as _

from portal.comments.forms import ReaderSubmissionForm
from portal.core.forms import QueryStringForm
from portal.documents.models import SubjectArea
from portal.questions.models import Question, normalize_contact


class QuestionForm(ReaderSubmissionForm):
    rate_limit_message = _(
        "You have sent many questions in a short time. Please try again later."
    )

    class Meta:
        model = Question
        fields = ["kind", "name", "contact", "subject_area", "title", "body"]
        widgets = {"kind": forms.RadioSelect, "body": forms.Textarea(attrs={"rows": 6})}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["subject_area"].empty_label = _("Choose a subject area")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["captcha"].widget.attrs["autocomplete"] = "off"

    def clean_contact(self):
        return normalize_contact(self.cleaned_data["contact"])

    def save(self):
        """Returns (question, created); see save_once."""
        return self.save_once()


class LookupForm(forms.Form):
    code = forms.CharField(
        label=_("Look-up code"),
        max_length=40,
        help_text=_(
            "The code shown when you sent your question, e.g. ACDE-FGHJ-KMNP-QRTU."
        ),
    )

    def clean_code(self):
        code = self.cleaned_data["code"]
        self.question = Question.objects.with_lookup_code(code)
        if self.question is None:
            raise forms.ValidationError(
                _("No question has this code. Check the code and try again."),
                code="unknown",
            )
        return code


class AnswerFilterForm(QueryStringForm):
    """The public listing's filters: a subject area and words (accents optional)."""

    q = forms.CharField(label=_("Search the answers"), max_length=200, required=False)
    linh_vuc = forms.ModelChoiceField(
        label=_("Subject area"),
        queryset=SubjectArea.objects.filter(questions__status="published").distinct(),
        required=False,
        empty_label=_("All subject areas"),
        error_messages={"invalid_choice": _("This subject area does not exist.")},
    )

    def filter(self, questions):
        # A wrong value is left out of cleaned_data (and reported); the rest apply.
        self.is_valid()
        data = self.cleaned_data
        if data.get("linh_vuc"):
            questions = questions.filter(subject_area=data["linh_vuc"])
        if data.get("q"):
            questions = questions.search(data["q"])
        return questions
