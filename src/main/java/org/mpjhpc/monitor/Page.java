package org.mpjhpc.monitor;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/** The monitor's one page, a resource of the jar: no external script, style or font (clusters are often offline). */
final class Page {
    private static byte[] html;

    private Page() {
    }

    static synchronized byte[] html() {
        if (html == null) {
            try (InputStream in = Page.class.getResourceAsStream("index.html")) {
                if (in == null) {
                    throw new IllegalStateException("the monitor page is missing from the jar");
                }
                html = in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return html;
    }
}
