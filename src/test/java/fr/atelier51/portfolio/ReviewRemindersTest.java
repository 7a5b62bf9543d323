package fr.atelier51.portfolio;

import fr.atelier51.portfolio.service.ReminderMailer;
import fr.atelier51.portfolio.service.ReviewReminders;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;

/** Review reminders in the app and by e-mail, delivered to a real SMTP server on a local port; never twice per wait. */
@IntegrationTest
class ReviewRemindersTest {

    static final LocalSmtpServer SMTP;

    static {
        try {
            SMTP = new LocalSmtpServer();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @DynamicPropertySource
    static void smtp(DynamicPropertyRegistry registry) {
        registry.add("spring.mail.host", () -> "127.0.0.1");
        registry.add("spring.mail.port", SMTP::port);
        registry.add("atelier51.reminders.overdue-days", () -> "5");
        registry.add("atelier51.base-url", () -> "https://atelier51.example.fr");
    }

    @AfterAll
    static void stop() throws IOException {
        SMTP.close();
    }

    @Autowired
    Fixtures fixtures;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    ReviewReminders reminders;
    @Autowired
    ReminderMailer mailer;

    @Test
    void aRequestedReviewRemindsTheCoachOnceAndOnceMoreWhenLate() throws Exception {
        Fixtures.Cast cast = fixtures.cast("Équipe mobile de gériatrie");
        long id = cast.project().getId();
        assertThat(mailer.enabled()).isTrue();

        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        List<MimeMessage> toCoach = to(cast.coachAssigned().getEmail());
        assertThat(toCoach).hasSize(1);
        assertThat(toCoach.getFirst().getSubject()).isEqualTo("Atelier 51 — relecture demandée : Équipe mobile de gériatrie");
        assertThat(toCoach.getFirst().getContent().toString()).contains(cast.holderA().getDisplayName(),
                "https://atelier51.example.fr/projects/" + id + "/readiness");
        assertThat(to(cast.coachOther().getEmail())).isEmpty();

        List<ReviewReminders.PendingReview> pending = as(cast.coachAssigned(), () -> reminders.pending());
        assertThat(pending).singleElement().satisfies(p -> {
            assertThat(p.projectId()).isEqualTo(id);
            assertThat(p.overdue()).isFalse();
            assertThat(p.daysWaiting()).isZero();
        });
        assertThat(as(cast.coachOther(), () -> reminders.pending())).isEmpty();
        assertThat(as(cast.holderA(), () -> reminders.pending())).isEmpty();
        assertThat(as(cast.admin(), () -> reminders.pending())).anyMatch(p -> p.projectId() == id);

        // The daily check: nothing before N days, one reminder after, never a second for the same wait.
        Instant now = Instant.now();
        assertThat(reminders.remindOverdue(now.plus(Duration.ofDays(4)))).isZero();
        assertThat(reminders.remindOverdue(now.plus(Duration.ofDays(6)))).isEqualTo(1);
        assertThat(reminders.remindOverdue(now.plus(Duration.ofDays(7)))).isZero();
        assertThat(mailer.sendPending()).isEqualTo(1);
        assertThat(mailer.sendPending()).isZero();
        reminders.dailyCheck();
        assertThat(to(cast.coachAssigned().getEmail())).hasSize(2);
        assertThat(to(cast.coachAssigned().getEmail()).get(1).getSubject()).startsWith("Atelier 51 — relecture en attente depuis");
        assertThat(as(cast.coachAssigned(), () -> reminders.pending())).singleElement().satisfies(p -> assertThat(p.overdue()).isTrue());

        // The coach answers: the wait ends, nothing more is reminded.
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.VALIDATE)));
        assertThat(as(cast.coachAssigned(), () -> reminders.pending())).isEmpty();
        assertThat(reminders.remindOverdue(now.plus(Duration.ofDays(30)))).isZero();

        // A new request is a new wait, with its own reminder.
        as(cast.coachAssigned(), () -> workflow.apply(id, StatusChange.of(Transition.REOPEN)));
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        assertThat(to(cast.coachAssigned().getEmail())).hasSize(3);
        assertThat(as(cast.coachAssigned(), () -> reminders.pending())).hasSize(1);
    }

    private static List<MimeMessage> to(String email) {
        return SMTP.received().stream().filter(m -> {
            try {
                return m.getAllRecipients() != null && m.getAllRecipients()[0].toString().equals(email);
            } catch (Exception e) {
                return false;
            }
        }).toList();
    }
}
