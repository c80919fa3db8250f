from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.template.response import TemplateResponse
from django.utils.text import slugify

from portal.core.text import fold
from portal.directory import people
from portal.directory.forms import DirectorySearchForm
from portal.directory.vcard import vcard


@login_required
def directory(request):
    """The units as a tree with their members, or the members a search finds."""
    form = DirectorySearchForm(request.GET)
    query = form.query()
    return TemplateResponse(
        request,
        "directory/directory.html",
        {
            "form": form,
            "query": query,
            "found": people.search(query) if query else None,
            "tree": None if query else people.unit_tree(),
        },
    )


@login_required
def person_vcard(request, user_pk):
    person = people.person(user_pk)
    if person is None:
        raise Http404
    response = HttpResponse(vcard(person), content_type="text/vcard; charset=utf-8")
    filename = slugify(fold(person.name)) or "danh-ba"
    response["Content-Disposition"] = f'attachment; filename="{filename}.vcf"'
    response["Cache-Control"] = "private"
    return response
