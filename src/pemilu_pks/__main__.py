"""``python -m pemilu_pks``: the same as the ``pemilu-pks`` command."""

from __future__ import annotations

from ._cli import main

raise SystemExit(main())
