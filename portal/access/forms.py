from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from portal.access.models import AccessLevel


class SharingForm(forms.Form):
    access = forms.ChoiceField(label=_("Access"), choices=AccessLevel.choices)
    groups = forms.ModelMultipleChoiceField(
        label=_("Shared with groups"),
        queryset=Group.objects.order_by("name"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    users = forms.ModelMultipleChoiceField(
        label=_("Shared with users"),
        queryset=get_user_model().objects.filter(is_active=True).order_by("username"),
        required=False,
        widget=forms.SelectMultiple(attrs={"size": 8}),
    )

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("access") == AccessLevel.RESTRICTED and not (
            cleaned.get("groups") or cleaned.get("users")
        ):
            raise forms.ValidationError(
                _("A restricted item must be shared with at least one group or user.")
            )
        return cleaned
