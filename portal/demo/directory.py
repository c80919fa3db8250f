"""Demo directory: positions and phones of the demo accounts."""

from django.contrib.auth import get_user_model

from portal.directory.models import StaffContact

CONTACTS = {
    "canbo": ("Chuyên viên", "024 3826 1101", ""),
    "bientap": ("Phó Trưởng ban", "024 3826 1102", "0912 000 102"),
    "duyet": ("Phó Chánh Văn phòng", "024 3826 0002", "0912 000 103"),
    "vanthu": ("Văn thư", "024 3826 0020", ""),
}


def load_directory():
    users = get_user_model().objects.in_bulk(list(CONTACTS), field_name="username")
    for username, (position, office_phone, mobile_phone) in CONTACTS.items():
        StaffContact.objects.update_or_create(
            user=users[username],
            defaults={
                "position": position,
                "office_phone": office_phone,
                "mobile_phone": mobile_phone,
            },
        )
    return len(CONTACTS)
