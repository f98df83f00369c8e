"""The ctypes mirror (python/winnow/_abi.py) agrees with include/winnow/winnow.h.

A C program, generated from the mirror and compiled against the header, prints the
size of every mirrored struct, the offset of each of its fields and the value of
every constant; each must equal what ctypes computes.  A field added to a struct in
winnow.h and not to the mirror changes a size or an offset and fails here, loudly,
naming it: update _abi.py in the same commit."""
import ctypes
import os
import re
import subprocess

import pytest

from winnow import _abi


def c_program(structs, constants):
    lines = ["#include <stddef.h>", "#include <stdio.h>", "#include <winnow/winnow.h>",
             "int main(void) {"]
    for s in structs:
        name = s.__name__
        lines.append(f'  printf("sizeof {name} %zu\\n", sizeof({name}));')
        for field, _ in s._fields_:
            lines.append(f'  printf("offsetof {name}.{field} %zu\\n", offsetof({name}, {field}));')
    for const in constants:
        lines.append(f'  printf("value {const} %lld\\n", (long long)({const}));')
    lines += ["  return 0;", "}"]
    return "\n".join(lines) + "\n"


def mirror_facts(structs, constants):
    facts = {}
    for s in structs:
        facts[f"sizeof {s.__name__}"] = ctypes.sizeof(s)
        for field, _ in s._fields_:
            facts[f"offsetof {s.__name__}.{field}"] = getattr(s, field).offset
    for const, value in constants.items():
        facts[f"value {const}"] = value
    return facts


def include_dirs():
    return os.environ["WINNOW_INCLUDE_DIRS"].split(os.pathsep)


def header_facts(tmp_path, structs, constants):
    src = tmp_path / "abi.c"
    exe = tmp_path / "abi"
    src.write_text(c_program(structs, constants))
    includes = [f"-I{d}" for d in include_dirs()]
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


def compare(tmp_path, structs, constants, mirror):
    c = header_facts(tmp_path, structs, constants)
    py = mirror_facts(structs, constants)
    assert c.keys() == py.keys()
    wrong = [f"{k}: winnow.h {c[k]}, python/winnow/_abi.py {py[k]}" for k in c if c[k] != py[k]]
    assert not wrong, f"update {mirror} to winnow.h:\n" + "\n".join(wrong)


def test_mirror_matches_the_header(tmp_path):
    compare(tmp_path, _abi.STRUCTS, _abi.CONSTANTS, "python/winnow/_abi.py")


def header_declarations():
    """The structs (typedef struct {...} NAME;) and constants (enumerators, #define
    WINNOW_*) winnow.h declares, read from its text with the comments removed."""
    header = next(os.path.join(d, "winnow", "winnow.h") for d in include_dirs()
                  if os.path.exists(os.path.join(d, "winnow", "winnow.h")))
    with open(header) as f:
        text = re.sub(r"/\*.*?\*/", " ", f.read(), flags=re.S)
    structs = set(re.findall(r"typedef\s+struct\s*\{[^}]*\}\s*(\w+)\s*;", text))
    constants = set()
    for body in re.findall(r"typedef\s+enum\s*\{([^}]*)\}", text):
        constants.update(re.findall(r"(?:^|,)\s*(WINNOW_\w+)", body))
    constants.update(re.findall(r"^#define[ \t]+(WINNOW_\w+)[ \t]+\S", text, re.M))
    constants -= {"WINNOW_EXPORT"}  # the visibility attribute, no value
    return structs, constants


def test_the_mirror_has_every_struct_and_constant_of_the_header():
    structs, constants = header_declarations()
    assert "winnow_options" in structs and "WINNOW_ERR_TIMEOUT" in constants  # parsed
    missing = sorted(structs - {s.__name__ for s in _abi.STRUCTS})
    missing += sorted(constants - set(_abi.CONSTANTS))
    assert not missing, "winnow.h declares what python/winnow/_abi.py lacks: " + ", ".join(
        missing)


def test_mirrored_version_is_the_library_version():
    import winnow
    assert winnow.library_version() == _abi.MIRRORED_VERSION, (
        "a new library version: review python/winnow/_abi.py against winnow.h, then set "
        "MIRRORED_VERSION")
