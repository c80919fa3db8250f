from django.urls import path

from portal.annual import views

app_name = "annual"

urlpatterns = [path("", views.year_in_figures, name="year")]
