"""``python -m payequity.datasets``: write the sample municipality."""

from ._folder import main

raise SystemExit(main())
