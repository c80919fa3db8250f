from django.contrib.auth import get_user_model

from portal.access.admin_forms import AccessControlledAdminForm
from portal.access.people import person_labels


class EventAdminForm(AccessControlledAdminForm):
    """People are offered by full name and unit ("Nguyễn Văn An — Ban Tổ chức"),
    active staff only, so that namesakes can be told apart."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        people = get_user_model().objects.filter(is_active=True)
        labels = person_labels(people)
        for name in ("chair", "participants"):
            field = self.fields[name]
            field.queryset = people.order_by("last_name", "first_name", "username")
            field.label_from_instance = lambda user: labels.get(user.pk, str(user))
