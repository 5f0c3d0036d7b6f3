package org.mpjhpc.config;

import java.io.Serializable;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The live monitor's settings (top-level {@code monitor:}, or {@code --monitor [PORT]}):
 * off unless enabled.
 *
 * @param enabled whether rank 0 serves the monitor at all
 * @param bind    the address to listen on: loopback unless told otherwise
 * @param port    the port; 0 picks a free one (the URL is printed and written to monitor.json)
 * @param token   the bearer token every request must carry, or null on a loopback address
 */
public record MonitorConfig(boolean enabled, String bind, int port, String token) implements Serializable {
    /** No monitor. */
    public static final MonitorConfig OFF = new MonitorConfig(false, "127.0.0.1", 0, null);

    /** The environment variable that may hold the monitor's token. */
    public static final String TOKEN_ENV = "MPJHPC_MONITOR_TOKEN";

    /** The port {@code --monitor} uses when given none; the next free one when it is taken. */
    public static final int DEFAULT_PORT = 8090;

    /** Reads {@code monitor:}; a monitor reachable from other hosts without a token is refused. */
    static MonitorConfig read(Section m) {
        boolean enabled = m.bool("enabled", m.has("port") || m.has("bind"));
        String bind = m.string("bind", "127.0.0.1");
        int port = m.intIn("port", DEFAULT_PORT, 0, 65535);
        String token = m.string("token", System.getenv(TOKEN_ENV));
        m.finish();
        if (!enabled) {
            return OFF;
        }
        if (!loopback(bind) && (token == null || token.length() < 8)) {
            throw m.error("bind", bind + " is reachable from other hosts: the monitor then needs a bearer token of at"
                    + " least 8 characters (monitor.token or $" + TOKEN_ENV + "), or bind 127.0.0.1 and use an ssh"
                    + " tunnel");
        }
        return new MonitorConfig(true, bind, port, loopback(bind) ? null : token);
    }

    /** Whether {@code bind} is a loopback address (unknown names count as not). */
    public static boolean loopback(String bind) {
        try {
            return InetAddress.getByName(bind).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
