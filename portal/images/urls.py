from django.urls import path

from portal.images import views

urlpatterns = [
    path(
        "<str:signature>/<int:image_id>/<str:filter_spec>/<str:filename>",
        views.serve,
        name="image_serve",
    ),
]
