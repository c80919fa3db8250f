from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from portal.access.roles import ROLE_BY_KEY

DEMO_PASSWORD = "Demo@2026"


@dataclass(frozen=True)
class DemoAccount:
    username: str
    role: str
    full_name: str
    superuser: bool = False


DEMO_ACCOUNTS = [
    DemoAccount("canbo", "staff", "Nguyễn Văn An"),
    DemoAccount("bientap", "editor", "Trần Thị Bình"),
    DemoAccount("duyet", "approver", "Lê Văn Cường"),
    DemoAccount("vanthu", "clerk", "Phạm Thị Dung"),
    DemoAccount("quantri", "admin", "Hoàng Văn Em", superuser=True),
]


def load_accounts():
    User = get_user_model()
    for account in DEMO_ACCOUNTS:
        last_name, first_name = account.full_name.rsplit(" ", 1)
        user, created = User.objects.get_or_create(
            username=account.username,
            defaults={
                "first_name": first_name,
                "last_name": last_name,
                "email": f"{account.username}@example.org",
                "is_superuser": account.superuser,
                "is_staff": account.superuser,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        user.groups.add(Group.objects.get(name=ROLE_BY_KEY[account.role].group_name))
    return DEMO_ACCOUNTS
