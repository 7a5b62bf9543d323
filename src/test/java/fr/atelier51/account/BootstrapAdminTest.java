package fr.atelier51.account;

import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.AccountService;
import fr.atelier51.account.service.BootstrapAdmin;
import fr.atelier51.account.service.SignUpForm;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.base.service.Messages;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

/** The prod profile's first admin comes from the environment, once, and a bad one stops start-up with words. */
class BootstrapAdminTest {

    private final AccountService accounts = mock(AccountService.class);

    @Test
    void createsTheFirstAdminFromTheEnvironment() {
        when(accounts.anyAccountWithRole(Role.ADMIN)).thenReturn(false);
        new BootstrapAdmin(accounts, new Messages(), "chef@ars.fr", "Premier-Admin-2026", "Cheffe").run(null);
        ArgumentCaptor<SignUpForm> form = ArgumentCaptor.forClass(SignUpForm.class);
        verify(accounts).createSystemAccount(form.capture(), eq(Role.ADMIN));
        assertThat(form.getValue().getEmail()).isEqualTo("chef@ars.fr");
        assertThat(form.getValue().getDisplayName()).isEqualTo("Cheffe");
    }

    @Test
    void doesNothingOnceAnAdminExistsOrWithoutVariables() {
        when(accounts.anyAccountWithRole(Role.ADMIN)).thenReturn(true);
        new BootstrapAdmin(accounts, new Messages(), "chef@ars.fr", "Premier-Admin-2026", "Cheffe").run(null);
        when(accounts.anyAccountWithRole(Role.ADMIN)).thenReturn(false);
        new BootstrapAdmin(accounts, new Messages(), "", "", "Cheffe").run(null);
        verify(accounts, never()).createSystemAccount(any(), any());
    }

    @Test
    void weakPasswordStopsStartUpWithAFrenchSentence() {
        when(accounts.anyAccountWithRole(Role.ADMIN)).thenReturn(false);
        when(accounts.createSystemAccount(any(), eq(Role.ADMIN))).thenThrow(new BusinessException("account.error.password-too-short", 10));
        assertThatThrownBy(() -> new BootstrapAdmin(accounts, new Messages(), "chef@ars.fr", "court", "Cheffe").run(null))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("Le mot de passe doit contenir au moins 10 caractères.");
    }
}
