package dev.gradientdeck.web;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * LaTeX math as plain readable text, for search snippets where KaTeX does not run: {@code w \leftarrow w - \eta \nabla L(w)}
 * reads "w ← w − η ∇L(w)". Written here because no maintained Java library does this small job; it covers the symbols cards
 * use (Greek letters, operators, arrows, fractions, roots, accents, sub- and superscripts) and drops the rest of the markup,
 * keeping an unknown command's name as a word.
 */
public final class MathText {
    private MathText() {}

    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("alpha", "α"),
            Map.entry("beta", "β"),
            Map.entry("gamma", "γ"),
            Map.entry("delta", "δ"),
            Map.entry("epsilon", "ε"),
            Map.entry("varepsilon", "ε"),
            Map.entry("zeta", "ζ"),
            Map.entry("eta", "η"),
            Map.entry("theta", "θ"),
            Map.entry("iota", "ι"),
            Map.entry("kappa", "κ"),
            Map.entry("lambda", "λ"),
            Map.entry("mu", "μ"),
            Map.entry("nu", "ν"),
            Map.entry("xi", "ξ"),
            Map.entry("pi", "π"),
            Map.entry("rho", "ρ"),
            Map.entry("sigma", "σ"),
            Map.entry("tau", "τ"),
            Map.entry("phi", "φ"),
            Map.entry("varphi", "φ"),
            Map.entry("chi", "χ"),
            Map.entry("psi", "ψ"),
            Map.entry("omega", "ω"),
            Map.entry("Gamma", "Γ"),
            Map.entry("Delta", "Δ"),
            Map.entry("Theta", "Θ"),
            Map.entry("Lambda", "Λ"),
            Map.entry("Sigma", "Σ"),
            Map.entry("Phi", "Φ"),
            Map.entry("Psi", "Ψ"),
            Map.entry("Omega", "Ω"),
            Map.entry("Pi", "Π"),
            Map.entry("nabla", "∇"),
            Map.entry("partial", "∂"),
            Map.entry("sum", "Σ"),
            Map.entry("prod", "Π"),
            Map.entry("int", "∫"),
            Map.entry("infty", "∞"),
            Map.entry("cdot", "·"),
            Map.entry("times", "×"),
            Map.entry("div", "÷"),
            Map.entry("pm", "±"),
            Map.entry("leftarrow", "←"),
            Map.entry("gets", "←"),
            Map.entry("rightarrow", "→"),
            Map.entry("to", "→"),
            Map.entry("Rightarrow", "⇒"),
            Map.entry("Leftrightarrow", "⇔"),
            Map.entry("mapsto", "↦"),
            Map.entry("le", "≤"),
            Map.entry("leq", "≤"),
            Map.entry("ge", "≥"),
            Map.entry("geq", "≥"),
            Map.entry("neq", "≠"),
            Map.entry("ne", "≠"),
            Map.entry("approx", "≈"),
            Map.entry("sim", "∼"),
            Map.entry("propto", "∝"),
            Map.entry("equiv", "≡"),
            Map.entry("in", "∈"),
            Map.entry("notin", "∉"),
            Map.entry("subset", "⊂"),
            Map.entry("cup", "∪"),
            Map.entry("cap", "∩"),
            Map.entry("forall", "∀"),
            Map.entry("exists", "∃"),
            Map.entry("odot", "⊙"),
            Map.entry("otimes", "⊗"),
            Map.entry("circ", "∘"),
            Map.entry("ldots", "…"),
            Map.entry("cdots", "⋯"),
            Map.entry("dots", "…"),
            Map.entry("lVert", "‖"),
            Map.entry("rVert", "‖"),
            Map.entry("Vert", "‖"),
            Map.entry("|", "‖"),
            Map.entry("lvert", "|"),
            Map.entry("rvert", "|"),
            Map.entry("langle", "⟨"),
            Map.entry("rangle", "⟩"),
            Map.entry("top", "ᵀ"),
            Map.entry("log", "log"),
            Map.entry("exp", "exp"),
            Map.entry("max", "max"),
            Map.entry("min", "min"),
            Map.entry("arg", "arg"),
            Map.entry("sin", "sin"),
            Map.entry("cos", "cos"),
            Map.entry("tanh", "tanh"),
            Map.entry("ln", "ln"));

    private static final String SUPERSCRIPT_FROM = "0123456789+−=()nTitkx";
    private static final String SUPERSCRIPT_TO = "⁰¹²³⁴⁵⁶⁷⁸⁹⁺⁻⁼⁽⁾ⁿᵀⁱᵗᵏˣ";
    private static final String SUBSCRIPT_FROM = "0123456789+−=()aeijklmnoprstuvx";
    private static final String SUBSCRIPT_TO = "₀₁₂₃₄₅₆₇₈₉₊₋₌₍₎ₐₑᵢⱼₖₗₘₙₒₚᵣₛₜᵤᵥₓ";

    private static final Pattern FRACTION = Pattern.compile("\\\\[dt]?frac\\s*\\{([^{}]*)\\}\\s*\\{([^{}]*)\\}");
    private static final Pattern ROOT = Pattern.compile("\\\\sqrt\\s*\\{([^{}]*)\\}");
    private static final Pattern ACCENT =
            Pattern.compile("\\\\(hat|bar|tilde|vec|dot)\\s*\\{([^{}]*)\\}|\\\\(hat|bar|tilde|vec|dot)\\s+(\\w)");
    private static final Pattern WRAPPER = Pattern.compile(
            "\\\\(?:mathbf|mathrm|mathit|mathcal|mathbb|boldsymbol|text|textbf|operatorname)\\s*\\{([^{}]*)\\}");
    private static final Pattern SCRIPT = Pattern.compile("([_^])\\s*(?:\\{([^{}]*)\\}|(\\\\?[A-Za-z0-9+\\-]))");
    private static final Pattern COMMAND = Pattern.compile("\\\\([A-Za-z]+|\\|)");
    private static final Pattern SIZING = Pattern.compile("\\\\(?:left|right|big|Big|bigg|Bigg)(?![A-Za-z])");
    private static final Pattern SPACING = Pattern.compile("\\\\[,;:! ]|~|\\\\quad|\\\\qquad");
    // Compiled once: the search index reads every math span of a deck through here.
    private static final Pattern WHITESPACE = Pattern.compile("\\s+");
    private static final Pattern PREFIX_SPACE = Pattern.compile("([∇∂√]) ");
    private static final Pattern NORM_SPACES = Pattern.compile("‖ ([^‖]*?) ‖");
    private static final Pattern GROUPED = Pattern.compile("[\\p{L}\\p{M}\\p{N}.\\\\_^{}]+");

    /** The readable text of one math span, without its delimiters. */
    public static String of(String latex) {
        // Most spans are a letter or two: with no command and no script there is nothing to rewrite.
        if (latex.indexOf('\\') < 0 && latex.indexOf('_') < 0 && latex.indexOf('^') < 0 && latex.indexOf('~') < 0) {
            return tidy(latex.replace("{", "").replace("}", "").replace('-', '−'));
        }
        String text = SPACING.matcher(latex).replaceAll(" ");
        text = SIZING.matcher(text).replaceAll("");
        // Innermost groups first: a fraction inside a root reads right after two passes.
        for (int pass = 0; pass < 3; pass++) {
            String before = text;
            text = WRAPPER.matcher(text).replaceAll(m -> Matcher.quoteReplacement(m.group(1)));
            text = ACCENT.matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(accented(
                            m.group(1) != null ? m.group(1) : m.group(3),
                            m.group(2) != null ? m.group(2) : m.group(4))));
            text = SCRIPT.matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(
                            script(m.group(1).equals("^"), m.group(2) != null ? m.group(2) : m.group(3))));
            text = ROOT.matcher(text).replaceAll(m -> Matcher.quoteReplacement("√" + grouped(m.group(1))));
            text = FRACTION.matcher(text)
                    .replaceAll(m -> Matcher.quoteReplacement(grouped(m.group(1)) + "/" + grouped(m.group(2))));
            if (text.equals(before)) break;
        }
        text = COMMAND.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(SYMBOLS.getOrDefault(m.group(1), m.group(1))));
        text = SCRIPT.matcher(text)
                .replaceAll(m -> Matcher.quoteReplacement(
                        script(m.group(1).equals("^"), m.group(2) != null ? m.group(2) : m.group(3))));
        // A hyphen in math is a minus sign.
        return tidy(text.replace("{", "").replace("}", "").replace('-', '−'));
    }

    /** Math mode ignores spaces; a prefix operator reads joined to what it applies to ("∇L", "∂x"). */
    private static String tidy(String text) {
        text = WHITESPACE.matcher(text).replaceAll(" ");
        text = PREFIX_SPACE.matcher(text).replaceAll("$1");
        return NORM_SPACES.matcher(text).replaceAll("‖$1‖").strip();
    }

    /** A fraction's part keeps its brackets only when it is more than one token: "(a+b)/2", "x/y". */
    private static String grouped(String part) {
        String p = part.strip();
        return GROUPED.matcher(p).matches() ? p : "(" + p + ")";
    }

    private static String accented(String accent, String base) {
        String mark = switch (accent) {
            case "hat" -> "\u0302";
            case "bar" -> "\u0304";
            case "tilde" -> "\u0303";
            case "vec" -> "\u20D7";
            default -> "\u0307";
        };
        return base.strip().length() == 1 ? base.strip() + mark : base.strip();
    }

    /** "²" and "ₜ" where Unicode has the characters, else "^(…)" and "_…" so nothing is lost. */
    private static String script(boolean superscript, String body) {
        String from = superscript ? SUPERSCRIPT_FROM : SUBSCRIPT_FROM;
        String to = superscript ? SUPERSCRIPT_TO : SUBSCRIPT_TO;
        String plain = body.strip().replace('-', '−');
        if (plain.startsWith("\\")) plain = SYMBOLS.getOrDefault(plain.substring(1), plain.substring(1));
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < plain.length(); i++) {
            int at = from.indexOf(plain.charAt(i));
            if (at < 0) return (superscript ? "^" : "_") + (plain.length() == 1 ? plain : "(" + plain + ")");
            out.append(to.charAt(at));
        }
        return out.toString();
    }
}
