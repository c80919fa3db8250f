from django.contrib import messages
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from portal.ocr.models import Recognition
from portal.ocr.registry import scanned_for


class RerunView(WagtailAdminTemplateMixin, TemplateView):
    """Run a file's recognition again, for who may change the item it belongs to."""

    template_name = "ocr/rerun.html"
    page_title = _("Text recognition")
    header_icon = "doc-full"

    def dispatch(self, request, pk):
        self.recognition = get_object_or_404(Recognition, pk=pk)
        holder = self.recognition.holder
        scanned = scanned_for(type(holder)) if holder is not None else None
        if scanned is None or not scanned.may_rerun(request.user, holder):
            raise Http404
        self.holder = holder
        return super().dispatch(request, pk)

    def next_url(self):
        url = self.request.POST.get("next") or self.request.GET.get("next", "")
        safe = url_has_allowed_host_and_scheme(
            url, allowed_hosts={self.request.get_host()}
        )
        return url if safe else ""

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            recognition=self.recognition, next_url=self.next_url(), **kwargs
        )

    def post(self, request, pk):
        Recognition.objects.queue(self.holder)
        messages.success(request, _("Text recognition queued again."))
        return redirect(self.next_url() or "wagtailadmin_home")
