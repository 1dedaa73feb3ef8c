"""The entry package: the `poles-qa` command line and the wiring of the processes it starts."""
