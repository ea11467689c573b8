from payequity.cli import main

raise SystemExit(main())
