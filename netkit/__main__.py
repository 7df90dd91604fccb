"""``python -m netkit``: the same command line as the ``netkit`` script."""

from .cli import main

raise SystemExit(main())
