package fr.atelier51.account.service;

import fr.atelier51.account.domain.Role;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.Messages;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * In production the first admin comes from the environment (ATELIER51_ADMIN_EMAIL / ATELIER51_ADMIN_PASSWORD),
 * and only while no admin exists, so a leaked variable cannot re-create an admin later.
 */
@Component
@Order(10)
public class BootstrapAdmin implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final AccountService accountService;
    private final Messages messages;
    private final String email;
    private final String password;
    private final String name;

    public BootstrapAdmin(AccountService accountService, Messages messages,
                          @Value("${atelier51.bootstrap-admin.email:}") String email,
                          @Value("${atelier51.bootstrap-admin.password:}") String password,
                          @Value("${atelier51.bootstrap-admin.name:Administrateur}") String name) {
        this.accountService = accountService;
        this.messages = messages;
        this.email = email;
        this.password = password;
        this.name = name;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (accountService.anyAccountWithRole(Role.ADMIN)) {
            return;
        }
        if (email.isBlank() || password.isBlank()) {
            log.warn("Aucun administrateur : définissez ATELIER51_ADMIN_EMAIL et ATELIER51_ADMIN_PASSWORD pour en créer un.");
            return;
        }
        try {
            accountService.createSystemAccount(new SignUpForm(name, email, null, null, password), Role.ADMIN);
        } catch (BusinessException e) {
            // Refuse to start rather than run without an admin: say why, in words.
            throw new IllegalStateException("Premier administrateur refusé (ATELIER51_ADMIN_*) : "
                    + messages.fr(e.messageKey(), e.args()), e);
        }
        log.info("Premier administrateur créé : {}", email);
    }
}
