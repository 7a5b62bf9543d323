package fr.atelier51.assistant.service;

import java.text.Normalizer;

/** Text helpers for the rules: accent- and case-folding that keeps every character at its position. */
final class Text {

    private Text() {
    }

    /** Lower case, accents removed, typographic apostrophes and spaces made plain; same length as the input. */
    static String fold(String s) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '’', '‘', '`', 'ʼ' -> out.append('\'');
                case '\u00a0', '\u202f', '\t', '\r', '\n' -> out.append(' ');
                case 'œ', 'Œ' -> out.append('o');
                case '–', '—' -> out.append('-');
                default -> {
                    if (c < 128) {
                        out.append(Character.toLowerCase(c));
                    } else {
                        String d = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD);
                        out.append(Character.toLowerCase(d.charAt(0)));
                    }
                }
            }
        }
        return out.toString();
    }

    /** A name folded the same way, with hyphens and apostrophes as spaces, for gazetteer matching. */
    static String key(String s) {
        return fold(s).replaceAll("[-'’]", " ").replaceAll("\\s+", " ").strip();
    }
}
