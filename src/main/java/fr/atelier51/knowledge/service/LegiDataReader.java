package fr.atelier51.knowledge.service;

import fr.atelier51.knowledge.domain.Article51Core;
import fr.atelier51.knowledge.domain.ArticleRefs;
import fr.atelier51.knowledge.domain.ArticleVersion;
import fr.atelier51.knowledge.domain.LegalArticle;
import fr.atelier51.knowledge.domain.LegalArticle.Emphasis;
import fr.atelier51.knowledge.domain.LegalCode;
import org.springframework.core.io.ClassPathResource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.zip.GZIPInputStream;

/**
 * Reads the official codes the build extracted from {@code @socialgouv/legi-data} (classpath {@code legi/}):
 * a tree of sections whose leaves are articles in their current version.
 */
public class LegiDataReader {

    static final String CORE = Article51Core.LAW;
    private static final LocalDate OPEN_END = LocalDate.of(2999, 1, 1);
    private final JsonMapper json = JsonMapper.builder().build();

    /** The manifest written by the build (package version and extracted codes), if the data are present. */
    public static Optional<Properties> manifest() {
        ClassPathResource resource = new ClassPathResource("legi/manifest.properties");
        if (!resource.exists()) {
            return Optional.empty();
        }
        try (InputStream in = resource.getInputStream()) {
            Properties p = new Properties();
            p.load(in);
            return Optional.of(p);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static boolean available(String codeId) {
        return new ClassPathResource("legi/" + codeId + ".json.gz").exists();
    }

    /** All articles of one code, in the code's order, with the Article 51 emphasis set for the CSS. */
    public List<LegalArticle> read(String codeId, LocalDate today) {
        JsonNode root;
        try (InputStream in = new GZIPInputStream(new ClassPathResource("legi/" + codeId + ".json.gz").getInputStream(), 1 << 16)) {
            root = json.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read official code " + codeId, e);
        }
        String codeTitle = root.path("data").path("title").asString(codeId);
        String shortName = LegalCode.shortNameOf(codeId, codeTitle);
        List<LegalArticle> raw = new ArrayList<>();
        walk(root, new ArrayList<>(), (node, path) -> raw.add(article(codeId, codeTitle, shortName, node, path, today)));
        if (!LegalCode.CSS.equals(codeId)) {
            return raw;
        }
        Set<String> named = namedByCore(raw);
        List<LegalArticle> result = new ArrayList<>(raw.size());
        for (LegalArticle a : raw) {
            Emphasis e = isCore(a.ref()) ? Emphasis.CORE : named.contains(a.ref()) ? Emphasis.NAMED_BY_CORE : Emphasis.NONE;
            result.add(e == Emphasis.NONE ? a : new LegalArticle(a.codeId(), a.codeTitle(), a.codeShort(), a.ref(), a.legiId(),
                    a.cid(), a.etat(), a.from(), a.to(), a.inForce(), a.html(), a.nota(), a.breadcrumb(), a.versions(), e));
        }
        return result;
    }

    /** L.162-31-1 and R.162-50-1 to R.162-50-14. */
    public static boolean isCore(String ref) {
        return Article51Core.isCore(ref);
    }

    /** Articles of the CSS that L.162-31-1 II names (the derogable rules). */
    private static Set<String> namedByCore(List<LegalArticle> articles) {
        Set<String> refs = new HashSet<>();
        for (LegalArticle a : articles) {
            if (CORE.equals(a.ref())) {
                for (ArticleSplitter.Chunk chunk : ArticleSplitter.paragraphs(a.html())) {
                    if ("II".equals(chunk.roman())) {
                        refs.addAll(ArticleRefs.findInText(chunk.text()));
                    }
                }
            }
        }
        Set<String> inCode = new HashSet<>();
        articles.forEach(a -> inCode.add(a.ref()));
        refs.retainAll(inCode);
        refs.remove(CORE);
        return refs;
    }

    private void walk(JsonNode node, List<String> path, BiConsumer<JsonNode, List<String>> onArticle) {
        if ("article".equals(node.path("type").asString(""))) {
            onArticle.accept(node, path);
            return;
        }
        List<String> next = new ArrayList<>(path);
        next.add(node.path("data").path("title").asString(""));
        for (JsonNode child : node.path("children")) {
            walk(child, next, onArticle);
        }
    }

    private LegalArticle article(String codeId, String codeTitle, String shortName, JsonNode node, List<String> path,
                                 LocalDate today) {
        JsonNode d = node.path("data");
        String etat = d.path("etat").isNull() || d.path("etat").isMissingNode() ? null : d.path("etat").asString();
        LocalDate from = date(d.path("dateDebut"));
        LocalDate to = date(d.path("dateFin"));
        boolean inForce = (etat == null || "VIGUEUR".equals(etat) || "ABROGE_DIFF".equals(etat))
                && (from == null || !from.isAfter(today)) && (to == null || to.isAfter(today));
        List<ArticleVersion> versions = new ArrayList<>();
        for (JsonNode v : d.path("articleVersions")) {
            versions.add(new ArticleVersion(v.path("id").asString(""), v.path("etat").asString(""), v.path("version").asString(""),
                    date(v.path("dateDebut")), date(v.path("dateFin"))));
        }
        String num = d.path("num").asString("");
        String ref = ArticleRefs.normalise(num).orElse(num.replaceAll("\\s", ""));
        String nota = d.path("nota").isMissingNode() || d.path("nota").isNull() ? null : d.path("nota").asString();
        return new LegalArticle(codeId, codeTitle, shortName, ref, d.path("id").asString(""), d.path("cid").asString(""),
                etat, from, to, inForce, d.path("texteHtml").asString(""), nota, List.copyOf(path),
                List.copyOf(versions), Emphasis.NONE);
    }

    private static LocalDate date(JsonNode millis) {
        if (millis == null || millis.isMissingNode() || millis.isNull()) {
            return null;
        }
        LocalDate d = Instant.ofEpochMilli(millis.asLong()).atOffset(ZoneOffset.UTC).toLocalDate();
        return d.isBefore(OPEN_END) ? d : null;
    }
}
