package dev.gradientdeck.descent.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.gradientdeck.descent.exercise.*;
import dev.gradientdeck.descent.explain.*;
import dev.gradientdeck.descent.plots.*;
import dev.gradientdeck.descent.spec.*;
import dev.gradientdeck.descent.web.*;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The expression parser and its exact gradients, checked against derivatives worked out by hand.
 */
class ExpressionTest {

    private static Expression parse(String text, String... params) {
        return Expression.parse(text, List.of(params), Map.of());
    }

    private static double value(String text) {
        return parse(text, "w").loss(new double[] {0});
    }

    @Test
    void theDesignExampleHasItsHandDerivedGradient() {
        // L = (w − 3)² + ½·w·b²; ∂L/∂w = 2(w − 3) + ½·b²; ∂L/∂b = w·b
        Expression e = parse("(w - 3)^2 + 0.5*w*b^2", "w", "b");
        double[] p = {1, 2};
        assertEquals(6.0, e.loss(p));
        assertArrayEquals(new double[] {-2.0, 2.0}, e.gradient(p), 1e-15);
    }

    @Test
    void aNegativeBaseWithAnIntegerPowerIsFine() {
        // exp(k·log(base)) would give NaN here.
        Expression e = parse("(w - 3)^2", "w");
        assertEquals(9.0, e.loss(new double[] {0}));
        assertArrayEquals(new double[] {-6.0}, e.gradient(new double[] {0}), 1e-15);
        assertArrayEquals(new double[] {-0.25}, parse("w^-1", "w").gradient(new double[] {-2}), 1e-15);
    }

    @Test
    void functionsHaveTheirTextbookDerivatives() {
        double w = 0.7;
        double s = 1 / (1 + Math.exp(-w));
        Map<String, double[]> expected = Map.of(
                "exp(w)", new double[] {Math.exp(w), Math.exp(w)},
                "log(w)", new double[] {Math.log(w), 1 / w},
                "sqrt(w)", new double[] {Math.sqrt(w), 0.5 / Math.sqrt(w)},
                "sin(w)", new double[] {Math.sin(w), Math.cos(w)},
                "cos(w)", new double[] {Math.cos(w), -Math.sin(w)},
                "tanh(w)", new double[] {Math.tanh(w), 1 - Math.tanh(w) * Math.tanh(w)},
                "abs(-w)", new double[] {w, 1},
                "sigmoid(w)", new double[] {s, s * (1 - s)});
        expected.forEach((text, valueAndSlope) -> {
            Expression e = parse(text, "w");
            assertEquals(valueAndSlope[0], e.loss(new double[] {w}), 1e-15, text);
            assertEquals(valueAndSlope[1], e.gradient(new double[] {w})[0], 1e-15, "d/dw " + text);
        });
    }

    @Test
    void absHasSlopeZeroAtZeroAsInTorch() {
        assertArrayEquals(new double[] {0.0}, parse("abs(w)", "w").gradient(new double[] {0}));
    }

    @Test
    void sigmoidStaysFiniteFarOut() {
        Expression e = parse("sigmoid(w)", "w");
        assertEquals(0.0, e.gradient(new double[] {-800})[0]);
        assertEquals(1.0, e.loss(new double[] {800}));
    }

    @Test
    void productQuotientAndChainRule() {
        // L = x·y / (1 + x²) + sin(x·y); ∂L/∂x = y(1 − x²)/(1 + x²)² + y·cos(xy); ∂L/∂y = x/(1 +
        // x²) + x·cos(xy)
        Expression e = parse("x*y/(1 + x^2) + sin(x*y)", "x", "y");
        double x = 0.5;
        double y = -1.5;
        double[] g = e.gradient(new double[] {x, y});
        assertEquals(y * (1 - x * x) / Math.pow(1 + x * x, 2) + y * Math.cos(x * y), g[0], 1e-14);
        assertEquals(x / (1 + x * x) + x * Math.cos(x * y), g[1], 1e-14);
    }

    @Test
    void aVariableExponentUsesTheGeneralPowerRule() {
        // d/dw 2^w = 2^w·ln 2; d/dw w^w = w^w·(ln w + 1)
        assertEquals(8 * Math.log(2), parse("2^w", "w").gradient(new double[] {3})[0], 1e-13);
        assertEquals(4 * (Math.log(2) + 1), parse("w^w", "w").gradient(new double[] {2})[0], 1e-13);
    }

    @Test
    void aParameterMissingFromTheExpressionHasGradientZero() {
        assertArrayEquals(new double[] {2.0, 0.0}, parse("w^2", "w", "b").gradient(new double[] {1, 5}));
    }

    @ParameterizedTest
    @CsvSource({
        "2^3^2, 512", // right-associative
        "-2^2, -4", // unary minus binds looser than ^
        "2^-1, 0.5",
        "(2^3)^2, 64",
        "1 - 2 - 3, -4", // left-associative
        "8 / 4 / 2, 1",
        "2 + 3 * 4, 14",
        "-(2 + 3) * 2, -10",
        "--3, 3",
        "1e-3 * 1000, 1",
        "2.5E+2, 250",
        ".5 + 0.25, 0.75",
        "sqrt(16) + exp(0), 5",
    })
    void precedenceAndNumbers(String text, double expected) {
        assertEquals(expected, value(text), 1e-12, text);
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '"',
            value = {
                "(w - 3))             | unexpected ')' at column 8",
                "w * (3 +)            | unexpected ')' at column 9",
                "w +                  | unexpected end of expression at column 4",
                "(w + 1               | expected ')' but found end of expression at column 7",
                "2w                   | unexpected 'w' at column 2",
                "w $ 2                | unexpected '$' at column 3",
                "1.2.3 + w            | malformed number '1.2.3' at column 1",
                "w * 2e               | malformed number '2e' at column 5",
                "w ^ * 2              | unexpected '*' at column 5",
                "exp(w                | expected ')' but found end of expression at column 6",
            })
    void syntaxErrorsGiveTheColumn(String text, String message) {
        SpecException e = assertThrows(SpecException.class, () -> parse(text.strip(), "w"));
        assertEquals("expression: " + message, e.getMessage());
        assertEquals("expression", e.field());
    }

    @Test
    void anUnknownNameIsNamed() {
        SpecException e = assertThrows(SpecException.class, () -> parse("w + q*2", "w", "b"));
        assertEquals(
                "expression: unknown name 'q' at column 5; it is neither a parameter in start (w, b) nor a constant",
                e.getMessage());
    }

    @Test
    void anUnknownFunctionListsTheKnownOnes() {
        SpecException e = assertThrows(SpecException.class, () -> parse("w + relu(w)", "w"));
        assertEquals(
                "expression: unknown function 'relu' at column 5; "
                        + "the functions are exp, log, sqrt, sin, cos, tanh, abs, sigmoid",
                e.getMessage());
    }
}
