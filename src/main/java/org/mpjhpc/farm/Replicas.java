package org.mpjhpc.farm;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A worker's versioned copy of the shared resources. It is filled by the resource table's
 * {@code Bcast} at job start and at each phase boundary, and by grants that carry a value;
 * a grant that carries only a version means the copy here is current.
 */
final class Replicas {
    /** One resource as a worker knows it. */
    record Entry(ResourceType type, long version, Object value) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    void replaceAll(Map<String, Entry> table) {
        entries.clear();
        entries.putAll(table);
    }

    void put(String name, Entry entry) {
        entries.put(name, entry);
    }

    /** The version held here, or 0 when this worker has never seen the resource. */
    long version(String name) {
        Entry e = entries.get(name);
        return e == null ? 0 : e.version();
    }

    Entry get(String name) {
        return entries.get(name);
    }
}
