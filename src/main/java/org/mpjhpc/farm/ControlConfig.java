package org.mpjhpc.farm;

import java.io.Serializable;

/**
 * The live control endpoint's settings ({@code farm.control}); off unless enabled.
 *
 * @param enabled           whether rank 0 serves HTTP at all
 * @param bind              the address to listen on (loopback unless told otherwise)
 * @param port              the port; 0 picks a free one (written to control.json in the output folder)
 * @param token             the bearer token every request must carry
 * @param maxBodyBytes      larger request bodies are refused with 413
 * @param waitForShutdown   the job ends only after {@code POST /shutdown}, once its work has drained
 */
public record ControlConfig(boolean enabled, String bind, int port, String token, int maxBodyBytes,
        boolean waitForShutdown) implements Serializable {

    static final ControlConfig OFF = new ControlConfig(false, "127.0.0.1", 0, null, 0, false);
}
