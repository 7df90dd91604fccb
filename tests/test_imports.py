"""``import netkit`` imports nothing heavy; every public name is there on first use.

Each check runs in a fresh interpreter: this one has long imported everything.
"""

import subprocess
import sys
import textwrap

import pytest

import netkit as nk


def _run(code: str) -> None:
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=120
    )
    assert done.returncode == 0, done.stderr


def test_import_netkit_imports_no_pandas_until_a_name_is_used():
    _run(
        """
        import sys
        import netkit as nk
        import netkit.cli
        import netkit.archive
        assert "pandas" not in sys.modules, "import netkit imported pandas"
        nk.load_export
        assert "pandas" in sys.modules
        """
    )


def test_every_public_name_is_found_from_a_fresh_import():
    assert set(nk._HOMES) == set(nk.__all__)  # the lazy table and the public list agree
    _run(
        """
        import importlib
        import netkit as nk
        for name in nk.__all__:
            home = importlib.import_module(f"netkit.{nk._HOMES[name]}")
            assert getattr(nk, name) is getattr(home, name), name
            assert name in dir(nk), name
        """
    )


def test_nk_anonymize_is_the_function_whatever_was_imported_first():
    # The module that holds it is `netkit.privacy`: importing it first does not make
    # `nk.anonymize` a module (a submodule of the same name would).
    _run(
        """
        import netkit.privacy
        import netkit.report
        import netkit as nk
        assert callable(nk.anonymize) and nk.anonymize is netkit.privacy.anonymize
        """
    )


def test_submodules_are_attributes_and_unknown_names_raise():
    for name in ("metrics", "graph", "plot", "report", "privacy"):
        assert getattr(nk, name).__name__ == f"netkit.{name}"
    with pytest.raises(AttributeError, match="no_such_thing"):
        nk.no_such_thing  # noqa: B018


def test_star_import_gives_every_public_name():
    namespace: dict = {}
    exec("from netkit import *", namespace)
    assert set(nk.__all__) <= set(namespace)
