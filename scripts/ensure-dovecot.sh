#!/usr/bin/env bash
# The inbound-mail tests fetch from a real IMAP server: Debian's dovecot, started by the tests
# with their own configuration (tests/helpers/imap-server.ts); no system service is used.
set -euo pipefail
dovecot_path="${DOVECOT_PATH:-/usr/sbin/dovecot}"
[ -x "$dovecot_path" ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's dovecot-imapd for the inbound-mail tests …"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq dovecot-imapd >/dev/null
  exit 0
fi
echo "dovecot not found at $dovecot_path. Install it (sudo apt-get install dovecot-imapd) or set DOVECOT_PATH." >&2
exit 1
