package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The journal's format on real files: what is written reads back, a torn or damaged tail is cut. */
class JournalTest {
    @TempDir
    Path dir;

    private Path write(Journal.Sync sync) throws IOException {
        Path file = dir.resolve("journal");
        Journal j = Journal.open(file, 0, sync, 5);
        TaskBook book = new TaskBook(j);
        j.append(JournalCodec.header(List.of("max_attempts: 3", "requests[0]: fib")));
        book.add(new TaskSpec(0, 1, new TaskKind.Fib(20)), 3, 0, 0);
        book.add(new TaskSpec(1, 1, new TaskKind.Shell("echo 'a b'", 1000)), 3, 0, 1);
        book.add(new TaskSpec(2, 1, new TaskKind.Noop()), 2, -1, 0);
        book.dispatched(new TaskSpec(0, 1, new TaskKind.Fib(20)), 0);
        book.dispatched(new TaskSpec(1, 2, new TaskKind.Shell("echo 'a b'", 1000)), 1);
        book.record(new Outcome(0, 1, 0, true, "6765", null, 10, 20));
        j.append(JournalCodec.resource("counter", new Replicas.Entry(ResourceType.LONG, 4, 41L)));
        j.append(JournalCodec.action(1, 0));
        j.close();
        return file;
    }

    @Test
    void whatIsWrittenReadsBack() throws IOException {
        for (Journal.Sync sync : List.of(Journal.Sync.BATCH, Journal.Sync.EVERY, Journal.Sync.NONE)) {
            Path file = write(sync);
            JournalReplay r = JournalReplay.read(file);
            assertEquals(List.of("max_attempts: 3", "requests[0]: fib"), r.config());
            assertEquals(3, r.tasks().size());
            assertEquals(new TaskKind.Shell("echo 'a b'", 1000), r.tasks().get(1).kind);
            assertEquals(2, r.tasks().get(1).attempts, "the highest dispatched attempt");
            assertNull(r.tasks().get(1).outcome);
            assertEquals("6765", r.tasks().get(0).outcome.result());
            assertEquals(2, r.tasks().get(2).maxAttempts);
            assertEquals(1, r.results());
            assertEquals(41L, r.resources().get("counter").value());
            assertEquals(4, r.resources().get("counter").version());
            assertEquals(1, r.request(), "after the action at request 1");
            assertEquals(1, r.repeat());
            assertEquals(Files.size(file), r.validBytes());
            assertEquals(0, r.cutBytes());
            assertFalse(r.ended());
        }
    }

    @Test
    void aTornTailIsCutAndTheRestKept() throws IOException {
        Path file = write(Journal.Sync.BATCH);
        long whole = Files.size(file);
        for (long cut = 1; cut <= 12; cut++) { // the last record is an action: 8 + 9 bytes
            Path torn = dir.resolve("torn" + cut);
            Files.write(torn, java.util.Arrays.copyOf(Files.readAllBytes(file), (int) (whole - cut)));
            JournalReplay r = JournalReplay.read(torn);
            assertEquals(whole - 17, r.validBytes(), "cut " + cut);
            assertEquals(17 - cut, r.cutBytes());
            assertEquals(0, r.request(), "the torn action does not count");
            assertEquals(1, r.results());
        }
    }

    @Test
    void aDamagedRecordEndsTheReadingNeverMisread() throws IOException {
        Path file = write(Journal.Sync.BATCH);
        long size = Files.size(file);
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            f.seek(size - 2);
            int b = f.read();
            f.seek(size - 2);
            f.write(b ^ 0x40); // one bit of the action's repeat
        }
        JournalReplay r = JournalReplay.read(file);
        assertEquals(size - 17, r.validBytes());
        assertEquals(0, r.request());
    }

    @Test
    void appendingAfterTheCutContinuesTheJournal() throws IOException {
        Path file = write(Journal.Sync.BATCH);
        Files.write(file, new byte[] {0, 0, 0, 99, 1, 2}, java.nio.file.StandardOpenOption.APPEND); // torn garbage
        JournalReplay before = JournalReplay.read(file);
        Journal j = Journal.open(file, before.validBytes(), Journal.Sync.BATCH, 5);
        TaskBook book = new TaskBook(j);
        before.tasks().forEach(book::restore);
        book.record(new Outcome(1, 2, 1, false, null, "exit code 3: no", 30, 40));
        j.append(JournalCodec.end());
        j.close();
        JournalReplay after = JournalReplay.read(file);
        assertEquals(0, after.cutBytes());
        assertEquals(2, after.results());
        assertEquals("exit code 3: no", after.tasks().get(1).outcome.error());
        assertTrue(after.ended());
    }

    @Test
    void theFirstDifferentConfigLineIsNamed() {
        assertNull(FarmJournal.difference(List.of("a: 1", "b: 2"), List.of("a: 1", "b: 2")));
        assertEquals("b: the journal has 2, the config has 3",
                FarmJournal.difference(List.of("a: 1", "b: 2"), List.of("a: 1", "b: 3")));
        assertEquals("c: the journal has nothing, the config has 4",
                FarmJournal.difference(List.of("a: 1"), List.of("a: 1", "c: 4")));
    }
}
