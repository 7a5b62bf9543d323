package fr.atelier51.portfolio.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.domain.ProjectRepository;
import fr.atelier51.portfolio.domain.ReminderKind;
import fr.atelier51.portfolio.domain.ReviewReminder;
import fr.atelier51.portfolio.domain.ReviewReminderRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;

/**
 * E-mails the reminders not sent yet, only when SMTP is configured (Spring Boot creates the mail sender only when
 * {@code spring.mail.host} is set). A reminder is marked sent once the server accepted it; a failure is logged and
 * retried at the next check.
 */
@Component
public class ReminderMailer {

    private static final Logger LOG = LoggerFactory.getLogger(ReminderMailer.class);

    private final ObjectProvider<JavaMailSender> sender;
    private final ReviewReminderRepository reminders;
    private final ProjectRepository projects;
    private final AccountRepository accounts;
    private final String from;
    private final String baseUrl;
    private final Clock clock = Clock.systemUTC();

    public ReminderMailer(ObjectProvider<JavaMailSender> sender, ReviewReminderRepository reminders, ProjectRepository projects,
                          AccountRepository accounts, @Value("${atelier51.mail.from:Atelier 51 <ne-pas-repondre@atelier51.local>}") String from,
                          @Value("${atelier51.base-url:http://localhost:8080}") String baseUrl) {
        this.sender = sender;
        this.reminders = reminders;
        this.projects = projects;
        this.accounts = accounts;
        this.from = from;
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public boolean enabled() {
        return sender.getIfAvailable() != null;
    }

    /** Sends what is pending; returns how many were sent (0 when SMTP is not configured). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public int sendPending() {
        JavaMailSender mail = sender.getIfAvailable();
        if (mail == null) {
            return 0;
        }
        int sent = 0;
        for (ReviewReminder reminder : reminders.findByEmailedAtIsNullAndWaitEndedAtIsNullOrderByIdAsc()) {
            Account coach = accounts.findById(reminder.getCoachId()).orElse(null);
            Project project = projects.findById(reminder.getWait().getProjectId()).orElse(null);
            if (coach == null || project == null || !coach.isActive()) {
                continue;
            }
            try {
                mail.send(message(reminder, coach, project));
                reminder.emailed(clock.instant());
                sent++;
            } catch (MailException e) {
                LOG.warn("Rappel de relecture non envoyé à {} : {}", coach.getEmail(), e.getMessage());
            }
        }
        return sent;
    }

    private SimpleMailMessage message(ReviewReminder reminder, Account coach, Project project) {
        long days = Duration.between(reminder.getWait().getStartedAt(), clock.instant()).toDays();
        boolean overdue = reminder.getKind() == ReminderKind.OVERDUE;
        SimpleMailMessage m = new SimpleMailMessage();
        m.setFrom(from);
        m.setTo(coach.getEmail());
        m.setSubject(overdue ? "Atelier 51 — relecture en attente depuis " + days + " jours : " + project.getTitle()
                : "Atelier 51 — relecture demandée : " + project.getTitle());
        m.setText("Bonjour " + coach.getDisplayName() + ",\n\n"
                + (overdue ? "La lettre d’intention du projet « " + project.getTitle() + " » attend votre relecture depuis "
                + days + " jours.\n" : project.getOwner().getDisplayName() + " demande votre relecture de la lettre d’intention du projet « "
                + project.getTitle() + " ».\n")
                + "\nPanneau de préparation : " + baseUrl + "/projects/" + project.getId() + "/readiness\n"
                + "Votre portefeuille : " + baseUrl + "/portfolio\n\n"
                + "— Atelier 51 (message automatique, ne pas répondre)\n");
        return m;
    }
}
