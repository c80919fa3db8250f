from django.apps import AppConfig


class DemoConfig(AppConfig):
    """Demo content for every app; it sits above them all and nothing imports it."""

    name = "portal.demo"
    label = "demo"
    verbose_name = "Demo content"
