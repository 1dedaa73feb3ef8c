#!/bin/sh
# As the official image's entrypoint: before nginx starts, source each executable *.envsh and run
# each executable *.sh of /docker-entrypoint.d/, in order.
set -e
if [ "$1" = "nginx" ]; then
  for f in $(find /docker-entrypoint.d/ -follow -type f | sort -V); do
    case "$f" in
      *.envsh) if [ -x "$f" ]; then . "$f"; fi ;;
      *.sh) if [ -x "$f" ]; then "$f"; fi ;;
    esac
  done
fi
exec "$@"
