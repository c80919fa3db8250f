from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from portal.access.models import AccessLevel
from portal.access.sharing import check_sharing


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
        check_sharing(
            cleaned.get("access"), cleaned.get("groups"), cleaned.get("users")
        )
        return cleaned
