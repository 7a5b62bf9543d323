package fr.atelier51.portfolio.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.assistant.domain.ProjectRecord;
import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.assistant.service.AssistantService;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.letter.service.ReadinessService;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.service.ProjectService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The coaches' portfolio: the projects a coach follows (all of them for an admin), with what they need to triage. */
@Service
@Transactional(readOnly = true)
public class PortfolioService {

    private static final DateTimeFormatter CSV_DATE = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(ZoneId.of("Europe/Paris"));

    private final ProjectService projects;
    private final AssistantService assistant;
    private final CurrentAccount currentAccount;
    private final ReadinessService readiness;
    private final Clock clock = Clock.systemUTC();

    public PortfolioService(ProjectService projects, AssistantService assistant, CurrentAccount currentAccount,
                            ReadinessService readiness) {
        this.readiness = readiness;
        this.projects = projects;
        this.assistant = assistant;
        this.currentAccount = currentAccount;
    }

    /**
     * Rows of the caller's portfolio, quietest first. Coaches and admins only. Outside a transaction: each service
     * call has its own (the letter's sections are created on first read, which a read-only transaction would refuse).
     */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public List<PortfolioRow> rows() {
        Account caller = currentAccount.require();
        if (caller.getRole() == Role.HOLDER) {
            throw new ForbiddenException("error.forbidden");
        }
        Instant now = clock.instant();
        return projects.listVisible().stream()
                .map(p -> row(p, now))
                .sorted(Comparator.comparing(PortfolioRow::lastActivity))
                .toList();
    }

    private PortfolioRow row(Project project, Instant now) {
        long id = project.getId();
        ProjectRecord record = assistant.state(id);
        Instant last = assistant.lastTurnAt(id).filter(t -> t.isAfter(project.getUpdatedAt())).orElse(project.getUpdatedAt());
        String destination = record.getDestination() == null ? null : record.getDestination().name();
        Readiness ready = readiness.readiness(id);
        return new PortfolioRow(id, project.getTitle(), project.getOwner().getDisplayName(), project.getOrganisation(),
                project.getStatus(), project.getRegions(), record.getScope(), destination, record.getVerdict(),
                last, Duration.between(last, now).toDays(), ready.overall(), ready.percent());
    }

    public static Map<ProjectStatus, Long> countByStatus(List<PortfolioRow> rows) {
        Map<ProjectStatus, Long> counts = new EnumMap<>(ProjectStatus.class);
        for (ProjectStatus s : ProjectStatus.values()) {
            counts.put(s, 0L);
        }
        rows.forEach(r -> counts.merge(r.status(), 1L, Long::sum));
        return counts;
    }

    /** Per scope (i18n key of each scope), the projects whose scope is not known yet counted apart. */
    public static Map<String, Long> countByScope(List<PortfolioRow> rows) {
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Scope scope : Scope.values()) {
            counts.put(scopeKey(scope), 0L);
        }
        counts.put(scopeKey(null), 0L);
        rows.forEach(r -> counts.merge(scopeKey(r.scope()), 1L, Long::sum));
        return counts;
    }

    public static String readinessKey(Readiness.Overall overall) {
        return "readiness.overall." + overall.name();
    }

    public static String scopeKey(Scope scope) {
        return scope == null ? "portfolio.scope.unknown" : "portfolio.scope." + scope.name();
    }

    /** CSV for a spreadsheet: semicolon-separated (French Excel), UTF-8 with a BOM, every field quoted. */
    public static byte[] csv(List<PortfolioRow> rows, java.util.function.Function<String, String> translate) {
        StringBuilder out = new StringBuilder("\uFEFF");
        out.append(String.join(";", quote("id"), quote(translate.apply("portfolio.col.title")), quote(translate.apply("portfolio.col.owner")),
                quote(translate.apply("portfolio.col.status")), quote(translate.apply("portfolio.col.regions")),
                quote(translate.apply("portfolio.col.scope")), quote(translate.apply("portfolio.col.destination")),
                quote(translate.apply("portfolio.col.verdict")), quote(translate.apply("portfolio.col.last-activity")),
                quote(translate.apply("portfolio.col.days")), quote(translate.apply("filing.col.readiness")),
                quote(translate.apply("filing.col.completeness")))).append("\r\n");
        for (PortfolioRow r : rows) {
            out.append(String.join(";", quote(String.valueOf(r.projectId())), quote(r.title()), quote(r.owner()),
                    quote(translate.apply(r.status().labelKey())),
                    quote(r.regions().stream().map(fr.atelier51.base.domain.Region::label).sorted().collect(Collectors.joining(", "))),
                    quote(r.scope() == null ? "" : r.scope().label()), quote(r.destination() == null ? "" : r.destination()),
                    quote(r.verdict() == null ? "" : r.verdict().label()), quote(CSV_DATE.format(r.lastActivity())),
                    quote(String.valueOf(r.daysSinceLastChange())), quote(translate.apply(readinessKey(r.readiness()))),
                    quote(r.completeness() + " %"))).append("\r\n");
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String quote(String value) {
        String v = value == null ? "" : value;
        // A leading = + - @ would be run as a formula by spreadsheets: neutralise it.
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0) {
            v = "'" + v;
        }
        return "\"" + v.replace("\"", "\"\"") + "\"";
    }
}
