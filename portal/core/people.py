"""People as Vietnamese offices name and list them.

A Vietnamese name is written family name first ("Nguyễn Văn An": last_name
"Nguyễn Văn", first_name "An"), and lists of people are sorted by the given
name, then the family name ("Trần Thị Bình" after "Nguyễn Văn An").
"""

from django import forms
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractUser
from django.db import models
from wagtail.admin.forms.models import register_form_field_override

from portal.core.collation import vietnamese


def vietnamese_full_name(user):
    """Family name first. Installed as AbstractUser.get_full_name (see
    CoreConfig.ready), which Wagtail, Django and the portal's templates and
    e-mails all call to name a person."""
    return f"{user.last_name} {user.first_name}".strip()


def install_vietnamese_full_name():
    AbstractUser.get_full_name = vietnamese_full_name


def people_ordering(prefix="", descending=False):
    """order_by() arguments that list people by given name, then family name."""
    fields = [vietnamese(f"{prefix}first_name"), vietnamese(f"{prefix}last_name")]
    return [field.desc() if descending else field.asc() for field in fields]


class PersonChoiceField(forms.ModelChoiceField):
    """A person named as offices name them, the login after it to tell two
    namesakes apart."""

    def label_from_instance(self, user):
        name = user.get_full_name()
        return f"{name} ({user.get_username()})" if name else user.get_username()


def register_people_choices():
    """Every admin form that picks a person (a unit's members, for one) lists
    people by name, in the order of people_ordering()."""
    User = get_user_model()
    register_form_field_override(
        models.ForeignKey,
        to=User,
        override={
            "form_class": PersonChoiceField,
            "queryset": User.objects.order_by(*people_ordering(), "username"),
        },
    )
