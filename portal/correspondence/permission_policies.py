from wagtail.permission_policies import ModelPermissionPolicy

# Who may view or change a register may read it (its listing, printout, counts).
READING = ["view", "change"]


class NeverDeletedPolicy(ModelPermissionPolicy):
    """Registered entries are never deleted: their numbers would leave a gap."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action != "delete"]
        return bool(actions) and super().user_has_any_permission(user, actions)
