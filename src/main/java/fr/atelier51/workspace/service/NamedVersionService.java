package fr.atelier51.workspace.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
import fr.atelier51.project.domain.ProjectStatus;
import fr.atelier51.project.service.ProjectStatusChanged;
import fr.atelier51.workspace.domain.LetterSectionRepository;
import fr.atelier51.workspace.domain.NamedVersion;
import fr.atelier51.workspace.domain.NamedVersionKind;
import fr.atelier51.workspace.domain.NamedVersionRepository;
import fr.atelier51.workspace.domain.SectionKey;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Named versions of a whole letter: a person names the current state ("envoyée au coach le …"), and the app names
 * the state when review is requested and when the letter is filed. Each keeps the version of every section, so its
 * text can be shown and compared with now. Readable by whoever may read the letter; named by those who may edit it.
 */
@Service
public class NamedVersionService {

    public static final int NAME_MAX = 200;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final LetterService letters;
    private final NamedVersionRepository named;
    private final ProjectRepository projects;
    private final CurrentAccount currentAccount;
    private final AccountRepository accounts;
    private final LetterSectionRepository sections;
    private final ApplicationEventPublisher events;
    private final NamedVersionBus bus;
    private final Clock clock = Clock.system(PARIS);

    public NamedVersionService(LetterService letters, NamedVersionRepository named, ProjectRepository projects,
                               CurrentAccount currentAccount, AccountRepository accounts,
                               LetterSectionRepository sections, ApplicationEventPublisher events,
                               NamedVersionBus bus) {
        this.events = events;
        this.bus = bus;
        this.accounts = accounts;
        this.sections = sections;
        this.letters = letters;
        this.named = named;
        this.projects = projects;
        this.currentAccount = currentAccount;
    }

    /** A named version and who named it. */
    public record Entry(NamedVersion version, String authorName) {
    }

    /** The project's named versions, newest first. */
    public List<Entry> list(long projectId) {
        letters.permissions(projectId);
        List<NamedVersion> all = named.findByProjectIdOrderByCreatedAtDescIdDesc(projectId);
        Map<Long, String> names = new java.util.HashMap<>();
        accounts.findAllById(all.stream().map(NamedVersion::getCreatedBy).distinct().toList())
                .forEach(a -> names.put(a.getId(), a.getDisplayName()));
        return all.stream().map(n -> new Entry(n, names.getOrDefault(n.getCreatedBy(), "?"))).toList();
    }

    /**
     * Calls {@code onChange} (from any thread, after commit) each time the project's named versions change, until the
     * returned action is run. Only someone who may read the letter may listen (NotFoundException otherwise); the
     * listener learns only that a change happened and reads the list back as its own user.
     */
    public Runnable listen(long projectId, Runnable onChange) {
        letters.permissions(projectId);
        return bus.listen(projectId, onChange);
    }

    /** One named version of the project and who named it (NotFoundException when not readable or elsewhere). */
    public Entry entry(long projectId, long namedId) {
        NamedVersion version = get(projectId, namedId);
        String author = accounts.findById(version.getCreatedBy()).map(Account::getDisplayName).orElse("?");
        return new Entry(version, author);
    }

    /** Names the letter as it is now. */
    public NamedVersion name(long projectId, String name) {
        Account caller = currentAccount.require();
        if (!letters.permissions(projectId).canWork()) {
            throw new ForbiddenException("workspace.error.read-only");
        }
        String clean = name == null ? "" : name.strip().replaceAll("\\s+", " ");
        if (clean.isEmpty()) {
            throw new BusinessException("history.error.name-required");
        }
        if (clean.length() > NAME_MAX) {
            throw new BusinessException("history.error.name-too-long", NAME_MAX);
        }
        return save(projectId, NamedVersionKind.MANUAL, clean, null, caller.getId());
    }

    /** One named version of the project (NotFoundException when it belongs to another project). */
    public NamedVersion get(long projectId, long namedId) {
        letters.permissions(projectId);
        return named.findById(namedId).filter(n -> n.getProjectId() == projectId)
                .orElseThrow(() -> new NotFoundException("history.error.named-not-found"));
    }

    /** The letter's sections as they were in a named version. */
    public List<SectionState> textOf(long projectId, long namedId) {
        NamedVersion version = get(projectId, namedId);
        List<SectionState> current = letters.letter(projectId);
        Map<SectionKey, Long> ids = new EnumMap<>(SectionKey.class);
        sections.findByProjectIdOrderByPosition(projectId).forEach(s -> ids.put(s.getKey(), s.getId()));
        List<SectionState> out = new ArrayList<>();
        for (SectionState now : current) {
            long v = Math.min(version.versionOf(now.key()), now.version());
            String text = v == now.version() ? now.text() : letters.textAt(ids.get(now.key()), v);
            out.add(new SectionState(now.key(), text, v));
        }
        return out;
    }

    /** Per section, what changed from the named version to now (sections that did not change are left out). */
    public Map<SectionKey, TextDiff> diffWithNow(long projectId, long namedId) {
        List<SectionState> then = textOf(projectId, namedId);
        Map<SectionKey, TextDiff> out = new EnumMap<>(SectionKey.class);
        for (SectionState now : letters.letter(projectId)) {
            SectionState old = then.stream().filter(s -> s.key() == now.key()).findFirst().orElseThrow();
            if (!old.text().equals(now.text())) {
                out.put(now.key(), TextDiff.between(old.text(), now.text()));
            }
        }
        return out;
    }

    /** The last filing's named version, if the letter was filed since named versions exist. */
    public Optional<NamedVersion> lastFiling(long projectId) {
        letters.permissions(projectId);
        return named.findFirstByProjectIdAndKindOrderByCreatedAtDescIdDesc(projectId, NamedVersionKind.FILED);
    }

    /** Review requested → "Envoyée au coach le …"; filed → "Déposée le …" (the filing date given). */
    @EventListener
    public void statusChanged(ProjectStatusChanged event) {
        if (event.to() == ProjectStatus.REVUE_COACH) {
            save(event.projectId(), NamedVersionKind.REVIEW_REQUESTED, null, LocalDate.now(clock), event.actorId());
        } else if (event.to() == ProjectStatus.DEPOSEE) {
            LocalDate filedOn = projects.findById(event.projectId()).map(Project::getFiledOn).orElse(null);
            save(event.projectId(), NamedVersionKind.FILED, null, filedOn == null ? LocalDate.now(clock) : filedOn,
                    event.actorId());
        }
    }

    private NamedVersion save(long projectId, NamedVersionKind kind, String name, LocalDate date, long authorId) {
        Map<SectionKey, Long> versions = new EnumMap<>(SectionKey.class);
        for (SectionState s : letters.sectionsOf(projectId)) {
            versions.put(s.key(), s.version());
        }
        NamedVersion saved = named.save(new NamedVersion(projectId, kind, name, date, clock.instant(), authorId, versions));
        events.publishEvent(new NamedVersionsChanged(projectId)); // heard once committed (see NamedVersionBus)
        return saved;
    }
}
