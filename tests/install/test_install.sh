#!/bin/sh
# test_install.sh BUILD_DIR SOURCE_DIR -- the library as a user gets it: installs the
# build into a temporary prefix, checks what landed there and what libwinnow.so
# exports, then builds four programs against the installed files only -- with
# `pkg-config --cflags --libs winnow` (shared), with `pkg-config --static` (libwinnow.a),
# and CMake projects using find_package(winnow) with winnow::winnow and
# winnow::winnow_static -- each also defining a buf_init of its own, and runs them on a
# bundled page.
set -u
build=$1 src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
ok() { passes=$((passes + 1)); }
bad() { echo "FAIL: $*" >&2; fails=$((fails + 1)); }
check() { name=$1; shift; if "$@"; then ok; else bad "$name"; fi; }

for t in cc pkg-config nm cmake; do
  command -v $t >/dev/null 2>&1 || { echo "test_install: no $t, skipped"; exit 77; }
done
[ -f "$build/libwinnow.so" ] || { echo "test_install: built without WINNOW_SHARED, skipped"; exit 77; }

prefix=$tmp/prefix
cmake --install "$build" --prefix "$prefix" > "$tmp/install.log" 2>&1 ||
  { cat "$tmp/install.log" >&2; bad "cmake --install"; }
lib=$(cd "$prefix" && ls -d lib* | head -n 1)
libdir=$prefix/$lib
if [ -d "$libdir/x86_64-linux-gnu" ] || [ -d "$libdir/$(gcc -print-multiarch 2>/dev/null)" ]; then
  libdir=$libdir/$(gcc -print-multiarch)
fi
for f in bin/winnow include/winnow/winnow.h include/winnow/version.h share/man/man1/winnow.1; do
  check "installed: $f" test -f "$prefix/$f"
done
for f in libwinnow.a libwinnow.so pkgconfig/winnow.pc cmake/winnow/winnowConfig.cmake \
         cmake/winnow/winnowConfigVersion.cmake cmake/winnow/winnowTargets.cmake; do
  check "installed: $lib/.../$f" test -e "$libdir/$f"
done
soname=$(objdump -p "$libdir/libwinnow.so" 2>/dev/null | awk '$1 == "SONAME" { print $2 }')
check "libwinnow.so has a SONAME (got '$soname')" test -n "$soname" -a -e "$libdir/$soname"

# Only the API leaves the shared library.
nm -D --defined-only "$libdir/libwinnow.so" | awk 'NF == 3 { print $3 }' > "$tmp/exports"
check "libwinnow.so exports winnow_extract" grep -qx winnow_extract "$tmp/exports"
if grep -v '^winnow_' "$tmp/exports" > "$tmp/stray"; then
  bad "libwinnow.so exports symbols without the winnow_ prefix: $(head -n 5 "$tmp/stray" | tr '\n' ' ')"
else ok; fi
check "libwinnow.so does not export the embedded rule data" sh -c "! grep -q '^winnow_default' '$tmp/exports'"
# Every function the public header declares is exported.
sed -n 's/^WINNOW_EXPORT[^(]*[ *]\(winnow_[a-z_]*\)(.*/\1/p' "$prefix/include/winnow/winnow.h" | sort > "$tmp/declared"
sort "$tmp/exports" > "$tmp/exports.sorted"
check "exports are exactly the header's WINNOW_EXPORT functions" cmp -s "$tmp/declared" "$tmp/exports.sorted"
# The static library defines no bare global names (a program's buf_init must link).
# DW.ref.* is the C++ compiler's own (the language detector's shim catches exceptions):
# shared, identical, between every C++ object, and no C name can clash with it.
nm --defined-only -g "$libdir/libwinnow.a" | awk 'NF == 3 { print $3 }' | sort -u > "$tmp/static"
if grep -v '^winnow_\|^wn_\|^DW\.ref\.__gxx_personality_v0$' "$tmp/static" > "$tmp/stray"; then
  bad "libwinnow.a defines unprefixed globals: $(head -n 5 "$tmp/stray" | tr '\n' ' ')"
else ok; fi

page=$src/fixtures/html-news-npr/input.html
want=$(sed -n 1p "$src/fixtures/html-news-npr/expected.txt" 2>/dev/null)
[ -n "$want" ] || want=$("$prefix/bin/winnow" "$page" | sed -n 1p)
export PKG_CONFIG_PATH="$libdir/pkgconfig"
version=$(pkg-config --modversion winnow)
check "pkg-config --modversion matches winnow --version" \
  sh -c "'$prefix/bin/winnow' --version | grep -q ' $version\$'"
check "winnow.pc names its private requirements" \
  sh -c "pkg-config --print-requires-private winnow | grep -q libxml-2.0"

# runs NAME PROGRAM: the program prints the page's article (its headline first).
runs() {
  out=$("$2" "$page" 2>"$tmp/err"); rc=$?
  if [ $rc -eq 0 ] && [ "$(printf '%s\n' "$out" | sed -n 1p)" = "$want" ]; then ok
  else bad "$1: exit $rc, first line '$(printf '%s\n' "$out" | sed -n 1p)', want '$want' $(head -c 300 "$tmp/err")"; fi
}

# 1. pkg-config, shared.
if cc -o "$tmp/shared" "$src/examples/extract.c" "$src/tests/install/own_buf_init.c" \
     $(pkg-config --cflags --libs winnow) 2> "$tmp/cc.log"; then
  check "pkg-config build links libwinnow.so" sh -c "ldd '$tmp/shared' | grep -q libwinnow.so"
  LD_LIBRARY_PATH=$libdir runs "pkg-config (shared)" "$tmp/shared"
else bad "pkg-config (shared) build: $(head -c 600 "$tmp/cc.log")"; fi

# 2. pkg-config --static: libwinnow.a, the dependencies from Requires.private.
deps=$(pkg-config --static --libs winnow | sed 's/-lwinnow//')
if cc -o "$tmp/static" "$src/examples/extract.c" "$src/tests/install/own_buf_init.c" \
     $(pkg-config --static --cflags winnow) -Wl,-Bstatic -lwinnow -Wl,-Bdynamic $deps \
     2> "$tmp/cc.log"; then
  check "pkg-config --static build does not need libwinnow.so" \
    sh -c "! ldd '$tmp/static' | grep -q libwinnow"
  runs "pkg-config --static" "$tmp/static"
else bad "pkg-config --static build: $(head -c 600 "$tmp/cc.log")"; fi

# 3. CMake: find_package(winnow), target winnow::winnow.
mkdir -p "$tmp/consumer"
sed "s|@SOURCE_DIR@|$src|g" "$src/tests/install/CMakeLists.txt.in" > "$tmp/consumer/CMakeLists.txt"
if cmake -S "$tmp/consumer" -B "$tmp/consumer/build" -DCMAKE_PREFIX_PATH="$prefix" \
     > "$tmp/cmake.log" 2>&1 && cmake --build "$tmp/consumer/build" >> "$tmp/cmake.log" 2>&1; then
  runs "find_package(winnow)" "$tmp/consumer/build/extract"
else bad "CMake consumer: $(tail -n 20 "$tmp/cmake.log")"; fi

# 4. CMake, winnow::winnow_static: the package names what libwinnow.a needs (libcld2
# and libstdc++ when built with them) to a project that enables C only.
mkdir -p "$tmp/static-consumer"
sed -e "s|@SOURCE_DIR@|$src|g" -e 's|winnow::winnow)|winnow::winnow_static)|' \
  "$src/tests/install/CMakeLists.txt.in" > "$tmp/static-consumer/CMakeLists.txt"
if cmake -S "$tmp/static-consumer" -B "$tmp/static-consumer/build" -DCMAKE_PREFIX_PATH="$prefix" \
     > "$tmp/cmake.log" 2>&1 && cmake --build "$tmp/static-consumer/build" >> "$tmp/cmake.log" 2>&1; then
  check "find_package(winnow) static build does not need libwinnow.so" \
    sh -c "! ldd '$tmp/static-consumer/build/extract' | grep -q libwinnow"
  runs "find_package(winnow) winnow::winnow_static" "$tmp/static-consumer/build/extract"
else bad "CMake static consumer: $(tail -n 20 "$tmp/cmake.log")"; fi

echo "test_install: $passes passed, $fails failed"
[ "$fails" -eq 0 ]
