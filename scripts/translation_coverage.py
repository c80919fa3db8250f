"""Share of the admin's messages that have a Vietnamese translation.

    .venv/bin/python scripts/translation_coverage.py [--project-po PATH] [--missing]

The admin's messages are every msgid of the English catalogues (which list them
all) of Wagtail's installed admin apps and of Django's admin, auth and form
strings. A message counts as translated when any Vietnamese catalogue Django
loads has a non-empty, non-fuzzy msgstr for it: the project's own
(`locale/vi`, which takes precedence) or the library's. `--project-po` measures
another version of the project's catalogue (`git show REV:locale/...`), and
`--missing` prints what is left, as PO entries to translate.
"""

import argparse
import ast
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PACKAGES = ROOT / ".venv" / "lib" / "python3.11" / "site-packages"
CATALOGUES = {
    "wagtail.admin": "wagtail/admin",
    "wagtail.admin (scripts)": "wagtail/admin:djangojs",
    "wagtail": "wagtail",
    "wagtail.images": "wagtail/images",
    "wagtail.documents": "wagtail/documents",
    "wagtail.snippets": "wagtail/snippets",
    "wagtail.users": "wagtail/users",
    "wagtail.sites": "wagtail/sites",
    "wagtail.contrib.settings": "wagtail/contrib/settings",
    "wagtail.contrib.redirects": "wagtail/contrib/redirects",
    "wagtail.contrib.forms": "wagtail/contrib/forms",
    "wagtail.embeds": "wagtail/embeds",
    "wagtail.search": "wagtail/search",
    "django.contrib.admin": "django/contrib/admin",
    "django.contrib.auth": "django/contrib/auth",
    "django (forms, validators)": "django/conf",
}


def read_po(path):
    """{(msgctxt, msgid): translated?} for every entry of a PO file.

    Entries are separated by blank lines, as gettext's tools write them."""
    entries = {}
    for block in Path(path).read_text(encoding="utf-8").split("\n\n"):
        fields, key, fuzzy = {}, None, False
        for line in block.splitlines():
            line = line.strip()
            if line.startswith("#,"):
                fuzzy = "fuzzy" in line
            elif line.startswith("msg"):
                key, _, value = line.partition(" ")
                fields[key] = ast.literal_eval(value)
            elif line.startswith('"') and key:
                fields[key] += ast.literal_eval(line)
        if fields.get("msgid"):
            strings = [v for k, v in fields.items() if k.startswith("msgstr")]
            done = bool(strings) and all(strings) and not fuzzy
            entries[(fields.get("msgctxt"), fields["msgid"])] = done
    return entries


def catalogue(app_dir, language):
    """The PO file of "app/dir" (domain django) or "app/dir:djangojs"."""
    app_dir, _, domain = app_dir.partition(":")
    return (
        PACKAGES
        / app_dir
        / "locale"
        / language
        / "LC_MESSAGES"
        / f"{domain or 'django'}.po"
    )


def translated_messages(project_po, domain):
    """Keys with a Vietnamese translation in any catalogue of the domain."""
    libraries = [
        path
        for app_dir in ["wagtail", "django/conf", "django/contrib"]
        for path in (PACKAGES / app_dir).rglob(f"locale/vi/LC_MESSAGES/{domain}.po")
    ]
    project = Path(project_po).with_name(f"{domain}.po")
    return {
        key
        for path in [*libraries, *([project] if project.exists() else [])]
        for key, done in read_po(path).items()
        if done
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--project-po", default=ROOT / "locale" / "vi" / "LC_MESSAGES" / "django.po"
    )
    parser.add_argument("--missing", action="store_true")
    args = parser.parse_args()

    translated = {
        domain: translated_messages(args.project_po, domain)
        for domain in ("django", "djangojs")
    }
    seen, rows = set(), []
    for label, app_dir in CATALOGUES.items():
        domain = "djangojs" if app_dir.endswith(":djangojs") else "django"
        messages = {(domain, *key) for key in read_po(catalogue(app_dir, "en"))} - seen
        seen |= messages
        done = {m for m in messages if m[1:] in translated[domain]}
        rows.append((label, len(messages), len(done), messages - done))
    if args.missing:
        missing = set().union(*(row[3] for row in rows))
        for domain, context, msgid in sorted(missing, key=lambda k: (k[2], k[1] or "")):
            print(f"# {domain}")
            if context:
                print(f"msgctxt {context!r}")
            print(f'msgid {msgid!r}\nmsgstr ""\n')
        return
    width = max(len(label) for label, *_ in rows)
    for label, total, done, _missing in rows:
        print(f"{label:<{width}}  {done:>5} / {total:<5} {done / total:7.1%}")
    total, done = sum(r[1] for r in rows), sum(r[2] for r in rows)
    print(
        f"{'all admin messages':<{width}}  {done:>5} / {total:<5} {done / total:7.1%}"
    )


if __name__ == "__main__":
    sys.exit(main())
