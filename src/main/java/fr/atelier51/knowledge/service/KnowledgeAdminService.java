package fr.atelier51.knowledge.service;

import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.service.ForbiddenException;
import org.springframework.stereotype.Service;

import java.util.Optional;

/** The index as the admin page shows it; a full re-index is for admins only (it rebuilds everything). */
@Service
public class KnowledgeAdminService {

    /** State of the index for the progress bar. */
    public record IndexStatus(KnowledgeIndex.State state, boolean building, double progress,
                              Optional<KnowledgeIndex.Stats> lastBuild) {
    }

    private final KnowledgeIndex index;
    private final CurrentAccount currentAccount;

    public KnowledgeAdminService(KnowledgeIndex index, CurrentAccount currentAccount) {
        this.index = index;
        this.currentAccount = currentAccount;
    }

    public boolean canReindex() {
        return currentAccount.find().map(a -> a.getRole() == Role.ADMIN).orElse(false);
    }

    /** Starts a full rebuild in the background; false if one is already running. Searches keep answering meanwhile. */
    public boolean reindex() {
        if (currentAccount.require().getRole() != Role.ADMIN) {
            throw new ForbiddenException("knowledge.reindex.forbidden");
        }
        return index.startInBackground(true);
    }

    public IndexStatus status() {
        if (currentAccount.require().getRole() == Role.HOLDER) {
            throw new ForbiddenException("knowledge.upload.error.forbidden");
        }
        return new IndexStatus(index.state(), index.isBuilding(), index.progress(), index.lastBuild());
    }
}
