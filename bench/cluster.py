"""The production layout on loopback, run from the deployment files themselves.

Application servers and the task worker are started with the command lines of
their systemd units (``deploy/systemd``), nginx with the site file
(``deploy/nginx/portal.conf``), Redis, PostgreSQL and Elasticsearch with the
service scripts. The two-server tests and the fault drill use this, so a unit
or a site file that no longer works fails them.
"""

import configparser
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEPLOY = ROOT / "deploy"
INSTALL_DIR = "/srv/portal"  # where the units expect the checkout
RUN_DIR = "/run"  # where systemd makes a unit's RuntimeDirectory


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def read_unit(name):
    """The [Service] section of a unit in deploy/systemd, as a dict of lists."""
    parser = configparser.RawConfigParser(strict=False, dict_type=_MultiDict)
    parser.optionxform = str
    parser.read(DEPLOY / "systemd" / name)
    return {key: value.split("\n") for key, value in parser["Service"].items()}


class _MultiDict(dict):
    """Lets configparser keep every value of a key systemd allows repeating."""

    def __setitem__(self, key, value):
        if isinstance(value, list) and key in self:
            self[key].extend(value)
        else:
            super().__setitem__(key, value)


def unit_command(name, instance="", run_dir=RUN_DIR):
    """``(argv, environment, working directory)`` of a unit's ExecStart, for this
    checkout instead of /srv/portal and ``run_dir`` instead of /run (the
    EnvironmentFile is the caller's)."""
    service = read_unit(name)

    def here(text):
        return (
            text.replace(INSTALL_DIR, str(ROOT))
            .replace(f"{RUN_DIR}/", f"{run_dir}/")
            .replace("%i", str(instance))
        )

    environment = dict(
        here(line).split("=", 1) for line in service.get("Environment", [])
    )
    argv = shlex.split(here(service["ExecStart"][0]))
    return argv, environment, here(service["WorkingDirectory"][0])


def make_runtime_directories(name, instance, run_dir):
    """The unit's RuntimeDirectory folders under ``run_dir``, new and empty, as
    systemd makes them under /run at each start."""
    for line in read_unit(name).get("RuntimeDirectory", []):
        for folder in line.split():
            Path(run_dir, folder.replace("%i", str(instance))).mkdir(parents=True)


class Process:
    """A unit's process, which can be killed and started again."""

    def __init__(self, name, unit, instance="", env=None, log=None):
        self.name, self.unit, self.instance = name, unit, instance
        self.env, self.log = env or {}, log
        self.popen = None
        self.run_dir = None

    def start(self):
        self.run_dir = tempfile.mkdtemp(prefix="portal-run-")
        make_runtime_directories(self.unit, self.instance, self.run_dir)
        argv, environment, cwd = unit_command(self.unit, self.instance, self.run_dir)
        environment = {**os.environ, **environment, **self.env}
        output = open(self.log, "ab") if self.log else subprocess.DEVNULL
        self.popen = subprocess.Popen(
            argv,
            cwd=cwd,
            env=environment,
            stdout=output,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
        return self

    def stop(self, sig=signal.SIGTERM, timeout=30):
        """Stop the process group (gunicorn's workers too); SIGKILL is a crash."""
        if self.popen is None:
            return
        if self.popen.poll() is None:
            try:
                os.killpg(self.popen.pid, sig)
                self.popen.wait(timeout)
            except subprocess.TimeoutExpired:
                os.killpg(self.popen.pid, signal.SIGKILL)
                self.popen.wait()
            except ProcessLookupError:
                pass
        shutil.rmtree(self.run_dir, ignore_errors=True)  # as systemd does at stop

    def kill(self):
        self.stop(signal.SIGKILL)


def app_server(port, env, log=None):
    return Process(f"web:{port}", "portal-web@.service", port, env, log)


def worker(env, log=None):
    return Process("worker", "portal-worker.service", env=env, log=log)


def wait_until_up(url, timeout=90, process=None):
    """Wait for `url` to answer at all (any status)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.popen.poll() is not None:
            raise RuntimeError(f"{process.name} exited with {process.popen.returncode}")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except urllib.error.HTTPError:
            return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError(f"{url} did not answer within {timeout} s")


class Nginx:
    """Debian's nginx serving the site file in front of the given servers."""

    def __init__(self, state_dir, app_ports, static_root=None, port=None):
        self.dir = Path(state_dir)
        self.port = port or free_port()
        self.app_ports = app_ports
        self.static_root = Path(static_root or self.dir / "static")
        self.popen = None

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def site(self):
        servers = "\n    ".join(
            f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;"
            for port in self.app_ports
        )
        values = {
            "@APP_SERVERS@": servers,
            "@LISTEN@": f"127.0.0.1:{self.port}",
            "@SERVER_NAME@": "localhost 127.0.0.1",
            "@STATIC_ROOT@": str(self.static_root),
        }
        text = (DEPLOY / "nginx" / "portal.conf").read_text()
        for placeholder, value in values.items():
            text = text.replace(placeholder, value)
        assert not re.search(r"@[A-Z_]+@", text), "a placeholder was left unfilled"
        return text

    def start(self):
        temp = self.dir / "temp"
        for path in (self.dir, temp, self.static_root):
            path.mkdir(parents=True, exist_ok=True)
            path.chmod(0o777)
        (self.dir / "portal.conf").write_text(self.site())
        (self.dir / "nginx.conf").write_text(
            f"""daemon off;
worker_processes 1;
pid {self.dir}/nginx.pid;
error_log {self.dir}/error.log warn;
events {{ worker_connections 1024; }}
http {{
    include /etc/nginx/mime.types;
    access_log off;
    client_body_temp_path {temp}/body;
    proxy_temp_path {temp}/proxy;
    fastcgi_temp_path {temp}/fastcgi;
    uwsgi_temp_path {temp}/uwsgi;
    scgi_temp_path {temp}/scgi;
    include {self.dir}/portal.conf;
}}
"""
        )
        nginx = "/usr/sbin/nginx"
        if not Path(nginx).exists():
            subprocess.run([ROOT / "scripts" / "apt-require.sh", "nginx"], check=True)
        conf = ["-p", str(self.dir), "-c", str(self.dir / "nginx.conf")]
        subprocess.run([nginx, "-t", "-q", *conf], check=True)
        self.popen = subprocess.Popen([nginx, *conf], start_new_session=True)
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            try:
                socket.create_connection(("127.0.0.1", self.port), 1).close()
                return self
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("nginx did not start")

    def stop(self):
        if self.popen and self.popen.poll() is None:
            self.popen.send_signal(signal.SIGQUIT)
            self.popen.wait(10)


def service(script, action, state_dir, *args):
    """Run scripts/<script>.sh ACTION STATE_DIR …; returns what it prints."""
    result = subprocess.run(
        [ROOT / "scripts" / f"{script}.sh", action, str(state_dir), *map(str, args)],
        check=True,
        stdout=subprocess.PIPE,
        text=True,
    )
    return result.stdout.strip()


def manage(*args, env, **kwargs):
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**os.environ, **env},
        check=True,
        **kwargs,
    )
