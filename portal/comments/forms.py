from django import forms
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from portal.comments import captcha, limits
from portal.comments.models import Comment, SpentCode
from portal.comments.validators import normalize_phone_number

# Tags the thanks for a sent comment, shown where the form was rather than on top.
SENT_TAG = "comment-sent"


class ReaderSubmissionForm(forms.ModelForm):
    """A reader's form guarded by the security code, a honeypot and a limit per
    address, for a model built on ``ReaderSubmission``."""

    captcha = forms.CharField(
        label=_("Security code"),
        max_length=10,
        help_text=_("Type the characters shown in the image."),
    )
    # Hidden from people by the style sheet; robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)
    rate_limit_message = _(
        "You have sent many comments in a short time. Please try again later."
    )

    def __init__(self, *args, captcha_token=None, ip_address=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.captcha_token = captcha_token
        self.ip_address = ip_address
        self.submission_key = None

    @property
    def submissions(self):
        return self._meta.model.objects

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_captcha(self):
        self.submission_key = captcha.check(
            self.captcha_token,
            self.cleaned_data["captcha"],
            resubmitted=lambda key: self.submissions.filter(
                submission_key=key
            ).exists(),
        )
        if self.submission_key is None:
            raise forms.ValidationError(
                _("The security code is wrong or has expired. Try the new code."),
                code="captcha",
            )
        return ""

    def clean(self):
        cleaned_data = super().clean()
        already_stored = self.submissions.filter(
            submission_key=self.submission_key
        ).exists()
        if not already_stored and limits.limit_reached(
            self._meta.model, self.ip_address
        ):
            raise forms.ValidationError(self.rate_limit_message, code="rate_limit")
        return cleaned_data

    def save_once(self, **values):
        """Store the submission once, its security code spent with it; a
        repeated submit returns the first one.

        Returns (instance, created).
        """
        existing = self.submissions.filter(submission_key=self.submission_key).first()
        if existing:
            return existing, False
        instance = super().save(commit=False)
        for name, value in values.items():
            setattr(instance, name, value)
        instance.ip_address = self.ip_address
        instance.submission_key = self.submission_key
        try:
            with transaction.atomic():
                instance.save()
                SpentCode.objects.spend(self.submission_key)
        except IntegrityError:
            # Both submits arrived at once; the other one stored it.
            return self.submissions.get(submission_key=self.submission_key), False
        limits.count_submission(self._meta.model, self.ip_address)
        return instance, True


class CommentForm(ReaderSubmissionForm):
    class Meta:
        model = Comment
        fields = ["name", "phone", "subject", "body"]

    def clean_phone(self):
        return normalize_phone_number(self.cleaned_data["phone"])

    def save(self, page):
        """Returns (comment, created); see save_once."""
        return self.save_once(page=page)
