package dev.gradientdeck.descent.engine;

import java.util.List;
import java.util.Map;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A loss written by the card's author, such as {@code (w - 3)^2 + 0.5*w*b^2}, over the parameters
 * named in start.
 */
public record Expression(String text, List<String> params, Formula formula) implements Problem {

    /**
     * Parses {@code text}; a name is the parameter of that name in {@code params} (the gradient
     * follows their order), else the constant of that name. Errors name the 1-based column:
     * "unexpected ')' at column 7".
     */
    public static Expression parse(String text, List<String> params, Map<String, Double> constants) {
        return new Expression(text, List.copyOf(params), new FormulaParser(text, params, constants).whole());
    }

    public double loss(double[] p) {
        return evaluate(p).getValue();
    }

    public double[] gradient(double[] p) {
        DerivativeStructure value = evaluate(p);
        double[] gradient = new double[p.length];
        for (int i = 0; i < p.length; i++) {
            gradient[i] = value.getPartialDerivative(unit(i, p.length));
        }
        return gradient;
    }

    private DerivativeStructure evaluate(double[] p) {
        DerivativeStructure[] point = new DerivativeStructure[p.length];
        for (int i = 0; i < p.length; i++) {
            point[i] = new DerivativeStructure(p.length, 1, i, p[i]);
        }
        return formula.at(point);
    }

    /** The derivative orders that select ∂/∂p_i: 1 for parameter i, 0 for the others. */
    private static int[] unit(int i, int size) {
        int[] orders = new int[size];
        orders[i] = 1;
        return orders;
    }
}
