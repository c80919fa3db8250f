"""What the importers share: the report of rejected rows, and the checks on raw
input that come before any model sees it.

A row's values are checked by the model they become (``full_clean``); what is
checked here is what no model can be asked about, because the database would
fail on it first: text that is not UTF-8, NUL characters and unpaired
surrogates, which PostgreSQL cannot store or even compare.
"""

import re
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.utils.translation import gettext as _

_UNSTORABLE = re.compile("[\x00\ud800-\udfff]")


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0
    errors: list = field(default_factory=list)  # (line number, reason)

    def add_error(self, line, reason):
        self.errors.append((line, str(reason)))

    @property
    def saved(self):
        return self.created + self.updated

    def write_errors(self, stream, path=None):
        """Each rejected row as "line N: reason", to the stream and to ``path``."""
        lines = [f"line {line}: {reason}" for line, reason in self.errors]
        for line in lines:
            stream.write(line)
        if path:
            with open(path, "w", encoding="utf-8") as out:
                out.write("\n".join(lines) + ("\n" if lines else ""))


def not_utf8():
    return ValidationError(_("the line is not valid UTF-8 text"), code="encoding")


def refused(error):
    """The reason given for a row the database refused."""
    return _("the database refused the row: %(error)s") % {"error": error}


def check_storable(name, value):
    """Refuse text that the database cannot hold, naming where it was found."""
    if isinstance(value, str) and _UNSTORABLE.search(value):
        raise ValidationError(
            _(
                "%(name)s holds a character that cannot be stored "
                "(NUL or an unpaired surrogate)"
            )
            % {"name": name},
            code="unstorable",
        )


def error_message(error, model=None):
    """A ValidationError as one line, each field's errors after the field's name."""
    if not hasattr(error, "error_dict"):
        return "; ".join(error.messages)
    parts = []
    for name, messages in error.message_dict.items():
        text = " ".join(messages)
        if name != NON_FIELD_ERRORS:
            parts.append(f"{_field_label(model, name)}: {text}")
        else:
            parts.append(text)
    return "; ".join(parts)


def _field_label(model, name):
    try:
        return str(model._meta.get_field(name).verbose_name)
    except (AttributeError, FieldDoesNotExist):
        return name
