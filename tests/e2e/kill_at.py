#!/usr/bin/env python3
"""SIGKILLs a process at a chosen moment, for the crash-safety tests.

usage: kill_at.py PID time SECONDS    kill after SECONDS
       kill_at.py PID commit SECONDS  after SECONDS, kill as soon as one of its threads is
                                      inside fsync or fdatasync (a Xapian commit syncs every
                                      table, then the version file), or 3 s later when none was

Prints where the kill landed: "commit" (a thread was syncing), "running" or "exited" (the
process had already ended). The syscall a thread is in is read from /proc/PID/task/*/syscall.
"""
import os
import platform
import signal
import sys
import time

SYNC_CALLS = {
    "x86_64": {74, 75},   # fsync, fdatasync
    "aarch64": {82, 83},
}.get(platform.machine(), set())


def ended(pid):
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().rsplit(")", 1)[1].split()[0] in ("Z", "X")
    except (OSError, IndexError):
        return True


def syncing(pid):
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return False
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/syscall") as f:
                first = f.read().split(" ", 1)[0]
        except OSError:
            continue
        if first.lstrip("-").isdigit() and int(first) in SYNC_CALLS:
            return True
    return False


def main():
    pid, mode, seconds = int(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    time.sleep(seconds)
    deadline = time.monotonic() + 3
    where = "running"
    if mode == "commit" and SYNC_CALLS:
        while time.monotonic() < deadline and not ended(pid):
            if syncing(pid):
                where = "commit"
                break
            time.sleep(0.0005)
    try:
        os.kill(pid, signal.SIGKILL)
    except ProcessLookupError:
        where = "exited"
    print(where)


if __name__ == "__main__":
    main()
