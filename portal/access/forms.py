from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils.translation import gettext_lazy as _

from portal.access.models import AccessLevel
from portal.access.people import person_labels
from portal.access.sharing import check_sharing
from portal.core.collation import vietnamese
from portal.core.people import people_ordering


class SharingForm(forms.Form):
    access = forms.ChoiceField(label=_("Access"), choices=AccessLevel.choices)
    groups = forms.ModelMultipleChoiceField(
        label=_("Shared with groups"),
        queryset=Group.objects.order_by(vietnamese("name")),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    users = forms.ModelMultipleChoiceField(
        label=_("Shared with users"),
        queryset=get_user_model()
        .objects.filter(is_active=True)
        .order_by(*people_ordering(), "username"),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        users = self.fields["users"]
        labels = person_labels(users.queryset)
        users.label_from_instance = lambda user: labels.get(user.pk, str(user))

    def clean(self):
        cleaned = super().clean()
        check_sharing(
            cleaned.get("access"), cleaned.get("groups"), cleaned.get("users")
        )
        return cleaned
