"""Bulk import of the archive from JSON Lines (see the contract's import format).

Valid rows are saved and indexed in batches; each invalid row is reported with
its line number and reason; a row whose symbol, issuing body and year match an
existing document updates it in place.
"""

import json
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.core.files import File
from django.db import transaction
from django.db.models import Q, prefetch_related_objects
from django.utils import timezone
from django.utils.translation import gettext as _
from guardian.models import GroupObjectPermission, UserObjectPermission
from wagtail.search.backends import get_search_backends

from portal.access.models import AccessLevel
from portal.core.cache import invalidate_anonymous_pages
from portal.core.text import normalize
from portal.documents.models import (
    Attachment,
    Document,
    DocumentRelation,
    IssuingBody,
    SubjectArea,
)
from portal.documents.symbols import Symbol, symbol_key
from portal.documents.types import DocumentType, EffectiveStatus, RelationKind

REQUIRED = ("type", "symbol", "issuer", "issued_on", "title")
ATTACHMENT_SUFFIXES = {".pdf", ".docx"}
BATCH_SIZE = 500


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
        self.files_dir = Path(files_dir) if files_dir else None
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
        with open(path, encoding="utf-8-sig") as lines:
            return self.import_lines(lines)

    def import_lines(self, lines):
        with ExitStack() as stack:
            for backend in self.backends:
                if hasattr(backend, "bulk_loading"):
                    stack.enter_context(backend.bulk_loading(Document))
            return self._import_lines(lines)

    def _import_lines(self, lines):
        batch, done = [], 0
        for number, line in enumerate(lines, start=1):
            if not line.strip():
                continue
            try:
                data = json.loads(line)
                if not isinstance(data, dict):
                    raise ValueError(_("a line must hold one JSON object"))
                batch.append(self.parse(number, data))
            except (ValueError, ValidationError) as error:
                self.report.add_error(number, _message(error))
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

    # -- validating ------------------------------------------------------------

    def parse(self, line, data):
        missing = [key for key in REQUIRED if not str(data.get(key) or "").strip()]
        if missing:
            raise ValidationError(_("missing %(keys)s") % {"keys": ", ".join(missing)})
        document_type = DocumentType.from_name_or_abbreviation(str(data["type"]))
        if document_type is None:
            raise ValidationError(_("unknown document type “%(type)s”") % data)
        symbol = Symbol.parse(str(data["symbol"]))
        try:
            issued_on = date.fromisoformat(str(data["issued_on"]))
        except ValueError:
            raise ValidationError(
                _("issued_on “%(issued_on)s” is not a date like 2022-05-05") % data
            ) from None
        status = data.get("status") or EffectiveStatus.IN_FORCE
        if status not in EffectiveStatus.values:
            raise ValidationError(_("unknown status “%(status)s”") % {"status": status})
        access = data.get("access") or AccessLevel.PUBLIC
        if access not in AccessLevel.values:
            raise ValidationError(_("unknown access “%(access)s”") % {"access": access})
        groups = self._named(Group, "name", data.get("groups", []), _("group"))
        users = self._named(
            get_user_model(), "username", data.get("users", []), _("user")
        )
        if access == AccessLevel.RESTRICTED and not (groups or users):
            raise ValidationError(_("a restricted document needs groups or users"))
        fields = data.get("fields") or []
        if not isinstance(fields, list):
            raise ValidationError(_("fields must be a list"))
        relations = data.get("relations") or []
        for relation in relations:
            if (
                not isinstance(relation, dict)
                or relation.get("kind") not in RelationKind.values
            ):
                raise ValidationError(
                    _("unknown relation “%(relation)s”") % {"relation": relation}
                )
        values = {
            "document_type": document_type,
            "symbol": normalize(str(data["symbol"])).strip(),
            "issuer": self._issuer(str(data["issuer"]), symbol),
            "issued_on": issued_on,
            "title": str(data["title"]),
            "signer": str(data.get("signer") or ""),
            "signer_position": str(data.get("signer_position") or ""),
            "term": str(data.get("term") or ""),
            "status": status,
            "body": str(data.get("body") or ""),
            "access": access,
        }
        if effective_on := data.get("effective_on"):
            values["effective_on"] = date.fromisoformat(str(effective_on))
        return ParsedRow(
            line=line,
            values=values,
            subject_areas=[normalize(str(name)).strip() for name in fields],
            attachments=self._attachment_paths(data.get("attachments") or []),
            groups=groups,
            users=users,
            relations=relations,
        )

    def _issuer(self, name, symbol):
        name = normalize(name).strip()
        issuer = self.issuers.get(name.casefold()) or IssuingBody.find(name)
        if issuer is None:  # unknown issuers are created, as the contract says
            issuer = IssuingBody.objects.create(
                name=name, abbreviation=symbol.issuer_abbreviation
            )
        self.issuers[name.casefold()] = issuer
        return issuer

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
        paths = []
        for name in names:
            path = (self.files_dir / name) if self.files_dir else None
            if path is None or not path.is_file():
                raise ValidationError(
                    _("attachment “%(name)s” not found") % {"name": name}
                )
            if path.suffix.lower() not in ATTACHMENT_SUFFIXES:
                raise ValidationError(
                    _("attachment “%(name)s” is not a PDF or DOCX file")
                    % {"name": name}
                )
            paths.append(path)
        return paths

    # -- saving ----------------------------------------------------------------

    def save_batch(self, rows):
        rows = self._without_duplicate_keys(rows)
        documents = []
        with transaction.atomic():
            existing = self._existing(rows)
            now = timezone.now()
            new, changed = [], []
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
                Document.objects.bulk_update(changed, UPDATED_FIELDS, batch_size=100)
            self._save_subject_areas(documents, replace=bool(changed))
            self._save_sharing(documents)
            self._save_attachments(documents)
        self.report.created += len(new)
        self.report.updated += len(changed)
        saved = [document for _row, document in documents]
        prefetch_related_objects(saved, "attachments")
        for backend in self.backends:
            backend.add_bulk(Document, saved)
        self.pending_relations += [
            (row.line, document, row.relations)
            for row, document in documents
            if row.relations
        ]
        return len(documents)

    def _key(self, row):
        values = row.values
        return (
            symbol_key(values["symbol"]),
            values["issuer"].pk,
            values["issued_on"].year,
        )

    def _without_duplicate_keys(self, rows):
        """Within one batch the last row for a key wins, as it would across batches."""
        by_key = {}
        for row in rows:
            by_key[self._key(row)] = row
        return list(by_key.values())

    def _existing(self, rows):
        """The batch's documents already in the archive, by their identity.

        One exact lookup per key (the unique index answers each), so the cost
        does not grow with the size of the archive.
        """
        keys = {self._key(row) for row in rows}
        identity = Q()
        for key, issuer_id, year in keys:
            identity |= Q(symbol_key=key, issuer_id=issuer_id, issued_year=year)
        return {
            (document.symbol_key, document.issuer_id, document.issued_year): document
            for document in Document.objects.filter(identity).prefetch_related(
                "attachments"
            )
        }

    def _save_subject_areas(self, documents, replace):
        Through = Document.subject_areas.through
        if replace:
            Through.objects.filter(document__in=[d for _r, d in documents]).delete()
        links = []
        for row, document in documents:
            for name in row.subject_areas:
                area = self.subject_areas.get(name)
                if area is None:
                    area = self.subject_areas[name] = SubjectArea.objects.create(
                        name=name
                    )
                links.append(Through(document_id=document.pk, subjectarea_id=area.pk))
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
                DocumentRelation.objects.get_or_create(
                    source=source, target=target, kind=relation["kind"]
                )

    def _find(self, relation):
        issuer = IssuingBody.find(str(relation.get("issuer") or ""))
        documents = Document.objects.filter(
            symbol_key=symbol_key(str(relation.get("symbol") or "")), issuer=issuer
        )
        if year := relation.get("year"):
            documents = documents.filter(issued_year=year)
        return documents.order_by("-issued_on").first()


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


def _message(error):
    if isinstance(error, ValidationError):
        return "; ".join(error.messages)
    return str(error)
