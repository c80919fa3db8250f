from django.urls import path

from portal.drafting import views

app_name = "drafting"

urlpatterns = [
    path("", views.draft_list, name="list"),
    path("moi/", views.new_draft, name="new"),
    path("<int:pk>/", views.draft_detail, name="draft"),
    path("<int:pk>/phien-ban/", views.add_version, name="add_version"),
    path("<int:pk>/phien-ban/<int:number>/", views.version_file, name="version"),
    path("<int:pk>/trinh/", views.submit, name="submit"),
    path("<int:pk>/dong-y/", views.approve, name="approve"),
    path("<int:pk>/tra-lai/", views.return_for_revision, name="return"),
    path("<int:pk>/chuyen/", views.forward, name="forward"),
    path("<int:pk>/ky/", views.sign, name="sign"),
    path("<int:pk>/phat-hanh/", views.release, name="release"),
]
