from django.dispatch import Signal

# Who may see some items may have changed: their access level, sharing,
# publication, or a view restriction above them. Sent inside the transaction
# that makes the change, with ``sender`` the model and ``pks`` the items; the
# search app listens, so that a search index never shows them on stale terms.
visibility_changed = Signal()
