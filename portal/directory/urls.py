from django.urls import path

from portal.directory import views

app_name = "directory"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("<int:user_pk>.vcf", views.person_vcard, name="vcard"),
]
