"""What counts as the database being unavailable, for the pages (503.html) and the API
alike: an outage to wait out, answered with 503 and Retry-After, not a bug."""

from django.db import InterfaceError, OperationalError

# Raised when the server cannot be reached or the connection dropped, and by SQLite when
# a write lock was not freed within the timeout.
DATABASE_UNAVAILABLE = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 30
