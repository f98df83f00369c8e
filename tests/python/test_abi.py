"""The ctypes mirror (python/winnow/_abi.py) agrees with include/winnow/winnow.h.

A C program, generated from the mirror and compiled against the header, prints the
size of every mirrored struct, the offset of each of its fields and the value of
every constant; each must equal what ctypes computes.  A field added to a struct in
winnow.h and not to the mirror changes a size or an offset and fails here, loudly,
naming it: update _abi.py in the same commit."""
import ctypes
import os
import subprocess

from winnow import _abi


def c_program():
    lines = ["#include <stddef.h>", "#include <stdio.h>", "#include <winnow/winnow.h>",
             "int main(void) {"]
    for s in _abi.STRUCTS:
        name = s.__name__
        lines.append(f'  printf("sizeof {name} %zu\\n", sizeof({name}));')
        for field, _ in s._fields_:
            lines.append(f'  printf("offsetof {name}.{field} %zu\\n", offsetof({name}, {field}));')
    for const in _abi.CONSTANTS:
        lines.append(f'  printf("value {const} %lld\\n", (long long)({const}));')
    lines += ["  return 0;", "}"]
    return "\n".join(lines) + "\n"


def mirror_facts():
    facts = {}
    for s in _abi.STRUCTS:
        facts[f"sizeof {s.__name__}"] = ctypes.sizeof(s)
        for field, _ in s._fields_:
            facts[f"offsetof {s.__name__}.{field}"] = getattr(s, field).offset
    for const, value in _abi.CONSTANTS.items():
        facts[f"value {const}"] = value
    return facts


def header_facts(tmp_path):
    src = tmp_path / "abi.c"
    exe = tmp_path / "abi"
    src.write_text(c_program())
    includes = [f"-I{d}" for d in os.environ["WINNOW_INCLUDE_DIRS"].split(os.pathsep)]
    cc = os.environ.get("WINNOW_CC", "cc")
    build = subprocess.run([cc, "-std=c11", "-Wall", "-Werror", *includes, "-o", str(exe),
                            str(src)], capture_output=True, text=True, timeout=120)
    # A field or constant the mirror names but the header lacks: the compiler says which.
    assert build.returncode == 0, "the mirror names what winnow.h lacks:\n" + build.stderr
    out = subprocess.run([str(exe)], capture_output=True, text=True, check=True, timeout=30)
    facts = {}
    for line in out.stdout.splitlines():
        key, value = line.rsplit(" ", 1)
        facts[key] = int(value)
    return facts


def test_mirror_matches_the_header(tmp_path):
    c = header_facts(tmp_path)
    py = mirror_facts()
    assert c.keys() == py.keys()
    wrong = [f"{k}: winnow.h {c[k]}, python/winnow/_abi.py {py[k]}" for k in c if c[k] != py[k]]
    assert not wrong, "update python/winnow/_abi.py to winnow.h:\n" + "\n".join(wrong)


def test_mirrored_version_is_the_library_version():
    import winnow
    assert winnow.library_version() == _abi.MIRRORED_VERSION, (
        "a new library version: review python/winnow/_abi.py against winnow.h, then set "
        "MIRRORED_VERSION")
