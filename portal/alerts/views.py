from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from portal.alerts.forms import SaveSearchForm
from portal.alerts.models import SavedSearch, SentItem
from portal.alerts.searching import describe, still_visible, unread_count

PER_PAGE = 20


@login_required
def saved_searches(request):
    mine = request.user.saved_searches.all()
    return TemplateResponse(
        request,
        "alerts/saved_searches.html",
        {
            "saved_searches": [(saved, describe(saved.query)) for saved in mine],
            "unread": unread_count(request.user),
        },
    )


@login_required
@require_POST
def save_search(request):
    form = SaveSearchForm(request.POST, instance=SavedSearch(user=request.user))
    if form.is_valid():
        saved = form.save(commit=False)
        saved.name = form.cleaned_data["name"]
        saved.save()
        messages.success(
            request,
            _("Search “%(name)s” saved: new items will be sent to you.")
            % {"name": saved.name},
        )
        return redirect("alerts:list")
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)
    return redirect("alerts:list")


@login_required
@require_POST
def delete_search(request, pk):
    saved = get_object_or_404(request.user.saved_searches, pk=pk)
    saved.delete()
    messages.success(request, _("Search “%(name)s” deleted.") % {"name": saved.name})
    return redirect("alerts:list")


@login_required
def received(request):
    """The items intranet alerts brought, newest first: only those the user may
    still see (the search backend presents them, checking the database)."""
    mine = SentItem.objects.filter(
        saved_search__user=request.user,
        saved_search__channel=SavedSearch.Channel.INTRANET,
    ).select_related("saved_search")
    page = Paginator(mine, PER_PAGE).get_page(request.GET.get("page"))
    rows = still_visible(page, request.user)
    unread = [item.pk for item in page if item.read_at is None]
    SentItem.objects.filter(pk__in=unread).update(read_at=timezone.now())
    return TemplateResponse(
        request,
        "alerts/received.html",
        {"page_obj": page, "rows": rows, "unread": set(unread)},
    )
