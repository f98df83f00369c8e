#!/bin/sh
# dask.sh [BUILD_DIR] -- records/s of `python3 -m winnow.dask` with 1 and 2 Dask workers
# on this machine, against the CLI on the same archives.
#
# Writes the development pages (../shared/data/wcxb-dev-article and scrapinghub),
# WINNOW_DASK_COPIES times (default 3), into WINNOW_DASK_ARCHIVES WARC files (default
# 16) gzipped record by record, each page a request and a response record.  Then, best
# of WINNOW_BENCH_REPEAT runs (default 3), the wall time and the CPU time of
#   cli -jN:       winnow -jN -f jsonl ARCHIVES                 (N = 1, 2)
#   dask W:        python3 -m winnow.dask --scheduler ... -o OUT ARCHIVES
#                  on a dask-scheduler and W dask-workers of one thread each (W = 1, 2)
# and records/s of each.  The dask wall time is the whole command: interpreter start,
# connecting, scheduling, extraction, gathering, writing; its CPU time is the client's
# plus the scheduler's and the workers' during the run (from /proc), so that records
# per CPU-second compares the work done per core whatever else loads the machine.
# Every output is checked to be the CLI's, byte for byte.  Everything listens on 127.0.0.1 only; the scheduler and workers are
# stopped at the end.  Needs python3 with python3-distributed (WINNOW_PYTHON, else
# /usr/bin/python3) and ../shared beside the checkout.
set -eu
root=$(cd "$(dirname "$0")/.." && pwd)
build=${1:-$root/build}
shared=${WINNOW_SHARED:-$root/../shared}
reps=${WINNOW_BENCH_REPEAT:-3}
copies=${WINNOW_DASK_COPIES:-3}
narch=${WINNOW_DASK_ARCHIVES:-16}
py=${WINNOW_PYTHON:-/usr/bin/python3}
"$py" -c 'import distributed' 2> /dev/null ||
  { echo "dask.sh: $py has no Dask distributed (apt-get install python3-distributed)" >&2; exit 2; }
tmp=$(mktemp -d)
pids=""
stop() {
  for p in $pids; do kill "$p" 2> /dev/null || true; done
  for p in $pids; do wait "$p" 2> /dev/null || true; done
  pids=""
}
trap 'stop; rm -rf "$tmp"' EXIT
trap 'exit 130' INT TERM

cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=Release > /dev/null
cmake --build "$build" -j2 --target winnow winnow_shared > /dev/null
w=$build/winnow
export PYTHONPATH="$root/python${PYTHONPATH:+:$PYTHONPATH}"
export WINNOW_LIBRARY="$build/libwinnow.so"
export DASK_CONFIG="$tmp/dask-config"

for d in wcxb-dev-article scrapinghub; do
  [ -d "$shared/data/$d/html" ] || { echo "dask.sh: no $shared/data/$d/html" >&2; exit 2; }
done
mkdir "$tmp/in"
"$py" - "$shared/data" "$tmp/in" "$copies" "$narch" <<'PY'
import gzip, os, sys
data, dst, copies, narch = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
pages = [os.path.join(data, d, "html", f) for d in ("wcxb-dev-article", "scrapinghub")
         for f in sorted(os.listdir(os.path.join(data, d, "html"))) if f.endswith(".html.gz")]
def record(kind, uri, ctype, block, serial):
    head = ("WARC/1.1\r\nWARC-Type: %s\r\nWARC-Record-ID: <urn:uuid:bench-%s>\r\n"
            "WARC-Date: 2026-12-06T00:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Type: %s\r\n"
            "Content-Length: %d\r\n\r\n" % (kind, serial, uri, ctype, len(block)))
    return gzip.compress(head.encode() + block + b"\r\n\r\n", 6)
outs = [open(os.path.join(dst, "part-%03d.warc.gz" % k), "wb") for k in range(narch)]
n = 0
for c in range(copies):
    for p in pages:
        page = gzip.open(p).read()
        uri = "http://bench.invalid/%d/%s" % (c, os.path.basename(p)[:-3])
        resp = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n" + page
        out = outs[n % narch]
        out.write(record("request", uri, "application/http;msgtype=request",
                         b"GET / HTTP/1.1\r\n\r\n", "q%d" % n))
        out.write(record("response", uri, "application/http;msgtype=response", resp, n))
        n += 1
for out in outs:
    out.close()
PY
cd "$tmp/in"
set -- part-*.warc.gz
"$w" -j2 -q -f jsonl "$@" > "$tmp/want.jsonl" || [ $? = 1 ]
n=$(wc -l < "$tmp/want.jsonl")
echo "records: $n in $# archives ($(du -sk . | cut -f1) KB), copies=$copies, best of $reps"

free_port() {
  "$py" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}
wait_port() {  # PORT: listening within 60 s
  "$py" - "$1" <<'PY'
import socket, sys, time
deadline = time.monotonic() + 60
while time.monotonic() < deadline:
    try:
        socket.create_connection(("127.0.0.1", int(sys.argv[1])), timeout=1).close()
        sys.exit(0)
    except OSError:
        time.sleep(0.1)
sys.exit("dask.sh: nothing listens on 127.0.0.1:%s" % sys.argv[1])
PY
}
# CPU seconds used so far by the processes in $pids (the scheduler and the workers)
cluster_cpu() {
  "$py" -c 'import os, sys
tick = os.sysconf("SC_CLK_TCK")
total = 0
for p in sys.argv[1:]:
    try:
        f = open("/proc/%s/stat" % p).read().rsplit(")", 1)[1].split()
        total += int(f[11]) + int(f[12])
    except OSError:
        pass
print(total / tick)' $pids
}
# best STDOUT COMMAND...: "WALL CPU", the best wall and CPU seconds (the command's
# user+sys, plus the cluster's during it) over the repetitions, its standard output to
# STDOUT; $tmp/out.jsonl must then be the CLI's output
best() {
  stdout=$1
  shift
  : > "$tmp/runs"
  i=0
  while [ "$i" -lt "$reps" ]; do
    rm -f "$tmp/out.jsonl"
    c0=$(cluster_cpu)
    /usr/bin/time -f '%e %U %S' -o "$tmp/t" "$@" > "$stdout" || [ $? = 1 ]
    c1=$(cluster_cpu)
    cmp -s "$tmp/out.jsonl" "$tmp/want.jsonl" ||
      { echo "dask.sh: $* did not give the CLI's output" >&2; exit 1; }
    echo "$(tail -1 "$tmp/t") $c0 $c1" >> "$tmp/runs"
    i=$((i + 1))
  done
  "$py" -c 'import sys
runs = [list(map(float, l.split())) for l in open(sys.argv[1])]
print(min(r[0] for r in runs), min(r[1] + r[2] + r[4] - r[3] for r in runs))' "$tmp/runs"
}
report() {  # LABEL WALL CPU
  "$py" -c 'import sys
label, wall, cpu, n = sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), int(sys.argv[4])
print("%-8s %7.2f s wall %6.0f records/s   %7.2f s CPU %6.0f records/CPU-s" % (label, wall, n / wall, cpu, n / cpu))' "$1" $2 "$n"
}
for j in 1 2; do
  t=$(best "$tmp/out.jsonl" "$w" -j"$j" -q -f jsonl part-*.warc.gz)
  report "cli -j$j" "$t"
done

for workers in 1 2; do
  port=$(free_port)
  "$py" -m distributed.cli.dask_scheduler --host 127.0.0.1 --port "$port" --no-dashboard \
    --dashboard-address 127.0.0.1:0 > "$tmp/scheduler.log" 2>&1 &
  pids="$pids $!"
  wait_port "$port"
  k=0
  while [ "$k" -lt "$workers" ]; do
    "$py" -m distributed.cli.dask_worker "tcp://127.0.0.1:$port" --host 127.0.0.1 \
      --no-nanny --nthreads 1 --no-dashboard --dashboard-address 127.0.0.1:0 \
      --death-timeout 60 --local-directory "$tmp/w$k" > "$tmp/worker$k.log" 2>&1 &
    pids="$pids $!"
    k=$((k + 1))
  done
  "$py" -c 'import sys, distributed
with distributed.Client(sys.argv[1], timeout=60) as c:
    c.wait_for_workers(int(sys.argv[2]), timeout=60)' "tcp://127.0.0.1:$port" "$workers"
  t=$(best /dev/null "$py" -m winnow.dask --scheduler "tcp://127.0.0.1:$port" -o "$tmp/out.jsonl" \
    part-*.warc.gz)
  report "dask $workers" "$t"
  stop
done
