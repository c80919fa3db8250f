import factory
from wagtail.images.tests.utils import get_test_image_file

from portal.images.models import PortalImage


class ImageFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PortalImage

    title = factory.Sequence(lambda n: f"Ảnh {n}")
    file = factory.LazyFunction(get_test_image_file)
