package org.mpjhpc.farm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Any request into the control endpoint's parser and router: a 4xx or a command, never an exception. */
class ControlRequestPropertiesTest {
    private static final ControlConfig CONFIG = new ControlConfig(true, "127.0.0.1", 0, "t0ken", 4096, false);

    @Provide
    Arbitrary<String> methods() {
        return Arbitraries.oneOf(Arbitraries.of("GET", "POST", "PUT", "DELETE", "get"), Arbitraries.strings()
                .ofMaxLength(10));
    }

    @Provide
    Arbitrary<String> paths() {
        Arbitrary<String> segment = Arbitraries.oneOf(Arbitraries.of("send", "resource", "add", "stop", "status",
                "shutdown", "0", "1", "-1", "99999999999", ""), Arbitraries.strings().ofMaxLength(8));
        return segment.list().ofMaxSize(4).map(l -> "/" + String.join("/", l));
    }

    @Provide
    Arbitrary<String> tokens() {
        return Arbitraries.oneOf(Arbitraries.just("Bearer t0ken"), Arbitraries.strings().ofMaxLength(20))
                .injectNull(0.1);
    }

    @Provide
    Arbitrary<byte[]> bodies() {
        Arbitrary<String> json = Arbitraries.oneOf(
                Arbitraries.of("{\"type\": \"fib\", \"n\": 30}", "{\"type\": \"shell\", \"command\": 5}",
                        "{\"name\": \"x\", \"type\": \"list\", \"value\": [1, [2]]}", "{\"capacity\": 1e99}",
                        "{\"type\": \"java\", \"class\": \"java.lang.String\"}", "{\"type\": \"noop\", \"max_attempts\": 0}",
                        "a: &a [1, *a]", "[]", "null", "{\"type\": \"sleep\", \"ms\": -1}", "{} {}", "\"\\ud800\""),
                Arbitraries.strings().withChars("{}[]:,\"0123456789.eE-+ abcnulltrfs\\").ofMaxLength(60));
        return Arbitraries.oneOf(json.map(j -> j.getBytes(StandardCharsets.UTF_8)),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(200)).injectNull(0.05);
    }

    @Property(tries = 3000)
    void everyRequestIsA4xxOrACommand(@ForAll("methods") String method, @ForAll("paths") String path,
            @ForAll("tokens") String token, @ForAll("bodies") byte[] body) {
        ControlServer.Parsed p = ControlServer.parse(CONFIG, method, path, token, body);
        if (p.reply() != null) {
            int status = p.reply().status();
            assertTrue(status >= 400 && status < 500, status + " " + p.reply().body());
            assertTrue(p.reply().body().get("error").asText().length() < 2_000, "a short message");
        } else {
            assertTrue(Set.of("send", "resource", "add", "stop", "status", "shutdown", "").contains(p.route()));
        }
    }

    @Test
    void aTaskBodyBecomesASubmitWithItsOwnAttempts() {
        ControlServer.Parsed p = ControlServer.parse(CONFIG, "POST", "/send/1", "Bearer t0ken",
                "{\"type\": \"fib\", \"n\": 30, \"max_attempts\": 2}".getBytes(StandardCharsets.UTF_8));
        assertEquals(new Action.Submit(new TaskKind.Fib(30), 1, 2), p.payload());
        assertEquals(400, ControlServer.parse(CONFIG, "POST", "/send", "Bearer t0ken",
                "x: &a [1, *a]".getBytes(StandardCharsets.UTF_8)).reply().status(), "YAML is not a body");
    }
}
