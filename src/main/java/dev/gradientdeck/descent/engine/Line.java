package dev.gradientdeck.descent.engine;

/**
 * One line of worked arithmetic as data: what is computed ({@code lhs}), its rule in symbols, the
 * rule with the step's numbers put in, and the value the run holds. Written out it reads "lhs =
 * rule = numbers = value"; a test can parse the numbers back and recompute the value.
 *
 * @param rule the formula in symbols, or "" when there is none to show
 * @param numbers the rule with numbers substituted, only numbers and operators (TeX)
 * @param note plain words after the line, or ""
 */
public record Line(String lhs, String rule, String numbers, double value, String note) {

    public Line(String lhs, String rule, String numbers, double value) {
        this(lhs, rule, numbers, value, "");
    }

    /** The line as TeX, without delimiters. */
    public String tex() {
        StringBuilder tex = new StringBuilder(lhs);
        if (!rule.isEmpty()) {
            tex.append(" = ").append(rule);
        }
        String result = Tex.n(value);
        if (!numbers.isEmpty() && !numbers.equals(result)) {
            tex.append(" = ").append(numbers);
        }
        tex.append(" = ").append(result);
        if (!note.isEmpty()) {
            tex.append("\\quad\\text{(").append(note).append(")}");
        }
        return tex.toString();
    }
}
