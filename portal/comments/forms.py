from django import forms
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from portal.comments import captcha
from portal.comments.models import Comment
from portal.comments.validators import normalize_phone_number

# Tags the thanks for a sent comment, shown where the form was rather than on top.
SENT_TAG = "comment-sent"


class CommentForm(forms.ModelForm):
    captcha = forms.CharField(
        label=_("Security code"),
        max_length=10,
        help_text=_("Type the characters shown in the image."),
    )
    # Hidden from people by the style sheet; robots fill it in.
    website = forms.CharField(label=_("Leave this field empty"), required=False)

    class Meta:
        model = Comment
        fields = ["name", "phone", "subject", "body"]

    def __init__(self, *args, captcha_token=None, ip_address=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.captcha_token = captcha_token
        self.ip_address = ip_address
        self.submission_key = None

    def clean_phone(self):
        return normalize_phone_number(self.cleaned_data["phone"])

    def clean_website(self):
        if self.cleaned_data["website"]:
            raise forms.ValidationError(_("Leave this field empty."))
        return ""

    def clean_captcha(self):
        self.submission_key = captcha.check(
            self.captcha_token, self.cleaned_data["captcha"]
        )
        if self.submission_key is None:
            raise forms.ValidationError(
                _("The security code is wrong or has expired. Try the new code."),
                code="captcha",
            )
        return ""

    def clean(self):
        cleaned_data = super().clean()
        recent = Comment.objects.recent_from(self.ip_address)
        already_stored = recent.filter(submission_key=self.submission_key).exists()
        if not already_stored and recent.count() >= settings.COMMENTS_RATE_LIMIT:
            raise forms.ValidationError(
                _(
                    "You have sent many comments in a short time. Please try again later."
                ),
                code="rate_limit",
            )
        return cleaned_data

    def save(self, page):
        """Store the comment once; a repeated submit returns the first one.

        Returns (comment, created).
        """
        existing = Comment.objects.filter(submission_key=self.submission_key).first()
        if existing:
            return existing, False
        comment = super().save(commit=False)
        comment.page = page
        comment.ip_address = self.ip_address
        comment.submission_key = self.submission_key
        try:
            with transaction.atomic():
                comment.save()
        except IntegrityError:
            # Both submits arrived at once; the other one stored it.
            return Comment.objects.get(submission_key=self.submission_key), False
        return comment, True
