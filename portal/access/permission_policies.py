from wagtail.models import PagePermissionTester
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permission_policies.pages import PagePermissionPolicy

from portal.access.admin_visibility import hidden_pages_q, is_visible_in_admin


class AccessControlledPermissionPolicy(ModelPermissionPolicy):
    """The model's permissions as usual, but only on the items the user may see:
    an editor not shared on a restricted document can neither list nor edit it."""

    def user_has_permission_for_instance(self, user, action, instance):
        return self.user_has_permission(user, action) and instance.is_visible_to(user)

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return self.user_has_any_permission(user, actions) and instance.is_visible_to(
            user
        )

    def instances_user_has_any_permission_for(self, user, actions):
        if not self.user_has_any_permission(user, actions):
            return self.model._default_manager.none()
        return self.model._default_manager.filter(self.model.visible_to_q(user))


class AccessControlledPagePermissionPolicy(PagePermissionPolicy):
    """Wagtail's page permissions, less the pages the user may not see.

    Everything the admin lists through the page policy leaves them out: the
    explorer and its search, the admin pages API, the reports, the page history
    entries of the site history.
    """

    def instances_user_has_any_permission_for(self, user, actions):
        return (
            super()
            .instances_user_has_any_permission_for(user, actions)
            .exclude(hidden_pages_q(user))
        )

    def explorable_instances(self, user):
        return super().explorable_instances(user).exclude(hidden_pages_q(user))

    def user_has_any_permission_for_instance(self, user, actions, instance):
        return is_visible_in_admin(
            instance, user
        ) and super().user_has_any_permission_for_instance(user, actions, instance)


class AccessControlledPagePermissionTester(PagePermissionTester):
    """No right at all on a page the user may not see: no edit link, button or
    action is offered for it anywhere in the admin."""

    def __init__(self, user, page):
        super().__init__(user, page)
        if not is_visible_in_admin(page, user):
            self.permissions = set()
