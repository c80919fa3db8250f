"""Wagtail's users and groups in the admin, listed in Vietnamese order
(installed by PortalUsersConfig)."""

from wagtail.users.views import groups, users

from portal.core.collation import vietnamese
from portal.core.people import people_ordering


class UserIndexView(users.IndexView):
    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            return queryset.order_by(
                *people_ordering(descending=self.ordering == "-name"), "username"
            )
        return super().order_queryset(queryset)


class UserViewSet(users.UserViewSet):
    index_view_class = UserIndexView
    ordering = "name"


class GroupIndexView(groups.IndexView):
    def order_queryset(self, queryset):
        if self.ordering in ("name", "-name"):
            name = vietnamese("name")
            return queryset.order_by(name.desc() if self.ordering == "-name" else name)
        return super().order_queryset(queryset)


class GroupViewSet(groups.GroupViewSet):
    index_view_class = GroupIndexView
    ordering = "name"
