"""``python -m payequity.datasets``: write the sample municipality."""

from ._generate import main

raise SystemExit(main())
