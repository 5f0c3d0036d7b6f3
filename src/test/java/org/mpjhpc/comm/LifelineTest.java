package org.mpjhpc.comm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The lifeline's view of other ranks, over real sockets on this machine (no MPI). */
class LifelineTest {
    private static InetSocketAddress at(ServerSocket s) {
        return new InetSocketAddress("127.0.0.1", s.getLocalPort());
    }

    @Test
    void aRankWhosePortIsClosedIsNamedLostAndOnlyThatOne() throws IOException {
        try (ServerSocket mine = new ServerSocket(0); ServerSocket one = new ServerSocket(0);
                ServerSocket two = new ServerSocket(0)) {
            String[] names = {"rank 0 on a", "rank 1 on a", "rank 2 on b"};
            ProcessLifeline line = new ProcessLifeline(0, names,
                    new InetSocketAddress[] {at(mine), at(one), at(two)}, new byte[16], mine, lost -> { });
            assertNull(line.check(), "every rank answers: the failure is something else");
            assertNull(line.lost());
            two.close(); // its process is gone: the port refuses
            RankLost lost = line.check();
            assertEquals(List.of("rank 2 on b"), lost.gone());
            assertTrue(lost.getMessage().startsWith("rank 2 on b is gone (its process does not answer"), lost.getMessage());
            assertEquals(lost, line.lost(), "the job's loop sees it too");
        }
    }

    @Test
    void onlyRankZeroJudgesTheOthers() throws IOException {
        try (ServerSocket mine = new ServerSocket(0)) {
            ProcessLifeline line = new ProcessLifeline(1, new String[] {"rank 0 on a", "rank 1 on a"},
                    new InetSocketAddress[] {null, at(mine)}, new byte[16], mine, lost -> { });
            assertNull(line.check());
        }
    }

    @Test
    void theMessageNamesEveryLostRankAndWhatWasSaved() {
        RankLost two = new RankLost(List.of("rank 2 on h2", "rank 3 on h2"), "their processes do not answer")
                .withNote("The checkpoint holds step 100");
        assertEquals("rank 2 on h2, rank 3 on h2 are gone (their processes do not answer); MPJ Express cannot go on"
                + " without them, so the job ends. The checkpoint holds step 100", two.getMessage());
        assertEquals(List.of("rank 2 on h2", "rank 3 on h2"), two.gone());
        assertEquals(6, RankLost.EXIT_CODE);
        assertNull(Lifeline.NONE.lost());
    }

    @Test
    void aLossGetsTheJobsNoteOnceWhateverEndsIt() {
        RankLost lost = new RankLost(List.of("rank 1 on h2"), "its process does not answer");
        RankLost noted = lost.withNote(() -> "The checkpoint holds step 50");
        assertEquals(lost.getMessage() + ". The checkpoint holds step 50", noted.getMessage());
        assertEquals(noted.getMessage(), noted.withNote(() -> "again").getMessage(), "one note, not two");
        assertEquals(noted.getMessage(), noted.withNote("again").getMessage());
        assertEquals(lost.getMessage(), lost.withNote((java.util.function.Supplier<String>) null).getMessage());
        assertEquals(lost.getMessage(), lost.withNote(() -> {
            throw new IllegalStateException("state read mid-change");
        }).getMessage(), "a note that fails leaves the message as it was");
    }
}
