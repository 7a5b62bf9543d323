package fr.atelier51.account;

import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.testsupport.Fixtures;
import fr.atelier51.testsupport.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

@IntegrationTest
@AutoConfigureMockMvc
class LoginThrottlingTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    Fixtures fixtures;

    @Test
    void fiveFailuresLockTheAccountEvenForTheRightPassword() throws Exception {
        Account holder = fixtures.account(Role.HOLDER, "Gaston");
        mvc.perform(formLogin("/login").user(holder.getEmail()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/"));
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("/login").user(holder.getEmail()).password("essai-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("/login").user(holder.getEmail()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/projects").with(httpBasic(holder.getEmail(), Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void deactivatedAccountCannotSignIn() throws Exception {
        Account admin = fixtures.account(Role.ADMIN, "Armand");
        Account holder = fixtures.account(Role.HOLDER, "Ginette");
        Fixtures.as(admin, () -> fixtures.deactivate(holder));
        mvc.perform(formLogin("/login").user(holder.getEmail()).password(Fixtures.PASSWORD)).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/api/projects").with(httpBasic(holder.getEmail(), Fixtures.PASSWORD))).andExpect(status().isUnauthorized());
    }

    @Test
    void securityHeadersAreSent() throws Exception {
        mvc.perform(get("/actuator/health"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Frame-Options", "DENY"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("X-Content-Type-Options", "nosniff"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.header().string("Referrer-Policy", "same-origin"));
    }
}
