#!/bin/bash
# after-switch, run on each host inside the new release: restart the service, then wait until
# the app answers /health again (asked with node, which every host of this app has). A deploy
# whose app does not come back fails here, and with `parallel: 1` the next host restarts only
# once this one serves again (see README.md).
set -euo pipefail
sudo -n systemctl restart app.service
port=$(sed -n 's/^PORT=//p' "$SHIPRAIL_PATH/shared/.env")
export HEALTH_URL="http://127.0.0.1:${port:-3000}/health"
for _ in $(seq 100); do
  if node -e 'fetch(process.env.HEALTH_URL).then(r => process.exit(r.ok ? 0 : 1), () => process.exit(1))'; then
    exit 0
  fi
  sleep 0.1
done
echo "app.service did not answer $HEALTH_URL within 10 s" >&2
exit 1
