package fr.atelier51.portfolio.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.data.value.ValueChangeMode;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import fr.atelier51.account.domain.Role;
import fr.atelier51.account.service.CurrentAccount;
import fr.atelier51.assistant.domain.Scope;
import fr.atelier51.base.domain.Region;
import fr.atelier51.base.ui.LiveUpdates;
import fr.atelier51.letter.domain.Readiness;
import fr.atelier51.portfolio.service.PendingReviewsLive;
import fr.atelier51.portfolio.service.PortfolioRow;
import fr.atelier51.portfolio.service.PortfolioService;
import fr.atelier51.portfolio.service.ReviewReminders;
import fr.atelier51.project.domain.ProjectStatus;
import jakarta.annotation.security.RolesAllowed;

import java.io.ByteArrayInputStream;
import java.text.Normalizer;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The coaches' home: every project they follow (all for an admin), filterable, with counts and a CSV export. */
@Route("portfolio")
@PageTitle("Atelier 51")
@Menu(order = 5, icon = "vaadin:dashboard", title = "nav.portfolio")
@RolesAllowed({"COACH", "ADMIN"})
public class PortfolioView extends VerticalLayout {

    private final List<PortfolioRow> all;
    final Grid<PortfolioRow> grid = new Grid<>();
    final TextField search = new TextField();
    final MultiSelectComboBox<ProjectStatus> statuses = new MultiSelectComboBox<>();
    final ComboBox<Scope> scope = new ComboBox<>();
    final ComboBox<Region> region = new ComboBox<>();
    final ComboBox<Readiness.Overall> readiness = new ComboBox<>();
    private final HorizontalLayout charts = new HorizontalLayout();
    private List<PortfolioRow> shown = List.of();

    private final ReviewReminders reminders;
    private PendingReviews pending;

    public PortfolioView(PortfolioService portfolio, CurrentAccount currentAccount, ReviewReminders reminders,
                         PendingReviewsLive live) {
        this.reminders = reminders;
        setSizeFull();
        all = portfolio.rows();
        boolean admin = currentAccount.require().getRole() == Role.ADMIN;

        search.setPlaceholder(getTranslation("portfolio.search"));
        search.setPrefixComponent(VaadinIcon.SEARCH.create());
        search.setValueChangeMode(ValueChangeMode.LAZY);
        search.setId("portfolio-search");
        search.setClearButtonVisible(true);
        statuses.setPlaceholder(getTranslation("portfolio.col.status"));
        statuses.setItems(ProjectStatus.values());
        statuses.setItemLabelGenerator(s -> getTranslation(s.labelKey()));
        statuses.setId("portfolio-status");
        scope.setPlaceholder(getTranslation("portfolio.col.scope"));
        scope.setItems(Scope.values());
        scope.setItemLabelGenerator(s -> getTranslation(PortfolioService.scopeKey(s)));
        scope.setClearButtonVisible(true);
        region.setPlaceholder(getTranslation("portfolio.col.regions"));
        region.setItems(Arrays.stream(Region.values()).sorted(Comparator.comparing(Region::label)).toList());
        region.setItemLabelGenerator(Region::label);
        region.setClearButtonVisible(true);
        region.setVisible(admin);
        readiness.setPlaceholder(getTranslation("filing.col.readiness"));
        readiness.setItems(Readiness.Overall.values());
        readiness.setItemLabelGenerator(o -> getTranslation(PortfolioService.readinessKey(o)));
        readiness.setClearButtonVisible(true);
        readiness.setId("portfolio-readiness");
        readiness.addValueChangeListener(e -> applyFilters());
        search.addValueChangeListener(e -> applyFilters());
        statuses.addValueChangeListener(e -> applyFilters());
        scope.addValueChangeListener(e -> applyFilters());
        region.addValueChangeListener(e -> applyFilters());

        Anchor csv = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] bytes = PortfolioService.csv(shown, this::getTranslation);
            return new DownloadResponse(new ByteArrayInputStream(bytes), "portefeuille-atelier51.csv", "text/csv;charset=UTF-8", bytes.length);
        }), "");
        Button csvButton = new Button(getTranslation("portfolio.csv"), VaadinIcon.DOWNLOAD.create());
        csvButton.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        csv.add(csvButton);
        csv.setId("portfolio-csv");

        configureGrid();
        HorizontalLayout filters = new HorizontalLayout(search, statuses, scope, readiness, region, csv);
        filters.setDefaultVerticalComponentAlignment(FlexComponent.Alignment.BASELINE);
        filters.setWrap(true);
        charts.setId("portfolio-charts");
        charts.setWrap(true);
        H2 title = new H2(getTranslation(admin ? "portfolio.title.admin" : "portfolio.title.coach"));
        title.setId("page-title");
        pending = new PendingReviews(reminders.pending(), reminders.overdueDays());
        add(title, pending, charts, filters, grid);
        applyFilters();
        LiveUpdates.whileAttached(this, live::subscribe, this::refreshPending);
    }

    /** A review was requested or answered meanwhile: the « Relectures en attente » list is read again (pushed). */
    void refreshPending() {
        PendingReviews fresh = new PendingReviews(reminders.pending(), reminders.overdueDays());
        replace(pending, fresh);
        pending = fresh;
    }

    private void configureGrid() {
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.SHORT).withLocale(getLocale())
                .withZone(ZoneId.of("Europe/Paris"));
        grid.setId("portfolio-grid");
        grid.addColumn(PortfolioRow::title).setHeader(getTranslation("portfolio.col.title")).setFlexGrow(3).setSortable(true)
                .setComparator(r -> r.title().toLowerCase(Locale.ROOT));
        grid.addColumn(PortfolioRow::owner).setHeader(getTranslation("portfolio.col.owner")).setSortable(true);
        grid.addComponentColumn(r -> {
            Span badge = new Span(getTranslation(r.status().labelKey()));
            badge.getElement().getThemeList().add("badge");
            return badge;
        }).setHeader(getTranslation("portfolio.col.status")).setComparator(PortfolioRow::status).setSortable(true);
        grid.addColumn(r -> getTranslation(PortfolioService.scopeKey(r.scope()))).setHeader(getTranslation("portfolio.col.scope")).setSortable(true);
        grid.addComponentColumn(this::readinessBadge).setHeader(getTranslation("filing.col.readiness"))
                .setComparator(Comparator.comparing(PortfolioRow::readiness).thenComparing(PortfolioRow::completeness))
                .setSortable(true).setAutoWidth(true);
        grid.addColumn(r -> r.completeness() + " %").setHeader(getTranslation("filing.col.completeness"))
                .setComparator(PortfolioRow::completeness).setSortable(true);
        grid.addColumn(r -> r.destination() == null ? "—" : r.destination()).setHeader(getTranslation("portfolio.col.destination")).setFlexGrow(2);
        grid.addColumn(r -> r.verdict() == null ? "—" : r.verdict().label()).setHeader(getTranslation("portfolio.col.verdict"));
        grid.addColumn(r -> dates.format(r.lastActivity())).setHeader(getTranslation("portfolio.col.last-activity"))
                .setComparator(PortfolioRow::lastActivity).setSortable(true);
        grid.addColumn(PortfolioRow::daysSinceLastChange).setHeader(getTranslation("portfolio.col.days"))
                .setComparator(PortfolioRow::daysSinceLastChange).setSortable(true);
        grid.addComponentColumn(this::links).setHeader(getTranslation("portfolio.col.open")).setAutoWidth(true).setKey("open");
        grid.setEmptyStateText(getTranslation("portfolio.empty"));
    }

    private Span readinessBadge(PortfolioRow row) {
        Span badge = new Span(getTranslation(PortfolioService.readinessKey(row.readiness())));
        badge.getElement().getThemeList().add("badge");
        badge.getElement().getThemeList().add(switch (row.readiness()) {
            case TO_COMPLETE -> "contrast";
            case READY_FOR_REVIEW -> "primary";
            case VALIDATED_BY_COACH -> "success";
        });
        return badge;
    }

    /** One click to each place a coach works on: the project, its letter, the conversation, readiness, private notes. */
    private HorizontalLayout links(PortfolioRow row) {
        String base = "projects/" + row.projectId();
        HorizontalLayout links = new HorizontalLayout(
                new Anchor(base, getTranslation("portfolio.open.project")),
                new Anchor(base + "/letter", getTranslation("filing.open.letter")),
                new Anchor(base + "/assistant", getTranslation("portfolio.open.assistant")),
                new Anchor(base + "/readiness", getTranslation("filing.open.readiness")),
                new Anchor(base + "/notes", getTranslation("filing.open.notes")));
        links.setSpacing(true);
        return links;
    }

    void applyFilters() {
        List<String> words = Arrays.stream(fold(search.getValue()).split("\\s+")).filter(w -> !w.isEmpty()).toList();
        shown = all.stream()
                .filter(r -> {
                    String text = fold(r.title() + " " + r.owner() + " " + (r.organisation() == null ? "" : r.organisation()));
                    return words.stream().allMatch(text::contains);
                })
                .filter(r -> statuses.getValue().isEmpty() || statuses.getValue().contains(r.status()))
                .filter(r -> scope.getValue() == null || scope.getValue() == r.scope())
                .filter(r -> region.getValue() == null || r.regions().contains(region.getValue()))
                .filter(r -> readiness.getValue() == null || readiness.getValue() == r.readiness())
                .toList();
        grid.setItems(shown);
        charts.removeAll();
        Map<String, Long> byStatus = new LinkedHashMap<>();
        PortfolioService.countByStatus(shown).forEach((s, n) -> byStatus.put(getTranslation(s.labelKey()), n));
        Map<String, Long> byScope = new LinkedHashMap<>();
        PortfolioService.countByScope(shown).forEach((k, n) -> byScope.put(getTranslation(k), n));
        charts.add(chartBox("portfolio.chart.status", byStatus), chartBox("portfolio.chart.scope", byScope));
    }

    private Div chartBox(String titleKey, Map<String, Long> counts) {
        Div box = new Div(new H3(getTranslation(titleKey)), new BarChart(getTranslation(titleKey), counts));
        box.addClassName("chart-box");
        return box;
    }

    private static String fold(String s) {
        return s == null ? "" : Normalizer.normalize(s, Normalizer.Form.NFD).replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).strip();
    }
}
