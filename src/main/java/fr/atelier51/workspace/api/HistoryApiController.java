package fr.atelier51.workspace.api;

import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.workspace.domain.NamedVersion;
import fr.atelier51.workspace.domain.NamedVersionKind;
import fr.atelier51.workspace.domain.SectionKey;
import fr.atelier51.workspace.service.HistoryPage;
import fr.atelier51.workspace.service.HistorySession;
import fr.atelier51.workspace.service.NamedVersionService;
import fr.atelier51.workspace.service.SectionHistoryService;
import fr.atelier51.workspace.service.SectionState;
import fr.atelier51.workspace.service.TextDiff;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The letter's history for scripts: a section's editing sessions (newest first, paged by number or by cursor), its text at a version, the
 * difference between two versions, and the letter's named versions. Same access as the letter API (members and
 * assigned coaches, admins read; others 404), enforced by the services.
 */
@RestController
@RequestMapping("/api/projects/{id}/letter")
public class HistoryApiController {

    private final SectionHistoryService history;
    private final NamedVersionService named;
    private final Messages messages;

    public HistoryApiController(SectionHistoryService history, NamedVersionService named, Messages messages) {
        this.history = history;
        this.named = named;
        this.messages = messages;
    }

    public record Person(long id, String name) {
    }

    public record SessionJson(Person author, Instant from, Instant to, String kind, long fromVersion, long toVersion,
                              int changes, int added, int removed, boolean afterFiling) {
        static SessionJson of(HistorySession s) {
            return new SessionJson(new Person(s.authorId(), s.authorName()), s.start(), s.end(),
                    s.kind().name().toLowerCase(Locale.ROOT), s.fromVersion(), s.toVersion(), s.changes(),
                    s.inserted(), s.deleted(), s.afterFiling());
        }
    }

    /**
     * @param page       the page number asked for, or null when the page was chosen by cursor
     * @param before     the cursor asked for, or null
     * @param nextBefore the cursor of the next, older page ({@code before=}), or null at the end of the history
     */
    public record HistoryJson(String key, long currentVersion, Integer page, int size, boolean hasMore, Long before,
                              Long nextBefore, List<SessionJson> sessions) {
    }

    public record VersionJson(String key, long version, String text) {
    }

    public record DiffPart(String op, String text) {
    }

    public record DiffJson(String key, long from, long to, int added, int removed, List<DiffPart> diff) {
    }

    /**
     * @param kind  "manual" (named by a person) or "auto" (named by the app)
     * @param event for an automatic one: "review_requested" or "filed"
     * @param label its name as the app shows it, in the caller's language
     */
    public record NamedJson(long id, String kind, String event, String name, String label, LocalDate date,
                            Instant createdAt, Person author, Map<String, Long> versions) {
    }

    public record NamedTextJson(NamedJson version, List<VersionJson> sections) {
    }

    @GetMapping("/sections/{key}/history")
    public HistoryJson history(@PathVariable long id, @PathVariable String key,
                               @RequestParam(defaultValue = "0") int page,
                               @RequestParam(required = false) String before,
                               @RequestParam(defaultValue = "" + SectionHistoryService.PAGE) int size) {
        SectionKey section = section(key);
        // before is read as text: the service answers a bad cursor with its own message (after the access check)
        HistoryPage p = history.page(id, section, page, before, size);
        return new HistoryJson(section.key(), p.currentVersion(), before == null ? page : null, size, p.hasMore(),
                before == null ? null : Long.valueOf(before.strip()), p.hasMore() ? p.nextBefore() : null,
                p.sessions().stream().map(SessionJson::of).toList());
    }

    @GetMapping("/sections/{key}/versions/{version}")
    public VersionJson version(@PathVariable long id, @PathVariable String key, @PathVariable long version) {
        SectionState s = history.version(id, section(key), version);
        return new VersionJson(s.key().key(), s.version(), s.text());
    }

    @GetMapping("/sections/{key}/diff")
    public DiffJson diff(@PathVariable long id, @PathVariable String key,
                         @RequestParam(required = false) Long from, @RequestParam(required = false) Long to) {
        SectionKey section = section(key);
        TextDiff d = history.diffOf(id, section, from, to);
        List<DiffPart> parts = d.parts().stream().map(p -> new DiffPart(switch (p.kind()) {
            case SAME -> "equal";
            case ADDED -> "insert";
            case REMOVED -> "delete";
        }, p.text())).toList();
        return new DiffJson(section.key(), from, to, d.added(), d.removed(), parts);
    }

    @GetMapping("/named-versions")
    public List<NamedJson> namedVersions(@PathVariable long id, Locale locale) {
        return named.list(id).stream().map(e -> json(e, locale)).toList();
    }

    @GetMapping("/named-versions/{nid}")
    public NamedTextJson namedVersion(@PathVariable long id, @PathVariable long nid, Locale locale) {
        NamedJson version = json(named.entry(id, nid), locale);
        List<VersionJson> sections = named.textOf(id, nid).stream()
                .map(s -> new VersionJson(s.key().key(), s.version(), s.text())).toList();
        return new NamedTextJson(version, sections);
    }

    private NamedJson json(NamedVersionService.Entry e, Locale locale) {
        NamedVersion n = e.version();
        Map<String, Long> versions = new LinkedHashMap<>();
        for (SectionKey k : SectionKey.values()) {
            versions.put(k.key(), n.versionOf(k));
        }
        boolean manual = n.getKind() == NamedVersionKind.MANUAL;
        return new NamedJson(n.getId(), manual ? "manual" : "auto",
                manual ? null : n.getKind().name().toLowerCase(Locale.ROOT), n.getName(), label(n, locale),
                n.getEventDate(), n.getCreatedAt(), new Person(n.getCreatedBy(), e.authorName()), versions);
    }

    /** The name the history page shows: the person's words, or "Envoyée au coach le …" / "Déposée le …". */
    private String label(NamedVersion n, Locale locale) {
        Locale language = Messages.supported(locale);
        String date = n.getEventDate() == null ? ""
                : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(language).format(n.getEventDate());
        return switch (n.getKind()) {
            case MANUAL -> n.getName();
            case REVIEW_REQUESTED -> messages.getTranslation("history.named.review", language, date);
            case FILED -> messages.getTranslation("history.named.filed", language, date);
        };
    }

    private static SectionKey section(String key) {
        return SectionKey.parse(key).orElseThrow(() -> new NotFoundException("workspace.error.section-not-found"));
    }
}
