"""warc_tool.py -- test_warc.sh's helper, independent of winnow's reader:

  records IN.warc             one line per record of a sound plain WARC:
                              "OFFSET TYPE PAGE URI" (PAGE 1 when winnow must extract it)
  break KIND IN.warc OUT N    OUT = IN with record N broken in the way KIND says
  gzip-members IN.warc OUT    OUT = IN gzipped record by record
  big OUT SIZE                OUT = a page, a SIZE-byte record, a page (streamed out)
  check EXPECT OUT.jsonl DIR  every URI in EXPECT (lines "URI TEXTFILE") is in the JSON
                              Lines exactly once, with the text in DIR/TEXTFILE"""
import gzip
import json
import sys


def split_records(data):
    """[(offset, header bytes, block bytes)] of a sound WARC."""
    out, i = [], 0
    while i < len(data):
        end = data.index(b"\r\n\r\n", i)
        head = data[i:end + 2]
        n = int([l.split(b":", 1)[1] for l in head.split(b"\r\n")
                 if l.lower().startswith(b"content-length:")][0])
        out.append((i, head, data[end + 4:end + 4 + n]))
        i = end + 4 + n + 4
    return out


def field(head, name):
    for line in head.split(b"\r\n"):
        if line.lower().startswith(name.lower() + b":"):
            return line.split(b":", 1)[1].strip().decode()
    return ""


def is_page(head, block):
    t = field(head, b"WARC-Type")
    if t == "resource":
        ct = field(head, b"Content-Type").split(";")[0].strip().lower()
        return ct in ("text/html", "text/plain", "application/xhtml+xml", "")
    if t != "response":
        return False
    status_line, _, rest = block.partition(b"\r\n")
    if not 200 <= int(status_line.split()[1]) <= 299:
        return False
    hdrs = rest.split(b"\r\n\r\n", 1)[0]
    ct = field(b"\r\n" + hdrs, b"Content-Type").split(";")[0].strip().lower()
    return ct in ("text/html", "text/plain", "application/xhtml+xml", "")


def records(path):
    data = open(path, "rb").read()
    for off, head, block in split_records(data):
        uri = field(head, b"WARC-Target-URI").strip("<>")
        print(off, field(head, b"WARC-Type"), int(is_page(head, block)), uri)


def rebuild(recs):
    return b"".join(h + b"\r\n" + b + b"\r\n\r\n" for _, h, b in recs)


def break_one(kind, src, dst, n):
    recs = split_records(open(src, "rb").read())
    off, head, block = recs[n]
    cl = len(block)
    set_cl = lambda v: head.replace(b"Content-Length: %d" % cl, b"Content-Length: %d" % v)
    before, after = rebuild(recs[:n]), rebuild(recs[n + 1:])
    whole = head + b"\r\n" + block + b"\r\n\r\n"
    if kind == "cut":  # the archive ends in the middle of record n
        out = before + whole[:len(whole) // 2]
    elif kind == "short":
        out = before + set_cl(cl - 25) + b"\r\n" + block + b"\r\n\r\n" + after
    elif kind == "long":
        out = before + set_cl(cl + 300) + b"\r\n" + block + b"\r\n\r\n" + after
    elif kind == "garbage":  # junk instead of record n
        out = before + b"\x00\x01 junk WARC/1.0 not at a line start\r\n" * 40 + after
    elif kind == "noheaders":
        out = before + b"WARC/1.0\r\n\r\n" + block + b"\r\n\r\n" + after
    else:
        raise SystemExit("unknown kind " + kind)
    open(dst, "wb").write(out)


def gzip_members(src, dst):
    recs = split_records(open(src, "rb").read())
    with open(dst, "wb") as f:
        for r in recs:
            f.write(gzip.compress(rebuild([r])))


def big(dst, size):
    def rec(uri, block_len):
        return (b"WARC/1.1\r\nWARC-Type: resource\r\nWARC-Target-URI: %s\r\n"
                b"Content-Type: text/plain\r\nContent-Length: %d\r\n\r\n" % (uri, block_len))
    page = b"A small page of plain text that comes around the big one.\n"
    with open(dst, "wb") as f:
        f.write(rec(b"http://t/before", len(page)) + page + b"\r\n\r\n")
        f.write(rec(b"http://t/big", size))
        chunk = b"x" * 65535 + b"\n"
        left = size
        while left:
            f.write(chunk[:min(left, len(chunk))])
            left -= min(left, len(chunk))
        f.write(b"\r\n\r\n")
        f.write(rec(b"http://t/after", len(page)) + page + b"\r\n\r\n")


def check(expect, jsonl, textdir):
    want = [l.split(" ", 1) for l in open(expect).read().splitlines() if l]
    got = [json.loads(l) for l in open(jsonl, encoding="utf-8")]
    # A page is there once whether it has main content or not (wget.log has none).
    pages = [r for r in got if r["status"] in ("ok", "no_content")]
    urls = [r["url"] for r in pages]
    bad = 0
    for uri, textfile in want:
        if urls.count(uri) != 1:
            print("FAIL: %s appears %d times" % (uri, urls.count(uri)))
            bad += 1
            continue
        r = pages[urls.index(uri)]
        if textfile != "-":
            direct = open(textdir + "/" + textfile, encoding="utf-8").read()
            if r["text"] != direct:
                print("FAIL: %s: text differs from extracting the page directly" % uri)
                bad += 1
    extra = set(urls) - {u for u, _ in want}
    if extra:
        print("FAIL: pages nobody expected:", sorted(extra))
        bad += 1
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    cmd, args = sys.argv[1], sys.argv[2:]
    if cmd == "records":
        records(*args)
    elif cmd == "break":
        break_one(args[0], args[1], args[2], int(args[3]))
    elif cmd == "gzip-members":
        gzip_members(*args)
    elif cmd == "big":
        big(args[0], int(args[1]))
    elif cmd == "check":
        check(*args)
