package org.mpjhpc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class TimingTest {
    @Test
    void sharesDivideThePhasesSumAndPartsAreNotCountedTwice() {
        Timing t = new Timing("MB", 2).phase("read", 3).part("parse", 2).phase("reduce", 1);
        assertEquals(4, t.spanSeconds(), 1e-12);
        assertEquals(2e6, t.microsPerUnit(), 1e-6);
        String table = t.table();
        assertTrue(table.contains("read               3.0000    75.0%    1500000.0\n  parse            2.0000    50.0%    1000000.0"), table);
        assertTrue(table.contains("reduce             1.0000    25.0%"), table);
        assertTrue(table.contains("total              4.0000   100.0%"), table);
        assertTrue(table.contains("(maximum over ranks)"), table);
        assertTrue(table.endsWith("2 MB in 4.0000 s\n"), table);
    }

    @Test
    void aSetSpanIsWhatTheSharesDivideAndTheReportCarriesEveryFigure() {
        Timing t = new Timing("step", 100).phase("halo", 0.5).span("loop", 2).first("first 5 steps", 0.25).wall(3);
        assertTrue(t.table().contains("halo               0.5000    25.0%       5000.0"), t.table());
        JsonObject json = t.writeTo(new JsonObject());
        assertEquals(0.5, number(json, "halo"));
        assertEquals(2, number(json, "loop"));
        assertEquals(3, number(json, "wall"));
        assertEquals(0.25, number(json, "first_step"));
        assertEquals("step", json.get("unit"));
        assertEquals(20000, number(json, "us_per_unit"), 1e-9);
        assertEquals("{\"halo\":0.5,\"loop\":2.0,\"wall\":3.0,\"first_step\":0.25,\"unit\":\"step\",\"units\":100.0,"
                + "\"us_per_unit\":20000.0}", json.toString());
    }

    @Test
    void noWorkIsNoDivisionByZero() {
        Timing t = new Timing("task", 0).phase("idle", 0);
        assertEquals(0, t.microsPerUnit());
        assertFalse(t.table().contains("NaN"), t.table());
        assertFalse(t.writeTo(new JsonObject()).has("wall"));
    }

    private static double number(JsonObject json, String name) {
        return ((Number) json.get(name)).doubleValue();
    }
}
