package org.mpjhpc.config;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mpjhpc.app.Workloads;

/** Configs built to exhaust the reader: each is one UserError within seconds. */
class HostileConfigTest {
    @TempDir
    Path dir;

    private String error(Path file) {
        return assertTimeoutPreemptively(Duration.ofSeconds(10), () -> assertThrows(UserError.class,
                () -> Workloads.read(file, List.of(), null, null, 0)).getMessage());
    }

    private Path file(String text) throws IOException {
        Path f = dir.resolve("job.yaml");
        Files.writeString(f, text);
        return f;
    }

    @Test
    void aRecursiveAliasIsRefused() throws IOException {
        String m = error(file("job: farm\nx: &a [1, *a]\n"));
        assertTrue(m.contains("job.yaml:2: an alias refers to a value that contains it"), m);
    }

    @Test
    void billionLaughsIsRefusedAtOnce() throws IOException {
        StringBuilder yaml = new StringBuilder("job: farm\na0: &a0 [x, x, x, x, x, x, x, x, x]\n");
        for (int i = 1; i < 10; i++) {
            String p = "*a" + (i - 1);
            yaml.append("a").append(i).append(": &a").append(i).append(" [").append(String.join(", ",
                    java.util.Collections.nCopies(9, p))).append("]\n");
        }
        String m = error(file(yaml.toString()));
        assertTrue(m.contains("malformed YAML") || m.contains("expands to more than"), m);
    }

    @Test
    void manyAliasesWithinTheLimitsStillExpand() throws IOException {
        StringBuilder yaml = new StringBuilder("job: farm\na0: &a0 [x, x, x]\n");
        for (int i = 1; i < 6; i++) {
            yaml.append("a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append("]\n");
        }
        Node root = YamlLoader.parse(yaml.toString(), "f");
        assertTrue(root.asMap().containsKey("a5"));
    }

    @Test
    void deepNestingIsRefused() throws IOException {
        String m = error(file("job: farm\nx: " + "[".repeat(5000) + "]".repeat(5000) + "\n"));
        assertTrue(m.contains("job.yaml") && !m.contains("Exception"), m);
    }

    @Test
    void devicesPipesAndFoldersAreNotConfigs() throws Exception {
        Path fifo = dir.resolve("fifo.yaml");
        new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor();
        for (Path p : List.of(Path.of("/dev/zero"), fifo, dir)) {
            String m = error(p);
            assertTrue(m.contains(p + ": a config must be a regular file"), m);
        }
    }

    @Test
    void aHugeConfigIsRefusedUnread() throws IOException {
        Path big = dir.resolve("big.yaml");
        Files.writeString(big, "job: farm\n#" + "x".repeat(5 << 20) + "\n");
        assertTrue(error(big).contains("at most 4 MiB"));
    }

    private static final String FARM = "job: farm\nname: demo\nfarm:\n  workers: [1]\n  requests:\n"
            + "    - task: {type: noop}\n";

    @Test
    void aNameCannotLeadOutOfTheOutputFolder() throws IOException {
        for (String name : List.of("../../..", "a/b", ".hidden", "x".repeat(101))) {
            String m = error(file(FARM.replace("name: demo", "name: \"" + name + "\"")));
            assertTrue(m.startsWith(dir.resolve("job.yaml") + ":2: name: is also the output folder's name"), m);
        }
    }

    @Test
    void aBadLogLevelIsBlamedOnWhereItWasGiven() throws IOException {
        Path f = file(FARM);
        String m = assertThrows(UserError.class, () -> Workloads.read(f, List.of(), "LOUD", null, 0)).getMessage();
        assertTrue(m.equals("--log-level: log level 'LOUD' is not one of DEBUG, INFO, WARN, ERROR"), m);
        m = error(file(FARM + "log_level: chatty\n"));
        assertTrue(m.startsWith(dir.resolve("job.yaml") + ":7: log_level: log level 'chatty'"), m);
    }

    @Test
    void anOutputFolderThatCannotBeMadeIsRefusedBeforeTheRun() throws IOException {
        Path f = file(FARM);
        for (String out : List.of(dir.resolve("x".repeat(300)).toString(), "/proc/mpjhpc-x/out")) {
            String m = assertThrows(UserError.class, () -> Workloads.read(f, List.of(), null, out, 0)).getMessage();
            // as root the folder cannot be made; as another user /proc is not writable at all
            assertTrue(m.startsWith("--out " + out + ": cannot write into "), m);
        }
        Path fine = dir.resolve("a/b/c");
        Workloads.read(f, List.of(), null, fine.toString(), 0);
        assertTrue(!Files.exists(dir.resolve("a")), "the check leaves nothing behind");
    }
}
