package fr.atelier51.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import fr.atelier51.base.ui.LanguageSwitch;
import fr.atelier51.account.service.AccountService;
import fr.atelier51.account.service.PasswordPolicy;
import fr.atelier51.account.service.SignUpForm;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.service.BusinessException;

import java.util.Arrays;
import java.util.Comparator;

/** A holder opens an account; the service checks every rule, the form only guides. */
@Route(value = "signup", autoLayout = false)
@PageTitle("Atelier 51")
@AnonymousAllowed
public class SignUpView extends VerticalLayout {

    final TextField name = new TextField();
    final EmailField email = new EmailField();
    final TextField organisation = new TextField();
    final ComboBox<Region> region = new ComboBox<>();
    final PasswordField password = new PasswordField();
    final Button submit = new Button();
    final Paragraph error = new Paragraph();

    public SignUpView(AccountService accountService) {
        addClassName("signup-view");
        setAlignItems(Alignment.CENTER);

        name.setLabel(getTranslation("signup.name"));
        name.setId("signup-name");
        name.setMaxLength(AccountService.NAME_MAX);
        email.setLabel(getTranslation("signup.email"));
        email.setId("signup-email");
        organisation.setLabel(getTranslation("signup.organisation"));
        organisation.setId("signup-organisation");
        organisation.setMaxLength(AccountService.ORGANISATION_MAX);
        region.setLabel(getTranslation("signup.region"));
        region.setId("signup-region");
        region.setItems(Arrays.stream(Region.values()).sorted(Comparator.comparing(Region::label)).toList());
        region.setItemLabelGenerator(Region::label);
        password.setLabel(getTranslation("signup.password"));
        password.setHelperText(getTranslation("signup.password-help", PasswordPolicy.MIN_LENGTH));
        password.setId("signup-password");
        error.setId("signup-error");
        error.addClassName("form-error");
        error.setVisible(false);

        submit.setText(getTranslation("signup.submit"));
        submit.setId("signup-submit");
        submit.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        submit.addClickListener(e -> {
            try {
                accountService.signUp(new SignUpForm(name.getValue(), email.getValue(), organisation.getValue(),
                        region.getValue(), password.getValue()).withLanguage(getLocale()));
                Notification.show(getTranslation("signup.done"));
                getUI().ifPresent(ui -> ui.navigate(LoginView.class));
            } catch (BusinessException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
                error.setVisible(true);
            }
        });

        FormLayout form = new FormLayout(name, email, organisation, region, password);
        form.setMaxWidth("40em");
        add(new LanguageSwitch(locale -> { }), new H1(getTranslation("signup.title")), new Paragraph(getTranslation("signup.intro")),
                form, error, submit, new Anchor("login", getTranslation("signup.login-link")));
    }
}
