"""Admin viewsets, choosers, bulk actions and reports that keep to what the user
may see (see ``admin_visibility``)."""

from django import forms
from django.apps import apps
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.http import Http404
from django.shortcuts import get_list_or_404
from django.urls import path
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.views import editing_sessions
from wagtail.admin.views.home import (
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)
from wagtail.admin.views.reports.audit_logging import LogEntriesView
from wagtail.admin.views.reports.workflows import WorkflowTasksView, WorkflowView
from wagtail.admin.viewsets.pages import PageViewSet
from wagtail.models import Page
from wagtail.snippets.views import chooser

from portal.access.admin_visibility import (
    admin_queryset,
    exclude_hidden_objects,
    hidden_pages_q,
    is_visible_in_admin,
)
from portal.access.views import SharingView
from portal.core.admin_guards import GuardedViewSetMixin, only_within
from portal.core.spreadsheets import SpreadsheetExportMixin


class DatabaseSearchFilterForm(BaseFilterForm):
    """A chooser's search made in the database, as the admin listing's is: the
    engine cannot keep to the items a user may see in the admin."""

    q = forms.CharField(
        label=_("Search term"),
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
        required=False,
    )
    search_fields = []

    def filter(self, objects):
        objects = super().filter(objects)
        query = self.cleaned_data.get("q")
        if query:
            match = Q()
            for field in self.search_fields:
                match |= Q(**{f"{field}__icontains": query})
            objects = objects.filter(match)
            self.is_searching = True
            self.search_query = query
        return objects


class VisibleItemsChooseMixin:
    def get_object_list(self):
        visible = admin_queryset(self.model_class, self.request.user)
        return super().get_object_list().filter(pk__in=visible.values("pk"))

    def get_filter_form_class(self):
        return type(
            "FilterForm",
            (DatabaseSearchFilterForm,),
            {"search_fields": self.model_class.snippet_viewset.search_fields},
        )


class VisibleItemsChosenMixin:
    def get_object(self, pk):
        try:
            return admin_queryset(self.model_class, self.request.user).get(pk=pk)
        except (ValueError, ValidationError) as error:  # not an id: 404, not 500
            raise self.model_class.DoesNotExist from error


class VisibleItemsChosenMultipleMixin:
    def get_objects(self, pks):
        return admin_queryset(self.model_class, self.request.user).filter(pk__in=pks)


class VisibleItemsChooserViewSet(chooser.SnippetChooserViewSet):
    """The snippet chooser (its listing, search, and chosen responses) offers only
    the items the user may see; any other id answers 404."""

    choose_view_class = type(
        "ChooseView", (VisibleItemsChooseMixin, chooser.ChooseView), {}
    )
    choose_results_view_class = type(
        "ChooseResultsView", (VisibleItemsChooseMixin, chooser.ChooseResultsView), {}
    )
    chosen_view_class = type(
        "ChosenView", (VisibleItemsChosenMixin, chooser.SnippetChosenView), {}
    )
    chosen_multiple_view_class = type(
        "ChosenMultipleView",
        (VisibleItemsChosenMultipleMixin, chooser.SnippetChosenMultipleView),
        {},
    )


class VisibleItemsViewSetMixin(GuardedViewSetMixin):
    """For a SnippetViewSet of an access-controlled model: its listing, chooser
    and every per-item URL keep to the items the user may see, and each item
    has its sharing page (the listing's "Sharing" button)."""

    chooser_viewset_class = VisibleItemsChooserViewSet

    def get_queryset(self, request):
        return admin_queryset(self.model, request.user)

    def get_urlpatterns(self):
        return super().get_urlpatterns() + [
            path(
                "sharing/<str:pk>/",
                SharingView.as_view(
                    model=self.model,
                    permission_policy=self.permission_policy,
                    index_url_name=self.get_url_name("list"),
                ),
                name="sharing",
            )
        ]


class VisiblePagesViewSet(PageViewSet):
    """For an access-controlled page type: every admin view reached through the
    page's id (edit, view draft, preview, history, usage, revisions, workflow,
    unpublish, lock, delete, copy, move, privacy) answers 404 to those who may
    not see the page. The explorer listing of its parent goes through
    ``explorable_instances`` (see ``AccessControlledPagePermissionPolicy``)."""

    # the URL keywords by which Wagtail's page URLs name the page acted upon
    page_id_kwargs = ("page_id", "pk", "page_to_move_id")

    def get_view_by_name(self, name):
        return only_within(
            super().get_view_by_name(name),
            lambda request: admin_queryset(self.model, request.user),
            self.page_id_kwargs,
        )


class VisibleItemsBulkActionMixin:
    """Bulk actions find and act on only the items the user may see: the others
    are neither listed (not even as "no permission") nor touched, including
    descendants reached through "include descendants"."""

    def get_queryset(self, model, object_ids):
        # A snippet's viewset may narrow what the admin reaches (comments on
        # pages the user may see); otherwise the items the user may see.
        viewset = getattr(model, "snippet_viewset", None)
        reachable = viewset.get_queryset(self.request) if viewset else None
        if reachable is None:
            reachable = admin_queryset(model, self.request.user)
        return get_list_or_404(reachable, pk__in=object_ids)

    def check_perm(self, obj):
        return is_visible_in_admin(obj, self.request.user) and super().check_perm(obj)


class VisibleLogEntriesView(SpreadsheetExportMixin, LogEntriesView):
    """The site history without the entries of items the user may not see."""

    def filter_queryset(self, queryset):
        queryset = super().filter_queryset(queryset)
        user = self.request.user
        if any(field.name == "page" for field in queryset.model._meta.fields):
            hidden_pages = Page.objects.filter(hidden_pages_q(user)).values("pk")
            return queryset.exclude(page__in=hidden_pages)
        return exclude_hidden_objects(queryset, user)


class VisibleWorkflowView(SpreadsheetExportMixin, WorkflowView):
    """The workflows report without the items the user may not see."""

    def get_queryset(self):
        return exclude_hidden_objects(super().get_queryset(), self.request.user)


class VisibleWorkflowTasksView(SpreadsheetExportMixin, WorkflowTasksView):
    """The workflow tasks report without the items the user may not see."""

    def get_queryset(self):
        return exclude_hidden_objects(
            super().get_queryset(), self.request.user, prefix="workflow_state__"
        )


class VisibleWorkflowObjectsToModeratePanel(WorkflowObjectsToModeratePanel):
    """The dashboard's "awaiting your review", without what the user may not see."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["states"] = [
            state
            for state in context["states"]
            if is_visible_in_admin(state["obj"], user)
        ]
        return context


class VisibleUserObjectsInWorkflowModerationPanel(UserObjectsInWorkflowModerationPanel):
    """The dashboard's "your pages and snippets in a workflow", likewise."""

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        user = parent_context["request"].user
        context["workflow_states"] = [
            state
            for state in context["workflow_states"]
            if is_visible_in_admin(state.content_object, user)
        ]
        return context


def editing_session_ping(request, app_label, model_name, object_id, session_id):
    """Wagtail's ping of an editing session (who else edits this item), for the
    items the user may see only: a reviewer may otherwise ping any item in a
    workflow task of theirs."""
    try:
        model = apps.get_model(app_label, model_name)
    except LookupError as error:
        raise Http404 from error
    guarded = only_within(
        editing_sessions.ping,
        lambda request: admin_queryset(model, request.user),
        ("object_id",),
    )
    return guarded(
        request,
        app_label=app_label,
        model_name=model_name,
        object_id=object_id,
        session_id=session_id,
    )
