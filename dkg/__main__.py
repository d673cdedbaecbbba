import sys

from dkg.cli import main

sys.exit(main())
