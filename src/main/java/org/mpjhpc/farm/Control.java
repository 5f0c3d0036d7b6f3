package org.mpjhpc.farm;

import java.io.IOException;
import java.io.UncheckedIOException;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.function.Function;
import java.util.function.Supplier;
import org.mpjhpc.log.Log;
import org.mpjhpc.output.AtomicWrite;

/**
 * Starting the control endpoint, telling the user (and scripts) where it listens, and
 * turning each request into the master's action and its answer.
 */
final class Control {
    private Control() {
    }

    /** What an action did, named for the answer; or why it could not be done. */
    record Applied(String key, String value, String refusal) {
        static Applied did(String key, Object value) {
            return new Applied(key, String.valueOf(value), null);
        }

        static Applied refused(String why) {
            return new Applied(null, null, why);
        }
    }

    /**
     * Carries out one request between two MPI polls: a shutdown, a status, or an action
     * applied as the timeline's are.
     */
    static ControlServer.Reply reply(ControlServer.Command c, int workers, Function<Action, Applied> apply,
            Runnable shutdown, Supplier<ObjectNode> status) {
        if (c.worker() != Request.ANY_WORKER && (c.worker() < 0 || c.worker() >= workers)) {
            return ControlServer.error(400, "no worker " + c.worker() + " (workers are 0.." + (workers - 1) + ")");
        }
        if (c.route().equals("shutdown")) {
            shutdown.run();
            return ControlServer.ok(ControlServer.object().put("shutdown", "the job ends once its work has drained"));
        }
        if (!(c.payload() instanceof Action action)) {
            return ControlServer.ok(status.get());
        }
        Applied done = apply.apply(action);
        if (done.refusal() != null) {
            return ControlServer.error(409, done.refusal());
        }
        return ControlServer.ok(ControlServer.object().put(done.key(), done.value()));
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
            org.mpjhpc.monitor.Board board = org.mpjhpc.monitor.Board.get();
            ControlServer server = board.on() ? new ControlServer(config, board) : new ControlServer(config);
            AtomicWrite.text(Path.of(outDir, "control.json"), "{\"url\": \"" + server.url() + "\"}\n");
            Log.info("control endpoint " + (board.on() ? "on the monitor's port, " : "listening on ") + server.url()
                    + " (bearer token required)");
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
