package fr.atelier51.assistant.service;

import fr.atelier51.assistant.domain.Departement;
import fr.atelier51.base.domain.Region;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Finds the territories a holder names: regions (and their usual nicknames), départements, big cities, "national". */
final class Territories {

    record Hit(String label, Region region, boolean wholeRegion) {
    }

    private record Found(int at, Hit hit) {
    }

    record Result(List<Hit> hits, boolean national, boolean multiRegion, boolean regionalWord) {
        Set<Region> regions() {
            Set<Region> set = new LinkedHashSet<>();
            hits.forEach(h -> set.add(h.region()));
            return set;
        }

        boolean isEmpty() {
            return hits.isEmpty() && !national && !multiRegion;
        }
    }

    private record Name(String key, Region region, Departement departement, String label, boolean ambiguous) {
    }

    private static final List<Name> NAMES = new ArrayList<>();

    private static final Pattern NATIONAL = Pattern.compile(
            "(niveau|echelle|projet|deploiement|experimentation|dimension|envergure|portee|champ|perimetre|plan) national"
                    + "|toute la france|france entiere|l ensemble du territoire|tout le territoire|partout en france"
                    + "|\\bnationwide\\b|\\bnational (level|scope|scale)|\\bnationale?\\b\\s*$|^\\s*(au )?national\\w*");
    private static final Pattern MULTI = Pattern.compile(
            "plusieurs regions|(deux|trois|quatre|2|3|4) regions|interregion\\w*|multi ?regional\\w*|several regions");
    private static final Pattern REGIONAL_WORD = Pattern.compile("toute la region|\\bregional\\w*|whole region|\\bregion entiere");
    private static final Pattern DEPT_NUMBERS = Pattern.compile(
            "(?:departements?|dpts?|depts?)\\s*(?:n ?°\\s*)?((?:97[1-6]|\\d{2}|2a|2b)(?:\\s*(?:,|et|/)\\s*(?:97[1-6]|\\d{2}|2a|2b))*)\\b");
    /** "dans le 93", "du 31", "en 2A": not before a unit or a month, and never the emergency numbers after "du". */
    private static final Pattern SPOKEN_NUMBER = Pattern.compile(
            "\\b(dans le|du|en) (97[1-6]|\\d{2}|2a|2b)\\b(?!\\s*(ans?|mois|jours?|semaines?|%|patients?|personnes?|heures?|h\\b|km|euros?|€|janvier|fevrier|mars|avril|mai|juin|juillet|aout|septembre|octobre|novembre|decembre|minutes?|places?|lits?|[.,]\\d))");
    private static final Pattern PAREN_NUMBER = Pattern.compile("\\((97[1-6]|\\d{2}|2a|2b)\\)");

    static {
        for (Region r : Region.values()) {
            add(r.label(), r, null, "Région " + r.label(), r == Region.LA_REUNION);
        }
        alias("aura", Region.AUVERGNE_RHONE_ALPES);
        alias("auvergne", Region.AUVERGNE_RHONE_ALPES);
        alias("rhone alpes", Region.AUVERGNE_RHONE_ALPES);
        alias("bfc", Region.BOURGOGNE_FRANCHE_COMTE);
        alias("bourgogne", Region.BOURGOGNE_FRANCHE_COMTE);
        alias("franche comte", Region.BOURGOGNE_FRANCHE_COMTE);
        alias("region centre", Region.CENTRE_VAL_DE_LOIRE);
        alias("alsace", Region.GRAND_EST);
        alias("lorraine", Region.GRAND_EST);
        alias("champagne ardenne", Region.GRAND_EST);
        alias("nord pas de calais", Region.HAUTS_DE_FRANCE);
        alias("picardie", Region.HAUTS_DE_FRANCE);
        alias("idf", Region.ILE_DE_FRANCE);
        alias("region parisienne", Region.ILE_DE_FRANCE);
        alias("aquitaine", Region.NOUVELLE_AQUITAINE);
        alias("limousin", Region.NOUVELLE_AQUITAINE);
        alias("poitou charentes", Region.NOUVELLE_AQUITAINE);
        alias("languedoc roussillon", Region.OCCITANIE);
        alias("languedoc", Region.OCCITANIE);
        alias("midi pyrenees", Region.OCCITANIE);
        alias("paca", Region.PROVENCE_ALPES_COTE_D_AZUR);
        alias("region sud", Region.PROVENCE_ALPES_COTE_D_AZUR);
        alias("provence", Region.PROVENCE_ALPES_COTE_D_AZUR);
        alias("cote d azur", Region.PROVENCE_ALPES_COTE_D_AZUR);
        alias("reunion island", Region.LA_REUNION);
        for (Departement d : Departement.values()) {
            if (d.code().length() == 3) {
                continue; // overseas: the same name is the region, already listed
            }
            add(d.label(), d.region(), d, d.label() + " (" + d.code() + ")", d.ambiguous());
        }
        city("toulouse", "31"); city("montpellier", "34"); city("lyon", "69"); city("marseille", "13");
        city("lille", "59"); city("bordeaux", "33"); city("nantes", "44"); city("strasbourg", "67");
        city("rennes", "35"); city("nice", "06"); city("grenoble", "38"); city("rouen", "76");
        city("dijon", "21"); city("brest", "29"); city("reims", "51"); city("clermont ferrand", "63");
        city("limoges", "87"); city("amiens", "80"); city("metz", "57"); city("nancy", "54");
        city("besancon", "25"); city("orleans", "45"); city("caen", "14"); city("poitiers", "86");
        city("perpignan", "66"); city("ajaccio", "2A"); city("bastia", "2B"); city("le havre", "76");
        city("saint etienne", "42"); city("toulon", "83"); city("angers", "49"); city("le mans", "72");
        city("nimes", "30"); city("avignon", "84"); city("la rochelle", "17"); city("mulhouse", "68");
        city("beziers", "34"); city("albi", "81"); city("rodez", "12"); city("cahors", "46"); city("carcassonne", "11");
        city("marseillais", "13"); city("lyonnais", "69"); city("toulousain", "31"); city("lillois", "59");
        NAMES.sort(Comparator.comparingInt((Name n) -> n.key.length()).reversed());
    }

    private Territories() {
    }

    private static void add(String name, Region region, Departement d, String label, boolean ambiguous) {
        NAMES.add(new Name(Text.key(name), region, d, label, ambiguous));
    }

    private static void alias(String key, Region region) {
        NAMES.add(new Name(key, region, null, "Région " + region.label(), false));
    }

    private static void city(String key, String code) {
        Departement d = Departement.byCode(code).orElseThrow();
        NAMES.add(new Name(key, d.region(), d, d.label() + " (" + d.code() + ")", false));
    }

    static Result find(String original, boolean territoryStep) {
        String folded = Text.fold(original);
        // Same length as the original: hyphens and apostrophes become spaces, so positions still match.
        String k = folded.replace('-', ' ').replace('\'', ' ');
        List<Found> found = new ArrayList<>();
        boolean[] used = new boolean[k.length()];
        for (Name n : NAMES) {
            int from = 0;
            while (true) {
                int at = k.indexOf(n.key, from);
                if (at < 0) {
                    break;
                }
                from = at + 1;
                int end = at + n.key.length();
                if ((at > 0 && Character.isLetterOrDigit(k.charAt(at - 1)))
                        || (end < k.length() && Character.isLetterOrDigit(k.charAt(end)))) {
                    continue;
                }
                if (overlaps(used, at, end)) {
                    continue;
                }
                if (n.ambiguous && !Character.isUpperCase(original.charAt(at))) {
                    continue;
                }
                for (int i = at; i < end; i++) {
                    used[i] = true;
                }
                found.add(new Found(at, new Hit(n.label, n.region, n.departement == null)));
            }
        }
        Matcher m = DEPT_NUMBERS.matcher(folded);
        while (m.find()) {
            for (String code : m.group(1).split("\\s*(?:,|et|/)\\s*")) {
                int at = m.start();
                Departement.byCode(code).ifPresent(d -> found.add(new Found(at, new Hit(d.label() + " (" + d.code() + ")", d.region(), false))));
            }
        }
        m = SPOKEN_NUMBER.matcher(folded);
        while (m.find()) {
            String code = m.group(2);
            if (m.group(1).equals("du") && (code.equals("15") || code.equals("17") || code.equals("18"))) {
                continue;
            }
            int at = m.start();
            Departement.byCode(code).ifPresent(d -> found.add(new Found(at, new Hit(d.label() + " (" + d.code() + ")", d.region(), false))));
        }
        m = PAREN_NUMBER.matcher(folded);
        while (m.find()) {
            int at = m.start();
            Departement.byCode(m.group(1)).ifPresent(d -> found.add(new Found(at, new Hit(d.label() + " (" + d.code() + ")", d.region(), false))));
        }
        List<Hit> unique = found.stream().sorted(Comparator.comparingInt(Found::at)).map(Found::hit).distinct().toList();
        String plain = k.replaceAll("\\s+", " ");
        boolean national = NATIONAL.matcher(plain).find()
                || (territoryStep && plain.strip().matches("(au )?(niveau )?nationale?( \\w+)?|france|toute la france"));
        boolean multi = MULTI.matcher(plain).find();
        boolean regional = REGIONAL_WORD.matcher(plain).find();
        return new Result(unique, national, multi, regional);
    }

    private static boolean overlaps(boolean[] used, int from, int to) {
        for (int i = from; i < to; i++) {
            if (used[i]) {
                return true;
            }
        }
        return false;
    }
}
