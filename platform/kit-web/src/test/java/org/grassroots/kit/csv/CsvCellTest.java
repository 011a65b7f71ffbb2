package org.grassroots.kit.csv;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CsvCellTest {

    @Test
    void aFormulaIsDefusedAndWhatNeedsQuotingIsQuoted() {
        assertEquals("\"'=HYPERLINK(\"\"x\"\")\"", CsvCell.of("=HYPERLINK(\"x\")"));
        assertEquals("'+44 7700 900123", CsvCell.of("+44 7700 900123"));
        assertEquals("'@SUM(A1)", CsvCell.of("@SUM(A1)"));
        assertEquals("\"Smith, Ann\"", CsvCell.of("Smith, Ann"));
        assertEquals("\"two\nlines\"", CsvCell.of("two\nlines"));
        assertEquals("plain", CsvCell.of("plain"));
        assertEquals("", CsvCell.of(""));
    }
}
