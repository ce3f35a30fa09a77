package dev.gradientdeck.papers;

/**
 * A person's name split the way citation formats need it.
 * "Family, Given" is taken as written; otherwise the last word is the family name. Names with particles
 * ("van der Maaten") are only split right when written in the comma form, which is also BibTeX's convention.
 *
 * @param given empty for a single-word name such as an organisation
 */
record AuthorName(String family, String given) {

    static AuthorName parse(String written) {
        String name = written.trim().replaceAll("\\s+", " ");
        int comma = name.indexOf(',');
        if (comma >= 0) {
            return new AuthorName(
                    name.substring(0, comma).trim(), name.substring(comma + 1).trim());
        }
        int lastSpace = name.lastIndexOf(' ');
        return lastSpace < 0
                ? new AuthorName(name, "")
                : new AuthorName(name.substring(lastSpace + 1), name.substring(0, lastSpace));
    }
}
