"""Bulk import of the archive from JSON Lines (see docs/import-format.md).

Each row becomes a ``Document`` checked by the model's own validation; an
invalid row is reported with its line number and reason, and the others go on.
Valid rows are saved and indexed in batches; a row whose symbol, issuing body,
year and term match an existing document updates it in place. Should the database
still refuse a batch, it is saved again row by row, each in its own savepoint:
on PostgreSQL a failed statement aborts its whole transaction, and one row must
never cost the others theirs.
"""

import json
import reprlib
from contextlib import ExitStack
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import DatabaseError, connections, transaction
from django.db.models import prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.search.backends import get_search_backends

from portal.access.models import AccessLevel
from portal.access.sharing import check_sharing
from portal.core.cache import invalidate_anonymous_pages
from portal.core.importing import (
    ImportReport,
    check_storable,
    error_message,
    not_utf8,
    refused,
)
from portal.core.symbols import symbol_key
from portal.core.text import normalize
from portal.documents.models import (
    Attachment,
    Document,
    DocumentRelation,
    IssuingBody,
    SubjectArea,
)
from portal.documents.models.document import IDENTITY_FIELDS
from portal.documents.types import DocumentType, EffectiveStatus, RelationKind

REQUIRED = ("type", "symbol", "issuer", "issued_on", "title")
BATCH_SIZE = 500
# Set by the importer, not read from the row.
DERIVED_FIELDS = ["symbol_key", "number", "issued_year", "search_text", "search_title"]


@dataclass
class ParsedRow:
    line: int
    values: dict
    subject_areas: list
    attachments: list
    groups: list
    users: list
    relations: list


class DocumentImporter:
    def __init__(self, files_dir=None, batch_size=BATCH_SIZE, progress=None):
        self.files_dir = Path(files_dir).resolve() if files_dir else None
        self.batch_size = batch_size
        self.progress = progress or (lambda done: None)
        self.report = ImportReport()
        self.issuers = {
            body.name.casefold(): body for body in IssuingBody.objects.all()
        }
        self.subject_areas = {area.name: area for area in SubjectArea.objects.all()}
        self.pending_relations = []  # (line, source document, relation dicts)
        self.backends = list(get_search_backends())

    # -- reading ---------------------------------------------------------------

    def import_file(self, path):
        with open(path, "rb") as lines:
            return self.import_lines(lines)

    def import_lines(self, lines):
        """Import lines of text, or of UTF-8 bytes as read from a file."""
        with ExitStack() as stack:
            for backend in self.backends:
                if hasattr(backend, "bulk_loading"):
                    stack.enter_context(backend.bulk_loading(Document))
            return self._import_lines(lines)

    def _import_lines(self, lines):
        batch, done = [], 0
        for number, line in enumerate(lines, start=1):
            try:
                row = self.read(number, line)
            except ValidationError as error:
                self.report.add_error(number, error_message(error, Document))
                continue
            except DatabaseError as error:  # creating its issuer or subject area
                self.report.add_error(number, refused(error))
                continue
            if row is None:
                continue
            batch.append(row)
            if len(batch) >= self.batch_size:
                done += self.save_batch(batch)
                self.progress(done)
                batch = []
        if batch:
            done += self.save_batch(batch)
            self.progress(done)
        self.save_relations()
        # Rows were saved in bulk, without the signals that retire cached pages.
        invalidate_anonymous_pages()
        return self.report

    def read(self, line, text):
        """The parsed row of a line, None for a blank one, or ValidationError."""
        if isinstance(text, bytes):
            try:
                text = text.decode("utf-8-sig" if line == 1 else "utf-8")
            except UnicodeDecodeError:
                raise not_utf8() from None
        if not text.strip():
            return None
        try:
            data = json.loads(text)
        except (ValueError, RecursionError):
            data = None
        if not isinstance(data, dict):
            raise ValidationError(_("a line must hold one JSON object"))
        return self.parse(line, data)

    # -- validating ------------------------------------------------------------

    def parse(self, line, data):
        for key, value in data.items():
            for text in _strings(value):
                check_storable(key, text)
        values = {key: _text(data, key) for key in TEXT_KEYS}
        missing = [key for key in REQUIRED if not values[key]]
        if missing:
            raise ValidationError(_("missing %(keys)s") % {"keys": ", ".join(missing)})
        document_type = DocumentType.from_name_or_abbreviation(values["type"])
        if document_type is None:
            raise ValidationError(
                _("unknown document type “%(type)s”") % {"type": values["type"]}
            )
        issuer = self._issuer(values["issuer"])
        document = Document(
            document_type=document_type,
            symbol=values["symbol"],
            issuer=issuer,
            issued_on=_date(values, "issued_on"),
            effective_on=_date(values, "effective_on"),
            title=values["title"],
            signer=values["signer"],
            signer_position=values["signer_position"],
            term=values["term"],
            body=_text(data, "body", strip=False),
            status=values["status"] or EffectiveStatus.IN_FORCE,
            access=values["access"] or AccessLevel.PUBLIC,
        )
        # The model's own rules: lengths, choices, the symbol's shape and type,
        # dates. Identity is the importer's (an existing document is updated).
        document.full_clean(
            exclude=["issuer", *DERIVED_FIELDS],
            validate_unique=False,
            validate_constraints=False,
        )
        groups = self._named(Group, "name", _names(data, "groups"), _("group"))
        users = self._named(
            get_user_model(), "username", _names(data, "users"), _("user")
        )
        check_sharing(document.access, groups, users)
        subject_areas = [self._subject_area(name) for name in _names(data, "fields")]
        relations = _relations(data)
        attachments = self._attachment_paths(_names(data, "attachments"))
        if issuer.pk is None:
            self._save_issuer(issuer, document)
        return ParsedRow(
            line=line,
            values={
                name: getattr(document, name)
                for name in UPDATED_FIELDS
                if name not in DERIVED_FIELDS and name != "last_published_at"
            },
            subject_areas=[self._save_subject_area(area) for area in subject_areas],
            attachments=attachments,
            groups=groups,
            users=users,
            relations=relations,
        )

    def _issuer(self, name):
        """A known body, or a new one (saved once the row proved valid)."""
        issuer = self.issuers.get(name.casefold()) or IssuingBody.find(name)
        if issuer is not None:
            self.issuers[name.casefold()] = issuer
        return issuer or IssuingBody(name=name)

    def _save_issuer(self, issuer, document):
        """Unknown issuers are created, as the import format says, with the
        abbreviation their symbol uses."""
        issuer.abbreviation = document.parsed_symbol.issuer_abbreviation
        try:
            issuer.full_clean()
        except ValidationError as error:
            raise ValidationError(
                {"issuer": error_message(error, IssuingBody)}
            ) from None
        with transaction.atomic():
            issuer.save()
        self.issuers[issuer.name.casefold()] = issuer

    def _subject_area(self, name):
        area = self.subject_areas.get(name) or SubjectArea(name=name)
        if area.pk is None:
            try:
                area.full_clean(validate_unique=False)
            except ValidationError as error:
                raise ValidationError(
                    {"subject_areas": error_message(error, SubjectArea)}
                ) from None
        return area

    def _save_subject_area(self, area):
        if area.pk is None:
            with transaction.atomic():
                area.save()
            self.subject_areas[area.name] = area
        return area

    def _named(self, model, attribute, names, kind):
        if not names:
            return []
        found = {
            getattr(item, attribute): item
            for item in model.objects.filter(**{f"{attribute}__in": names})
        }
        unknown = [name for name in names if name not in found]
        if unknown:
            raise ValidationError(
                _("unknown %(kind)s: %(names)s")
                % {"kind": kind, "names": ", ".join(unknown)}
            )
        return list(found.values())

    def _attachment_paths(self, names):
        """The attachments' files, which must lie inside the files folder (after
        following links) and pass the model's checks on an attachment, the
        kind of file judged by its content among them."""
        paths = []
        for name in names:
            path = self._inside_files_dir(name)
            with path.open("rb") as handle:
                attachment = Attachment(
                    title=path.stem, file=File(handle, name=path.name)
                )
                try:
                    attachment.full_clean(exclude=["document"])
                except ValidationError as error:
                    raise ValidationError(
                        f"{Attachment._meta.verbose_name} {name}: "
                        f"{error_message(error, Attachment)}"
                    ) from None
            paths.append(path)
        return paths

    def _inside_files_dir(self, name):
        not_found = ValidationError(
            _("attachment “%(name)s” not found") % {"name": name}
        )
        if self.files_dir is None:
            raise not_found
        try:
            path = (self.files_dir / name).resolve()
        except (OSError, RuntimeError, ValueError):
            raise not_found from None
        if not path.is_relative_to(self.files_dir):
            raise ValidationError(
                _("attachment “%(name)s” lies outside the files folder")
                % {"name": name}
            )
        try:
            if path.is_file():
                return path
        except OSError:
            pass
        raise not_found

    # -- saving ----------------------------------------------------------------

    def save_batch(self, rows):
        """Save the rows in one transaction or, if the database refuses it, each
        in a savepoint of its own; the number saved."""
        rows = self._without_duplicate_keys(rows)
        try:
            with transaction.atomic():
                new, changed, documents = self._save_rows(rows)
        except DatabaseError as error:
            if len(rows) > 1:
                return sum(self.save_batch([row]) for row in rows)
            self.report.add_error(rows[0].line, refused(error))
            return 0
        self.report.created += len(new)
        self.report.updated += len(changed)
        saved = [document for _row, document in documents]
        # What the index entries read, in two queries for the whole batch.
        prefetch_related_objects(saved, "attachments", "subject_areas")
        for backend in self.backends:
            backend.add_bulk(Document, saved)
        self.pending_relations += [
            (row.line, document, row.relations)
            for row, document in documents
            if row.relations
        ]
        return len(documents)

    def _save_rows(self, rows):
        existing = self._existing(rows)
        now = timezone.now()
        new, changed, documents = [], [], []
        for row in rows:
            document = existing.get(self._key(row)) or Document(
                live=True, first_published_at=now
            )
            for name, value in row.values.items():
                setattr(document, name, value)
            document.last_published_at = now
            document.fill_derived_fields()
            (changed if document.pk else new).append(document)
            documents.append((row, document))
        Document.objects.bulk_create(new)
        if changed:
            update_in_place(changed, UPDATED_FIELDS)
        self._save_subject_areas(documents, replace=bool(changed))
        self._save_sharing(documents)
        self._save_attachments(documents)
        return new, changed, documents

    def _key(self, row):
        values = row.values
        return Document.identity_of(
            values["symbol"], values["issuer"].pk, values["issued_on"], values["term"]
        )

    def _without_duplicate_keys(self, rows):
        """Within one batch the last row for a key wins, as it would across batches."""
        by_key = {}
        for row in rows:
            by_key[self._key(row)] = row
        return list(by_key.values())

    def _existing(self, rows):
        """The batch's documents already in the archive, by their identity.

        Candidates are found by symbol and year through the unique index, and
        matched on the whole identity here: one condition per key would cost
        more to build and plan than the lookup itself. Only the matches are
        read whole.
        """
        keys = {self._key(row) for row in rows}
        candidates = Document.objects.filter(
            symbol_key__in={key[0] for key in keys},
            issued_year__in={key[2] for key in keys},
        ).values_list("pk", *IDENTITY_FIELDS)
        pks = [pk for pk, *identity in candidates if tuple(identity) in keys]
        if not pks:
            return {}
        return {
            document.identity: document
            for document in Document.objects.filter(pk__in=pks).prefetch_related(
                "attachments"
            )
        }

    def _save_subject_areas(self, documents, replace):
        Through = Document.subject_areas.through
        if replace:
            Through.objects.filter(document__in=[d for _r, d in documents]).delete()
        links = [
            Through(document_id=document.pk, subjectarea_id=area.pk)
            for row, document in documents
            for area in row.subject_areas
        ]
        Through.objects.bulk_create(links, ignore_conflicts=True)

    def _save_sharing(self, documents):
        """Replace each shared row's grants; created in bulk, since the batch is
        indexed as a whole afterwards."""
        shared = [(row, doc) for row, doc in documents if row.groups or row.users]
        if not shared:
            return
        content_type = ContentType.objects.get_for_model(Document)
        permission = Permission.objects.get(
            content_type=content_type, codename=Document.view_codename()
        )
        object_pks = [str(document.pk) for _row, document in shared]
        for model in (GroupObjectPermission, UserObjectPermission):
            model.objects.filter(
                content_type=content_type, object_pk__in=object_pks
            ).delete()
        common = {"content_type": content_type, "permission": permission}
        GroupObjectPermission.objects.bulk_create(
            GroupObjectPermission(group=group, object_pk=str(doc.pk), **common)
            for row, doc in shared
            for group in row.groups
        )
        UserObjectPermission.objects.bulk_create(
            UserObjectPermission(user=user, object_pk=str(doc.pk), **common)
            for row, doc in shared
            for user in row.users
        )

    def _save_attachments(self, documents):
        for row, document in documents:
            if not row.attachments:
                continue
            document.attachments.all().delete()
            for order, path in enumerate(row.attachments):
                with path.open("rb") as handle:
                    attachment = Attachment(
                        document=document, sort_order=order, title=path.stem
                    )
                    attachment.file.save(path.name, File(handle), save=False)
                    attachment.save()
            # the index entry needs the attachments' text too
            document.fill_derived_fields()
            Document.objects.filter(pk=document.pk).update(
                search_text=document.search_text
            )

    def save_relations(self):
        """Relations last, so that a row may point at a row further down the file."""
        for line, source, relations in self.pending_relations:
            for relation in relations:
                target = self._find(relation)
                if target is None:
                    self.report.add_error(
                        line,
                        _("related document %(symbol)s of %(issuer)s not found")
                        % {
                            "symbol": relation.get("symbol"),
                            "issuer": relation.get("issuer"),
                        },
                    )
                    continue
                try:
                    related, _created = DocumentRelation.objects.get_or_create(
                        source=source, target=target, kind=relation["kind"]
                    )
                except DatabaseError as error:
                    self.report.add_error(line, refused(error))
                else:
                    related.take_effect()

    def _find(self, relation):
        issuer = IssuingBody.find(relation["issuer"])
        documents = Document.objects.filter(
            symbol_key=symbol_key(relation["symbol"]), issuer=issuer
        )
        if year := relation.get("year"):
            documents = documents.filter(issued_year=year)
        return documents.order_by("-issued_on").first()


def update_in_place(documents, names):
    """Write the named fields of saved documents in one statement,
    ``WITH v AS (VALUES …) UPDATE … FROM v``: Django's ``bulk_update`` builds a
    ``CASE`` per field and row, which costs more than the update itself."""
    connection = connections[Document.objects.db]
    quote = connection.ops.quote_name
    fields = [Document._meta.get_field(name) for name in names]
    pk = Document._meta.pk

    def placeholder(field):
        # PostgreSQL reads VALUES parameters as text; SQLite's CAST to a date
        # would make it a number, and its columns take any type.
        if connection.vendor == "postgresql":
            return f"CAST(%s AS {field.db_type(connection)})"
        return "%s"

    row = f"({', '.join(placeholder(field) for field in [pk, *fields])})"
    table = quote(Document._meta.db_table)
    names = ", ".join(quote(field.column) for field in [pk, *fields])
    assignments = ", ".join(
        f"{quote(field.column)} = v.{quote(field.column)}" for field in fields
    )
    params = [
        field.get_db_prep_save(getattr(document, field.attname), connection)
        for document in documents
        for field in [pk, *fields]
    ]
    with connection.cursor() as cursor:
        cursor.execute(
            f"WITH v ({names}) AS (VALUES {', '.join([row] * len(documents))}) "
            f"UPDATE {table} SET {assignments} FROM v "
            f"WHERE {table}.{quote(pk.column)} = v.{quote(pk.column)}",
            params,
        )


UPDATED_FIELDS = [
    "document_type",
    "symbol",
    "symbol_key",
    "number",
    "issuer",
    "issued_on",
    "issued_year",
    "effective_on",
    "signer",
    "signer_position",
    "term",
    "title",
    "body",
    "status",
    "access",
    "search_text",
    "search_title",
    "last_published_at",
]


# Keys read as text: strings, or numbers written without quotes.
TEXT_KEYS = (
    "type",
    "symbol",
    "issuer",
    "issued_on",
    "effective_on",
    "title",
    "signer",
    "signer_position",
    "term",
    "status",
    "access",
)


def _strings(value):
    """Every string in a JSON value, however deeply nested (without recursion,
    as deep as the JSON parser allows)."""
    pending = [value]
    while pending:
        value = pending.pop()
        if isinstance(value, str):
            yield value
        elif isinstance(value, dict):
            pending += [*value.keys(), *value.values()]
        elif isinstance(value, list):
            pending += value


def _text(data, key, strip=True):
    value = data.get(key)
    if value is None:
        return ""
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise ValidationError(_("%(key)s must be text") % {"key": key})
    text = normalize(str(value))
    return text.strip() if strip else text


def _names(data, key):
    value = data.get(key)
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(name, str) for name in value):
        raise ValidationError(_("%(key)s must be a list of names") % {"key": key})
    return [normalize(name).strip() for name in value]


def _date(values, key):
    if not values[key]:
        return None
    try:
        return date.fromisoformat(values[key])
    except ValueError:
        raise ValidationError(
            _("%(field)s “%(value)s” is not a date like 2022-05-05")
            % {
                "field": Document._meta.get_field(key).verbose_name,
                "value": values[key],
            }
        ) from None


def _relations(data):
    relations = data.get("relations")
    if relations is None:
        return []
    if not isinstance(relations, list):
        raise ValidationError(_("relations must be a list"))
    for relation in relations:
        if not (
            isinstance(relation, dict)
            and relation.get("kind") in RelationKind.values
            and isinstance(relation.get("symbol"), str)
            and isinstance(relation.get("issuer"), str)
            and _is_year(relation.get("year"))
        ):
            raise ValidationError(
                _("unknown relation “%(relation)s”")
                % {"relation": reprlib.repr(relation)}
            )
    return relations


def _is_year(value):
    return value is None or (
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999
    )
