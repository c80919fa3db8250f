from django.urls import path
from wagtail import hooks

from portal.ocr.views import RerunView


@hooks.register("register_admin_urls")
def register_rerun_url():
    return [path("ocr/<int:pk>/rerun/", RerunView.as_view(), name="ocr_rerun")]
