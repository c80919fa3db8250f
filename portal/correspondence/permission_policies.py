from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import policy_registry

# Who may view or change a register may read it (its listing, printout, counts).
READING = ["view", "change"]


class NeverDeletedPolicy(ModelPermissionPolicy):
    """Registered entries are never deleted: their numbers would leave a gap."""

    def user_has_permission(self, user, action):
        return action != "delete" and super().user_has_permission(user, action)

    def user_has_any_permission(self, user, actions):
        actions = [action for action in actions if action != "delete"]
        return bool(actions) and super().user_has_any_permission(user, actions)


def reads_register(user, model):
    """Whether the user may read the register of ``model`` (clerks and leaders)."""
    return policy_registry.get_by_type(model).user_has_any_permission(user, READING)


def reader_principal(model):
    """The principal of a register's readers, carried by its entries' index
    entries (see ``portal.access.principals.register_principal``)."""
    return f"reads:{model._meta.label_lower}"
