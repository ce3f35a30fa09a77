package dev.gradientdeck.descent.explain;

import static dev.gradientdeck.descent.engine.Tex.f;
import static dev.gradientdeck.descent.engine.Tex.n;

import dev.gradientdeck.descent.engine.Formula;
import dev.gradientdeck.descent.engine.Formula.Binary;
import dev.gradientdeck.descent.engine.Formula.Call;
import dev.gradientdeck.descent.engine.Formula.Constant;
import dev.gradientdeck.descent.engine.Formula.Function;
import dev.gradientdeck.descent.engine.Formula.Negation;
import dev.gradientdeck.descent.engine.Formula.Operator;
import dev.gradientdeck.descent.engine.Formula.Power;
import dev.gradientdeck.descent.engine.Formula.Variable;
import dev.gradientdeck.descent.engine.Tex;
import java.util.ArrayList;
import java.util.List;

/**
 * An author's expression as a learner writes it out: in symbols, with the step's numbers put in,
 * split into its terms, and differentiated by hand (sum, product, quotient, power and chain rules)
 * so each partial derivative can be shown term by term. The engine's gradient comes from automatic
 * differentiation; these derivatives are only for reading, and tests check that both agree.
 */
final class FormulaText {
    private FormulaText() {}

    /** The terms of a sum, each with its sign folded in: a − b gives a and −b. */
    static List<Formula> terms(Formula formula) {
        List<Formula> terms = new ArrayList<>();
        collect(formula, false, terms);
        return terms;
    }

    private static void collect(Formula formula, boolean negated, List<Formula> terms) {
        if (formula instanceof Binary b && (b.operator() == Operator.ADD || b.operator() == Operator.SUBTRACT)) {
            collect(b.left(), negated, terms);
            collect(b.right(), negated ^ (b.operator() == Operator.SUBTRACT), terms);
        } else {
            terms.add(negated ? neg(formula) : formula);
        }
    }

    /** Terms joined into one sum, "+ −x" written as "− x"; 0 when there are none. */
    static Formula sum(List<Formula> terms) {
        Formula total = null;
        for (Formula term : terms) {
            if (total == null) {
                total = term;
            } else if (term instanceof Negation negation) {
                total = new Binary(Operator.SUBTRACT, total, negation.operand());
            } else {
                total = new Binary(Operator.ADD, total, term);
            }
        }
        return total == null ? new Constant(0) : total;
    }

    // ---- derivatives ----

    /** ∂formula/∂p_i, simplified enough to read: no 0 terms, no factors of 1. */
    static Formula derivative(Formula formula, int i) {
        if (formula instanceof Variable v) {
            return new Constant(v.index() == i ? 1 : 0);
        }
        if (formula instanceof Negation negation) {
            return neg(derivative(negation.operand(), i));
        }
        if (formula instanceof Binary b) {
            return binary(b, i);
        }
        if (formula instanceof Power p) {
            return power(p, i);
        }
        if (formula instanceof Call call) {
            return mul(outer(call), derivative(call.argument(), i));
        }
        return new Constant(0);
    }

    private static Formula binary(Binary b, int i) {
        Formula dl = derivative(b.left(), i);
        Formula dr = derivative(b.right(), i);
        return switch (b.operator()) {
            case ADD -> add(dl, dr);
            case SUBTRACT -> add(dl, neg(dr));
            case MULTIPLY -> add(mul(dl, b.right()), mul(b.left(), dr));
            case DIVIDE ->
                isZero(dr)
                        ? div(dl, b.right())
                        : div(add(mul(dl, b.right()), neg(mul(b.left(), dr))), pow(b.right(), new Constant(2)));
        };
    }

    private static Formula power(Power p, int i) {
        Formula du = derivative(p.base(), i);
        if (p.exponent() instanceof Constant k) {
            return mul(mul(k, pow(p.base(), new Constant(k.value() - 1))), du);
        }
        Formula dv = derivative(p.exponent(), i);
        Formula log = new Call(Function.LOG, p.base());
        // d(u^v) = u^v·(v'·ln u + v·u'/u)
        return mul(p, add(mul(dv, log), mul(p.exponent(), div(du, p.base()))));
    }

    /** The outer function's derivative at the argument, f'(u). */
    private static Formula outer(Call call) {
        Formula u = call.argument();
        return switch (call.function()) {
            case EXP -> call;
            case LOG -> div(new Constant(1), u);
            case SQRT -> div(new Constant(1), mul(new Constant(2), call));
            case SIN -> new Call(Function.COS, u);
            case COS -> neg(new Call(Function.SIN, u));
            case TANH -> add(new Constant(1), neg(pow(call, new Constant(2))));
            case ABS -> div(u, call);
            case SIGMOID -> mul(call, add(new Constant(1), neg(call)));
        };
    }

    private static boolean isZero(Formula f) {
        return f instanceof Constant c && c.value() == 0;
    }

    private static boolean isOne(Formula f) {
        return f instanceof Constant c && c.value() == 1;
    }

    private static Formula add(Formula a, Formula b) {
        if (isZero(a)) {
            return b;
        }
        if (isZero(b)) {
            return a;
        }
        return b instanceof Negation nb
                ? new Binary(Operator.SUBTRACT, a, nb.operand())
                : new Binary(Operator.ADD, a, b);
    }

    private static Formula mul(Formula a, Formula b) {
        if (isZero(a) || isZero(b)) {
            return new Constant(0);
        }
        if (isOne(a)) {
            return b;
        }
        if (isOne(b)) {
            return a;
        }
        if (a instanceof Constant ca && b instanceof Constant cb) {
            return new Constant(ca.value() * cb.value());
        }
        if (a instanceof Negation na) {
            return neg(mul(na.operand(), b));
        }
        if (b instanceof Negation nb) {
            return neg(mul(a, nb.operand()));
        }
        if (b instanceof Constant && !(a instanceof Constant)) {
            return mul(b, a);
        }
        return new Binary(Operator.MULTIPLY, a, b);
    }

    private static Formula div(Formula a, Formula b) {
        if (isZero(a)) {
            return new Constant(0);
        }
        return isOne(b) ? a : new Binary(Operator.DIVIDE, a, b);
    }

    private static Formula pow(Formula base, Formula exponent) {
        if (isOne(exponent)) {
            return base;
        }
        return isZero(exponent) ? new Constant(1) : new Power(base, exponent);
    }

    private static Formula neg(Formula a) {
        if (a instanceof Constant c) {
            return new Constant(-c.value());
        }
        return a instanceof Negation n ? n.operand() : new Negation(a);
    }

    /** The formula's value at a point. */
    static double value(Formula formula, double[] at) {
        org.apache.commons.math3.analysis.differentiation.DerivativeStructure[] point =
                new org.apache.commons.math3.analysis.differentiation.DerivativeStructure[at.length];
        for (int i = 0; i < at.length; i++) {
            point[i] =
                    new org.apache.commons.math3.analysis.differentiation.DerivativeStructure(at.length, 1, i, at[i]);
        }
        return formula.at(point).getValue();
    }

    // ---- writing ----

    /**
     * The formula as TeX: in symbols when {@code at} is null, else with each parameter's value at
     * {@code at} (and every product written with a dot, so the numbers can be read back).
     */
    static String tex(Formula formula, List<String> names, double[] at) {
        return write(formula, names, at, 0);
    }

    private static int precedence(Formula f) {
        if (f instanceof Binary b) {
            return b.operator() == Operator.ADD || b.operator() == Operator.SUBTRACT ? 1 : 2;
        }
        if (f instanceof Negation) {
            return 1;
        }
        if (f instanceof Power) {
            return 4;
        }
        return f instanceof Constant c && c.value() < 0 ? 1 : 5;
    }

    private static String write(Formula f, List<String> names, double[] at, int outer) {
        String text;
        if (f instanceof Constant c) {
            text = n(c.value());
        } else if (f instanceof Variable v) {
            // A value is written as a factor, in parentheses when negative, so it needs no more.
            return at == null ? Tex.symbol(names.get(v.index())) : f(at[v.index()]);
        } else if (f instanceof Negation negation) {
            text = "-" + write(negation.operand(), names, at, 2);
        } else if (f instanceof Binary b) {
            text = binary(b, names, at);
        } else if (f instanceof Power p) {
            text = write(p.base(), names, at, 5) + "^{" + write(p.exponent(), names, at, 0) + "}";
        } else {
            text = call((Call) f, names, at);
        }
        return precedence(f) < outer ? "(" + text + ")" : text;
    }

    private static String binary(Binary b, List<String> names, double[] at) {
        return switch (b.operator()) {
            case ADD -> write(b.left(), names, at, 1) + " + " + write(b.right(), names, at, 2);
            case SUBTRACT -> write(b.left(), names, at, 1) + " - " + write(b.right(), names, at, 2);
            case MULTIPLY ->
                write(b.left(), names, at, 2) + (at == null ? "\\," : "\\cdot ") + write(b.right(), names, at, 3);
            case DIVIDE -> "\\frac{" + write(b.left(), names, at, 0) + "}{" + write(b.right(), names, at, 0) + "}";
        };
    }

    private static String call(Call call, List<String> names, double[] at) {
        String argument = write(call.argument(), names, at, 0);
        return switch (call.function()) {
            case EXP -> "\\exp(" + argument + ")";
            case LOG -> "\\ln(" + argument + ")";
            case SQRT -> "\\sqrt{" + argument + "}";
            case SIN -> "\\sin(" + argument + ")";
            case COS -> "\\cos(" + argument + ")";
            case TANH -> "\\tanh(" + argument + ")";
            case ABS -> "|" + argument + "|";
            case SIGMOID -> "\\sigma(" + argument + ")";
        };
    }
}
