package fr.atelier51.project.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.account.service.DemoAccounts;
import fr.atelier51.base.domain.Region;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectEvent;
import fr.atelier51.project.domain.ProjectEventType;
import fr.atelier51.project.domain.ProjectRepository;
import fr.atelier51.project.domain.ProjectEventRepository;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import java.util.EnumSet;

/** One demo project, owned by the first demo holder and followed by the demo coach (dev profile only). */
@Component
@Order(20)
public class DemoProject implements ApplicationRunner {

    static final String TITLE = "Suivi infirmier à domicile de l'insuffisance cardiaque";

    private final DemoAccounts demoAccounts;
    private final AccountRepository accounts;
    private final ProjectRepository projects;
    private final ProjectEventRepository events;

    public DemoProject(DemoAccounts demoAccounts, AccountRepository accounts, ProjectRepository projects,
                       ProjectEventRepository events) {
        this.demoAccounts = demoAccounts;
        this.accounts = accounts;
        this.projects = projects;
        this.events = events;
    }

    @Override
    @Transactional
    public void run(ApplicationArguments args) {
        if (!demoAccounts.isEnabled()) {
            return;
        }
        Account holder = accounts.findByEmailIgnoreCase(DemoAccounts.ACCOUNTS.get(0).email()).orElseThrow();
        Account coach = accounts.findByEmailIgnoreCase(DemoAccounts.ACCOUNTS.get(2).email()).orElseThrow();
        if (!projects.findForHolder(holder).isEmpty()) {
            return;
        }
        Project project = projects.save(new Project(TITLE,
                "Une infirmière coordinatrice suit à domicile les patients insuffisants cardiaques après une "
                        + "hospitalisation, payée au forfait par patient plutôt qu'à l'acte, dans le Gers et les "
                        + "Hautes-Pyrénées.",
                holder.getOrganisation(), EnumSet.of(Region.OCCITANIE), holder));
        events.save(new ProjectEvent(project, ProjectEventType.CREATED, holder, null));
        project.assignCoach(coach);
        Account admin = accounts.findByEmailIgnoreCase(DemoAccounts.ACCOUNTS.get(3).email()).orElseThrow();
        events.save(new ProjectEvent(project, ProjectEventType.COACH_ASSIGNED, admin, coach.getDisplayName()));
    }
}
