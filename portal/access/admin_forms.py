from wagtail.admin.forms import WagtailAdminModelForm


class AccessControlledAdminForm(WagtailAdminModelForm):
    """An admin edit form that includes the access level.

    Access is not versioned: a new level applies at once, even when the edit is
    saved as a draft of a published item (publishing a revision never changes
    it, see ``AccessControlled.with_content_json``)."""

    def save(self, commit=True):
        if self.instance.pk and "access" in self.changed_data:
            live = type(self.instance)._default_manager.get(pk=self.instance.pk)
            live.change_access(self.cleaned_data["access"], self.for_user)
        return super().save(commit=commit)
