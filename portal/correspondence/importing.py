"""Import an existing register from CSV or XLSX (see docs/import-format.md).
Each good row is registered, in its own transaction; each bad row is reported
with its line number and reason, and the rest go on.
"""

import csv
import io
import re
from datetime import date, datetime
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import DatabaseError, transaction
from django.utils import translation
from django.utils.translation import gettext as _

from portal.access.models import AccessLevel
from portal.core.importing import (
    ImportReport,
    check_storable,
    error_message,
    not_utf8,
    refused,
)
from portal.core.symbols import Symbol
from portal.core.text import fold, normalize
from portal.correspondence.models import (
    Confidentiality,
    IncomingDocument,
    OutgoingDocument,
    Register,
    Urgency,
)
from portal.documents.models import IssuingBody
from portal.documents.types import DocumentType

DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y")
MODELS = {Register.INCOMING: IncomingDocument, Register.OUTGOING: OutgoingDocument}
# Left by undecodable bytes (see _csv_rows).
_SURROGATES = re.compile("[\ud800-\udfff]")
# The csv module's own limit on a cell, applied to both formats alike.
MAX_CELL = csv.field_size_limit()

REQUIRED = {
    Register.INCOMING: ("received_on", "sender", "symbol", "dated", "type", "title"),
    Register.OUTGOING: ("symbol", "released_on", "issuer", "term", "title", "signer"),
}


class UnreadableFile(Exception):
    """The file as a whole cannot be read: no row can be imported."""


def read_rows(path):
    """(line number, {column: value}) for each row under the heading row, or
    (line number, ValidationError) for a row that cannot be read."""
    path = Path(path)
    rows = _xlsx_rows(path) if path.suffix.lower() == ".xlsx" else _csv_rows(path)
    headings = None
    for line, cells in rows:
        if headings is None:
            if isinstance(cells, ValidationError):
                raise UnreadableFile(
                    _("the heading row cannot be read: %(error)s")
                    % {"error": error_message(cells)}
                )
            headings = [str(cell or "").strip().casefold() for cell in cells]
            continue
        if isinstance(cells, ValidationError):
            yield line, cells
            continue
        values = {
            heading: cell.strip() if isinstance(cell, str) else cell
            for heading, cell in zip(headings, cells, strict=False)
            if heading
        }
        if any(value not in (None, "") for value in values.values()):
            try:
                _check_cells(values)
            except ValidationError as error:
                yield line, error
            else:
                yield line, values


def _csv_rows(path):
    # Undecodable bytes become lone surrogates, so that a bad line is found
    # and reported on its own instead of stopping the whole file.
    text = path.read_bytes().decode("utf-8-sig", errors="surrogateescape")
    reader = csv.reader(io.StringIO(text, newline=""))
    while True:
        line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            return
        except csv.Error:
            yield line, _too_long()
            continue
        if any(_SURROGATES.search(cell) for cell in cells):
            yield line, not_utf8()
        else:
            yield line, cells


def _xlsx_rows(path):
    from openpyxl import load_workbook

    try:
        sheet = load_workbook(path, read_only=True, data_only=True).active
        rows = list(sheet.iter_rows(values_only=True))
    except OSError:
        raise  # the file itself cannot be read: the command says so
    except Exception as error:  # a damaged workbook fails in openpyxl in many ways
        raise UnreadableFile(
            _("%(file)s is not an XLSX workbook") % {"file": path.name}
        ) from error
    yield from enumerate(rows, start=1)


def _check_cells(values):
    for column, value in values.items():
        if isinstance(value, str):
            if len(value) > MAX_CELL:
                raise _too_long()
            check_storable(column, value)


def _too_long():
    return ValidationError(
        _("a cell is longer than %(limit)s characters") % {"limit": MAX_CELL}
    )


class RegisterImporter:
    def __init__(self, register):
        self.register = Register(register)
        self.required = REQUIRED[self.register]
        self.model = MODELS[self.register]
        self.report = ImportReport()

    def import_file(self, path):
        for line, row in read_rows(path):
            if isinstance(row, ValidationError):
                self.report.add_error(line, error_message(row))
                continue
            try:
                with transaction.atomic():
                    self.import_row(row)
            except ValidationError as error:
                self.report.add_error(line, error_message(error, self.model))
            except DatabaseError as error:
                self.report.add_error(line, refused(error))
            else:
                self.report.created += 1
        return self.report

    def import_row(self, row):
        missing = [name for name in self.required if not row.get(name)]
        if missing:
            raise ValidationError(
                _("missing %(columns)s") % {"columns": ", ".join(missing)}
            )
        if self.register == Register.INCOMING:
            self.import_incoming(row)
        else:
            self.import_outgoing(row)

    def import_incoming(self, row):
        entry = IncomingDocument(
            received_on=parse_date(row, "received_on"),
            sender=known_body(row["sender"]),
            symbol=text(row, "symbol"),
            dated=parse_date(row, "dated"),
            document_type=document_type(row["type"]),
            title=text(row, "title"),
            recipient=text(row, "recipient"),
            urgency=choice(row, "urgency", Urgency),
            confidentiality=choice(row, "confidentiality", Confidentiality),
            handling_deadline=parse_date(row, "deadline", required=False),
            notes=text(row, "notes"),
        )
        entry.full_clean(exclude=["year", "number"])
        if duplicate := entry.likely_duplicates(
            entry.sender, entry.symbol, entry.dated
        ).first():
            raise ValidationError(
                _("already registered as arrival number %(number)s/%(year)s")
                % {"number": duplicate.number, "year": duplicate.year}
            )
        number = row.get("number")
        entry.register(number=None if number in (None, "") else number)

    def import_outgoing(self, row):
        symbol = Symbol.parse(text(row, "symbol"))
        issuer = known_body(row["issuer"])
        kind = document_type(row.get("type") or symbol.type_abbreviation)
        if (
            fold(issuer.abbreviation).casefold()
            != fold(symbol.issuer_abbreviation).casefold()
        ):
            raise ValidationError(
                _("the symbol’s issuer “%(found)s” is not %(issuer)s")
                % {"found": symbol.issuer_abbreviation, "issuer": issuer}
            )
        entry = OutgoingDocument(
            document_type=kind,
            issuer=issuer,
            term=text(row, "term"),
            title=text(row, "title"),
            signer=text(row, "signer"),
            signer_position=text(row, "signer_position"),
            recipients=text(row, "recipients") or "-",
            copies=row.get("copies") or 1,
            access=choice(row, "access", AccessLevel, AccessLevel.INTERNAL),
            notes=text(row, "notes"),
        )
        entry.full_clean()
        if OutgoingDocument.objects.filter(
            issuer=issuer, document_type=kind, term=entry.term, number=symbol.number
        ).exists():
            raise ValidationError(
                _("%(symbol)s of term %(term)s is already registered")
                % {"symbol": symbol, "term": entry.term}
            )
        entry.register_released(str(symbol), parse_date(row, "released_on"))


def text(row, column):
    return normalize(str(row.get(column) or "")).strip()


def parse_date(row, column, required=True):
    value = row.get(column)
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if value in (None, "") and not required:
        return None
    for date_format in DATE_FORMATS:
        try:
            return datetime.strptime(str(value).strip(), date_format).date()
        except ValueError:
            continue
    raise ValidationError(
        _("%(column)s “%(value)s” is not a date like 2026-03-05 or 05/03/2026")
        % {"column": column, "value": value}
    )


def known_body(name):
    body = IssuingBody.find(normalize(str(name)))
    if body is None:
        raise ValidationError(_("unknown body “%(name)s”") % {"name": name})
    return body


def document_type(name):
    found = DocumentType.from_name_or_abbreviation(str(name))
    if found is None:
        raise ValidationError(_("unknown document type “%(type)s”") % {"type": name})
    return found


def choice(row, column, choices, default=None):
    """A choice by its value or its label in Vietnamese or English; the first
    choice (or ``default``) when the cell is empty."""
    value = text(row, column)
    if not value:
        return default or choices.values[0]
    wanted = fold(value).casefold()
    for member in choices:
        labels = [member.value]
        for language in ("vi", "en"):
            with translation.override(language):
                labels.append(str(member.label))
        if wanted in {fold(label).casefold() for label in labels}:
            return member.value
    raise ValidationError(
        _("unknown %(column)s “%(value)s”") % {"column": column, "value": value}
    )
