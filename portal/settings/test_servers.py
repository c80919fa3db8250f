"""Application servers a test starts as subprocesses: the test settings, with the
cache, the lockouts and the comment limit shared in Redis as in production."""

import os

from .base import shared_state_in_redis
from .test import *  # noqa: F403

vars().update(shared_state_in_redis(os.environ["REDIS_URL"]))
