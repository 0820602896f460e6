#!/bin/sh
# Serveert /srv/knooppunt-adresboek/regio.db alleen-lezen op 127.0.0.1:8001; de TLS-proxy zit ervoor.
set -eu
DIR="${KNOOPPUNT_ADRESBOEK_DIR:-/srv/knooppunt-adresboek}"
exec datasette serve --immutable "$DIR/regio.db" \
    --metadata "$DIR/metadata.json" \
    --host 127.0.0.1 --port 8001 \
    --setting default_allow_sql off \
    --setting force_https_urls on \
    --setting allow_download off \
    --setting suggest_facets off
