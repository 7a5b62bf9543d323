package fr.atelier51.base.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.icon.Icon;
import fr.atelier51.base.service.HeaderNotice;

/**
 * One header badge (a bell with a count) for a {@link HeaderNotice}: hidden at 0, a click leads to the notice's page.
 * It re-reads its count when the notice announces a change, over Push, while the header is on screen.
 */
class HeaderBell extends Button {

    private final HeaderNotice notice;

    HeaderBell(HeaderNotice notice) {
        super(new Icon("vaadin", "bell"));
        this.notice = notice;
        addClickListener(e -> getUI().ifPresent(ui -> ui.navigate(notice.route())));
        addThemeVariants(ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        addClassName("header-notice");
        setId("header-notice-" + notice.route());
        refresh();
        LiveUpdates.whileAttached(this, notice::subscribe, this::refresh);
    }

    /** Shows the current count (in the UI's lock). */
    void refresh() {
        int count = notice.count();
        setVisible(count > 0);
        setText(String.valueOf(count));
        String label = getTranslation(notice.labelKey(), count);
        setAriaLabel(label);
        setTooltipText(label);
    }
}
