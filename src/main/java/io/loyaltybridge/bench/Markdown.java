package io.loyaltybridge.bench;

import java.util.List;

/** A Markdown table with padded columns, so it reads in a terminal and pastes into the README as it is. */
final class Markdown {
    private Markdown() {
    }

    static String table(List<List<String>> lines) {
        int[] w = new int[lines.get(0).size()];
        for (List<String> line : lines) {
            for (int i = 0; i < w.length; i++) {
                w[i] = Math.max(Math.max(w[i], 3), line.get(i).length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int n = 0; n < lines.size(); n++) {
            append(out, lines.get(n), w, ' ');
            if (n == 0) {
                append(out, lines.get(0).stream().map(x -> "").toList(), w, '-');
            }
        }
        return out.toString();
    }

    private static void append(StringBuilder out, List<String> cells, int[] w, char pad) {
        out.append('|');
        for (int i = 0; i < w.length; i++) {
            String cell = cells.get(i);
            out.append(pad).append(cell).append(String.valueOf(pad).repeat(w[i] - cell.length())).append(pad)
                    .append('|');
        }
        out.append('\n');
    }
}
