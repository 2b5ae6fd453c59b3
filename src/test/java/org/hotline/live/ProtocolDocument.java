package org.hotline.live;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the marked tables of docs/protocol.md, so that tests check the document against the server. */
final class ProtocolDocument {

    private final String text;

    private ProtocolDocument(String text) {
        this.text = text;
    }

    static ProtocolDocument read() {
        try {
            return new ProtocolDocument(Files.readString(Path.of("docs/protocol.md")));
        } catch (IOException e) {
            throw new IllegalStateException("docs/protocol.md is missing", e);
        }
    }

    /** The body rows of the table between {@code <!-- name:begin -->} and {@code <!-- name:end -->}, cells without backticks. */
    List<List<String>> table(String name) {
        String begin = "<!-- " + name + ":begin -->";
        String end = "<!-- " + name + ":end -->";
        int from = text.indexOf(begin);
        int to = text.indexOf(end);
        if (from < 0 || to < from) {
            throw new IllegalStateException("docs/protocol.md has no table " + name);
        }
        List<List<String>> rows = new ArrayList<>();
        List<String> lines = text.substring(from + begin.length(), to).lines().filter(l -> l.startsWith("|")).toList();
        for (String line : lines.subList(2, lines.size())) {
            String[] cells = line.substring(1, line.length() - 1).split("\\|");
            rows.add(Arrays.stream(cells).map(c -> c.strip().replace("`", "")).toList());
        }
        return rows;
    }

    /** The words between {@code <!-- name:begin -->} and {@code <!-- name:end -->} (backticked list). */
    List<String> words(String name) {
        String begin = "<!-- " + name + ":begin -->";
        int from = text.indexOf(begin) + begin.length();
        int to = text.indexOf("<!-- " + name + ":end -->");
        return Arrays.stream(text.substring(from, to).replace("`", " ").trim().split("\\s+")).toList();
    }
}
