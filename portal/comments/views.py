from django.contrib import messages
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST
from wagtail.models import Page

from portal.comments import captcha
from portal.comments.forms import SENT_TAG, CommentForm
from portal.comments.tasks import notify_moderators
from portal.core.proxies import client_ip


@never_cache
def captcha_image(request):
    code, token = captcha.new_challenge()
    response = HttpResponse(captcha.render_png(code), content_type="image/png")
    response.set_cookie(
        captcha.COOKIE_NAME,
        token,
        max_age=captcha.max_age(),
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )
    return response


# No CSRF token: it would make every article page differ per reader and defeat
# the page cache. The comment is anonymous, so a forged submit gains nothing;
# the security code, which only a reader of the image knows, guards the form.
@csrf_exempt
@require_POST
def post_comment(request, page_id):
    page = get_object_or_404(Page.objects.live(), pk=page_id).specific
    if not getattr(page, "accepts_comments", False):
        raise Http404
    if not page.is_visible_to(request.user, request):
        return page.serve(request)  # the page's own denial
    form = CommentForm(
        request.POST,
        captcha_token=request.COOKIES.get(captcha.COOKIE_NAME),
        ip_address=client_ip(request),
    )
    if form.is_valid():
        comment, created = form.save(page)
        if created:
            notify_moderators.enqueue(comment.pk)
        messages.success(
            request,
            _(
                "Thank you. Your comment is awaiting moderation and will appear once approved."
            ),
            extra_tags=SENT_TAG,
        )
        return redirect(page.url + "#comment-sent")
    response = page.serve(request)
    response.context_data["comment_form"] = form
    return response
