package dev.gradientdeck.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Math as a learner would read it aloud, from the starter deck's own formulas. */
class MathTextTest {
    @Test
    void readsTheDecksFormulas() {
        assertEquals("w ← w − η ∇L(w)", MathText.of("w \\leftarrow w - \\eta \\nabla L(w)"));
        assertEquals("m̂ₜ = mₜ/(1 − β₁ᵗ)", MathText.of("\\hat{m}_t = \\frac{m_t}{1 - \\beta_1^t}"));
        assertEquals(
                "θ ← θ − η m̂/(√v̂ + ε)",
                MathText.of("\\theta \\leftarrow \\theta - \\eta \\frac{\\hat m}{\\sqrt{\\hat v} + \\epsilon}"));
        assertEquals(
                "L = 1/n Σᵢ₌₁ⁿ (yᵢ − y\u0302ᵢ)²", MathText.of("L = \\frac{1}{n} \\sum_{i=1}^{n} (y_i - \\hat{y}_i)^2"));
        assertEquals("‖x‖₂ ≤ 1", MathText.of("\\lVert x \\rVert_2 \\le 1"));
        assertEquals("σ(z) = 1/(1 + e^(−z))", MathText.of("\\sigma(z) = \\frac{1}{1 + e^{-z}}"));
    }

    @Test
    void keepsUnknownCommandsAsWords() {
        assertEquals("foo x", MathText.of("\\foo x"));
        assertEquals("x", MathText.of("\\mathbf{x}"));
    }
}
