"""People as Vietnamese offices name and list them.

A Vietnamese name is written family name first ("Nguyễn Văn An": last_name
"Nguyễn Văn", first_name "An"), and lists of people are sorted by the given
name, then the family name ("Trần Thị Bình" after "Nguyễn Văn An").
"""

from django.contrib.auth.models import AbstractUser

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
