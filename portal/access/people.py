"""How the sharing panel names a person: full name, then what other apps know.

portal.access knows nothing of the apps built on it, so an app that knows more
about people (the follow-up's units) registers a describer in its
AppConfig.ready, the way Wagtail's registries work.
"""

_describers = []


def register_person_describer(describe):
    """describe(user_ids) returns {user_id: text}, for the users it knows."""
    _describers.append(describe)


def person_labels(users):
    """{user.pk: "Nguyễn Văn An — Ban Tổ chức"} for the given users, in one
    query per describer."""
    users = list(users)
    details = {}
    for describe in _describers:
        for user_id, text in describe([user.pk for user in users]).items():
            details.setdefault(user_id, []).append(text)
    labels = {}
    for user in users:
        name = user.get_full_name() or user.get_username()
        labels[user.pk] = " — ".join([name, *details.get(user.pk, [])])
    return labels
