"""Child processes that read untrusted files, under limits.

A file from outside may be built to exhaust whoever reads it, so readers run
in a child process with limits on its address space, CPU time and the size
of the files it writes (set before the program starts, inherited by any
process it starts), and a wall-clock timeout that kills its whole process
group, grandchildren included. The child gets only the environment given.
"""

import os
import resource
import signal
import subprocess
from dataclasses import dataclass


@dataclass(frozen=True)
class Bounds:
    memory_bytes: int
    cpu_seconds: int
    wall_seconds: float
    # the largest file it may write; 0 for a reader that writes none
    file_bytes: int = 0


class TimedOut(Exception):
    pass


def run_bounded(command, bounds, *, input=b"", env=None, cwd=None):
    """Run ``command`` within ``bounds``; the CompletedProcess, or TimedOut
    once the wall-clock time is spent (the child and its own are killed)."""

    def limit():
        memory = bounds.memory_bytes
        resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
        # SIGXCPU at the soft limit, SIGKILL a second later
        cpu = bounds.cpu_seconds
        resource.setrlimit(resource.RLIMIT_CPU, (cpu, cpu + 1))
        size = bounds.file_bytes
        resource.setrlimit(resource.RLIMIT_FSIZE, (size, size))

    child = subprocess.Popen(
        command,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        env=env or {},
        cwd=cwd,
        preexec_fn=limit,
        start_new_session=True,  # its own process group, killed as one
    )
    try:
        stdout, stderr = child.communicate(input, timeout=bounds.wall_seconds)
    except subprocess.TimeoutExpired:
        os.killpg(child.pid, signal.SIGKILL)
        child.communicate()
        raise TimedOut from None
    return subprocess.CompletedProcess(command, child.returncode, stdout, stderr)
