package io.loyaltybridge.salesforce;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads RFC 4180 CSV as Bulk API 2.0 writes it (every value quoted, quotes doubled, line breaks inside quotes),
 * one line at a time from a stream, so a result page is never held whole in memory.
 */
final class CsvReader {
    private final Reader in;
    private int peeked = -2;

    CsvReader(Reader in) {
        this.in = in;
    }

    /** The next line's values, or null at the end. */
    List<String> next() {
        if (peek() == -1) {
            return null;
        }
        List<String> values = new ArrayList<>();
        StringBuilder value = new StringBuilder();
        boolean quoted = false;
        while (true) {
            int c = read();
            if (quoted) {
                if (c == -1) {
                    throw new IllegalStateException("CSV ends inside a quoted value");
                }
                if (c == '"') {
                    if (peek() == '"') {
                        value.append((char) read());
                    } else {
                        quoted = false;
                    }
                } else {
                    value.append((char) c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                values.add(value.toString());
                value.setLength(0);
            } else if (c == '\r') {
                continue;
            } else if (c == '\n' || c == -1) {
                values.add(value.toString());
                return values;
            } else {
                value.append((char) c);
            }
        }
    }

    private int peek() {
        if (peeked == -2) {
            peeked = readRaw();
        }
        return peeked;
    }

    private int read() {
        int c = peek();
        peeked = -2;
        return c;
    }

    private int readRaw() {
        try {
            return in.read();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
