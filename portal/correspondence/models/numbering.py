"""Register numbers: from 1 within each scope, never reused, without gaps.

A number is taken from a counter row locked for the rest of the registering
transaction: a second clerk registering at the same moment waits until the
first commits or rolls back, so numbers are unique, and a registration that
fails gives its number back with the rollback, so there are no gaps. The
registers' unique constraints are the last line of defence.
"""

from django.db import models, transaction
from django.db.models.functions import Greatest
from django.utils.translation import gettext_lazy as _


class Register(models.TextChoices):
    INCOMING = "incoming", _("Incoming register")
    OUTGOING = "outgoing", _("Outgoing register")


class RegisterCounter(models.Model):
    register = models.CharField(_("register"), max_length=16, choices=Register.choices)
    # What numbering restarts with: the year for incoming documents, issuer,
    # type and term for outgoing ones (see the registers' numbering_scope()).
    scope = models.CharField(_("numbering scope"), max_length=100)
    last_number = models.PositiveIntegerField(_("last number given"), default=0)

    class Meta:
        verbose_name = _("register counter")
        verbose_name_plural = _("register counters")
        constraints = [
            models.UniqueConstraint(
                fields=["register", "scope"], name="one_counter_per_register_scope"
            )
        ]

    def __str__(self):
        return f"{self.register} {self.scope}: {self.last_number}"


def _locked_counter(register, scope):
    if not transaction.get_connection().in_atomic_block:
        raise RuntimeError("Register numbers are taken inside a transaction.")
    # Insert-or-nothing first, so that two transactions creating the same
    # counter wait for each other instead of one failing.
    RegisterCounter.objects.bulk_create(
        [RegisterCounter(register=register, scope=scope)], ignore_conflicts=True
    )
    return RegisterCounter.objects.select_for_update().get(
        register=register, scope=scope
    )


def next_number(register, scope):
    """The next number of a register's scope, held until the transaction ends."""
    counter = _locked_counter(register, scope)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def record_number(register, scope, number):
    """Take note of a number given elsewhere (an imported register), so that
    numbering continues after it."""
    counter = _locked_counter(register, scope)
    RegisterCounter.objects.filter(pk=counter.pk).update(
        last_number=Greatest("last_number", number)
    )
