package dev.gradientdeck;

import java.io.PrintWriter;
import java.io.StringWriter;

/** Runs the command line as {@code main} would, with its output captured, for tests in other packages. */
public final class AppCommandLine {
    private AppCommandLine() {}

    public static int run(String[] args, StringWriter out, StringWriter err) {
        var cli = App.commandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        return cli.execute(args);
    }
}
