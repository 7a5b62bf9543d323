package fr.atelier51.testsupport;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.AccountService;
import fr.atelier51.account.service.SignUpForm;
import fr.atelier51.base.domain.Region;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.NewProject;
import fr.atelier51.project.service.ProjectService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.EnumSet;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Test data through the real services. Every account gets a unique e-mail so test classes can share one
 * Spring context (and one database) without stepping on each other.
 */
@Component
public class Fixtures {

    public static final String PASSWORD = "Sécurité-2026!";

    private final AccountService accounts;
    private final ProjectService projects;

    public Fixtures(AccountService accounts, ProjectService projects) {
        this.accounts = accounts;
        this.projects = projects;
    }

    public Account account(Role role, String name) {
        String email = name.toLowerCase().replaceAll("[^a-z]", "") + "-" + UUID.randomUUID().toString().substring(0, 8) + "@test.fr";
        return accounts.createSystemAccount(new SignUpForm(name, email, "Structure de " + name, Region.OCCITANIE, PASSWORD), role);
    }

    public Project projectOf(Account holder, String title) {
        return as(holder, () -> projects.create(new NewProject(title, "Résumé de " + title, null, EnumSet.of(Region.OCCITANIE))));
    }

    /**
     * The people of the access matrix around one project: its owner (holder A), another holder (B), the coach
     * assigned to it, a coach who is not, and an admin.
     */
    public record Cast(Account holderA, Account holderB, Account coachAssigned, Account coachOther, Account admin,
                       Project project) {
    }

    public Cast cast(String projectTitle) {
        Account holderA = account(Role.HOLDER, "Alice");
        Account holderB = account(Role.HOLDER, "Bruno");
        Account coachAssigned = account(Role.COACH, "Coralie");
        Account coachOther = account(Role.COACH, "Cyril");
        Account admin = account(Role.ADMIN, "Adèle");
        Project project = projectOf(holderA, projectTitle);
        as(admin, () -> projects.assignCoach(project.getId(), coachAssigned.getId()));
        return new Cast(holderA, holderB, coachAssigned, coachOther, admin, project);
    }

    /** Ids of the projects the signed-in user sees. */
    public List<Long> visibleProjectIds() {
        return projects.listVisible().stream().map(Project::getId).toList();
    }

    public void rememberLanguage(java.util.Locale locale) {
        accounts.rememberLanguage(locale);
    }

    /** Must be called as an admin. */
    public void deactivate(Account account) {
        accounts.setActive(account.getId(), false);
    }

    /** Runs the action as the given account, as the security filter would have set it up. */
    public static <T> T as(Account account, Supplier<T> action) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(account.getEmail(), null,
                List.of(new SimpleGrantedAuthority(account.getRole().authority()))));
        SecurityContextHolder.setContext(context);
        try {
            return action.get();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }

    public static void as(Account account, Runnable action) {
        as(account, () -> {
            action.run();
            return null;
        });
    }
}
