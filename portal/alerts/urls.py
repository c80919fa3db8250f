from django.urls import path

from portal.alerts import views

app_name = "alerts"

urlpatterns = [
    path("", views.saved_searches, name="list"),
    path("luu/", views.save_search, name="save"),
    path("<int:pk>/xoa/", views.delete_search, name="delete"),
    path("thong-bao/", views.received, name="received"),
]
