package org.mpjhpc.data.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class HeaderVerdictTest {
    @Test
    void aHeaderAndAnErrorTravelAsThemselvesWhateverTheirText() {
        for (HeaderVerdict v : new HeaderVerdict[] {new HeaderVerdict("error,ok ,value", null),
                new HeaderVerdict(null, "ok standard input: line 1: no column 'x'"), new HeaderVerdict("", null),
                new HeaderVerdict("día,ß,値", null)}) {
            assertEquals(v, HeaderVerdict.decode(v.encode()));
        }
    }
}
