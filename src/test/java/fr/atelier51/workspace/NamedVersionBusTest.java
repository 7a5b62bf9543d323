package fr.atelier51.workspace;

import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.project.domain.Transition;
import fr.atelier51.project.service.ProjectWorkflow;
import fr.atelier51.project.service.StatusChange;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import fr.atelier51.workspace.domain.NamedVersionRepository;
import fr.atelier51.workspace.service.NamedVersionBus;
import fr.atelier51.workspace.service.NamedVersionService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static fr.atelier51.testsupport.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Open pages hear of a project's new named versions once committed, never on rollback, never another project's. */
@IntegrationTest
class NamedVersionBusTest {

    @Autowired
    Fixtures fixtures;
    @Autowired
    NamedVersionService named;
    @Autowired
    NamedVersionBus bus;
    @Autowired
    NamedVersionRepository versions;
    @Autowired
    ProjectWorkflow workflow;
    @Autowired
    TransactionTemplate tx;

    Fixtures.Cast cast;
    long id;

    @BeforeEach
    void setUp() {
        cast = fixtures.cast("Versions nommées en direct");
        id = cast.project().getId();
    }

    @Test
    void listenersHearOnlyAfterCommitAndNothingOnRollback() {
        AtomicInteger heard = new AtomicInteger();
        Runnable stop = as(cast.coachAssigned(), () -> named.listen(id, heard::incrementAndGet));

        AtomicInteger heardInside = new AtomicInteger(-1);
        tx.executeWithoutResult(status -> {
            as(cast.holderA(), () -> named.name(id, "Avant l’atelier"));
            heardInside.set(heard.get());
        });
        assertThat(heardInside).as("told before the commit").hasValue(0);
        assertThat(heard).hasValue(1);

        tx.executeWithoutResult(status -> {
            as(cast.holderA(), () -> named.name(id, "Jamais enregistrée"));
            status.setRollbackOnly();
        });
        assertThat(heard).as("told of a rolled-back naming").hasValue(1);
        assertThat(versions.findByProjectIdOrderByCreatedAtDescIdDesc(id)).hasSize(1);

        // Outside any transaction (the repository commits its own), and when the app names one on review request.
        as(cast.holderA(), () -> named.name(id, "Après l’atelier"));
        assertThat(heard).hasValue(2);
        as(cast.holderA(), () -> workflow.apply(id, StatusChange.of(Transition.REQUEST_REVIEW)));
        assertThat(heard).hasValue(3);

        stop.run();
        as(cast.holderA(), () -> named.name(id, "Personne n’écoute"));
        assertThat(heard).hasValue(3);
        assertThat(bus.listenerCount(id)).isZero();
    }

    @Test
    void aProjectsListenersNeverHearOfAnotherProject() {
        Fixtures.Cast other = fixtures.cast("Autre projet en direct");
        long otherId = other.project().getId();
        AtomicInteger here = new AtomicInteger();
        AtomicInteger there = new AtomicInteger();
        Runnable stopHere = as(cast.holderA(), () -> named.listen(id, here::incrementAndGet));
        Runnable stopThere = as(other.holderA(), () -> named.listen(otherId, there::incrementAndGet));

        as(other.holderA(), () -> named.name(otherId, "Ailleurs"));
        assertThat(here).hasValue(0);
        assertThat(there).hasValue(1);
        as(cast.holderA(), () -> named.name(id, "Ici"));
        assertThat(here).hasValue(1);
        assertThat(there).hasValue(1);
        stopHere.run();
        stopThere.run();
    }

    @Test
    void onlyThoseWhoMayReadTheLetterMayListen() {
        for (var reader : List.of(cast.holderA(), cast.coachAssigned(), cast.admin())) {
            Runnable stop = as(reader, () -> named.listen(id, () -> { }));
            assertThat(bus.listenerCount(id)).isEqualTo(1);
            stop.run();
        }
        for (var stranger : List.of(cast.holderB(), cast.coachOther())) {
            assertThatThrownBy(() -> as(stranger, () -> named.listen(id, () -> { })))
                    .isInstanceOf(NotFoundException.class);
        }
        assertThat(bus.listenerCount(id)).isZero();
    }
}
