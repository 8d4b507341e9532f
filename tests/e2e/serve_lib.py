# Helpers for the dateline-serve end-to-end tests (imported by tests/e2e/serve_*.py, not a test).
# Environment from CTest (through the serve_*.sh wrappers): BIN, SRC, SHARED; argv[1] is a scratch
# folder (the wrapper's $WORK, removed by lib.bash). Python 3 standard library only.
#
# - Server(db, *args): runs `$BIN/dateline-serve --db DB --port 0 ARGS`, reads the port from its
#   "listening on http://127.0.0.1:PORT" line on stderr, waits for /api/health, and collects its
#   stdout (the access log) and stderr in memory. Every server started is killed when the test
#   process ends, whatever the reason (atexit, SIGTERM/SIGINT to the test, and PR_SET_PDEATHSIG so
#   even a SIGKILLed test leaves no server behind). Only 127.0.0.1 is ever contacted.
# - cli(...) / cli_json(...): dateline-query on the same database.
# - Params: one search request written once (API names) and turned into a GET query string, a
#   JSON request object (POST /api/search, --batch lines) and dateline-query options.
# - Checker: records failures and goes on, so one run lists every disagreement; exit 1 if any.
import atexit
import ctypes
import http.client
import json
import os
import re
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.parse

BIN = os.environ["BIN"]
SRC = os.environ["SRC"]
SHARED = os.environ.get("SHARED", "")
WORK = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("WORK") or "/tmp"
SAMPLE = os.path.join(SRC, "corpora/sample/articles.jsonl")
REUTERS_FILE = os.path.join(SHARED, "corpora/reuters21578/reuters21578.jsonl.gz") if SHARED else ""
REUTERS = REUTERS_FILE if REUTERS_FILE and os.path.isfile(REUTERS_FILE) else None
REUTERS_FIELDS = ["--field", "tags=topics,places,people,orgs"]
REUTERS_INDEX_ARGS = REUTERS_FIELDS + ["--no-sync"]  # a test database: no fsync per commit
SERVE = os.path.join(BIN, "dateline-serve")
QUERY = os.path.join(BIN, "dateline-query")
INDEX = os.path.join(BIN, "dateline-index")
HOST = "127.0.0.1"

T0 = time.monotonic()


def log(*a):
    print(f"[{time.monotonic() - T0:6.1f}s]", *a, file=sys.stderr, flush=True)


# ---------------------------------------------------------------------------------------------
# Failures


class Checker:
    """check(cond, msg) records a failure and goes on; case(name) runs a block, catching errors."""

    def __init__(self):
        self.failures = []
        self.checks = 0

    def check(self, cond, msg):
        self.checks += 1
        if not cond:
            self.failures.append(msg)
            log("FAIL:", msg if len(msg) < 2000 else msg[:2000] + "…")
        return bool(cond)

    def equal(self, got, want, what):
        d = first_difference(got, want)
        return self.check(d is None, f"{what}: {d}")

    class _Case:
        def __init__(self, checker, name):
            self.c, self.name = checker, name

        def __enter__(self):
            return self

        def __exit__(self, typ, val, tb):
            if typ is None:
                return False
            if issubclass(typ, KeyboardInterrupt):
                return False
            import traceback
            self.c.failures.append(f"{self.name}: {typ.__name__}: {val}")
            log(f"FAIL: {self.name}: {typ.__name__}: {val}")
            traceback.print_exception(typ, val, tb, file=sys.stderr)
            return True  # keep going with the next case

    def case(self, name):
        return Checker._Case(self, name)

    def finish(self, name):
        log(f"{name}: {self.checks} checks, {len(self.failures)} failures, "
            f"{time.monotonic() - T0:.1f} s")
        if self.failures:
            print(f"FAIL: {name}: {len(self.failures)} failures:", file=sys.stderr)
            for f in self.failures:
                print("  -", f if len(f) < 3000 else f[:3000] + "…", file=sys.stderr)
            sys.exit(1)
        if self.checks == 0:
            print(f"FAIL: {name}: nothing was checked", file=sys.stderr)
            sys.exit(1)
        print("ok")
        sys.exit(0)


class Fatal(Exception):
    pass


def first_difference(a, b, path="$"):
    """None when a == b (as JSON values: 1 != 1.0 is not a difference, True != 1 is); else where."""
    if isinstance(a, bool) or isinstance(b, bool):
        if type(a) is not type(b) or a != b:
            return f"{path}: {short(a)} != {short(b)}"
        return None
    if isinstance(a, dict) and isinstance(b, dict):
        for k in sorted(set(a) | set(b)):
            if k not in a:
                return f"{path}.{k}: missing on the left (right: {short(b[k])})"
            if k not in b:
                return f"{path}.{k}: missing on the right (left: {short(a[k])})"
            d = first_difference(a[k], b[k], f"{path}.{k}")
            if d:
                return d
        return None
    if isinstance(a, list) and isinstance(b, list):
        for i, (x, y) in enumerate(zip(a, b)):
            d = first_difference(x, y, f"{path}[{i}]")
            if d:
                return d
        if len(a) != len(b):
            return f"{path}: length {len(a)} != {len(b)}"
        return None
    if a != b or type(a) is not type(b) and not (isinstance(a, (int, float)) and isinstance(b, (int, float))):
        return f"{path}: {short(a)} != {short(b)}"
    return None


def without(d, *keys):
    """d without keys (d itself when it is not an object)."""
    return {k: v for k, v in d.items() if k not in keys} if isinstance(d, dict) else d


def short(v, n=300):
    s = json.dumps(v, ensure_ascii=False) if not isinstance(v, (bytes, str)) else repr(v)
    return s if len(s) <= n else s[:n] + "…"


# ---------------------------------------------------------------------------------------------
# The command-line tools


def run(argv, stdin=None, timeout=300):
    p = subprocess.run(argv, input=stdin, capture_output=True, timeout=timeout)
    return p.returncode, p.stdout, p.stderr.decode("utf-8", "replace")


def index(db, *inputs, args=()):
    rc, out, err = run([INDEX, "--db", db, *args, *inputs], timeout=600)
    if rc != 0:
        raise Fatal(f"dateline-index --db {db} {' '.join(args)} {' '.join(inputs)}: exit {rc}: {err}")
    return err


class IndexInBackground:
    """dateline-index started now (e.g. Reuters while the sample half of a test runs); wait()
    returns when it is done and raises Fatal if it failed."""

    def __init__(self, db, *inputs, args=(), stdin=None):
        self.what = f"dateline-index --db {db} {' '.join(args)} {' '.join(inputs)}"
        self.t0 = time.monotonic()
        self.proc = subprocess.Popen([INDEX, "--db", db, *args, *inputs], stdin=stdin or subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, preexec_fn=_pdeathsig)

    def wait(self):
        err = self.proc.communicate(timeout=600)[1].decode("utf-8", "replace")
        if self.proc.returncode != 0:
            raise Fatal(f"{self.what}: exit {self.proc.returncode}: {err}")
        log(f"indexed in {time.monotonic() - self.t0:.1f} s: {self.what}")
        return err


def cli(db, args, stdin=None):
    """dateline-query --db DB ARGS: (exit, stdout bytes, stderr text)."""
    return run([QUERY, "--db", db, *args], stdin=stdin)


def cli_json(db, args, stdin=None):
    rc, out, err = cli(db, args, stdin)
    if rc not in (0, 1):
        raise Fatal(f"dateline-query --db {db} {' '.join(args)}: exit {rc}: {err}")
    return json.loads(out)


def cli_error(db, args):
    """The message dateline-query prints for a failing request (after 'dateline-query: ')."""
    rc, out, err = cli(db, args)
    if rc != 2:
        raise Fatal(f"dateline-query {' '.join(args)}: expected exit 2, got {rc}: {err}")
    line = err.strip().splitlines()[-1]
    prefix = "dateline-query: "
    return line[len(prefix):] if line.startswith(prefix) else line


# ---------------------------------------------------------------------------------------------
# One search request in three spellings

BOOL_KEYS = {"collapse", "auto_correct", "entity_aliases"}
INT_KEYS = {"limit", "offset", "facet_limit", "snippet_length", "suggest_below", "max_expansion"}
CLI_OPTION = {
    "sort": "--sort", "limit": "--limit", "offset": "--offset", "recency": "--recency",
    "now": "--now", "like": "--like", "lang": "--lang", "bucket": "--bucket",
    "facet_limit": "--facet-limit", "facet_type": "--facet-type",
    "snippet_length": "--snippet-length", "suggest_below": "--suggest-below",
    "max_expansion": "--max-expansion",
}


class Params:
    """A search request as (API name, value) pairs; facet and filter may repeat."""

    def __init__(self, q="", *pairs, **kw):
        self.q = q
        self.pairs = list(pairs) + list(kw.items())

    def __repr__(self):
        return "Params(" + ", ".join([repr(self.q)] + [f"{k}={v!r}" for k, v in self.pairs]) + ")"

    def facets(self):
        out = []
        for k, v in self.pairs:
            if k == "facet":
                out += [f for f in v.split(",") if f]
        return out

    def filters(self):
        return [v for k, v in self.pairs if k == "filter"]

    def query_string(self, bool_words=("true", "false")):
        items = [("q", self.q)]
        for k, v in self.pairs:
            if isinstance(v, bool):
                v = bool_words[0] if v else bool_words[1]
            items.append((k, str(v)))
        return urllib.parse.urlencode(items, quote_via=urllib.parse.quote)

    def path(self, endpoint="/api/search", **kw):
        return f"{endpoint}?{self.query_string(**kw)}"

    def json_object(self, query_key="query"):
        o = {query_key: self.q}
        if any(k == "facet" for k, _ in self.pairs):
            o["facets"] = self.facets()
        if any(k == "filter" for k, _ in self.pairs):
            o["filters"] = self.filters()
        for k, v in self.pairs:
            if k in ("facet", "filter"):
                continue
            o[k] = v
        return o

    def cli_args(self):
        a = []
        for k, v in self.pairs:
            if k == "facet":
                for f in v.split(","):
                    a += ["--facet", f]
            elif k == "filter":
                a += ["--filter", v]
            elif k == "collapse":
                a += ["--collapse"] if v else []
            elif k == "auto_correct":
                a += ["--auto-correct"] if v else []
            elif k == "entity_aliases":
                a += [] if v else ["--no-entity-aliases"]
            else:
                a += [CLI_OPTION[k], str(v)]
        return a + ["--", self.q]


# ---------------------------------------------------------------------------------------------
# The server

_servers = []


def _pdeathsig():
    # The server gets SIGKILL when the thread that started it (the test's main thread) dies.
    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except OSError:
        pass


def _kill_all():
    for s in list(_servers):
        s.kill()


atexit.register(_kill_all)


def _on_signal(sig, frame):
    _kill_all()
    sys.exit(128 + sig)


signal.signal(signal.SIGTERM, _on_signal)
signal.signal(signal.SIGINT, _on_signal)

LISTENING = re.compile(r"listening on http://([0-9.]+):(\d+)\b")


class Response:
    def __init__(self, status, reason, headers, body, elapsed):
        self.status, self.reason, self.body, self.elapsed = status, reason, body, elapsed
        self.header_list = headers
        self.headers = {k.lower(): v for k, v in headers}

    def json(self):
        return json.loads(self.body.decode("utf-8"))

    def text(self):
        return self.body.decode("utf-8")

    def json_lines(self):
        return [json.loads(l) for l in self.body.decode("utf-8").splitlines() if l.strip()]

    def error(self):
        """(code, message) of an error body, or raises."""
        e = self.json()["error"]
        return e["code"], e["message"]

    def __repr__(self):
        return f"<{self.status} {short(self.body[:400].decode('utf-8', 'replace'))}>"


class Server:
    def __init__(self, db, *args, healthy=True, start_timeout=30):
        self.db = db
        self.argv = [SERVE, "--db", db, "--port", "0", *args]
        self.out_lines, self.err_lines = [], []
        self.listening = threading.Event()
        self.proc = subprocess.Popen(self.argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, preexec_fn=_pdeathsig)
        _servers.append(self)
        self._readers = [threading.Thread(target=self._read, args=(self.proc.stdout, self.out_lines), daemon=True),
                         threading.Thread(target=self._read, args=(self.proc.stderr, self.err_lines, True), daemon=True)]
        for t in self._readers:
            t.start()
        deadline = time.monotonic() + start_timeout
        while not self.listening.wait(0.05):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                for t in self._readers:
                    t.join(2)
                rc = self.proc.poll()
                self.kill()
                raise Fatal(f"{' '.join(self.argv)} did not start (exit {rc}): {''.join(self.err_lines)}")
        m = LISTENING.search(self.listen_line)
        self.host, self.port = m.group(1), int(m.group(2))
        if self.host != HOST:
            self.kill()
            raise Fatal(f"server listens on {self.host}, not {HOST}: {self.listen_line}")
        # Ready when /api/health answers (200 when the database opens; any answer otherwise).
        while True:
            try:
                r = self.get("/api/health", timeout=5)
                if r.status == 200 or not healthy:
                    break
            except OSError:
                pass
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.kill()
                raise Fatal(f"{' '.join(self.argv)}: /api/health never answered 200: {''.join(self.err_lines)}")
            time.sleep(0.05)

    def _read(self, stream, lines, watch=False):
        for raw in iter(stream.readline, b""):
            line = raw.decode("utf-8", "replace")
            lines.append(line)
            if watch and not self.listening.is_set() and LISTENING.search(line):
                self.listen_line = line.strip()
                self.listening.set()
        stream.close()

    # -- HTTP
    def connection(self, timeout=60):
        return http.client.HTTPConnection(HOST, self.port, timeout=timeout)

    def request(self, method, path, body=None, headers=None, timeout=60):
        """One request on a new connection (closed after the answer)."""
        if isinstance(body, (dict, list)):
            body = json.dumps(body).encode()
        elif isinstance(body, str):
            body = body.encode()
        h = {"Connection": "close"}
        if body is not None and not any(k.lower() == "content-type" for k in (headers or {})):
            h["Content-Type"] = "application/json"
        h.update(headers or {})
        c = self.connection(timeout)
        t = time.monotonic()
        try:
            c.request(method, path, body=body, headers=h)
            r = c.getresponse()
            data = r.read()
            return Response(r.status, r.reason, r.getheaders(), data, time.monotonic() - t)
        finally:
            c.close()

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, body, **kw):
        return self.request("POST", path, body=body, **kw)

    def raw(self, data, timeout=10):
        """Sends raw bytes, returns every byte the server answers before closing (or the timeout)."""
        s = socket.create_connection((HOST, self.port), timeout=timeout)
        try:
            s.sendall(data)
            try:
                s.shutdown(socket.SHUT_WR)
            except OSError:
                pass
            out = b""
            while True:
                try:
                    chunk = s.recv(65536)
                except (socket.timeout, ConnectionResetError):
                    break
                if not chunk:
                    break
                out += chunk
            return out
        finally:
            s.close()

    # -- process
    def alive(self):
        return self.proc.poll() is None

    def stop(self, sig=signal.SIGTERM, timeout=20):
        """Sends sig and waits for the exit; returns the exit status (None if it did not exit)."""
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            rc = self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            rc = None
        self.kill()
        return rc

    def kill(self):
        if self.proc.poll() is None:
            try:
                self.proc.send_signal(signal.SIGTERM)
                self.proc.wait(3)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
            except ProcessLookupError:
                pass
        for t in self._readers:
            t.join(2)
        if self in _servers:
            _servers.remove(self)

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.kill()
        return False


def start_expect_exit(db, *args, timeout=10):
    """Runs dateline-serve expecting it to refuse to start: (exit status, stderr). A server that
    starts listening instead is killed at once (exit None)."""
    p = subprocess.Popen([SERVE, "--db", db, "--port", "0", *args], stdin=subprocess.DEVNULL,
                         stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=_pdeathsig)
    err = b""
    deadline = time.monotonic() + timeout
    os.set_blocking(p.stderr.fileno(), False)
    while time.monotonic() < deadline:
        chunk = p.stderr.read() or b""
        err += chunk
        if LISTENING.search(err.decode("utf-8", "replace")):
            p.kill()
            p.wait()
            return None, err.decode("utf-8", "replace")
        if p.poll() is not None:
            time.sleep(0.05)
            err += p.stderr.read() or b""
            return p.returncode, err.decode("utf-8", "replace")
        time.sleep(0.02)
    p.kill()
    p.wait()
    return None, err.decode("utf-8", "replace")


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def need_server():
    if not os.access(SERVE, os.X_OK):
        print(f"SKIP: {SERVE} is not built", file=sys.stderr)
        sys.exit(77)
