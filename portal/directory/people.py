"""The directory read from the units tree: who is in which unit, and how to
reach them."""

from dataclasses import dataclass

from portal.core.text import vietnamese_sort_key
from portal.directory.models import StaffContact, folded
from portal.followup.models import Membership, Unit


@dataclass
class Person:
    user: object
    contact: StaffContact | None
    unit: Unit
    is_leader: bool

    @property
    def name(self):
        return self.user.get_full_name() or self.user.get_username()

    @property
    def position(self):
        return self.contact.position if self.contact else ""

    @property
    def office_phone(self):
        return self.contact.office_phone if self.contact else ""

    @property
    def mobile_phone(self):
        return self.contact.mobile_phone if self.contact else ""

    @property
    def email(self):
        return self.user.email

    def matches(self, query):
        """Every folded word of the query is in the person's name, position,
        unit, e-mail or phones ("nguyen van an", "chanh van phong")."""
        text = folded(
            " ".join(
                [
                    self.name,
                    self.position,
                    self.unit.name,
                    self.unit.abbreviation,
                    self.email,
                    self.office_phone,
                    self.mobile_phone,
                ]
            )
        )
        return all(word in text for word in folded(query).split())


def _sort_people(people):
    # Leaders first, then in Vietnamese order of given name as the office lists them.
    people.sort(
        key=lambda person: (
            not person.is_leader,
            vietnamese_sort_key(person.user.first_name),
            vietnamese_sort_key(person.name),
        )
    )
    return people


def people(**filters):
    """The active members of the units (once per unit they belong to)."""
    memberships = Membership.objects.filter(
        user__is_active=True, **filters
    ).select_related("user", "user__staff_contact", "unit")
    return [
        Person(
            user=membership.user,
            contact=getattr(membership.user, "staff_contact", None),
            unit=membership.unit,
            is_leader=membership.role == Membership.Role.LEADER,
        )
        for membership in memberships
    ]


def unit_tree():
    """The units as a tree, each node with its members in ``people``; two
    queries in all."""
    roots = Unit.objects.tree()
    by_unit = {}
    for person in people():
        by_unit.setdefault(person.unit.pk, []).append(person)

    def attach(nodes):
        for node in nodes:
            node.people = _sort_people(by_unit.get(node.unit.pk, []))
            attach(node.children)

    attach(roots)
    return roots


def search(query):
    """The members matching a query typed with or without diacritics."""
    return _sort_people([person for person in people() if person.matches(query)])


def person(user_pk):
    """The directory's entry for one member, or None if they belong to no unit."""
    found = _sort_people(people(user__pk=user_pk))
    return found[0] if found else None
