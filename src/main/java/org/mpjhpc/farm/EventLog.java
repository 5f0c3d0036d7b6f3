package org.mpjhpc.farm;

import java.util.ArrayList;
import java.util.List;

/** What happened to the workers during a run, with times since the job's start, for the report. */
final class EventLog {
    /** One event: {@code kind} is fault, dead, requeued, restart, ready, added, stopped, stolen. */
    record Event(long tMs, String kind, int worker, String detail) {
    }

    private final long epochMs;
    private final List<Event> events = new ArrayList<>();

    EventLog(long epochMs) {
        this.epochMs = epochMs;
    }

    void add(String kind, int worker, String detail) {
        events.add(new Event(System.currentTimeMillis() - epochMs, kind, worker, detail));
    }

    List<Event> events() {
        return events;
    }
}
