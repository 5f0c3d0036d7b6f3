package org.mpjhpc.monitor;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;
import org.mpjhpc.output.JsonArray;
import org.mpjhpc.output.JsonObject;

/**
 * {@code /metrics}: counters and gauges of the official Prometheus client, each read from
 * the board's latest view when scraped (callbacks), so the job pays nothing between
 * scrapes. Labelled by job, and by worker where there is one.
 */
final class Metrics {
    static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;
    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Board board;

    Metrics(Board board) {
        this.board = board;
        gauge("mpjhpc_job_running", "1 while the job runs, 0 once it has ended", cb -> cb.call(
                board.finished() ? 0 : 1, board.job(), board.kind()), "job", "kind");
        switch (String.valueOf(board.kind())) {
            case "farm" -> farm();
            case "fv" -> fv();
            default -> data();
        }
    }

    byte[] scrape() {
        ByteArrayOutputStream out = new ByteArrayOutputStream(4096);
        try {
            writer.write(out, registry.scrape(), EscapingScheme.DEFAULT);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private void farm() {
        counter("mpjhpc_farm_tasks_completed", "task runs a worker completed, failed ones included", (w, cb) -> cb.call(
                w.asDouble("completed"), board.job(), id(w)), "job", "worker");
        counter("mpjhpc_farm_tasks_failed", "task runs that failed on a worker (the task's own error)",
                (w, cb) -> cb.call(w.asDouble("failed"), board.job(), id(w)), "job", "worker");
        counter("mpjhpc_farm_worker_lost", "times a worker was lost (its executor died or went silent)",
                (w, cb) -> cb.call(w.asDouble("lost"), board.job(), id(w)), "job", "worker");
        workerGauge("mpjhpc_farm_worker_running_tasks", "tasks a worker holds now", "holding");
        workerGauge("mpjhpc_farm_worker_capacity", "tasks a worker may hold at once", "capacity");
        workerGauge("mpjhpc_farm_worker_up", "1 for a worker that is active and heard from", "up");
        gauge("mpjhpc_farm_queue_tasks", "tasks waiting in the master's queue", cb -> cb.call(
                board.state().asDouble("queue"), board.job()), "job");
    }

    private void fv() {
        counter0("mpjhpc_fv_steps", "time steps taken", "step");
        counter0("mpjhpc_fv_cell_updates", "cell updates done (cells x steps)", "cell_updates");
        gauge0("mpjhpc_fv_simulated_time_seconds", "the solution's time", "t");
        gauge0("mpjhpc_fv_dt_seconds", "the last time step", "dt");
        gauge("mpjhpc_fv_conserved_total", "the conserved totals at the last diagnostics step", cb -> {
            if (board.state().get("totals") instanceof JsonObject totals) {
                for (String q : new String[] {"mass", "momentum_x", "momentum_y", "energy"}) {
                    cb.call(totals.asDouble(q), board.job(), q);
                }
            }
        }, "job", "quantity");
    }

    private void data() {
        counter0("mpjhpc_data_bytes_read", "input bytes read so far", "bytes");
        gauge("mpjhpc_data_phase_progress_ratio", "share of the current phase done (0 to 1)", cb -> {
            Object phase = board.state().get("phase");
            if (phase != null) {
                cb.call(board.state().asDouble("progress"), board.job(), phase.toString());
            }
        }, "job", "phase");
    }

    private void gauge(String name, String help, Consumer<GaugeWithCallback.Callback> read, String... labels) {
        GaugeWithCallback.builder().name(name).help(help).labelNames(labels).callback(read).register(registry);
    }

    private void gauge0(String name, String help, String field) {
        gauge(name, help, cb -> cb.call(board.state().asDouble(field), board.job()), "job");
    }

    private void counter0(String name, String help, String field) {
        CounterWithCallback.builder().name(name).help(help).labelNames("job")
                .callback(cb -> cb.call(board.state().asDouble(field), board.job())).register(registry);
    }

    private void counter(String name, String help, PerWorker<CounterWithCallback.Callback> read, String... labels) {
        CounterWithCallback.builder().name(name).help(help).labelNames(labels)
                .callback(cb -> eachWorker(w -> read.call(w, cb))).register(registry);
    }

    private void workerGauge(String name, String help, String field) {
        gauge(name, help, cb -> eachWorker(w -> cb.call(w.asDouble(field), board.job(), id(w))), "job", "worker");
    }

    private void eachWorker(Consumer<JsonObject> each) {
        if (board.state().get("workers") instanceof JsonArray workers) {
            for (int i = 0; i < workers.size(); i++) {
                each.accept((JsonObject) workers.get(i));
            }
        }
    }

    private static String id(JsonObject worker) {
        return String.valueOf((long) worker.asDouble("id"));
    }

    /** A callback per worker. */
    @FunctionalInterface
    private interface PerWorker<C> {
        void call(JsonObject worker, C callback);
    }
}
