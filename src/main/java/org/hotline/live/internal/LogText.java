package org.hotline.live.internal;

/** Client-made text as it may go into a log line: one line, printable, short (no forged log lines). */
final class LogText {

    private static final int MAX = 200;

    private LogText() {
    }

    static String of(String text) {
        if (text == null) {
            return "-";
        }
        String line = text.replaceAll("\\p{Cntrl}", "?");
        return line.length() > MAX ? line.substring(0, MAX) + "…" : line;
    }
}
