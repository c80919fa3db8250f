"""One JSON object per line, for production's log stream.

Every record carries the time, level, logger and message, the id of the
request (or of the request that queued the running task), the fields a caller
passed in ``extra`` (the request line's view, status, duration…) and, for an
error, its traceback: one stream, parseable line by line.
"""

import json
import logging
from datetime import UTC, datetime

from portal.operations.context import current_request_id

# Attributes every LogRecord has; anything else came from ``extra``.
STANDARD = set(vars(logging.makeLogRecord({}))) | {"message", "asctime"}


class JsonFormatter(logging.Formatter):
    def format(self, record):
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname,
            "logger": record.name,
            "message": record.getMessage(),
            "request_id": current_request_id() or request_id_of(record),
        }
        for key, value in vars(record).items():
            if key not in STANDARD and key != "request":
                entry[key] = value
        if record.exc_info:
            entry["traceback"] = self.formatException(record.exc_info)
        elif record.exc_text:
            entry["traceback"] = record.exc_text
        if record.stack_info:
            entry["stack"] = self.formatStack(record.stack_info)
        return json.dumps(entry, ensure_ascii=False, default=str)


def request_id_of(record):
    """Django logs a 4xx or 5xx answer once the middleware is done, with the
    request attached: its id is read from there."""
    return getattr(getattr(record, "request", None), "request_id", None)
