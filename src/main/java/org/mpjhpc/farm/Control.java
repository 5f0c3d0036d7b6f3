package org.mpjhpc.farm;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.AtomicWrite;

/** Starting the control endpoint and telling the user (and scripts) where it listens. */
final class Control {
    private Control() {
    }

    /** Whether {@code bind} is a loopback address (unknown names count as not). */
    static boolean loopback(String bind) {
        try {
            return java.net.InetAddress.getByName(bind).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    /** Starts the endpoint when enabled, writes {@code control.json} with its URL; else null. */
    static ControlServer start(ControlConfig config, String outDir) {
        if (!config.enabled()) {
            return null;
        }
        try {
            ControlServer server = new ControlServer(config);
            AtomicWrite.text(Path.of(outDir, "control.json"), "{\"url\": \"" + server.url() + "\"}\n");
            Log.info("control endpoint listening on " + server.url() + " (bearer token required)");
            if (!loopback(config.bind())) {
                Log.warn("the control endpoint listens on " + config.bind() + ", reachable from other hosts: anyone"
                        + " holding the token can run shell commands as " + System.getProperty("user.name")
                        + " (POST /send of a shell task); prefer bind: 127.0.0.1 and an ssh tunnel");
            }
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the control endpoint on " + config.bind() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }
}
