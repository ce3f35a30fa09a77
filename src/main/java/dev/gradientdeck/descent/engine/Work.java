package dev.gradientdeck.descent.engine;

import java.util.List;

/**
 * What one optimizer step did to one parameter, as that optimizer's own record of typed values:
 * enough to write the update out line by line and to show the state carried into the step.
 */
public sealed interface Work permits Sgd.Work, Adagrad.Work, RmsProp.Work, Adam.Work {

    /** The parameter after the step. */
    double after();

    /** The worked lines of the update, in the optimizer's order of operations. */
    List<Line> lines(String param, double before);

    /** The optimizer state coming into this step, as symbol and value (empty on plain SGD). */
    List<Carried> carried();

    record Carried(String symbol, double value) {}
}
