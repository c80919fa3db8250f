from dataclasses import asdict, dataclass
from datetime import datetime

from django.utils.translation import gettext as _


@dataclass(frozen=True)
class SignatureReport:
    """What verifying one signature of a PDF found, for readers to see."""

    signer: str
    organisation: str
    signed_at: datetime | None  # as the signer's clock claimed it (PAdES B-B)
    intact: bool  # False when the file changed after this signature
    trusted: bool  # the certificate chains to a configured trust anchor
    role: str = ""  # "personal", "organisation", or "" if not signed here

    @property
    def summary(self):
        if not self.intact:
            return _(
                "The file was changed after this signature: the signature no "
                "longer vouches for its content."
            )
        if not self.trusted:
            return _(
                "The file is unchanged since this signature, but the certificate "
                "does not chain to a trusted certification authority."
            )
        return _(
            "Valid signature: the file is unchanged since it was signed and the "
            "certificate chains to a trusted certification authority."
        )

    @property
    def valid(self):
        return self.intact and self.trusted

    def to_json(self):
        data = asdict(self)
        data["signed_at"] = self.signed_at.isoformat() if self.signed_at else None
        return data

    @classmethod
    def from_json(cls, data):
        signed_at = data.get("signed_at")
        return cls(
            **{
                **data,
                "signed_at": datetime.fromisoformat(signed_at) if signed_at else None,
            }
        )
