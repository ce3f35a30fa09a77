package dev.gradientdeck.descent;

import dev.gradientdeck.cards.BlockCheck;
import dev.gradientdeck.descent.engine.SpecException;
import dev.gradientdeck.descent.spec.DescentSpecs;
import java.util.Optional;

/** The check a card's ```descent block must pass to import: the spec parses and can run. */
public final class DescentBlocks implements BlockCheck {
    @Override
    public Optional<Problem> problem(String yaml) {
        try {
            DescentSpecs.fromYaml(yaml);
            return Optional.empty();
        } catch (SpecException e) {
            return Optional.of(new Problem(e.line().orElse(1), "descent spec: " + e.getMessage()));
        }
    }
}
