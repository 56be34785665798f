package org.ewn.deploy.benchmark;

import java.util.ArrayList;
import java.util.List;

/**
 * The printed result: sections of aligned rows (names and targets, in the first and last column, left; the figures
 * right), each followed by its notes.
 * Collected while the scenarios run and printed once at the end, so the library logging in between cannot split it.
 */
final class ResultTable {

    private final List<String> header = new ArrayList<>();
    private final List<Section> sections = new ArrayList<>();

    static String met(boolean met) {
        return met ? "met" : "NOT MET";
    }

    void header(String line) {
        header.add(line);
    }

    Section section(String title, String... columns) {
        Section section = new Section(title, List.of(columns));
        sections.add(section);
        return section;
    }

    String render() {
        StringBuilder out = new StringBuilder();
        header.forEach(line -> out.append(line).append('\n'));
        sections.forEach(section -> section.render(out));
        return out.toString();
    }

    static final class Section {

        private final String title;
        private final List<String> columns;
        private final List<List<String>> rows = new ArrayList<>();
        private final List<String> notes = new ArrayList<>();

        private Section(String title, List<String> columns) {
            this.title = title;
            this.columns = columns;
        }

        Section row(String... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("expected " + columns.size() + " cells, got " + cells.length);
            }
            rows.add(List.of(cells));
            return this;
        }

        Section note(String text) {
            notes.add(text);
            return this;
        }

        private void render(StringBuilder out) {
            int[] widths = new int[columns.size()];
            for (int c = 0; c < widths.length; c++) {
                widths[c] = columns.get(c).length();
                for (List<String> row : rows) {
                    widths[c] = Math.max(widths[c], row.get(c).length());
                }
            }
            out.append('\n').append(title).append('\n');
            line(out, columns, widths);
            out.append("-".repeat(sum(widths) + 2 * (widths.length - 1))).append('\n');
            rows.forEach(row -> line(out, row, widths));
            notes.forEach(note -> out.append("  * ").append(note).append('\n'));
        }

        private static void line(StringBuilder out, List<String> cells, int[] widths) {
            for (int c = 0; c < cells.size(); c++) {
                String cell = cells.get(c);
                String pad = " ".repeat(widths[c] - cell.length());
                boolean text = c == 0 || c == cells.size() - 1;
                out.append(text ? cell + pad : pad + cell);
                out.append(c == cells.size() - 1 ? "\n" : "  ");
            }
        }

        private static int sum(int[] widths) {
            int total = 0;
            for (int width : widths) {
                total += width;
            }
            return total;
        }
    }
}
