from django.contrib.auth.models import AnonymousUser
from django.shortcuts import get_object_or_404
from wagtail.images.views.serve import ServeView

from portal.access.views import deny
from portal.core.uploads import protect
from portal.images.models import PortalImage


class CheckedImageServeView(ServeView):
    """Wagtail's signed image view, answering only those who may see the image."""

    model = PortalImage

    def get(self, request, signature, image_id, filter_spec, filename=None):
        image = get_object_or_404(PortalImage, pk=image_id)
        # Most images are public: one check answers both questions.
        public = image.is_visible_to(AnonymousUser())
        if not public and not image.is_visible_to(request.user, request):
            return deny(request)
        response = super().get(request, signature, image_id, filter_spec, filename)
        if not public:
            # Nobody in between (proxies, shared caches) may keep a copy.
            response["Cache-Control"] = "private, no-store"
        return protect(response)


serve = CheckedImageServeView.as_view()
