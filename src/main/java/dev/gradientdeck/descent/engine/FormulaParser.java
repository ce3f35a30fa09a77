package dev.gradientdeck.descent.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Parses the text of an {@link Expression} into a {@link Formula}.
 *
 * <p>Written by hand: commons-math3 has no expression parser, and the parser libraries that exist
 * evaluate to plain doubles, not to {@code DerivativeStructure}, which the exact gradients need. A
 * recursive descent, one method per rule:
 *
 * <pre>
 *   sum     = product (("+" | "-") product)*
 *   product = unary (("*" | "/") unary)*
 *   unary   = "-" unary | power               so -w^2 is -(w^2), as in mathematics
 *   power   = primary ("^" unary)?            right-associative: 2^3^2 = 2^9; 2^-1 is allowed
 *   primary = number | name | function "(" sum ")" | "(" sum ")"
 * </pre>
 *
 * Errors give the 1-based column of the offending token.
 */
final class FormulaParser {
    private enum Kind {
        NUMBER,
        NAME,
        SYMBOL,
        END
    }

    private record Token(Kind kind, String text, int column) {
        String described() {
            return kind == Kind.END ? "end of expression" : "'" + text + "'";
        }
    }

    private final List<Token> tokens;
    private final List<String> params;
    private final Map<String, Double> constants;
    private int next;

    FormulaParser(String text, List<String> params, Map<String, Double> constants) {
        this.tokens = tokenize(text);
        this.params = params;
        this.constants = constants;
    }

    private static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (Character.isWhitespace(c)) {
                i++;
                continue;
            }
            if (Character.isDigit(c) || c == '.') {
                i = numberEnd(text, i);
                String number = text.substring(start, i);
                if (!number.matches("(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?")) {
                    throw error("malformed number '" + number + "'", start + 1);
                }
                tokens.add(new Token(Kind.NUMBER, number, start + 1));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) {
                    i++;
                }
                tokens.add(new Token(Kind.NAME, text.substring(start, i), start + 1));
            } else if ("+-*/^()".indexOf(c) >= 0) {
                tokens.add(new Token(Kind.SYMBOL, String.valueOf(c), start + 1));
                i++;
            } else {
                throw error("unexpected '" + c + "'", start + 1);
            }
        }
        tokens.add(new Token(Kind.END, "", text.length() + 1));
        return tokens;
    }

    /**
     * The end of a number: digits and dots, then an exponent only when a digit follows (so "2e"
     * stays malformed).
     */
    private static int numberEnd(String text, int i) {
        while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.')) {
            i++;
        }
        if (i < text.length() && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < text.length() && (text.charAt(i) == '+' || text.charAt(i) == '-')) {
                i++;
            }
            while (i < text.length() && Character.isLetterOrDigit(text.charAt(i))) {
                i++;
            }
        }
        return i;
    }

    private static SpecException error(String problem, int column) {
        return SpecException.at("expression", problem + " at column " + column);
    }

    private static SpecException error(String problem, int column, String detail) {
        return SpecException.at("expression", problem + " at column " + column + "; " + detail);
    }

    private Token peek() {
        return tokens.get(next);
    }

    private boolean atSymbol(String symbol) {
        return peek().kind() == Kind.SYMBOL && peek().text().equals(symbol);
    }

    private boolean takeSymbol(String symbol) {
        if (atSymbol(symbol)) {
            next++;
            return true;
        }
        return false;
    }

    private SpecException unexpected() {
        return error("unexpected " + peek().described(), peek().column());
    }

    Formula whole() {
        Formula formula = sum();
        if (peek().kind() != Kind.END) {
            throw unexpected();
        }
        return formula;
    }

    private Formula sum() {
        Formula formula = product();
        while (true) {
            if (takeSymbol("+")) {
                formula = new Formula.Binary(Formula.Operator.ADD, formula, product());
            } else if (takeSymbol("-")) {
                formula = new Formula.Binary(Formula.Operator.SUBTRACT, formula, product());
            } else {
                return formula;
            }
        }
    }

    private Formula product() {
        Formula formula = unary();
        while (true) {
            if (takeSymbol("*")) {
                formula = new Formula.Binary(Formula.Operator.MULTIPLY, formula, unary());
            } else if (takeSymbol("/")) {
                formula = new Formula.Binary(Formula.Operator.DIVIDE, formula, unary());
            } else {
                return formula;
            }
        }
    }

    private Formula unary() {
        return takeSymbol("-") ? new Formula.Negation(unary()) : power();
    }

    private Formula power() {
        Formula base = primary();
        return takeSymbol("^") ? new Formula.Power(base, unary()) : base;
    }

    private Formula primary() {
        Token token = peek();
        if (token.kind() == Kind.NUMBER) {
            next++;
            return new Formula.Constant(Double.parseDouble(token.text()));
        }
        if (token.kind() == Kind.NAME) {
            next++;
            return atSymbol("(") ? call(token) : name(token);
        }
        if (takeSymbol("(")) {
            Formula inside = sum();
            if (!takeSymbol(")")) {
                throw error("expected ')' but found " + peek().described(), peek().column());
            }
            return inside;
        }
        throw unexpected();
    }

    private Formula call(Token name) {
        if (!Formula.FUNCTIONS.contains(name.text())) {
            throw error(
                    "unknown function '" + name.text() + "'",
                    name.column(),
                    "the functions are " + String.join(", ", Formula.FUNCTIONS));
        }
        takeSymbol("(");
        Formula argument = sum();
        if (!takeSymbol(")")) {
            throw error("expected ')' but found " + peek().described(), peek().column());
        }
        return new Formula.Call(Formula.Function.valueOf(name.text().toUpperCase()), argument);
    }

    private Formula name(Token name) {
        int index = params.indexOf(name.text());
        if (index >= 0) {
            return new Formula.Variable(index);
        }
        if (constants.containsKey(name.text())) {
            return new Formula.Constant(constants.get(name.text()));
        }
        throw error(
                "unknown name '" + name.text() + "'",
                name.column(),
                "it is neither a parameter in start (" + String.join(", ", params) + ") nor a constant");
    }
}
