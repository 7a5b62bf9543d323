package fr.atelier51.account.service;

import fr.atelier51.account.domain.Role;
import fr.atelier51.base.domain.Region;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Demo accounts of the default (dev) profile, listed on the login page so anyone can try each role.
 * Created at start when absent; never in the prod profile.
 */
@Component
@Order(5)
public class DemoAccounts implements ApplicationRunner {

    /** Shared by all demo accounts; passes the password policy. */
    public static final String PASSWORD = "atelier51-demo";

    public record DemoAccount(String email, String name, String organisation, Region region, Role role) {
    }

    public static final List<DemoAccount> ACCOUNTS = List.of(
            new DemoAccount("claire.martin@demo.atelier51.fr", "Claire Martin", "MSP des Coteaux", Region.OCCITANIE, Role.HOLDER),
            new DemoAccount("karim.benali@demo.atelier51.fr", "Karim Benali", "Association Cœur à domicile", Region.BRETAGNE, Role.HOLDER),
            new DemoAccount("sophie.leroy@demo.atelier51.fr", "Sophie Leroy", "Incubateur Article 51 Occitanie", Region.OCCITANIE, Role.COACH),
            new DemoAccount("admin@demo.atelier51.fr", "Alex Admin", "Atelier 51", null, Role.ADMIN));

    private final boolean enabled;
    private final AccountService accountService;

    public DemoAccounts(@Value("${atelier51.demo-data:false}") boolean enabled, AccountService accountService) {
        this.enabled = enabled;
        this.accountService = accountService;
    }

    public boolean isEnabled() {
        return enabled;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled) {
            return;
        }
        for (DemoAccount demo : ACCOUNTS) {
            if (accountService.findByEmail(demo.email()).isEmpty()) {
                accountService.createSystemAccount(
                        new SignUpForm(demo.name(), demo.email(), demo.organisation(), demo.region(), PASSWORD), demo.role());
            }
        }
    }
}
