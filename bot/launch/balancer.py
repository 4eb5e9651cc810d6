"""HAProxy in front of the Rasa replicas and the action servers (`make stack`).

- socket.io (/socket.io/): sticky. A WebSocket stays on one connection anyway; a
  long-polling client gets a cookie naming its replica, so every poll of its
  session reaches the replica that holds it.
- Everything else (REST, the Slack and Telegram webhooks): round robin. Any
  replica can answer any turn: the trackers are in PostgreSQL and Redis locks
  each conversation while one replica handles a turn.
- A replica that fails three health checks in a row (2 s apart, 5 s each) leaves
  the rotation. Until then a request it refuses, or closes without a word of
  answer (it died while the request waited or ran), is sent to another replica
  at once. A patient's message is answered at least once rather than at most
  once: it may be an emergency, and a replica that dies between storing a turn
  and answering it (a moment) leaves that turn stored twice, which costs less
  than an error. The other replica answers it once the dead one's hold on the
  conversation lapses (`TICKET_LOCK_LIFETIME`). The price: a message that itself
  killed a replica would reach the next one too. A request larger than HAProxy's
  buffer (16 kB) is never re-sent. No connection to a replica is reused, so no
  request goes down a dead one.
- `X-Forwarded-For` is added, so the REST channel treats callers through the
  balancer as remote: they need `REST_CHANNEL_TOKEN`. `X-Served-By` names the
  replica that answered (for the tests and for a clinic's logs).

The configuration holds no secret; it is written to the stack's data folder.
"""

from __future__ import annotations

import subprocess
from dataclasses import dataclass
from pathlib import Path
from typing import List, Sequence

from bot.launch.processes import LaunchError, start, wait_for_port
from bot.launch.services import require_program, service_user

STICKY_COOKIE = "LEUKOBOT_REPLICA"
SERVED_BY_HEADER = "X-Served-By"


@dataclass(frozen=True)
class Balancer:
    """Where HAProxy listens and where it sends requests."""

    rasa_port: int
    action_port: int
    replica_ports: Sequence[int]
    action_server_ports: Sequence[int]

    def configuration(self) -> str:
        """haproxy.cfg for this layout."""
        lines: List[str] = [
            "global",
            "  log stdout format raw local0 info",
            "  maxconn 2048",
            "",
            "defaults",
            "  mode http",
            "  log global",
            "  option httplog",
            "  option dontlognull",  # the launcher's port probes
            "  timeout connect 2s",
            # A replica handles a turn on its event loop: a first turn after start can
            # hold a health check for a few seconds. Three slow checks in a row mark it
            # down; a refused connection, or one closed with no answer, is redispatched
            # at once (retry-on below; see the module docstring).
            "  timeout check 5s",
            "  default-server inter 2s fall 3 rise 2",
            "  timeout http-request 10s",  # a whole request, body included (slow senders)
            "  timeout client 70s",
            "  timeout server 70s",
            "  timeout tunnel 1h",  # an open WebSocket
            "  retries 2",
            "  retry-on conn-failure empty-response",
            "  option http-buffer-request",  # the whole request in hand, so it can be re-sent
            "  option redispatch 1",
            "",
            "frontend bot",
            f"  bind 127.0.0.1:{self.rasa_port}",
            "  option forwardfor",
            "  acl socketio path_beg /socket.io/",
            "  use_backend replicas_sticky if socketio",
            "  default_backend replicas",
        ]
        lines += self._replica_backend("replicas", sticky=False)
        lines += self._replica_backend("replicas_sticky", sticky=True)
        lines += [
            "",
            "frontend actions",
            f"  bind 127.0.0.1:{self.action_port}",
            "  default_backend action_servers",
            "",
            "backend action_servers",
            "  balance roundrobin",
            "  option httpchk GET /health",
        ]
        lines += [
            f"  server actions{n} 127.0.0.1:{port} check"
            for n, port in enumerate(self.action_server_ports, 1)
        ]
        return "\n".join(lines) + "\n"

    def _replica_backend(self, name: str, sticky: bool) -> List[str]:
        """A backend of every replica; sticky ones insert a cookie naming the replica."""
        lines = ["", f"backend {name}", "  balance roundrobin", "  option httpchk GET /"]
        # A new connection per request: none goes down one a dead replica left open.
        lines.append("  http-reuse never")
        if sticky:
            lines.append(f"  cookie {STICKY_COOKIE} insert indirect nocache httponly")
        lines.append(f"  http-response set-header {SERVED_BY_HEADER} %s")
        lines += [
            f"  server rasa{n} 127.0.0.1:{port} check" + (f" cookie rasa{n}" if sticky else "")
            for n, port in enumerate(self.replica_ports, 1)
        ]
        return lines

    def start(self, folder: Path, log: Path) -> subprocess.Popen:
        """Writes the configuration, checks it, starts HAProxy in the foreground (detached)."""
        program = require_program("haproxy", "haproxy")
        config = folder / "haproxy.cfg"
        config.write_text(self.configuration(), encoding="utf-8")
        config.chmod(0o644)
        checked = subprocess.run([program, "-c", "-q", "-f", str(config)], capture_output=True)
        if checked.returncode != 0:
            raise LaunchError(f"HAProxy refused {config}: {checked.stderr.decode()[-400:]}")
        user = service_user("haproxy")
        process = start([program, "-db", "-f", str(config)], log, cwd=folder, user=user)
        wait_for_port(self.rasa_port, process)
        wait_for_port(self.action_port, process)
        return process
