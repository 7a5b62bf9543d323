package fr.atelier51.knowledge.service;

import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.knowledge.domain.ArticleRefs;
import fr.atelier51.knowledge.domain.LegalArticle;
import fr.atelier51.knowledge.domain.Note;
import fr.atelier51.knowledge.domain.SourceKind;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.LongPoint;
import org.apache.lucene.index.MultiTerms;
import org.apache.lucene.index.Terms;
import org.apache.lucene.index.TermsEnum;
import org.apache.lucene.util.BytesRef;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause.Occur;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.Query;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.TermQuery;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static fr.atelier51.knowledge.service.KnowledgeFields.*;

/**
 * Searches the knowledge base (official texts, our notes, uploaded documents) and serves articles and notes.
 * User input never reaches a query parser: the query is analysed and assembled by {@link SearchQueryBuilder}, so
 * Lucene syntax, unbalanced quotes or a 5,000-character paste cannot break it. Reading requires a signed-in user unless
 * {@code atelier51.knowledge.public-search} is true.
 */
@Service
public class KnowledgeSearchService {

    /** Characters of a query that are analysed; the rest of a long paste is ignored. */
    static final int MAX_QUERY_CHARS = 600;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    // compiled once: a search runs them on every query and hit
    private static final Pattern CONTROLS = Pattern.compile("[\\p{Cntrl}&&[^\\n\\t]]");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final KnowledgeIndex index;
    private final CurrentAccount currentAccount;
    private final boolean publicSearch;
    private final Analyzer textAnalyzer = FrenchAnalyzers.text();
    private final SearchQueryBuilder queries = new SearchQueryBuilder();

    public KnowledgeSearchService(KnowledgeIndex index, CurrentAccount currentAccount,
                                  @Value("${atelier51.knowledge.public-search:false}") boolean publicSearch) {
        this.index = index;
        this.currentAccount = currentAccount;
        this.publicSearch = publicSearch;
    }

    /** For other features (the assistant): passages in force, every source, with citation and URL. */
    public List<KnowledgeHit> search(String query, int limit) {
        return search(KnowledgeQuery.of(query, limit)).hits();
    }

    public KnowledgeResults search(KnowledgeQuery q) {
        requireReader();
        long start = System.nanoTime();
        if (index.state() != KnowledgeIndex.State.READY) {
            return KnowledgeResults.message(index.state() == KnowledgeIndex.State.FAILED
                    ? "knowledge.search.index-failed" : "knowledge.search.indexing", millisSince(start), true);
        }
        String text = sanitise(q.text());
        if (text.isBlank()) {
            return KnowledgeResults.message("knowledge.search.empty", millisSince(start), false);
        }
        // the article references in the query, found once for the jump and the query
        ArticleRefs.InQuery refs = ArticleRefs.inQuery(text);
        Optional<String> bare = ArticleRefs.bareNumber(text);
        String jumpTo = referenceTarget(text, q.codeId(), refs, bare).orElse(null);
        LocalDate today = LocalDate.now(PARIS);
        return index.withSearcher(searcher -> {
            Optional<SearchQueryBuilder.Built> built = queries.build(text, searcher, refs, bare, true);
            if (built.isEmpty()) {
                return new KnowledgeResults(0, true, millisSince(start), List.of(), jumpTo,
                        jumpTo == null ? "knowledge.search.nothing-to-search" : null, false);
            }
            TopUnitsCollector top = collectTop(searcher, built.get().main(), q);
            List<ScoreDoc> chosen = List.of(top.top());
            var stored = searcher.storedFields();
            Map<Integer, Document> docs = new HashMap<>();
            for (ScoreDoc sd : chosen) {
                docs.put(sd.doc, stored.document(sd.doc, HIT_FIELDS));
            }
            String[] snippets = highlight(searcher, built.get(), chosen, docs);
            List<KnowledgeHit> hits = new ArrayList<>(chosen.size());
            for (int i = 0; i < chosen.size(); i++) {
                hits.add(hit(docs.get(chosen.get(i).doc), snippets[i], chosen.get(i).score, today));
            }
            long total = top.totalHits();
            return new KnowledgeResults(total, top.totalIsExact(), millisSince(start), hits, jumpTo,
                    hits.isEmpty() ? "knowledge.search.no-result" : null, false);
        });
    }

    /**
     * The Lucene query a search runs (relevance × static weight), with its filter as a FILTER clause, or empty when
     * the text has nothing to search: what a plain {@code IndexSearcher.search} needs for the same hits and scores
     * (the service gives the filter to the scorer as accepted documents instead). Public for the benchmark, whose
     * bare-Lucene baseline runs this very object.
     */
    public Optional<Query> luceneQuery(KnowledgeQuery q) {
        String text = sanitise(q.text());
        if (text.isBlank() || index.state() != KnowledgeIndex.State.READY) {
            return Optional.empty();
        }
        return index.withSearcher(searcher -> queries.build(text, searcher).map(b -> ranked(b.main(), q)));
    }

    /** Stored fields a hit reads (the benchmark's baseline reads the same). */
    public static Set<String> hitFields() {
        return HIT_FIELDS;
    }

    /** What a filter depends on; its key in the cache, so a search builds no filter query to look it up. */
    private record FilterKey(Set<SourceKind> sources, String codeId, boolean inForceOnly, long day) {
    }

    /** The few distinct filters in use (day, sources, code), each computed once per segment. */
    private final Map<FilterKey, CachedFilterQuery> filters = java.util.Collections.synchronizedMap(
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<FilterKey, CachedFilterQuery> eldest) {
                    return size() > 32;
                }
            });

    /**
     * The best passage of each of the top units. The static weight is inside the query (pruning kept), the filter
     * is applied as accepted documents, and the collector groups by article, note or document: one pass of the
     * scorer.
     */
    TopUnitsCollector collectTop(IndexSearcher searcher, Query main, KnowledgeQuery q) throws IOException {
        return TopUnitsCollector.search(searcher, weighted(main), filterOf(q), q.limit(), UNIT);
    }

    private Query ranked(Query main, KnowledgeQuery q) {
        return weighted(new BooleanQuery.Builder().add(main, Occur.MUST).add(filterOf(q), Occur.FILTER).build());
    }

    private static Query weighted(Query relevance) {
        return new StaticWeightQuery(relevance, WEIGHT, KnowledgeIndex.MAX_WEIGHT);
    }

    private CachedFilterQuery filterOf(KnowledgeQuery q) {
        return filters.computeIfAbsent(new FilterKey(q.sources(), q.codeId(), q.inForceOnly(),
                q.inForceOnly() ? LocalDate.now(PARIS).toEpochDay() : 0), key -> new CachedFilterQuery(filter(q)));
    }

    static final Set<String> HIT_FIELDS = Set.of(SOURCE, TEXT, CRUMBS, ANCHOR, REF, ETAT, FROM, TO, CODE_SHORT,
            UNIT, CODE, TITLE, LEGI_ID, NOTE_ID, "noteTitle", "sectionTitle", UPDATED, EMPHASIS, UPLOAD_ID, UPLOAD_TITLE,
            UPLOAD_FILE, UPLOAD_BY);

    /** A suggestion while typing: an article whose number starts with what is typed, a note, a document. */
    public record Suggestion(String label, SourceKind source, String url) {
    }

    private static final Pattern REF_PREFIX = Pattern.compile(
            "^(?:art(?:icle)?\\.?\\s*)?(LO|L|R|D|A)?\\s*\\.?\\s*(\\d[\\d.\\-‑– ]*)$", Pattern.CASE_INSENSITIVE);

    /**
     * Suggestions for the search box: article numbers starting with the typed number ("L162-3" → L.162-31-1…),
     * then notes, note sections and uploaded documents whose title holds every typed word. Cheap (term dictionary
     * and in-memory titles), so it runs on every keystroke.
     */
    public List<Suggestion> suggest(String raw, int limit) {
        requireReader();
        String text = sanitise(raw);
        if (text.length() < 2 || index.state() != KnowledgeIndex.State.READY) {
            return List.of();
        }
        List<Suggestion> out = new ArrayList<>();
        Matcher m = REF_PREFIX.matcher(text);
        if (m.matches()) {
            String number = m.group(2).replaceAll("\\s", "").replaceAll("[.‑–]", "-");
            List<String> prefixes = m.group(1) != null ? List.of(m.group(1).toUpperCase(Locale.ROOT) + number)
                    : List.of("L" + number, "R" + number, "D" + number);
            index.withSearcher(searcher -> {
                Terms terms = MultiTerms.getTerms(searcher.getIndexReader(), REF);
                if (terms == null) {
                    return null;
                }
                for (String prefix : prefixes) {
                    TermsEnum te = terms.iterator();
                    if (te.seekCeil(new BytesRef(prefix)) == TermsEnum.SeekStatus.END) {
                        continue;
                    }
                    for (BytesRef term = te.term(); term != null && out.size() < limit; term = te.next()) {
                        String ref = term.utf8ToString();
                        if (!ref.startsWith(prefix)) {
                            break;
                        }
                        index.unitOfRef(ref, null).ifPresent(unit ->
                                out.add(new Suggestion("Article " + ArticleRefs.display(ref), SourceKind.OFFICIAL, "/" + pathOfUnit(unit))));
                    }
                }
                return null;
            });
            return out;
        }
        List<String> words = List.of(DomainSynonyms.fold(text).split(" "));
        for (Note note : index.notes()) {
            if (out.size() < limit && containsAll(note.title(), words)) {
                out.add(new Suggestion(note.title(), SourceKind.NOTE, "/knowledge/notes/" + note.id()));
            }
        }
        for (Note note : index.notes()) {
            for (Note.Section section : note.sections()) {
                if (out.size() < limit && !section.heading().isBlank() && containsAll(section.heading(), words)) {
                    out.add(new Suggestion(section.heading() + " — " + note.title(), SourceKind.NOTE,
                            "/knowledge/notes/" + note.id() + "#" + section.anchor()));
                }
            }
        }
        for (Map.Entry<Long, String> upload : index.uploadTitles().entrySet()) {
            if (out.size() < limit && containsAll(upload.getValue(), words)) {
                out.add(new Suggestion(upload.getValue(), SourceKind.UPLOAD, "/knowledge/uploads/" + upload.getKey()));
            }
        }
        return out;
    }

    private static boolean containsAll(String title, List<String> foldedWords) {
        String folded = DomainSynonyms.fold(title);
        return foldedWords.stream().allMatch(folded::contains);
    }

    /** An article by reference in any spelling; the first configured code that has it unless a code is given. */
    public Optional<ArticlePage> article(String rawRef, String codeId, String highlightQuery) {
        requireReader();
        Optional<String> ref = ArticleRefs.normalise(rawRef);
        if (ref.isEmpty() || index.state() != KnowledgeIndex.State.READY) {
            return Optional.empty();
        }
        return index.withSearcher(searcher -> findArticleDoc(searcher, ref.get(), codeId).map(doc -> {
            LegalArticle a = toArticle(doc);
            LocalDate today = LocalDate.now(PARIS);
            boolean inForce = inForce(a.etat(), a.from(), a.to(), today);
            Set<String> terms = highlightQuery == null || highlightQuery.isBlank() ? Set.of()
                    : new HashSet<>(FrenchAnalyzers.terms(textAnalyzer, TEXT, ArticleRefs.stripFromQuery(sanitise(highlightQuery))));
            String html = ArticleHtml.render(a.html(),
                    legiId -> index.unitOfLegiId(legiId).map(this::pathOfUnit),
                    cited -> index.unitOfRef(cited, a.codeId()).map(this::pathOfUnit),
                    textAnalyzer, terms);
            return new ArticlePage(a, html, ArticleSplitter.plainText(a.html()), inForce, citation(a.codeShort(), a.ref(), a.etat(), a.from(), a.to(), today));
        }));
    }

    /** Whether the index is built and searchable (it is built in the background at start-up). */
    public boolean isReady() {
        return index.state() == KnowledgeIndex.State.READY;
    }

    /** Whether we hold this article (normalised reference) in some code. */
    public boolean hasArticle(String ref) {
        requireReader();
        return index.state() == KnowledgeIndex.State.READY
                && index.unitOfRef(ref, null).isPresent();
    }

    public Optional<Note> note(String id) {
        requireReader();
        return index.notes().stream().filter(n -> n.id().equals(id)).findFirst();
    }

    public List<Note> notes() {
        requireReader();
        return index.notes();
    }

    /** Codes imported, as id → abbreviation, for the filter. */
    public Map<String, String> codes() {
        Map<String, String> codes = new LinkedHashMap<>();
        for (String id : index.codes()) {
            codes.put(id, index.codeShort(id));
        }
        return codes;
    }

    public KnowledgeIndex.State indexState() {
        return index.state();
    }

    // ---------------------------------------------------------------- query building

    static String sanitise(String raw) {
        if (raw == null) {
            return "";
        }
        String s = raw.length() > MAX_QUERY_CHARS * 2 ? raw.substring(0, MAX_QUERY_CHARS * 2) : raw;
        s = SPACES.matcher(CONTROLS.matcher(s).replaceAll(" ")).replaceAll(" ").strip();
        if (s.length() > MAX_QUERY_CHARS) {
            int cut = s.lastIndexOf(' ', MAX_QUERY_CHARS);
            s = s.substring(0, cut > MAX_QUERY_CHARS / 2 ? cut : MAX_QUERY_CHARS);
        }
        return s;
    }

    Optional<String> referenceTarget(String text, String codeId) {
        return referenceTarget(text, codeId, ArticleRefs.inQuery(text), ArticleRefs.bareNumber(text));
    }

    private Optional<String> referenceTarget(String text, String codeId, ArticleRefs.InQuery refs, Optional<String> bare) {
        Optional<String> only = ArticleRefs.onlyReference(text, refs);
        List<String> candidates = new ArrayList<>();
        only.ifPresent(candidates::add);
        if (only.isEmpty()) {
            bare.ifPresent(n -> candidates.addAll(List.of("L" + n, "R" + n, "D" + n)));
        }
        for (String ref : candidates) {
            Optional<String> unit = index.unitOfRef(ref, codeId);
            if (unit.isPresent()) {
                return unit.map(this::pathOfUnit);
            }
        }
        return Optional.empty();
    }

    static Query filter(KnowledgeQuery q) {
        BooleanQuery.Builder f = new BooleanQuery.Builder();
        f.add(new TermQuery(new Term(TYPE, TYPE_PASSAGE)), Occur.FILTER);
        if (q.sources().size() < SourceKind.values().length) {
            BooleanQuery.Builder sources = new BooleanQuery.Builder();
            q.sources().forEach(s -> sources.add(new TermQuery(new Term(SOURCE, s.name())), Occur.SHOULD));
            f.add(sources.build(), Occur.FILTER);
        }
        if (q.codeId() != null) {
            BooleanQuery.Builder code = new BooleanQuery.Builder();
            code.add(new TermQuery(new Term(CODE, q.codeId())), Occur.SHOULD);
            code.add(new TermQuery(new Term(SOURCE, SourceKind.NOTE.name())), Occur.SHOULD);
            code.add(new TermQuery(new Term(SOURCE, SourceKind.UPLOAD.name())), Occur.SHOULD);
            f.add(code.build(), Occur.FILTER);
        }
        if (q.inForceOnly()) {
            long today = LocalDate.now(PARIS).toEpochDay();
            f.add(new TermQuery(new Term(IN_FORCE, "1")), Occur.FILTER);
            f.add(LongPoint.newRangeQuery(FROM_DAY, Long.MIN_VALUE, today), Occur.FILTER);
            f.add(LongPoint.newRangeQuery(TO_DAY, today + 1, Long.MAX_VALUE), Occur.FILTER);
        }
        return f.build();
    }

    private static final int MAX_HIGHLIGHT_CHARS = 20_000;

    /** Snippets of the hits shown (two fragments each), from the offsets in the postings and the loaded text. */
    String[] highlight(IndexSearcher searcher, SearchQueryBuilder.Built built, List<ScoreDoc> chosen, Map<Integer, Document> docs)
            throws IOException {
        int[] ids = new int[chosen.size()];
        String[] texts = new String[chosen.size()];
        for (int i = 0; i < ids.length; i++) {
            ids[i] = chosen.get(i).doc;
            String text = docs.get(ids[i]).get(TEXT);
            texts[i] = text != null && text.length() > MAX_HIGHLIGHT_CHARS ? text.substring(0, MAX_HIGHLIGHT_CHARS) : text;
        }
        return PostingsSnippets.of(searcher.getIndexReader(), TEXT, built.highlight(), built.textStates(), ids, texts, 2);
    }

    // ---------------------------------------------------------------- mapping

    KnowledgeHit hit(Document d, String snippet, float score, LocalDate today) {
        SourceKind source = SourceKind.valueOf(d.get(SOURCE));
        String text = d.get(TEXT);
        String safeSnippet = snippet != null && !snippet.isBlank() ? snippet
                : escape(text.length() > 300 ? text.substring(0, 300) + " …" : text);
        List<String> crumbs = crumbs(d.get(CRUMBS));
        String anchor = d.get(ANCHOR);
        if (source == SourceKind.OFFICIAL) {
            String ref = d.get(REF);
            String etat = emptyToNull(d.get(ETAT));
            LocalDate from = date(d.get(FROM));
            LocalDate to = date(d.get(TO));
            String codeShort = d.get(CODE_SHORT);
            List<String> breadcrumb = new ArrayList<>(crumbs.size() + 1);
            breadcrumb.addAll(crumbs);
            breadcrumb.add("Article " + ArticleRefs.display(ref));
            String unit = d.get(UNIT);
            return new KnowledgeHit(source, ref, null, null, d.get(CODE), codeShort,
                    d.get(TITLE) + (anchor.isEmpty() ? "" : " (" + anchor + ")"),
                    breadcrumb, anchor, safeSnippet, inForce(etat, from, to, today), etat, from,
                    citation(codeShort, ref, etat, from, to, today), "/" + pathOfUnit(unit),
                    "https://www.legifrance.gouv.fr/codes/article_lc/" + d.get(LEGI_ID),
                    LegiDataReader.isCore(ref) && "LEGITEXT000006073189".equals(d.get(CODE)), score);
        }
        if (source == SourceKind.UPLOAD) {
            String uploadId = d.get(UPLOAD_ID);
            String section = d.get("sectionTitle");
            LocalDate updated = date(d.get(UPDATED));
            String citation = "Document déposé « " + d.get(UPLOAD_TITLE) + " » (" + d.get(UPLOAD_FILE) + "), "
                    + (anchor.startsWith("page-") ? "page " + anchor.substring(5) : "section « " + section + " »")
                    + (updated == null ? "" : ", version du " + frDate(updated));
            return new KnowledgeHit(source, null, null, Long.valueOf(uploadId), null, null, section, crumbs, anchor,
                    safeSnippet, true, null, updated, citation, "/knowledge/uploads/" + uploadId + "#" + anchor, null, false, score);
        }
        String noteId = d.get(NOTE_ID);
        String noteTitle = d.get("noteTitle");
        String section = d.get("sectionTitle");
        String updated = d.get(UPDATED);
        LocalDate since = date(updated);
        String citation = "Atelier 51, note « " + noteTitle + " », section « " + section + " »"
                + (since == null ? "" : " (mise à jour le " + frDate(since) + ")");
        return new KnowledgeHit(source, null, noteId, null, null, null, section, crumbs, anchor, safeSnippet, true, null,
                since, citation, "/knowledge/notes/" + noteId + "#" + anchor, null, false, score);
    }

    static String citation(String codeShort, String ref, String etat, LocalDate from, LocalDate to, LocalDate today) {
        String base = codeShort + ", art. " + ArticleRefs.display(ref);
        if (inForce(etat, from, to, today)) {
            return base + (from == null ? ", version en vigueur" : ", version en vigueur depuis le " + frDate(from));
        }
        if (from != null && from.isAfter(today)) {
            return base + ", version en vigueur à compter du " + frDate(from);
        }
        return base + (from == null ? "" : ", version du " + frDate(from))
                + (to == null ? " (abrogé)" : " au " + frDate(to) + " (plus en vigueur)");
    }

    static boolean inForce(String etat, LocalDate from, LocalDate to, LocalDate today) {
        boolean etatAllows = etat == null || "VIGUEUR".equals(etat) || "ABROGE_DIFF".equals(etat) || "VIGUEUR_DIFF".equals(etat);
        return etatAllows && (from == null || !from.isAfter(today)) && (to == null || to.isAfter(today));
    }

    /**
     * The article record of a reference (all its stored fields: the article page needs its HTML), in the code
     * {@link KnowledgeIndex#unitOfRef} picks.
     */
    private Optional<Document> findArticleDoc(IndexSearcher searcher, String ref, String codeId) throws IOException {
        Optional<String> unit = index.unitOfRef(ref, codeId);
        if (unit.isEmpty()) {
            return Optional.empty();
        }
        Query record = new BooleanQuery.Builder()
                .add(new TermQuery(new Term(TYPE, TYPE_ARTICLE)), Occur.FILTER)
                .add(new TermQuery(new Term(UNIT, unit.get())), Occur.FILTER)
                .build();
        ScoreDoc[] hits = searcher.search(record, 1).scoreDocs;
        return hits.length == 0 ? Optional.empty() : Optional.of(searcher.storedFields().document(hits[0].doc));
    }

    /** "LEGITEXT…:L162-31-1" → "knowledge/articles/L162-31-1" (with the code when it is not the first one). */
    String pathOfUnit(String unit) {
        int colon = unit.indexOf(':');
        String code = unit.substring(0, colon);
        String ref = unit.substring(colon + 1);
        List<String> codes = index.codes();
        boolean primary = !codes.isEmpty() && codes.getFirst().equals(code);
        return "knowledge/articles/" + ref + (primary ? "" : "?code=" + code);
    }

    private static LegalArticle toArticle(Document d) {
        List<String> crumbs = crumbs(d.get(ARTICLE_CRUMBS));
        String emphasis = d.get(EMPHASIS);
        return new LegalArticle(d.get(CODE), d.get("codeTitle"), d.get(CODE_SHORT), d.get(REF), d.get(LEGI_ID), d.get(CID),
                emptyToNull(d.get(ETAT)), date(d.get(FROM)), date(d.get(TO)),
                inForce(emptyToNull(d.get(ETAT)), date(d.get(FROM)), date(d.get(TO)), LocalDate.now(PARIS)),
                d.get(HTML), d.get(NOTA), crumbs, KnowledgeIndex.decodeVersions(d.get(VERSIONS)),
                LegalArticle.Emphasis.valueOf(emphasis));
    }

    private void requireReader() {
        if (!publicSearch) {
            currentAccount.require();
        }
    }

    /** An ISO date as stored ("2025-01-01"); null when absent or malformed. Read by hand: it runs for every hit. */
    static LocalDate date(String s) {
        if (s == null || s.length() != 10 || s.charAt(4) != '-' || s.charAt(7) != '-') {
            return null;
        }
        int year = digits(s, 0, 4);
        int month = digits(s, 5, 7);
        int day = digits(s, 8, 10);
        try {
            return year < 0 || month < 0 || day < 0 ? null : LocalDate.of(year, month, day);
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    /** "01/01/2025", written by hand: a DateTimeFormatter walked its pattern for every hit's citation. */
    static String frDate(LocalDate d) {
        char[] out = new char[10];
        two(out, 0, d.getDayOfMonth());
        out[2] = '/';
        two(out, 3, d.getMonthValue());
        out[5] = '/';
        int y = d.getYear();
        two(out, 6, y / 100 % 100);
        two(out, 8, y % 100);
        return new String(out);
    }

    private static void two(char[] out, int at, int n) {
        out[at] = (char) ('0' + n / 10);
        out[at + 1] = (char) ('0' + n % 10);
    }

    private static int digits(String s, int from, int to) {
        int n = 0;
        for (int i = from; i < to; i++) {
            char c = s.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            n = n * 10 + (c - '0');
        }
        return n;
    }

    /** The breadcrumb's parts (split by hand, without a regular expression: it runs for every hit). */
    static List<String> crumbs(String joined) {
        List<String> parts = new ArrayList<>(6);
        int from = 0;
        for (int at = joined.indexOf(CRUMB_SEPARATOR); at >= 0; at = joined.indexOf(CRUMB_SEPARATOR, from)) {
            parts.add(joined.substring(from, at));
            from = at + CRUMB_SEPARATOR.length();
        }
        parts.add(joined.substring(from));
        while (parts.size() > 1 && parts.getLast().isEmpty()) {
            parts.removeLast(); // as String.split does
        }
        return List.copyOf(parts);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
