"""Signing a draft with the keys of portal.signing: the signer's signature on
the PDF the steps approved, then, at release, the organisation's over the
number and date the outgoing register gives. Each is an incremental update,
so neither invalidates the other; the PIN is passed through and kept nowhere.
"""

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import formats
from django.utils.translation import gettext as _
from django.views.decorators.debug import sensitive_variables

from portal.correspondence.models import OutgoingDocument
from portal.signing import services
from portal.signing.models import SigningKey


def signer_keys(user):
    return SigningKey.objects.filter(owner=user, active=True)


def organisation_keys():
    return SigningKey.objects.filter(owner__isnull=True, active=True)


@sensitive_variables("pin")
def sign_draft(draft, user, *, key, pin):
    """The signer signs the latest version, which must be a PDF."""
    if not draft.may_sign(user):
        raise ValidationError(_("This draft is not waiting for your signature."))
    if key.owner_id != user.pk or not key.active:
        raise ValidationError({"key": _("Sign with one of your own keys.")})
    version = draft.latest_version()
    if not version.is_pdf:
        raise ValidationError(
            _("The signer signs a PDF: add a PDF version of the draft first.")
        )
    with version.file.open("rb") as handle:
        pdf = handle.read()
    signed = services.sign_pdf(
        pdf, key=key, pin=pin, role="personal", reason=_("Approved and signed")
    )
    name = version.filename.rsplit(".", 1)[0] + "-da-ky.pdf"
    return draft.record_signature(user, ContentFile(signed, name=name), str(key))


@sensitive_variables("pin")
def release_draft(draft, user, *, key, pin, on=None):
    """Number and date the signed draft in the outgoing register, seal it with
    the organisation's signature, and release it (into the archive, if public
    or internal), all in one transaction: a failed signature uses no number,
    and a draft released meanwhile is refused before it takes one."""
    if key.owner_id is not None or not key.active:
        raise ValidationError({"key": _("Seal with the organisation's key.")})

    @sensitive_variables("pin")
    def seal(entry):
        reason = _("Released as %(symbol)s on %(date)s") % {
            "symbol": entry.symbol,
            "date": formats.date_format(entry.released_on, "SHORT_DATE_FORMAT"),
        }
        return services.sign_pdf(
            pdf, key=key, pin=pin, role="organisation", reason=reason
        )

    with transaction.atomic():
        draft.lock_for_release()  # before a number is taken
        if not draft.may_release(user):
            raise ValidationError(_("This draft cannot be released now."))
        signed = draft.latest_version()
        signing_step = draft.signing_step()
        with signed.file.open("rb") as handle:
            pdf = handle.read()
        entry = OutgoingDocument(
            document_type=draft.document_type,
            issuer=draft.issuer,
            term=draft.term,
            title=draft.title,
            signer=signing_step.holder.get_full_name() or str(signing_step.holder),
            signer_position=signing_step.label,
            recipients=draft.recipients,
            copies=len([line for line in draft.recipients.splitlines() if line.strip()])
            or 1,
            access=draft.access,
            file=ContentFile(pdf, name=signed.filename),
        )
        entry.full_clean()
        entry.save()
        entry.release(user=user, on=on, seal=seal)
        draft.record_release(user, entry)
    return entry
