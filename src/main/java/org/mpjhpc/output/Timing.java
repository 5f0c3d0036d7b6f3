package org.mpjhpc.output;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The timing table every job ends with, printed and written into the report alike: seconds
 * per phase (each the maximum over ranks), each phase's share of the span they divide, the
 * time per unit of work (a step, a task, a megabyte), the first-step overhead and the wall
 * clock. Phases marked as parts are printed indented under the phase before them and are
 * not counted again in the span.
 */
public final class Timing {
    private record Row(String name, double seconds, boolean part) {
    }

    private final String unit;
    private final double units;
    private final List<Row> rows = new ArrayList<>();
    private String spanName = "total";
    private double span = Double.NaN;
    private double wall = Double.NaN;
    private String scope = "maximum over ranks";
    private String firstLabel;
    private double first = Double.NaN;

    /**
     * @param unit  what one unit of work is ("step", "task", "MB")
     * @param units how many of them the job did
     */
    public Timing(String unit, double units) {
        this.unit = unit;
        this.units = units;
    }

    /** A phase's seconds, already the maximum over ranks. */
    public Timing phase(String name, double seconds) {
        rows.add(new Row(name, seconds, false));
        return this;
    }

    /** A breakdown or subtotal printed under the phases; not added to the span. */
    public Timing part(String name, double seconds) {
        rows.add(new Row(name, seconds, true));
        return this;
    }

    /** The time the shares divide (the time loop, say); without it, the phases' sum. */
    public Timing span(String name, double seconds) {
        this.spanName = name;
        this.span = seconds;
        return this;
    }

    /** Whose time the table shows; by default the maximum over ranks. */
    public Timing scope(String scope) {
        this.scope = scope;
        return this;
    }

    /** The wall clock from the job's start to its end on rank 0, start-up included. */
    public Timing wall(double seconds) {
        this.wall = seconds;
        return this;
    }

    /** The first step's (or first result's) time: the overhead before the steady state. */
    public Timing first(String label, double seconds) {
        this.firstLabel = label;
        this.first = seconds;
        return this;
    }

    /** The span: as set, or the phases' sum. */
    public double spanSeconds() {
        if (!Double.isNaN(span)) {
            return span;
        }
        return rows.stream().filter(r -> !r.part).mapToDouble(Row::seconds).sum();
    }

    /** Microseconds per unit of the span, or 0 when no work was done. */
    public double microsPerUnit() {
        return units <= 0 ? 0 : 1e6 * spanSeconds() / units;
    }

    /** The table as printed at the end of the run. */
    public String table() {
        StringBuilder t = new StringBuilder();
        String perUnit = "us/" + unit;
        line(t, "%-14s %10s %8s %12s   (%s)", "phase", "seconds", "share", perUnit, scope);
        double whole = spanSeconds();
        for (Row r : rows) {
            line(t, "%-14s %10.4f %7.1f%% %12.1f", (r.part ? "  " : "") + r.name, r.seconds, share(r.seconds, whole),
                    units <= 0 ? 0 : 1e6 * r.seconds / units);
        }
        line(t, "%-14s %10.4f %7.1f%% %12.1f", spanName, whole, 100.0, microsPerUnit());
        StringBuilder tail = new StringBuilder();
        if (firstLabel != null) {
            tail.append(Double.isNaN(first) ? firstLabel + " none; " : String.format(Locale.ROOT, "%s %.4f s; ", firstLabel, first));
        }
        String amount = units == Math.rint(units) ? Long.toString((long) units) : String.format(Locale.ROOT, "%.1f", units);
        boolean plural = !amount.equals("1") && unit.equals(unit.toLowerCase(Locale.ROOT));
        tail.append(String.format(Locale.ROOT, "%s %s%s in %.4f s", amount, unit, plural ? "s" : "", whole));
        if (!Double.isNaN(wall)) {
            tail.append(String.format(Locale.ROOT, "; wall %.3f s", wall));
        }
        line(t, "%s", tail);
        return t.toString();
    }

    /** Writes the phases, span, wall, first-step time and time per unit into a report's "timing" object. */
    public JsonObject writeTo(JsonObject timing) {
        for (Row r : rows) {
            timing.put(r.name.strip(), r.seconds);
        }
        timing.put(spanName, spanSeconds());
        if (!Double.isNaN(wall)) {
            timing.put("wall", wall);
        }
        if (firstLabel != null && Double.isNaN(first)) {
            timing.putNull("first_step"); // nothing finished: no first step to time
        } else if (firstLabel != null) {
            timing.put("first_step", first);
        }
        timing.put("unit", unit);
        timing.put("units", units);
        timing.put("us_per_unit", microsPerUnit());
        return timing;
    }

    private static double share(double part, double whole) {
        return whole <= 0 ? 0 : 100 * part / whole;
    }

    private static void line(StringBuilder t, String format, Object... args) {
        t.append(String.format(Locale.ROOT, format, args)).append('\n');
    }
}
