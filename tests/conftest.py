"""Shared fixtures: pack literal export bytes into a zip or folder and load them."""

from __future__ import annotations

import itertools
from collections.abc import Callable, Mapping
from pathlib import Path

import pandas as pd
import pytest
from fixtures import DEFAULT_NAME, build_export

_counter = itertools.count()


@pytest.fixture
def make_export(tmp_path: Path) -> Callable[..., Path]:
    """``make_export(files, *, name=..., layout="zip"|"folder"|"wrapped")`` -> the path to load."""

    def make(files: Mapping[str, bytes], **options) -> Path:
        options.setdefault("name", DEFAULT_NAME)
        return build_export(tmp_path / f"export{next(_counter)}", files, **options)

    return make


@pytest.fixture
def load(make_export: Callable[..., Path]):
    """``load(files, **options)`` -> ``nk.load_export`` of the packed export."""
    import netkit as nk

    def load_files(files: Mapping[str, bytes], **options):
        return nk.load_export(make_export(files, **options))

    return load_files


@pytest.fixture(scope="session")
def load_path(tmp_path_factory: pytest.TempPathFactory):
    """Session-scoped variant of ``load`` for hypothesis tests (no function-scoped tmp_path)."""
    import netkit as nk

    def load_files(files: Mapping[str, bytes], **options):
        options.setdefault("name", DEFAULT_NAME)
        root = tmp_path_factory.mktemp("prop")
        return nk.load_export(build_export(root, files, **options))

    return load_files


def pytest_configure(config: pytest.Config) -> None:
    # Keep failure output readable for wide frames.
    pd.set_option("display.width", 160)
    pd.set_option("display.max_columns", 20)
