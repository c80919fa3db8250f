from wagtail.signals import published

from portal.documents.models import Document


def relations_take_effect(sender, instance, **kwargs):
    for relation in instance.relations.select_related("target"):
        relation.take_effect()


def register_signal_handlers():
    published.connect(relations_take_effect, sender=Document)
