package org.mpjhpc.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class VerdictTest {
    @Test
    void oneFailedCheckFailsTheRunAndIsNamed() {
        Verdict v = new Verdict();
        v.check(true, "rows read 3 = kept 3");
        assertEquals("VERIFY PASS: ok: rows read 3 = kept 3", v.line());
        assertEquals(0, v.exitCode());
        v.check(false, "bytes read 2 of 3");
        v.check(true, "histogram holds 3 of 3");
        assertEquals("VERIFY FAIL: ok: rows read 3 = kept 3; FAILED: bytes read 2 of 3; ok: histogram holds 3 of 3",
                v.line());
        assertEquals(1, v.exitCode());
        JsonObject json = new JsonObject();
        v.writeTo(json);
        assertEquals("{\"verified\":false,\"checks\":[\"ok: rows read 3 = kept 3\",\"FAILED: bytes read 2 of 3\","
                + "\"ok: histogram holds 3 of 3\"]}", json.toString());
    }
}
