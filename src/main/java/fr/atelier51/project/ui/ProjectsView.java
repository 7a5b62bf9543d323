package fr.atelier51.project.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextArea;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.router.RouteParameters;
import fr.atelier51.account.domain.Account;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.service.BusinessException;
import fr.atelier51.project.domain.Project;
import fr.atelier51.project.service.NewProject;
import fr.atelier51.project.service.ProjectService;
import jakarta.annotation.security.PermitAll;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.Collectors;

/** Home: the projects the user may see (their own, those assigned to them, or all for an admin). */
@Route("")
@PageTitle("Atelier 51")
@Menu(order = 10, icon = "vaadin:folder-open", title = "nav.projects")
@PermitAll
public class ProjectsView extends VerticalLayout {

    private final ProjectService projectService;
    final Grid<Project> grid = new Grid<>(Project.class, false);
    final Button create = new Button();

    public ProjectsView(ProjectService projectService, CurrentAccount currentAccount) {
        this.projectService = projectService;
        setSizeFull();
        Account me = currentAccount.require();
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris"));

        grid.setId("projects-grid");
        grid.addColumn(Project::getTitle).setHeader(getTranslation("projects.col.title")).setFlexGrow(3).setSortable(true);
        grid.addComponentColumn(p -> new StatusBadge(p.getStatus())).setHeader(getTranslation("projects.col.status"));
        grid.addColumn(p -> p.getRegions().stream().map(Region::label).sorted().collect(Collectors.joining(", ")))
                .setHeader(getTranslation("projects.col.regions")).setFlexGrow(2);
        grid.addColumn(p -> p.getOwner().getDisplayName()).setHeader(getTranslation("projects.col.owner"));
        grid.addColumn(p -> dates.format(p.getUpdatedAt())).setHeader(getTranslation("projects.col.updated"))
                .setComparator(Project::getUpdatedAt).setSortable(true);
        grid.addItemClickListener(e -> open(e.getItem()));
        grid.setEmptyStateText(getTranslation(me.getRole() == Role.COACH ? "projects.empty.coach" : "projects.empty"));

        create.setText(getTranslation("projects.new"));
        create.setIcon(VaadinIcon.PLUS.create());
        create.setId("new-project");
        create.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        create.addClickListener(e -> openCreateDialog(me));
        create.setVisible(me.getRole() == Role.HOLDER);

        String heading = switch (me.getRole()) {
            case HOLDER -> "projects.title.holder";
            case COACH -> "projects.title.coach";
            case ADMIN -> "projects.title.admin";
        };
        H2 title = new H2(getTranslation(heading));
        title.setId("page-title");
        add(title, create, grid);
        refresh();
    }

    void refresh() {
        grid.setItems(projectService.listVisible());
    }

    private void open(Project project) {
        getUI().ifPresent(ui -> ui.navigate(ProjectView.class, new RouteParameters("id", String.valueOf(project.getId()))));
    }

    void openCreateDialog(Account me) {
        Dialog dialog = new Dialog();
        dialog.setId("new-project-dialog");
        dialog.setHeaderTitle(getTranslation("projects.new"));
        TextField title = new TextField(getTranslation("project.field.title"));
        title.setId("project-title");
        title.setMaxLength(Project.TITLE_MAX);
        title.setRequired(true);
        title.setHelperText(getTranslation("project.field.title-help"));
        TextArea summary = new TextArea(getTranslation("project.field.summary"));
        summary.setId("project-summary");
        summary.setMaxLength(Project.SUMMARY_MAX);
        summary.setHelperText(getTranslation("project.field.summary-help"));
        TextField organisation = new TextField(getTranslation("project.field.organisation"));
        organisation.setId("project-organisation");
        organisation.setMaxLength(Project.ORGANISATION_MAX);
        organisation.setValue(me.getOrganisation() == null ? "" : me.getOrganisation());
        MultiSelectComboBox<Region> regions = new MultiSelectComboBox<>(getTranslation("project.field.regions"));
        regions.setId("project-regions");
        regions.setItems(Arrays.stream(Region.values()).sorted(Comparator.comparing(Region::label)).toList());
        regions.setItemLabelGenerator(Region::label);
        if (me.getRegion() != null) {
            regions.select(me.getRegion());
        }
        Paragraph error = new Paragraph();
        error.setId("project-error");
        error.addClassName("form-error");
        error.setVisible(false);

        Button save = new Button(getTranslation("action.create"), e -> {
            try {
                Project created = projectService.create(new NewProject(title.getValue(), summary.getValue(),
                        organisation.getValue(), regions.getValue()));
                dialog.close();
                open(created);
            } catch (BusinessException ex) {
                error.setText(getTranslation(ex.messageKey(), ex.args()));
                error.setVisible(true);
            }
        });
        save.setId("project-save");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        FormLayout form = new FormLayout(title, summary, organisation, regions);
        form.setResponsiveSteps(new FormLayout.ResponsiveStep("0", 1));
        dialog.add(form, error);
        dialog.setWidth("36em");
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), e -> dialog.close()), save);
        dialog.open();
    }
}
