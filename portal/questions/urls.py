from django.urls import path

from portal.questions import views

app_name = "questions"
urlpatterns = [
    path("", views.answers, name="list"),
    path("<int:pk>/", views.detail, name="detail"),
    path("gui-cau-hoi/", views.ask, name="ask"),
    path("tra-cuu/", views.lookup, name="lookup"),
]
