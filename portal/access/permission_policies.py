from wagtail.permission_policies import ModelPermissionPolicy


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
