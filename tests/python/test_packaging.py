"""python/pyproject.toml installs the package offline with Debian's pip and setuptools
(no build isolation, no index), and the installed copy works from another directory.
The build runs on a copy of python/, so the source tree gets no build/ or egg-info."""
import importlib.util
import os
import shutil
import subprocess
import sys

import pytest


@pytest.mark.skipif(not (importlib.util.find_spec("pip") and importlib.util.find_spec("setuptools")),
                    reason="needs python3-pip and python3-setuptools")
def test_offline_install_works(source_dir, tmp_path):
    src = tmp_path / "src"
    shutil.copytree(source_dir / "python", src)
    target = tmp_path / "site"
    env = dict(os.environ, PIP_NO_INPUT="1", PIP_DISABLE_PIP_VERSION_CHECK="1")
    env.pop("PYTHONPATH", None)
    install = subprocess.run([sys.executable, "-m", "pip", "install", "--no-build-isolation",
                              "--no-index", "--no-deps", "--target", str(target), str(src)],
                             capture_output=True, text=True, env=env, timeout=240)
    assert install.returncode == 0, install.stdout + install.stderr
    env["PYTHONPATH"] = str(target)
    run = subprocess.run([sys.executable, "-c",
                          "import winnow; r = winnow.extract('<p>The council voted on the "
                          "budget for the schools of the city today.</p>'); "
                          "print(winnow.__file__); print(winnow.__version__, r['status'])"],
                         capture_output=True, text=True, env=env, cwd=tmp_path, timeout=60)
    assert run.returncode == 0, run.stderr
    where, line = run.stdout.splitlines()
    assert where.startswith(str(target))
    import winnow
    assert line == f"{winnow.__version__} ok"
