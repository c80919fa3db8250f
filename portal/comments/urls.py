from django.urls import path

from portal.comments import views

urlpatterns = [
    path("ma-bao-mat.png", views.captcha_image, name="comment_captcha"),
    path("<int:page_id>/", views.post_comment, name="post_comment"),
]
