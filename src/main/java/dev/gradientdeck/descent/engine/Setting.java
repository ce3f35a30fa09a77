package dev.gradientdeck.descent.engine;

/**
 * A setting of an optimizer as a spec names it, with torch's default: a Double, a Boolean, or null
 * when the setting has no default and must be given (SGD's lr).
 *
 * @param symbol how the setting is written in math, such as {@code \eta}
 * @param label the setting in words, for forms
 */
public record Setting(String name, Object fallback, String symbol, String label) {
    public boolean isSwitch() {
        return fallback instanceof Boolean;
    }

    public boolean required() {
        return fallback == null;
    }
}
