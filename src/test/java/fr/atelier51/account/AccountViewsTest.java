package fr.atelier51.account;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.AccountRepository;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.ui.AccountsView;
import fr.atelier51.account.ui.LoginView;
import fr.atelier51.account.ui.SignUpView;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.ui.NotFoundView;
import fr.atelier51.testsupport.KaribuTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.util.UUID;

import static com.github.mvysny.kaributesting.v10.GridKt._size;
import static com.github.mvysny.kaributesting.v10.LocatorJ._click;
import static com.github.mvysny.kaributesting.v10.LocatorJ._find;
import static com.github.mvysny.kaributesting.v10.LocatorJ._get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AccountViewsTest extends KaribuTest {

    @Autowired
    AccountRepository accounts;

    @Test
    void loginPageIsFrenchAndHidesDemoAccountsOutsideTheDevProfile() {
        navigate("login");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        assertThat(_find(Div.class, spec -> spec.withId("demo-accounts"))).isEmpty();
        assertThat(_get(LoginView.class).getElement().getTextRecursively()).contains("Créer un compte porteur de projet");
    }

    @Test
    void signUpCreatesAHolderAndRefusesBadInputInFrench() {
        navigate("signup");
        String email = "marie-" + UUID.randomUUID() + "@exemple.fr";
        fill("Marie Curie", email, "123456789012");
        Paragraph error = _get(Paragraph.class, spec -> spec.withId("signup-error"));
        assertThat(error.getText()).startsWith("Ce mot de passe est trop facile à deviner");

        fill("Marie Curie", email, "court1!");
        assertThat(error.getText()).isEqualTo("Le mot de passe doit contenir au moins 10 caractères.");
        assertThat(accounts.findByEmailIgnoreCase(email)).isEmpty();

        fill("Marie Curie", email, "Radium-1898!");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(LoginView.class);
        Account created = accounts.findByEmailIgnoreCase(email).orElseThrow();
        assertThat(created.getRole()).isEqualTo(Role.HOLDER);
        assertThat(created.getPasswordHash()).startsWith("{bcrypt}").doesNotContain("Radium");

        navigate("signup");
        fill("Marie Sklodowska", email.toUpperCase(), "Polonium-1898!");
        assertThat(_get(Paragraph.class, spec -> spec.withId("signup-error")).getText())
                .isEqualTo("Un compte existe déjà avec cette adresse e-mail.");
        assertThat(accounts.findAll()).filteredOn(a -> a.getEmail().equalsIgnoreCase(email)).hasSize(1);
    }

    @SuppressWarnings("unchecked")
    private void fill(String name, String email, String password) {
        _get(TextField.class, spec -> spec.withId("signup-name")).setValue(name);
        _get(EmailField.class, spec -> spec.withId("signup-email")).setValue(email);
        ((ComboBox<Region>) _get(ComboBox.class, spec -> spec.withId("signup-region"))).setValue(Region.BRETAGNE);
        _get(PasswordField.class, spec -> spec.withId("signup-password")).setValue(password);
        _click(_get(Button.class, spec -> spec.withId("signup-submit")));
    }

    @Test
    void adminCreatesACoachAndDeactivatesAnAccount() {
        Account admin = fixtures.account(Role.ADMIN, "Agathe");
        Account holder = fixtures.account(Role.HOLDER, "Henri");
        login(admin);
        navigate("admin/accounts");
        assertThat(UI.getCurrent().getCurrentView()).isInstanceOf(AccountsView.class);
        int before = _size(_get(Grid.class));

        _click(_get(Button.class, spec -> spec.withId("create-account")));
        String email = "coach-" + UUID.randomUUID() + "@ars.fr";
        _get(TextField.class, spec -> spec.withLabel("Nom et prénom")).setValue("Camille Coach");
        _get(EmailField.class, spec -> spec.withLabel("Adresse e-mail")).setValue(email);
        _get(PasswordField.class, spec -> spec.withLabel("Mot de passe initial")).setValue("Incubation-2026");
        _click(_get(Button.class, spec -> spec.withId("create-account-save")));
        assertThat(accounts.findByEmailIgnoreCase(email)).get().extracting(Account::getRole).isEqualTo(Role.COACH);
        assertThat(_size(_get(Grid.class))).isEqualTo(before + 1);

        fixtures.as(admin, () -> fixtures.deactivate(holder));
        assertThat(accounts.findById(holder.getId()).orElseThrow().isActive()).isFalse();
    }

    @Test
    void holderAndCoachCannotOpenTheAccountsPage() {
        // Vaadin's view access checker refuses before the view is built (Karibu reports it as an exception).
        login(fixtures.account(Role.HOLDER, "Hugo"));
        assertThatThrownBy(() -> navigate("admin/accounts")).hasMessageContaining("Access is denied");
        assertThat(UI.getCurrent().getCurrentView()).isNotInstanceOf(AccountsView.class);
        login(fixtures.account(Role.COACH, "Coline"));
        assertThatThrownBy(() -> navigate("admin/accounts")).hasMessageContaining("Access is denied");
        // And the service refuses too, whatever the UI shows.
        Account coach = fixtures.account(Role.COACH, "Cédric");
        assertThatThrownBy(() -> fixtures.as(coach, () -> fixtures.deactivate(coach)))
                .isInstanceOf(fr.atelier51.base.service.ForbiddenException.class);
    }

    @Test
    void languageChoiceIsRememberedPerUser() {
        Account holder = fixtures.account(Role.HOLDER, "Emma");
        login(holder);
        fixtures.as(holder, () -> fixtures.rememberLanguage(java.util.Locale.ENGLISH));
        login(holder);
        navigate("");
        assertThat(_get(com.vaadin.flow.component.html.H2.class).getText()).isEqualTo("My projects");
    }
}
