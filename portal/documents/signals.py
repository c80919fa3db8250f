from django.dispatch import Signal

# A document has been replaced or repealed by another (``document``, ``by``), so
# whatever follows it up needs the office's attention.
superseded = Signal()
