# Shared by the scripts that start throw-away services for the tests.
# The sourcing script defines start() and stop() and sets SERVICE to its name.

log() { echo "$SERVICE: $*" >&2; }
die() { log "$*"; exit 1; }

free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# scripts/<service>.sh start|stop STATE_DIR
run_service_command() {
  [ $# -eq 2 ] || die "usage: $0 start|stop STATE_DIR"
  STATE="$2"
  case "$1" in
    start) start ;;
    stop) stop ;;
    *) die "usage: $0 start|stop STATE_DIR" ;;
  esac
}
