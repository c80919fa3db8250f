"""Run by ``verification.verify_stored`` in a bounded child process: reads a PDF
on stdin, the trust anchors' files as a JSON list in argv, and writes the
reports as JSON on stdout."""

import json
import sys

from pyhanko.keys import load_certs_from_pemder

from portal.signing.checking import check


def main():
    roots = list(load_certs_from_pemder(json.loads(sys.argv[1])))
    reports = check(sys.stdin.buffer.read(), roots)
    json.dump([report.to_json() for report in reports], sys.stdout)


if __name__ == "__main__":
    main()
