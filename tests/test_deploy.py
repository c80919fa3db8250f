"""The deployment files in deploy/: every unit runs a command that exists, and
every job meant to run periodically has its timer."""

import configparser

from django.core.management import get_commands

from bench.cluster import DEPLOY, make_runtime_directories, read_unit, unit_command

PERIODIC_JOBS = {
    "publish_scheduled",
    "replay_index_backlog",
    "prune_db_task_results",
    "clearsessions",
    "send_alerts",
    "send_reminders",
    "send_event_reminders",
}


def timers():
    found = {}
    for path in sorted((DEPLOY / "systemd").glob("*.timer")):
        parser = configparser.RawConfigParser()
        parser.optionxform = str
        parser.read(path)
        found[path.name] = parser["Timer"]
    return found


def test_every_periodic_job_has_a_timer_running_it_through_the_job_unit():
    units = {timer["Unit"] for timer in timers().values()}
    assert units == {f"portal-job@{job}.service" for job in PERIODIC_JOBS}
    assert all(timer["OnCalendar"] for timer in timers().values())


def test_the_units_run_management_commands_that_exist():
    commands = get_commands()
    assert PERIODIC_JOBS <= commands.keys()
    worker, _env, _cwd = unit_command("portal-worker.service")
    job, _env, _cwd = unit_command("portal-job@.service", "send_reminders")
    assert worker[1:3] == ["manage.py", "db_worker"] and "db_worker" in commands
    assert job[1:] == ["manage.py", "send_reminders"]


def test_the_web_unit_serves_the_wsgi_application_on_its_instance_port():
    argv, environment, _cwd = unit_command("portal-web@.service", 8001)
    assert argv[1] == "portal.wsgi:application"
    assert argv[argv.index("--bind") + 1] == "127.0.0.1:8001"
    assert environment["DJANGO_SETTINGS_MODULE"] == "portal.settings.production"


def test_the_job_unit_keeps_what_its_commands_write_to_the_portal_user():
    assert read_unit("portal-job@.service")["UMask"] == ["0077"]


def test_each_web_server_adds_up_its_workers_metrics_in_a_folder_of_its_own(
    tmp_path,
):
    unit = read_unit("portal-web@.service")
    _argv, production, _cwd = unit_command("portal-web@.service", 8001)
    _argv, here, _cwd = unit_command("portal-web@.service", 8001, tmp_path)

    make_runtime_directories("portal-web@.service", 8001, tmp_path)

    assert unit["RuntimeDirectory"] == ["portal-web-%i"]  # made empty at each start
    assert production["PROMETHEUS_MULTIPROC_DIR"] == "/run/portal-web-8001"
    assert here["PROMETHEUS_MULTIPROC_DIR"] == str(tmp_path / "portal-web-8001")
    assert list((tmp_path / "portal-web-8001").iterdir()) == []
