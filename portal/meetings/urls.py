from django.urls import path

from portal.meetings import views

app_name = "meetings"

urlpatterns = [
    path("", views.meeting_list, name="meetings"),
    path("<int:pk>/", views.meeting_detail, name="meeting"),
    path("<int:pk>/tham-du/", views.respond, name="respond"),
    path("<int:pk>/tai-lieu/", views.add_document, name="add_document"),
    path("<int:pk>/giao-nhiem-vu/", views.assign_task, name="assign_task"),
    path("tai-lieu/<int:pk>/", views.document_file, name="document"),
]
