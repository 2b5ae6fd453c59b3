package org.hotline.exercise.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.zip.DataFormatException;
import java.util.zip.Deflater;
import java.util.zip.Inflater;

/**
 * How the log's payloads and the snapshots lie in their column. In a SQLite file they are deflated
 * into a BLOB (the column's TEXT affinity keeps a BLOB as it is): a turn's 17 KB of payloads become
 * 6 KB and the file per turn played 20 KB → 10 KB (StoreCosts), for about 40 µs of CPU per command
 * (0.35 ms a turn); reading a 1,023-event log back cost no more CPU than reading it as text. A text is kept when
 * deflating does not make it smaller, and rows written before are text: both read back as they were.
 * H2 and PostgreSQL keep text, whose varchar columns take no bytes and which compress on their own
 * (H2's COMPRESS, PostgreSQL's TOAST).
 */
final class StoredJson {

    private final boolean deflated;

    private StoredJson(boolean deflated) {
        this.deflated = deflated;
    }

    /** Deflated for a SQLite database (the product name its driver reports), text for any other. */
    static StoredJson forDatabase(String productName) {
        return new StoredJson("SQLite".equals(productName));
    }

    /** What to store for {@code json}: the text itself or its deflated UTF-8 bytes, whichever is smaller here. */
    Object stored(String json) {
        if (!deflated) {
            return json;
        }
        byte[] text = json.getBytes(StandardCharsets.UTF_8);
        // Raw deflate (no zlib header and checksum): the database checks its pages, and small payloads stay small.
        Deflater deflater = new Deflater(Deflater.DEFAULT_COMPRESSION, true);
        try {
            deflater.setInput(text);
            deflater.finish();
            byte[] buffer = new byte[text.length];
            int length = 0;
            while (!deflater.finished() && length < buffer.length) {
                length += deflater.deflate(buffer, length, buffer.length - length);
            }
            return deflater.finished() && length < text.length ? java.util.Arrays.copyOf(buffer, length) : json;
        } finally {
            deflater.end();
        }
    }

    /** The JSON in {@code column} of the current row, text or deflated. */
    static String read(ResultSet row, String column) throws SQLException {
        Object value = row.getObject(column);
        return value instanceof byte[] bytes ? inflate(bytes, column) : (String) value;
    }

    private static String inflate(byte[] bytes, String column) throws SQLException {
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(bytes);
            ByteArrayOutputStream text = new ByteArrayOutputStream(bytes.length * 4);
            byte[] buffer = new byte[8192];
            while (!inflater.finished()) {
                int length = inflater.inflate(buffer);
                if (length == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    throw new SQLException("The stored " + column + " is cut short: its deflated bytes end before the JSON does");
                }
                text.write(buffer, 0, length);
            }
            return text.toString(StandardCharsets.UTF_8);
        } catch (DataFormatException e) {
            throw new SQLException("The stored " + column + " is neither JSON text nor deflated JSON: " + e.getMessage(), e);
        } finally {
            inflater.end();
        }
    }
}
