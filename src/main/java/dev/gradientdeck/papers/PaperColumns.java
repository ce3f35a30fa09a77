package dev.gradientdeck.papers;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

/** Stored paper columns read back as values, for the import's writes and the pages' reads alike. */
final class PaperColumns {
    static final String SEPARATOR = "\u001f";

    private PaperColumns() {}

    static PaperNote.Status status(String written) {
        return Arrays.stream(PaperNote.Status.values())
                .filter(s -> s.written().equals(written))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(
                        "stored paper status '" + written + "' is not one of the known ones"));
    }

    static Integer nullableInt(ResultSet rs, String column) throws SQLException {
        int value = rs.getInt(column);
        return rs.wasNull() ? null : value;
    }

    static Long nullableLong(ResultSet rs, String column) throws SQLException {
        long value = rs.getLong(column);
        return rs.wasNull() ? null : value;
    }

    static LocalDate date(String iso) {
        return iso == null ? null : LocalDate.parse(iso);
    }

    static List<String> split(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(SEPARATOR));
    }
}
