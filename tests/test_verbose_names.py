"""Every model and field of the portal has a Vietnamese name (gettext_lazy
English msgids with their Vietnamese translations), so that listings, forms,
filters and messages built from verbose names read in Vietnamese."""

import re

from django.apps import apps
from django.db import models
from django.utils import translation

PORTAL_APPS = {
    "home",
    "search",
    "core",
    "access",
    "documents",
    "news",
    "comments",
    "images",
    "followup",
    "correspondence",
    "meetings",
    "schedule",
    "questions",
    "accounts",
}


def english(text):
    """True when gettext left the text as it was and it reads as English."""
    with translation.override("en"):
        source = str(text)
    with translation.override("vi"):
        translated = str(text)
    return translated == source and bool(re.fullmatch(r"[A-Za-z ()/.,'-]+", source))


def fields_named_by_libraries(model):
    """Fields a portal model inherits from a library's abstract model (Wagtail's
    image, for one): their names are the library's to translate."""
    return {
        field.name
        for base in model.__mro__[1:]
        if getattr(getattr(base, "_meta", None), "abstract", False)
        and base.__module__.split(".")[0] not in {"portal", "home", "search"}
        for field in base._meta.local_fields + base._meta.private_fields
    }


def test_every_portal_model_and_field_has_a_vietnamese_name(db):
    untranslated = []
    for model in apps.get_models():
        if model._meta.app_label not in PORTAL_APPS:
            continue
        inherited = fields_named_by_libraries(model)
        names = [model._meta.verbose_name, model._meta.verbose_name_plural]
        names += [
            field.verbose_name
            for field in model._meta.get_fields()
            if isinstance(field, models.Field)
            and field.model is model  # not a field of Wagtail's Page table
            and field.editable
            and not field.auto_created
            and field.name not in inherited
        ]
        untranslated += [f"{model.__name__}: {name}" for name in names if english(name)]
    assert untranslated == []
