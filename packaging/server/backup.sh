#!/usr/bin/env bash
# Knooppunt: een back-up van de serverdatabase met pg_dump (custom-formaat, gecomprimeerd), één
# bestand per dag, de oudste weg na BEWAAR_DAGEN dagen. Draai dagelijks als de gebruiker postgres,
# bijvoorbeeld vanuit cron:
#   15 2 * * *  postgres  /opt/knooppunt/backup.sh /var/backups/knooppunt
# Terugzetten: zie README.md ("Back-ups"). Verbindingsgegevens: de gewone libpq-variabelen
# (PGHOST, PGPORT, PGUSER, PGSSLMODE …); zonder PGHOST via de socket op de server zelf.
set -euo pipefail

doel=${1:?"Gebruik: backup.sh MAP [DATABASE]"}
database=${2:-knooppunt}
bewaar_dagen=${BEWAAR_DAGEN:-30}
pg_dump_bin=${PG_DUMP:-pg_dump}

mkdir -p "$doel"
chmod 700 "$doel"   # de back-ups bevatten dossiers van kinderen: alleen voor de eigenaar
bestand="$doel/$database-$(date +%Y-%m-%d).dump"
tijdelijk="$bestand.bezig"

# Eerst naar een tijdelijk bestand: een afgebroken back-up laat geen half bestand achter dat heel lijkt.
umask 077
"$pg_dump_bin" --format=custom --compress=6 --no-password --file="$tijdelijk" "$database"
mv "$tijdelijk" "$bestand"
echo "Back-up gemaakt: $bestand ($(du -h "$bestand" | cut -f1))"

find "$doel" -maxdepth 1 -name "$database-*.dump" -mtime +"$bewaar_dagen" -print -delete
