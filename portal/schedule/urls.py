from django.urls import path

from portal.schedule import views

app_name = "schedule"

urlpatterns = [
    path("", views.week, name="week"),
    path("in/", views.week, {"printable": True}, name="week_print"),
    path("lich.ics", views.public_feed, name="feed"),
    path("noi-bo/", views.intranet_week, name="intranet"),
    path(
        "noi-bo/in/",
        views.intranet_week,
        {"printable": True},
        name="intranet_print",
    ),
    path("noi-bo/dia-chi-lich/", views.renew_feed, name="renew_feed"),
    path("ca-nhan/<str:token>.ics", views.personal_feed, name="personal_feed"),
]
