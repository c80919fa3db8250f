from django.urls import path

from portal.twofactor import views

app_name = "twofactor"

urlpatterns = [
    path("", views.verify, name="verify"),
    path("dang-ky/", views.enrol, name="enrol"),
    path("ma-du-phong/", views.recovery_codes, name="recovery_codes"),
    path(
        "ma-du-phong/tao-lai/",
        views.regenerate_recovery_codes,
        name="regenerate_recovery_codes",
    ),
]
