"""Admin menu items that say how much waits for the user."""


def counting_menu_item(base, count):
    """A subclass of the menu item class ``base`` whose label carries
    ``count(user)`` when it is not zero, e.g. "Bình luận (3)"."""

    class CountingMenuItem(base):
        def render_component(self, request):
            component = super().render_component(request)
            if waiting := count(request.user):
                component.label = f"{component.label} ({waiting})"
            return component

    return CountingMenuItem
