package dev.gradientdeck.descent.explain;

/**
 * Reads the numbers of a worked line back and computes them, independently of the engine: a small
 * parser for the arithmetic the lines write (+, −, ·, /, \frac, \sqrt, powers, |x|, exp, ln, sin,
 * cos, tanh, σ and numbers such as 2.5\times10^{-5}). Alongside each value it keeps a magnitude, the
 * sum of the sizes of what went into it, so rounding of the 6-digit numbers can be allowed for
 * without letting a wrong number through.
 */
final class TexArithmetic {
    /** A value and the size of the terms it came from. */
    record Value(double value, double magnitude) {}

    private final String text;
    private int at;

    private TexArithmetic(String text) {
        this.text =
                text.replace("\\,", "").replace("\\ ", "").replace("\\left", "").replace("\\right", "");
    }

    /** Evaluates the text; throws IllegalArgumentException when it holds anything but arithmetic. */
    static Value evaluate(String text) {
        TexArithmetic parser = new TexArithmetic(text);
        Value value = parser.sum();
        parser.skipSpaces();
        if (parser.at != parser.text.length()) {
            throw new IllegalArgumentException("unexpected '" + parser.text.substring(parser.at) + "' in " + text);
        }
        return value;
    }

    private Value sum() {
        Value left = product();
        while (true) {
            if (take("+")) {
                Value right = product();
                left = new Value(left.value() + right.value(), left.magnitude() + right.magnitude());
            } else if (peek("-")) {
                at++;
                Value right = product();
                left = new Value(left.value() - right.value(), left.magnitude() + right.magnitude());
            } else {
                return left;
            }
        }
    }

    private Value product() {
        Value left = unary();
        while (true) {
            if (take("\\cdot")) {
                Value right = unary();
                left = new Value(left.value() * right.value(), left.magnitude() * right.magnitude());
            } else if (take("/")) {
                Value right = unary();
                left = divide(left, right);
            } else {
                return left;
            }
        }
    }

    private static Value divide(Value a, Value b) {
        double q = a.value() / b.value();
        return new Value(q, Math.abs(a.magnitude() / b.value()) + Math.abs(q) * b.magnitude() / Math.abs(b.value()));
    }

    private Value unary() {
        if (take("-")) {
            Value v = unary();
            return new Value(-v.value(), v.magnitude());
        }
        return power();
    }

    private Value power() {
        Value base = atom();
        if (take("^")) {
            Value exponent;
            if (take("{")) {
                exponent = sum();
                expect("}");
            } else {
                skipSpaces();
                exponent = new Value(text.charAt(at++) - '0', 0);
            }
            double value = Math.pow(base.value(), exponent.value());
            double k = Math.abs(exponent.value());
            double relative = base.value() == 0 ? 0 : base.magnitude() / Math.abs(base.value());
            return new Value(
                    value, Math.abs(value) * (1 + k * relative) + Math.pow(base.magnitude(), exponent.value()));
        }
        return base;
    }

    private Value atom() {
        skipSpaces();
        if (take("(")) {
            Value v = sum();
            expect(")");
            return v;
        }
        if (take("|")) {
            Value v = sum();
            expect("|");
            return new Value(Math.abs(v.value()), v.magnitude());
        }
        if (take("\\frac")) {
            expect("{");
            Value a = sum();
            expect("}");
            expect("{");
            Value b = sum();
            expect("}");
            return divide(a, b);
        }
        if (take("\\sqrt")) {
            expect("{");
            Value a = sum();
            expect("}");
            double root = Math.sqrt(a.value());
            return new Value(root, Math.sqrt(a.magnitude()) + root);
        }
        if (take("\\infty")) {
            return new Value(Double.POSITIVE_INFINITY, Double.POSITIVE_INFINITY);
        }
        for (String function : new String[] {"\\exp", "\\ln", "\\sin", "\\cos", "\\tanh", "\\sigma"}) {
            if (take(function)) {
                expect("(");
                Value a = sum();
                expect(")");
                double x = a.value();
                double value = switch (function) {
                    case "\\exp" -> Math.exp(x);
                    case "\\ln" -> Math.log(x);
                    case "\\sin" -> Math.sin(x);
                    case "\\cos" -> Math.cos(x);
                    case "\\tanh" -> Math.tanh(x);
                    default -> 1 / (1 + Math.exp(-x));
                };
                return new Value(
                        value,
                        Math.abs(value) + (1 + Math.abs(value) + 1 / Math.max(Math.abs(x), 1e-300)) * a.magnitude());
            }
        }
        return number();
    }

    private Value number() {
        skipSpaces();
        int start = at;
        while (at < text.length() && (Character.isDigit(text.charAt(at)) || text.charAt(at) == '.')) {
            at++;
        }
        if (start == at) {
            throw new IllegalArgumentException("expected a number at '" + text.substring(at) + "' in " + text);
        }
        double value = Double.parseDouble(text.substring(start, at));
        if (take("\\times")) {
            Value power = power();
            value *= power.value();
        }
        return new Value(value, Math.abs(value));
    }

    private boolean take(String token) {
        skipSpaces();
        if (text.startsWith(token, at)) {
            at += token.length();
            return true;
        }
        return false;
    }

    private boolean peek(String token) {
        skipSpaces();
        return text.startsWith(token, at);
    }

    private void expect(String token) {
        if (!take(token)) {
            throw new IllegalArgumentException("expected '" + token + "' at '" + text.substring(at) + "' in " + text);
        }
    }

    private void skipSpaces() {
        while (at < text.length() && text.charAt(at) == ' ') {
            at++;
        }
    }
}
