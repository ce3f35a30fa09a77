package dev.gradientdeck.present;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import org.junit.jupiter.api.Test;

class NumbersTest {

    @Test
    void compactKeepsSixSignificantDigitsAndSwitchesToScientificOutsideTheReadableRange() {
        // Values of the starter deck's SGD line fit (PyTorch prints 0.46512 and 0.14256 for its second step).
        assertEquals("0.46512", Numbers.compact(0.46512000000000003));
        assertEquals("0.14256", Numbers.compact(0.14256));
        assertEquals("10.4902", Numbers.compact(10.490196));
        assertEquals("0.666667", Numbers.compact(2.0 / 3));
        assertEquals("0.0001", Numbers.compact(1e-4));
        assertEquals("9.999e-5", Numbers.compact(0.00009999));
        assertEquals("-1.23457e-5", Numbers.compact(-0.0000123456789));
        assertEquals("9999990", Numbers.compact(9_999_990));
        assertEquals("1e7", Numbers.compact(1e7));
        assertEquals("0", Numbers.compact(-0.0));
        assertEquals("inf", Numbers.compact(Double.POSITIVE_INFINITY));
    }

    @Test
    void oneDecimalAlwaysShowsIt() {
        assertEquals("3.0", Numbers.oneDecimal(3));
        assertEquals("2.4", Numbers.oneDecimal(2.4375));
        assertEquals("-0.5", Numbers.oneDecimal(-0.46));
        // 4.2 MB, as the practice page writes the size of a 4,404,019-byte recording.
        assertEquals("4.2", Numbers.oneDecimal(4_404_019 / (1024.0 * 1024)));
    }

    @Test
    void tenthsDropAZeroDecimal() {
        assertEquals("1", Numbers.tenths(1.04));
        assertEquals("1.3", Numbers.tenths(1.25));
        assertEquals("12", Numbers.tenths(11.97));
        assertEquals("0", Numbers.tenths(0.049));
        assertEquals("-0.3", Numbers.tenths(-0.3));
        assertEquals("-2.5", Numbers.tenths(-2.5));
    }

    @Test
    void percentOfAShare() {
        assertEquals("87.5%", Numbers.percent(7.0 / 8));
        assertEquals("66.7%", Numbers.percent(2.0 / 3));
        assertEquals("100.0%", Numbers.percent(1));
        assertEquals("0.0%", Numbers.percent(0));
    }

    @Test
    void aDecimalCommaLocaleChangesNothing() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.GERMANY);
            assertEquals("1.23457e-5", Numbers.compact(0.0000123456789));
            assertEquals("0.333333", Numbers.compact(1.0 / 3));
            assertEquals("2.4", Numbers.oneDecimal(2.4375));
            assertEquals("87.5%", Numbers.percent(0.875));
        } finally {
            Locale.setDefault(before);
        }
    }
}
