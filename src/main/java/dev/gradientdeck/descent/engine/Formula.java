package dev.gradientdeck.descent.engine;

import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.analysis.differentiation.DerivativeStructure;

/**
 * A parsed arithmetic expression over named parameters, evaluated with forward-mode automatic
 * differentiation: every value is a commons-math3 {@link DerivativeStructure} carrying the value
 * and its exact first partial derivatives, so gradients are exact rather than finite-difference
 * estimates.
 *
 * <p>{@link FormulaParser} builds one from text.
 */
public sealed interface Formula {

    /**
     * Value and first derivatives, given one variable per parameter (each with its own
     * free-parameter index).
     */
    DerivativeStructure at(DerivativeStructure[] point);

    /** True when no parameter occurs below this node. */
    boolean isConstant();

    List<String> FUNCTIONS =
            Arrays.stream(Function.values()).map(f -> f.name().toLowerCase()).toList();

    record Constant(double value) implements Formula {
        public DerivativeStructure at(DerivativeStructure[] point) {
            return new DerivativeStructure(point.length, 1, value);
        }

        public boolean isConstant() {
            return true;
        }
    }

    record Variable(int index) implements Formula {
        public DerivativeStructure at(DerivativeStructure[] point) {
            return point[index];
        }

        public boolean isConstant() {
            return false;
        }
    }

    record Negation(Formula operand) implements Formula {
        public DerivativeStructure at(DerivativeStructure[] point) {
            return operand.at(point).negate();
        }

        public boolean isConstant() {
            return operand.isConstant();
        }
    }

    enum Operator {
        ADD,
        SUBTRACT,
        MULTIPLY,
        DIVIDE
    }

    record Binary(Operator operator, Formula left, Formula right) implements Formula {
        public DerivativeStructure at(DerivativeStructure[] point) {
            DerivativeStructure l = left.at(point);
            DerivativeStructure r = right.at(point);
            return switch (operator) {
                case ADD -> l.add(r);
                case SUBTRACT -> l.subtract(r);
                case MULTIPLY -> l.multiply(r);
                case DIVIDE -> l.divide(r);
            };
        }

        public boolean isConstant() {
            return left.isConstant() && right.isConstant();
        }
    }

    record Power(Formula base, Formula exponent) implements Formula {
        public DerivativeStructure at(DerivativeStructure[] point) {
            DerivativeStructure b = base.at(point);
            if (exponent.isConstant()) {
                // A fixed exponent must not go through exp(k·log(b)), which is NaN for a negative
                // base: (w - 3)^2 at w = 0.
                double k = exponent.at(point).getValue();
                return k == Math.rint(k) && Math.abs(k) <= Integer.MAX_VALUE ? b.pow((int) k) : b.pow(k);
            }
            if (base.isConstant()) {
                return DerivativeStructure.pow(b.getValue(), exponent.at(point));
            }
            return b.pow(exponent.at(point));
        }

        public boolean isConstant() {
            return base.isConstant() && exponent.isConstant();
        }
    }

    enum Function {
        EXP,
        LOG,
        SQRT,
        SIN,
        COS,
        TANH,
        ABS,
        SIGMOID;

        DerivativeStructure apply(DerivativeStructure x) {
            return switch (this) {
                case EXP -> x.exp();
                case LOG -> x.log();
                case SQRT -> x.sqrt();
                case SIN -> x.sin();
                case COS -> x.cos();
                case TANH -> x.tanh();
                // Scaling by sign(x) gives |x| with derivative sign(x), which is 0 at 0 as in
                // torch (commons-math says +1).
                case ABS -> x.multiply(Math.signum(x.getValue()));
                case SIGMOID -> {
                    double s = 1 / (1 + Math.exp(-x.getValue()));
                    yield x.compose(s, s * (1 - s));
                }
            };
        }
    }

    record Call(Function function, Formula argument) implements Formula {
        public DerivativeStructure at(DerivativeStructure[] point) {
            return function.apply(argument.at(point));
        }

        public boolean isConstant() {
            return argument.isConstant();
        }
    }
}
