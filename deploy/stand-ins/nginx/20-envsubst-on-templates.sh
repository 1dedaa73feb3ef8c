#!/bin/sh
# As the official image's script of that name: /etc/nginx/templates/X.template -> /etc/nginx/conf.d/X,
# substituting only variables that are set, so nginx's own $variables stay.
set -e
defined=$(printf '${%s} ' $(env | cut -d= -f1))
for template in /etc/nginx/templates/*.template; do
  [ -f "$template" ] || continue
  envsubst "$defined" < "$template" > "/etc/nginx/conf.d/$(basename "$template" .template)"
done
