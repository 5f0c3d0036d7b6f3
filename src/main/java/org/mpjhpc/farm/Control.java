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

    /** Starts the endpoint when enabled, writes {@code control.json} with its URL; else null. */
    static ControlServer start(ControlConfig config, String outDir) {
        if (!config.enabled()) {
            return null;
        }
        try {
            ControlServer server = new ControlServer(config);
            AtomicWrite.text(Path.of(outDir, "control.json"), "{\"url\": \"" + server.url() + "\"}\n");
            Log.info("control endpoint listening on " + server.url() + " (bearer token required)");
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the control endpoint on " + config.bind() + ":"
                    + config.port() + ": " + e.getMessage(), e);
        }
    }
}
