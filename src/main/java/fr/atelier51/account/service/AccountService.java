package fr.atelier51.account.service;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.ForbiddenException;
import fr.atelier51.base.service.Messages;
import fr.atelier51.base.service.NotFoundException;
import fr.atelier51.base.service.UserPreferences;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Sign-up, account administration and per-user preferences. Admin-only operations check the caller's role here. */
@Service
@Transactional
public class AccountService implements UserPreferences {

    public static final int NAME_MAX = 120;
    public static final int EMAIL_MAX = 254;
    public static final int ORGANISATION_MAX = 200;
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountRepository accounts;
    private final PasswordEncoder passwordEncoder;
    private final CurrentAccount currentAccount;

    public AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, CurrentAccount currentAccount) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
        this.currentAccount = currentAccount;
    }

    /** Anyone may open a holder account. */
    public Account signUp(SignUpForm form) {
        return create(form, Role.HOLDER);
    }

    /** Admins create coaches, admins (and holders, e.g. for a partner who cannot sign up alone). */
    public Account createAccount(SignUpForm form, Role role) {
        requireAdmin();
        return create(form, role);
    }

    /** Used at start-up only (demo data, first admin from the environment): no caller to check. */
    public Account createSystemAccount(SignUpForm form, Role role) {
        return create(form, role);
    }

    private Account create(SignUpForm form, Role role) {
        String name = trimmed(form.getDisplayName());
        String email = trimmed(form.getEmail()).toLowerCase(Locale.ROOT);
        String organisation = trimmed(form.getOrganisation());
        if (name.isEmpty()) {
            throw new BusinessException("account.error.name-required");
        }
        if (name.length() > NAME_MAX) {
            throw new BusinessException("account.error.name-too-long", NAME_MAX);
        }
        if (email.length() > EMAIL_MAX || !EMAIL.matcher(email).matches()) {
            throw new BusinessException("account.error.email-invalid");
        }
        if (organisation.length() > ORGANISATION_MAX) {
            throw new BusinessException("account.error.organisation-too-long", ORGANISATION_MAX);
        }
        if (role == Role.HOLDER && form.getRegion() == null) {
            throw new BusinessException("account.error.region-required");
        }
        PasswordPolicy.check(form.getPassword(), email);
        if (accounts.existsByEmailIgnoreCase(email)) {
            throw new BusinessException("account.error.email-taken");
        }
        Account account = new Account(email, name, organisation.isEmpty() ? null : organisation, form.getRegion(),
                passwordEncoder.encode(form.getPassword()), role);
        account.setLanguage(Messages.supported(form.getLanguage()).getLanguage());
        try {
            return accounts.saveAndFlush(account);
        } catch (DataIntegrityViolationException e) {
            // Two sign-ups with the same e-mail at the same instant: the unique index decides.
            throw new BusinessException("account.error.email-taken");
        }
    }

    @Transactional(readOnly = true)
    public List<Account> listAll() {
        requireAdmin();
        return accounts.findAllByOrderByDisplayNameAsc();
    }

    @Transactional(readOnly = true)
    public List<Account> listActiveCoaches() {
        requireAdmin();
        return accounts.findByRoleAndActiveTrueOrderByDisplayNameAsc(Role.COACH);
    }

    public Account setActive(long accountId, boolean active) {
        Account admin = requireAdmin();
        Account target = accounts.findById(accountId)
                .orElseThrow(() -> new NotFoundException("account.error.not-found"));
        if (target.equals(admin) && !active) {
            throw new BusinessException("account.error.cannot-deactivate-self");
        }
        target.setActive(active);
        return target;
    }

    @Transactional(readOnly = true)
    public Optional<Account> findByEmail(String email) {
        return accounts.findByEmailIgnoreCase(trimmed(email));
    }

    @Transactional(readOnly = true)
    public boolean anyAccountWithRole(Role role) {
        return accounts.existsByRole(role);
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<Locale> currentLanguage() {
        return currentAccount.find().map(Account::getLocale);
    }

    @Override
    public void rememberLanguage(Locale locale) {
        currentAccount.find().ifPresent(a -> {
            Account managed = accounts.findById(a.getId()).orElseThrow();
            managed.setLanguage(Messages.supported(locale).getLanguage());
        });
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<String> currentDisplayName() {
        return currentAccount.find().map(Account::getDisplayName);
    }

    private Account requireAdmin() {
        Account caller = currentAccount.require();
        if (caller.getRole() != Role.ADMIN) {
            throw new ForbiddenException("error.forbidden");
        }
        return caller;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }
}
