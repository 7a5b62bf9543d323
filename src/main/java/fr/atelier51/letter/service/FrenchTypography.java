package fr.atelier51.letter.service;

import java.util.regex.Pattern;

/**
 * French typography for printed letters: a narrow no-break space before ; ! ? and a no-break space before : and
 * inside « », so that punctuation never starts a line. Leaves URLs and times alone.
 */
public final class FrenchTypography {

    static final char NBSP = '\u00A0';
    static final char NNBSP = '\u202F';
    private static final Pattern BEFORE_HIGH = Pattern.compile("[ \\u00A0\\u202F]*([;!?])(?=\\s|$|[)»\"”’])");
    private static final Pattern BEFORE_COLON = Pattern.compile("(?<=[^\\s\\d:/])[ \\u00A0\\u202F]*:(?=\\s|$)");
    private static final Pattern GUILLEMET_OPEN = Pattern.compile("«[ \\u00A0\\u202F]*");
    private static final Pattern GUILLEMET_CLOSE = Pattern.compile("[ \\u00A0\\u202F]*»");

    private FrenchTypography() {
    }

    public static String apply(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String s = BEFORE_HIGH.matcher(text).replaceAll(NNBSP + "$1");
        s = BEFORE_COLON.matcher(s).replaceAll(NBSP + ":");
        s = GUILLEMET_OPEN.matcher(s).replaceAll("«" + NBSP);
        s = GUILLEMET_CLOSE.matcher(s).replaceAll(NBSP + "»");
        return s.replace("...", "…");
    }
}
