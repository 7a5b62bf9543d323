package fr.atelier51.account.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.base.service.BusinessException;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import java.util.Optional;

/** The signed-in account, read from the security context (which Vaadin keeps per UI session). */
@Component
public class CurrentAccount {

    private final AccountRepository accounts;

    public CurrentAccount(AccountRepository accounts) {
        this.accounts = accounts;
    }

    public Optional<Account> find() {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (auth == null || !auth.isAuthenticated() || auth instanceof AnonymousAuthenticationToken) {
            return Optional.empty();
        }
        return accounts.findByEmailIgnoreCase(auth.getName()).filter(Account::isActive);
    }

    /** The signed-in, active account; refuses anonymous callers and accounts deactivated mid-session. */
    public Account require() {
        return find().orElseThrow(() -> new BusinessException("account.error.not-signed-in"));
    }
}
