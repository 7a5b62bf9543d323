package fr.atelier51.account.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.notification.Notification;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.PasswordField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.AccountService;
import fr.atelier51.account.service.SignUpForm;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.service.BusinessException;
import jakarta.annotation.security.RolesAllowed;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;

/** Admins create coaches and admins, and deactivate or reactivate accounts. */
@Route("admin/accounts")
@PageTitle("Atelier 51")
@Menu(order = 90, icon = "vaadin:users", title = "nav.accounts")
@RolesAllowed("ADMIN")
public class AccountsView extends VerticalLayout {

    private final AccountService accountService;
    final Grid<Account> grid = new Grid<>(Account.class, false);

    public AccountsView(AccountService accountService) {
        this.accountService = accountService;
        setSizeFull();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris"));

        grid.setId("accounts-grid");
        grid.addColumn(Account::getDisplayName).setHeader(getTranslation("accounts.name")).setSortable(true);
        grid.addColumn(Account::getEmail).setHeader(getTranslation("accounts.email")).setSortable(true);
        grid.addColumn(a -> getTranslation("role." + a.getRole().name())).setHeader(getTranslation("accounts.role")).setSortable(true);
        grid.addColumn(a -> a.getOrganisation() == null ? "" : a.getOrganisation()).setHeader(getTranslation("accounts.organisation"));
        grid.addColumn(a -> a.getRegion() == null ? "" : a.getRegion().label()).setHeader(getTranslation("accounts.region"));
        grid.addColumn(a -> dates.format(a.getCreatedAt())).setHeader(getTranslation("accounts.created"));
        grid.addComponentColumn(this::activeToggle).setHeader(getTranslation("accounts.status"));

        Button create = new Button(getTranslation("accounts.create"), e -> openCreateDialog());
        create.setId("create-account");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        add(new H2(getTranslation("accounts.title")), create, grid);
        refresh();
    }

    private Button activeToggle(Account account) {
        Button toggle = new Button(getTranslation(account.isActive() ? "accounts.deactivate" : "accounts.activate"));
        toggle.addThemeVariants(ButtonVariant.LUMO_SMALL, account.isActive() ? ButtonVariant.LUMO_ERROR : ButtonVariant.LUMO_SUCCESS);
        toggle.addClickListener(e -> {
            accountService.setActive(account.getId(), !account.isActive());
            Notification.show(getTranslation(account.isActive() ? "accounts.deactivated" : "accounts.activated", account.getDisplayName()));
            refresh();
        });
        return toggle;
    }

    void refresh() {
        grid.setItems(accountService.listAll());
    }

    void openCreateDialog() {
        Dialog dialog = new Dialog();
        dialog.setHeaderTitle(getTranslation("accounts.create"));
        TextField name = new TextField(getTranslation("signup.name"));
        EmailField email = new EmailField(getTranslation("signup.email"));
        TextField organisation = new TextField(getTranslation("signup.organisation"));
        ComboBox<Region> region = new ComboBox<>(getTranslation("signup.region"), Region.values());
        region.setItemLabelGenerator(Region::label);
        ComboBox<Role> role = new ComboBox<>(getTranslation("accounts.role"), Role.values());
        role.setItemLabelGenerator(r -> getTranslation("role." + r.name()));
        role.setValue(Role.COACH);
        PasswordField password = new PasswordField(getTranslation("accounts.initial-password"));
        Paragraph error = new Paragraph();
        error.addClassName("form-error");
        error.setVisible(false);
        Button save = new Button(getTranslation("action.create"), e -> {
            try {
                accountService.createAccount(new SignUpForm(name.getValue(), email.getValue(), organisation.getValue(),
                        region.getValue(), password.getValue()), role.getValue() == null ? Role.COACH : role.getValue());
                dialog.close();
                refresh();
            } catch (BusinessException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
                error.setVisible(true);
            }
        });
        save.setId("create-account-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.add(new FormLayout(name, email, role, organisation, region, password), error);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
