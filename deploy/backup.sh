#!/usr/bin/env bash
# Nightly database backup: one pg_dump in custom format per night into DIR, daily dumps
# kept for 14 days and the first of each month for 12 months. Reads DATABASE_URL.
# Usage: deploy/backup.sh /var/backups/sokra   (see docs/deploy.md, "Backups")
set -euo pipefail
dir=${1:?usage: backup.sh DIR}
mkdir -p "$dir"
stamp=$(date +%Y-%m-%d)
tmp="$dir/.sokra-$stamp.dump.partial"
pg_dump --format=custom --no-owner --file="$tmp" "$DATABASE_URL"
mv "$tmp" "$dir/sokra-$stamp.dump"
find "$dir" -name 'sokra-*.dump' ! -name 'sokra-*-01.dump' -mtime +14 -delete
find "$dir" -name 'sokra-*-01.dump' -mtime +366 -delete
